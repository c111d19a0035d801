/** Shared helpers of the browser tests: open the built page, record explorer events, read pixels. */
import type { BrowserContext, Page } from "playwright-core";

export interface RecordedEvent {
  type: string;
  detail: unknown;
}

declare global {
  interface Window {
    __orgraphEvents: RecordedEvent[];
  }
}

/** Opens the built page with an event recorder installed before any script runs. */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__orgraphEvents = [];
    for (const type of ["orgraph-load", "orgraph-error", "orgraph-select"]) {
      document.addEventListener(type, (event) => {
        window.__orgraphEvents.push({ type, detail: (event as CustomEvent).detail });
      });
    }
  });
  await page.goto(url);
  return page;
}

/** Waits until `count` events of `type` were recorded; returns them. */
export async function waitForEvents(page: Page, type: string, count = 1): Promise<RecordedEvent[]> {
  await page.waitForFunction(
    ([t, n]) => window.__orgraphEvents.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const,
    { timeout: 30_000 },
  );
  return page.evaluate((t) => window.__orgraphEvents.filter((e) => e.type === t), type);
}

/** Text of the element's details panel. */
export function panelText(page: Page): Promise<string> {
  return page.locator("orgraph-explorer .panel").innerText();
}

/**
 * Counts pixels of a PNG screenshot that differ from white, decoding it in the page (no PNG
 * library needed in Node).
 */
export async function countInkPixels(
  page: Page,
  png: Buffer,
): Promise<{ ink: number; total: number }> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++;
    }
    return { ink, total: bitmap.width * bitmap.height };
  }, png.toString("base64"));
}
