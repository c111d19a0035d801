/**
 * The page's URL policy for the view state (DOM-free, so it is tested in Node).
 *
 * A meaningful step (selection, filters, search, ego, path, modes, seed, language, data source,
 * n-ary toggle) is a new history entry, so that back undoes it; a camera move only replaces the
 * current entry (panning around is not a step).
 */
import { DEFAULT_VIEW_STATE, type UiLanguage, type ViewState } from "../core/state/view-state";
import { encodeViewState, urlCanonicalState } from "../core/state/url";

export type HistoryStep = "push" | "replace" | "none";

/** The UI language a browser asks for: French for any fr-*, else English. */
export function browserLanguage(languages: readonly string[]): UiLanguage {
  const first = languages.find((l) => typeof l === "string" && l !== "") ?? "";
  return first.toLowerCase().split("-")[0] === "fr" ? "fr" : "en";
}

/** The page's defaults: the view state's, with the browser's UI language. */
export function pageDefaults(languages: readonly string[]): ViewState {
  return { ...DEFAULT_VIEW_STATE, uiLanguage: browserLanguage(languages) };
}

/** What a change from `prev` to `next` does to the history. */
export function historyStep(prev: ViewState, next: ViewState, defaults: ViewState): HistoryStep {
  const a = encodeViewState(prev, defaults);
  const b = encodeViewState(next, defaults);
  if (a === b) return "none";
  const withoutCamera = (s: ViewState): string =>
    encodeViewState({ ...urlCanonicalState(s), camera: defaults.camera }, defaults);
  return withoutCamera(prev) === withoutCamera(next) ? "replace" : "push";
}

/** The page URL (path + query + hash) for `state`. */
export function urlFor(
  location: { pathname: string; hash: string },
  state: ViewState,
  defaults: ViewState,
): string {
  const query = encodeViewState(state, defaults);
  return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
}
