/**
 * The sigma internals that the sliced set-up of a big graph relies on (src/render/renderer.ts,
 * issue 6: the page keeps answering while sigma prepares a big graph). They are private in
 * sigma's types; after a sigma upgrade that moves them the renderer falls back to sigma's one
 * long refresh (the page freezes for seconds on a big load again): this test says so first.
 */
import { beforeAll, describe, expect, it } from "vitest";

// Sigma's modules read WebGL constants when they load; Node has no WebGL (its values do not
// matter here: nothing is drawn).
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGL2RenderingContext ??= {};
  g.WebGLRenderingContext ??= {};
});

describe("sigma's internals for the sliced set-up", () => {
  it("are on sigma's prototype: indices, processing, per-item writes and render", async () => {
    const { default: Sigma } = await import("sigma");
    const { SIGMA_SLICED_METHODS, sigmaSlicesSupported } =
      await import("../../../src/render/renderer");
    const proto = Sigma.prototype as unknown as Record<string, unknown>;
    const missing = SIGMA_SLICED_METHODS.filter((k) => typeof proto[k] !== "function");
    expect(missing).toEqual([]);
    expect(sigmaSlicesSupported(Sigma.prototype)).toBe(true);
    // processData's fit of the camera and its helpers, read by fitExtentInSlices.
    for (const k of ["computeNodeExtent", "getDimensions", "getStagePadding", "processNodes"]) {
      expect(typeof proto[k], k).toBe("function");
    }
  });

  it("are refused when one is missing (the set-up then falls back to one plain refresh)", async () => {
    const { sigmaSlicesSupported } = await import("../../../src/render/renderer");
    const { default: Sigma } = await import("sigma");
    const moved = Object.create(Sigma.prototype as object) as Record<string, unknown>;
    moved.addNodeToProgram = undefined;
    expect(sigmaSlicesSupported(moved)).toBe(false);
  });

  it("sigma/utils still exports the framing helpers that sigma's fit uses", async () => {
    const utils = await import("sigma/utils");
    const extent = { x: [0, 10] as [number, number], y: [0, 20] as [number, number] };
    const normalize = utils.createNormalizationFunction(extent);
    // The longest side maps to [0, 1], centred on 0.5.
    expect(normalize({ x: 5, y: 10 })).toEqual({ x: 0.5, y: 0.5 });
    expect(normalize({ x: 5, y: 20 })).toEqual({ x: 0.5, y: 1 });
    const matrix = utils.matrixFromCamera(
      { x: 0.5, y: 0.5, angle: 0, ratio: 1 },
      { width: 100, height: 100 },
      { width: 10, height: 20 },
      0,
    );
    const centre = utils.multiplyVec2(matrix, { x: 0.5, y: 0.5 });
    expect(centre.x).toBeCloseTo(0);
    expect(centre.y).toBeCloseTo(0);
  });

  it("has the data texture and program methods that incremental uploads wrap", async () => {
    // src/render/incremental.ts: without them a hover re-uploads whole textures and buffers.
    const { DataTexture, Program } = await import("sigma/rendering");
    const texture = DataTexture.prototype as unknown as Record<string, unknown>;
    for (const k of ["markDirty", "upload", "resize", "clear"]) {
      expect(typeof texture[k], k).toBe("function");
    }
    const program = Program.prototype as unknown as Record<string, unknown>;
    for (const k of ["reallocate", "invalidateBuffers", "bindProgram"]) {
      expect(typeof program[k], k).toBe("function");
    }
  });
});
