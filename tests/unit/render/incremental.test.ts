/**
 * The bookkeeping behind incremental hover and filter updates at scale (src/render/incremental.ts):
 * state maps that keep their flagged keys, and sigma data textures that upload only the items
 * written. A data texture runs here on a fake WebGL context that keeps the texture's contents:
 * after any sequence of writes, the GPU copy equals sigma's own (unpatched) result, with far
 * fewer bytes sent. The browser test tests/browser/renderer-scale.test.ts runs them in sigma.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  FlaggedStateMap,
  PARTIAL_UPLOAD_MAX_ITEMS,
  uploadDirtyTexels,
} from "../../../src/render/incremental";
import { seededRandom } from "../../../src/core/random";

// Sigma's modules read WebGL constants when they load; Node has no WebGL.
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGL2RenderingContext ??= {};
  g.WebGLRenderingContext ??= {};
});

/** A WebGL context that keeps each texture's contents (RGBA floats), enough for DataTexture. */
class FakeTextureGL {
  readonly TEXTURE0 = 0x84c0;
  readonly TEXTURE_2D = 0x0de1;
  readonly RGBA32F = 0x8814;
  readonly RGBA = 0x1908;
  readonly FLOAT = 0x1406;
  readonly NEAREST = 0x2600;
  readonly CLAMP_TO_EDGE = 0x812f;
  readonly TEXTURE_MIN_FILTER = 0x2801;
  readonly TEXTURE_MAG_FILTER = 0x2800;
  readonly TEXTURE_WRAP_S = 0x2802;
  readonly TEXTURE_WRAP_T = 0x2803;
  textures = new Map<object, { width: number; data: Float32Array }>();
  bound: object | null = null;
  uploadedFloats = 0;
  createTexture(): object {
    return {};
  }
  deleteTexture(t: object): void {
    this.textures.delete(t);
  }
  activeTexture(): void {}
  texParameteri(): void {}
  bindTexture(_target: number, t: object | null): void {
    this.bound = t;
  }
  texImage2D(...a: unknown[]): void {
    const [width, height, data] = [a[3] as number, a[4] as number, a[8] as Float32Array];
    this.textures.set(this.bound!, { width, data: new Float32Array(width * height * 4) });
    this.textures.get(this.bound!)!.data.set(data.subarray(0, width * height * 4));
    this.uploadedFloats += width * height * 4;
  }
  texSubImage2D(...a: unknown[]): void {
    const [x, y, w, h, data] = [a[2], a[3], a[4], a[5], a[8]] as [
      number,
      number,
      number,
      number,
      Float32Array,
    ];
    const t = this.textures.get(this.bound!)!;
    for (let row = 0; row < h; row++) {
      t.data.set(data.subarray(row * w * 4, (row + 1) * w * 4), ((y + row) * t.width + x) * 4);
    }
    this.uploadedFloats += w * h * 4;
  }
}

interface TextureLike {
  data: Float32Array;
  texture: object;
  TEXELS_PER_ITEM: number;
  allocate(key: string): number;
  markDirty(index: number): void;
  upload(): void;
}

let DataTexture: unknown;
beforeAll(async () => {
  ({ DataTexture } = await import("sigma/rendering"));
}, 30_000);

function makeTexture(gl: FakeTextureGL): TextureLike {
  const Ctor = DataTexture as new (gl: unknown, texels: number, cap: number) => TextureLike;
  return new Ctor(gl, 3, 4096);
}

