/** Test helper: the built-in dataset, and the statements fixtures, loaded once per file. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadRdf, parseRdf } from "../../../../src/core";
import { repoFile } from "../fixtures";

export const D = "https://orgraph.dev/data/iom-pk-2008/";
export const releaseTrig = repoFile("data/release.trig");
export const releaseText = repoFile("data/release-fr.txt");

export function loadRelease() {
  return loadRdf(releaseTrig, { format: "trig", sourceName: "release.trig" }).graph;
}

export function releaseQuads() {
  return parseRdf(releaseTrig, { format: "trig", sourceName: "release.trig" }).quads;
}

export function statementsFixture(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../fixtures/statements/${name}`, import.meta.url)),
    "utf8",
  );
}
