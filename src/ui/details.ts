/**
 * The details panel of the selected node. Every piece of data is rendered as text through lit
 * bindings (escaped); only http(s) IRIs become links, with rel="noopener noreferrer".
 */
import { html, nothing, type TemplateResult } from "lit";
import { factFilter, visibleFacts, type Fact } from "../core/graph/facts";
import type { LiteralValue, NamedGraphInfo, OrgraphGraph } from "../core/model/types";
import { compactIri, isHttpIri } from "./iri";
import { messages, type Lang } from "./messages";

const ORG = "http://www.w3.org/ns/org#";
export const ORG_HOLDS = `${ORG}holds`;
export const ORG_ROLE = `${ORG}role`;
export const ORG_POST_IN = `${ORG}postIn`;

export interface DetailsOptions {
  graph: OrgraphGraph;
  key: string;
  lang: Lang;
  /** Selects a neighbour (a relation button was activated). */
  onSelect: (key: string) => void;
  /** Clears the selection. */
  onClose: () => void;
  /** Extra content under a relation (its edges' keys): sources, period, "show in source". */
  relationExtra?: (edges: string[]) => unknown;
  /** Extra sections shown after the header (e.g. a person's statements, the node's sources). */
  sections?: unknown;
  /**
   * Keys of the filter by source: a literal fact asserted only in hidden named graphs
   * (`graph:<iri>`) or given only by hidden loaded sources (`source:<name>`) is not shown.
   */
  hiddenSources?: readonly string[];
}

interface Neighbour {
  key: string;
  label: string;
  /** The edges to this neighbour in the group (relations only). */
  edges?: string[];
}

interface RelationGroup {
  label: string;
  predicate: string;
  neighbours: Neighbour[];
}

export interface PostSummary {
  post: Neighbour;
  roles: Neighbour[];
  organisations: Neighbour[];
}

function labelOf(graph: OrgraphGraph, key: string): string {
  return graph.getNodeAttribute(key, "label") || key;
}

function byLabel(a: { label: string }, b: { label: string }): number {
  return a.label.localeCompare(b.label);
}

/** Targets of `key`'s outgoing edges with the given predicate, sorted by label, without duplicates. */
function targetsOf(graph: OrgraphGraph, key: string, predicate: string): Neighbour[] {
  const seen = new Map<string, Neighbour>();
  graph.forEachOutEdge(key, (_edge, attributes, _source, target) => {
    if (attributes.predicate === predicate && !seen.has(target)) {
      seen.set(target, { key: target, label: labelOf(graph, target) });
    }
  });
  return [...seen.values()].sort(byLabel);
}

/** The posts a node holds (org:holds), each with its role(s) and organisation(s). */
export function postsOf(graph: OrgraphGraph, key: string): PostSummary[] {
  return targetsOf(graph, key, ORG_HOLDS).map((post) => ({
    post,
    roles: targetsOf(graph, post.key, ORG_ROLE),
    organisations: targetsOf(graph, post.key, ORG_POST_IN),
  }));
}

/** Relations of a node grouped by predicate label, in one direction. */
export function relationGroups(
  graph: OrgraphGraph,
  key: string,
  direction: "out" | "in",
): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  const add = (predicate: string, label: string, neighbour: string, edge: string): void => {
    const name = label || compactIri(predicate, graph.getAttribute("prefixes") ?? {});
    let group = groups.get(name);
    if (!group) {
      group = { label: name, predicate, neighbours: [] };
      groups.set(name, group);
    }
    const known = group.neighbours.find((n) => n.key === neighbour);
    if (known) known.edges?.push(edge);
    else group.neighbours.push({ key: neighbour, label: labelOf(graph, neighbour), edges: [edge] });
  };
  if (direction === "out") {
    graph.forEachOutEdge(key, (edge, attributes, _source, target) =>
      add(attributes.predicate, attributes.label, target, edge),
    );
  } else {
    graph.forEachInEdge(key, (edge, attributes, source) =>
      add(attributes.predicate, attributes.label, source, edge),
    );
  }
  const result = [...groups.values()].sort(byLabel);
  for (const group of result) group.neighbours.sort(byLabel);
  return result;
}

function neighbourButton(neighbour: Neighbour, onSelect: (key: string) => void): TemplateResult {
  return html`<button
    type="button"
    class="link-button"
    data-key=${neighbour.key}
    @click=${() => onSelect(neighbour.key)}
  >
    ${neighbour.label}
  </button>`;
}

