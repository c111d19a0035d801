/**
 * The object layouts kept between loads (src/core/shapes.ts): the first load keeps the objects of
 * one small load (its quad store and graph, the fast reader, the term tables, the quad index and
 * the model builder), once; a later load keeps nothing more.
 */
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../src/core/index";
import { keepShape, keepShapesOf, keptShapeCount } from "../../../src/core/shapes";

describe("layouts kept between loads", () => {
  it("keeps the objects of one small load after the first load, and no more after others", () => {
    loadRdf("<http://a/s> <http://a/p> <http://a/o> .", { format: "n-triples" });
    const first = keptShapeCount();
    // The store and graph, the reader and its four term tables, the term factory, the quad
    // store builder, the index and the builder, at least.
    expect(first).toBeGreaterThanOrEqual(10);
    loadRdf("<http://a/s> <http://a/p> <http://a/o2> .", { format: "n-triples" });
    expect(keptShapeCount()).toBe(first);
    // keepShape outside keepShapesOf keeps nothing.
    keepShape({});
    expect(keptShapeCount()).toBe(first);
  });

  it("runs its load once: a later call neither runs it nor throws", () => {
    let runs = 0;
    keepShapesOf(() => {
      runs++;
      throw new Error("not run");
    });
    expect(runs).toBe(0);
  });
});
