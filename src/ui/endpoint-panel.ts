/**
 * The endpoint's UI (issue 7): the search box in endpoint mode and the connections menu.
 *
 * The search box is the same ARIA 1.2 combobox as the graph search (src/ui/search.ts: the
 * same markup, ids and classes), but its results come from the endpoint (a label query,
 * debounced and cancellable, see src/embed/endpoint-source.ts); choosing one opens it (fetches
 * it with its neighbours). The connections menu, in the node-tools card, lists a node's
 * relations on the endpoint with their counts (predicate, direction, count, as Reactodia's),
 * each a button that loads that relation.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost } from "lit";
import { predicateLabels } from "../core/model/labels";
import { NS } from "../core/model/vocab";
import type { ConnectionCount, SearchHit, SparqlFailure } from "../core/sparql";
import { explorerMessages, type Lang } from "./messages";
import { renderSearchBox } from "./search";

/** Styles of the endpoint's UI (in the element's shadow root). */
export const endpointStyles = css`
  .endpoint-hint {
    top: 40%;
    left: 0;
    right: 0;
    margin: 0;
    text-align: center;
    color: var(--og-muted);
  }
  .endpoint-connections {
    margin-top: 8px;
  }
  .endpoint-expand[aria-pressed="true"] {
    border-style: solid;
  }
  .endpoint-expand:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;

export interface EndpointMessages {
  searchPlaceholder: string;
  searching: string;
  connections: string;
  showConnections: string;
  loadingConnections: string;
  noConnections: string;
  expandRelation: (count: number, label: string, direction: "out" | "in") => string;
  loaded: string;
  openHint: string;
  failure: Record<"http" | "timeout" | "network" | "bad-results", string>;
}

const MESSAGES: Record<Lang, EndpointMessages> = {
  fr: {
    searchPlaceholder: "Rechercher sur le point d'accès SPARQL…",
    searching: "Recherche…",
    connections: "Relations sur le point d'accès",
    showConnections: "Relations…",
    loadingConnections: "Comptage des relations…",
    noConnections: "Aucune autre relation",
    expandRelation: (count, label, direction) =>
      `Charger ${count} ${direction === "out" ? "cible(s)" : "source(s)"} de « ${label} »`,
    loaded: "chargé",
    openHint: "Recherchez une ressource pour commencer l'exploration.",
    failure: {
      http: "Le point d'accès SPARQL a répondu par une erreur HTTP",
      timeout: "Le point d'accès SPARQL n'a pas répondu à temps",
      network: "Point d'accès SPARQL injoignable (réseau ou CORS)",
      "bad-results": "Réponse illisible du point d'accès SPARQL",
    },
  },
  en: {
    searchPlaceholder: "Search the SPARQL endpoint…",
    searching: "Searching…",
    connections: "Relations on the endpoint",
    showConnections: "Relations…",
    loadingConnections: "Counting relations…",
    noConnections: "No other relations",
    expandRelation: (count, label, direction) =>
      `Load ${count} ${direction === "out" ? "target(s)" : "source(s)"} of “${label}”`,
    loaded: "loaded",
    openHint: "Search for a resource to start exploring.",
    failure: {
      http: "The SPARQL endpoint answered with an HTTP error",
      timeout: "The SPARQL endpoint did not answer in time",
      network: "The SPARQL endpoint could not be reached (network or CORS)",
      "bad-results": "The SPARQL endpoint's answer could not be read",
    },
  },
};

export function endpointMessages(lang: Lang): EndpointMessages {
  return MESSAGES[lang];
}

/** The banner's text for an endpoint failure: its cause in words, then the details. */
export function endpointErrorMessage(error: unknown, lang: Lang): string {
  const message = error instanceof Error ? error.message : String(error);
  // A SparqlEndpointError (src/core/sparql, loaded on demand: told by its name and reason).
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (
    error instanceof Error &&
    error.name === "SparqlEndpointError" &&
    typeof reason === "string"
  ) {
    const cause = MESSAGES[lang].failure[reason as SparqlFailure];
    if (cause) return `${cause}. ${message}`;
  }
  return message;
}

/** A predicate's label for the menu (built-in table, else a prefixed name). */
export function relationLabel(predicate: string, lang: Lang): string {
  return predicateLabels(predicate, [], [lang, lang === "fr" ? "en" : "fr"], NS).label;
}

export interface EndpointSearchOptions {
  /** Asks the endpoint (debounced there); resolves with the hits. */
  search: (text: string, immediate: boolean) => Promise<SearchHit[]>;
  /** The hits of the last answer, and whether a request runs. */
  hits: () => readonly SearchHit[];
  searching: () => boolean;
  /** A hit was chosen. */
  onChoose: (iri: string) => void;
}

/** The search box in endpoint mode (a combobox, as src/ui/search.ts). */
export class EndpointSearchController implements ReactiveController {
  open = false;
  active = -1;
  text = "";

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: EndpointSearchOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #ask(text: string, immediate: boolean): void {
    this.text = text;
    this.open = text.trim() !== "";
    void this.options.search(text, immediate).then(() => {
      const n = this.options.hits().length;
      if (this.active >= n || this.active < 0) this.active = n > 0 ? 0 : -1;
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  }

  #choose(i: number): void {
    const hit = this.options.hits()[i];
    if (!hit) return;
    this.open = false;
    this.host.requestUpdate();
    this.options.onChoose(hit.iri);
  }

  #onInput = (event: Event): void => {
    this.active = -1;
    this.#ask((event.target as HTMLInputElement).value, false);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    const n = this.options.hits().length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!this.open) this.open = input.value.trim() !== "";
        else if (n > 0) {
          this.active = (this.active + (event.key === "ArrowDown" ? 1 : -1) + n) % n;
        }
        this.host.requestUpdate();
        break;
      case "Enter":
        event.preventDefault();
        if (this.options.searching() || input.value !== this.text) this.#ask(input.value, true);
        else this.#choose(this.active >= 0 ? this.active : 0);
        break;
      case "Escape":
        if (this.open) {
          event.preventDefault();
          this.open = false;
          this.host.requestUpdate();
        } else if (input.value !== "") {
          event.preventDefault();
          input.value = "";
          this.#ask("", true);
        }
        break;
    }
  };

  #onFocus = (event: FocusEvent): void => {
    const value = (event.target as HTMLInputElement).value;
    if (value.trim() !== "" && !this.open) {
      this.open = true;
      this.host.requestUpdate();
    }
  };

  #onBlur = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).parentElement?.contains(next)) return;
    if (this.open) {
      this.open = false;
      this.host.requestUpdate();
    }
  };

  render(lang: Lang) {
    const m = explorerMessages(lang);
    const e = MESSAGES[lang];
    const hits = this.options.hits();
    const searching = this.options.searching();
    return renderSearchBox({
      className: "endpoint-search",
      label: m.search,
      resultsLabel: m.searchResults,
      placeholder: e.searchPlaceholder,
      value: this.text,
      open: this.open && this.text.trim() !== "",
      active: this.active,
      busy: searching,
      emptyText: searching ? e.searching : m.searchNone,
      status: searching ? e.searching : m.searchCount(hits.length),
      onInput: this.#onInput,
      onKeyDown: this.#onKeyDown,
      onFocus: this.#onFocus,
      onBlur: this.#onBlur,
      options: hits.map(
        (hit, i) =>
          html`<li
            id="og-search-option-${i}"
            class="search-option ${i === this.active ? "active" : ""}"
            role="option"
            aria-selected=${i === this.active ? "true" : "false"}
            data-key=${hit.iri}
            @mousedown=${(ev: Event) => ev.preventDefault()}
            @click=${() => this.#choose(i)}
          >
            <span class="search-option-text">
              <span class="search-option-label">${hit.label}</span>
              <span class="search-option-match">${hit.iri}</span>
            </span>
          </li>`,
      ),
    });
  }
}

export interface ConnectionsOptions {
  lang: Lang;
  key: string;
  counts: readonly ConnectionCount[] | "loading" | null;
  isLoaded: (c: ConnectionCount) => boolean;
  isPending: (c: ConnectionCount) => boolean;
  onShow: () => void;
  onExpand: (c: ConnectionCount) => void;
}

/** The connections menu of a node (inside the node-tools card). */
export function renderConnections(o: ConnectionsOptions) {
  const e = MESSAGES[o.lang];
  const m = explorerMessages(o.lang);
  if (o.counts === null) {
    return html`<div class="endpoint-connections">
      <button type="button" class="tool-button" data-action="connections" @click=${o.onShow}>
        ${e.showConnections}
      </button>
    </div>`;
  }
  if (o.counts === "loading") {
    return html`<div class="endpoint-connections">
      <p class="node-tools-label" role="status">${e.loadingConnections}</p>
    </div>`;
  }
  return html`<div class="endpoint-connections">
    <p class="node-tools-label">${e.connections}</p>
    ${
      o.counts.length === 0
        ? html`<p class="muted">${e.noConnections}</p>`
        : html`<ul class="expand-list">
            ${o.counts.map((c) => {
              const label = relationLabel(c.predicate, o.lang);
              const loaded = o.isLoaded(c);
              const pending = o.isPending(c);
              return html`<li>
                <button
                  type="button"
                  class="expand-button endpoint-expand"
                  data-predicate=${c.predicate}
                  data-direction=${c.direction}
                  title=${c.predicate}
                  aria-label=${e.expandRelation(c.count, label, c.direction)}
                  aria-pressed=${loaded ? "true" : "false"}
                  ?disabled=${pending}
                  @click=${() => o.onExpand(c)}
                >
                  <span class="expand-count">${c.count}</span>
                  <span class="expand-label">${label}</span>
                  <span class="muted expand-direction"
                    >${c.direction === "out" ? m.directionOut : m.directionIn}${
                      loaded ? ` · ${e.loaded}` : ""
                    }</span
                  >
                </button>
              </li>`;
            })}
          </ul>`
    }
  </div>`;
}
