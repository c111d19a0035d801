/**
 * Styles of the explorer's tools: the toolbar across the top, the search list, the drawer
 * (filters, paths) over the left of the stage, the table pane under the stage, the legend as
 * toggle buttons and the node tools. Every focusable thing shows a visible focus ring.
 */
import { css } from "lit";

export const explorerStyles = css`
  .layout {
    grid-template-rows: auto minmax(0, 1fr);
  }
  .layout.with-table {
    grid-template-rows: auto minmax(0, 1fr) minmax(180px, 40%);
  }
  .layout > .toolbar {
    grid-column: 1 / -1;
    grid-row: 1;
  }
  .layout > .stage {
    grid-column: 1;
    grid-row: 2;
  }
  .layout > .panel {
    grid-column: 2;
    grid-row: 2 / -1;
  }
  .layout > .table-pane {
    grid-column: 1;
    grid-row: 3;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  input:focus-visible,
  select:focus-visible,
  .table-scroll:focus-visible,
  .drawer:focus-visible {
    outline: 3px solid var(--og-focus);
    outline-offset: 1px;
  }

  /* Toolbar */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 14px;
    padding: 8px 12px;
    border-bottom: 1px solid var(--og-border);
    background: #fff;
    position: relative;
    z-index: 20;
  }
  .tool-group {
    display: flex;
    align-items: center;
    gap: 6px;
    flex-wrap: wrap;
  }
  .tool-group.end {
    margin-left: auto;
  }
  .tool-button {
    min-height: 30px;
    white-space: nowrap;
  }
  .tool-button[aria-pressed="true"],
  .tool-button[aria-expanded="true"] {
    background: #e8f0fb;
    border-color: var(--og-accent);
    color: #0d3c78;
  }
  .tool-button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .badge {
    display: inline-block;
    min-width: 18px;
    padding: 0 5px;
    border-radius: 9px;
    background: var(--og-accent);
    color: #fff;
    font-size: 11px;
    line-height: 18px;
    text-align: center;
  }
  .tool-select,
  .tool-check {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    font-size: 13px;
    color: var(--og-muted);
    white-space: nowrap;
  }
  .tool-select select,
  .table-filter,
  .search input {
    font: inherit;
    font-size: 13px;
    color: var(--og-text);
    border: 1px solid var(--og-border);
    border-radius: 6px;
    background: #fff;
    min-height: 30px;
  }
  .tool-select select {
    padding: 2px 4px;
  }
  .tool-select select:disabled {
    opacity: 0.55;
  }

  /* Search */
  .search {
    position: relative;
    flex: 1 1 240px;
    max-width: 380px;
    min-width: 200px;
  }
  .search input {
    width: 100%;
    padding: 4px 10px 4px 30px;
    font-size: 14px;
  }
  .search-icon {
    position: absolute;
    left: 9px;
    top: 50%;
    width: 15px;
    height: 15px;
    margin-top: -7.5px;
    color: var(--og-muted);
    pointer-events: none;
  }
  .search-results {
    position: absolute;
    top: calc(100% + 4px);
    left: 0;
    width: max(100%, 380px);
    max-height: 420px;
    overflow-y: auto;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: #fff;
    border: 1px solid var(--og-border);
    border-radius: 8px;
    box-shadow: 0 8px 24px rgba(15, 23, 42, 0.16);
    z-index: 30;
  }
  .search-results[hidden] {
    display: none;
  }
  .search-option {
    display: flex;
    align-items: baseline;
    gap: 8px;
    padding: 6px 8px;
    border-radius: 6px;
    cursor: pointer;
  }
  .search-option.active {
    background: #e8f0fb;
    outline: 2px solid var(--og-accent);
    outline-offset: -2px;
  }
  .search-option .swatch {
    flex: none;
    transform: translateY(1px);
  }
  .search-option-text {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  .search-option-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .search-option-match {
    font-size: 12px;
    color: var(--og-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .search-option-category {
    flex: none;
    font-size: 12px;
    color: var(--og-muted);
  }
  .search-empty {
    padding: 6px 8px;
    color: var(--og-muted);
  }

  /* Drawer (filters, paths) */
  .drawer {
    position: absolute;
    top: 0;
    left: 0;
    bottom: 0;
    width: min(340px, 85%);
    overflow-y: auto;
    padding: 12px 16px 20px;
    background: #fff;
    border-right: 1px solid var(--og-border);
    box-shadow: 4px 0 16px rgba(15, 23, 42, 0.1);
    z-index: 6;
  }
  .drawer-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 6px;
  }
  .drawer-header h2 {
    font-size: 16px;
  }
  .drawer fieldset {
    border: 0;
    margin: 10px 0 0;
    padding: 0;
  }
  .drawer legend {
    padding: 0;
    margin-bottom: 4px;
    font-size: 11px;
    font-weight: 650;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--og-muted);
  }
  .filter-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .filter-list.predicates {
    max-height: 260px;
    overflow-y: auto;
    border: 1px solid var(--og-border);
    border-radius: 6px;
    padding: 2px 6px;
  }
  .filter-row {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 2px 0;
    font-size: 13px;
  }
  .filter-row label {
    flex: 1;
    min-width: 0;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  .graph-query {
    width: 100%;
    box-sizing: border-box;
    margin-bottom: 4px;
    font: inherit;
    font-size: 13px;
  }
  .graph-short {
    color: var(--og-muted);
    font-size: 11px;
  }
  .show-graphs {
    margin-top: 4px;
  }
  .filter-row.isolated {
    margin-top: 12px;
  }
  .filter-count {
    color: var(--og-muted);
    font-variant-numeric: tabular-nums;
    font-size: 12px;
  }
  .reset-filters {
    margin-top: 12px;
  }

  /* Paths */
  .path-ends {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    align-items: baseline;
  }
  .path-ends dt {
    margin: 0;
    font-size: 12px;
    color: var(--og-muted);
  }
  .path-ends dd {
    margin: 0;
  }
  .path-actions {
    display: flex;
    gap: 6px;
    margin: 8px 0 4px;
  }
  .path-summary {
    font-weight: 600;
    margin: 12px 0 0;
  }
  .hops {
    margin: 0;
    padding-left: 20px;
  }
  .hop {
    margin: 6px 0 10px;
  }
  .hop-line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px;
  }
  .hop-relation {
    padding: 0 6px;
    border-radius: 10px;
    background: #fff3e0;
    color: #7c2d12;
    font-size: 12px;
  }
  .hop-sentence {
    white-space: normal;
    margin: 4px 0 0;
    font-size: 13px;
    border-left-color: #d97706;
  }
  .hop-sources {
    margin: 4px 0 0;
    font-size: 12px;
  }
  details.path summary {
    cursor: pointer;
    margin-top: 10px;
    font-size: 13px;
  }

  /* Node tools: a card at the top right of the stage, for the selection */
  .node-tools {
    position: absolute;
    top: 10px;
    right: 10px;
    z-index: 4;
    width: min(300px, 60%);
    max-height: calc(100% - 80px);
    overflow-y: auto;
    padding: 10px 12px;
    border: 1px solid var(--og-border);
    border-radius: 10px;
    background: rgba(255, 255, 255, 0.96);
    box-shadow: 0 2px 10px rgba(15, 23, 42, 0.12);
  }
  /* An h2 (it follows the page's h1 in the document, before the panel's headings), dressed as the
     panels' small h3 titles. */
  .node-tools h2 {
    margin: 0 0 6px;
    font-size: 11px;
    font-weight: 650;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--og-muted);
  }
  .node-tools-title {
    margin: 0 0 8px;
    font-weight: 650;
    font-size: 14px;
    overflow-wrap: anywhere;
  }
  .node-tool-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .node-tools-label {
    margin: 10px 0 4px;
    font-size: 12px;
    color: var(--og-muted);
  }
  .expand-list {
    list-style: none;
    margin: 0 0 6px;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .expand-button {
    display: inline-flex;
    align-items: baseline;
    gap: 5px;
    padding: 2px 8px;
    border: 1px dashed #9aa5b1;
    border-radius: 999px;
    background: #f8f9fb;
    cursor: pointer;
    font-size: 12px;
  }
  .expand-button:hover {
    background: #e8f0fb;
  }
  .expand-count {
    font-weight: 700;
    color: var(--og-accent);
  }

  /* Legend as a filter */
  .legend-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
  }
  .legend-list.toggles {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 2px 6px;
  }
  .legend-list.toggles .legend-item {
    display: block;
  }
  .legend-button {
    display: flex;
    align-items: center;
    gap: 6px;
    width: 100%;
    padding: 3px 6px;
    border: 1px solid transparent;
    border-radius: 6px;
    background: none;
    text-align: left;
    cursor: pointer;
    font-size: 13px;
  }
  .legend-button:hover {
    background: #eef2f7;
  }
  .legend-button .legend-name {
    flex: 1;
    min-width: 0;
  }
  .legend-button .legend-count {
    padding-right: 0;
  }
  .legend-item.off .legend-button {
    color: var(--og-muted);
  }
  .legend-item.off .legend-name {
    text-decoration: line-through;
  }
  .legend-item.off .swatch {
    opacity: 0.3;
  }
  .legend-note,
  .legend-hint {
    margin: 4px 0 0;
    font-size: 12px;
    color: var(--og-muted);
  }

  /* Table pane */
  .table-pane {
    display: flex;
    flex-direction: column;
    min-height: 0;
    border-top: 1px solid var(--og-border);
    background: #fff;
  }
  .table-head {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 10px;
    border-bottom: 1px solid var(--og-border);
  }
  .table-filter {
    padding: 2px 8px;
    width: 200px;
  }
  .table-count {
    flex: 1;
    font-size: 12px;
    color: var(--og-muted);
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--og-border);
    border-radius: 6px;
    overflow: hidden;
  }
  .segment {
    border: 0;
    background: #fff;
    padding: 3px 10px;
    font-size: 13px;
    cursor: pointer;
  }
  .segment + .segment {
    border-left: 1px solid var(--og-border);
  }
  .segment[aria-pressed="true"] {
    background: #e8f0fb;
    color: #0d3c78;
    font-weight: 600;
  }
  .segment:focus-visible,
  .sort-button:focus-visible,
  .legend-button:focus-visible,
  .expand-button:focus-visible {
    outline: 3px solid var(--og-focus);
    outline-offset: -1px;
  }
  .table-scroll {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  .data-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  .data-table th,
  .data-table td {
    padding: 3px 10px;
    text-align: left;
    border-bottom: 1px solid #eef0f3;
    font-weight: 400;
  }
  .data-table thead th {
    position: sticky;
    top: 0;
    background: #f8f9fb;
    border-bottom: 1px solid var(--og-border);
    padding: 0;
  }
  .data-table .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .sort-button {
    display: flex;
    align-items: center;
    gap: 4px;
    width: 100%;
    padding: 5px 10px;
    border: 0;
    background: none;
    font-weight: 650;
    font-size: 12px;
    cursor: pointer;
  }
  .num .sort-button {
    justify-content: flex-end;
  }
  .sort-mark {
    color: var(--og-muted);
    font-size: 10px;
  }
  .data-table tr.selected {
    background: #e8f0fb;
  }
  .data-table tbody tr:hover {
    background: #f3f6fa;
  }
  .tools-toggle {
    display: none;
  }
  /*
   * Narrow screens: the search box and a "Tools" button on one row (the other tools show under
   * it when asked), the stage, and the side panel as a bottom sheet of its own height.
   */
  @media (max-width: 720px) {
    .layout,
    .layout.with-table {
      grid-template-columns: 1fr;
      grid-template-rows: auto minmax(0, 1fr) auto;
    }
    .toolbar {
      flex-wrap: wrap;
      gap: 6px 8px;
      padding: 6px 8px;
    }
    .search {
      flex: 1 1 0;
      min-width: 0;
      max-width: none;
    }
    .tools-toggle {
      display: inline-block;
    }
    .toolbar:not(.tools-open) > .tool-group {
      display: none;
    }
    .toolbar.tools-open > .tool-group {
      flex: 1 1 100%;
    }
    .tool-group.end {
      margin-left: 0;
    }
    .layout > .panel {
      grid-column: 1;
      grid-row: 3;
      max-height: 38vh;
      overflow: auto;
      padding: 10px 12px 16px;
    }
    .stage > .overlay.bottom-right {
      left: 8px;
      right: 8px;
      max-width: calc(100% - 16px);
    }
    .stage .as-of fieldset {
      flex-wrap: wrap;
    }
    .layout.with-table > .table-pane {
      grid-column: 1;
      grid-row: 3;
    }
    .layout.with-table > .panel {
      display: none;
    }
  }
`;
