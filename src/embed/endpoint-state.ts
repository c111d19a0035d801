/**
 * Orgraph embed: what the element knows of a SPARQL endpoint source before that source is
 * loaded (endpoint-source.ts loads on demand: a page that never explores an endpoint does not
 * download it): its request limits and the test of a view state change that needs it.
 */
import type { ViewState } from "../core/state/view-state";

export interface EndpointSettings {
  /** Time limit per request, ms. */
  timeoutMs: number;
  /** Most rows (SELECT) or triples (CONSTRUCT) kept from one answer. */
  maxRows: number;
  /** Most labels asked for by a search. */
  searchLimit: number;
  /** Most links (each way) and neighbours per fetch. */
  neighbourLimit: number;
  /** Search debounce, ms. */
  debounceMs: number;
}

export const DEFAULT_ENDPOINT_SETTINGS: Readonly<EndpointSettings> = Object.freeze({
  timeoutMs: 30_000,
  maxRows: 10_000,
  searchLimit: 50,
  neighbourLimit: 200,
  debounceMs: 250,
});

/** The view state's endpoint steps changed in a way that needs the endpoint source. */
export function endpointChanged(prev: ViewState | null, next: ViewState): boolean {
  return (
    prev === null ||
    prev.endpoint !== next.endpoint ||
    prev.endpointGraph !== next.endpointGraph ||
    prev.opened !== next.opened ||
    prev.expanded !== next.expanded ||
    prev.endpointQuery !== next.endpointQuery ||
    prev.collapseNary !== next.collapseNary
  );
}
