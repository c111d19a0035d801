/**
 * Registers `<orgraph-explorer>` and exports what index.ts exports. Loading it twice, or next
 * to another copy (the ES module and the IIFE on one page), is harmless: the first definition
 * stays, the others do nothing.
 */
import { OrgraphExplorer } from "./explorer-element";

export const TAG_NAME = "orgraph-explorer";

if (!customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, OrgraphExplorer);
}

export * from "./index";
