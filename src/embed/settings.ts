/**
 * The widget's configuration attributes (issue 5), read and checked in one place.
 *
 * `readSettings(attributes)` never throws: a value that is not understood gives a problem (the
 * attribute, the value, what is allowed) and that setting's default. The element logs each
 * problem as a console warning. DOM-free, so it is tested in Node.
 *
 * | attribute   | values                                                        | default        |
 * | ----------- | ------------------------------------------------------------- | -------------- |
 * | `select`    | a node IRI, selected after each load                          | none           |
 * | `controls`  | comma/space list of search, filters, details, statements,     | all panels     |
 * |             | source, legend, toolbar; or `none` (a read-only picture); `all`|                |
 * | `height`    | a CSS length: 480px, 30em, 60vh, 100%                         | the host's CSS, else max(400px, 60vh) |
 * | `theme`     | light, dark, auto (the user's prefers-color-scheme, live)     | light          |
 * | `readonly`  | boolean attribute: no layout re-runs from the UI              | off            |
 * | `caption`   | the title shown in the caption (else the data's title)        | from the data  |
 * | `cite-base` | http(s) URL of the page the "cite this view" link opens       | this page      |
 * | `version`   | the dataset version a cited view was pinned to (12 hex)       | none           |
 * | `story`     | URL of a story (JSON), relative to the page                   | none           |
 * | `step`      | the story step shown, 1-based                                 | 1              |
 * | `jsonld-contexts` | remote JSON-LD contexts allowed: http(s) URLs (a URL ending | none (bundled only) |
 * |             | in "/" allows all below it) and limits maxCount=4 maxBytes=1048576 timeoutMs=10000 | |
 */
import {
  DEFAULT_JSONLD_CONTEXTS,
  isHttpUrl,
  JSONLD_CONTEXT_LIMITS,
  type JsonLdContextLimit,
  type JsonLdContextPolicy,
} from "../core/rdf/jsonld-policy";

export const PANELS = [
  "search",
  "filters",
  "details",
  "statements",
  "source",
  "legend",
  "toolbar",
] as const;
export type Panel = (typeof PANELS)[number];

export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];

/** The attributes this module reads (observed by the element). */
export const SETTINGS_ATTRIBUTES = [
  "select",
  "controls",
  "height",
  "theme",
  "readonly",
  "caption",
  "cite-base",
  "version",
  "story",
  "step",
  "jsonld-contexts",
] as const;
export type SettingsAttribute = (typeof SETTINGS_ATTRIBUTES)[number];

export interface WidgetSettings {
  /** Node IRI to select after each load, or null. */
  readonly select: string | null;
  /** The panels shown. */
  readonly controls: readonly Panel[];
  /** CSS length of the widget's height, or null (the host's CSS, else at least 400 px). */
  readonly height: string | null;
  /**
   * `light` | `dark` | `auto`: the panels' and the canvas's colours; `auto` follows the user's
   * `prefers-color-scheme`, and switches when it changes (no reload).
   */
  readonly theme: Theme;
  /** No layout re-runs (mode, seed, run/pause) from the UI. The JS API still works. */
  readonly readonly: boolean;
  /** Caption title given by the page (else the data's title). */
  readonly caption: string | null;
  /** Absolute http(s) URL the "cite this view" link points at (null: the current page). */
  readonly citeBase: string | null;
  /** Expected dataset version (first 12 hex digits of the SHA-256 of the loaded text). */
  readonly version: string | null;
  /** Story URL, or null. */
  readonly story: string | null;
  /** Story step shown, 1-based. */
  readonly step: number;
  /** Remote JSON-LD contexts a load may fetch, and the limits (default: none). */
  readonly jsonldContexts: JsonLdContextPolicy;
}

export const DEFAULT_SETTINGS: WidgetSettings = Object.freeze({
  select: null,
  controls: Object.freeze([...PANELS]) as readonly Panel[],
  height: null,
  theme: "light",
  readonly: false,
  caption: null,
  citeBase: null,
  version: null,
  story: null,
  step: 1,
  jsonldContexts: DEFAULT_JSONLD_CONTEXTS,
});

export interface SettingsProblem {
  attribute: SettingsAttribute;
  value: string;
  /** A sentence naming the attribute and what it accepts. */
  message: string;
}

