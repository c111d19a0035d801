/**
 * Orgraph core: a node's literal facts with the named graphs and loaded sources that give each
 * one, and which of them the filter by source leaves shown.
 *
 * A fact (predicate, value) goes when every named graph that asserts it is hidden (keys
 * `graph:<iri>`), or when every loaded source that gives it is hidden (keys `source:<name>`); a
 * fact also asserted in a visible graph stays. Pure: the graph is read, never changed.
 */
import type { LiteralValue, NodeAttributes, OrgraphGraph } from "../model/types";
import {
  graphOfKey,
  graphsVisible,
  isGraphSourceKey,
  isLoadedSourceKey,
  LOADED_SOURCE_PREFIX,
  originVisible,
} from "./sources";

/** One literal fact of a node. */
export interface Fact {
  predicate: string;
  /** Shared with the graph's attributes: read-only. */
  value: LiteralValue;
  /** The graphs (IRIs, "" for the default graph) that assert it, sorted. */
  graphs: readonly string[];
  /** The loaded sources (names) that give it, when several are loaded. */
  origin?: readonly string[];
}

/** What hides facts: the hidden named graphs and loaded sources. */
export interface FactFilter {
  readonly hiddenGraphs: ReadonlySet<string>;
  readonly hiddenLoaded: ReadonlySet<string>;
}

const DEFAULT_GRAPH_ONLY: readonly string[] = Object.freeze([""]);

/** The fact filter of the filter by source's keys (other keys are ignored). */
export function factFilter(hiddenSources: readonly string[]): FactFilter {
  return {
    hiddenGraphs: new Set(hiddenSources.filter(isGraphSourceKey).map(graphOfKey)),
    hiddenLoaded: new Set(
      hiddenSources.filter(isLoadedSourceKey).map((k) => k.slice(LOADED_SOURCE_PREFIX.length)),
    ),
  };
}

/** Whether `filter` hides anything at all. */
export function filtersFacts(filter: FactFilter): boolean {
  return filter.hiddenGraphs.size > 0 || filter.hiddenLoaded.size > 0;
}

/** The graphs that assert the `index`-th value of `predicate` (see NodeAttributes.factGraphs). */
export function factGraphs(
  attributes: Pick<NodeAttributes, "factGraphs">,
  predicate: string,
  index: number,
): readonly string[] {
  const fg = attributes.factGraphs;
  if (fg === undefined) return DEFAULT_GRAPH_ONLY;
  if (typeof fg === "string") return [fg];
  return (Object.hasOwn(fg, predicate) ? fg[predicate]?.[index] : undefined) ?? [];
}

/** The loaded sources that give the `index`-th value of `predicate` (undefined: not recorded). */
export function factOrigin(
  attributes: Pick<NodeAttributes, "factOrigins" | "origin">,
  predicate: string,
  index: number,
): readonly string[] | undefined {
  const fo = attributes.factOrigins;
  if (fo !== undefined && Object.hasOwn(fo, predicate)) return fo[predicate]?.[index] ?? [];
  return attributes.origin;
}

/** Every literal fact of a node, predicates in `properties` order, values in theirs. */
export function factsOf(attributes: NodeAttributes): Fact[] {
  const out: Fact[] = [];
  for (const [predicate, values] of Object.entries(attributes.properties)) {
    values.forEach((value, i) => {
      const fact: Fact = { predicate, value, graphs: factGraphs(attributes, predicate, i) };
      const origin = factOrigin(attributes, predicate, i);
      if (origin !== undefined && origin.length > 0) fact.origin = origin;
      out.push(fact);
    });
  }
  return out;
}

/** Whether a fact stays shown under `filter`. */
export function factVisible(fact: Pick<Fact, "graphs" | "origin">, filter: FactFilter): boolean {
  return (
    graphsVisible(fact, filter.hiddenGraphs) &&
    originVisible(fact.origin === undefined ? {} : { origin: fact.origin }, filter.hiddenLoaded)
  );
}

/** The facts of node `key` that the hidden sources (filter keys) leave shown. */
export function visibleFacts(
  graph: OrgraphGraph,
  key: string,
  hiddenSources: readonly string[] = [],
): Fact[] {
  const facts = factsOf(graph.getNodeAttributes(key));
  const filter = factFilter(hiddenSources);
  return filtersFacts(filter) ? facts.filter((f) => factVisible(f, filter)) : facts;
}

/**
 * The literal properties of a node that `filter` leaves shown (predicate -> values, in order;
 * predicates left without a value are dropped). `attributes.properties` itself when nothing goes.
 */
export function visibleProperties(
  attributes: NodeAttributes,
  filter: FactFilter,
): Record<string, LiteralValue[]> {
  if (!filtersFacts(filter)) return attributes.properties;
  // Facts from the default graph alone, and one loaded source: nothing to filter per fact.
  if (attributes.factGraphs === undefined && attributes.factOrigins === undefined) {
    const shown =
      graphsVisible({ graphs: DEFAULT_GRAPH_ONLY }, filter.hiddenGraphs) &&
      originVisible(attributes, filter.hiddenLoaded);
    return shown ? attributes.properties : {};
  }
  let changed = false;
  const out: Record<string, LiteralValue[]> = {};
  for (const [predicate, values] of Object.entries(attributes.properties)) {
    const kept = values.filter((_v, i) => {
      const origin = factOrigin(attributes, predicate, i);
      return factVisible(
        { graphs: factGraphs(attributes, predicate, i), ...(origin ? { origin } : {}) },
        filter,
      );
    });
    if (kept.length !== values.length) changed = true;
    if (kept.length > 0) out[predicate] = kept;
  }
  return changed ? out : attributes.properties;
}
