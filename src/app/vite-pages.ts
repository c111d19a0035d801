/**
 * Build-time Vite plugin (used by vite.config.ts): the app's extra pages live in src/app/ (only
 * index.html sits at the top level) and are written next to index.html in dist/app/
 * (`src/app/embed.html` → `dist/app/embed.html`, `src/app/examples.html` → `dist/app/examples.html`),
 * their relative asset URLs rewritten for the new place.
 */
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const here = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** The app's pages, for `build.rollupOptions.input`. */
export const APP_PAGES: Record<string, string> = {
  main: fileURLToPath(new URL("../../index.html", import.meta.url)),
  embed: here("embed.html"),
  examples: here("examples.html"),
};

export function flattenAppPages(): Plugin {
  return {
    name: "orgraph-flatten-app-pages",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const [fileName, item] of Object.entries(bundle)) {
        const m = /^src\/app\/([^/]+\.html)$/.exec(fileName);
        if (!m || item.type !== "asset") continue;
        const html = String(item.source).replace(/(src|href)="\.\.\/\.\.\//g, '$1="./');
        delete bundle[fileName];
        this.emitFile({ type: "asset", fileName: m[1]!, source: html });
      }
    },
  };
}
