/**
 * Load limits and network errors (issue 6) in a real browser: the file and URL size caps, the
 * triple cap's offer to load a sample, and URL errors by cause (HTTP status, CORS, timeout,
 * wrong content type). Local node:http servers on free ports of 127.0.0.1 play the remote
 * sites: one that allows this page (Access-Control-Allow-Origin), one that does not. Every
 * failure shows a clear message in the banner and keeps the graph on screen as it was.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { openPage, waitForEvents } from "./helpers";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const el = "orgraph-explorer";

/** N-Triples of `n` triples: persons with a label, each knowing the next. */
function ntriples(n: number): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < n; i++) {
    const s = `<https://orgraph.dev/limits/p${i}>`;
    lines.push(`${s} <http://www.w3.org/2000/01/rdf-schema#label> "Person ${i}" .`);
    if (lines.length < n) {
      lines.push(`${s} <http://xmlns.com/foaf/0.1/knows> <https://orgraph.dev/limits/p${i + 1}> .`);
    }
  }
  return lines.join("\n") + "\n";
}

/** About 5 KB of Turtle. */
const BIG = ntriples(60);

let browser: LaunchedBrowser;
let page: Page;
let open: Server;
let closed: Server;
let openUrl: string;
let closedUrl: string;
const stalled: ServerResponse[] = [];

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function base(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // A site that lets any page read it.
  open = await listen((req, res) => {
    const cors = { "Access-Control-Allow-Origin": "*" };
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/big.nt") {
      res.writeHead(200, {
        ...cors,
        "Content-Type": "application/n-triples",
        "Content-Length": Buffer.byteLength(BIG),
      });
      res.end(BIG);
    } else if (path === "/big-streamed.nt") {
      // No Content-Length: the cap must hold while the body streams in.
      res.writeHead(200, { ...cors, "Content-Type": "application/n-triples" });
      res.write(BIG.slice(0, 2000));
      setTimeout(() => res.end(BIG.slice(2000)), 50);
    } else if (path === "/stall.ttl") {
      stalled.push(res); // never answers
    } else if (path === "/page.ttl") {
      res.writeHead(200, { ...cors, "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>Not found</title><p>Sorry</p>");
    } else {
      res.writeHead(404, { ...cors, "Content-Type": "text/plain" });
      res.end("no such file");
    }
  });
  // A site that does not (no Access-Control-Allow-Origin).
  closed = await listen((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/turtle" });
    res.end(BIG);
  });
  openUrl = base(open);
  closedUrl = base(closed);
  browser = await launchChromium({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  page = await openPage(browser.context, inject("baseUrl"));
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  await browser?.close();
  open?.closeAllConnections();
  closed?.closeAllConnections();
  await Promise.all([open, closed].map((s) => new Promise((r) => s?.close(r))));
});

beforeEach(async () => {
  // Back to the built-in graph with the default limits, no banner.
  await page.evaluate(() => {
    const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    e.loadLimits = { ...e.loadLimits, maxFileBytes: 1 << 30, maxUrlBytes: 1 << 30 };
  });
});

interface Failure {
  code: unknown;
  message: string;
  same: boolean;
  order: number;
  banner: string;
}

/** Loads `url` under `limits`; the error's code and message, the banner, whether the graph stayed. */
function failingUrlLoad(url: string, limits: Record<string, number> = {}): Promise<Failure> {
  return page.evaluate(
    async ([u, l]) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const defaults = e.loadLimits;
      e.loadLimits = { ...defaults, ...(l as Record<string, number>) };
      const before = e.graph;
      const order = before?.order ?? -1;
      let code: unknown = null;
      let message = "";
      try {
        await e.load({ url: u as string });
      } catch (error) {
        code = (error as { code?: unknown }).code;
        message = (error as Error).message;
      } finally {
        e.loadLimits = defaults;
      }
      await e.updateComplete;
      return {
        code,
        message,
        same: e.graph === before && e.graph?.order === order,
        order,
        banner: e.shadowRoot!.querySelector(".banner")?.textContent?.replace(/\s+/g, " ") ?? "",
      };
    },
    [url, limits] as const,
  );
}

