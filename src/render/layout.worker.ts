/**
 * The layout Web Worker, bundled by Vite as its own file (never a blob: URL, which a strict CSP
 * forbids). It runs the seeded ForceAtlas2 + noverlap stepper (layout-steps.ts) and posts the
 * positions back after every chunk of steps, so the page can draw the layout as it settles;
 * `pause` / `resume` / `stop` take effect between chunks.
 */
import { createForceStepper, type ForceStepper } from "./layout-steps";
import type { FromLayoutWorker, ToLayoutWorker } from "./layout-protocol";

interface WorkerScope {
  postMessage(message: FromLayoutWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToLayoutWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

/** How long one chunk of steps may run before positions are posted (ms). */
const CHUNK_MS = 16;

let current: { id: number; stepper: ForceStepper; paused: boolean } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  if (timer === null) timer = setTimeout(run, 0);
}

function run(): void {
  timer = null;
  const job = current;
  if (!job || job.paused) return;
  try {
    const started = performance.now();
    let more: boolean;
    do more = job.stepper.step();
    while (more && performance.now() - started < CHUNK_MS);
    const positions = job.stepper.positions();
    const progress = { ...job.stepper.progress };
    if (more) {
      scope.postMessage({ type: "progress", id: job.id, progress, positions }, [positions.buffer]);
      schedule();
    } else {
      scope.postMessage({ type: "done", id: job.id, progress, positions }, [positions.buffer]);
      current = null;
    }
  } catch (error) {
    scope.postMessage({
      type: "error",
      id: job.id,
      message: error instanceof Error ? error.message : String(error),
    });
    current = null;
  }
}

scope.addEventListener("message", ({ data }) => {
  switch (data.type) {
    case "start":
      current = { id: data.id, stepper: createForceStepper(data.input), paused: false };
      schedule();
      break;
    case "pause":
      if (current?.id === data.id) current.paused = true;
      break;
    case "resume":
      if (current?.id === data.id && current.paused) {
        current.paused = false;
        schedule();
      }
      break;
    case "stop":
      if (current?.id === data.id) current = null;
      break;
  }
});
