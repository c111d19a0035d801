/**
 * Stories (issue 5): an ordered list of steps, each a title, a short text and a view.
 *
 * A story is JSON next to the data (data/stories/*.json):
 *
 * ```json
 * {
 *   "orgraphStory": 1,
 *   "title": { "fr": "…", "en": "…" },
 *   "base": "https://orgraph.dev/data/iom-pk-2008/",
 *   "steps": [
 *     {
 *       "title": { "fr": "Les hôtes", "en": "The hosts" },
 *       "text": { "fr": "…", "en": "L'**OIM Pakistan** and …" },
 *       "nodes": ["iom-pakistan", "ministry-interior"],
 *       "edges": [],
 *       "camera": { "x": 0.5, "y": 0.5, "ratio": 0.6, "angle": 0 },
 *       "filters": { "hiddenCategories": ["concept"], "hideIsolated": true }
 *     }
 *   ]
 * }
 * ```
 *
 * - Texts and titles: a string, or strings by UI language (fr, en; the other one is the
 *   fallback). Text markup is a small safe subset, parsed here into blocks and spans that the UI
 *   builds as DOM nodes (never innerHTML): paragraphs (a blank line), `**bold**`, `*italic*`,
 *   line breaks, and `[text](https://…)` links (only http(s) URLs; anything else stays text).
 * - `nodes`: node keys, absolute IRIs or relative to `base`; highlighted, the rest faded.
 *   `edges`: edge keys to highlight as well (default: every edge between the nodes).
 * - `camera`: where the camera goes; without it the camera frames the step's nodes.
 * - `filters`: hidden categories, predicates, sources and "hide isolated" during the step
 *   (without it: none hidden).
 *
 * `parseStory(json)` checks untrusted JSON and throws a StoryError listing every problem with
 * its path ("steps[2].nodes[0]: …"). DOM-free, so it is tested in Node.
 */
import { validateViewState, DEFAULT_VIEW_STATE, type Camera, type ViewState } from "../core";
import type { StoryBlocks, StorySpan } from "../ui/story";

export type { StoryBlocks, StorySpan };

export type StoryLang = "fr" | "en";
export type Localised = string | Partial<Record<StoryLang, string>>;

export interface StoryFilters {
  hiddenCategories?: ViewState["hiddenCategories"];
  hiddenPredicates?: ViewState["hiddenPredicates"];
  hiddenSources?: ViewState["hiddenSources"];
  hideIsolated?: boolean;
}

export interface StoryStep {
  title: Localised;
  text: Localised;
  /** Absolute node keys. */
  nodes: string[];
  /** Absolute edge keys, or null: the edges between the nodes. */
  edges: string[] | null;
  camera: Camera | null;
  filters: StoryFilters | null;
}

export interface Story {
  title: Localised;
  steps: StoryStep[];
}

