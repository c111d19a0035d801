// Vite builds shared by the bench scripts (run.mjs, main-thread.mjs, filter-profile.mjs): the
// bench page (tests/bench/frame/) and the browser tests' Chromium launcher bundled for Node.
/* global URL */
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Builds the bench page into `outDir`: minified as users get it, or not (readable profiles). */
export async function buildFramePage(outDir, { minify = true } = {}) {
  await build({
    configFile: false,
    root: fileURLToPath(new URL("./frame/", import.meta.url)),
    base: "./",
    logLevel: "warn",
    publicDir: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, minify, target: "es2022" },
  });
}

/**
 * The browser tests' launcher (tests/browser/setup/chromium.ts, TypeScript), bundled into
 * `<cacheDir>/launcher/` and imported: `{ launchChromium }`.
 */
export async function importLauncher(cacheDir) {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    publicDir: false,
    ssr: { target: "node" },
    build: {
      ssr: "tests/browser/setup/chromium.ts",
      outDir: join(cacheDir, "launcher"),
      emptyOutDir: true,
      minify: false,
      target: "node20",
      rollupOptions: { output: { entryFileNames: "chromium.mjs", format: "es" } },
    },
  });
  return import(pathToFileURL(join(cacheDir, "launcher/chromium.mjs")).href);
}
