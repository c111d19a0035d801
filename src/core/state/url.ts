/**
 * Orgraph core: the view state in the URL query.
 *
 * `encodeViewState` writes only what differs from the defaults, with short stable parameter
 * names in a fixed order and numbers rounded to what the eye can tell apart, so the same view
 * is always the same URL. `decodeViewState` reads anything: unknown parameters are ignored, a
 * bad value gives a warning and the default, it never throws. The output is a query string as
 * URLSearchParams reads it (form encoding; `:`, `/`, `@` and `,` are left readable).
 *
 * Parameters (stable: links in the wild depend on them):
 *   sel    selected node key           hc    hidden categories (comma list)
 *   hp     hidden predicate (repeated; IRIs in known namespaces as `prefix:local`)
 *   hs     hidden source kinds         iso   1 = hide isolated nodes
 *   hg     hidden named graph (repeated; IRIs in known namespaces as `prefix:local`,
 *          `@default` for the default graph)
 *   q      search text                 ego   ego centre key, depth  ego depth (1-3)
 *   from   path start key, to  path end key
 *   col    colour mode                 sz    size mode
 *   cam    camera x,y,ratio,angle      seed  layout seed
 *   lay    layout (circular, category; force is the default)
 *   ui     UI language                 dl    data-label languages (comma list)
 *   src    data source                 nary  0 = show memberships as nodes
 *   posts  1 = collapse posts into edges   stmts  1 = collapse statements into edges
 *   rev    node brought back by "expand" (repeated)
 *   endpoint  SPARQL endpoint URL       graph  its default graph IRI
 *   open   IRI opened on the endpoint (repeated)
 *   exp    relation expanded on the endpoint: `direction predicate node` (repeated; the
 *          predicate as `prefix:local` in a known namespace)
 *   start  the CONSTRUCT / DESCRIBE query the endpoint view starts from, re-run on reload
 *          (written only when its encoded form fits in MAX_START_QUERY_URL_LENGTH; read back
 *          as well when it is an IRI, which then counts as opened, as `load({ start })` does)
 */
import { NS } from "../model/vocab";
import { CATEGORIES } from "../model/types";
import {
  graphOfKey,
  graphSourceKey,
  isGraphSourceKey,
  SOURCE_KINDS,
  type SourceFilterKey,
} from "../graph/sources";
import {
  cameraProblem,
  canonicalCategories,
  canonicalExpansions,
  endpointProblem,
  expansionProblem,
  isStartQuery,
  startQueryProblem,
  MAX_ENDPOINT_STEPS,
  type EndpointExpansion,
  canonicalLanguages,
  canonicalPredicates,
  canonicalSources,
  COLOUR_MODES,
  dataSourceProblem,
  DEFAULT_VIEW_STATE,
  EGO_DEPTHS,
  isCategory,
  isColourMode,
  isLayoutMode,
  isEgoDepth,
  isSizeMode,
  isUiLanguage,
  keyProblem,
  LAYOUT_MODES,
  languageTagProblem,
  MAX_DATA_LANGUAGES,
  MAX_HIDDEN_GRAPHS,
  MAX_HIDDEN_PREDICATES,
  MAX_REVEALED,
  MAX_SEARCH_LENGTH,
  seedProblem,
  SIZE_MODES,
  UI_LANGUAGES,
  type Camera,
  type ViewState,
} from "./view-state";
import { isSourceKind } from "../graph/sources";

/** The query parameter names, in the order they are written. */
export const URL_PARAMS = [
  "sel",
  "hc",
  "hp",
  "hs",
  "hg",
  "iso",
  "q",
  "ego",
  "depth",
  "from",
  "to",
  "col",
  "sz",
  "cam",
  "seed",
  "lay",
  "ui",
  "dl",
  "src",
  "nary",
  "posts",
  "stmts",
  "rev",
  "endpoint",
  "graph",
  "open",
  "exp",
  "start",
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

/** Something in the query that was not understood; the default was used instead. */
export interface UrlWarning {
  param: string;
  value: string;
  message: string;
}

export interface DecodedViewState {
  state: ViewState;
  warnings: UrlWarning[];
}

// ---------------------------------------------------------------------------------------------
// Numbers.

function clean(n: number): number {
  return Object.is(n, -0) ? 0 : n;
}

/**
 * The camera as the URL keeps it: ratio to 4 significant digits; x and y to 4 decimals, more
 * when zoomed in (one more per factor 10 below ratio 1); angle in [0, 2π) to 3 decimals.
 * Idempotent: rounding a rounded camera changes nothing.
 */
export function roundCamera(camera: Camera): Camera {
  const ratio = clean(Number(camera.ratio.toPrecision(4)));
  const decimals = Math.min(12, 4 + Math.max(0, Math.ceil(-Math.log10(ratio))));
  const round = (v: number): number => clean(Number(v.toFixed(decimals)));
  const turn = 2 * Math.PI;
  const angle = clean(Number((((camera.angle % turn) + turn) % turn).toFixed(3)));
  return { x: round(camera.x), y: round(camera.y), ratio, angle: angle >= turn ? 0 : angle };
}

function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.ratio === b.ratio && a.angle === b.angle;
}

