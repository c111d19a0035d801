/**
 * Orgraph core: the view state, plain data changed by small pure functions.
 *
 * `ViewState` is everything the URL keeps: selection, filters, search, ego network, path ends,
 * colour and size modes, camera, layout mode and seed, UI language, data-label languages, data
 * source, the n-ary toggles and the neighbours brought back by "expand". Actions take a state and return a new one (the same object when nothing
 * changes, so a caller can skip a history entry); they never mutate. Lists are kept canonical
 * (categories and sources in legend order, predicates sorted, no repeats) so that equal views
 * are equal data and encode to the same URL. `validateViewState` checks untrusted data.
 */
import { OrgraphError } from "../errors";
import { CATEGORIES, type Category } from "../model/types";
import {
  isGraphSourceKey,
  isLoadedSourceKey,
  isSourceFilterKey,
  GRAPH_SOURCE_PREFIX,
  graphSourceKey,
  SOURCE_KINDS,
  type SourceFilterKey,
} from "../graph/sources";

export const UI_LANGUAGES = ["fr", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const COLOUR_MODES = ["category", "community"] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

export const SIZE_MODES = ["degree", "betweenness", "pagerank"] as const;
export type SizeMode = (typeof SIZE_MODES)[number];

/** The layouts: ForceAtlas2 (seeded), circular, and by category. */
export const LAYOUT_MODES = ["force", "circular", "category"] as const;
export type LayoutModeName = (typeof LAYOUT_MODES)[number];

export const EGO_DEPTHS = [1, 2, 3] as const;
export type EgoDepth = (typeof EGO_DEPTHS)[number];

/** The data-label language that follows the UI language. */
export const DATA_LANGUAGE_AUTO = "auto";

/** The data-label languages in effect: the state's, or the UI language (then the other) for auto. */
export function effectiveDataLanguages(state: {
  dataLanguages: readonly string[];
  uiLanguage: UiLanguage;
}): readonly string[] {
  const langs = state.dataLanguages.filter((l) => l !== DATA_LANGUAGE_AUTO);
  const ui = [state.uiLanguage, ...UI_LANGUAGES.filter((l) => l !== state.uiLanguage)];
  return state.dataLanguages[0] === DATA_LANGUAGE_AUTO || langs.length === 0
    ? ui
    : [...langs, ...ui.filter((l) => !langs.includes(l))];
}

/** The data source that is the built-in release graph. */
export const BUILTIN_SOURCE = "builtin";

/** Longest node key, predicate IRI or data-source URL accepted. */
export const MAX_IRI_LENGTH = 2048;
/** Longest search query accepted. */
export const MAX_SEARCH_LENGTH = 200;
/** Most hidden predicates accepted. */
export const MAX_HIDDEN_PREDICATES = 500;
/** Most revealed nodes accepted. */
export const MAX_REVEALED = 500;
/** Most data-label languages accepted. */
export const MAX_DATA_LANGUAGES = 10;
/** Camera ratio bounds (sigma's zoom factor). */
export const MIN_CAMERA_RATIO = 1e-6;
export const MAX_CAMERA_RATIO = 1e6;
/** Camera x/y bounds (sigma's framed-graph coordinates are around [0, 1]). */
export const MAX_CAMERA_COORDINATE = 1e6;
export const MAX_SEED = 0xffffffff;

/** Most IRIs opened from an endpoint, and relations expanded there, accepted. */
export const MAX_ENDPOINT_STEPS = 200;
/**
 * Most characters of an endpoint's start query the view state accepts (a bound on what is kept,
 * not the URL's: see MAX_START_QUERY_URL_LENGTH in url.ts).
 */
export const MAX_START_QUERY_LENGTH = 100_000;

/** A relation loaded from a SPARQL endpoint ("expand"): `node`'s `predicate` links. */
export interface EndpointExpansion {
  readonly node: string;
  readonly predicate: string;
  /** "out": node -> other; "in": other -> node. */
  readonly direction: "out" | "in";
}

/** Sigma's camera state. */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
  readonly angle: number;
}

/** Show only the nodes within `depth` hops of `key`. */
export interface Ego {
  readonly key: string;
  readonly depth: EgoDepth;
}