const MAX_TEXT = 2048;
const LENGTH =
  /^(?:0|\d{1,5}(?:\.\d{1,4})?(?:px|em|rem|vh|vw|svh|lvh|dvh|vmin|vmax|%|ch|ex|lh|pt|pc|cm|mm|in))$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const VERSION = /^[0-9a-f]{12}$/;

function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
}

/** Parses `controls`: the panels listed (order and repeats do not matter). */
export function parseControls(value: string): { panels: Panel[]; unknown: string[] } {
  const words = value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== "");
  if (words.length === 1 && words[0] === "none") return { panels: [], unknown: [] };
  if (words.length === 1 && words[0] === "all") return { panels: [...PANELS], unknown: [] };
  const unknown = words.filter((w) => !(PANELS as readonly string[]).includes(w));
  const panels = PANELS.filter((p) => words.includes(p));
  return { panels, unknown };
}

/** The most each JSON-LD context limit may be set to. */
const JSONLD_LIMIT_MAX: Record<JsonLdContextLimit, number> = {
  maxCount: 50,
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 300_000,
};

function limitAllowed(name: JsonLdContextLimit, n: number): boolean {
  return Number.isInteger(n) && n <= JSONLD_LIMIT_MAX[name] && n >= (name === "maxCount" ? 0 : 1);
}

function limitProblem(name: JsonLdContextLimit): string {
  return `${name} must be a whole number from ${name === "maxCount" ? 0 : 1} to ${JSONLD_LIMIT_MAX[name]}`;
}

/**
 * Checks a value given to the element's `jsonldContexts` property: an object
 * `{ allow?: string[], maxCount?, maxBytes?, timeoutMs? }` with the same rules and the same
 * problem texts as the attribute (the limits left out take their defaults). `problems` lists
 * what is not understood (then the policy is not used).
 */
export function checkJsonLdContexts(value: unknown): {
  policy: JsonLdContextPolicy;
  problems: string[];
} {
  const problems: string[] = [];
  const allow: string[] = [];
  const limits: Partial<Record<JsonLdContextLimit, number>> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`${Array.isArray(value) ? "an array" : quoted(String(value))} is not an object`);
  } else {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === "allow") {
        if (!Array.isArray(v)) problems.push("allow must be an array of http(s) URLs");
        else {
          for (const url of v as unknown[]) {
            if (typeof url === "string" && isHttpUrl(url.trim())) allow.push(url.trim());
            else problems.push(`${quoted(String(url))} is not an http(s) URL`);
          }
        }
        continue;
      }
      const name = JSONLD_CONTEXT_LIMITS.find((l) => l === key);
      if (!name) problems.push(`unknown limit ${quoted(key)}`);
      else if (v === undefined) continue;
      else if (typeof v !== "number" || !limitAllowed(name, v)) problems.push(limitProblem(name));
      else limits[name] = v;
    }
  }
  return {
    policy: Object.freeze({
      ...DEFAULT_JSONLD_CONTEXTS,
      ...limits,
      allow: Object.freeze(allow) as readonly string[],
    }),
    problems,
  };
}

/** The error text of a bad `jsonldContexts` property value. */
export function jsonldContextsProblem(problems: readonly string[]): string {
  return `<orgraph-explorer> property "jsonldContexts": not allowed (${problems.join("; ")}); allowed: { allow: [http(s) URLs of contexts (one ending in "/" allows all below it)], maxCount, maxBytes, timeoutMs }. Nothing was changed.`;
}

/**
 * Parses `jsonld-contexts`: http(s) URLs and `maxCount=N`, `maxBytes=N`, `timeoutMs=N`, separated
 * by spaces or commas. `problems` lists what is not understood (then the policy is not used).
 */
export function parseJsonLdContexts(value: string): {
  policy: JsonLdContextPolicy;
  problems: string[];
} {
  const allow: string[] = [];
  const limits: Partial<Record<JsonLdContextLimit, number>> = {};
  const problems: string[] = [];
  for (const word of value.split(/[\s,]+/).filter((w) => w !== "")) {
    const limit = /^([a-z-]+)=(.*)$/i.exec(word);
    if (limit && !/^https?:/i.test(word)) {
      const key = limit[1]!.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()).toLowerCase();
      const name = JSONLD_CONTEXT_LIMITS.find((l) => l.toLowerCase() === key);
      const n = /^\d{1,9}$/.test(limit[2]!) ? Number(limit[2]) : NaN;
      if (!name) problems.push(`unknown limit ${quoted(word)}`);
      else if (!limitAllowed(name, n)) problems.push(limitProblem(name));
      else limits[name] = n;
    } else if (isHttpUrl(word)) allow.push(word);
    else problems.push(`${quoted(word)} is not an http(s) URL`);
  }
  return { policy: Object.freeze({ ...DEFAULT_JSONLD_CONTEXTS, ...limits, allow }), problems };
}