function literal(value: LiteralValue, prefixes: Record<string, string>): TemplateResult {
  return html`<span class="literal">${value.value}</span>${
      value.lang ? html` <span class="tag" title="language">${value.lang}</span>` : nothing
    }${
      value.datatype
        ? html` <span class="tag" title=${value.datatype}
            >${compactIri(value.datatype, prefixes)}</span
          >`
        : nothing
    }`;
}

function iriText(iri: string, prefixes: Record<string, string>): TemplateResult {
  const text = compactIri(iri, prefixes);
  return isHttpIri(iri)
    ? html`<a href=${iri} target="_blank" rel="noopener noreferrer" title=${iri}>${text}</a>`
    : html`<span title=${iri}>${text}</span>`;
}

/** The named graphs of `graphs` the data says something about (label, derivation), in order. */
function describedGraphs(
  graphs: readonly string[],
  info: Readonly<Record<string, NamedGraphInfo>>,
): [string, NamedGraphInfo][] {
  const out: [string, NamedGraphInfo][] = [];
  for (const g of graphs) {
    const about = g !== "" && Object.hasOwn(info, g) ? info[g] : undefined;
    if (about) out.push([g, about]);
  }
  return out;
}

/** Where a fact (or every fact) comes from: its described named graphs, its loaded sources. */
function factProvenance(
  graphs: readonly string[],
  origin: readonly string[] | undefined,
  info: Readonly<Record<string, NamedGraphInfo>>,
  prefixes: Record<string, string>,
  lang: Lang,
): TemplateResult | typeof nothing {
  const m = messages(lang);
  const described = describedGraphs(graphs, info);
  const graphPart = described.length
    ? html`<span class="fact-graphs"
        >${m.factGraph}
        ${described.map(
          ([g, about], i) =>
            html`${i > 0 ? ", " : nothing}<span class="fact-graph" data-graph=${g}
                >${
                  isHttpIri(g)
                    ? html`<a href=${g} target="_blank" rel="noopener noreferrer" title=${g}
                        >${about.label ?? compactIri(g, prefixes)}</a
                      >`
                    : html`<span title=${g}>${about.label ?? compactIri(g, prefixes)}</span>`
                }${
                  about.derivedFrom?.length
                    ? html` (${m.factDerivedFrom}
                      ${about.derivedFrom.map(
                        (d, j) =>
                          html`${j > 0 ? ", " : nothing}${
                            isHttpIri(d.iri)
                              ? html`<a
                                  href=${d.iri}
                                  target="_blank"
                                  rel="noopener noreferrer"
                                  title=${d.iri}
                                  >${d.label}</a
                                >`
                              : html`<span title=${d.iri}>${d.label}</span>`
                          }`,
                      )})`
                    : nothing
                }</span
              >`,
        )}${graphs.includes("") ? html`, ${m.factDefaultGraph}` : nothing}</span
      >`
    : nothing;
  const originPart =
    origin && origin.length
      ? html`<span class="fact-origin">${m.factLoadedSource} ${origin.join(", ")}</span>`
      : nothing;
  if (graphPart === nothing && originPart === nothing) return nothing;
  return html`<span class="fact-provenance">${graphPart} ${originPart}</span>`;
}

