/**
 * The IIFE bundle's entry (`dist/lib/orgraph.iife.js`, a classic script): its exports become
 * the global `Orgraph`, and it registers `<orgraph-explorer>` (once, whatever else is loaded).
 */
import "./script-url";
import "./define";

export * from "./index";
