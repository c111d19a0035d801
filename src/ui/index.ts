export {
  renderDetails,
  postsOf,
  relationGroups,
  type DetailsOptions,
  type PostSummary,
} from "./details";
export { renderLegend } from "./legend";
export { MESSAGES, LANGS, isLang, messages, type Lang } from "./messages";
export { compactIri, isHttpIri, WELL_KNOWN_PREFIXES } from "./iri";
export { uiStyles } from "./styles";
