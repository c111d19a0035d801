/**
 * The sigma internals that the sliced set-up of a big graph relies on (src/render/renderer.ts,
 * issue 6: the page keeps answering while sigma prepares a big graph). They are private in
 * sigma's types; after a sigma upgrade that moves them the renderer falls back to sigma's one
 * long refresh (the page freezes for seconds on a big load again): this test says so first.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
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
      await import("../../../src/render/sliced-setup");
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
    const { sigmaSlicesSupported } = await import("../../../src/render/sliced-setup");
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

  it("sigma's processing of the data is the one sigma-process.ts does in slices (sigma 4.0.4)", async () => {
    const { default: Sigma } = await import("sigma");
    const { SIGMA_PROCESS_METHODS, SIGMA_PICKING_KINDS, slicedProcessSupported } =
      await import("../../../src/render/sigma-process");
    const proto = Sigma.prototype as unknown as Record<string, unknown>;
    expect(SIGMA_PROCESS_METHODS.filter((k) => typeof proto[k] !== "function")).toEqual([]);
    // processNodes, processEdges and processData are copied step by step (sliced): any change
    // in them (a sigma upgrade) must be looked at there. Their source, fingerprinted.
    const fingerprint = (k: string): string =>
      createHash("sha256").update(String(proto[k])).digest("hex").slice(0, 16);
    expect({
      processNodes: fingerprint("processNodes"),
      processEdges: fingerprint("processEdges"),
      processData: fingerprint("processData"),
    }).toEqual({
      processNodes: "f1709ecadbadbed5",
      processEdges: "b2fe9d8670d8f011",
      processData: "c6a0551d5d8d69f9",
    });
    // The module-private picking helpers they call (resetKind, registerItem), copied too.
    const require = createRequire(import.meta.url);
    const dist = require.resolve("sigma").replace(/[^/\\]+$/, "sigma.esm.js");
    const source = readFileSync(dist, "utf8");
    expect(
      JSON.parse(readFileSync(dist.replace(/dist[/\\].*$/, "package.json"), "utf8")).version,
    ).toBe("4.0.4");
    expect(source).toContain(
      `var KIND_NAMES = ${JSON.stringify(SIGMA_PICKING_KINDS).replace(/,/g, ", ")};`,
    );
    expect(source).toContain(`function registerItem(state, kind, key) {
  var id = state.nextId++;
  state.idsByKind[kind].set(key, id);
  state.lookup[id] = {
    kind: kind,
    key: key
  };
  return id;
}`);
    // An instance not yet set up has its picking state and grids; the prototype alone has not.
    expect(slicedProcessSupported(Sigma.prototype)).toBe(false);
  });

  it("has what the layout ticks' position updates rely on (positions.ts)", async () => {
    const { default: Sigma } = await import("sigma");
    const { SIGMA_POSITION_METHODS, positionUpdatesSupported } =
      await import("../../../src/render/positions");
    const proto = Sigma.prototype as unknown as Record<string, unknown>;
    expect(SIGMA_POSITION_METHODS.filter((k) => typeof proto[k] !== "function")).toEqual([]);
    const require = createRequire(import.meta.url);
    const dir = require.resolve("sigma").replace(/[^/\\]+$/, "");
    const source = readFileSync(`${dir}sigma.esm.js`, "utf8");
    // Sigma's listener of batched node updates (replaced for x/y ones), kept where kill finds it.
    expect(source).toContain(
      `graph.on("eachNodeAttributesUpdated", activeListeners.eachNodeAttributesUpdatedGraphUpdate);`,
    );
    expect(source).toContain(
      `graph.removeListener("eachNodeAttributesUpdated", activeListeners.eachNodeAttributesUpdatedGraphUpdate);`,
    );
    // The node data texture: a node's x and y are the first two of its 8 floats.
    const texture = readdirSync(dir).find((f) => /^edge-data-texture-.*\.esm\.js$/.test(f))!;
    expect(readFileSync(`${dir}${texture}`, "utf8")).toContain(`var offset = index * 2 * 4;
      // Texel 0:
      this.data[offset] = x;
      this.data[offset + 1] = y;`);
    // Node positions reach the programs through that texture only: the node program's vertices
    // hold no position, the edge program's ignore its ends' data.
    const factory = readdirSync(dir).find((f) => /^factory-.*\.esm\.js$/.test(f))!;
    const programs = readFileSync(`${dir}${factory}`, "utf8");
    expect(programs)
      .toContain(`value: function processVisibleItem(nodeIndex, startIndex, data, textureIndex, nodeKey) {
        var _data$opacity;
        var floats = this.floats,
          ints = this.ints;

        // Buffer: a_nodeIndex, a_id and a_opacity
        floats[startIndex++] = textureIndex;`);
    expect(programs).toContain(
      "function processVisibleItem(edgeIndex, startIndex, _sourceData, _targetData, data, edgeTextureIndex)",
    );
    // The prototype alone has no instance's internals (graph, caches, texture, label grids).
    expect(positionUpdatesSupported(Sigma.prototype)).toBe(false);
  });

  it("writes bulk states as incremental.ts's fastStateWrites does (sigma 4.0.4)", async () => {
    const require = createRequire(import.meta.url);
    const dist = require.resolve("sigma").replace(/[^/\\]+$/, "sigma.esm.js");
    const source = readFileSync(dist, "utf8");
    for (const [kind, Kind] of [
      ["node", "Node"],
      ["edge", "Edge"],
    ]) {
      const plural = `${Kind}s`;
      expect(source).toContain(`          var currentState = this.get${Kind}State(key);
          if (!hasNewPartialProps(currentState, state)) continue;
          var newState = _objectSpread2(_objectSpread2({}, currentState), state);
          this.${kind}States.set(key, newState);
          this.dirty${plural}.add(key);
          this.updateHovered${Kind}Tracking(key, currentState, newState);
          changed = true;`);
    }
    expect(source).toContain(`      if (changed) {
        this.graphStateFlagsDirty = true;
        this.scheduleRefresh();
      }`);
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