/** The two ends of the shortest paths to show. */
export interface PathEnds {
  readonly from: string;
  readonly to: string;
}

export interface ViewState {
  /** Selected node key, or null. */
  readonly selection: string | null;
  /** Categories filtered out, in CATEGORIES order. */
  readonly hiddenCategories: readonly Category[];
  /** Predicate IRIs filtered out, sorted. */
  readonly hiddenPredicates: readonly string[];
  /**
   * Source kinds filtered out, in SOURCE_KINDS order, then loaded sources (`source:<name>`),
   * then named graphs (`graph:<iri>`, `graph:` for the default graph), each sorted.
   */
  readonly hiddenSources: readonly SourceFilterKey[];
  readonly hideIsolated: boolean;
  /** Search box text. */
  readonly search: string;
  readonly ego: Ego | null;
  readonly path: PathEnds | null;
  readonly colourMode: ColourMode;
  readonly sizeMode: SizeMode;
  readonly camera: Camera;
  /** Layout: "force" (seeded ForceAtlas2), "circular" or "category". */
  readonly layout: LayoutModeName;
  /** Layout seed, an unsigned 32-bit integer. */
  readonly seed: number;
  readonly uiLanguage: UiLanguage;
  /**
   * Data-label language preference, lower-case BCP 47 tags, most preferred first; ["auto"]
   * (DATA_LANGUAGE_AUTO, the default) follows the UI language. Separate from the UI language.
   */
  readonly dataLanguages: readonly string[];
  /** "builtin" or an http(s) URL. */
  readonly dataSource: string;
  /** Draw n-ary membership nodes (org:Membership) as labelled edges member -> organisation. */
  readonly collapseNary: boolean;
  /** Draw posts (org:Post) as labelled edges holder -> organisation. */
  readonly collapsePosts: boolean;
  /** Draw statements as labelled edges speaker -> event (or what they are about). */
  readonly collapseStatements: boolean;
  /**
   * Node keys brought back into view by "expand" (hidden neighbours of a node), sorted. They show
   * whatever the filters say, with their edges to what is visible.
   */
  readonly revealed: readonly string[];
  /** The SPARQL endpoint explored (an http(s) URL), or null when the data is a document. */
  readonly endpoint: string | null;
  /** The endpoint's default graph (its `default-graph-uri`), or null for the endpoint's own. */
  readonly endpointGraph: string | null;
  /** IRIs opened on the endpoint (each with its neighbourhood), sorted. */
  readonly opened: readonly string[];
  /** Relations expanded on the endpoint, sorted by node, predicate, direction. */
  readonly expanded: readonly EndpointExpansion[];
  /**
   * The CONSTRUCT / DESCRIBE query the endpoint view starts from (`load({ endpoint, start })`),
   * run again on reload; null when it started from IRIs (`opened`) or nothing.
   */
  readonly endpointQuery: string | null;
}

export const DEFAULT_CAMERA: Camera = Object.freeze({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });

export const DEFAULT_VIEW_STATE: ViewState = Object.freeze({
  selection: null,
  hiddenCategories: Object.freeze([]) as readonly Category[],
  hiddenPredicates: Object.freeze([]) as readonly string[],
  hiddenSources: Object.freeze([]) as readonly SourceFilterKey[],
  hideIsolated: false,
  search: "",
  ego: null,
  path: null,
  colourMode: "category",
  sizeMode: "degree",
  camera: DEFAULT_CAMERA,
  layout: "force",
  seed: 1,
  uiLanguage: "fr",
  dataLanguages: Object.freeze(["auto"]) as readonly string[],
  dataSource: BUILTIN_SOURCE,
  collapseNary: true,
  collapsePosts: false,
  collapseStatements: false,
  revealed: Object.freeze([]) as readonly string[],
  endpoint: null,
  endpointGraph: null,
  opened: Object.freeze([]) as readonly string[],
  expanded: Object.freeze([]) as readonly EndpointExpansion[],
  endpointQuery: null,
});

// ---------------------------------------------------------------------------------------------
// Field checks, shared by validateViewState and the URL decoder. Each returns a problem or
// undefined.