export class StoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid story: ${problems.join("; ")}.`);
    this.name = "StoryError";
  }
}

const MAX_STEPS = 200;
const MAX_TEXT = 4000;
const MAX_KEYS = 500;

function show(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Checks untrusted story JSON (a parsed value or its text). Throws StoryError. */
export function parseStory(input: unknown): Story {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new StoryError([`not JSON (${(error as Error).message})`]);
    }
  }
  const problems: string[] = [];
  if (!isObject(value)) throw new StoryError([`a story must be an object, not ${show(value)}`]);
  if (value.orgraphStory !== 1) {
    problems.push(`orgraphStory must be 1 (the format version), not ${show(value.orgraphStory)}`);
  }
  let base: string | null = null;
  if (value.base !== undefined) {
    if (typeof value.base === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value.base))
      base = value.base;
    else problems.push(`base must be an absolute IRI, not ${show(value.base)}`);
  }
  const localised = (v: unknown, path: string, max: number): Localised => {
    if (typeof v === "string") {
      if (v.length > max) problems.push(`${path} is longer than ${max} characters`);
      return v;
    }
    if (isObject(v)) {
      const out: Partial<Record<StoryLang, string>> = {};
      const keys = Object.keys(v);
      if (keys.length === 0) problems.push(`${path} must have a "fr" or "en" text`);
      for (const k of keys) {
        if (k !== "fr" && k !== "en")
          problems.push(`${path}: unknown language ${show(k)} (fr, en)`);
        else if (typeof v[k] !== "string")
          problems.push(`${path}.${k} must be a string, not ${show(v[k])}`);
        else if ((v[k] as string).length > max)
          problems.push(`${path}.${k} is longer than ${max} characters`);
        else out[k] = v[k] as string;
      }
      return out;
    }
    problems.push(`${path} must be a string or {"fr": …, "en": …}, not ${show(v)}`);
    return "";
  };
  const keys = (v: unknown, path: string): string[] => {
    if (!Array.isArray(v)) {
      problems.push(`${path} must be an array of keys, not ${show(v)}`);
      return [];
    }
    if (v.length > MAX_KEYS) problems.push(`${path} has more than ${MAX_KEYS} keys`);
    return v.flatMap((k, i) => {
      if (typeof k !== "string" || k === "" || k.length > 2048) {
        problems.push(`${path}[${i}] must be a non-empty string, not ${show(k)}`);
        return [];
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(k) || k.startsWith("_:")) return [k];
      if (base === null) {
        problems.push(`${path}[${i}]: ${show(k)} is relative but the story has no "base"`);
        return [];
      }
      return [base + k];
    });
  };
  const title = localised(value.title ?? "", "title", 300);
  const steps: StoryStep[] = [];
  if (!Array.isArray(value.steps) || value.steps.length === 0) {
    problems.push(`steps must be a non-empty array, not ${show(value.steps)}`);
  } else if (value.steps.length > MAX_STEPS) {
    problems.push(`steps: at most ${MAX_STEPS} steps`);
  } else {
    value.steps.forEach((raw: unknown, i: number) => {
      const path = `steps[${i}]`;
      if (!isObject(raw)) {
        problems.push(`${path} must be an object, not ${show(raw)}`);
        return;
      }
      for (const k of Object.keys(raw)) {
        if (!["title", "text", "nodes", "edges", "camera", "filters"].includes(k)) {
          problems.push(`${path}: unknown field ${show(k)}`);
        }
      }
      const step: StoryStep = {
        title: localised(raw.title, `${path}.title`, 300),
        text: localised(raw.text ?? "", `${path}.text`, MAX_TEXT),
        nodes: raw.nodes === undefined ? [] : keys(raw.nodes, `${path}.nodes`),
        edges: raw.edges === undefined ? null : keys(raw.edges, `${path}.edges`),
        camera: null,
        filters: null,
      };
      if (raw.camera !== undefined || raw.filters !== undefined) {
        const f = isObject(raw.filters) ? raw.filters : {};
        if (raw.filters !== undefined && !isObject(raw.filters)) {
          problems.push(`${path}.filters must be an object, not ${show(raw.filters)}`);
        }
        for (const k of Object.keys(f)) {
          if (
            !["hiddenCategories", "hiddenPredicates", "hiddenSources", "hideIsolated"].includes(k)
          ) {
            problems.push(`${path}.filters: unknown field ${show(k)}`);
          }
        }
        try {
          // The view state's own checks (camera bounds, known categories and sources).
          const checked = validateViewState({
            ...DEFAULT_VIEW_STATE,
            ...f,
            ...(raw.camera !== undefined ? { camera: raw.camera } : {}),
          });
          if (raw.camera !== undefined) step.camera = checked.camera;
          if (raw.filters !== undefined) {
            step.filters = {
              hiddenCategories: checked.hiddenCategories,
              hiddenPredicates: checked.hiddenPredicates,
              hiddenSources: checked.hiddenSources,
              hideIsolated: checked.hideIsolated,
            };
          }
        } catch (error) {
          problems.push(
            `${path}: ${(error as Error).message.replace(/^Invalid view state: /, "")}`,
          );
        }
      }
      steps.push(step);
    });
  }
  if (problems.length > 0) throw new StoryError(problems);
  return { title, steps };
}

/** The text of `value` in `lang` (else the other language). */
export function localise(value: Localised, lang: StoryLang): string {
  if (typeof value === "string") return value;
  return value[lang] ?? value[lang === "fr" ? "en" : "fr"] ?? "";
}

// ---------------------------------------------------------------------------------------------
// Text markup: paragraphs, **bold**, *italic*, line breaks, [text](http(s) URL).

function safeHref(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function parseInline(text: string, depth = 0): StorySpan[] {
  const out: StorySpan[] = [];
  let buffer = "";
  const flush = (): void => {
    if (buffer !== "") out.push({ kind: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith("\\") && rest.length > 1 && "*[]()\\".includes(rest[1]!)) {
      buffer += rest[1];
      i += 2;
      continue;
    }
    if (rest.startsWith("\n")) {
      flush();
      out.push({ kind: "br" });
      i += 1;
      continue;
    }
    if (depth < 4 && rest.startsWith("**")) {
      const end = rest.indexOf("**", 2);
      if (end > 2) {
        flush();
        out.push({ kind: "strong", children: parseInline(rest.slice(2, end), depth + 1) });
        i += end + 2;
        continue;
      }
    }
    if (depth < 4 && rest.startsWith("*") && !rest.startsWith("**")) {
      const end = rest.indexOf("*", 1);
      if (end > 1 && rest[end + 1] !== "*") {
        flush();
        out.push({ kind: "em", children: parseInline(rest.slice(1, end), depth + 1) });
        i += end + 1;
        continue;
      }
    }
    if (depth < 4 && rest.startsWith("[")) {
      const m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
      if (m) {
        flush();
        const href = safeHref(m[2]!);
        const children = parseInline(m[1]!, depth + 1);
        if (href) out.push({ kind: "link", href, children });
        else out.push(...children);
        i += m[0].length;
        continue;
      }
    }
    buffer += rest[0];
    i += 1;
  }
  flush();
  return out;
}

/** Parses a step text (see the module comment): paragraphs of spans; everything else is text. */
export function parseStoryText(text: string): StoryBlocks {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => parseInline(p));
}