/** The state as the URL keeps it: camera rounded, lists canonical. */
export function urlCanonicalState(state: ViewState): ViewState {
  return {
    ...state,
    hiddenCategories: canonicalCategories(state.hiddenCategories),
    hiddenPredicates: canonicalPredicates(state.hiddenPredicates),
    hiddenSources: canonicalSources(state.hiddenSources),
    dataLanguages: canonicalLanguages(state.dataLanguages),
    camera: roundCamera(state.camera),
    revealed: canonicalPredicates(state.revealed),
    opened: canonicalPredicates(state.opened),
    expanded: canonicalExpansions(state.expanded),
  };
}

// ---------------------------------------------------------------------------------------------
// Predicate IRIs: `schema:about` for IRIs in a known namespace, `<iri>` when an IRI would read
// as one of those prefixed names.

const PREFIXES = Object.entries(NS) as [string, string][];

function compactIri(iri: string): string {
  for (const [prefix, ns] of PREFIXES) {
    if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return expandIri(iri) === iri ? iri : `<${iri}>`;
}

function expandIri(text: string): string {
  if (text.startsWith("<") && text.endsWith(">") && text.length > 2) return text.slice(1, -1);
  const colon = text.indexOf(":");
  if (colon <= 0) return text;
  const ns = (NS as Record<string, string>)[text.slice(0, colon)];
  return ns === undefined ? text : ns + text.slice(colon + 1);
}

// ---------------------------------------------------------------------------------------------
// Query strings (form encoding, as URLSearchParams; no DOM types needed).

const READABLE = /%(3A|2F|40|2C)/gi;

/** Lone UTF-16 surrogates (which encodeURIComponent rejects). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"))
    .replace(READABLE, (m) => decodeURIComponent(m))
    .replace(/%20/g, "+");
}

/**
 * Most characters of the `start` query once encoded for the URL. With the rest of a view's
 * parameters, the page's address stays under 8 KiB, the request-line limit of common servers
 * (nginx's default 8 KiB header buffers; Node's 16 KiB for all headers).
 */
export const MAX_START_QUERY_URL_LENGTH = 6000;

/** The length of `query` as the URL writes it (`start=` excluded). */
export function startQueryUrlLength(query: string): number {
  return encodeComponent(query).length;
}

/** Whether the URL can hold `query` as the endpoint's start query. */
export function startQueryFitsUrl(query: string): boolean {
  return startQueryUrlLength(query) <= MAX_START_QUERY_URL_LENGTH;
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return undefined;
  }
}