function oneOf(values: readonly (string | number)[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

function show(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  }
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);
}
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}
export function isColourMode(value: unknown): value is ColourMode {
  return typeof value === "string" && (COLOUR_MODES as readonly string[]).includes(value);
}
export function isSizeMode(value: unknown): value is SizeMode {
  return typeof value === "string" && (SIZE_MODES as readonly string[]).includes(value);
}
export function isLayoutMode(value: unknown): value is LayoutModeName {
  return typeof value === "string" && (LAYOUT_MODES as readonly string[]).includes(value);
}
export function isEgoDepth(value: unknown): value is EgoDepth {
  return typeof value === "number" && (EGO_DEPTHS as readonly number[]).includes(value);
}

/** A node key or predicate IRI: non-empty, no longer than MAX_IRI_LENGTH. */
export function keyProblem(value: unknown, what: string): string | undefined {
  if (typeof value !== "string") return `${what} must be a string, not ${show(value)}`;
  if (value === "") return `${what} must not be empty`;
  if (value.length > MAX_IRI_LENGTH) {
    return `${what} is longer than ${MAX_IRI_LENGTH} characters`;
  }
  return undefined;
}

const LANGUAGE_TAG = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/;

export function languageTagProblem(value: unknown): string | undefined {
  if (typeof value !== "string" || !LANGUAGE_TAG.test(value)) {
    return `${show(value)} is not a lower-case language tag such as "fr" or "en-gb"`;
  }
  return undefined;
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export function dataSourceProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `data source must be a string, not ${show(value)}`;
  if (value === BUILTIN_SOURCE) return undefined;
  if (value.length > MAX_IRI_LENGTH) {
    return `data source is longer than ${MAX_IRI_LENGTH} characters`;
  }
  if (!HTTP_URL.test(value)) {
    return `data source ${show(value)} must be "${BUILTIN_SOURCE}" or an http(s) URL`;
  }
  return undefined;
}

/** An endpoint URL: http(s), no longer than MAX_IRI_LENGTH. */
export function endpointProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `endpoint must be a string, not ${show(value)}`;
  if (value.length > MAX_IRI_LENGTH) return `endpoint is longer than ${MAX_IRI_LENGTH} characters`;
  if (!HTTP_URL.test(value)) return `endpoint ${show(value)} must be an http(s) URL`;
  return undefined;
}

/** A SPARQL query rather than an IRI: CONSTRUCT or DESCRIBE after its PREFIX / BASE lines. */
export function isStartQuery(text: string): boolean {
  return /^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)\b/i.test(text);
}

/** An endpoint's start query: a CONSTRUCT or DESCRIBE query of at most MAX_START_QUERY_LENGTH. */
export function startQueryProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `start query must be a string, not ${show(value)}`;
  if (value.length > MAX_START_QUERY_LENGTH) {
    return `start query is longer than ${MAX_START_QUERY_LENGTH} characters`;
  }
  if (!isStartQuery(value)) return "start query must be a SPARQL CONSTRUCT or DESCRIBE query";
  return undefined;
}

/** A relation expanded on an endpoint: {node, predicate, direction}. */
export function expansionProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `an expansion must be {node, predicate, direction}, not ${show(value)}`;
  }
  const e = value as Record<string, unknown>;
  const problem =
    keyProblem(e.node, "expansion node") ?? keyProblem(e.predicate, "expansion predicate");
  if (problem !== undefined) return problem;
  if (/\s/.test(e.predicate as string)) return "expansion predicate must not contain white space";
  if (e.direction !== "out" && e.direction !== "in") {
    return `expansion direction must be "out" or "in", not ${show(e.direction)}`;
  }
  return undefined;
}

export function cameraProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return `camera must be an object {x, y, ratio, angle}, not ${show(value)}`;
  }
  const c = value as Record<string, unknown>;
  for (const field of ["x", "y", "ratio", "angle"] as const) {
    const v = c[field];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      return `camera.${field} must be a finite number, not ${show(v)}`;
    }
  }
  const { x, y, ratio } = c as unknown as Camera;
  if (Math.abs(x) > MAX_CAMERA_COORDINATE || Math.abs(y) > MAX_CAMERA_COORDINATE) {
    return `camera.x and camera.y must be within ±${MAX_CAMERA_COORDINATE}`;
  }
  if (ratio < MIN_CAMERA_RATIO || ratio > MAX_CAMERA_RATIO) {
    return `camera.ratio must be between ${MIN_CAMERA_RATIO} and ${MAX_CAMERA_RATIO}, not ${ratio}`;
  }
  return undefined;
}

