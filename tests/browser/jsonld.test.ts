/**
 * JSON-LD (issue 6) in real Chromium: load() and a dropped .jsonld file show the nodes (parsed in
 * the load worker, jsonld fetched on demand), a JSON-LD error keeps the graph shown and says where,
 * a Turtle load never fetches the JSON-LD chunk, and the widget's IIFE loads JSON-LD under a
 * strict CSP (in its worker, and in the page where workers are forbidden) without a global.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { openPage, waitForEvents } from "./helpers";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { startWidgetHost, type WidgetHost } from "./widget-host";

/** What the widget host's probe records (see widget-host.ts). */
interface Probe {
  violations: { directive: string }[];
  globals: string[];
  "orgraph-load"?: unknown[];
}

const ORG = readFileSync(new URL("../fixtures/core/org-schema.jsonld", import.meta.url), "utf8");
const TTL = `@prefix ex: <https://orgraph.dev/test/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:bob rdfs:label "Bob" ; ex:knows ex:carol .
ex:carol rdfs:label "Carol" .
`;
const BAD = '{\n  "@context": "https://schema.org/",\n  "name": "Acme"\n  "@id": "x"\n}\n';
const ALICE = "https://orgraph.dev/test/alice";
const ACME = "https://orgraph.dev/test/acme";

let browser: LaunchedBrowser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  // Every request of the context, the load worker's included.
  browser.context.on("request", (request) => requests.push(request.url()));
  page = await openPage(browser.context, inject("baseUrl"));
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  await browser?.close();
});

const jsonldChunks = (): string[] => requests.filter((u) => /jsonld[^/]*\.js(\?|$)/.test(u));

const loads = (): Promise<number> =>
  page.evaluate(() => window.__orgraphEvents.filter((e) => e.type === "orgraph-load").length);