export function renderDetails(options: DetailsOptions): TemplateResult {
  const { graph, key, lang, onSelect, onClose, relationExtra } = options;
  const m = messages(lang);
  const attributes = graph.getNodeAttributes(key);
  const prefixes = graph.getAttribute("prefixes") ?? {};
  const posts = postsOf(graph, key);
  const outgoing = relationGroups(graph, key, "out");
  const incoming = relationGroups(graph, key, "in");
  const quotes = [
    ...new Set(attributes.spans.map((span) => span.exact).filter((e): e is string => !!e)),
  ];
  // Facts grouped by predicate, as the filter by source shows them.
  const byPredicate = new Map<string, Fact[]>();
  for (const fact of visibleFacts(graph, key, options.hiddenSources)) {
    const list = byPredicate.get(fact.predicate);
    if (list) list.push(fact);
    else byPredicate.set(fact.predicate, [fact]);
  }
  const properties = [...byPredicate].sort(([a], [b]) =>
    compactIri(a, prefixes).localeCompare(compactIri(b, prefixes)),
  );
  const graphInfo = graph.getAttribute("namedGraphs") ?? {};
  // Every fact from one graph: said once, under the heading; else per fact.
  const oneGraph = typeof attributes.factGraphs === "string";
  const perFact = !oneGraph || attributes.factOrigins !== undefined;
  const sharedProvenance = oneGraph
    ? factProvenance([attributes.factGraphs as string], undefined, graphInfo, prefixes, lang)
    : nothing;
  // A fact also asserted in a hidden graph is said to come from the shown ones only.
  const { hiddenGraphs } = factFilter(options.hiddenSources ?? []);
  const provenanceOf = (fact: Fact) =>
    factProvenance(
      oneGraph ? [] : fact.graphs.filter((g) => !hiddenGraphs.has(g)),
      attributes.factOrigins ? fact.origin : undefined,
      graphInfo,
      prefixes,
      lang,
    );

  const relations = (title: string, groups: RelationGroup[], cls: string) =>
    groups.length
      ? html`<section class=${cls}>
          <h3>${title}</h3>
          <dl class="relations">
            ${groups.map(
              (group) =>
                html`<dt title=${group.predicate}>${group.label}</dt>
                  <dd>
                    <ul class="neighbours">
                      ${group.neighbours.map(
                        (n) =>
                          html`<li>
                            ${neighbourButton(n, onSelect)}
                            ${relationExtra && n.edges ? relationExtra(n.edges) : nothing}
                          </li>`,
                      )}
                    </ul>
                  </dd>`,
            )}
          </dl>
        </section>`
      : nothing;

  return html`<article class="details" aria-labelledby="details-title">
    <header class="details-header">
      <div>
        <span class="chip cat-${attributes.category}">
          <span class="swatch cat-${attributes.category}" aria-hidden="true"></span
          >${m.categories[attributes.category]}</span
        >
        <h2 id="details-title" class="details-title">${attributes.label}</h2>
      </div>
      <button type="button" class="icon-button" aria-label=${m.clearSelection} @click=${onClose}>
        ×
      </button>
    </header>
    ${options.sections ?? nothing}
    ${
      posts.length
        ? html`<section class="posts">
            <h3>${m.posts}</h3>
            <ul class="post-list">
              ${posts.map(
                (post) =>
                  html`<li class="post">
                    <div class="post-title">${neighbourButton(post.post, onSelect)}</div>
                    ${
                      post.roles.length
                        ? html`<div class="post-line">
                            <span class="muted">${m.role} :</span>
                            ${post.roles.map((r) => neighbourButton(r, onSelect))}
                          </div>`
                        : nothing
                    }
                    ${
                      post.organisations.length
                        ? html`<div class="post-line">
                            <span class="muted">${m.postIn} :</span>
                            ${post.organisations.map((o) => neighbourButton(o, onSelect))}
                          </div>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
    ${
      properties.length
        ? html`<section class="properties">
            <h3>${m.properties}</h3>
            ${sharedProvenance === nothing ? nothing : html`<p class="facts-graph">${sharedProvenance}</p>`}
            <dl>
              ${properties.map(
                ([predicate, facts]) =>
                  html`<dt title=${predicate}>${compactIri(predicate, prefixes)}</dt>
                    ${facts.map(
                      (fact) =>
                        html`<dd>
                          ${literal(fact.value, prefixes)}${
                            perFact ? html` ${provenanceOf(fact)}` : nothing
                          }
                        </dd>`,
                    )}`,
              )}
            </dl>
          </section>`
        : nothing
    }
    ${relations(m.outgoing, outgoing, "outgoing")} ${relations(m.incoming, incoming, "incoming")}
    ${
      quotes.length
        ? html`<details class="sources">
            <summary>${m.sources} (${quotes.length})</summary>
            ${quotes.map((quote) => html`<blockquote>${quote}</blockquote>`)}
          </details>`
        : nothing
    }

    <section class="meta">
      <h3>${m.types}</h3>
      <ul class="types">
        ${attributes.types.map((type) => html`<li>${iriText(type, prefixes)}</li>`)}
      </ul>
      <h3>${m.identifier}</h3>
      <p class="iri">${iriText(key, prefixes)}</p>
    </section>
  </article>`;
}