export function seedProblem(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    return `seed must be an integer from 0 to ${MAX_SEED}, not ${show(value)}`;
  }
  return undefined;
}

export function searchProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `search must be a string, not ${show(value)}`;
  if (value.length > MAX_SEARCH_LENGTH) {
    return `search is longer than ${MAX_SEARCH_LENGTH} characters`;
  }
  return undefined;
}

function listProblems(
  value: unknown,
  what: string,
  check: (item: unknown) => string | undefined,
  max: number,
): string[] {
  if (!Array.isArray(value)) return [`${what} must be an array, not ${show(value)}`];
  if (value.length > max) return [`${what} has more than ${max} entries`];
  const problems: string[] = [];
  value.forEach((item: unknown, i) => {
    const p = check(item);
    if (p !== undefined) problems.push(`${what}[${i}]: ${p}`);
  });
  return problems;
}

const FIELDS: readonly (keyof ViewState)[] = Object.keys(DEFAULT_VIEW_STATE) as (keyof ViewState)[];

/** Every problem with `value` as a ViewState, readable, one per entry; [] when it is valid. */
export function viewStateProblems(value: unknown): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [`a view state must be an object, not ${show(value)}`];
  }
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  const add = (p: string | undefined): void => {
    if (p !== undefined) problems.push(p);
  };
  for (const field of FIELDS) {
    if (!(field in s)) problems.push(`${field} is missing`);
  }
  for (const field of Object.keys(s)) {
    if (!(FIELDS as readonly string[]).includes(field)) problems.push(`${field} is not a field`);
  }
  if ("selection" in s && s.selection !== null) add(keyProblem(s.selection, "selection"));
  if ("hiddenCategories" in s) {
    problems.push(
      ...listProblems(
        s.hiddenCategories,
        "hiddenCategories",
        (c) => (isCategory(c) ? undefined : `${show(c)} is not one of ${oneOf(CATEGORIES)}`),
        CATEGORIES.length,
      ),
    );
  }
  if ("hiddenPredicates" in s) {
    problems.push(
      ...listProblems(
        s.hiddenPredicates,
        "hiddenPredicates",
        (p) => keyProblem(p, "a predicate"),
        MAX_HIDDEN_PREDICATES,
      ),
    );
  }
  if ("hiddenSources" in s) {
    problems.push(
      ...listProblems(
        s.hiddenSources,
        "hiddenSources",
        (k) =>
          isSourceFilterKey(k)
            ? undefined
            : `${show(k)} is not one of ${oneOf(SOURCE_KINDS)} nor "source:<name>" nor "graph:<iri>"`,
        SOURCE_KINDS.length + MAX_LOADED_SOURCES + MAX_HIDDEN_GRAPHS,
      ),
    );
  }
  if ("hideIsolated" in s && typeof s.hideIsolated !== "boolean") {
    problems.push(`hideIsolated must be a boolean, not ${show(s.hideIsolated)}`);
  }
  if ("search" in s) add(searchProblem(s.search));
  if ("ego" in s && s.ego !== null) {
    const ego = s.ego as Record<string, unknown> | undefined;
    if (typeof ego !== "object" || Array.isArray(ego)) {
      problems.push(`ego must be null or {key, depth}, not ${show(ego)}`);
    } else {
      add(keyProblem(ego.key, "ego.key"));
      if (!isEgoDepth(ego.depth)) {
        problems.push(`ego.depth must be one of ${oneOf(EGO_DEPTHS)}, not ${show(ego.depth)}`);
      }
    }
  }
  if ("path" in s && s.path !== null) {
    const path = s.path as Record<string, unknown> | undefined;
    if (typeof path !== "object" || Array.isArray(path)) {
      problems.push(`path must be null or {from, to}, not ${show(path)}`);
    } else {
      add(keyProblem(path.from, "path.from"));
      add(keyProblem(path.to, "path.to"));
    }
  }
  if ("colourMode" in s && !isColourMode(s.colourMode)) {
    problems.push(`colourMode must be one of ${oneOf(COLOUR_MODES)}, not ${show(s.colourMode)}`);
  }
  if ("sizeMode" in s && !isSizeMode(s.sizeMode)) {
    problems.push(`sizeMode must be one of ${oneOf(SIZE_MODES)}, not ${show(s.sizeMode)}`);
  }
  if ("camera" in s) add(cameraProblem(s.camera));
  if ("layout" in s && !isLayoutMode(s.layout)) {
    problems.push(`layout must be one of ${oneOf(LAYOUT_MODES)}, not ${show(s.layout)}`);
  }
  if ("seed" in s) add(seedProblem(s.seed));
  if ("uiLanguage" in s && !isUiLanguage(s.uiLanguage)) {
    problems.push(`uiLanguage must be one of ${oneOf(UI_LANGUAGES)}, not ${show(s.uiLanguage)}`);
  }
  if ("dataLanguages" in s) {
    const langs = listProblems(
      s.dataLanguages,
      "dataLanguages",
      languageTagProblem,
      MAX_DATA_LANGUAGES,
    );
    if (langs.length === 0 && (s.dataLanguages as unknown[]).length === 0) {
      langs.push("dataLanguages must name at least one language");
    }
    problems.push(...langs);
  }
  if ("dataSource" in s) add(dataSourceProblem(s.dataSource));
  if ("collapseNary" in s && typeof s.collapseNary !== "boolean") {
    problems.push(`collapseNary must be a boolean, not ${show(s.collapseNary)}`);
  }
  for (const field of ["collapsePosts", "collapseStatements"] as const) {
    if (field in s && typeof s[field] !== "boolean") {
      problems.push(`${field} must be a boolean, not ${show(s[field])}`);
    }
  }
  if ("revealed" in s) {
    problems.push(
      ...listProblems(s.revealed, "revealed", (k) => keyProblem(k, "a node key"), MAX_REVEALED),
    );
  }
  if ("endpoint" in s && s.endpoint !== null) add(endpointProblem(s.endpoint));
  if ("endpointGraph" in s && s.endpointGraph !== null) {
    add(keyProblem(s.endpointGraph, "endpointGraph"));
  }
  if ("opened" in s) {
    problems.push(
      ...listProblems(s.opened, "opened", (k) => keyProblem(k, "an IRI"), MAX_ENDPOINT_STEPS),
    );
  }
  if ("expanded" in s) {
    problems.push(...listProblems(s.expanded, "expanded", expansionProblem, MAX_ENDPOINT_STEPS));
  }
  if ("endpointQuery" in s && s.endpointQuery !== null) add(startQueryProblem(s.endpointQuery));
  return problems;
}

