/**
 * Styles of the explorer UI, as lit CSSResults: the element adopts them as constructable
 * stylesheets (adoptedStyleSheets), so no inline style attribute is ever needed. Category colours
 * come from the renderer's palette as `.cat-<category>` classes.
 */
import { css, unsafeCSS } from "lit";
import { CATEGORY_COLORS, CATEGORY_COLORS_DARK, CATEGORY_SHAPES } from "../render/palette";
import { darkThemeCss } from "./theme-css";

// The palette is a constant of this code base (never data), so building CSS from it is safe.
// The dark theme's swatches (theme dark, or auto in a dark colour scheme) use the dark canvas's
// colours (CATEGORY_COLORS_DARK).
const categoryRules = unsafeCSS(
  Object.entries(CATEGORY_COLORS)
    .map(
      ([category, color]) =>
        `.swatch.cat-${category} { background: ${color}; }\n.chip.cat-${category} { border-color: ${color}; }`,
    )
    .join("\n"),
);
const darkCategoryRules = darkThemeCss((host) =>
  Object.entries(CATEGORY_COLORS_DARK)
    .map(
      ([category, color]) =>
        `${host} .swatch.cat-${category} { background: ${color}; }\n` +
        `${host} .chip.cat-${category} { border-color: ${color}; }`,
    )
    .join("\n"),
);

// The node shape of each category, drawn by the swatch (as on the canvas).
const SHAPE_CSS: Record<string, string> = {
  circle: "border-radius: 50%;",
  square: "border-radius: 1px;",
  triangle: "border-radius: 0; clip-path: polygon(50% 0, 100% 100%, 0 100%);",
  diamond: "border-radius: 0; clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%);",
  rectangle: "border-radius: 1px; height: 7px;",
};
const shapeRules = unsafeCSS(
  Object.entries(CATEGORY_SHAPES)
    .map(([category, shape]) => `.swatch.cat-${category} { ${SHAPE_CSS[shape] ?? ""} }`)
    .join("\n"),
);

