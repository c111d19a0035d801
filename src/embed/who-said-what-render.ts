/**
 * The rendering of the "who said what" views (see who-said-what-view.ts for their state): the
 * panel's tab bar, the statements view, the source text view, the "as of" control, and what the
 * details panel adds. Loaded on demand with the other panels (panels.ts).
 */
import { html, nothing, type TemplateResult } from "lit";
import {
  renderAsOf,
  renderNodeProvenance,
  renderPersonStatements,
  renderRelationExtra,
  renderSourceView,
  renderStatementCard,
  renderStatements,
  statementMessages,
  supportLabel,
  type Lang,
  type ProvenanceOptions,
} from "../ui";
import { PANEL_TABS, type PanelTab, type WswActions, type WswState } from "./who-said-what-view";

export function wswRender(state: WswState, lang: Lang, actions: WswActions) {
  const m = statementMessages(lang);
  const model = state.model;
  const sourceLabel = (key: string) => model?.label(key) ?? key;

  const provenance: ProvenanceOptions | null = model
    ? {
        lang,
        asOf: state.asOf,
        corroboration: (key) => model.corroboration(key),
        hasSpans: (key) => model.hasSpans(key),
        timing: (edge) => model.timing(edge, state.asOf),
        onShowSource: actions.showInSource,
      }
    : null;

  const tabLabel: Record<PanelTab, string> = {
    details: m.tabDetails,
    statements: m.tabStatements,
    source: m.tabSource,
  };

  const onTabKey = (e: KeyboardEvent) => {
    const i = PANEL_TABS.indexOf(state.tab);
    const next =
      e.key === "ArrowRight"
        ? PANEL_TABS[(i + 1) % PANEL_TABS.length]
        : e.key === "ArrowLeft"
          ? PANEL_TABS[(i + PANEL_TABS.length - 1) % PANEL_TABS.length]
          : undefined;
    if (!next) return;
    e.preventDefault();
    actions.update({ tab: next, scroll: next === "source" });
    const bar = (e.currentTarget as HTMLElement | null) ?? null;
    requestAnimationFrame(() => bar?.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus());
  };

  return {
    /** The tab bar of the side panel. */
    tabs(): TemplateResult {
      return html`<div class="panel-tabs" role="tablist" aria-label=${m.tabs} @keydown=${onTabKey}>
        ${PANEL_TABS.map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              class="panel-tab"
              data-tab=${tab}
              id=${`tab-${tab}`}
              aria-selected=${state.tab === tab ? "true" : "false"}
              tabindex=${state.tab === tab ? "0" : "-1"}
              @click=${() => actions.update({ tab, scroll: tab === "source" })}
            >
              ${tabLabel[tab]}${
                tab === "statements" && model
                  ? html` <span class="count">${model.statements.length}</span>`
                  : nothing
              }${
                tab === "source" && model && model.warnings.length
                  ? html` <span class="count">⚠ ${model.warnings.length}</span>`
                  : nothing
              }
            </button>`,
        )}
      </div>`;
    },

    /** The statements or source view (the details view is the element's own). */
    view(): TemplateResult {
      if (!model) return html``;
      if (state.tab === "statements") {
        return html`<div role="tabpanel" aria-labelledby="tab-statements">
          ${renderStatements({
            records: model.statements,
            filter: state.filter,
            lang,
            selected: state.statement,
            sourceLabel,
            onFilter: (filter) => actions.update({ filter }),
            onSelect: actions.selectStatement,
            onSelectNode: actions.select,
            onShowSource: actions.showInSource,
          })}
        </div>`;
      }
      const record = state.statement
        ? model.statements.find((s) => s.key === state.statement)
        : undefined;
      const header = record
        ? html`<div class="selected-statement">
            <button
              type="button"
              class="link-button back"
              @click=${() => actions.update({ tab: "statements" })}
            >
              ${m.backToStatements}
            </button>
            <ul>
              ${renderStatementCard(
                record,
                {
                  lang,
                  selected: record.key,
                  sourceLabel,
                  onSelect: actions.selectStatement,
                  onShowSource: actions.showInSource,
                },
                true,
              )}
            </ul>
          </div>`
        : nothing;
      return html`<div role="tabpanel" aria-labelledby="tab-source">
        ${renderSourceView({
          docs: model.docs,
          lang,
          loading: false,
          focus: state.focus,
          header,
          describe: (mark) =>
            m.markTitle(
              supportLabel(model.graph, model.support.get(mark.annotation), model.languages),
            ),
          onMark: (doc, mark) =>
            actions.activateMark(
              { source: doc.key, ranges: [{ start: mark.start, end: mark.end }] },
              mark.annotation,
            ),
        })}
      </div>`;
    },

    /** The "as of" date control (an overlay of the stage). */
    asOfControl(hidden: number): TemplateResult {
      return html`<div class="overlay bottom-right">
        ${renderAsOf({ value: state.asOf, lang, hidden, onChange: actions.setAsOf })}
      </div>`;
    },

    /** What the details panel of `selected` adds. */
    details(selected: string): {
      sections?: unknown;
      relationExtra?: (edges: string[]) => unknown;
    } {
      if (!model || !provenance || !model.graph.hasNode(selected)) return {};
      const said = model.statementsBy(selected);
      return {
        sections: html`${renderPersonStatements(said, lang, actions.selectStatement)}
        ${renderNodeProvenance(selected, {
          ...provenance,
          ...(model.eventTiming(selected, state.asOf)
            ? { eventTiming: model.eventTiming(selected, state.asOf) }
            : {}),
        })}`,
        relationExtra: (edges) => renderRelationExtra(edges, provenance),
      };
    },
  };
}