/** Reads the settings from attribute values (null: attribute absent). Never throws. */
export function readSettings(attributes: Partial<Record<SettingsAttribute, string | null>>): {
  settings: WidgetSettings;
  problems: SettingsProblem[];
} {
  const problems: SettingsProblem[] = [];
  const problem = (attribute: SettingsAttribute, value: string, allowed: string): void => {
    problems.push({
      attribute,
      value,
      message: `<orgraph-explorer> attribute "${attribute}": ${quoted(value)} is not allowed; ${allowed}. Using the default.`,
    });
  };
  const text = (name: SettingsAttribute): string | null => {
    const value = attributes[name];
    if (value === null || value === undefined) return null;
    const trimmed = value.trim();
    if (trimmed === "") return null;
    if (trimmed.length > MAX_TEXT) {
      problem(name, trimmed, `it must be at most ${MAX_TEXT} characters`);
      return null;
    }
    return trimmed;
  };

  const settings: { -readonly [K in keyof WidgetSettings]: WidgetSettings[K] } = {
    ...DEFAULT_SETTINGS,
  };
  settings.select = text("select");
  settings.caption = text("caption");
  settings.story = text("story");

  const controls = attributes.controls;
  if (controls !== null && controls !== undefined && controls.trim() !== "") {
    const { panels, unknown } = parseControls(controls);
    if (unknown.length > 0) {
      problem(
        "controls",
        controls,
        `allowed: "none", "all" or a comma/space list of ${PANELS.join(", ")} (unknown: ${unknown.join(", ")})`,
      );
    } else settings.controls = panels;
  }

  const height = text("height");
  if (height !== null) {
    if (LENGTH.test(height.toLowerCase())) settings.height = height.toLowerCase();
    else problem("height", height, "allowed: a CSS length such as 480px, 30em, 60vh or 100%");
  }

  const theme = text("theme");
  if (theme !== null) {
    const t = theme.toLowerCase();
    if ((THEMES as readonly string[]).includes(t)) settings.theme = t as Theme;
    else problem("theme", theme, `allowed: ${THEMES.join(", ")}`);
  }

  const readonly = attributes.readonly;
  if (readonly !== null && readonly !== undefined) {
    const r = readonly.trim().toLowerCase();
    if (r === "" || r === "readonly" || r === "true") settings.readonly = true;
    else if (r === "false") settings.readonly = false;
    else problem("readonly", readonly, 'allowed: present (readonly, readonly="true") or "false"');
  }

  const citeBase = text("cite-base");
  if (citeBase !== null) {
    if (HTTP_URL.test(citeBase)) settings.citeBase = citeBase;
    else problem("cite-base", citeBase, "allowed: an absolute http(s) URL");
  }

  const version = text("version");
  if (version !== null) {
    if (VERSION.test(version.toLowerCase())) settings.version = version.toLowerCase();
    else problem("version", version, "allowed: 12 hexadecimal digits (the dataset version)");
  }

  const step = text("step");
  if (step !== null) {
    const n = Number(step);
    if (/^\d{1,4}$/.test(step) && n >= 1) settings.step = n;
    else problem("step", step, "allowed: a story step number from 1");
  }

  const contexts = text("jsonld-contexts");
  if (contexts !== null) {
    const { policy, problems: wrong } = parseJsonLdContexts(contexts);
    if (wrong.length === 0) settings.jsonldContexts = policy;
    else {
      problem(
        "jsonld-contexts",
        contexts,
        `allowed: http(s) URLs of contexts (one ending in "/" allows all below it) and maxCount=N, maxBytes=N, timeoutMs=N (${wrong.join("; ")})`,
      );
    }
  }

  return { settings: Object.freeze(settings), problems };
}

/** Whether the side panel has anything to show. */
export function hasPanel(controls: readonly Panel[]): boolean {
  return (["details", "statements", "source", "legend"] as const).some((p) => controls.includes(p));
}
