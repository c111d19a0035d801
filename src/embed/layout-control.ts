/**
 * The explorer's layout: which layout (ForceAtlas2, circular, by category), its seed, and the
 * run in progress (in the layout worker, or in the page when no worker can be made). The element
 * holds one of these; it owns no graph, it is told which one to lay out.
 */
import type { OrgraphGraph } from "../core/model/types";
import {
  applyPositions,
  DEFAULT_LAYOUT_SEED,
  instantLayout,
  isLayoutMode,
  layoutInput,
  seedPositions,
  type LayoutMode,
} from "../render/layout";
import { startForceLayout, type LayoutRun } from "../render/layout-runner";
import { DEFAULT_RENDERER_SETTINGS } from "../render/settings";
import { timedSync } from "./timing";

/** Up to this many nodes, a force layout is done before the graph shows (see `prepare`). */
export const PREPARE_WAIT_NODES = 2000;
/** How often a big graph's positions are applied while its layout runs (ms). */
const BIG_GRAPH_APPLY_MS = 500;

export type LayoutState = "idle" | "running" | "paused" | "done" | "stopped";

export interface LayoutInfo {
  mode: LayoutMode;
  seed: number;
  status: LayoutState;
  /** Steps done / total of the force layout (0/0 for the instant ones). */
  done: number;
  total: number;
  /** Whether the force layout runs in the worker (false: in the page). */
  inWorker: boolean;
}

export interface LayoutHost {
  /** The graph on screen, if any. */
  graph(): OrgraphGraph | null;
  /** Something shown changed (status, progress). */
  changed(): void;
  /** A run finished (positions final). */
  finished?(info: LayoutInfo): void;
}

export class LayoutControl {
  #mode: LayoutMode = "force";
  #seed = DEFAULT_LAYOUT_SEED;
  #status: LayoutState = "idle";
  #done = 0;
  #total = 0;
  #inWorker = true;
  #run: LayoutRun | null = null;
  #graph: OrgraphGraph | null = null;
  /** Forces the main-thread fallback (tests, and pages known to forbid workers). */
  useWorker = true;
  /** A graph whose positions are held (see `hold`), and the last ones found for it. */
  #held: OrgraphGraph | null = null;
  #pending: { keys: readonly string[]; positions: ArrayLike<number>; finished: boolean } | null =
    null;

  constructor(private readonly host: LayoutHost) {}

  get info(): LayoutInfo {
    return {
      mode: this.#mode,
      seed: this.#seed,
      status: this.#status,
      done: this.#done,
      total: this.#total,
      inWorker: this.#inWorker,
    };
  }

  get mode(): LayoutMode {
    return this.#mode;
  }

  get seed(): number {
    return this.#seed;
  }

