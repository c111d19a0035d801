/** Test helper: the small graph fixture and the built-in release graph, loaded through the core. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadRdf, type OrgraphGraph } from "../../../../src/core/index";

function read(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), "utf8");
}

export const SMALL = "https://example.org/small/";
export const DATA = "https://orgraph.dev/data/iom-pk-2008/";

let small: OrgraphGraph | undefined;
let release: OrgraphGraph | undefined;

/** tests/fixtures/graph/small.trig (one shared instance: tests must not change it). */
export function smallGraph(): OrgraphGraph {
  small ??= loadRdf(read("tests/fixtures/graph/small.trig"), {
    format: "trig",
    sourceName: "small.trig",
  }).graph;
  return small;
}

/** data/release.trig (one shared instance: tests must not change it). */
export function releaseGraph(): OrgraphGraph {
  release ??= loadRdf(read("data/release.trig"), {
    format: "trig",
    sourceName: "release.trig",
  }).graph;
  return release;
}

/** A fresh copy of the release graph text, for tests that need their own instance. */
export function releaseText(): string {
  return read("data/release.trig");
}

/** A deep snapshot of a graph, to check that a function did not change it. */
export function snapshot(graph: OrgraphGraph): string {
  return JSON.stringify(graph.export());
}
