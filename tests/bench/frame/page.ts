/**
 * The Chromium half of the benchmark (built and driven by tests/bench/run.mjs via
 * tests/bench/chromium.ts): Orgraph's renderer (src/render/renderer.ts: styles, states, palette)
 * and bare sigma (its default styles) on the same seeded synthetic graph, side by side in one
 * page. Each measure is one forced, synchronous frame (sigma's `render()`), timed twice: when it
 * returns (main thread), and after a one-pixel `readPixels` (the GPU work, SwiftShader here, done):
 *   - frame: the camera moved a little, then a full frame;
 *   - hover: a node hovered, then the next frame (Orgraph: its neighbourhood in focus);
 *   - filter: one category hidden (Orgraph: `setDisplay({ visible })`; bare: `isHidden` states).
 * Orgraph and bare alternate, repetition after repetition; the driver keeps the medians.
 */
import Sigma from "sigma";
import { createRenderer, loadScaleKit, type OrgraphRenderer } from "../../../src/render/renderer";
import { seededRandom } from "../../../src/core/random";
import { CATEGORIES, type OrgraphGraph } from "../../../src/core/model/types";
import { generate } from "./graph";

export const KINDS = ["orgraph", "bare"] as const;
export type Kind = (typeof KINDS)[number];

export interface BenchSetup {
  nodes: number;
  edges: number;
  setupMs: number;
  /** What the Orgraph renderer decided at this size (what a user sees). */
  hideEdgesOnMove: boolean;
}

interface Bench {
  setup(nodes: number, edges: number, seed: number): BenchSetup;
  /** One frame after a small camera move. */
  frame(kind: Kind): Timing;
  /** Hovers a node of the seeded sample (index i), then one frame. */
  hover(kind: Kind, i: number): Timing;
  /** Hides one category (or shows all again when `show`), then one frame. */
  filter(kind: Kind, show: boolean): Timing;
  destroy(): void;
}

/** Sigma's synchronous frame (what its scheduled frame runs; private in its types). */
function renderNow(sigma: Sigma): void {
  (sigma as unknown as { render(): void }).render();
}

function finish(sigma: Sigma): void {
  const gl = sigma.getWebGLContext();
  const pixel = new Uint8Array(4);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

let graph: OrgraphGraph | null = null;
let orgraph: OrgraphRenderer | null = null;
let bare: Sigma | null = null;
let sample: string[] = [];
let visibleWithout: { nodes: Set<string>; edges: Set<string> } | null = null;
let hiddenNodes: string[] = [];
let hiddenEdges: string[] = [];
let step = 0;

const sigmaOf = (kind: Kind): Sigma => {
  const s = kind === "orgraph" ? (orgraph?.sigma as unknown as Sigma | null) : bare;
  if (!s) throw new Error("bench: setup() first");
  return s;
};

/** A measure: main-thread time (the page is busy), and until the GPU is done (the frame shows). */
export interface Timing {
  cpu: number;
  full: number;
}

/** Times `act` and the synchronous frame that follows it. */
function timed(sigma: Sigma, act: () => void): Timing {
  const t = performance.now();
  act();
  renderNow(sigma);
  const cpu = performance.now() - t;
  finish(sigma);
  return { cpu, full: performance.now() - t };
}

const bench: Bench = {
  setup(nodes, edges, seed) {
    bench.destroy();
    const t = performance.now();
    graph = generate(nodes, edges, seed);
    orgraph = createRenderer(document.getElementById("orgraph")!, graph);
    bare = new Sigma(graph as never, document.getElementById("bare")!);
    finish(sigmaOf("orgraph"));
    finish(bare);
    // Hover sample: nodes of middling degree (a person in an organisation, not a hub).
    const rnd = seededRandom(seed + 1);
    const all = graph.nodes();
    sample = Array.from({ length: 64 }, () => all[Math.floor(rnd() * all.length)]!);
    // The filter: hide the second category (the UI's legend toggle), precomputed for both.
    const hidden = CATEGORIES[1];
    const keepNodes = new Set<string>();
    graph.forEachNode((k, a) => {
      if (a.category !== hidden) keepNodes.add(k);
      else hiddenNodes.push(k);
    });
    const keepEdges = new Set<string>();
    graph.forEachEdge((k, _a, s, tg) => {
      if (keepNodes.has(s) && keepNodes.has(tg)) keepEdges.add(k);
      else hiddenEdges.push(k);
    });
    visibleWithout = { nodes: keepNodes, edges: keepEdges };
    const hideEdgesOnMove = Boolean(sigmaOf("orgraph").getSetting("hideEdgesOnMove"));
    return {
      nodes: graph.order,
      edges: graph.size,
      setupMs: performance.now() - t,
      hideEdgesOnMove,
    };
  },
  frame(kind) {
    const sigma = sigmaOf(kind);
    const camera = sigma.getCamera();
    const state = camera.getState();
    step++;
    return timed(sigma, () =>
      camera.setState({ ...state, x: 0.5 + (step % 2 ? 0.01 : -0.01), ratio: 1 }),
    );
  },
  hover(kind, i) {
    const sigma = sigmaOf(kind);
    const node = sample[i % sample.length]!;
    const ms = timed(sigma, () => {
      // As sigma's pointer handling does: the hovered state, then the event.
      sigma.setNodeState(node, { isHovered: true });
      if (kind === "orgraph") sigma.emit("enterNode", { node } as never);
    });
    sigma.setNodeState(node, { isHovered: false });
    if (kind === "orgraph") sigma.emit("leaveNode", { node } as never);
    renderNow(sigma);
    return ms;
  },
  filter(kind, show) {
    const sigma = sigmaOf(kind);
    return timed(sigma, () => {
      if (kind === "orgraph") orgraph!.setDisplay({ visible: show ? null : visibleWithout });
      else {
        sigma.setNodesState(hiddenNodes, { isHidden: !show });
        sigma.setEdgesState(hiddenEdges, { isHidden: !show });
      }
    });
  },
  destroy() {
    orgraph?.destroy();
    bare?.kill();
    orgraph = null;
    bare = null;
    graph = null;
    sample = [];
    hiddenNodes = [];
    hiddenEdges = [];
    visibleWithout = null;
  },
};

// The renderer's scale kit (loaded on demand by the app) is there before the first setup: the
// bench measures the renderer a big graph gets.
void loadScaleKit().then(() => {
  (window as unknown as { orgraphBench: Bench }).orgraphBench = bench;
});
