export { createRenderer, type OrgraphRenderer, type RendererOptions } from "./renderer";
export { layoutGraph, seedPositions, degreeSizes } from "./layout";
export { CATEGORY_COLORS, categoryColor, legendEntries, type LegendEntry } from "./palette";
export {
  DEFAULT_RENDERER_SETTINGS,
  RendererSettingsError,
  resolveRendererSettings,
  validateRendererSettings,
  type RendererSettings,
} from "./settings";
