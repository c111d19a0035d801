/**
 * Orgraph core: "as of" a date — which memberships, post holdings and headships hold then.
 *
 * Comparisons respect each date's precision: a term that ends "2009-01" is over on 2009-02-01,
 * still on on 2008-12-31, and "uncertain" on 2009-01-15. A fact without any date is "undated":
 * it stays visible and says so, it is never counted as valid or invalid.
 */
import { OrgraphError } from "../errors";
import type { OrgraphGraph, Period } from "../model/types";
import { ORG, SCHEMA } from "../model/vocab";
import {
  dayOrdinal,
  parseDate,
  parsePeriod,
  tryParseDate,
  type DateInput,
  type DatedPeriod,
} from "./dates";

export type Validity = "active" | "inactive" | "uncertain" | "undated";

/** Predicates whose edges hold over time (a membership, holding a post, heading a unit). */
export const TIMED_PREDICATES: readonly string[] = [ORG.memberOf, ORG.holds, ORG.headOf];

/** Where an edge's period comes from: the edge itself, or the membership it is read from. */
export interface EdgePeriod {
  period?: DatedPeriod;
  /** Key of the membership edge the period was taken from, when not the edge itself. */
  from?: string;
}

export interface TimedEdge {
  edge: string;
  predicate: string;
  source: string;
  target: string;
  label: string;
  period?: DatedPeriod;
  /** Key of the membership edge the period was taken from, when not the edge itself. */
  periodFrom?: string;
  status: Validity;
}

function hasPeriod(p: DatedPeriod | undefined): p is DatedPeriod {
  return p !== undefined && (p.start !== undefined || p.end !== undefined);
}

/**
 * Validity of a period at a date, precision-aware. Active when the period surely covers the
 * whole date; inactive when the date is surely before the start or after the end; uncertain
 * when they overlap only in part; undated when the period has no end at all. A missing end is
 * open (no known end), a missing start likewise.
 */
export function periodStatus(period: Period | DatedPeriod | undefined, at: DateInput): Validity {
  const { start, end } = parsePeriod(period);
  if (!start && !end) return "undated";
  const date = parseDate(at);
  const a0 = dayOrdinal(date.start);
  const a1 = dayOrdinal(date.end);
  if (start && a1 < dayOrdinal(start.start)) return "inactive";
  if (end && a0 > dayOrdinal(end.end)) return "inactive";
  const started = !start || dayOrdinal(start.end) <= a0;
  const notEnded = !end || a1 <= dayOrdinal(end.start);
  return started && notEnded ? "active" : "uncertain";
}

/** The membership edges (org:memberOf, collapsed or not) from `person` to `organisation`. */
function membershipEdges(graph: OrgraphGraph, person: string, organisation: string): string[] {
  return graph.filterOutEdges(
    person,
    (_e, a, _s, t) => a.predicate === ORG.memberOf && t === organisation,
  );
}

function outTargets(graph: OrgraphGraph, node: string, predicate: string): string[] {
  if (!graph.hasNode(node)) return [];
  return graph
    .filterOutEdges(node, (_e, a) => a.predicate === predicate)
    .map((e) => graph.target(e));
}

/**
 * The membership edge through which `person` holds `post`: a membership of the post's
 * organisation (org:postIn) whose role label is the post's role (org:role); when the post names
 * no role, the only membership of that organisation.
 */
export function membershipForPost(
  graph: OrgraphGraph,
  person: string,
  post: string,
): string | undefined {
  if (!graph.hasNode(person) || !graph.hasNode(post)) return undefined;
  const roles = outTargets(graph, post, ORG.role).map((r) => graph.getNodeAttribute(r, "label"));
  for (const org of outTargets(graph, post, ORG.postIn)) {
    const candidates = membershipEdges(graph, person, org);
    if (roles.length === 0) {
      if (candidates.length === 1) return candidates[0];
      continue;
    }
    const match = candidates.find((e) => {
      const parts = graph.getEdgeAttribute(e, "label").split(", ");
      return roles.some((r) => parts.includes(r));
    });
    if (match !== undefined) return match;
  }
  return undefined;
}

