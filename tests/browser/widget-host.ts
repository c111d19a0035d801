/**
 * A partner's site for the widget tests: a tiny HTTP server on 127.0.0.1 that serves dist/lib/
 * under /lib/, the built-in dataset under /data/, a probe script and host pages, each page with
 * the Content-Security-Policy it asks for. Nothing inline: every script and style is a file of
 * the same origin.
 *
 * Page: `/page.html?bundle=iife|es|both&csp=strict|no-worker-src|no-workers|none&widgets=1|2&hostile=1`.
 * - bundle: the classic script (`<script src=/lib/orgraph.iife.js>`), the ES module, or both.
 * - csp: `strict`, the policy of issue 5; `no-worker-src`, the same without worker-src (workers
 *   then fall back to script-src 'self'); `no-workers`, with `worker-src 'none'`; or `none`.
 * - widgets: one widget with the built-in dataset, or two (the second with a small other graph).
 * - hostile: a host stylesheet that tries to break everything.
 * The probe (/probe.js, first in <head>) records securitypolicyviolation events, Worker creations
 * and terminations, and the page's globals before the bundle ran.
 */
import { readFileSync, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types orgraph",
].join("; ");

/** The same without worker-src: workers then fall back to script-src 'self' (CSP 3). */
export const NO_WORKER_SRC_CSP = STRICT_CSP.split("; ")
  .filter((d) => !d.startsWith("worker-src"))
  .join("; ");

/** The same with workers forbidden: the layout runs in the page. */
export const NO_WORKERS_CSP = STRICT_CSP.replace("worker-src 'self'", "worker-src 'none'");

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".trig": "application/trig; charset=utf-8",
  ".ttl": "text/turtle; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A second, small dataset (the second widget of a page). */
export const OTHER_TTL = `@prefix schema: <http://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
<https://example.org/acme> a org:Organization ; schema:name "ACME Widgets" .
<https://example.org/ann> a schema:Person ; schema:name "Ann Other" ; schema:worksFor <https://example.org/acme> .
<https://example.org/bob> a schema:Person ; schema:name "Bob Else" ; schema:worksFor <https://example.org/acme> .
`;

const PROBE = `(() => {
  const probe = { violations: [], workers: { created: 0, terminated: 0, urls: [] }, globals: Object.keys(window) };
  window.__probe = probe;
  document.addEventListener("securitypolicyviolation", (e) => {
    probe.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        probe.workers.created++;
        probe.workers.urls.push(String(url));
        this.__alive = true;
      }
      terminate() {
        if (this.__alive) probe.workers.terminated++;
        this.__alive = false;
        super.terminate();
      }
    };
  }
  for (const type of ["orgraph-load", "orgraph-select", "orgraph-error", "orgraph-ready"]) {
    document.addEventListener(type, (e) => {
      (probe[type] ??= []).push({ id: e.target.id, detail: e.detail });
    });
  }
})();
`;

const HOSTILE_CSS = `* { all: unset !important; }
div { display: inline !important; width: 1px !important; }
canvas { display: none !important; }
input { font-size: 40px !important; }
`;

const HOST_CSS = `body { margin: 0; font-family: sans-serif; }
`;

function page(params: URLSearchParams): string {
  const bundle = params.get("bundle") ?? "iife";
  const two = params.get("widgets") === "2";
  const es = `<script type="module" src="/lib/orgraph.js"></script>`;
  const iife = `<script src="/lib/orgraph.iife.js"></script>`;
  const script = bundle === "es" ? es : bundle === "both" ? `${iife}\n    ${es}` : iife;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Partner page</title>
    <script src="/probe.js"></script>
    <link rel="stylesheet" href="/host.css" />
    ${params.get("hostile") === "1" ? `<link rel="stylesheet" href="/hostile.css" />` : ""}
  </head>
  <body>
    <h1>Partner article</h1>
    <orgraph-explorer id="w1" lang="en" height="560px" format="trig" src="/data/release.trig"></orgraph-explorer>
    ${two ? `<orgraph-explorer id="w2" lang="en" height="400px" format="turtle" src="/data/other.ttl"></orgraph-explorer>` : ""}
    ${script}
  </body>
</html>`;
}

export interface WidgetHost {
  url: string;
  close(): Promise<void>;
}

export function startWidgetHost(): Promise<WidgetHost> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string | Buffer, csp?: string): void => {
      res.writeHead(status, {
        "content-type": type,
        "cache-control": "no-store",
        ...(csp ? { "content-security-policy": csp } : {}),
      });
      res.end(body);
    };
    if (url.pathname === "/page.html") {
      const csp = url.searchParams.get("csp");
      const policy =
        csp === "none"
          ? undefined
          : csp === "no-worker-src"
            ? NO_WORKER_SRC_CSP
            : csp === "no-workers"
              ? NO_WORKERS_CSP
              : STRICT_CSP;
      send(200, TYPES[".html"]!, page(url.searchParams), policy);
      return;
    }
    if (url.pathname === "/favicon.ico") return send(204, "image/x-icon", "");
    if (url.pathname === "/probe.js") return send(200, TYPES[".js"]!, PROBE);
    if (url.pathname === "/host.css") return send(200, TYPES[".css"]!, HOST_CSS);
    if (url.pathname === "/hostile.css") return send(200, TYPES[".css"]!, HOSTILE_CSS);
    if (url.pathname === "/data/other.ttl") return send(200, TYPES[".ttl"]!, OTHER_TTL);
    let file: string | null = null;
    if (url.pathname.startsWith("/lib/")) file = join(ROOT, "dist/lib", url.pathname.slice(5));
    else if (url.pathname.startsWith("/data/")) file = join(ROOT, "data", url.pathname.slice(6));
    if (file && normalize(file).startsWith(ROOT) && existsSync(file) && statSync(file).isFile()) {
      return send(200, TYPES[extname(file)] ?? "application/octet-stream", readFileSync(file));
    }
    send(404, "text/plain", "not found");
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
