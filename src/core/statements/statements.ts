/**
 * Orgraph core: statements (who said what) as plain records read from the data graph.
 *
 * Each node of category "statement" gives one record: its kind (direct quote or reported
 * speech), verbatim text, speaker, the posts named for the speaker (og:speakerPost), the roles
 * held then (from the memberships the posts are held through, with their terms), the event and
 * its date (from the event or the event it is part of), what it is about, and its spans.
 */
import { OrgraphError } from "../errors";
import type { LiteralValue, OrgraphGraph, SourceRef, Span } from "../model/types";
import { OG, ORG, SCHEMA } from "../model/vocab";
import { compareStrings } from "../rdf/terms";
import { membershipForPost, periodStatus, type Validity } from "./as-of";
import { claimsAbout, type ClaimIndex } from "./claims";
import { parsePeriod, tryParseDate, type DatedPeriod, type ParsedDate } from "./dates";
import { edgeLabelIn, refOf, targetsOf, type Ref } from "./refs";

export type StatementKind = "direct" | "reported" | "unspecified";

/** A post named for the speaker, with the organisation it is in and its role. */
export interface PostRef extends Ref {
  organisation?: Ref;
  role?: Ref;
}

/** A role held by the speaker, read from a post and the membership it is held through. */
export interface HeldRole {
  post: PostRef;
  /** Key of the collapsed membership edge (speaker org:memberOf organisation) when found. */
  membership?: string;
  /** Key of the speaker's org:holds edge to the post, when present. */
  holding?: string;
  /** The membership's role label, else the post's role label, else the post's label. */
  label: string;
  organisation?: Ref;
  /** The membership's term, when the data dates it. */
  period?: DatedPeriod;
  /**
   * Validity on the statement's date: "undated" without a term, "uncertain" when the statement
   * has no date or the dates overlap only in part.
   */
  status: Validity;
}

export interface EventDate {
  date: ParsedDate;
  literal: LiteralValue;
  /** The event whose schema:startDate it is (the statement's event or one it is part of). */
  from: Ref;
  /** What supports the date (only when `claims` were given). */
  spans?: Span[];
  sources?: SourceRef[];
}

export interface EventRef extends Ref {
  date?: EventDate;
  /** The events it is part of (schema:superEvent, or inverse schema:subEvent), nearest first. */
  superEvents: Ref[];
}

export interface StatementRecord {
  key: string;
  label: string;
  kind: StatementKind;
  /** schema:text as written (line breaks kept). */
  text: string;
  /** Language of the text, when tagged. */
  lang?: string;
  speaker?: Ref;
  speakerPosts: PostRef[];
  roles: HeldRole[];
  event?: EventRef;
  /** The event's date (shortcut for event.date.date). */
  date?: ParsedDate;
  /** What it is about (schema:about). */
  mentions: Ref[];
  spans: Span[];
  sources: SourceRef[];
}

export interface StatementOptions {
  /** Label languages, in preference order; default: the labels the graph was built with. */
  languages?: readonly string[];
  /** The quads' claims (`indexClaims(quads)`), to say which source gives an event's date. */
  claims?: ClaimIndex;
}

export interface SpeakerGroup {
  speaker?: Ref;
  statements: StatementRecord[];
}

function kindOf(types: readonly string[]): StatementKind {
  if (types.includes(OG.DirectQuote) || types.includes(SCHEMA.Quotation)) return "direct";
  if (types.includes(OG.ReportedSpeech)) return "reported";
  return "unspecified";
}

function postRef(graph: OrgraphGraph, post: string, languages?: readonly string[]): PostRef {
  const ref: PostRef = refOf(graph, post, languages);
  const org = targetsOf(graph, post, ORG.postIn)[0];
  const role = targetsOf(graph, post, ORG.role)[0];
  if (org !== undefined) ref.organisation = refOf(graph, org, languages);
  if (role !== undefined) ref.role = refOf(graph, role, languages);
  return ref;
}

function superEventsOf(graph: OrgraphGraph, event: string): string[] {
  const out: string[] = [];
  let frontier = [event];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const e of frontier) {
      const ups = [
        ...targetsOf(graph, e, SCHEMA.superEvent),
        ...graph
          .filterInEdges(e, (_k, a) => a.predicate === SCHEMA.subEvent)
          .map((k) => graph.source(k)),
      ];
      for (const up of ups) {
        if (up === event || out.includes(up)) continue;
        out.push(up);
        next.push(up);
      }
    }
    frontier = next;
  }
  return out;
}

function eventDate(
  graph: OrgraphGraph,
  event: string,
  ups: readonly string[],
  options: StatementOptions,
): EventDate | undefined {
  for (const key of [event, ...ups]) {
    for (const literal of graph.getNodeAttribute(key, "properties")[SCHEMA.startDate] ?? []) {
      const date = tryParseDate(literal);
      if (!date) continue;
      const out: EventDate = { date, literal, from: refOf(graph, key, options.languages) };
      if (options.claims) {
        const support = claimsAbout(options.claims, key).filter(
          (c) => c.predicate === SCHEMA.startDate && c.value.value === literal.value,
        );
        out.spans = support.flatMap((c) => c.support.spans);
        out.sources = support.flatMap((c) => c.support.refs);
      }
      return out;
    }
  }
  return undefined;
}

