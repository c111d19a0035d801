/** Registers `<orgraph-explorer>`; loading this module twice (or next to another copy) is harmless. */
import { OrgraphExplorer } from "./explorer-element";

export const TAG_NAME = "orgraph-explorer";

if (!customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, OrgraphExplorer);
}

export { OrgraphExplorer };
