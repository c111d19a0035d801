/** Styles of the "who said what" views: tabs, statements, source text, "as of", sources. */
import { css } from "lit";

export const statementStyles = css`
  .layout.wide {
    grid-template-columns: minmax(0, 1fr) var(--og-wide-panel-width, min(560px, 48%));
  }
  .panel-tabs {
    display: flex;
    gap: 2px;
    margin: -6px -6px 14px;
    padding: 3px;
    border-radius: 9px;
    background: #e9edf2;
  }
  .panel-tab {
    flex: 1;
    white-space: nowrap;
    padding: 6px 4px;
    border: 0;
    border-radius: 7px;
    background: none;
    font-size: 13px;
    font-weight: 600;
    color: var(--og-muted);
    cursor: pointer;
  }
  .panel-tab[aria-selected="true"] {
    background: #fff;
    color: var(--og-text);
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.12);
  }
  .panel-tab .count {
    font-weight: 500;
    color: var(--og-muted);
  }
  .view-title {
    font-size: 18px;
    margin-bottom: 8px;
  }
  .statement-filters {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 6px 10px;
    margin-bottom: 6px;
  }
  .filter {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 12px;
    min-width: 0;
  }
  .filter-text {
    grid-column: 1 / -1;
  }
  .filter-label {
    color: var(--og-muted);
    font-weight: 600;
  }
  .filter select,
  .filter input,
  .as-of input,
  .as-of select {
    font: inherit;
    font-size: 13px;
    padding: 4px 6px;
    border: 1px solid var(--og-border);
    border-radius: 6px;
    background: #fff;
    min-width: 0;
  }
  .clear-filters {
    grid-column: 1 / -1;
    justify-self: start;
  }
  .statements-count {
    margin: 4px 0 8px;
    font-size: 12px;
  }
  .speaker-group {
    margin-top: 14px;
  }
  .speaker-name {
    font-size: 15px;
    letter-spacing: 0;
    text-transform: none;
    color: var(--og-text);
    margin: 0 0 6px;
  }
  .speaker-name .link-button {
    font-weight: 700;
  }
  ul.statement-list,
  ul.held-roles,
  ul.sources,
  ul.differences,
  ul.warning-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .statement {
    background: #fff;
    border: 1px solid var(--og-border);
    border-left: 4px solid #9aa5b1;
    border-radius: 8px;
    padding: 8px 10px;
    margin-bottom: 8px;
  }
  .statement.kind-direct {
    border-left-color: #c2410c;
  }
  .statement.kind-reported {
    border-left-color: #6d28d9;
  }
  .statement.selected {
    box-shadow: 0 0 0 2px var(--og-accent);
  }
  .statement-main {
    display: block;
    width: 100%;
    padding: 0;
    border: 0;
    background: none;
    text-align: left;
    cursor: pointer;
  }
  .statement-main:hover .statement-text {
    text-decoration: underline;
    text-decoration-color: #9aa5b1;
  }
  .statement-text {
    display: block;
    margin-top: 4px;
    font-size: 14.5px;
    line-height: 1.5;
  }
  .kind-direct .statement-text {
    font-family: Georgia, "Times New Roman", serif;
    font-size: 15.5px;
  }
  .statement-speaker {
    font-weight: 700;
    margin-left: 6px;
  }
  .kind-badge {
    display: inline-block;
    padding: 0 7px;
    border-radius: 999px;
    font-size: 11px;
    font-weight: 650;
    letter-spacing: 0.02em;
    color: #fff;
    background: #6b7280;
  }
  .kind-badge.kind-direct {
    background: #c2410c;
  }
  .kind-badge.kind-reported {
    background: #6d28d9;
  }
  .statement-meta {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    margin-top: 8px;
    font-size: 12.5px;
  }
  .statement-meta dt {
    margin: 0;
    font-weight: 600;
    color: var(--og-muted);
  }
  .statement-meta dd {
    margin: 0;
  }
  .held-role {
    margin-bottom: 2px;
  }
  .role-title {
    font-weight: 600;
  }
  .role-when {
    display: block;
    color: var(--og-muted);
  }
  .role-when.status-active {
    color: #166534;
  }
  .role-when.status-inactive {
    color: #9a3412;
  }
  .statement-list.compact .statement {
    padding: 6px 8px;
  }
  .statement-list.compact .statement-text {
    font-size: 13px;
  }
  .badge {
    display: inline-block;
    margin: 2px 4px 2px 0;
    padding: 0 7px;
    border-radius: 999px;
    font-size: 11.5px;
    background: #e7eaef;
    color: var(--og-text);
  }
  .badge.corroborated {
    background: #dcfce7;
    color: #166534;
    font-weight: 650;
  }
  .badge.differs {
    background: #fef3c7;
    color: #92400e;
  }
  .badge.status-inactive {
    background: #ffedd5;
    color: #9a3412;
    font-weight: 650;
  }
  .badge.status-active {
    background: #dcfce7;
    color: #166534;
  }
  .badge.status-uncertain {
    background: #fef3c7;
    color: #92400e;
  }
  .relation-extra {
    margin: 0 0 4px 8px;
    font-size: 12px;
    color: var(--og-muted);
  }
  .relation-extra .period {
    margin-right: 6px;
  }
  .relation-extra .period.undated {
    font-style: italic;
  }
  details.source-list summary {
    cursor: pointer;
  }
  details.source-list ul.sources li {
    margin: 2px 0 2px 14px;
    color: var(--og-text);
  }
  .differences-title {
    margin: 4px 0 2px 14px;
    font-weight: 600;
    color: #92400e;
  }
  .difference {
    margin: 2px 0 2px 14px;
    color: var(--og-text);
  }
  .show-source {
    font-size: 12px;
  }
  .node-provenance {
    margin-top: 8px;
  }
  .source-header {
    margin-bottom: 6px;
  }
  .source-header h3 {
    margin-top: 4px;
  }
  .source-label {
    margin: 0;
    font-weight: 600;
  }
  .source-stats {
    margin: 0;
    font-size: 12px;
  }
  details.span-warnings {
    margin: 8px 0 12px;
    padding: 6px 10px;
    border-radius: 8px;
    border: 1px solid #bbf7d0;
    background: #f0fdf4;
    font-size: 12.5px;
  }
  details.span-warnings.has-warnings {
    border-color: #fcd34d;
    background: #fffbeb;
  }
  details.span-warnings summary {
    cursor: pointer;
    font-weight: 650;
  }
  .warnings-count {
    display: none;
  }
  .warning {
    margin: 6px 0;
  }
  .warning blockquote {
    margin: 4px 0 0;
    font-size: 12px;
  }
  .source-part {
    margin: 0 -6px 12px;
    padding: 8px 10px 10px;
    border-radius: 8px;
    border: 1px solid var(--og-border);
    background: #fff;
  }
  .source-part.part-0:not(:only-of-type) {
    background: #f3f4f6;
    border-style: dashed;
  }
  .part-label {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    margin: 0 0 6px;
    padding-bottom: 4px;
    border-bottom: 1px solid var(--og-border);
    font-size: 11px;
    font-weight: 650;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--og-muted);
  }
  .source-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font-family: Georgia, "Times New Roman", serif;
    font-size: 14.5px;
    line-height: 1.65;
  }
  .source-text mark.span {
    background: rgba(255, 213, 79, 0.16);
    border-bottom: 1px solid rgba(202, 138, 4, 0.55);
    color: inherit;
    cursor: pointer;
    border-radius: 2px;
  }
  .source-text mark.span mark.span {
    background: rgba(255, 213, 79, 0.26);
  }
  .source-text mark.span:hover {
    background: rgba(255, 193, 7, 0.55);
  }
  .source-text mark.span:focus-visible {
    outline: 2px solid var(--og-focus);
    outline-offset: 1px;
  }
  .source-text mark.span.corrected {
    border-bottom-style: dashed;
    border-bottom-color: #b45309;
  }
  .source-text mark.focus,
  .source-text mark.span.focus {
    background: #ffe08a;
    box-shadow:
      0 0 0 2px #f59e0b,
      0 0 0 4px rgba(245, 158, 11, 0.25);
    border-radius: 3px;
    color: #111;
  }
  .source-text mark.focus mark.span {
    background: transparent;
  }
  .source-error {
    color: var(--og-error-text);
    background: var(--og-error-bg);
    padding: 8px 10px;
    border-radius: 8px;
  }
  .selected-statement {
    margin-bottom: 10px;
  }
  .selected-statement ul {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
  }
  .overlay.bottom-right {
    bottom: 8px;
    right: 12px;
    max-width: calc(100% - 24px);
  }
  .as-of {
    background: rgba(255, 255, 255, 0.94);
    border: 1px solid var(--og-border);
    border-radius: 8px;
    padding: 6px 8px;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.1);
    font-size: 13px;
  }
  .as-of fieldset {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .as-of legend {
    float: left;
    margin-right: 4px;
    font-weight: 650;
  }
  .as-of-year {
    width: 5.2em;
  }
  .as-of-day {
    width: 3.6em;
  }
  .as-of-note {
    margin: 4px 0 0;
    font-size: 12px;
    color: #9a3412;
    max-width: 420px;
  }
`;
