/**
 * The widget's library build, dist/lib/ (see the partner README section). Three Vite builds, one
 * per `--mode`, run in this order by `npm run build` (and by the browser tests' global setup):
 *
 * - `lazy`: the parts loaded on demand, as ES modules with stable names next to the bundles
 *   (`orgraph-export.js`, `orgraph-metrics.js`, …, `orgraph-layout.worker.js`); they share their
 *   own chunks (`chunks/…`) and never import the bundles.
 * - `es`: `orgraph.js` (registers `<orgraph-explorer>`, exports the class and helpers) and
 *   `element.js` (the same exports, no registration).
 * - `iife`: `orgraph.iife.js`, a classic script: the global `Orgraph` (the exports of `element.js`),
 *   registers the element.
 *
 * In the `es` and `iife` builds a dynamic `import()` of a lazy module becomes an `import()` of its
 * file next to the bundle (a classic script's `import()` resolves against the script's URL), and
 * the layout worker is `orgraph-layout.worker.js` next to the bundle (never a `blob:` or `data:`
 * URL, which a strict CSP forbids). The app build (vite.config.ts) keeps Vite's own chunks.
 */
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type UserConfig } from "vite";

const root = fileURLToPath(new URL("../..", import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The modules loaded on demand, by output name (dist/lib/<name>.js). */
export const LAZY_MODULES: Record<string, string> = {
  "orgraph-export": src("core/graph/export.ts"),
  "orgraph-metrics": src("core/graph/metrics.ts"),
  "orgraph-layout": src("render/layout-steps.ts"),
  "orgraph-search": src("core/graph/search.ts"),
  "orgraph-statements": src("embed/who-said-what.ts"),
  "orgraph-sparql": src("core/sparql/index.ts"),
  "orgraph-panels": src("embed/panels.ts"),
  "orgraph-parse": src("core/load/load.ts"),
  "orgraph-jsonld": src("core/rdf/jsonld.ts"),
  "orgraph-export-file": src("embed/export-control.ts"),
  "orgraph-load-errors": src("ui/load-errors.ts"),
  "orgraph-endpoint": src("embed/endpoint-source.ts"),
  "orgraph-build": src("core/model/rdf-to-graph.ts"),
  "orgraph-scale": src("render/scale-kit.ts"),
};

/** The Web Workers' entries, by output name (dist/lib/<name>.js). */
const WORKERS: Record<string, string> = {
  "orgraph-layout.worker": src("render/layout.worker.ts"),
  "orgraph-load.worker": src("core/load/worker.ts"),
  "orgraph-sparql.worker": src("core/sparql/worker.ts"),
};

/** Where the IIFE takes its own URL (see script-url.ts). */
const SCRIPT_URL = src("embed/script-url.ts");

/** The Trusted Types policy of the bundle. */
const TRUSTED_TYPES = src("render/trusted-types.ts");

export const LIB_DIR = "dist/lib";

/**
 * In the `es` and `iife` builds: `import()` of a lazy module → its file next to the bundle; the
 * layout worker's URL → its file next to the bundle.
 */
function lazyFiles(format: "es" | "iife"): Plugin {
  const byPath = new Map(Object.entries(LAZY_MODULES).map(([name, path]) => [path, name]));
  return {
    name: "orgraph-lazy-files",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !(options as { kind?: string }).kind?.startsWith("dynamic")) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      const name = resolved && byPath.get(resolved.id);
      return name ? { id: `./${name}.js`, external: true } : null;
    },
    transform(code, id) {
      if (!id.startsWith(src("")) || !/new Worker\(/.test(code)) return null;
      // A classic script has no import.meta: its own URL, taken while it first runs. A worker's
      // URL goes through the page's Trusted Types policy where it enforces them (a sink).
      const base =
        format === "iife" ? "(__orgraphScriptUrl ?? document.baseURI)" : "import.meta.url";
      const workers = new Map(Object.entries(WORKERS).map(([name, path]) => [path, name]));
      let out = code.replace(
        /new Worker\(\s*new URL\(\s*(["'])([^"']+)\1\s*,\s*import\.meta\.url\s*\)/g,
        (_match, _quote: string, path: string) => {
          const name = workers.get(fileURLToPath(new URL(path, `file://${id}`)));
          if (!name) this.error(`${id}: a worker vite.lib.config.ts does not build: ${path}`);
          const url = `new URL(/* @vite-ignore */ ${JSON.stringify(`./${name}.js`)}, ${base})`;
          return `new Worker(__orgraphTrustedWorkerUrl(${url}) as unknown as URL`;
        },
      );
      if (out === code) return null;
      const imports = [
        `import { trustedWorkerUrl as __orgraphTrustedWorkerUrl } from ${JSON.stringify(TRUSTED_TYPES)};`,
        ...(format === "iife"
          ? [`import { scriptUrl as __orgraphScriptUrl } from ${JSON.stringify(SCRIPT_URL)};`]
          : []),
      ];
      out = `${imports.join("\n")}\n${out}`;
      return { code: out, map: null };
    },
  };
}

/**
 * Packages without side effects whose code only the lazy modules use: once nothing imports their
 * exports, they must not stay in the bundle for their (CommonJS) module bodies.
 */
const PURE_PACKAGES =
  /node_modules\/(graphology-layout-forceatlas2|graphology-layout-noverlap|graphology-communities-louvain|graphology-metrics|graphology-indices|graphology-shortest-path|@yomguithereal\/helpers|graphology-gexf|graphology-graphml|@xmldom|xml-writer|mnemonist|obliterator|minisearch)\//;

const treeshake = {
  moduleSideEffects: (id: string): boolean => !PURE_PACKAGES.test(id),
  // lit's `css` has no side effects: styles only the lazy panels use (panels.ts) stay out.
  manualPureFunctions: ["css"],
};

/**
 * Trusted Types: lit-html makes its own policy ("lit-html", identity over its template strings)
 * when it loads; a partner's `trusted-types orgraph` allows the name "orgraph" only, once. lit
 * gets src/render/trusted-types.ts's `trustedHtml` instead, which makes the "orgraph" policy on
 * first render (a copy of the bundle that never renders never makes one).
 */
function trustedTypesPolicy(): Plugin {
  const pattern = /(\w+)\.createPolicy\("lit-html",(\{createHTML:(\w+)=>\3\})\)/;
  return {
    name: "orgraph-trusted-types-policy",
    transform(code, id) {
      if (!/node_modules\/lit-html\/lit-html\.js$/.test(id)) return null;
      if (!pattern.test(code)) {
        this.error("lit-html's Trusted Types policy was not found: update trustedTypesPolicy()");
      }
      const from = JSON.stringify(TRUSTED_TYPES);
      return {
        code: `import { trustedHtml as __orgraphTrustedHtml } from ${from};\n${code.replace(
          pattern,
          "{createHTML:(t)=>__orgraphTrustedHtml(t)}",
        )}`,
        map: null,
      };
    },
  };
}

/** The module that holds lit's decorator metadata map in the lib builds (see litGlobals()). */
const LIT_METADATA = "\0orgraph-lit-metadata";

/**
 * No globals but `Orgraph`: lit records its versions on `globalThis` (`litHtmlVersions`,
 * `reactiveElementVersions`, `litElementVersions`) and shares its decorators' property metadata
 * through `globalThis.litPropertyMetadata`. Here the version lists go, and the metadata map is one
 * module-local WeakMap (LIT_METADATA) that reactive-element and the decorators both import.
 */
function litGlobals(): Plugin {
  const versions =
    /\((\w+)\.(litHtmlVersions|reactiveElementVersions|litElementVersions)\?\?=\[\]\)\.push\("[^"]*"\)/;
  const metadataInit = /(\w+)\.litPropertyMetadata\?\?=new WeakMap/;
  const modules: { file: RegExp; edit: (code: string) => string | null }[] = [
    {
      file: /node_modules\/lit-html\/lit-html\.js$/,
      edit: (code) => (versions.test(code) ? code.replace(versions, "void 0") : null),
    },
    {
      file: /node_modules\/lit-element\/lit-element\.js$/,
      edit: (code) => (versions.test(code) ? code.replace(versions, "void 0") : null),
    },
    {
      file: /node_modules\/@lit\/reactive-element\/reactive-element\.js$/,
      edit: (code) =>
        versions.test(code) && metadataInit.test(code) && /[^.\w]litPropertyMetadata\./.test(code)
          ? code
              .replace(versions, "void 0")
              .replace(metadataInit, "void 0")
              // The bare global reads become reads of the imported map.
              .replace(/([^.\w])litPropertyMetadata\./g, "$1__orgraphLitMetadata.")
          : null,
    },
    {
      file: /node_modules\/@lit\/reactive-element\/decorators\/property\.js$/,
      edit: (code) =>
        /globalThis\.litPropertyMetadata\./.test(code)
          ? code.replace(/globalThis\.litPropertyMetadata\./g, "__orgraphLitMetadata.")
          : null,
    },
  ];
  return {
    name: "orgraph-lit-globals",
    resolveId(source) {
      return source === LIT_METADATA ? LIT_METADATA : null;
    },
    load(id) {
      return id === LIT_METADATA ? "export const litPropertyMetadata = new WeakMap();" : null;
    },
    transform(code, id) {
      const module = modules.find((m) => m.file.test(id));
      if (!module) return null;
      const out = module.edit(code);
      if (out === null) this.error(`${id}: lit's globals were not found: update litGlobals()`);
      if (
        /(litHtmlVersions|reactiveElementVersions|litElementVersions|litPropertyMetadata)/.test(
          out.replace(/__orgraphLitMetadata/g, ""),
        )
      ) {
        this.error(`${id}: a lit global is left: update litGlobals()`);
      }
      const header = out.includes("__orgraphLitMetadata")
        ? `import { litPropertyMetadata as __orgraphLitMetadata } from ${JSON.stringify(LIT_METADATA)};\n`
        : "";
      return { code: header + out, map: null };
    },
  };
}

const shared: UserConfig = {
  root,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: LIB_DIR,
    sourcemap: true,
    minify: true,
    reportCompressedSize: false,
    copyPublicDir: false,
  },
};

export default defineConfig(({ mode }): UserConfig => {
  if (mode === "lazy") {
    return {
      ...shared,
      plugins: [trustedTypesPolicy(), litGlobals()],
      build: {
        ...shared.build,
        emptyOutDir: true,
        // No preload helper: the load worker imports the JSON-LD module on demand, and the
        // helper reads `document` (absent in a worker); it would also add <link>s to the page.
        modulePreload: false,
        rolldownOptions: {
          input: { ...LAZY_MODULES, ...WORKERS },
          preserveEntrySignatures: "exports-only",
          output: {
            format: "es",
            entryFileNames: "[name].js",
            chunkFileNames: "chunks/[name]-[hash].js",
          },
        },
      },
    };
  }
  if (mode === "es") {
    return {
      ...shared,
      plugins: [lazyFiles("es"), trustedTypesPolicy(), litGlobals()],
      build: {
        ...shared.build,
        emptyOutDir: false,
        // Not Vite's library mode, which leaves the whitespace of ES output unminified.
        rolldownOptions: {
          input: { orgraph: src("embed/define.ts"), element: src("embed/index.ts") },
          preserveEntrySignatures: "exports-only",
          treeshake,
          output: {
            format: "es",
            entryFileNames: "[name].js",
            // Next to the entries: the lazy files and the worker resolve against the chunk's URL.
            chunkFileNames: "orgraph-[name]-[hash].js",
          },
        },
      },
    };
  }
  if (mode === "iife") {
    return {
      ...shared,
      plugins: [lazyFiles("iife"), trustedTypesPolicy(), litGlobals()],
      build: {
        ...shared.build,
        emptyOutDir: false,
        lib: {
          entry: src("embed/iife.ts"),
          formats: ["iife"],
          name: "Orgraph",
          fileName: () => "orgraph.iife.js",
        },
        rolldownOptions: { treeshake },
      },
    };
  }
  throw new Error(`vite.lib.config.ts: --mode lazy | es | iife, not "${mode}"`);
});
