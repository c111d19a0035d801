// Vite config: the app (index.html) builds to dist/app/; Vitest runs three projects,
// `unit` (Node, tests/unit), `sparql` (Node, against a real Virtuoso) and `browser` (Node
// driving headless Chromium, tests/browser).
// data/ is the public directory: its files are served and copied as they are, at stable URLs
// next to the page (release.trig, release-fr.txt, ...), so that the dataset's relative
// schema:contentUrl finds the source text.
import { defineConfig } from "vitest/config";
import { APP_PAGES, flattenAppPages } from "./src/app/vite-pages";

export default defineConfig({
  base: "./",
  publicDir: "data",
  // The app's pages: index.html, and src/app/embed.html (the iframe route) and examples.html
  // written next to it (dist/app/embed.html, dist/app/examples.html).
  plugins: [flattenAppPages()],
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: APP_PAGES },
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
          // The app's build and preview server, and a Virtuoso for the endpoint tests (issue 7).
          globalSetup: [
            "tests/browser/setup/global-setup.ts",
            "tests/support/virtuoso/global-setup.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
