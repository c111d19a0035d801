export {
  renderDetails,
  postsOf,
  relationGroups,
  type DetailsOptions,
  type PostSummary,
} from "./details";
export { renderLegend, type LegendOptions } from "./legend";
export { MESSAGES, LANGS, isLang, messages, type Lang } from "./messages";
export { compactIri, isHttpIri, WELL_KNOWN_PREFIXES } from "./iri";
export { uiStyles } from "./styles";
export { STATEMENT_MESSAGES, statementMessages, type StatementMessages } from "./messages";
export * from "./segments";
export * from "./source-model";
export { renderSourceView, type SourceFocus, type SourceViewOptions } from "./source-view";
export * from "./statements";
export { renderAsOf, asOfValue, type AsOfOptions } from "./as-of";
export * from "./provenance";
export { statementStyles } from "./statement-styles";
// The explorer's tools (issue 3): search, filters, neighbourhood, paths, modes, table view.
export { EXPLORER_MESSAGES, explorerMessages, type ExplorerMessages } from "./messages";
export { SearchController, SEARCH_LIMIT, type SearchControllerOptions } from "./search";
export {
  renderFilters,
  activeFilterCount,
  type FilterCounts,
  type FiltersOptions,
} from "./filters";
export { renderPathPanel, hopSentences, type PathPanelOptions } from "./paths";
export { renderNodeTools, type NodeToolsOptions } from "./node-tools";
export * from "./table-view";
export { renderToolbar, type ToolbarOptions } from "./toolbar";
export { explorerStyles } from "./explorer-styles";