/**
 * Checks untrusted data (a stored state, a message) and returns it as a canonical ViewState.
 * Throws OrgraphError("invalid") listing every problem.
 */
export function validateViewState(value: unknown): ViewState {
  const problems = viewStateProblems(value);
  if (problems.length > 0) {
    throw new OrgraphError(
      "invalid",
      `Invalid view state: ${problems.join("; ")}. Fix these fields or start from DEFAULT_VIEW_STATE.`,
    );
  }
  return canonicalViewState(value as ViewState);
}

// ---------------------------------------------------------------------------------------------
// Canonical lists.

export function canonicalCategories(categories: Iterable<Category>): readonly Category[] {
  const set = new Set(categories);
  return CATEGORIES.filter((c) => set.has(c));
}

export function canonicalSources(kinds: Iterable<SourceFilterKey>): readonly SourceFilterKey[] {
  const set = new Set(kinds);
  const sorted = <T extends string>(list: T[]): T[] =>
    list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const loaded = sorted([...set].filter(isLoadedSourceKey));
  const graphs = sorted([...set].filter(isGraphSourceKey));
  return [...SOURCE_KINDS.filter((k) => set.has(k)), ...loaded, ...graphs];
}

/** The most loaded sources the filter by source names. */
export const MAX_LOADED_SOURCES = 100;
/** The most named graphs the filter by source hides. */
export const MAX_HIDDEN_GRAPHS = 500;