/** The roles a speaker held through each of the posts named for a statement, at `date`. */
export function rolesHeld(
  graph: OrgraphGraph,
  speaker: string | undefined,
  posts: readonly string[],
  date: ParsedDate | undefined,
  languages?: readonly string[],
): HeldRole[] {
  return posts.map((post) => {
    const ref = postRef(graph, post, languages);
    const membership = speaker === undefined ? undefined : membershipForPost(graph, speaker, post);
    const holding =
      speaker === undefined || !graph.hasNode(speaker)
        ? undefined
        : graph.filterOutEdges(
            speaker,
            (_e, a, _s, t) => a.predicate === ORG.holds && t === post,
          )[0];
    const period =
      membership === undefined
        ? undefined
        : parsePeriod(graph.getEdgeAttribute(membership, "during"));
    const dated = period !== undefined && (period.start !== undefined || period.end !== undefined);
    const role: HeldRole = {
      post: ref,
      label:
        membership !== undefined
          ? edgeLabelIn(graph, membership, languages)
          : (ref.role?.label ?? ref.label),
      status: !dated ? "undated" : date === undefined ? "uncertain" : periodStatus(period, date),
    };
    if (membership !== undefined) {
      role.membership = membership;
      role.organisation = refOf(graph, graph.target(membership), languages);
    } else if (ref.organisation) role.organisation = ref.organisation;
    if (holding !== undefined) role.holding = holding;
    if (dated) role.period = period;
    return role;
  });
}

function firstSpanStart(r: StatementRecord): [string, number] {
  const s = r.spans[0];
  return [s?.source ?? "\uffff", s?.start ?? Number.MAX_SAFE_INTEGER];
}

function compareRecords(a: StatementRecord, b: StatementRecord): number {
  const [sa, oa] = firstSpanStart(a);
  const [sb, ob] = firstSpanStart(b);
  return compareStrings(sa, sb) || oa - ob || compareStrings(a.key, b.key);
}

function statementRecord(
  graph: OrgraphGraph,
  key: string,
  options: StatementOptions,
): StatementRecord {
  const { languages } = options;
  const attrs = graph.getNodeAttributes(key);
  const textValue = attrs.properties[SCHEMA.text]?.[0];
  const speakerKey = targetsOf(graph, key, OG.speaker)[0];
  const posts = targetsOf(graph, key, OG.speakerPost);
  const eventKey = targetsOf(graph, key, SCHEMA.recordedAt)[0];
  const record: StatementRecord = {
    key,
    label: refOf(graph, key, languages).label,
    kind: kindOf(attrs.types),
    text: textValue?.value ?? "",
    speakerPosts: posts.map((p) => postRef(graph, p, languages)),
    roles: [],
    mentions: targetsOf(graph, key, SCHEMA.about).map((m) => refOf(graph, m, languages)),
    spans: attrs.spans,
    sources: attrs.sources,
  };
  if (textValue?.lang !== undefined) record.lang = textValue.lang;
  if (speakerKey !== undefined) record.speaker = refOf(graph, speakerKey, languages);
  if (eventKey !== undefined) {
    const ups = superEventsOf(graph, eventKey);
    const event: EventRef = {
      ...refOf(graph, eventKey, languages),
      superEvents: ups.map((u) => refOf(graph, u, languages)),
    };
    const date = eventDate(graph, eventKey, ups, options);
    if (date) {
      event.date = date;
      record.date = date.date;
    }
    record.event = event;
  }
  record.roles = rolesHeld(graph, speakerKey, posts, record.date, languages);
  return record;
}

/** Every statement of the graph, in source order (first span), then by key. */
export function statementsOf(
  graph: OrgraphGraph,
  options: StatementOptions = {},
): StatementRecord[] {
  return graph
    .filterNodes((_k, a) => a.category === "statement")
    .map((k) => statementRecord(graph, k, options))
    .sort(compareRecords);
}

/** One statement as a record. Throws OrgraphError ("invalid") when `key` is not a statement. */
export function statementOf(
  graph: OrgraphGraph,
  key: string,
  options: StatementOptions = {},
): StatementRecord {
  if (!graph.hasNode(key) || graph.getNodeAttribute(key, "category") !== "statement") {
    throw new OrgraphError("invalid", `"${key}" is not a statement of the graph.`);
  }
  return statementRecord(graph, key, options);
}

/** The roles the speaker held on the statement's date (its event's, or an enclosing event's). */
export function roleAtStatement(
  graph: OrgraphGraph,
  statementKey: string,
  options: StatementOptions = {},
): HeldRole[] {
  return statementOf(graph, statementKey, options).roles;
}

/** Statements grouped by speaker (by label, then key; statements without speaker last). */
export function statementsBySpeaker(list: readonly StatementRecord[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const s of list) {
    const k = s.speaker?.key ?? "";
    let group = groups.get(k);
    if (!group) {
      group = s.speaker ? { speaker: s.speaker, statements: [] } : { statements: [] };
      groups.set(k, group);
    }
    group.statements.push(s);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.speaker || !b.speaker) return a.speaker ? -1 : b.speaker ? 1 : 0;
    return (
      compareStrings(a.speaker.label, b.speaker.label) ||
      compareStrings(a.speaker.key, b.speaker.key)
    );
  });
}