describe("size caps", () => {
  it("a file over maxFileBytes is refused with the file's name and the cap; the graph stays", async () => {
    await page.evaluate(() => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.loadLimits = { ...e.loadLimits, maxFileBytes: 2048 };
    });
    const before = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph!.order,
    );
    const errors = (await page.evaluate(
      () => window.__orgraphEvents.filter((e) => e.type === "orgraph-error").length,
    )) as number;
    const openButton = page.locator(`${el} .load-open`);
    if ((await openButton.getAttribute("aria-expanded")) !== "true") await openButton.click();
    await page.locator(`${el} input.load-file`).setInputFiles({
      name: "people.nt",
      mimeType: "application/n-triples",
      buffer: Buffer.from(BIG),
    });
    const [event] = (await waitForEvents(page, "orgraph-error", errors + 1)).slice(-1);
    const message = (event!.detail as { message: string }).message;
    expect(message).toContain("people.nt");
    expect(message).toMatch(
      /is \d\.\d KB, more than the 2 KB limit \(the loadLimits\.maxFileBytes setting\)/,
    );
    const banner = await page.locator(`${el} .banner`).innerText();
    expect(banner).toContain("people.nt");
    expect(banner).toContain("2 KB limit");
    expect(
      await page.evaluate(
        () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph!.order,
      ),
    ).toBe(before);
  });

  it("a URL over maxUrlBytes is refused (declared length and streamed body alike)", async () => {
    const declared = await failingUrlLoad(`${openUrl}/big.nt`, { maxUrlBytes: 1024 });
    expect(declared.code).toBe("limit");
    expect(declared.message).toContain(`${openUrl}/big.nt`);
    expect(declared.message).toContain(`${openUrl}/big.nt is 5.6 KB,`);
    expect(declared.message).toMatch(
      /more than the 1 KB limit \(the loadLimits\.maxUrlBytes setting\)/,
    );
    expect(declared.banner).toContain(declared.message);
    expect(declared.same).toBe(true);

    const streamed = await failingUrlLoad(`${openUrl}/big-streamed.nt`, { maxUrlBytes: 1024 });
    expect(streamed.code).toBe("limit");
    expect(streamed.message).toContain(`${openUrl}/big-streamed.nt is larger than the 1 KB limit`);
    expect(streamed.same).toBe(true);
  });

  it("past the triple cap the offer loads a sample of exactly the cap, and says so", async () => {
    const text = ntriples(80);
    const failure = await page.evaluate(async (t) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.loadLimits = { ...e.loadLimits, maxTriples: 50 };
      const before = e.graph;
      let code: unknown = null;
      let message = "";
      try {
        await e.load({ text: t, format: "n-triples", name: "eighty.nt" });
      } catch (error) {
        code = (error as { code?: unknown }).code;
        message = (error as Error).message;
      }
      await e.updateComplete;
      return { code, message, same: e.graph === before };
    }, text);
    // The message names the setting, as the size caps do.
    const capped =
      "eighty.nt has more than 50 triples, the most Orgraph loads at once (the loadLimits.maxTriples setting).";
    expect(failure).toEqual({ code: "limit", message: capped, same: true });
    const offer = page.locator(`${el} .load-offer`);
    expect(await offer.innerText()).toContain("Load only the first 50 triples instead?");
    expect(await page.locator(`${el} .banner`).innerText()).toContain(capped);
    const loadsBefore = (await page.evaluate(
      () => window.__orgraphEvents.filter((e) => e.type === "orgraph-load").length,
    )) as number;
    await offer.locator(".load-sample").click();
    const [loaded] = (await waitForEvents(page, "orgraph-load", loadsBefore + 1)).slice(-1);
    expect((loaded!.detail as { triples: number }).triples).toBe(50);
    const after = await page.evaluate(() => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.loadLimits = { ...e.loadLimits, maxTriples: 1_000_000 };
      return {
        sources: e.sources.map((s) => ({ name: s.name, triples: s.triples, sample: s.sample })),
        triples: e.graph!.getAttribute("triples"),
        offer: e.shadowRoot!.querySelector(".load-offer") !== null,
      };
    });
    expect(after).toEqual({
      sources: [{ name: "eighty.nt", triples: 50, sample: true }],
      triples: 50,
      offer: false,
    });
    // The loaded-sources list says it is a sample.
    const openButton = page.locator(`${el} .load-open`);
    if ((await openButton.getAttribute("aria-expanded")) !== "true") await openButton.click();
    expect(await page.locator(`${el} .load-sources`).innerText()).toMatch(
      /eighty\.nt[\s\S]*50 triples · sample/,
    );
  });
});

