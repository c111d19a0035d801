/**
 * The URL of the classic script this code runs in (the IIFE bundle), taken while it first runs;
 * null in an ES module. The library build points the layout worker's URL at it, so that the
 * IIFE finds `orgraph-layout.worker.js` next to itself (see vite.lib.config.ts).
 */
const script = typeof document === "undefined" ? null : document.currentScript;

export const scriptUrl: string | null =
  script instanceof HTMLScriptElement && script.src ? script.src : null;