/**
 * The period of an edge: its own `during`; for org:holds, that of the membership through which
 * the post is held; for org:headOf, that of the (single dated) membership of the unit headed.
 */
export function periodOfEdge(graph: OrgraphGraph, edge: string): EdgePeriod {
  if (!graph.hasEdge(edge)) throw new OrgraphError("invalid", `No edge "${edge}" in the graph.`);
  const attrs = graph.getEdgeAttributes(edge);
  const own = parsePeriod(attrs.during);
  if (hasPeriod(own)) return { period: own };
  const source = graph.source(edge);
  const target = graph.target(edge);
  let from: string | undefined;
  if (attrs.predicate === ORG.holds) from = membershipForPost(graph, source, target);
  else if (attrs.predicate === ORG.headOf) {
    const dated = membershipEdges(graph, source, target).filter((e) =>
      hasPeriod(parsePeriod(graph.getEdgeAttribute(e, "during"))),
    );
    if (dated.length === 1) from = dated[0];
  }
  if (from === undefined) return {};
  const period = parsePeriod(graph.getEdgeAttribute(from, "during"));
  return hasPeriod(period) ? { period, from } : {};
}

/** Validity at `date` of an edge (by key, see `periodOfEdge`) or of a period. */
export function heldAt(
  graph: OrgraphGraph,
  edgeOrPeriod: string | Period | DatedPeriod,
  date: DateInput,
): Validity {
  const period =
    typeof edgeOrPeriod === "string" ? periodOfEdge(graph, edgeOrPeriod).period : edgeOrPeriod;
  return periodStatus(period, date);
}

/**
 * Every membership, post-holding and headship edge (and any other edge with a `during`) with
 * its validity at `date`, in edge key order. Undated edges are listed as "undated".
 */
export function activeAsOf(graph: OrgraphGraph, date: DateInput): TimedEdge[] {
  const at = parseDate(date);
  const out: TimedEdge[] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!TIMED_PREDICATES.includes(attrs.predicate) && !attrs.during) return;
    const { period, from } = periodOfEdge(graph, edge);
    const item: TimedEdge = {
      edge,
      predicate: attrs.predicate,
      source,
      target,
      label: attrs.label,
      status: periodStatus(period, at),
    };
    if (period) item.period = period;
    if (from !== undefined) item.periodFrom = from;
    out.push(item);
  });
  return out.sort((a, b) => (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
}

export type EventTiming = "past" | "ongoing" | "future" | "uncertain" | "undated";

/**
 * Where an event stands at `date`, from its own schema:startDate / schema:endDate (an event
 * without an end lasts its start's precision): "past" when it surely ended before, "future"
 * when it surely starts after, "ongoing" when it surely covers the date, "uncertain" otherwise,
 * "undated" without dates.
 */
export function eventAsOf(graph: OrgraphGraph, event: string, date: DateInput): EventTiming {
  if (!graph.hasNode(event)) throw new OrgraphError("invalid", `No node "${event}" in the graph.`);
  const props = graph.getNodeAttribute(event, "properties");
  const start = (props[SCHEMA.startDate] ?? []).map((v) => tryParseDate(v)).find((d) => d);
  const end = (props[SCHEMA.endDate] ?? []).map((v) => tryParseDate(v)).find((d) => d) ?? start;
  if (!start && !end) return "undated";
  const at = parseDate(date);
  const a0 = dayOrdinal(at.start);
  const a1 = dayOrdinal(at.end);
  if (end && dayOrdinal(end.end) < a0) return "past";
  if (start && a1 < dayOrdinal(start.start)) return "future";
  if ((!start || dayOrdinal(start.end) <= a0) && (!end || a1 <= dayOrdinal(end.start)))
    return "ongoing";
  return "uncertain";
}
