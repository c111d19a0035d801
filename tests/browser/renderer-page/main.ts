/**
 * The page of tests/browser/renderer-scale.test.ts: Orgraph's renderer alone on a seeded graph,
 * with counters of what sigma does for one change (a hover, a selection, a filter) until the
 * frame that shows it is drawn: nodes and edges restyled, full reprocesses of the graph, bytes
 * uploaded to the GPU, and a hash of the pixels drawn. And a layout's tick (positions written
 * into the graph as the layout does) with what it costs, and the node under the pointer.
 */
import { createRenderer, loadScaleKit, type OrgraphRenderer } from "../../../src/render/renderer";
import type { Category, OrgraphGraph } from "../../../src/core/model/types";
import { applyPositions } from "../../../src/render/layout";
import { generate } from "../../bench/frame/graph";

export interface Counts {
  restyledNodes: number;
  restyledEdges: number;
  /** Full passes over every node (sigma's processNodes) or edge (processEdges). */
  reprocessed: number;
  /** Bytes of node and edge data sent to the GPU (vertex buffers, data textures; no labels). */
  uploadedBytes: number;
  /** Hash of the pixels of the frame drawn. */
  pixels: number;
}

export interface NodeLook {
  color: string;
  depth: string;
  labelVisibility: string;
}

let graph: OrgraphGraph | null = null;
let renderer: OrgraphRenderer | null = null;
const counts = {
  restyledNodes: 0,
  restyledEdges: 0,
  reprocessed: 0,
  uploadedBytes: 0,
  evaluatedNodes: 0,
  evaluatedEdges: 0,
};

function sigmaOf(): NonNullable<OrgraphRenderer["sigma"]> {
  const s = renderer?.sigma;
  if (!s) throw new Error("setup() first");
  return s;
}

/** Counts what the sigma instance and its WebGL context do (own properties over their methods). */
function instrument(): void {
  const sigma = sigmaOf() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const wrap = (obj: Record<string, unknown>, name: string, count: (args: unknown[]) => void) => {
    const original = obj[name] as (...a: unknown[]) => unknown;
    obj[name] = function (this: unknown, ...args: unknown[]) {
      count(args);
      return original.apply(this, args);
    };
  };
  wrap(sigma, "refreshNodeState", () => counts.restyledNodes++);
  wrap(sigma, "refreshEdgeState", () => counts.restyledEdges++);
  wrap(sigma, "processNodes", () => counts.reprocessed++);
  wrap(sigma, "processEdges", () => counts.reprocessed++);
  // Every style evaluation of sigma's refresh (its reducers' pass) goes through these.
  wrap(sigma, "addNode", () => counts.evaluatedNodes++);
  wrap(sigma, "addEdge", () => counts.evaluatedEdges++);
  // Uploads count while sigma's node or edge program binds its buffer, or a data texture uploads.
  let graphData = 0;
  const scope = (obj: unknown, name: string) => {
    const o = obj as Record<string, (...a: unknown[]) => unknown>;
    const original = o[name]!;
    o[name] = function (this: unknown, ...args: unknown[]) {
      graphData++;
      try {
        return original.apply(this, args);
      } finally {
        graphData--;
      }
    };
  };
  const internals = sigma as unknown as {
    nodeProgram: unknown;
    edgeProgram: unknown;
    internals: { nodeDataTexture: unknown; edgeDataTexture: unknown };
  };
  scope(internals.nodeProgram, "bindProgram");
  scope(internals.edgeProgram, "bindProgram");
  scope(internals.edgeProgram, "uploadAttributeTexture");
  scope(internals.internals.nodeDataTexture, "upload");
  scope(internals.internals.edgeDataTexture, "upload");
  const gl = sigmaOf().getWebGLContext() as unknown as Record<string, unknown>;
  const bytes = (x: unknown): number =>
    !graphData ? 0 : ArrayBuffer.isView(x) ? x.byteLength : typeof x === "number" ? x : 0;
  wrap(gl, "bufferData", ([, data]) => (counts.uploadedBytes += bytes(data)));
  wrap(gl, "bufferSubData", ([, , data, offset, length]) => {
    if (!graphData) return;
    const view = data as Float32Array;
    const per = ArrayBuffer.isView(view) ? view.BYTES_PER_ELEMENT : 1;
    counts.uploadedBytes +=
      typeof length === "number"
        ? length * per
        : bytes(data) - (typeof offset === "number" ? offset * per : 0);
  });
  wrap(gl, "texSubImage2D", (args) => (counts.uploadedBytes += bytes(args[8])));
  wrap(gl, "texImage2D", (args) => (counts.uploadedBytes += bytes(args[8])));
}

