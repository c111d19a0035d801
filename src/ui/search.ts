/**
 * The search box: one `<input type="search">` (an ARIA 1.2 combobox) with a list of results
 * (`role="listbox"` / `role="option"`, the active one named by `aria-activedescendant`), driven
 * by the arrow keys, Enter (choose) and Escape (close, then clear). The search itself
 * is the core's minisearch index (labels in every language, alternative labels, statement text;
 * accent- and case-insensitive). The controller keeps only what the list shows; the query text
 * belongs to the view state.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from "lit";
import type { SearchIndex, SearchResult } from "../core/graph/search";
import { explorerMessages, messages, type Lang } from "./messages";

/** What one search box shows: the local index's or an endpoint's (src/ui/endpoint-panel.ts). */
export interface SearchBoxView {
  /** Extra class on the wrapper (e.g. "endpoint-search"). */
  className?: string;
  label: string;
  resultsLabel: string;
  placeholder: string;
  value: string;
  open: boolean;
  active: number;
  busy?: boolean;
  /** One `<li role="option" id="og-search-option-N">` per result. */
  options: unknown[];
  /** Text of the disabled option shown when the list is open and empty. */
  emptyText: string;
  /** Text announced to screen readers while the list is open. */
  status: string;
  onInput: (e: Event) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onFocus: (e: FocusEvent) => void;
  onBlur: (e: FocusEvent) => void;
}

/** The combobox markup shared by the local and the endpoint search (ARIA 1.2 combobox + listbox). */
export function renderSearchBox(v: SearchBoxView) {
  const activeId = v.open && v.active >= 0 ? `og-search-option-${v.active}` : undefined;
  return html`<div class="search ${v.className ?? ""}">
    <label class="visually-hidden" for="og-search">${v.label}</label>
    <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
    <input
      id="og-search"
      type="search"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      aria-autocomplete="list"
      aria-controls="og-search-results"
      aria-expanded=${v.open ? "true" : "false"}
      aria-activedescendant=${activeId ?? nothing}
      aria-busy=${v.busy === undefined ? nothing : v.busy ? "true" : "false"}
      placeholder=${v.placeholder}
      .value=${v.value}
      @input=${v.onInput}
      @keydown=${v.onKeyDown}
      @focus=${v.onFocus}
      @blur=${v.onBlur}
    />
    <ul
      id="og-search-results"
      class="search-results"
      role="listbox"
      aria-label=${v.resultsLabel}
      ?hidden=${!v.open}
    >
      ${v.options}
      ${
        v.open && v.options.length === 0
          ? html`<li class="search-empty" role="option" aria-disabled="true" aria-selected="false">
              ${v.emptyText}
            </li>`
          : nothing
      }
    </ul>
    <span class="visually-hidden" role="status" aria-live="polite">${v.open ? v.status : ""}</span>
  </div>`;
}

export interface SearchControllerOptions {
  /** The index of the graph shown (null before a load). */
  index: () => SearchIndex | null;
  /** The query text changed (typing, clearing). */
  onQuery: (query: string) => void;
  /** A result was chosen (Enter or click). */
  onChoose: (key: string) => void;
}

/** Most results listed. */
export const SEARCH_LIMIT = 12;

export class SearchController implements ReactiveController {
  /** Results of the current query. */
  results: SearchResult[] = [];
  /** Whether the list is shown. */
  open = false;
  /** Index of the active option, -1 for none. */
  active = -1;
  #query = "";
  #index: SearchIndex | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SearchControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs `query` (and remembers it) when it or the index changed. */
  #run(query: string): void {
    const index = this.options.index();
    if (query === this.#query && index === this.#index) return;
    this.#query = query;
    this.#index = index;
    this.results = index && query.trim() !== "" ? index.search(query, { limit: SEARCH_LIMIT }) : [];
    this.active = this.results.length > 0 ? 0 : -1;
  }

  /** Closes the list (e.g. after a choice made elsewhere). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
  }

  #choose(i: number): void {
    const result = this.results[i];
    if (!result) return;
    this.open = false;
    this.host.requestUpdate();
    this.options.onChoose(result.key);
  }

  #onInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.#run(value);
    this.open = value.trim() !== "";
    this.options.onQuery(value);
    this.host.requestUpdate();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    const n = this.results.length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        event.preventDefault();
        this.#run(input.value);
        if (!this.open) {
          this.open = input.value.trim() !== "";
        } else if (n > 0) {
          const step = event.key === "ArrowDown" ? 1 : -1;
          this.active = (this.active + step + n) % n;
        }
        this.host.requestUpdate();
        break;
      }
      case "Enter": {
        event.preventDefault();
        this.#run(input.value);
        this.#choose(this.active >= 0 ? this.active : 0);
        break;
      }
      case "Escape":
        if (this.open) {
          event.preventDefault();
          this.open = false;
          this.host.requestUpdate();
        } else if (input.value !== "") {
          event.preventDefault();
          input.value = "";
          this.#run("");
          this.options.onQuery("");
          this.host.requestUpdate();
        }
        break;
    }
  };

  #onFocus = (event: FocusEvent): void => {
    const value = (event.target as HTMLInputElement).value;
    this.#run(value);
    if (value.trim() !== "" && !this.open) {
      this.open = true;
      this.host.requestUpdate();
    }
  };

  #onBlur = (event: FocusEvent): void => {
    // A click on an option keeps the focus in the box (mousedown is prevented there).
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).parentElement?.contains(next)) return;
    this.close();
  };

  /** The search box and its list, for the query `query` in language `lang`. */
  render(query: string, lang: Lang) {
    const m = explorerMessages(lang);
    const categories = messages(lang).categories;
    this.#run(query);
    const open = this.open && query.trim() !== "";
    return renderSearchBox({
      label: m.search,
      resultsLabel: m.searchResults,
      placeholder: m.searchPlaceholder,
      value: query,
      open,
      active: this.active,
      emptyText: m.searchNone,
      status: m.searchCount(this.results.length),
      onInput: this.#onInput,
      onKeyDown: this.#onKeyDown,
      onFocus: this.#onFocus,
      onBlur: this.#onBlur,
      options: this.results.map(
        (r, i) =>
          html`<li
            id="og-search-option-${i}"
            class="search-option ${i === this.active ? "active" : ""}"
            role="option"
            aria-selected=${i === this.active ? "true" : "false"}
            data-key=${r.key}
            @mousedown=${(e: Event) => e.preventDefault()}
            @mousemove=${() => {
              if (this.active !== i) {
                this.active = i;
                this.host.requestUpdate();
              }
            }}
            @click=${() => this.#choose(i)}
          >
            <span class="swatch cat-${r.category}" aria-hidden="true"></span>
            <span class="search-option-text">
              <span class="search-option-label">${r.label}</span>
              ${
                r.match.fields[0] !== "label" && r.match.text && r.match.text !== r.label
                  ? html`<span class="search-option-match"
                      >${m.matchIn[r.match.fields[0] ?? "text"]} — ${r.match.text}</span
                    >`
                  : nothing
              }
            </span>
            <span class="search-option-category">${categories[r.category]}</span>
          </li>`,
      ),
    });
  }
}