/** The first float where the two textures' GPU copies differ, or -1. */
function firstDifference(
  aGl: FakeTextureGL,
  a: TextureLike,
  bGl: FakeTextureGL,
  b: TextureLike,
): number {
  const x = aGl.textures.get(a.texture)!.data;
  const y = bGl.textures.get(b.texture)!.data;
  if (x.length !== y.length) return 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

/** Writes item `i` (all its texels) with values from `rnd`, as sigma's updateNode does. */
function write(t: TextureLike, i: number, rnd: () => number): void {
  const base = i * t.TEXELS_PER_ITEM * 4;
  for (let k = 0; k < t.TEXELS_PER_ITEM * 4; k++) t.data[base + k] = rnd();
  t.markDirty(i);
}

describe("FlaggedStateMap", () => {
  it("adopts a map in place (same object, same entries) and indexes its flags", () => {
    const states = new Map<string, { isHovered: boolean }>([
      ["a", { isHovered: false }],
      ["b", { isHovered: true }],
    ]);
    const m = FlaggedStateMap.adopt(states, ["isHovered"]);
    expect(m).toBe(states);
    expect(m).toBeInstanceOf(Map);
    expect([...m.keys()]).toEqual(["a", "b"]);
    expect([...m.flagged.isHovered!]).toEqual(["b"]);
    states.set("b", { isHovered: false });
    expect(m.any("isHovered")).toBe(false);
  });

  it("keeps the keys whose state has each flag, through set, replace, delete and clear", () => {
    const m = new FlaggedStateMap(
      ["isHovered", "isHighlighted"],
      [
        ["a", { isHovered: true, isHighlighted: false }],
        ["b", { isHovered: false, isHighlighted: true }],
      ],
    );
    expect([...m.flagged.isHovered!]).toEqual(["a"]);
    expect(m.any("isHighlighted")).toBe(true);
    m.set("a", { isHovered: false, isHighlighted: false });
    m.set("c", { isHovered: true, isHighlighted: true });
    expect([...m.flagged.isHovered!]).toEqual(["c"]);
    expect([...m.flagged.isHighlighted!].sort()).toEqual(["b", "c"]);
    m.delete("c");
    expect(m.any("isHovered")).toBe(false);
    expect(m.get("b")).toEqual({ isHovered: false, isHighlighted: true });
    m.clear();
    expect(m.any("isHighlighted")).toBe(false);
    expect(m.size).toBe(0);
  });
});

describe("uploadDirtyTexels", () => {
  it("uploads only the items written, and the GPU copy equals sigma's own upload", () => {
    const rnd = seededRandom(11);
    const plainGl = new FakeTextureGL();
    const patchedGl = new FakeTextureGL();
    const plain = makeTexture(plainGl);
    const patched = makeTexture(patchedGl);
    expect(uploadDirtyTexels(patched)).toBe(true);
    for (let i = 0; i < 4000; i++) {
      plain.allocate(`n${i}`);
      patched.allocate(`n${i}`);
    }
    plainGl.uploadedFloats = 0;
    patchedGl.uploadedFloats = 0;
    for (let round = 0; round < 20; round++) {
      // A hover's worth of items, spread over the texture (as a node's neighbours are).
      const items = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () =>
        Math.floor(rnd() * 4000),
      );
      const values = seededRandom(round);
      const same = seededRandom(round);
      for (const i of items) write(plain, i, values);
      for (const i of items) write(patched, i, same);
      plain.upload();
      patched.upload();
      expect(firstDifference(patchedGl, patched, plainGl, plain)).toBe(-1);
    }
    expect(patchedGl.uploadedFloats * 20).toBeLessThan(plainGl.uploadedFloats);
  });

  it("uploads the whole texture as sigma does after a resize, or past the item limit", () => {
    const rnd = seededRandom(5);
    const plainGl = new FakeTextureGL();
    const patchedGl = new FakeTextureGL();
    const plain = makeTexture(plainGl);
    const patched = makeTexture(patchedGl);
    uploadDirtyTexels(patched);
    // Past the capacity: sigma resizes (a new texture, the whole range dirty).
    for (let i = 0; i < 5000; i++) {
      plain.allocate(`n${i}`);
      patched.allocate(`n${i}`);
    }
    write(plain, 4999, seededRandom(1));
    write(patched, 4999, seededRandom(1));
    plain.upload();
    patched.upload();
    expect(firstDifference(patchedGl, patched, plainGl, plain)).toBe(-1);
    // Many items at once: one whole upload, same result.
    const items = Array.from({ length: PARTIAL_UPLOAD_MAX_ITEMS + 10 }, () =>
      Math.floor(rnd() * 5000),
    );
    const a = seededRandom(2);
    const b = seededRandom(2);
    for (const i of items) write(plain, i, a);
    for (const i of items) write(patched, i, b);
    plain.upload();
    patched.upload();
    expect(firstDifference(patchedGl, patched, plainGl, plain)).toBe(-1);
  });
});

