import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../src/core";
import { degreeSizes, layoutGraph } from "../../../src/render/layout";
import {
  DEFAULT_RENDERER_SETTINGS,
  RendererSettingsError,
  resolveRendererSettings,
} from "../../../src/render/settings";
import { CATEGORY_COLORS, legendEntries } from "../../../src/render/palette";

const RELEASE = readFileSync(new URL("../../../data/release.trig", import.meta.url), "utf8");

function positions(text: string): Record<string, [number, number]> {
  const { graph } = loadRdf(text, { format: "trig" });
  layoutGraph(graph);
  const result: Record<string, [number, number]> = {};
  graph.forEachNode((key, { x, y }) => (result[key] = [x, y]));
  return result;
}

describe("layoutGraph", () => {
  it("gives the same picture every time", () => {
    expect(positions(RELEASE)).toEqual(positions(RELEASE));
  });

  it("leaves no overlapping nodes and touches nothing but x/y", () => {
    const { graph } = loadRdf(RELEASE, { format: "trig" });
    const before = graph.export();
    layoutGraph(graph);
    const after = graph.export();
    const strip = (nodes: typeof before.nodes) =>
      nodes.map(({ key, attributes }) => {
        const rest: Record<string, unknown> = { ...attributes };
        delete rest.x;
        delete rest.y;
        return { key, rest };
      });
    expect(strip(after.nodes)).toEqual(strip(before.nodes));
    expect(after.edges).toEqual(before.edges);

    const xs: number[] = [];
    const ys: number[] = [];
    graph.forEachNode((_key, { x, y }) => (xs.push(x), ys.push(y)));
    const unitsPerPixel =
      Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 700;
    const sizes = degreeSizes(graph);
    const nodes = graph.nodes();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = graph.getNodeAttributes(nodes[i]!);
        const b = graph.getNodeAttributes(nodes[j]!);
        const gap =
          Math.hypot(a.x - b.x, a.y - b.y) / unitsPerPixel -
          sizes.get(nodes[i]!)! -
          sizes.get(nodes[j]!)!;
        expect(gap).toBeGreaterThan(0);
      }
    }
  });
});

describe("renderer settings", () => {
  it("defaults validate", () => {
    expect(resolveRendererSettings()).toEqual(DEFAULT_RENDERER_SETTINGS);
  });

  it("says which setting is wrong and why", () => {
    expect(() => resolveRendererSettings({ labelDensity: -1 })).toThrow(
      /"labelDensity" must be a number between 0 and 100, got -1/,
    );
    expect(() => resolveRendererSettings({ minNodeSize: 20, maxNodeSize: 10 })).toThrow(
      RendererSettingsError,
    );
    expect(() =>
      resolveRendererSettings({ nope: 1 } as unknown as Parameters<
        typeof resolveRendererSettings
      >[0]),
    ).toThrow(/Unknown renderer setting "nope"/);
  });
});

describe("legendEntries", () => {
  it("lists the release's categories with counts and palette colours", () => {
    const { graph } = loadRdf(RELEASE, { format: "trig" });
    const entries = legendEntries(graph);
    expect(entries.reduce((sum, e) => sum + e.count, 0)).toBe(graph.order);
    for (const entry of entries) expect(entry.color).toBe(CATEGORY_COLORS[entry.category]);
  });
});
