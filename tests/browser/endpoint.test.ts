/**
 * Exploring a SPARQL endpoint (issue 7) in the built app, against the real Virtuoso that
 * tests/support/virtuoso/global-setup.ts starts with data/release.trig: ?endpoint= opens the
 * app on it, the search box asks it, a result opens with its neighbours, the connections menu
 * expands a relation, the graph matches the file's, and a reload re-fetches the same view.
 * A tiny local server in front of Virtuoso (CORS headers sent) then stalls, fails with 500,
 * answers malformed JSON or leaves CORS out: each gives its message and keeps the graph.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const BASE = "https://orgraph.dev/data/iom-pk-2008/";
const LAGON = `${BASE}lagon`;
const TIP_OFFICE = `${BASE}us-tip-office`;
const CONFERENCE = `${BASE}conference`;
const MINISTRY = `${BASE}ministry-interior`;
const ORGANIZER = "http://schema.org/organizer";

const endpoint = inject("virtuosoEndpoint");
const baseUrl = inject("baseUrl");

let browser: LaunchedBrowser;

type NodeInfo = { key: string; category: string; label: string } | null;

function el(p: Page) {
  return {
    nodes: (keys: string[]): Promise<NodeInfo[]> =>
      p.evaluate((ks) => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        return ks.map((k) =>
          e.graph?.hasNode(k)
            ? {
                key: k,
                category: e.graph.getNodeAttribute(k, "category"),
                label: e.graph.getNodeAttribute(k, "label"),
              }
            : null,
        );
      }, keys),
    /** `load({ endpoint, start })` on the test endpoint. */
    start: (start: string) =>
      p.evaluate(
        ([ep, st]) =>
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).load({
            endpoint: ep!,
            start: st!,
          }),
        [endpoint, start],
      ),
    keys: (): Promise<string[]> =>
      p.evaluate(() =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph!.nodes().sort(),
      ),
    waitFor: (keys: string[]) =>
      p.waitForFunction(
        (ks) => {
          const e = document.querySelector("orgraph-explorer") as OrgraphExplorer | null;
          return !!e?.graph && ks.every((k) => e.graph!.hasNode(k));
        },
        keys,
        { timeout: 45_000 },
      ),
  };
}