describe("fastStateWrites", () => {
  /**
   * A state manager with sigma 4.0.4's bulk writes (its setNodesState / setEdgesState, the
   * helpers they call), over maps that may be FlaggedStateMaps.
   */
  function manager(flagged: boolean) {
    const defaults = () => ({ isHovered: false, isHidden: false, isActive: false });
    const nodeStates = flagged
      ? new FlaggedStateMap<Record<string, unknown>>(["isHovered", "isHighlighted"])
      : new Map<string, Record<string, unknown>>();
    const edgeStates = flagged
      ? new FlaggedStateMap<Record<string, unknown>>(["isHovered"])
      : new Map<string, Record<string, unknown>>();
    const sm = {
      nodeStates,
      edgeStates,
      dirtyNodes: new Set<string>(),
      dirtyEdges: new Set<string>(),
      graphStateFlagsDirty: false,
      hovered: null as { kind: string; key: string } | null,
      refreshes: 0,
      getNodeState(key: string) {
        let s = this.nodeStates.get(key);
        if (!s) this.nodeStates.set(key, (s = defaults()));
        return s;
      },
      getEdgeState(key: string) {
        let s = this.edgeStates.get(key);
        if (!s) this.edgeStates.set(key, (s = defaults()));
        return s;
      },
      updateHoveredNodeTracking(
        key: string,
        a: { isHovered?: unknown },
        b: { isHovered?: unknown },
      ) {
        if (a.isHovered === b.isHovered) return;
        if (b.isHovered) this.hovered = { kind: "node", key };
        else if (this.hovered?.key === key) this.hovered = null;
      },
      updateHoveredEdgeTracking(
        key: string,
        a: { isHovered?: unknown },
        b: { isHovered?: unknown },
      ) {
        if (a.isHovered === b.isHovered) return;
        if (b.isHovered) this.hovered = { kind: "edge", key };
        else if (this.hovered?.key === key) this.hovered = null;
      },
      scheduleRefresh() {
        this.refreshes++;
      },
      // Sigma's own: each item's state replaced by a copy with the partial state, when it differs.
      setNodesState(keys: Iterable<string>, partial: Record<string, unknown>) {
        let changed = false;
        for (const key of keys) {
          const current = this.getNodeState(key);
          if (!Object.keys(partial).some((k) => partial[k] !== current[k])) continue;
          const next = Object.assign({}, current, partial);
          this.nodeStates.set(key, next);
          this.dirtyNodes.add(key);
          this.updateHoveredNodeTracking(key, current, next);
          changed = true;
        }
        if (changed) {
          this.graphStateFlagsDirty = true;
          this.scheduleRefresh();
        }
      },
      setEdgesState(keys: Iterable<string>, partial: Record<string, unknown>) {
        let changed = false;
        for (const key of keys) {
          const current = this.getEdgeState(key);
          if (!Object.keys(partial).some((k) => partial[k] !== current[k])) continue;
          const next = Object.assign({}, current, partial);
          this.edgeStates.set(key, next);
          this.dirtyEdges.add(key);
          this.updateHoveredEdgeTracking(key, current, next);
          changed = true;
        }
        if (changed) {
          this.graphStateFlagsDirty = true;
          this.scheduleRefresh();
        }
      },
    };
    return sm;
  }

  it("writes the same states, dirty sets, flags and hovered item as sigma's own writes", async () => {
    const { fastStateWrites } = await import("../../../src/render/incremental");
    const random = seededRandom(5);
    const own = manager(true);
    const fast = manager(true);
    expect(fastStateWrites({ stateManager: fast })).toBe(true);
    const keys = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const partials = [
      { isHidden: true },
      { isHidden: false },
      { isActive: true, isHidden: false },
      { isHovered: true },
      { isHovered: false },
      { isHighlighted: true },
    ];
    for (let round = 0; round < 60; round++) {
      const some = keys.filter(() => random() < 0.3);
      const partial = partials[Math.floor(random() * partials.length)]!;
      const kind = random() < 0.5 ? "setNodesState" : "setEdgesState";
      own[kind](some, partial);
      fast[kind](some, partial);
      expect([...fast.nodeStates]).toEqual([...own.nodeStates]);
      expect([...fast.edgeStates]).toEqual([...own.edgeStates]);
      expect(fast.dirtyNodes).toEqual(own.dirtyNodes);
      expect(fast.dirtyEdges).toEqual(own.dirtyEdges);
      expect(fast.refreshes).toBe(own.refreshes);
      expect(fast.graphStateFlagsDirty).toBe(own.graphStateFlagsDirty);
      expect(fast.hovered).toEqual(own.hovered);
      const flagsOf = (m: Map<string, unknown>) => (m as FlaggedStateMap<object>).flagged;
      expect(flagsOf(fast.nodeStates)).toEqual(flagsOf(own.nodeStates));
      expect(flagsOf(fast.edgeStates)).toEqual(flagsOf(own.edgeStates));
    }
    // An item's new state is a copy: the old object is left as it was.
    const before = fast.getNodeState("k0");
    fast.setNodesState(["k0"], { isActive: !before.isActive });
    expect(fast.getNodeState("k0")).not.toBe(before);
    expect(fast.getNodeState("k0").isActive).toBe(!before.isActive);
  });

  it("changes nothing when sigma's state manager is not as expected", async () => {
    const { fastStateWrites } = await import("../../../src/render/incremental");
    const moved = manager(false) as Record<string, unknown>;
    const setNodesState = moved.setNodesState;
    delete moved.dirtyNodes;
    expect(fastStateWrites({ stateManager: moved })).toBe(false);
    expect(moved.setNodesState).toBe(setNodesState);
    expect(fastStateWrites({})).toBe(false);
  });
});
