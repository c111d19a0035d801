/** The claims' quad index built in slices: the same index as the one-shot build, and a cancel stops it. */
import { describe, expect, it } from "vitest";
import {
  indexQuads,
  indexQuadsInSlices,
  type QuadIndex,
} from "../../../../src/core/model/quad-index";
import { parseRdfToStore } from "../../../../src/core/rdf/parse";
import { indexClaims, indexClaimsInSlices } from "../../../../src/core/statements";
import type { Quads } from "../../../../src/core/rdf/quad-store";
import { generateOrgGraph } from "../../../bench/generate";
import { releaseQuads } from "../statements/load";

/** Everything a reader of the index can see, as plain data. */
function snapshot(index: QuadIndex): unknown {
  const subjects = [...new Set([...index.s].map((s) => index.keys[s]!))];
  return {
    length: index.length,
    s: [...index.s],
    p: [...index.p],
    o: [...index.o],
    g: [...index.g],
    keys: index.keys,
    kinds: [...index.kinds],
    predicates: index.predicates,
    graphNames: [...index.graphNames],
    about: subjects.map((s) => index.about(s)),
    objects: subjects.map((s) => index.predicates.map((p) => index.objects(s, p))),
    types: subjects.map((s) => index.typesOf(s)),
    instances: index.predicates.map((p) => index.instancesOf(p)),
    missing: index.about("urn:orgraph:none"),
  };
}

/** A pause that yields and counts its calls. */
function counting(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    pause: async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    calls: () => calls,
  };
}

const generated = parseRdfToStore(generateOrgGraph(20_000, 3).text, { format: "trig" }).quads;

describe("indexQuadsInSlices", () => {
  const inputs: [string, () => Quads][] = [
    ["the release (an array of quads)", () => releaseQuads()],
    ["20k generated triples (a parser's store)", () => generated],
  ];
  for (const [name, quads] of inputs) {
    it(`gives the one-shot index for ${name}, pausing between slices`, async () => {
      const { pause, calls } = counting();
      const sliced = await indexQuadsInSlices(quads(), pause, 0);
      expect(snapshot(sliced)).toEqual(snapshot(indexQuads(quads())));
      expect(calls()).toBeGreaterThan(3);
    });
  }

  it("keeps each subject's quads together, subjects in order of first appearance", async () => {
    const index = await indexQuadsInSlices(generated, () => Promise.resolve(), 0);
    const runs: string[] = [];
    for (let i = 0; i < index.length; i++) {
      const key = index.keys[index.s[i]!]!;
      if (runs.at(-1) !== key) runs.push(key);
    }
    const inInput = [...new Set([...generated].map((q) => q.subject.value))];
    expect(runs.length).toBeGreaterThan(4096);
    // One run per subject (its quads in one range), in the order the input first gives them.
    expect(runs).toEqual(inInput);
    for (const key of inInput.slice(0, 50)) {
      const { start, end } = index.about(key);
      expect(index.keys[index.s[start]!]).toBe(key);
      expect(end - start).toBe([...generated].filter((q) => q.subject.value === key).length);
    }
  });

  it("stops at the first pause that rejects (a cancelled load) and rejects with its error", async () => {
    let calls = 0;
    const stop = new Error("cancelled");
    const pause = (): Promise<void> => (++calls >= 3 ? Promise.reject(stop) : Promise.resolve());
    await expect(indexQuadsInSlices(generated, pause, 0)).rejects.toBe(stop);
    expect(calls).toBe(3);
    // Nothing ran after the rejection.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(3);
  });
});

describe("indexClaimsInSlices", () => {
  it("gives the same provenance as indexClaims", async () => {
    const sliced = await indexClaimsInSlices(releaseQuads(), () => Promise.resolve());
    const once = indexClaims(releaseQuads());
    expect(sliced.provenance).toEqual(once.provenance);
    expect(snapshot(sliced.index)).toEqual(snapshot(once.index));
  });
});