export const uiStyles = [
  css`
    :host {
      --og-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      --og-text: #1f2933;
      --og-muted: #5b6675;
      --og-border: #d9dee5;
      --og-panel: #f8f9fb;
      --og-accent: #1565c0;
      --og-focus: #0b57d0;
      --og-error-bg: #fdecea;
      --og-error-text: #8a1c12;
      display: block;
      position: relative;
      min-height: 320px;
      font-family: var(--og-font);
      font-size: 14px;
      line-height: 1.45;
      color: var(--og-text);
      background: #fff;
      overflow: hidden;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    .layout {
      position: absolute;
      inset: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr) var(--og-panel-width, 360px);
    }
    .stage {
      position: relative;
      min-width: 0;
      min-height: 0;
    }
    .sigma {
      position: absolute;
      inset: 0;
    }
    .overlay {
      position: absolute;
      pointer-events: none;
    }
    .overlay > * {
      pointer-events: auto;
    }
    .overlay.bottom-left {
      bottom: 8px;
      left: 12px;
    }
    .overlay.top-right {
      top: 12px;
      right: 12px;
      display: flex;
      gap: 6px;
    }
    .stats {
      margin: 0;
      font-size: 12px;
      color: var(--og-muted);
    }
    .panel {
      border-left: 1px solid var(--og-border);
      background: var(--og-panel);
      overflow-y: auto;
      padding: 16px 18px 24px;
    }
    .hint {
      color: var(--og-muted);
    }
    h2,
    h3 {
      margin: 0;
    }
    h3 {
      margin-top: 18px;
      margin-bottom: 6px;
      font-size: 11px;
      font-weight: 650;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--og-muted);
    }
    button {
      font: inherit;
      color: inherit;
    }
    button:focus-visible,
    a:focus-visible,
    summary:focus-visible {
      outline: 3px solid var(--og-focus);
      outline-offset: 2px;
      border-radius: 3px;
    }
    .link-button {
      display: inline;
      padding: 1px 2px;
      margin: 0;
      border: 0;
      background: none;
      color: var(--og-accent);
      text-align: left;
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 2px;
      cursor: pointer;
    }
    .link-button:hover {
      background: #e8f0fb;
    }
    .icon-button,
    .tool-button {
      border: 1px solid var(--og-border);
      background: #fff;
      border-radius: 6px;
      cursor: pointer;
    }
    .icon-button {
      width: 32px;
      height: 32px;
      flex: none;
      font-size: 20px;
      line-height: 1;
    }
    .tool-button {
      padding: 4px 10px;
      font-size: 13px;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08);
    }
    .icon-button:hover,
    .tool-button:hover {
      background: #f0f2f5;
    }
    .legend {
      padding-bottom: 12px;
      margin-bottom: 14px;
      border-bottom: 1px solid var(--og-border);
    }
    .legend-title {
      font-size: 11px;
      font-weight: 650;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--og-muted);
      margin-bottom: 4px;
    }
    .legend-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: auto 1fr auto auto 1fr auto;
      column-gap: 6px;
      row-gap: 2px;
      font-size: 13px;
    }
    .legend-item {
      display: contents;
    }
    .legend-count {
      text-align: right;
      padding-right: 10px;
      color: var(--og-muted);
      font-variant-numeric: tabular-nums;
    }
    .swatch {
      display: inline-block;
      width: 11px;
      height: 11px;
      border-radius: 50%;
      align-self: center;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 1px 8px;
      border: 1px solid var(--og-border);
      border-radius: 999px;
      background: #fff;
      font-size: 12px;
    }
    .details-header {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
    }
    .details-title {
      margin-top: 8px;
      font-size: 20px;
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    dl {
      margin: 0;
    }
    dt {
      font-weight: 600;
      margin-top: 6px;
      overflow-wrap: anywhere;
    }
    dd {
      margin: 0 0 0 12px;
      overflow-wrap: anywhere;
    }
    ul.neighbours,
    ul.post-list,
    ul.types {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .post {
      background: #fff;
      border: 1px solid var(--og-border);
      border-radius: 8px;
      padding: 8px 10px;
      margin-bottom: 6px;
    }
    .post-title {
      font-weight: 600;
    }
    .post-line {
      font-size: 13px;
    }
    .muted {
      color: var(--og-muted);
    }
    .tag {
      display: inline-block;
      padding: 0 5px;
      border-radius: 4px;
      background: #e7eaef;
      color: var(--og-muted);
      font-size: 11px;
    }
    .fact-provenance,
    .facts-graph {
      display: block;
      color: var(--og-muted);
      font-size: 12px;
      overflow-wrap: anywhere;
    }
    .facts-graph {
      margin: 0 0 4px;
    }
    .iri,
    .types {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 12px;
      overflow-wrap: anywhere;
    }
    a {
      color: var(--og-accent);
    }
    details.sources {
      margin-top: 18px;
    }
    details.sources summary {
      cursor: pointer;
      font-size: 11px;
      font-weight: 650;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--og-muted);
    }
    blockquote {
      margin: 8px 0;
      padding: 6px 10px;
      border-left: 3px solid var(--og-border);
      background: #fff;
      white-space: pre-wrap;
    }
    .banner {
      position: absolute;
      left: 12px;
      right: 12px;
      bottom: 12px;
      z-index: 10;
      display: flex;
      align-items: flex-start;
      gap: 12px;
      padding: 10px 12px;
      border: 1px solid #f1b0a8;
      border-radius: 8px;
      background: var(--og-error-bg);
      color: var(--og-error-text);
      box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12);
    }
    .banner-text {
      flex: 1;
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .banner-title {
      font-weight: 650;
    }
    .loading {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--og-muted);
      pointer-events: none;
    }
    @media (max-width: 720px) {
      .layout {
        grid-template-columns: 1fr;
        grid-template-rows: minmax(0, 1fr) minmax(0, 45%);
      }
      .panel {
        border-left: 0;
        border-top: 1px solid var(--og-border);
      }
    }
  `,
  css`
    ${categoryRules}
    ${darkCategoryRules}
    ${shapeRules}
  `,
];
