// Vite config: the app (index.html) builds to dist/app/; Vitest runs three projects,
// `unit` (Node, tests/unit), `sparql` (Node, against a real Virtuoso) and `browser` (Node
// driving headless Chromium, tests/browser).
// data/ is the public directory: its files are served and copied as they are, at stable URLs
// next to the page (release.trig, release-fr.txt, ...), so that the dataset's relative
// schema:contentUrl finds the source text.
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
  publicDir: "data",
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    sourcemap: true,
  },
  worker: { format: "es" },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // SPARQL endpoint tests against a real Virtuoso that the global setup starts (and
        // loads with data/release.trig); named *.virtuoso.ts so that `unit` does not run them.
        extends: true,
        test: {
          name: "sparql",
          include: ["tests/unit/core/sparql/**/*.virtuoso.ts"],
          environment: "node",
          globalSetup: ["tests/support/virtuoso/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/browser/setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
