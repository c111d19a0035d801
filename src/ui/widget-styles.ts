/**
 * Styles of the widget's configuration (issue 5): the host's size, the themes and the partner
 * custom properties, the panels `controls` hides, the caption and the story box. Adopted after
 * the other sheets (constructable stylesheets; no style attribute or element).
 *
 * Partner custom properties (set them on `orgraph-explorer` or any ancestor):
 *   --orgraph-font        font family
 *   --orgraph-text        text colour               --orgraph-muted    secondary text
 *   --orgraph-background  widget background         --orgraph-panel    side panel background
 *   --orgraph-border      borders                   --orgraph-accent   links, active tools
 *   --orgraph-focus       focus ring                --orgraph-panel-width  side panel width
 *   --orgraph-height      height when no `height` attribute (default max(400px, 60vh))
 */
import { css } from "lit";
import { darkThemeCss } from "./theme-css";

/** The parts that take the dark theme's panel colours. */
const DARK_PANELS = [
  ".toolbar",
  ".panel",
  ".drawer",
  ".node-tools",
  ".table-pane",
  "button",
  "input",
  "select",
  "summary",
  ".search-results",
  ".export-menu > div",
  ".chip",
  ".as-of",
] as const;

/** The dark theme's colours, for the host selector `h` (theme-css.ts). */
const darkRules = (h: string): string => `
  ${h} {
    --og-text: var(--orgraph-text, #e3e8ef);
    --og-muted: var(--orgraph-muted, #a7b1bf);
    --og-border: var(--orgraph-border, #3a4350);
    --og-panel: var(--orgraph-panel, #1b2129);
    --og-accent: var(--orgraph-accent, #8ab4f8);
    --og-focus: var(--orgraph-focus, #8ab4f8);
    --og-background: var(--orgraph-background, #12161c);
    color-scheme: dark;
  }
  ${DARK_PANELS.map((part) => `${h} ${part}`).join(",\n  ")} {
    background-color: var(--og-panel);
    color: var(--og-text);
    border-color: var(--og-border);
  }
  /* Tool texts whose light colours are fixed (tools.ts). */
  ${h} .layout-mode {
    color: var(--og-text);
  }
  ${h} .layout-status,
  ${h} .export-hint {
    color: var(--og-muted);
  }
`;

export const widgetStyles = css`
  :host {
    --og-font: var(
      --orgraph-font,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Helvetica Neue",
      Arial,
      sans-serif
    );
    --og-text: var(--orgraph-text, #1f2933);
    --og-muted: var(--orgraph-muted, #5b6675);
    --og-border: var(--orgraph-border, #d9dee5);
    --og-panel: var(--orgraph-panel, #f8f9fb);
    --og-accent: var(--orgraph-accent, #1565c0);
    --og-focus: var(--orgraph-focus, #0b57d0);
    --og-background: var(--orgraph-background, #fff);
    --og-panel-width: var(--orgraph-panel-width, 360px);
    display: flex;
    flex-direction: column;
    min-height: 400px;
    height: var(--orgraph-height, max(400px, 60vh));
    background: var(--og-background);
    color-scheme: light;
  }
  ${darkThemeCss(darkRules)}
  :host([hidden]) {
    display: none;
  }
  :host([destroyed]) {
    display: none;
  }
  .layout {
    position: relative;
    inset: auto;
    flex: 1 1 auto;
    min-height: 0;
  }

  /* controls: the panels that do not show. */
  .layout.no-toolbar > .toolbar > :not(.search) {
    display: none;
  }
  .layout.no-search .toolbar .search {
    display: none;
  }
  .layout.no-toolbar.no-search > .toolbar,
  .layout.no-toolbar .node-tools {
    display: none;
  }
  .layout.no-filters [data-tool="filters"],
  .layout.no-filters .drawer {
    display: none;
  }
  .layout.no-legend .legend,
  .layout.no-details .details-body,
  .layout.no-details .panel-tab[data-tab="details"],
  .layout.no-statements .panel-tab[data-tab="statements"],
  .layout.no-source .panel-tab[data-tab="source"] {
    display: none;
  }
  .layout.no-panel {
    grid-template-columns: minmax(0, 1fr);
  }
  .layout.no-panel > .panel {
    display: none;
  }
  .layout.readonly .layout-tools {
    display: none;
  }

  /* Caption. */
  .caption {
    flex: none;
    padding: 6px 12px;
    border-top: 1px solid var(--og-border);
    font-size: 12px;
    color: var(--og-muted);
    background: var(--og-background);
  }
  .caption p {
    margin: 0;
  }
  .caption-line {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    align-items: baseline;
  }
  .caption-title {
    font-weight: 600;
    color: var(--og-text);
  }
  .caption-key {
    font-weight: 600;
  }
  .caption a {
    color: var(--og-accent);
  }
  .caption code {
    font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  }
  .caption-cite {
    margin-left: auto;
  }
  .caption-notice {
    margin-bottom: 4px;
    padding: 4px 8px;
    border-radius: 4px;
    background: #fff3e0;
    color: #7a4100;
  }

  /* Story. */
  .story {
    flex: none;
    max-height: 40%;
    overflow: auto;
    padding: 8px 12px 10px;
    border-top: 2px solid var(--og-accent);
    background: var(--og-panel);
    color: var(--og-text);
  }
  .story:focus-visible {
    outline: 2px solid var(--og-focus);
    outline-offset: -2px;
  }
  .story-name {
    margin: 0;
    font-size: 11px;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--og-muted);
  }
  .story-title {
    margin: 0 0 2px;
    font-size: 15px;
  }
  .story-text p {
    margin: 0 0 4px;
  }
  .story-text a,
  .story-link {
    color: var(--og-accent);
  }
  .story-nav {
    display: flex;
    gap: 10px;
    align-items: center;
    margin-top: 4px;
  }
  .story-button {
    font: inherit;
    padding: 3px 10px;
    border: 1px solid var(--og-border);
    border-radius: 4px;
    background: var(--og-background);
    color: var(--og-text);
    cursor: pointer;
  }
  .story-button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .story-button:focus-visible,
  .story-link:focus-visible,
  .caption a:focus-visible {
    outline: 2px solid var(--og-focus);
    outline-offset: 2px;
  }
  .story-step {
    font-variant-numeric: tabular-nums;
    color: var(--og-muted);
  }
  .story-link {
    margin-left: auto;
    font-size: 12px;
  }
  .story-error {
    border-top-color: #c62828;
  }
`;
