/**
 * The explorer's panels that only show once a graph is loaded: the "who said what" views (tabs,
 * statements, source text, "as of"), the details panel, the table view, the paths panel, the
 * story and the caption, with their styles. They load on demand (`panelsModule` in lazy.ts), next
 * to the statements model, before a load shows its graph; see vite.lib.config.ts.
 */
export { wswRender } from "./who-said-what-render";
export { renderDetails } from "../ui/details";
export { renderTableView } from "../ui/table-view";
export { renderPathPanel } from "../ui/paths";
export { renderStory, renderStoryStatus } from "../ui/story";
export { renderCaption } from "../ui/caption";
export { statementStyles } from "../ui/statement-styles";
