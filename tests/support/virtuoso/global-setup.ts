/**
 * Vitest global setup: starts one Virtuoso loaded with the release dataset (data/release.trig)
 * and provides its SPARQL endpoint as `inject("virtuosoEndpoint")` (and the graph holding the
 * whole dataset as `inject("virtuosoDataGraph")`). Teardown stops it. A project that needs
 * the endpoint lists this file in its `globalSetup`; when Virtuoso cannot start, the setup
 * fails with the reason (the tests do not skip).
 */
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { installVirtuosoIfMissing, startVirtuoso } from "./virtuoso";

declare module "vitest" {
  export interface ProvidedContext {
    virtuosoEndpoint: string;
    virtuosoDataGraph: string;
  }
}

/** The graph that receives the release's default graph and a copy of all its named graphs. */
export const RELEASE_DATA_GRAPH = "https://orgraph.dev/data/iom-pk-2008/";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  installVirtuosoIfMissing();
  const file = fileURLToPath(new URL("../../../data/release.trig", import.meta.url));
  const server = await startVirtuoso({ data: [{ file, graph: RELEASE_DATA_GRAPH }] });
  if (process.env.ORGRAPH_VIRTUOSO_TIMINGS) {
    console.log(
      `Virtuoso at ${server.endpoint}: up in ${server.timings.startMs} ms, loaded in ${server.timings.loadMs} ms`,
    );
  }
  project.provide("virtuosoEndpoint", server.endpoint);
  project.provide("virtuosoDataGraph", RELEASE_DATA_GRAPH);
  return () => server.stop();
}