async function openApp(query: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}${query}`);
  await page.waitForFunction(
    () => !!(document.querySelector("orgraph-explorer") as OrgraphExplorer | null)?.graph,
    null,
    { timeout: 45_000 },
  );
  return page;
}

beforeAll(async () => {
  browser = await launchChromium({ locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
});

describe("exploring the Virtuoso endpoint", () => {
  let page: Page;
  let file: Page;

  beforeAll(async () => {
    file = await openApp("");
    await el(file).waitFor([LAGON]);
  });

  afterAll(async () => {
    await page?.close();
    await file?.close();
  });

  it("opens on ?endpoint= with the endpoint's search box and an empty graph", async () => {
    page = await openApp(`?endpoint=${encodeURIComponent(endpoint)}`);
    expect(await el(page).keys()).toEqual([]);
    await expect
      .poll(() => page.locator("orgraph-explorer .endpoint-search #og-search").count())
      .toBe(1);
    expect(await page.locator("orgraph-explorer .endpoint-hint").innerText()).toMatch(/Search/);
  });

  it('searches "Lagon", opens him, and brings the trafficking office and the conference', async () => {
    const box = page.locator("orgraph-explorer #og-search");
    await box.fill("Lagon");
    const option = page.locator(`orgraph-explorer #og-search-results [data-key="${LAGON}"]`);
    await option.waitFor({ timeout: 20_000 });
    expect(await option.innerText()).toContain("Mark Lagon");
    await option.click();
    await el(page).waitFor([LAGON, TIP_OFFICE, CONFERENCE]);
    await page.waitForFunction(() => location.search.includes("open="));
    expect(new URL(page.url()).searchParams.getAll("open")).toEqual([LAGON]);
    const state = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState,
    );
    expect(state.selection).toBe(LAGON);
  });

  it("matches the same neighbourhood loaded from the file", async () => {
    const neighbours = await file.evaluate((key) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return [key, ...e.graph!.neighbors(key)];
    }, LAGON);
    expect(neighbours.length).toBeGreaterThan(5);
    const got = await el(page).nodes(neighbours);
    const want = await el(file).nodes(neighbours);
    expect(got).toEqual(want);
    expect(got.find((n) => n?.key === TIP_OFFICE)?.category).toBe("organisation");
    expect(got.find((n) => n?.key === CONFERENCE)?.category).toBe("event");
  });

  it("lists Lagon's relations with counts, and expands the conference's organisers", async () => {
    const tools = page.locator("orgraph-explorer .node-tools");
    await tools.locator('[data-action="connections"]').click();
    const attendee = tools.locator(
      '.endpoint-expand[data-predicate="http://schema.org/attendee"][data-direction="in"]',
    );
    await attendee.waitFor({ timeout: 20_000 });
    expect(await attendee.locator(".expand-count").innerText()).toBe("2");
    // On to the conference: select it, ask its relations, load its organisers.
    await page.evaluate(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).select(key),
      CONFERENCE,
    );
    await tools.locator('[data-action="connections"]').click();
    const organiser = tools.locator(
      `.endpoint-expand[data-predicate="${ORGANIZER}"][data-direction="out"]`,
    );
    await organiser.waitFor({ timeout: 20_000 });
    const before = await el(page).keys();
    await organiser.click();
    await el(page).waitFor([MINISTRY]);
    await page.waitForFunction(() => location.search.includes("exp="));
    expect(new URL(page.url()).searchParams.getAll("exp")).toEqual([
      `out schema:organizer ${CONFERENCE}`,
    ]);
    const after = await el(page).keys();
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBeGreaterThan(before.length);
    // Same category and label as the file for what was brought.
    expect(await el(page).nodes([MINISTRY])).toEqual(await el(file).nodes([MINISTRY]));
    await expect.poll(() => organiser.getAttribute("aria-pressed")).toBe("true");
  });

  it("keeps what is fetched explorable with the graph's tools (search, details, paths)", async () => {
    const path = await page.evaluate(
      ([from, to]) => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        e.setViewState({ path: { from: from!, to: to! } });
        return e.paths?.distance ?? -1;
      },
      [TIP_OFFICE, MINISTRY],
    );
    expect(path).toBeGreaterThan(0);
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).setViewState({ path: null }),
    );
    await page.evaluate(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).select(key),
      MINISTRY,
    );
    await expect
      .poll(() => page.locator("orgraph-explorer .panel").innerText())
      .toContain((await el(file).nodes([MINISTRY]))[0]!.label);
  });

  it("restores the same view on reload (the steps are re-fetched)", async () => {
    const keys = await el(page).keys();
    const url = page.url();
    await page.reload();
    await el(page).waitFor([LAGON, TIP_OFFICE, CONFERENCE, MINISTRY]);
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.status === "done",
    );
    expect(await el(page).keys()).toEqual(keys);
    expect(page.url()).toBe(url);
    const state = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState,
    );
    expect(state.opened).toEqual([LAGON]);
    expect(state.expanded).toEqual([{ node: CONFERENCE, predicate: ORGANIZER, direction: "out" }]);
  });
});

describe("load({ endpoint, start })", () => {
  it("starts from a CONSTRUCT query, or from an IRI to open", async () => {
    const page = await openApp("");
    await el(page).waitFor([LAGON]);
    const cited = () =>
      page.evaluate(() => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        const caption = e.shadowRoot?.querySelector(".caption-version")?.textContent ?? null;
        return { version: e.datasetVersion, citeUrl: e.citeUrl, caption };
      });
    // The built-in document has a version, shown in the caption and pinned in the cite link.
    const before = await cited();
    expect(before.version).toMatch(/^[0-9a-f]{12}$/);
    expect(before.caption).toContain(before.version);
    expect(before.citeUrl).toContain(`v=${before.version}`);
    const query =
      `CONSTRUCT { <${LAGON}> ?p ?o } WHERE { <${LAGON}> ?p ?o ` +
      `FILTER(isLiteral(?o) || ?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }`;
    const summary = await el(page).start(query);
    expect(summary.nodes).toBeGreaterThan(0);
    expect((await el(page).nodes([LAGON]))[0]?.label).toBe("Mark Lagon");
    expect((await el(page).nodes([CONFERENCE]))[0]).toBeNull();
    // A live endpoint has no version: nothing of the document's is left to pin a cited view.
    expect(await cited()).toEqual({ version: null, citeUrl: null, caption: null });
    await el(page).start(CONFERENCE);
    await el(page).waitFor([CONFERENCE, LAGON]);
    const state = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState,
    );
    expect(state.endpoint).toBe(endpoint);
    expect(state.opened).toEqual([CONFERENCE]);
    expect(new URL(page.url()).searchParams.get("endpoint")).toBe(endpoint);
    // The `endpoint` attribute starts afresh on that endpoint (nothing opened).
    await page.evaluate((ep) => {
      document.querySelector("orgraph-explorer")!.setAttribute("endpoint", ep);
    }, endpoint);
    await page.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph?.order === 0,
    );
    expect(
      await page.evaluate(
        () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState.opened,
      ),
    ).toEqual([]);
    await page.close();
  });
});

