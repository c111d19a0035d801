/**
 * "Explore from this node", a card over the stage for the selection: shortest paths from or to it, its
 * neighbourhood only, and its hidden neighbours grouped by relation type and direction with
 * counts, each group a button that brings them into view (as Reactodia's "expand").
 */
import { html, nothing, type TemplateResult } from "lit";
import type { NeighbourGroup } from "../core/graph/neighbourhood";
import { explorerMessages, type Lang } from "./messages";

export interface NodeToolsOptions {
  lang: Lang;
  key: string;
  /** The node's label. */
  label: string;
  groups: readonly NeighbourGroup[];
  /** Number of nodes brought back by "expand" so far. */
  revealedCount: number;
  /** Whether the ego network shown is this node's. */
  isEgo: boolean;
  onPathFrom: (key: string) => void;
  onPathTo: (key: string) => void;
  onEgo: (key: string) => void;
  onExpand: (key: string, group: NeighbourGroup) => void;
  onForgetExpanded: () => void;
  /** More tools (e.g. the endpoint's connections menu). */
  extra?: TemplateResult | typeof nothing;
}

export function renderNodeTools(o: NodeToolsOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  return html`<section class="node-tools" aria-labelledby="og-node-tools">
    <h2 id="og-node-tools">${m.nodeTools}</h2>
    <p class="node-tools-title">${o.label}</p>
    <div class="node-tool-buttons">
      <button
        type="button"
        class="tool-button"
        data-action="path-from"
        @click=${() => o.onPathFrom(o.key)}
      >
        ${m.pathFromHere}
      </button>
      <button
        type="button"
        class="tool-button"
        data-action="path-to"
        @click=${() => o.onPathTo(o.key)}
      >
        ${m.pathToHere}
      </button>
      <button
        type="button"
        class="tool-button"
        data-action="ego"
        aria-pressed=${o.isEgo ? "true" : "false"}
        @click=${() => o.onEgo(o.key)}
      >
        ${m.neighbourhood}
      </button>
    </div>
    ${
      o.groups.length
        ? html`<p class="node-tools-label">${m.hiddenNeighbours}</p>
            <ul class="expand-list">
              ${o.groups.map(
                (g) =>
                  html`<li>
                    <button
                      type="button"
                      class="expand-button"
                      data-predicate=${g.predicate}
                      data-direction=${g.direction}
                      aria-label=${m.expand(g.count, g.label, g.direction)}
                      @click=${() => o.onExpand(o.key, g)}
                    >
                      <span class="expand-count">+${g.count}</span>
                      <span class="expand-label">${g.label}</span>
                      <span class="muted expand-direction"
                        >${g.direction === "out" ? m.directionOut : m.directionIn}</span
                      >
                    </button>
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${o.extra ?? nothing}
    ${
      o.revealedCount > 0
        ? html`<button type="button" class="link-button" @click=${o.onForgetExpanded}>
            ${m.forgetExpanded(o.revealedCount)}
          </button>`
        : nothing
    }
  </section>`;
}
