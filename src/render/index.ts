export {
  createRenderer,
  createRendererInSlices,
  loadScaleKit,
  needsScaleKit,
  DEFAULT_DISPLAY_STATE,
  metricSizes,
  type DisplayState,
  type DisplaySubgraph,
  type OrgraphRenderer,
  type RendererOptions,
} from "./renderer";
export { layoutGraph, seedPositions, degreeSizes } from "./layout";
export {
  CANVAS_COLOURS,
  CANVAS_THEMES,
  canvasColours,
  type CanvasColours,
  type CanvasTheme,
  CATEGORY_COLORS,
  CATEGORY_COLORS_DARK,
  COMMUNITY_COLORS,
  COMMUNITY_COLORS_DARK,
  categoryColor,
  communityColor,
  legendEntries,
  type LegendEntry,
} from "./palette";
export {
  DEFAULT_RENDERER_SETTINGS,
  RendererSettingsError,
  resolveRendererSettings,
  validateRendererSettings,
  type RendererSettings,
} from "./settings";