describe("load({ endpoint, start }) in the URL", () => {
  it("a start query goes in the URL; a reload runs it again and shows the same nodes", async () => {
    const page = await openApp("");
    await el(page).waitFor([LAGON]);
    // Multi-line, with non-ASCII text (a comment in the WHERE part, so the answer is the same).
    const query = [
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>",
      `CONSTRUCT { <${LAGON}> ?p ?o } WHERE {`,
      "  # les voisins de « Lagon » — 北京 😀",
      `  <${LAGON}> ?p ?o .`,
      "  FILTER(isLiteral(?o) || ?p = rdf:type)",
      "}",
    ].join("\n");
    await el(page).start(query);
    const keys = await el(page).keys();
    expect(keys).toContain(LAGON);
    expect(keys).not.toContain(CONFERENCE);
    const params = new URL(page.url()).searchParams;
    expect(params.get("endpoint")).toBe(endpoint);
    expect(params.get("start")).toBe(query);
    expect(await page.locator("#url-notice").isHidden()).toBe(true);

    const url = page.url();
    await page.reload();
    await el(page).waitFor([LAGON]);
    expect(await el(page).keys()).toEqual(keys);
    expect(page.url()).toBe(url);
    expect(
      await page.evaluate(
        () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState,
      ),
    ).toMatchObject({ endpoint, endpointQuery: query, opened: [] });
    await page.close();
  });

  it("a start query too long for a URL still runs; the page says the link will not", async () => {
    const page = await openApp("");
    await el(page).waitFor([LAGON]);
    // The same answer, with a VALUES list long enough to overflow the URL's cap.
    const padding = Array.from({ length: 150 }, (_, i) => `<${BASE}nobody-${i}>`).join(" ");
    const query =
      `CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?x { <${LAGON}> ${padding} } ?x ?p ?o ` +
      `FILTER(isLiteral(?o) || ?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }`;
    await el(page).start(query);
    expect(await el(page).keys()).toContain(LAGON);
    const params = new URL(page.url()).searchParams;
    expect(params.get("endpoint")).toBe(endpoint);
    expect(params.has("start")).toBe(false);
    const notice = page.locator("#url-notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/start query is too long .* at most 6000/);
    await page.close();
  });
});

describe("requests in the SPARQL worker", () => {
  /** Counts the page's own fetches of the endpoint (the worker's are not the page's). */
  const countFetches = (): void => {
    const w = window as unknown as { __sparqlFetches: number };
    w.__sparqlFetches = 0;
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes("/sparql")) w.__sparqlFetches++;
      return original(input, init);
    };
  };
  const fetches = (p: Page): Promise<number> =>
    p.evaluate(() => (window as unknown as { __sparqlFetches: number }).__sparqlFetches);
  const inWorker = (p: Page): Promise<boolean> =>
    p.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).lastEndpointInWorker,
    );

  it("fetches and parses in the worker: the page never fetches the endpoint", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(countFetches);
    await page.goto(
      `${baseUrl}?endpoint=${encodeURIComponent(endpoint)}&open=${encodeURIComponent(LAGON)}`,
    );
    await el(page).waitFor([LAGON, TIP_OFFICE, CONFERENCE]);
    const hits = await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).searchEndpoint("Lagon"),
    );
    expect(hits.map((h) => h.iri)).toContain(LAGON);
    expect(await inWorker(page)).toBe(true);
    expect(
      await page.evaluate(
        () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).endpointInWorker,
      ),
    ).toBe(true);
    expect(await fetches(page)).toBe(0);
    await page.close();
  });

  it("runs on the page where the worker cannot load, with the same graph", async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(countFetches);
    // Every worker script refused (as a CSP without worker-src does; a CSP in a fulfilled page
    // would make Chromium treat the page as public and refuse the loopback endpoint).
    await page.route(/\/assets\/[^/?]*worker[^/?]*\.js(\?|$)/, (route) => route.abort());
    await page.goto(
      `${baseUrl}?endpoint=${encodeURIComponent(endpoint)}&open=${encodeURIComponent(LAGON)}`,
    );
    await el(page).waitFor([LAGON, TIP_OFFICE, CONFERENCE]);
    expect(await inWorker(page)).toBe(false);
    expect(await fetches(page)).toBeGreaterThan(0);
    const ok = await page.evaluate(
      ([key, p]) =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).expandRelation(
          key!,
          p!,
          "out",
        ),
      [CONFERENCE, ORGANIZER],
    );
    expect(ok).toBe(true);
    expect(await inWorker(page)).toBe(false);
    await page.close();
  });
});