describe("network errors by cause, each keeping the graph", () => {
  it("HTTP 404: the status is in the message", async () => {
    const r = await failingUrlLoad(`${openUrl}/missing.ttl`);
    expect(r.code).toBe("fetch");
    expect(r.message).toBe(`Could not fetch ${openUrl}/missing.ttl: HTTP 404 Not Found.`);
    expect(r.banner).toContain("HTTP 404");
    expect(r.same).toBe(true);
  });

  it("CORS: a server that does not allow this page is named as such", async () => {
    const r = await failingUrlLoad(`${closedUrl}/data.ttl`);
    expect(r.code).toBe("fetch");
    expect(r.message).toContain(`${closedUrl}/data.ttl`);
    expect(r.message).toMatch(
      /does not allow this page .* to read it \(no Access-Control-Allow-Origin header: CORS\)/,
    );
    expect(r.banner).toContain("CORS");
    expect(r.same).toBe(true);
  });

  it("a server that is not there is a network failure, not CORS", async () => {
    const gone = await listen(() => undefined);
    const url = `${base(gone)}/data.ttl`;
    await new Promise((r) => gone.close(r));
    const r = await failingUrlLoad(url);
    expect(r.code).toBe("fetch");
    expect(r.message).toMatch(
      /^Could not reach .*: the network failed or the server at .* did not answer\.$/,
    );
    expect(r.message).not.toContain("CORS");
    expect(r.same).toBe(true);
  });

  it("timeout: a server that stalls past urlTimeoutMs", async () => {
    const r = await failingUrlLoad(`${openUrl}/stall.ttl`, { urlTimeoutMs: 700 });
    expect(r.code).toBe("fetch");
    expect(r.message).toBe(
      `${openUrl}/stall.ttl did not answer within 700 ms (timeout; the loadLimits.urlTimeoutMs setting).`,
    );
    expect(r.banner).toContain("timeout");
    expect(r.same).toBe(true);
  });

  it("wrong content type: text/html for a .ttl URL", async () => {
    const r = await failingUrlLoad(`${openUrl}/page.ttl`);
    expect(r.code).toBe("fetch");
    expect(r.message).toBe(
      `${openUrl}/page.ttl is not RDF: the server sent "text/html" (wrong content type).`,
    );
    expect(r.banner).toContain("wrong content type");
    expect(r.same).toBe(true);
  });
});

describe("errors in the interface's language", () => {
  it("with lang=fr a bad Turtle file after a good one says so in French, with line and column; the graph stays", async () => {
    const good = ntriples(6);
    const bad = "@prefix ex: <https://orgraph.dev/limits/> .\nex:a ex:b ex:c .\nex:a ex:b foo .\n";
    const was = await page.evaluate(() =>
      document.querySelector("orgraph-explorer")!.getAttribute("lang"),
    );
    try {
      const r = await page.evaluate(
        async ([g, b]) => {
          const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
          e.setAttribute("lang", "fr");
          await e.load({ text: g!, format: "n-triples", name: "good.nt" });
          const before = e.graph;
          const order = before!.order;
          const message = await e
            .load({ file: new File([b!], "broken.ttl", { type: "text/turtle" }) })
            .then(
              () => "loaded",
              (error: Error) => error.message,
            );
          await e.updateComplete;
          return { message, same: e.graph === before && e.graph!.order === order, order };
        },
        [good, bad] as const,
      );
      // The API's message stays English; the banner, an alert, follows the interface language.
      expect(r.message).toBe(
        'Turtle syntax error in broken.ttl at line 3, column 11: unexpected "foo".',
      );
      expect(r.same).toBe(true);
      expect(r.order).toBe(4);
      const alert = page.getByRole("alert");
      await expect
        .poll(() => alert.innerText())
        .toContain(
          "Erreur de syntaxe Turtle dans broken.ttl, ligne 3, colonne 11 : « foo » inattendu.",
        );
      expect(await alert.innerText()).toContain("Impossible de charger le graphe");
      await page.evaluate(() =>
        document.querySelector("orgraph-explorer")!.setAttribute("lang", "en"),
      );
      await expect.poll(() => alert.innerText()).toContain(r.message);

      // The parser's reason is said in French too, the text it quotes as written.
      const prefix = await page.evaluate(async () => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        e.setAttribute("lang", "fr");
        const before = e.graph;
        const file = new File(["ex:a ex:b ex:c ."], "p.ttl", { type: "text/turtle" });
        const message = await e.load({ file }).then(
          () => "loaded",
          (error: Error) => error.message,
        );
        await e.updateComplete;
        return { message, same: e.graph === before };
      });
      expect(prefix.message).toBe(
        'Turtle syntax error in p.ttl at line 1, column 1: undefined prefix "ex:".',
      );
      expect(prefix.same).toBe(true);
      await expect
        .poll(() => alert.innerText())
        .toContain(
          "Erreur de syntaxe Turtle dans p.ttl, ligne 1, colonne 1 : préfixe « ex: » non déclaré.",
        );
    } finally {
      await page.evaluate((lang) => {
        const e = document.querySelector("orgraph-explorer")!;
        if (lang === null) e.removeAttribute("lang");
        else e.setAttribute("lang", lang);
      }, was);
    }
  });
});
