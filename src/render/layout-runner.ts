/**
 * Runs the force layout off the main thread: in the project's own Vite-bundled Web Worker
 * (layout.worker.ts), or, where a worker cannot be made (a CSP without worker-src, no Worker at
 * all, a worker that fails to load), on the main thread in small time slices. Both run the same
 * steps (layout-steps.ts), so both give the same positions.
 */
import type { createForceStepper, LayoutInput, LayoutProgress } from "./layout-steps";
import type { FromLayoutWorker, ToLayoutWorker } from "./layout-protocol";

export type LayoutStatus = "running" | "paused" | "done" | "stopped";

export interface LayoutRunOptions {
  /** Positions so far (x, y pairs in the input's key order), after each chunk of steps. */
  onProgress?: (positions: Float64Array, progress: LayoutProgress) => void;
  /** Called whenever the status changes. */
  onStatus?: (status: LayoutStatus) => void;
  /** false: skip the worker and run on the main thread (default: try the worker first). */
  worker?: boolean;
}

export interface LayoutRun {
  /** The final positions, or null when the run was stopped first. */
  readonly result: Promise<Float64Array | null>;
  readonly status: LayoutStatus;
  readonly progress: LayoutProgress;
  /** Whether the steps run in the worker (false: the main-thread fallback). */
  readonly inWorker: boolean;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** How long the main-thread fallback may compute before yielding (ms). */
export const FALLBACK_SLICE_MS = 6;

let nextId = 1;

/** A worker for the layout, or null when the page does not allow one. */
function createLayoutWorker(): Worker | null {
  try {
    if (typeof Worker === "undefined") return null;
    return new Worker(new URL("./layout.worker.ts", import.meta.url), {
      type: "module",
      name: "orgraph-layout",
    });
  } catch {
    // A CSP without worker-src 'self' (or a sandbox) throws here.
    return null;
  }
}

export function startForceLayout(input: LayoutInput, options: LayoutRunOptions = {}): LayoutRun {
  const id = nextId++;
  let status: LayoutStatus = "running";
  let progress: LayoutProgress = { phase: "forceatlas2", done: 0, total: 0 };
  let resolve!: (value: Float64Array | null) => void;
  const result = new Promise<Float64Array | null>((r) => (resolve = r));
  let worker: Worker | null = options.worker === false ? null : createLayoutWorker();
  let heardFromWorker = false;

  // Main-thread fallback state.
  let stepper: ReturnType<typeof createForceStepper> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setStatus = (next: LayoutStatus): void => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  const finish = (positions: Float64Array | null): void => {
    if (status === "done" || status === "stopped") return;
    worker?.terminate();
    worker = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    setStatus(positions ? "done" : "stopped");
    resolve(positions);
  };

  const slice = (): void => {
    timer = null;
    if (!stepper || status !== "running") return;
    const started = performance.now();
    let more: boolean;
    do more = stepper.step();
    while (more && performance.now() - started < FALLBACK_SLICE_MS);
    progress = { ...stepper.progress };
    const positions = stepper.positions();
    if (more) {
      options.onProgress?.(positions, progress);
      timer = setTimeout(slice, 0);
    } else {
      options.onProgress?.(positions, progress);
      finish(positions);
    }
  };

  const startFallback = (): void => {
    worker?.terminate();
    worker = null;
    // The steps (ForceAtlas2, noverlap) load on demand: the page needs them only here.
    import("./layout-steps").then(
      ({ createForceStepper }) => {
        if (status === "done" || status === "stopped") return;
        stepper = createForceStepper(input);
        progress = { ...stepper.progress };
        if (status === "running" && timer === null) timer = setTimeout(slice, 0);
      },
      (error: unknown) => {
        console.error("Orgraph layout: the layout steps could not load", error);
        finish(null);
      },
    );
  };

  if (worker) {
    const w = worker;
    w.addEventListener("message", (event: MessageEvent<FromLayoutWorker>) => {
      const data = event.data;
      if (data.id !== id || worker !== w) return;
      heardFromWorker = true;
      if (data.type === "error") {
        // A bug in the steps would fail on the main thread too: report it as a stopped run.
        console.error(`Orgraph layout worker: ${data.message}`);
        finish(null);
        return;
      }
      progress = data.progress;
      options.onProgress?.(data.positions, data.progress);
      if (data.type === "done") finish(data.positions);
    });
    w.addEventListener("error", (event) => {
      event.preventDefault();
      // The worker script could not load (e.g. blocked): carry on in the page.
      if (worker === w && !heardFromWorker) startFallback();
      else if (worker === w) finish(null);
    });
    const message: ToLayoutWorker = { type: "start", id, input };
    w.postMessage(message);
  } else {
    startFallback();
  }

  const send = (message: ToLayoutWorker): void => worker?.postMessage(message);

  return {
    result,
    get status() {
      return status;
    },
    get progress() {
      return progress;
    },
    get inWorker() {
      return worker !== null;
    },
    pause() {
      if (status !== "running") return;
      setStatus("paused");
      if (worker) send({ type: "pause", id });
      else if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    },
    resume() {
      if (status !== "paused") return;
      setStatus("running");
      if (worker) send({ type: "resume", id });
      else if (stepper && timer === null) timer = setTimeout(slice, 0);
    },
    stop() {
      send({ type: "stop", id });
      finish(null);
    },
  };
}
