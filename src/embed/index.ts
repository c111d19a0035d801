export { OrgraphExplorer, type LoadInput, type FilterSettings } from "./explorer-element";
export {
  OrgraphErrorEvent,
  OrgraphLoadEvent,
  OrgraphSelectEvent,
  OrgraphReadyEvent,
  OrgraphStoryStepEvent,
  type ErrorDetail,
  type LoadSummary,
  type SelectDetail,
  type ReadyDetail,
  type StoryStepDetail,
  type OrgraphEventMap,
} from "./events";
export {
  DEFAULT_SETTINGS,
  PANELS,
  THEMES,
  readSettings,
  type Panel,
  type Theme,
  type WidgetSettings,
  type SettingsProblem,
} from "./settings";
export {
  parseStory,
  parseStoryText,
  StoryError,
  type Story,
  type StoryStep,
  type StoryFilters,
  type Localised,
} from "./story";
export { datasetVersion, type DatasetInfo, type DatasetSource } from "./dataset";
export {
  EMBED_MESSAGE_TYPES,
  isEmbedMessage,
  type EmbedInboundMessage,
  type EmbedOutboundMessage,
} from "./embed-protocol";