/** FNV-1a of the pixels now in the drawing buffer. */
function pixelHash(): number {
  const gl = sigmaOf().getWebGLContext();
  const { drawingBufferWidth: w, drawingBufferHeight: h } = gl;
  const pixels = new Uint8Array(w * h * 4);
  gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  let hash = 0x811c9dc5;
  for (let i = 0; i < pixels.length; i++) hash = Math.imul(hash ^ pixels[i]!, 0x01000193);
  return hash >>> 0;
}

function reset(): void {
  for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] = 0;
}

/**
 * Runs `act`, then sigma's frame at once (what its scheduled frame does); what it took (since
 * `act`, or since the last reset when `fresh` is false).
 */
function measure(act: () => void, fresh = true): Counts & typeof counts {
  if (fresh) reset();
  act();
  (sigmaOf() as unknown as { render(): void }).render();
  return { ...counts, pixels: pixelHash() };
}

const api = {
  /**
   * Draws a seeded graph; returns its size and a node of middling degree (with its degree).
   * Waits for the labels' glyphs (sigma makes them after a short delay, then redraws), with one
   * hover of another node first so that the edge labels' glyphs are there too.
   */
  async setup(order: number, size: number) {
    renderer?.destroy();
    graph = generate(order, size, 7);
    renderer = createRenderer(document.getElementById("stage")!, graph);
    instrument();
    const g = graph;
    const middling = g.filterNodes((k) => g.degree(k) >= 12 && g.degree(k) <= 24);
    const node = middling[0] ?? g.nodes()[0]!;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    const other = middling[1] ?? g.nodes()[1]!;
    api.hover(other);
    // The first edge labels drawn: sigma makes their glyphs a moment later, then redraws.
    counts.reprocessed = 0;
    await settle();
    const reprocessedForGlyphs = counts.reprocessed;
    api.leave(other);
    await settle();
    return {
      order: g.order,
      size: g.size,
      node,
      neighbours: g.neighbors(node).length,
      edges: g.edges(node).length,
      reprocessedForGlyphs,
      pixels: measure(() => undefined).pixels,
    };
  },
  /** The pointer enters `node` (as sigma's pointer handling does), then one frame. */
  hover(node: string): Counts {
    const sigma = sigmaOf();
    return measure(() => {
      sigma.setNodeState(node, { isHovered: true });
      sigma.emit("enterNode", { node } as never);
    });
  },
  /** The pointer leaves `node`, then one frame. */
  leave(node: string): Counts {
    const sigma = sigmaOf();
    return measure(() => {
      sigma.setNodeState(node, { isHovered: false });
      sigma.emit("leaveNode", { node } as never);
    });
  },
  select(node: string | null): Counts {
    return measure(() => renderer!.select(node));
  },
  /** Hides one category (the legend's toggle) or, with null, shows everything again. */
  hideCategory(category: Category | null): Counts & { hiddenNodes: number; hiddenEdges: number } {
    const g = graph!;
    const nodes = new Set(g.filterNodes((_k, a) => a.category !== category));
    const edges = new Set(g.filterEdges((_k, _a, s, t) => nodes.has(s) && nodes.has(t)));
    const c = measure(() =>
      renderer!.setDisplay({ visible: category === null ? null : { nodes, edges } }),
    );
    return { ...c, hiddenNodes: g.order - nodes.size, hiddenEdges: g.size - edges.size };
  },
  /** Hides every other edge of the nodes of one category (their nodes stay); null: none. */
  hideEdgesOf(category: Category | null): Counts & { hiddenEdges: number } {
    const g = graph!;
    const edges = new Set(
      g.filterEdges(
        (k, _a, s) =>
          category === null || g.getNodeAttribute(s, "category") !== category || k.length % 2 === 0,
      ),
    );
    const nodes = new Set(g.nodes());
    const c = measure(() =>
      renderer!.setDisplay({ visible: category === null ? null : { nodes, edges } }),
    );
    return { ...c, hiddenEdges: g.size - edges.size };
  },
  /** How a node is drawn now. */
  look(node: string): NodeLook {
    const d = sigmaOf().getNodeDisplayData(node) as unknown as NodeLook;
    return { color: d.color, depth: d.depth, labelVisibility: d.labelVisibility };
  },
  /** A node that is not `node` nor one of its neighbours. */
  stranger(node: string): string {
    const g = graph!;
    const near = new Set([node, ...g.neighbors(node)]);
    return g.nodes().find((k) => !near.has(k))!;
  },
  neighbours(node: string): string[] {
    return graph!.neighbors(node);
  },
  /**
   * A layout's tick: every node moved (turned around the centre by `turn` radians and spread
   * by `spread`), written into the graph as the layout does (applyPositions), then, once it is
   * on screen, one frame. What it took, and how many position batches the renderer wrote itself.
   */
  async tick(
    turn: number,
    spread: number,
  ): Promise<Counts & { evaluatedNodes: number; evaluatedEdges: number; applied: number }> {
    const g = graph!;
    const keys = g.nodes();
    const positions = new Float64Array(keys.length * 2);
    const cos = Math.cos(turn);
    const sin = Math.sin(turn);
    keys.forEach((key, i) => {
      const { x, y } = g.getNodeAttributes(key);
      positions[i * 2] = spread * (x * cos - y * sin);
      positions[i * 2 + 1] = spread * (x * sin + y * cos);
    });
    reset();
    applyPositions(g, keys, positions);
    await renderer!.positionsSettled();
    const c = measure(() => undefined, false);
    return { ...c, applied: renderer!.positionUpdates?.applied ?? 0 };
  },
  /**
   * The stage resized to `width` x `height` pixels and the graph framed again for it (what the
   * explorer does when its size changes), then, once that is on screen, one frame.
   */
  async resize(width: number, height: number) {
    const stage = document.getElementById("stage")!;
    stage.style.width = `${width}px`;
    stage.style.height = `${height}px`;
    reset();
    renderer!.reframe();
    await renderer!.positionsSettled();
    const c = measure(() => undefined, false);
    return { ...c, applied: renderer!.positionUpdates?.applied ?? 0 };
  },
  /** Sigma's own full refresh (every item restyled, re-indexed, reprocessed), then one frame. */
  fullRefresh() {
    return measure(() => sigmaOf().refresh({ schedule: true }));
  },
  /**
   * How sigma frames the graph now: its extent, every node's framed position (display data),
   * and its label grid (the candidates of each cell, in order).
   */
  framing() {
    const s = sigmaOf();
    const internals = s as unknown as {
      nodeExtent: unknown;
      labelRenderer: { labelGrid: { cells: Record<string, { key: string }[]> } };
    };
    const xy = graph!.nodes().map((k) => {
      const d = s.getNodeDisplayData(k)!;
      return [d.x, d.y];
    });
    const cells = Object.entries(internals.labelRenderer.labelGrid.cells).map(
      ([cell, list]) => `${cell}:${list.map((c) => c.key).join(",")}`,
    );
    return { extent: internals.nodeExtent, xy, cells };
  },
  /** Where `node` is on the stage now, in the page's pixels (from the graph's x/y). */
  whereIs(node: string): { x: number; y: number } {
    const sigma = sigmaOf();
    const { x, y } = graph!.getNodeAttributes(node);
    const p = sigma.graphToViewport({ x, y });
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  /** Zooms the camera in on `node` (no animation), then one frame. */
  zoomOn(node: string, ratio: number): void {
    const sigma = sigmaOf();
    const d = sigma.getNodeDisplayData(node)!;
    sigma.getCamera().setState({ x: d.x, y: d.y, ratio, angle: 0 });
    (sigma as unknown as { render(): void }).render();
  },
  /** Position batches the renderer wrote itself so far. */
  applied(): number {
    return renderer!.positionUpdates?.applied ?? 0;
  },
  /** The node the renderer reports under the pointer. */
  hovered(): string | null {
    return renderer!.hovered;
  },
  /** A node of the graph with the most neighbours (drawn biggest). */
  biggest(): string {
    const g = graph!;
    return g.nodes().reduce((a, b) => (g.degree(b) > g.degree(a) ? b : a));
  },
};

export type RendererTestApi = typeof api;

// The renderer's scale kit (loaded on demand by the app) is there before the first setup.
void loadScaleKit().then(() => {
  (window as unknown as { rendererTest: RendererTestApi }).rendererTest = api;
});