/** The named graphs hidden (IRIs, "" for the default graph), from `hiddenSources`. */
export function hiddenGraphs(state: Pick<ViewState, "hiddenSources">): readonly string[] {
  return state.hiddenSources
    .filter(isGraphSourceKey)
    .map((k) => k.slice(GRAPH_SOURCE_PREFIX.length));
}

export function canonicalPredicates(predicates: Iterable<string>): readonly string[] {
  return [...new Set(predicates)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function expansionKey(e: EndpointExpansion): string {
  return `${e.node}\u0000${e.predicate}\u0000${e.direction}`;
}

/** Expansions sorted (node, predicate, direction), without repeats, as fresh objects. */
export function canonicalExpansions(
  expansions: Iterable<EndpointExpansion>,
): readonly EndpointExpansion[] {
  const byKey = new Map<string, EndpointExpansion>();
  for (const e of expansions) {
    byKey.set(expansionKey(e), { node: e.node, predicate: e.predicate, direction: e.direction });
  }
  return [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => byKey.get(k)!);
}

export function canonicalLanguages(languages: Iterable<string>): readonly string[] {
  return [...new Set([...languages].map((l) => l.toLowerCase()))];
}

/** The same view with lists in canonical order and without repeats (a fresh object). */
export function canonicalViewState(state: ViewState): ViewState {
  return {
    selection: state.selection,
    hiddenCategories: canonicalCategories(state.hiddenCategories),
    hiddenPredicates: canonicalPredicates(state.hiddenPredicates),
    hiddenSources: canonicalSources(state.hiddenSources),
    hideIsolated: state.hideIsolated,
    search: state.search,
    ego: state.ego === null ? null : { key: state.ego.key, depth: state.ego.depth },
    path: state.path === null ? null : { from: state.path.from, to: state.path.to },
    colourMode: state.colourMode,
    sizeMode: state.sizeMode,
    camera: {
      x: state.camera.x,
      y: state.camera.y,
      ratio: state.camera.ratio,
      angle: state.camera.angle,
    },
    layout: state.layout,
    seed: state.seed,
    uiLanguage: state.uiLanguage,
    dataLanguages: canonicalLanguages(state.dataLanguages),
    dataSource: state.dataSource,
    collapseNary: state.collapseNary,
    collapsePosts: state.collapsePosts,
    collapseStatements: state.collapseStatements,
    revealed: canonicalPredicates(state.revealed),
    endpoint: state.endpoint,
    endpointGraph: state.endpointGraph,
    opened: canonicalPredicates(state.opened),
    expanded: canonicalExpansions(state.expanded),
    endpointQuery: state.endpointQuery,
  };
}

// ---------------------------------------------------------------------------------------------
// Actions. Each returns `state` itself when nothing changes.

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function update<K extends keyof ViewState>(
  state: ViewState,
  field: K,
  value: ViewState[K],
): ViewState {
  const current = state[field];
  if (current === value) return state;
  if (Array.isArray(current) && Array.isArray(value) && sameList(current, value)) return state;
  return { ...state, [field]: value };
}

/** Selects a node (null clears the selection). */
export function select(state: ViewState, key: string | null): ViewState {
  return update(state, "selection", key);
}

export function setCategoryHidden(
  state: ViewState,
  category: Category,
  hidden: boolean,
): ViewState {
  const set = new Set(state.hiddenCategories);
  if (hidden) set.add(category);
  else set.delete(category);
  return update(state, "hiddenCategories", canonicalCategories(set));
}

export function toggleCategory(state: ViewState, category: Category): ViewState {
  return setCategoryHidden(state, category, !state.hiddenCategories.includes(category));
}

/** Hides every category but `category` (the legend's "only this"). */
export function showOnlyCategory(state: ViewState, category: Category): ViewState {
  return update(
    state,
    "hiddenCategories",
    CATEGORIES.filter((c) => c !== category),
  );
}

export function showAllCategories(state: ViewState): ViewState {
  return update(state, "hiddenCategories", []);
}

export function setPredicateHidden(
  state: ViewState,
  predicate: string,
  hidden: boolean,
): ViewState {
  const set = new Set(state.hiddenPredicates);
  if (hidden) set.add(predicate);
  else set.delete(predicate);
  return update(state, "hiddenPredicates", canonicalPredicates(set));
}

export function togglePredicate(state: ViewState, predicate: string): ViewState {
  return setPredicateHidden(state, predicate, !state.hiddenPredicates.includes(predicate));
}

export function showAllPredicates(state: ViewState): ViewState {
  return update(state, "hiddenPredicates", []);
}

export function setSourceHidden(
  state: ViewState,
  kind: SourceFilterKey,
  hidden: boolean,
): ViewState {
  const set = new Set(state.hiddenSources);
  if (hidden) set.add(kind);
  else set.delete(kind);
  return update(state, "hiddenSources", canonicalSources(set));
}

export function toggleSource(state: ViewState, kind: SourceFilterKey): ViewState {
  return setSourceHidden(state, kind, !state.hiddenSources.includes(kind));
}

/** Hides or shows the relations a named graph asserts ("" for the default graph). */
export function setGraphHidden(state: ViewState, graph: string, hidden: boolean): ViewState {
  const key = graphSourceKey(graph);
  if (
    hidden &&
    !state.hiddenSources.includes(key) &&
    hiddenGraphs(state).length >= MAX_HIDDEN_GRAPHS
  ) {
    return state;
  }
  return setSourceHidden(state, key, hidden);
}

export function toggleGraph(state: ViewState, graph: string): ViewState {
  return setGraphHidden(state, graph, !state.hiddenSources.includes(graphSourceKey(graph)));
}

/** Shows every named graph again (other source filters stay). */
export function showAllGraphs(state: ViewState): ViewState {
  return update(
    state,
    "hiddenSources",
    state.hiddenSources.filter((k) => !isGraphSourceKey(k)),
  );
}

export function setHideIsolated(state: ViewState, hideIsolated: boolean): ViewState {
  return update(state, "hideIsolated", hideIsolated);
}

/** Clears category, predicate and source filters, shows isolated nodes, forgets "expand". */
export function resetFilters(state: ViewState): ViewState {
  let next = showAllCategories(state);
  next = showAllPredicates(next);
  next = update(next, "hiddenSources", []);
  next = update(next, "revealed", []);
  return setHideIsolated(next, false);
}

/** Brings these nodes back into view ("expand"), whatever the filters say. */
export function revealNodes(state: ViewState, keys: Iterable<string>): ViewState {
  const next = canonicalPredicates([...state.revealed, ...keys]);
  return update(state, "revealed", next.slice(0, MAX_REVEALED));
}

/** Forgets every node brought back by "expand". */
export function clearRevealed(state: ViewState): ViewState {
  return update(state, "revealed", []);
}

export function setSearch(state: ViewState, search: string): ViewState {
  return update(state, "search", search.slice(0, MAX_SEARCH_LENGTH));
}

/** Shows only the ego network of `key` (depth 1-3); a new centre forgets "expand". */
export function setEgo(state: ViewState, key: string, depth: EgoDepth = 1): ViewState {
  if (state.ego?.key === key && state.ego.depth === depth) return state;
  const revealed = state.ego?.key === key ? state.revealed : [];
  return { ...state, ego: { key, depth }, revealed };
}

/** Changes the ego depth, keeping its centre; no change without an ego network. */
export function setEgoDepth(state: ViewState, depth: EgoDepth): ViewState {
  return state.ego === null ? state : setEgo(state, state.ego.key, depth);
}

export function clearEgo(state: ViewState): ViewState {
  return update(state, "ego", null);
}

export function setPath(state: ViewState, from: string, to: string): ViewState {
  if (state.path?.from === from && state.path.to === to) return state;
  return { ...state, path: { from, to } };
}

export function clearPath(state: ViewState): ViewState {
  return update(state, "path", null);
}

export function setColourMode(state: ViewState, mode: ColourMode): ViewState {
  return update(state, "colourMode", mode);
}

export function setSizeMode(state: ViewState, mode: SizeMode): ViewState {
  return update(state, "sizeMode", mode);
}

/** Moves the camera; fields left out keep their value. */
export function setCamera(state: ViewState, camera: Partial<Camera>): ViewState {
  const next: Camera = { ...state.camera, ...camera };
  const c = state.camera;
  if (next.x === c.x && next.y === c.y && next.ratio === c.ratio && next.angle === c.angle) {
    return state;
  }
  return { ...state, camera: next };
}

export function resetCamera(state: ViewState): ViewState {
  return setCamera(state, DEFAULT_CAMERA);
}

export function setSeed(state: ViewState, seed: number): ViewState {
  return update(state, "seed", seed >>> 0);
}

export function setLayout(state: ViewState, layout: LayoutModeName): ViewState {
  return update(state, "layout", layout);
}

export function setUiLanguage(state: ViewState, language: UiLanguage): ViewState {
  return update(state, "uiLanguage", language);
}

export function setDataLanguages(state: ViewState, languages: readonly string[]): ViewState {
  const canonical = canonicalLanguages(languages);
  return canonical.length === 0 ? state : update(state, "dataLanguages", canonical);
}

/**
 * Switches the data source. What names things in the old data (selection, ego, path, hidden
 * predicates and named graphs, search, camera) is reset; preferences (modes, languages,
 * category and source-kind filters, seed) stay.
 */
export function setDataSource(state: ViewState, dataSource: string): ViewState {
  if (state.dataSource === dataSource) return state;
  return { ...state, ...forgetData(state), dataSource };
}

/** What names things in the data shown: reset when another source or endpoint replaces it. */
function forgetData(
  state: ViewState,
): Pick<
  ViewState,
  | "hiddenSources"
  | "selection"
  | "ego"
  | "path"
  | "hiddenPredicates"
  | "search"
  | "camera"
  | "revealed"
> {
  return {
    hiddenSources: state.hiddenSources.filter((k) => !isGraphSourceKey(k)),
    selection: null,
    ego: null,
    path: null,
    hiddenPredicates: [],
    search: "",
    camera: DEFAULT_CAMERA,
    revealed: [],
  };
}

/**
 * Explores a SPARQL endpoint (null: back to documents), with its default graph. What names
 * things in the old data is reset, as for setDataSource; nothing is opened yet.
 */
export function setEndpoint(
  state: ViewState,
  endpoint: string | null,
  endpointGraph: string | null = null,
): ViewState {
  if (state.endpoint === endpoint && state.endpointGraph === endpointGraph) return state;
  return {
    ...state,
    ...forgetData(state),
    endpoint,
    endpointGraph: endpoint === null ? null : endpointGraph,
    opened: [],
    expanded: [],
    endpointQuery: null,
  };
}

/** Notes an IRI opened on the endpoint. */
export function addOpened(state: ViewState, iri: string): ViewState {
  if (state.opened.includes(iri)) return state;
  return { ...state, opened: canonicalPredicates([...state.opened, iri]) };
}

/** Notes a relation expanded on the endpoint. */
export function addExpanded(state: ViewState, expansion: EndpointExpansion): ViewState {
  const key = expansionKey(expansion);
  if (state.expanded.some((e) => expansionKey(e) === key)) return state;
  return { ...state, expanded: canonicalExpansions([...state.expanded, expansion]) };
}

export function setCollapseNary(state: ViewState, collapseNary: boolean): ViewState {
  return update(state, "collapseNary", collapseNary);
}

/** The n-ary kinds the toggle shows as nodes or collapses into labelled edges. */
export const NARY_KINDS = ["memberships", "posts", "statements"] as const;
export type NaryKind = (typeof NARY_KINDS)[number];

const NARY_FIELD = {
  memberships: "collapseNary",
  posts: "collapsePosts",
  statements: "collapseStatements",
} as const satisfies Record<NaryKind, keyof ViewState>;

/** Whether the n-ary nodes of `kind` are collapsed into labelled edges. */
export function isCollapsed(state: ViewState, kind: NaryKind): boolean {
  return state[NARY_FIELD[kind]];
}

/** Shows the n-ary nodes of `kind` as nodes (false) or collapses them into edges (true). */
export function setCollapsed(state: ViewState, kind: NaryKind, collapse: boolean): ViewState {
  return update(state, NARY_FIELD[kind], collapse);
}
