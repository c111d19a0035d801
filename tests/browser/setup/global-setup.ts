/**
 * Browser-test global setup: builds the app with Vite (dist/app, as `npm run build` does) and the
 * widget library (dist/lib, without its type declarations), serves
 * it with `vite preview` on a free port of 127.0.0.1, and provides its URL to the tests as
 * `inject("baseUrl")`. Teardown closes the server.
 */
import { createServer } from "node:net";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest sets NODE_ENV=test, which would make Vite resolve the "development" export
  // conditions (Lit's dev build). Build exactly what `npm run build` ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ logLevel: "warn", mode: "production" });
    // The widget library (dist/lib), as `npm run build:lib` builds it (its three Vite builds).
    for (const mode of ["lazy", "es", "iife"]) {
      await build({ configFile: "src/embed/vite.lib.config.ts", mode, logLevel: "warn" });
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server: PreviewServer = await preview({
    logLevel: "warn",
    preview: { host: "127.0.0.1", port, strictPort: true, open: false },
  });
  project.provide("baseUrl", `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