describe("a slow or failing endpoint", () => {
  type Mode = "proxy" | "stall" | "500" | "bad-json" | "no-cors";
  let mode: Mode = "proxy";
  let server: Server;
  let fake: string;
  let page: Page;

  async function forward(req: IncomingMessage, res: ServerResponse, cors: boolean): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = new URL(endpoint);
    const url = `${upstream.origin}${upstream.pathname}${req.url!.slice(req.url!.indexOf("?") >= 0 ? req.url!.indexOf("?") : req.url!.length)}`;
    const answer = await fetch(url, {
      method: req.method,
      headers: {
        accept: String(req.headers.accept ?? "*/*"),
        ...(req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {}),
      },
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, {
      "content-type": answer.headers.get("content-type") ?? "text/plain",
      ...(cors ? { "access-control-allow-origin": "*" } : {}),
    });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const cors = { "access-control-allow-origin": "*" };
      switch (mode) {
        case "stall":
          return; // never answers
        case "500":
          res.writeHead(500, { ...cors, "content-type": "text/plain" });
          res.end("Virtuoso 42000 Error SQ200: the server had a bad day");
          return;
        case "bad-json":
          res.writeHead(200, { ...cors, "content-type": "application/sparql-results+json" });
          res.end('{"head": {"vars": ["resource"]}, "results": {"bindings": [');
          return;
        default:
          forward(req, res, mode === "proxy").catch((error: unknown) => {
            res.writeHead(502, cors);
            res.end(String(error));
          });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;
    page = await openApp(`?endpoint=${encodeURIComponent(fake)}&open=${encodeURIComponent(LAGON)}`);
    await el(page).waitFor([LAGON, TIP_OFFICE, CONFERENCE]);
  });

  afterAll(async () => {
    await page?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const banner = () => page.locator("orgraph-explorer .banner").innerText();
  const dismiss = () => page.locator("orgraph-explorer .banner button").click();

  /** The graph object and the URL before; checks they are the same after. */
  async function keepsTheGraph(action: () => Promise<unknown>): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as { __graph: unknown }).__graph = (
        document.querySelector("orgraph-explorer") as OrgraphExplorer
      ).graph;
    });
    const url = page.url();
    const keys = await el(page).keys();
    await action();
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { __graph: unknown }).__graph ===
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph,
      ),
    ).toBe(true);
    expect(await el(page).keys()).toEqual(keys);
    expect(page.url()).toBe(url);
  }

  it("HTTP 500: says the status and keeps the graph", async () => {
    mode = "500";
    await keepsTheGraph(async () => {
      await page.locator("orgraph-explorer #og-search").fill("Lagon");
      await expect.poll(banner, { timeout: 20_000 }).toContain("HTTP 500");
    });
    expect(await banner()).toContain("answered with an HTTP error");
    await dismiss();
  });

  it("malformed JSON: says the results could not be read", async () => {
    mode = "bad-json";
    await keepsTheGraph(async () => {
      await page.evaluate(
        (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).connections(key),
        LAGON,
      );
      await expect.poll(banner, { timeout: 20_000 }).toContain("could not be read");
    });
    await dismiss();
  });

  it("no CORS headers: says it could not be reached (network or CORS)", async () => {
    mode = "no-cors";
    await keepsTheGraph(async () => {
      const ok = await page.evaluate(
        ([key, p]) =>
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).expandRelation(
            key!,
            p!,
            "out",
          ),
        [CONFERENCE, ORGANIZER],
      );
      expect(ok).toBe(false);
      await expect.poll(banner, { timeout: 20_000 }).toContain("CORS");
    });
    await dismiss();
  });

  it("a stalled endpoint: the time limit gives a timeout message; a cancel says nothing", async () => {
    mode = "stall";
    await page.evaluate(() => {
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).endpointSettings = {
        timeoutMs: 1500,
      };
    });
    await keepsTheGraph(async () => {
      const ok = await page.evaluate(
        ([key, p]) =>
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).expandRelation(
            key!,
            p!,
            "out",
          ),
        [CONFERENCE, ORGANIZER],
      );
      expect(ok).toBe(false);
      expect(await banner()).toContain("did not answer in time");
    });
    await dismiss();
    await keepsTheGraph(async () => {
      const ok = await page.evaluate(async (key) => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        e.endpointSettings = { timeoutMs: 30_000 };
        const pending = e.openResource(key);
        await new Promise((r) => setTimeout(r, 300));
        e.cancelRequests();
        return pending;
      }, CONFERENCE);
      expect(ok).toBe(false);
    });
    expect(await page.locator("orgraph-explorer .banner").count()).toBe(0);
  });
});
