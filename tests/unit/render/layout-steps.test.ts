import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../src/core";
import { instantLayout, layoutGraph, layoutInput } from "../../../src/render/layout";
import { createForceStepper, runForceLayout } from "../../../src/render/layout-steps";
import { startForceLayout } from "../../../src/render/layout-runner";
import { safeFileName, sourceStem } from "../../../src/ui/download";

const RELEASE = readFileSync(new URL("../../../data/release.trig", import.meta.url), "utf8");
const graph = () => loadRdf(RELEASE, { format: "trig" }).graph;

describe("force layout steps", () => {
  it("same data and seed: the same positions, bit for bit", () => {
    expect(runForceLayout(layoutInput(graph(), 7))).toEqual(
      runForceLayout(layoutInput(graph(), 7)),
    );
  });

  it("another seed gives another picture", () => {
    const a = runForceLayout(layoutInput(graph(), 1));
    const b = runForceLayout(layoutInput(graph(), 2));
    expect(a).not.toEqual(b);
  });

  it("reports progress through both phases and ends", () => {
    const stepper = createForceStepper(layoutInput(graph(), 1));
    const phases = new Set<string>();
    let steps = 0;
    while (stepper.step()) {
      phases.add(stepper.progress.phase);
      steps++;
      expect(stepper.progress.done).toBeLessThanOrEqual(stepper.progress.total);
    }
    expect(phases).toEqual(new Set(["forceatlas2", "noverlap"]));
    expect(stepper.progress.phase).toBe("done");
    expect(steps).toBeGreaterThan(10);
    expect(stepper.step()).toBe(false);
  });

  it("layoutGraph writes the stepper's positions", () => {
    const g = graph();
    const input = layoutInput(g, 3);
    const expected = runForceLayout(input);
    layoutGraph(g, undefined, 3);
    input.keys.forEach((key, i) => {
      expect(g.getNodeAttribute(key, "x")).toBe(expected[i * 2]);
      expect(g.getNodeAttribute(key, "y")).toBe(expected[i * 2 + 1]);
    });
  });

  it("the main-thread fallback (no Worker in Node) gives the same positions, and pauses", async () => {
    const input = layoutInput(graph(), 5);
    const progress: number[] = [];
    const run = startForceLayout(input, { onProgress: (_p, pr) => progress.push(pr.done) });
    expect(run.inWorker).toBe(false);
    run.pause();
    expect(run.status).toBe("paused");
    await new Promise((r) => setTimeout(r, 20));
    const before = progress.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(progress.length).toBe(before);
    run.resume();
    const positions = await run.result;
    expect(run.status).toBe("done");
    expect(positions).toEqual(runForceLayout(input));
    expect(progress.length).toBeGreaterThan(0);
  });

  it("a stopped run resolves with null", async () => {
    const run = startForceLayout(layoutInput(graph(), 5));
    run.stop();
    expect(await run.result).toBeNull();
    expect(run.status).toBe("stopped");
  });
});

describe("instant layouts", () => {
  it("circular and by-category are deterministic and put every node somewhere distinct", () => {
    for (const mode of ["circular", "category"] as const) {
      const a = instantLayout(graph(), mode);
      const b = instantLayout(graph(), mode);
      expect(a).toEqual(b);
      const points = new Set<string>();
      for (let i = 0; i < a.keys.length; i++) {
        points.add(`${a.positions[i * 2]},${a.positions[i * 2 + 1]}`);
      }
      expect(points.size).toBe(a.keys.length);
    }
  });

  it("by category: one column band per category, in legend order", () => {
    const g = graph();
    const { keys, positions } = instantLayout(g, "category");
    const xs = new Map<string, number[]>();
    keys.forEach((key, i) => {
      const c = g.getNodeAttribute(key, "category");
      xs.set(c, [...(xs.get(c) ?? []), positions[i * 2]!]);
    });
    const bands = [...xs.values()].map((v) => [Math.min(...v), Math.max(...v)] as const);
    bands.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < bands.length; i++) expect(bands[i]![0]).toBeGreaterThan(bands[i - 1]![1]);
  });
});

describe("download names", () => {
  it("are safe file names", () => {
    expect(safeFileName("orgraph-release-view", "png")).toBe("orgraph-release-view.png");
    expect(safeFileName("../../Ministère de l'Intérieur<>", "TTL")).toBe(
      "ministere-de-l-interieur.ttl",
    );
    expect(safeFileName("", "")).toBe("orgraph.bin");
    expect(safeFileName("x".repeat(300), "csv")).toHaveLength(84);
  });

  it("take the data source's stem", () => {
    expect(sourceStem("release.trig")).toBe("release");
    expect(sourceStem("https://example.org/data/org.ttl?x=1")).toBe("org");
    expect(sourceStem(null)).toBe("graph");
  });
});