describe("JSON-LD in the app", () => {
  it("loads a Turtle file without fetching the JSON-LD chunk", async () => {
    const before = await loads();
    await page.evaluate(async (text) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      await e.load({ file: new File([text], "people.ttl", { type: "text/turtle" }) });
    }, TTL);
    await waitForEvents(page, "orgraph-load", before + 1);
    const order = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph?.order,
    );
    expect(order).toBe(2);
    expect(requests.length).toBeGreaterThan(0);
    expect(jsonldChunks()).toEqual([]);
  });

  it("load() reads JSON-LD with a bundled context in the worker and shows its nodes", async () => {
    const result = await page.evaluate(
      async ([text, alice, acme]) => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        const summary = await e.load({ text: text!, format: "json-ld", name: "org.jsonld" });
        return {
          summary,
          inWorker: e.lastLoadInWorker,
          alice: e.graph!.hasNode(alice!),
          acme: e.graph!.getNodeAttribute(acme!, "label"),
          sources: e.sources.map((s) => `${s.name}:${s.format}`),
        };
      },
      [ORG, ALICE, ACME] as const,
    );
    expect(result.summary.triples).toBe(12);
    expect(result.alice).toBe(true);
    expect(result.acme).toBe("Acme");
    expect(result.inWorker).toBe(true);
    expect(result.sources).toEqual(["org.jsonld:json-ld"]);
    // The JSON-LD module came on demand, the schema.org context with it.
    expect(jsonldChunks().length).toBeGreaterThan(0);
    expect(requests.some((u) => /schemaorg[^/]*\.js/.test(u))).toBe(true);
  });

  it("loads a dropped .jsonld file", async () => {
    await page.evaluate(async () => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      await e.load({
        text: "<https://x.org/a> <https://x.org/p> <https://x.org/b> .",
        format: "n-triples",
      });
    });
    const before = await loads();
    await page.evaluate((text) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const stage = e.shadowRoot!.querySelector(".stage")!;
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.jsonld", { type: "" }));
      stage.dispatchEvent(new DragEvent("dragenter", { dataTransfer: data, bubbles: true }));
      stage.dispatchEvent(
        new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, ORG);
    await waitForEvents(page, "orgraph-load", before + 1);
    const result = await page.evaluate((alice) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return { sources: e.sources.map((s) => s.name), alice: e.graph!.hasNode(alice) };
    }, ALICE);
    expect(result).toEqual({ sources: ["dropped.jsonld"], alice: true });
  });

  it("takes JSON-LD from the file picker, pasted text and a URL by its media type", async () => {
    const open = page.locator("orgraph-explorer .load-open");
    if ((await open.getAttribute("aria-expanded")) !== "true") await open.click();
    let before = await loads();
    await page.locator("orgraph-explorer .load-file").setInputFiles({
      name: "picked.jsonld",
      mimeType: "application/ld+json",
      buffer: Buffer.from(ORG),
    });
    await waitForEvents(page, "orgraph-load", before + 1);
    const names = () =>
      page.evaluate(() =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).sources.map(
          (s) => `${s.name}:${s.format}:${s.triples}`,
        ),
      );
    expect(await names()).toEqual(["picked.jsonld:json-ld:12"]);

    before = await loads();
    await page.locator("orgraph-explorer .load-text").fill(ORG);
    await page.locator("orgraph-explorer .load-format").selectOption("json-ld");
    await page.locator("orgraph-explorer .load-paste-form button[type=submit]").click();
    await waitForEvents(page, "orgraph-load", before + 1);
    expect(await names()).toEqual(["text:json-ld:12"]);

    await page.route("https://data.example.org/org", (route) =>
      route.fulfill({
        status: 200,
        headers: { "content-type": "application/ld+json", "access-control-allow-origin": "*" },
        body: ORG,
      }),
    );
    const loaded = await page.evaluate(async () => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const summary = await e.load({ url: "https://data.example.org/org" });
      return summary.triples;
    });
    expect(loaded).toBe(12);
  });

  it("a JSON-LD error keeps the graph shown and says where; a remote context is refused", async () => {
    const graph = () =>
      page.evaluate(() =>
        JSON.stringify(
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph?.export(),
        ),
      );
    const was = await graph();
    const errors = await page.evaluate(
      () => window.__orgraphEvents.filter((e) => e.type === "orgraph-error").length,
    );
    const message = await page.evaluate(async (text) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return e.load({ text, format: "json-ld", name: "bad.jsonld" }).then(
        () => "loaded",
        (error: Error) => error.message,
      );
    }, BAD);
    expect(message).toBe(
      'JSON-LD syntax error in bad.jsonld at line 4, column 3: expected "," or "}" after a property value, found the string "@id".',
    );
    const events = await waitForEvents(page, "orgraph-error", errors + 1);
    const detail = events.at(-1)!.detail as { line: number; column: number; source: string };
    expect([detail.line, detail.column, detail.source]).toEqual([4, 3, "bad.jsonld"]);
    expect(await graph()).toBe(was);
    await expect
      .poll(() => page.locator("orgraph-explorer .banner").innerText())
      // The app's interface is French: so is the banner (the API's message stays English).
      .toContain(
        'Erreur de syntaxe JSON-LD dans bad.jsonld, ligne 4, colonne 3 : « , » ou « } » attendu après la valeur d\'une propriété au lieu de la chaîne "@id".',
      );

    const refused = await page.evaluate(async () => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const text = JSON.stringify({
        "@context": "https://example.org/context.jsonld",
        "@id": "https://x.org/a",
        name: "A",
      });
      return e.load({ text, format: "json-ld", name: "remote.jsonld" }).then(
        () => "loaded",
        (error: Error) => error.message,
      );
    });
    expect(refused).toMatch(
      /^JSON-LD context https:\/\/example\.org\/context\.jsonld is not allowed; remote\.jsonld may use the bundled contexts \(schema\.org, /,
    );
    expect(requests.filter((u) => u.startsWith("https://example.org/"))).toEqual([]);
    expect(await graph()).toBe(was);
    await expect
      .poll(() => page.locator("orgraph-explorer .banner").innerText())
      .toContain(
        "Le contexte JSON-LD https://example.org/context.jsonld n'est pas autorisé ; remote.jsonld peut utiliser les contextes fournis (schema.org, ",
      );
  });

  it("the jsonldContexts property lets a load fetch an allowed context; others stay refused", async () => {
    // Contexts served by a local server (CORS allowed), as a partner's would be.
    const served: string[] = [];
    const server = createServer((req, res) => {
      served.push(req.url ?? "");
      res.writeHead(200, {
        "content-type": "application/ld+json",
        "access-control-allow-origin": "*",
      });
      res.end(
        JSON.stringify({
          "@context": {
            name: "http://www.w3.org/2000/01/rdf-schema#label",
            knows: { "@id": "https://orgraph.dev/test/knows", "@type": "@id" },
          },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const doc = (context: string) =>
        JSON.stringify({
          "@context": context,
          "@id": "https://orgraph.dev/test/dora",
          name: "Dora",
          knows: { "@id": "https://orgraph.dev/test/eve", name: "Eve" },
        });
      const result = await page.evaluate(
        async ([allowed, refused, ctx]) => {
          const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
          let bad = "";
          try {
            e.jsonldContexts = { allow: [ctx!], maxCount: 100 };
          } catch (error) {
            bad = (error as Error).message;
          }
          e.jsonldContexts = { allow: [ctx!], maxCount: 2 };
          const summary = await e.load({ text: allowed!, format: "json-ld", name: "own.jsonld" });
          const label = e.graph!.getNodeAttribute("https://orgraph.dev/test/eve", "label");
          const policy = { ...e.jsonldContexts };
          const message = await e
            .load({ text: refused!, format: "json-ld", name: "other.jsonld" })
            .then(
              () => "loaded",
              (error: Error) => error.message,
            );
          const order = e.graph!.order;
          e.jsonldContexts = null;
          return {
            bad,
            triples: summary.triples,
            label,
            policy,
            message,
            order,
            reset: e.jsonldContexts.allow,
          };
        },
        [doc(`${base}/ctx/org.jsonld`), doc(`${base}/other/org.jsonld`), `${base}/ctx/`] as const,
      );
      expect(result.bad).toBe(
        '<orgraph-explorer> property "jsonldContexts": not allowed (maxCount must be a whole number from 0 to 50); allowed: { allow: [http(s) URLs of contexts (one ending in "/" allows all below it)], maxCount, maxBytes, timeoutMs }. Nothing was changed.',
      );
      expect(result.triples).toBe(3);
      expect(result.label).toBe("Eve");
      expect(result.policy).toEqual({
        allow: [`${base}/ctx/`],
        maxCount: 2,
        maxBytes: 1048576,
        timeoutMs: 10000,
      });
      expect(result.message).toMatch(
        new RegExp(
          `^JSON-LD context ${base.replace(/\./g, "\\.")}/other/org\\.jsonld is not allowed; other\\.jsonld may use the bundled contexts \\(schema\\.org, `,
        ),
      );
      // The refused load changed nothing; only the allowed context was fetched.
      expect(result.order).toBe(2);
      expect(served).toEqual(["/ctx/org.jsonld"]);
      expect(result.reset).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("JSON-LD in the widget's IIFE under a strict CSP", () => {
  let host: WidgetHost;
  beforeAll(async () => {
    host = await startWidgetHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  for (const csp of ["strict", "no-workers"] as const) {
    it(`loads JSON-LD ${csp === "strict" ? "in its worker" : "in the page (no workers)"}, no violation, no global`, async () => {
      const p = await browser.context.newPage();
      const errors: string[] = [];
      p.on("pageerror", (error) => errors.push(error.message));
      await p.goto(`${host.url}page.html?bundle=iife&csp=${csp}`);
      await p.waitForFunction(
        () =>
          ((window as unknown as { __probe?: Probe }).__probe?.["orgraph-load"]?.length ?? 0) >= 1,
        null,
        {
          timeout: 30_000,
        },
      );
      const result = await p.evaluate(
        async ([text, acme]) => {
          const e = document.querySelector("#w1") as OrgraphExplorer;
          const probe = (window as unknown as { __probe: Probe }).__probe;
          await e.load({ text: text!, format: "json-ld", name: "org.jsonld" });
          return {
            label: e.graph!.getNodeAttribute(acme!, "label"),
            inWorker: e.lastLoadInWorker,
            globals: Object.keys(window).filter(
              (k) => !probe.globals.includes(k) && k !== "__probe",
            ),
            processor: "JsonLdProcessor" in globalThis,
            violations: probe.violations.filter((v) => v.directive !== "worker-src"),
          };
        },
        [ORG, ACME] as const,
      );
      expect(result).toEqual({
        label: "Acme",
        inWorker: csp === "strict",
        globals: ["Orgraph"],
        processor: false,
        violations: [],
      });
      expect(errors.filter((e) => !/Refused to create a worker|worker-src/.test(e))).toEqual([]);
      await p.close();
    });
  }
});
