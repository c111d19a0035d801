export { OrgraphExplorer, type LoadInput } from "./explorer-element";
export {
  OrgraphErrorEvent,
  OrgraphLoadEvent,
  OrgraphSelectEvent,
  type ErrorDetail,
  type LoadSummary,
  type SelectDetail,
  type OrgraphEventMap,
} from "./events";
