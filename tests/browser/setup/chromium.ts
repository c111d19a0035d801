/**
 * Where the browser tests find Chromium, and how they launch it.
 *
 * Order: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the binary shipped (brotli-packed)
 * inside the @sparticuz/chromium dev dependency. WebGL 2 (needed by sigma 4) runs on SwiftShader:
 * no GPU is required.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export interface ChromiumBinary {
  executablePath: string;
  /** Extra flags the binary needs (those of @sparticuz/chromium when it is the one used). */
  args: string[];
}

/** Flags every launch gets: headless, no sandbox (containers), software WebGL, nothing phoning home. */
export const BASE_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--enable-unsafe-swiftshader",
  "--use-angle=swiftshader",
] as const;

export async function findChromium(): Promise<ChromiumBinary> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return { executablePath: fromEnv, args: [] };
  if (existsSync("/usr/bin/chromium")) return { executablePath: "/usr/bin/chromium", args: [] };
  const sparticuz = (await import("@sparticuz/chromium")).default;
  return { executablePath: await sparticuz.executablePath(), args: [...sparticuz.args] };
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile directory; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launches a fresh headless Chromium with its own throw-away user-data-dir. Playwright refuses a
 * `--user-data-dir` flag on `launch()`, so the profile goes through `launchPersistentContext`.
 */
export async function launchChromium(
  options: {
    viewport?: { width: number; height: number };
    /** The browser's language (navigator.language); the page's UI follows it. Default fr-FR. */
    locale?: string;
  } = {},
): Promise<LaunchedBrowser> {
  const binary = await findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), "orgraph-chromium-"));
  // Playwright adds its own --headless: drop sparticuz's variant so only one remains. Also drop
  // its web-security relaxations, so that tests see the same CORS/mixed-content rules as users.
  const dropped = ["--headless", "--disable-web-security", "--allow-running-insecure-content"];
  const args = [
    ...new Set([...binary.args.filter((a) => !dropped.some((d) => a.startsWith(d))), ...BASE_ARGS]),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: binary.executablePath,
    args,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? "fr-FR",
  });
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
