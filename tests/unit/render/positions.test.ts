/**
 * The pure parts of the layout ticks' position updates (src/render/positions.ts): the extent of
 * the positions and the fit of the camera to the nodes' sizes and labels, which must be sigma's
 * own (sigma 4.0.4's computeFittedExtent, read from its build and run here side by side): a
 * different fit would frame the graph differently from sigma's own refresh.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  // Sigma's modules read WebGL constants when they load (nothing is drawn here).
  const g = globalThis as Record<string, unknown>;
  g.WebGL2RenderingContext ??= {};
  g.WebGLRenderingContext ??= {};
});

type Extent = { x: [number, number]; y: [number, number] };
type Fit = (input: {
  extent: Extent;
  coords: Record<string, { x: number; y: number }>;
  nodeData: Record<string, { size: number; label?: string }>;
  dimensions: { width: number; height: number };
  stagePadding: number;
  zoomToSizeRatioFunction: (ratio: number) => number;
  itemSizesReference: string;
  fitLabels: boolean;
  nodeLabelBox: (data: unknown, radius: number) => unknown;
}) => Extent;

/** Sigma's module-private computeFittedExtent, with its constants, from its ESM build. */
async function sigmaFit(): Promise<Fit> {
  const require = createRequire(import.meta.url);
  const dist = require.resolve("sigma").replace(/[^/\\]+$/, "sigma.esm.js");
  const source = readFileSync(dist, "utf8");
  const from = source.indexOf("var NULL_CAMERA_STATE = {");
  const to = source.indexOf("// ⌘ is the conventional modifier");
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const utils = await import("sigma/utils");
  const make = new Function(
    "createNormalizationFunction",
    "matrixFromCamera",
    "multiplyVec2",
    `${source.slice(from, to)}\nreturn computeFittedExtent;`,
  ) as (...a: unknown[]) => Fit;
  return make(utils.createNormalizationFunction, utils.matrixFromCamera, utils.multiplyVec2);
}

/** A seeded scatter of `n` nodes with sizes, some labelled. */
function scatter(n: number, seed: number) {
  let s = seed;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const keys = Array.from({ length: n }, (_, i) => `n${i}`);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const nodeData: Record<string, { size: number; label?: string }> = {};
  const coords: Record<string, { x: number; y: number }> = {};
  keys.forEach((k, i) => {
    xs[i] = (rnd() - 0.5) * 800;
    ys[i] = (rnd() - 0.5) * 300;
    coords[k] = { x: xs[i]!, y: ys[i]! };
    nodeData[k] = { size: 2 + rnd() * 10, ...(i % 3 === 0 ? { label: `label ${i}` } : {}) };
  });
  return { keys, xs, ys, nodeData, coords };
}

/** A label box as sigma's: to the right of the node, 7 px per character, 14 px high. */
const labelBox = (data: unknown, radius: number) => {
  const label = (data as { label?: string }).label;
  if (!label) return null;
  return { minX: radius, maxX: radius + 7 * label.length, minY: -7, maxY: 7 };
};

describe("plainExtent", () => {
  it("is the positions' box, or [0, 1] boxes without any", async () => {
    const { plainExtent } = await import("../../../src/render/positions");
    expect(plainExtent([], [])).toEqual({ x: [0, 1], y: [0, 1] });
    expect(plainExtent([3, -2, 5], [1, 9, -4])).toEqual({ x: [-2, 5], y: [-4, 9] });
  });
});

describe("fittedExtentSteps", () => {
  it("gives sigma's own fitted extent, with and without labels, sizes in pixels or positions", async () => {
    const { fittedExtentSteps, plainExtent } = await import("../../../src/render/positions");
    const fit = await sigmaFit();
    const { keys, xs, ys, nodeData, coords } = scatter(1500, 11);
    const dimensions = { width: 700, height: 440 };
    for (const fitLabels of [true, false]) {
      for (const reference of ["screen", "positions"]) {
        const expected = fit({
          extent: plainExtent(xs, ys) as Extent,
          coords,
          nodeData,
          dimensions,
          stagePadding: 30,
          zoomToSizeRatioFunction: Math.sqrt,
          itemSizesReference: reference,
          fitLabels,
          nodeLabelBox: labelBox,
        });
        const steps = fittedExtentSteps({
          keys,
          xs,
          ys,
          extent: plainExtent(xs, ys),
          nodeData,
          labelBox: fitLabels ? labelBox : null,
          zoomToSizeRatio: Math.sqrt,
          sizesInPositions: reference === "positions",
          dimensions,
          stagePadding: 30,
        });
        let yields = 0;
        let step = steps.next();
        while (!step.done) {
          yields++;
          step = steps.next();
        }
        expect(step.value).toEqual(expected);
        // Wider than the positions alone (sizes and labels stick out), and done in steps.
        expect(step.value.x[1]).toBeGreaterThan(plainExtent(xs, ys).x[1]);
        expect(yields).toBeGreaterThanOrEqual(Math.floor(keys.length / 256));
      }
    }
  });

  it("gives the extent it was given when there are no nodes", async () => {
    const { fittedExtentSteps } = await import("../../../src/render/positions");
    const extent = { x: [0, 1] as [number, number], y: [0, 1] as [number, number] };
    const steps = fittedExtentSteps({
      keys: [],
      xs: [],
      ys: [],
      extent,
      nodeData: {},
      labelBox: null,
      zoomToSizeRatio: Math.sqrt,
      sizesInPositions: false,
      dimensions: { width: 10, height: 10 },
      stagePadding: 0,
    });
    expect(steps.next()).toEqual({ done: true, value: extent });
  });
});
