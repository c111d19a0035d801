/**
 * The iframe route (issue 5): a host page on one origin (127.0.0.1) embeds dist/app/embed.html
 * from another (localhost) in `<iframe sandbox="allow-scripts">`; the frame accepts messages
 * only from its allow-origin, in a known shape, and posts to that origin by name.
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const DIST = new URL("../../dist/app/", import.meta.url).pathname;
const LAGON = "https://orgraph.dev/data/iom-pk-2008/lagon";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".trig": "application/trig",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".ttl": "text/turtle",
};

let server: Server;
let port = 0;
let browser: LaunchedBrowser;

function hostPage(frameSrc: string): string {
  return `<!doctype html><html><body><iframe id="f" sandbox="allow-scripts" width="900" height="600" src="${frameSrc}"></iframe><script src="/host.js"></script></body></html>`;
}
const HOST_JS = `window.received = [];
window.addEventListener("message", (e) => window.received.push({ origin: e.origin, data: e.data }));
window.sendToFrame = (m) => document.getElementById("f").contentWindow.postMessage(m, "*");`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/host.html") {
      res.writeHead(200, { "content-type": TYPES[".html"]! });
      res.end(hostPage(url.searchParams.get("frame") ?? ""));
      return;
    }
    if (url.pathname === "/host.js") {
      res.writeHead(200, { "content-type": TYPES[".js"]! });
      res.end(HOST_JS);
      return;
    }
    const path = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!path.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => {
        res.writeHead(200, {
          "content-type": TYPES[extname(path)] ?? "application/octet-stream",
          "access-control-allow-origin": "*",
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  browser = await launchChromium({ locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(hostOrigin: string, allow: string): Promise<Page> {
  const frame = `http://localhost:${port}/embed.html?lang=en&allow-origin=${encodeURIComponent(allow)}`;
  const page = await browser.context.newPage();
  await page.goto(`${hostOrigin}/host.html?frame=${encodeURIComponent(frame)}`);
  return page;
}

const received = (p: Page) =>
  p.evaluate(
    () =>
      (
        window as unknown as {
          received: { origin: string; data: { type: string; key?: string } }[];
        }
      ).received,
  );

describe("embed.html in a sandboxed iframe", () => {
  it("reports ready/load to the allowed origin and obeys its select message", async () => {
    const host = `http://127.0.0.1:${port}`;
    const page = await open(host, host);
    await page.waitForFunction(
      () =>
        (window as unknown as { received: { data: { type: string } }[] }).received.some(
          (m) => m.data.type === "orgraph:ready",
        ),
      null,
      { timeout: 30_000 },
    );
    const first = await received(page);
    expect(first.map((m) => m.data.type)).toContain("orgraph:load");
    // The frame is sandboxed: its origin is "null".
    expect(first.every((m) => m.origin === "null")).toBe(true);

    // Malformed and unknown messages are ignored.
    await page.evaluate(() => {
      const send = (window as unknown as { sendToFrame: (m: unknown) => void }).sendToFrame;
      send({ type: "orgraph:select", key: 42 });
      send({ type: "orgraph:select", key: "x", extra: 1 });
      send("orgraph:select");
      send({ type: "orgraph:evil" });
    });
    await page.waitForTimeout(300);
    expect((await received(page)).filter((m) => m.data.type === "orgraph:select")).toEqual([]);

    await page.evaluate(
      (key) =>
        (window as unknown as { sendToFrame: (m: unknown) => void }).sendToFrame({
          type: "orgraph:select",
          key,
        }),
      LAGON,
    );
    await page.waitForFunction(() =>
      (window as unknown as { received: { data: { type: string } }[] }).received.some(
        (m) => m.data.type === "orgraph:select",
      ),
    );
    const select = (await received(page)).find((m) => m.data.type === "orgraph:select")!;
    expect(select.data.key).toBe(LAGON);
    const frame = page.frames().find((f) => f.parentFrame() !== null)!;
    expect(
      await frame.evaluate(
        () =>
          (document.querySelector("orgraph-explorer") as unknown as { selected: string }).selected,
      ),
    ).toBe(LAGON);
    await page.close();
  });

  it("ignores messages from an origin it does not allow, and sends it nothing", async () => {
    const page = await open(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
    const frame = await (async () => {
      for (let i = 0; i < 100; i++) {
        const f = page.frames().find((x) => x.parentFrame() !== null);
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error("no frame");
    })();
    await frame.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as unknown as { graph: unknown })?.graph,
      null,
      {
        timeout: 30_000,
      },
    );
    await page.evaluate(
      (key) =>
        (window as unknown as { sendToFrame: (m: unknown) => void }).sendToFrame({
          type: "orgraph:select",
          key,
        }),
      LAGON,
    );
    await page.waitForTimeout(500);
    expect(
      await frame.evaluate(
        () =>
          (document.querySelector("orgraph-explorer") as unknown as { selected: string | null })
            .selected,
      ),
    ).toBe(null);
    expect(await received(page)).toEqual([]);
    await page.close();
  });
});