/** Parses a query string into [name, value] pairs; malformed escapes become warnings. */
function parseQuery(query: string, warnings: UrlWarning[]): [string, string][] {
  const text = query.replace(/^[?#]/, "");
  const pairs: [string, string][] = [];
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    const name = decodeComponent(rawName);
    const value = decodeComponent(rawValue);
    if (name === undefined || value === undefined) {
      warnings.push({
        param: name ?? rawName,
        value: rawValue,
        message: `"${part.slice(0, 60)}" is not valid URL encoding; ignored`,
      });
      continue;
    }
    pairs.push([name, value]);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Encoding.

/** The default graph in `hg` (an IRI always has a colon, so this is no IRI). */
const DEFAULT_GRAPH_PARAM = "@default";

function formatNumber(n: number): string {
  return String(clean(n));
}

/**
 * The query string (without "?") for `state`: only what differs from `defaults` (by default
 * DEFAULT_VIEW_STATE; pass the app's defaults, e.g. the browser's UI language, to keep it short).
 */
export function encodeViewState(
  state: ViewState,
  defaults: ViewState = DEFAULT_VIEW_STATE,
): string {
  const s = urlCanonicalState(state);
  const d = urlCanonicalState(defaults);
  const out: [UrlParam, string][] = [];
  const list = (a: readonly string[]): string => a.join(",");

  if (s.selection !== null && s.selection !== d.selection) out.push(["sel", s.selection]);
  if (list(s.hiddenCategories) !== list(d.hiddenCategories)) {
    out.push(["hc", list(s.hiddenCategories)]);
  }
  if (list(s.hiddenPredicates) !== list(d.hiddenPredicates)) {
    if (s.hiddenPredicates.length === 0) out.push(["hp", ""]);
    for (const p of s.hiddenPredicates) out.push(["hp", compactIri(p)]);
  }
  const notGraphs = (a: readonly SourceFilterKey[]): string =>
    list(a.filter((k) => !isGraphSourceKey(k)));
  if (notGraphs(s.hiddenSources) !== notGraphs(d.hiddenSources)) {
    out.push(["hs", notGraphs(s.hiddenSources)]);
  }
  const graphs = (a: readonly SourceFilterKey[]): string[] =>
    a.filter(isGraphSourceKey).map((k) => {
      const g = graphOfKey(k);
      return g === "" ? DEFAULT_GRAPH_PARAM : compactIri(g);
    });
  if (list(graphs(s.hiddenSources)) !== list(graphs(d.hiddenSources))) {
    const hidden = graphs(s.hiddenSources);
    if (hidden.length === 0) out.push(["hg", ""]);
    for (const g of hidden) out.push(["hg", g]);
  }
  if (s.hideIsolated !== d.hideIsolated) out.push(["iso", s.hideIsolated ? "1" : "0"]);
  if (s.search !== d.search) out.push(["q", s.search]);
  if (s.ego !== null && (s.ego.key !== d.ego?.key || s.ego.depth !== d.ego.depth)) {
    out.push(["ego", s.ego.key]);
    if (s.ego.depth !== 1) out.push(["depth", String(s.ego.depth)]);
  }
  if (s.path !== null && (s.path.from !== d.path?.from || s.path.to !== d.path.to)) {
    out.push(["from", s.path.from], ["to", s.path.to]);
  }
  if (s.colourMode !== d.colourMode) out.push(["col", s.colourMode]);
  if (s.sizeMode !== d.sizeMode) out.push(["sz", s.sizeMode]);
  if (!sameCamera(s.camera, d.camera)) {
    const c = s.camera;
    out.push(["cam", [c.x, c.y, c.ratio, c.angle].map(formatNumber).join(",")]);
  }
  if (s.seed !== d.seed) out.push(["seed", String(s.seed)]);
  if (s.layout !== d.layout) out.push(["lay", s.layout]);
  if (s.uiLanguage !== d.uiLanguage) out.push(["ui", s.uiLanguage]);
  if (list(s.dataLanguages) !== list(d.dataLanguages)) out.push(["dl", list(s.dataLanguages)]);
  if (s.dataSource !== d.dataSource) out.push(["src", s.dataSource]);
  if (s.collapseNary !== d.collapseNary) out.push(["nary", s.collapseNary ? "1" : "0"]);
  if (s.collapsePosts !== d.collapsePosts) out.push(["posts", s.collapsePosts ? "1" : "0"]);
  if (s.collapseStatements !== d.collapseStatements) {
    out.push(["stmts", s.collapseStatements ? "1" : "0"]);
  }
  if (list(s.revealed) !== list(d.revealed)) {
    if (s.revealed.length === 0) out.push(["rev", ""]);
    for (const k of s.revealed) out.push(["rev", k]);
  }
  if (s.endpoint !== null && s.endpoint !== d.endpoint) out.push(["endpoint", s.endpoint]);
  if (s.endpointGraph !== null && s.endpointGraph !== d.endpointGraph) {
    out.push(["graph", s.endpointGraph]);
  }
  if (list(s.opened) !== list(d.opened)) {
    if (s.opened.length === 0) out.push(["open", ""]);
    for (const k of s.opened) out.push(["open", k]);
  }
  const expansions = (a: readonly EndpointExpansion[]): string[] =>
    a.map((e) => `${e.direction} ${compactIri(e.predicate)} ${e.node}`);
  if (list(expansions(s.expanded)) !== list(expansions(d.expanded))) {
    if (s.expanded.length === 0) out.push(["exp", ""]);
    for (const e of expansions(s.expanded)) out.push(["exp", e]);
  }
  // A query too long for a URL is left out (the page says so: the view cannot be reloaded).
  if (
    s.endpointQuery !== null &&
    s.endpointQuery !== d.endpointQuery &&
    startQueryFitsUrl(s.endpointQuery)
  ) {
    out.push(["start", s.endpointQuery]);
  }

  return out.map(([k, v]) => `${k}=${encodeComponent(v)}`).join("&");
}

// ---------------------------------------------------------------------------------------------
// Decoding.

function oneOf(values: readonly (string | number)[]): string {
  return values.join(", ");
}

/**
 * Reads a query string (with or without "?"). Never throws: unknown parameters are ignored;
 * a bad value (or a repeated single-valued parameter) gives a warning and the default.
 */
export function decodeViewState(
  query: string,
  defaults: ViewState = DEFAULT_VIEW_STATE,
): DecodedViewState {
  const warnings: UrlWarning[] = [];
  const values = new Map<string, string[]>();
  for (const [name, value] of parseQuery(typeof query === "string" ? query : "", warnings)) {
    if (!(URL_PARAMS as readonly string[]).includes(name)) continue;
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
  }
  const warn = (param: string, value: string, message: string): void => {
    warnings.push({ param, value, message });
  };
  /** The single value of `param`, warning when it is repeated (the first one wins). */
  const single = (param: UrlParam): string | undefined => {
    const list = values.get(param);
    if (list === undefined) return undefined;
    if (list.length > 1) warn(param, list.join(" "), `${param} is repeated; the first is used`);
    return list[0];
  };
  const keyParam = (param: UrlParam, what: string): string | undefined => {
    const v = single(param);
    if (v === undefined) return undefined;
    const problem = keyProblem(v, what);
    if (problem !== undefined) {
      warn(param, v, `${problem}; ignored`);
      return undefined;
    }
    return v;
  };
  const enumParam = <T extends string>(
    param: UrlParam,
    allowed: readonly T[],
    is: (v: unknown) => v is T,
    fallback: T,
  ): T => {
    const v = single(param);
    if (v === undefined) return fallback;
    if (is(v)) return v;
    warn(param, v, `${param} must be one of ${oneOf(allowed)}; "${fallback}" is used`);
    return fallback;
  };
  const boolParam = (param: UrlParam, fallback: boolean): boolean => {
    const v = single(param);
    if (v === undefined) return fallback;
    if (v === "1" || v === "true") return true;
    if (v === "0" || v === "false") return false;
    warn(param, v, `${param} must be 1 or 0; ${fallback ? 1 : 0} is used`);
    return fallback;
  };

  const state: { -readonly [K in keyof ViewState]: ViewState[K] } = { ...defaults };

  const sel = keyParam("sel", "selection");
  if (sel !== undefined) state.selection = sel;

  const hc = single("hc");
  if (hc !== undefined) {
    const items = hc === "" ? [] : hc.split(",");
    const bad = items.filter((c) => !isCategory(c));
    if (bad.length > 0) {
      warn("hc", hc, `unknown categories ${bad.join(", ")} ignored (known: ${oneOf(CATEGORIES)})`);
    }
    state.hiddenCategories = canonicalCategories(items.filter(isCategory));
  }

  const hp = values.get("hp");
  if (hp !== undefined) {
    const predicates: string[] = [];
    for (const raw of hp) {
      if (raw === "") continue;
      const iri = expandIri(raw);
      const problem = keyProblem(iri, "a hidden predicate");
      if (problem !== undefined) warn("hp", raw, `${problem}; ignored`);
      else predicates.push(iri);
    }
    if (predicates.length > MAX_HIDDEN_PREDICATES) {
      warn("hp", "", `more than ${MAX_HIDDEN_PREDICATES} hidden predicates; the rest ignored`);
    }
    state.hiddenPredicates = canonicalPredicates(predicates.slice(0, MAX_HIDDEN_PREDICATES));
  }

  const hs = single("hs");
  if (hs !== undefined) {
    const items = hs === "" ? [] : hs.split(",");
    const bad = items.filter((k) => !isSourceKind(k));
    if (bad.length > 0) {
      warn("hs", hs, `unknown sources ${bad.join(", ")} ignored (known: ${oneOf(SOURCE_KINDS)})`);
    }
    state.hiddenSources = canonicalSources([
      ...items.filter(isSourceKind),
      ...state.hiddenSources.filter(isGraphSourceKey),
    ]);
  }

  const hg = values.get("hg");
  if (hg !== undefined) {
    const keys: SourceFilterKey[] = [];
    for (const raw of hg) {
      if (raw === "") continue;
      const key = graphSourceKey(raw === DEFAULT_GRAPH_PARAM ? "" : expandIri(raw));
      const problem =
        raw === DEFAULT_GRAPH_PARAM ? undefined : keyProblem(graphOfKey(key), "a graph");
      if (problem !== undefined || !isGraphSourceKey(key)) {
        warn("hg", raw, `${problem ?? "a graph IRI must not contain white space"}; ignored`);
      } else keys.push(key);
    }
    if (keys.length > MAX_HIDDEN_GRAPHS) {
      warn("hg", "", `more than ${MAX_HIDDEN_GRAPHS} hidden graphs; the rest ignored`);
    }
    state.hiddenSources = canonicalSources([
      ...state.hiddenSources.filter((k) => !isGraphSourceKey(k)),
      ...keys.slice(0, MAX_HIDDEN_GRAPHS),
    ]);
  }

  state.hideIsolated = boolParam("iso", defaults.hideIsolated);

  const q = single("q");
  if (q !== undefined) {
    if (q.length > MAX_SEARCH_LENGTH) {
      warn("q", q.slice(0, 40), `search is longer than ${MAX_SEARCH_LENGTH} characters; cut`);
    }
    state.search = q.slice(0, MAX_SEARCH_LENGTH);
  }

  const ego = keyParam("ego", "ego centre");
  const depthText = single("depth");
  if (ego !== undefined) {
    let depth = 1 as (typeof EGO_DEPTHS)[number];
    if (depthText !== undefined) {
      const n = Number(depthText);
      if (isEgoDepth(n) && /^\d$/.test(depthText)) depth = n;
      else warn("depth", depthText, `depth must be one of ${oneOf(EGO_DEPTHS)}; 1 is used`);
    }
    state.ego = { key: ego, depth };
  } else if (depthText !== undefined) {
    warn("depth", depthText, "depth without ego is ignored");
  }

  const from = keyParam("from", "path start");
  const to = keyParam("to", "path end");
  if (from !== undefined && to !== undefined) state.path = { from, to };
  else if (from !== undefined || to !== undefined) {
    warn(from === undefined ? "to" : "from", from ?? to ?? "", "a path needs both from and to");
  }

  state.colourMode = enumParam("col", COLOUR_MODES, isColourMode, defaults.colourMode);
  state.sizeMode = enumParam("sz", SIZE_MODES, isSizeMode, defaults.sizeMode);

  const cam = single("cam");
  if (cam !== undefined) {
    const parts = cam.split(",");
    const numbers = parts.map((p) => (p.trim() === "" ? NaN : Number(p)));
    const camera =
      numbers.length === 4
        ? { x: numbers[0], y: numbers[1], ratio: numbers[2], angle: numbers[3] }
        : undefined;
    const problem = camera === undefined ? "camera must be x,y,ratio,angle" : cameraProblem(camera);
    if (problem !== undefined || camera === undefined) {
      warn("cam", cam, `${problem ?? "bad camera"}; the default camera is used`);
    } else {
      state.camera = roundCamera(camera as Camera);
    }
  }

  const seed = single("seed");
  if (seed !== undefined) {
    const n = /^\d{1,10}$/.test(seed) ? Number(seed) : NaN;
    const problem = seedProblem(n);
    if (problem !== undefined) warn("seed", seed, `${problem}; ${defaults.seed} is used`);
    else state.seed = n;
  }

  state.layout = enumParam("lay", LAYOUT_MODES, isLayoutMode, defaults.layout);

  state.uiLanguage = enumParam("ui", UI_LANGUAGES, isUiLanguage, defaults.uiLanguage);

  const dl = single("dl");
  if (dl !== undefined) {
    const items = dl === "" ? [] : dl.split(",").map((l) => l.trim().toLowerCase());
    const good = items.filter((l) => languageTagProblem(l) === undefined);
    const langs = canonicalLanguages(good).slice(0, MAX_DATA_LANGUAGES);
    if (langs.length === 0) warn("dl", dl, "no valid data language; the default is used");
    else {
      if (good.length < items.length) {
        warn("dl", dl, "language tags that are not valid were ignored");
      }
      state.dataLanguages = langs;
    }
  }

  const src = single("src");
  if (src !== undefined) {
    const problem = dataSourceProblem(src);
    if (problem !== undefined) warn("src", src, `${problem}; the default source is used`);
    else state.dataSource = src;
  }

  state.collapseNary = boolParam("nary", defaults.collapseNary);
  state.collapsePosts = boolParam("posts", defaults.collapsePosts);
  state.collapseStatements = boolParam("stmts", defaults.collapseStatements);

  const rev = values.get("rev");
  if (rev !== undefined) {
    const keys: string[] = [];
    for (const raw of rev) {
      if (raw === "") continue;
      const problem = keyProblem(raw, "a revealed node");
      if (problem !== undefined) warn("rev", raw, `${problem}; ignored`);
      else keys.push(raw);
    }
    if (keys.length > MAX_REVEALED) {
      warn("rev", "", `more than ${MAX_REVEALED} revealed nodes; the rest ignored`);
    }
    state.revealed = canonicalPredicates(keys.slice(0, MAX_REVEALED));
  }

  const endpoint = single("endpoint");
  if (endpoint !== undefined) {
    const problem = endpointProblem(endpoint);
    if (problem !== undefined) warn("endpoint", endpoint, `${problem}; ignored`);
    else state.endpoint = endpoint;
  }
  const graph = single("graph");
  if (graph !== undefined) {
    const problem = keyProblem(graph, "graph");
    if (problem !== undefined) warn("graph", graph, `${problem}; ignored`);
    else state.endpointGraph = graph;
  }

  const open = values.get("open");
  if (open !== undefined) {
    const keys: string[] = [];
    for (const raw of open) {
      if (raw === "") continue;
      const problem = keyProblem(raw, "an opened IRI");
      if (problem !== undefined) warn("open", raw, `${problem}; ignored`);
      else keys.push(raw);
    }
    if (keys.length > MAX_ENDPOINT_STEPS) {
      warn("open", "", `more than ${MAX_ENDPOINT_STEPS} opened IRIs; the rest ignored`);
    }
    state.opened = canonicalPredicates(keys.slice(0, MAX_ENDPOINT_STEPS));
  }

  const exp = values.get("exp");
  if (exp !== undefined) {
    const list: EndpointExpansion[] = [];
    for (const raw of exp) {
      if (raw === "") continue;
      const first = raw.indexOf(" ");
      const second = first < 0 ? -1 : raw.indexOf(" ", first + 1);
      const candidate =
        second < 0
          ? null
          : {
              direction: raw.slice(0, first),
              predicate: expandIri(raw.slice(first + 1, second)),
              node: raw.slice(second + 1),
            };
      const problem =
        candidate === null
          ? "an expansion must be `direction predicate node`"
          : expansionProblem(candidate);
      if (problem !== undefined) warn("exp", raw, `${problem}; ignored`);
      else list.push(candidate as EndpointExpansion);
    }
    if (list.length > MAX_ENDPOINT_STEPS) {
      warn("exp", "", `more than ${MAX_ENDPOINT_STEPS} expansions; the rest ignored`);
    }
    state.expanded = canonicalExpansions(list.slice(0, MAX_ENDPOINT_STEPS));
  }

  // `start` as `load({ endpoint, start })` takes it: a CONSTRUCT / DESCRIBE query, or an IRI
  // (then one more opened IRI).
  const start = single("start");
  if (start !== undefined && start.trim() !== "") {
    const short = start.slice(0, 40);
    if (isStartQuery(start)) {
      const problem = startQueryProblem(start);
      if (problem !== undefined) warn("start", short, `${problem}; ignored`);
      else if (!startQueryFitsUrl(start)) {
        warn("start", short, `start query is too long for a URL; ignored`);
      } else state.endpointQuery = start;
    } else {
      const iri = start.trim();
      const problem = /\s/.test(iri)
        ? "start must be a CONSTRUCT or DESCRIBE query, or an IRI"
        : keyProblem(iri, "a start IRI");
      if (problem !== undefined) warn("start", short, `${problem}; ignored`);
      else if (state.opened.length >= MAX_ENDPOINT_STEPS) {
        warn("start", short, `more than ${MAX_ENDPOINT_STEPS} opened IRIs; ignored`);
      } else state.opened = canonicalPredicates([...state.opened, iri]);
    }
  }

  return { state, warnings };
}