  /** Sets the seed for the next run (no run starts). */
  set seed(value: number) {
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) this.#seed = value >>> 0;
  }

  /** Sets the mode for the next run (no run starts). */
  set mode(value: LayoutMode) {
    if (isLayoutMode(value)) this.#mode = value;
  }

  /**
   * Lays `graph` out before it is shown (no animation): the worker computes, the page stays
   * responsive. Resolves once the positions are in the graph. A force layout of a big graph
   * (over PREPARE_WAIT_NODES nodes) is not waited for: the nodes get their seeded start at once
   * (where ForceAtlas2 starts from) and the run refines them on screen. `pause`, when given, is
   * awaited between the seeding and the run's start (each a pass over the whole graph): it
   * yields, and rejects to stop (the run is then not started).
   */
  async prepare(graph: OrgraphGraph, pause?: () => Promise<void>): Promise<void> {
    this.stop();
    if (this.#mode === "force" && graph.order > PREPARE_WAIT_NODES) {
      seedPositions(graph, this.#seed);
      await pause?.();
      void this.#start(graph, true);
      return;
    }
    await this.#start(graph, false);
  }

  /**
   * Holds the positions the run finds for `graph` instead of writing them into it: a renderer
   * is being set up for it apart (a load's graph, before its swap). Each write would restyle
   * and re-process every node of that renderer in one long task (and one arriving during its
   * sliced set-up would be missed). `release` ends the hold.
   */
  hold(graph: OrgraphGraph): void {
    this.#held = graph;
    this.#pending = null;
  }

  /**
   * Ends the hold on `graph`: the last positions held are written (and a finished run
   * reported); with `apply` false (the load was cancelled), they are dropped and the graph's
   * run stops. Nothing when `graph` is not held.
   */
  release(graph: OrgraphGraph, apply = true): void {
    if (this.#held !== graph) return;
    const pending = this.#pending;
    this.#held = null;
    this.#pending = null;
    if (!apply) {
      if (this.#graph === graph && this.#run) {
        this.stop();
        this.#setStatus("stopped", this.#done, this.#total);
      }
      return;
    }
    if (!pending) return;
    applyPositions(graph, pending.keys, pending.positions);
    if (pending.finished) this.host.finished?.(this.info);
  }

  /** Writes positions into `graph`, or keeps them while it is held. */
  #apply(
    graph: OrgraphGraph,
    keys: readonly string[],
    positions: ArrayLike<number>,
    finished = false,
  ): void {
    if (this.#held === graph) {
      this.#pending = { keys, positions, finished: finished || !!this.#pending?.finished };
      return;
    }
    // A tick of the run on screen ("orgraph:layout-apply": tests/bench/main-thread.mjs).
    timedSync("layout-apply", () => applyPositions(graph, keys, positions));
    if (finished) this.host.finished?.(this.info);
  }

  /** Runs a layout on the graph shown, drawing it as it settles. */
  async run(options: { mode?: LayoutMode; seed?: number } = {}): Promise<void> {
    if (options.mode !== undefined) this.mode = options.mode;
    if (options.seed !== undefined) this.seed = options.seed;
    const graph = this.host.graph();
    this.stop();
    if (!graph) return;
    await this.#start(graph, true);
  }

  pause(): void {
    this.#run?.pause();
  }

  resume(): void {
    this.#run?.resume();
  }

  /** Stops the run in progress (positions stay where they are). */
  stop(): void {
    const run = this.#run;
    this.#run = null;
    run?.stop();
  }

  async #start(graph: OrgraphGraph, animate: boolean): Promise<void> {
    this.#graph = graph;
    if (graph.order === 0) {
      this.#setStatus("done", 0, 0);
      return;
    }
    if (this.#mode !== "force") {
      const { keys, positions } = instantLayout(graph, this.#mode, DEFAULT_RENDERER_SETTINGS);
      applyPositions(graph, keys, positions);
      this.#setStatus("done", 0, 0);
      this.host.finished?.(this.info);
      return;
    }
    const input = layoutInput(graph, this.#seed, DEFAULT_RENDERER_SETTINGS);
    // Big graphs: fewer redraws while the layout settles (each one costs the page).
    const every = graph.order > PREPARE_WAIT_NODES ? BIG_GRAPH_APPLY_MS : 0;
    let applied = -Infinity;
    const run = startForceLayout(input, {
      worker: this.useWorker,
      onProgress: (positions, progress) => {
        if (this.#run !== run) return;
        this.#inWorker = run.inWorker;
        const now = performance.now();
        if ((animate && now - applied >= every) || progress.phase === "done") {
          this.#apply(graph, input.keys, positions);
          applied = now;
        }
        this.#done = progress.done;
        this.#total = progress.total;
        if (animate) this.host.changed();
      },
      onStatus: (status) => {
        if (this.#run === run) this.#setStatus(status, this.#done, this.#total);
      },
    });
    this.#run = run;
    this.#inWorker = run.inWorker;
    this.#setStatus("running", 0, 0);
    const positions = await run.result;
    if (this.#run !== run) return;
    this.#run = null;
    if (positions && this.#graph === graph) {
      this.#setStatus("done", this.#total, this.#total);
      this.#apply(graph, input.keys, positions, true);
    }
  }

  #setStatus(status: LayoutState, done: number, total: number): void {
    this.#status = status;
    this.#done = done;
    this.#total = total;
    this.host.changed();
  }
}
