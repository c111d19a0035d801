/**
 * The tooltip of a hovered edge: its label and the sentence it comes from (the span's exact
 * text), else the source that states it. Text only (lit text bindings, never innerHTML); placed
 * by CSSOM (style.setProperty), so that a strict CSP without 'unsafe-inline' styles allows it.
 */
import { css, html, nothing } from "lit";
import type { OrgraphGraph } from "../core/model/types";
import { edgeHoverText } from "../render/renderer";
import { explorerMessages, type Lang } from "../ui/messages";

/** The hovered edge and the pointer's position in the stage (pixels). */
export interface EdgeTip {
  key: string;
  x: number;
  y: number;
}

export function renderEdgeTooltip(graph: OrgraphGraph | null, tip: EdgeTip | null, lang: Lang) {
  if (!graph || !tip) return nothing;
  const text = edgeHoverText(graph, tip.key);
  if (!text) return nothing;
  const m = explorerMessages(lang);
  return html`<div class="edge-tooltip" role="tooltip" data-edge=${tip.key}>
    <p class="edge-tooltip-label">${text.label}</p>
    ${
      text.sentence
        ? html`<blockquote class="edge-tooltip-sentence">${text.sentence}</blockquote>`
        : text.source
          ? html`<p class="edge-tooltip-source">
              ${m.pathSource}${lang === "fr" ? " : " : ": "}${text.source}
            </p>`
          : nothing
    }
  </div>`;
}

/** Puts the tooltip next to the pointer, inside the stage. */
export function placeEdgeTooltip(root: ParentNode, tip: EdgeTip | null): void {
  const el = root.querySelector<HTMLElement>(".edge-tooltip");
  const stage = root.querySelector<HTMLElement>(".stage");
  if (!el || !stage || !tip) return;
  const width = stage.clientWidth;
  const height = stage.clientHeight;
  const left = Math.max(4, Math.min(tip.x + 14, width - el.offsetWidth - 4));
  const top =
    tip.y + 14 + el.offsetHeight > height ? Math.max(4, tip.y - el.offsetHeight - 10) : tip.y + 14;
  el.style.setProperty("left", `${left}px`);
  el.style.setProperty("top", `${top}px`);
}

export const edgeTooltipStyles = css`
  .edge-tooltip {
    position: absolute;
    z-index: 6;
    max-width: min(360px, 80%);
    padding: 6px 9px;
    background: #ffffff;
    color: #1f2933;
    border: 1px solid #9aa5b1;
    border-radius: 6px;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
    font-size: 12px;
    line-height: 1.4;
    pointer-events: none;
  }
  .edge-tooltip-label {
    margin: 0;
    font-weight: 600;
  }
  .edge-tooltip-sentence {
    margin: 4px 0 0;
    padding-left: 8px;
    border-left: 3px solid #d97706;
    font-style: italic;
  }
  .edge-tooltip-source {
    margin: 4px 0 0;
    color: #52606d;
  }
`;
