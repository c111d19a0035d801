/**
 * The explorer's parts that only show once a graph is loaded: the "who said what" views (tabs,
 * statements, source text, "as of"), the details panel, the table view, the paths panel, the
 * story and the caption, with their styles; the toolbar (its search boxes, layout and export
 * menus), the legend, filters, node tools, edge tooltip and endpoint connections, path finding,
 * the dataset's title and sources, the "cite this view" URL's encoding, and their messages. They
 * load on demand (`panelsModule` in lazy.ts), next to the statements model, before a load shows
 * its graph; see vite.lib.config.ts.
 */
export { wswRender } from "./who-said-what-render";
export { renderDetails } from "../ui/details";
export { renderTableView } from "../ui/table-view";
export { renderPathPanel } from "../ui/paths";
export { renderStory, renderStoryStatus } from "../ui/story";
export { renderCaption } from "../ui/caption";
export { statementStyles } from "../ui/statement-styles";
export { renderToolbar } from "../ui/toolbar";
export { renderLegend } from "../ui/legend";
export { renderFilters } from "../ui/filters";
export { renderNodeTools } from "../ui/node-tools";
export { shortestPaths } from "../core/graph/paths";
export { encodeViewState, URL_PARAMS } from "../core/state/url";
export { renderExportMenu, renderLayoutTools } from "../ui/tools";
export { renderEdgeTooltip } from "./edge-tooltip";
export { EndpointSearchController, renderConnections } from "../ui/endpoint-panel";
export { SearchController } from "../ui/search";
export { explorerMessages } from "../ui/messages";
export { datasetInfo } from "./dataset";
