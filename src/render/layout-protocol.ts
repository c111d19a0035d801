/** Messages between the main thread and the layout worker (layout.worker.ts). */
import type { LayoutInput, LayoutProgress } from "./layout-steps";

export type ToLayoutWorker =
  | { type: "start"; id: number; input: LayoutInput }
  | { type: "pause"; id: number }
  | { type: "resume"; id: number }
  | { type: "stop"; id: number };

export type FromLayoutWorker =
  /** Positions so far (x, y pairs in the input's key order) after a chunk of steps. */
  | { type: "progress"; id: number; progress: LayoutProgress; positions: Float64Array }
  | { type: "done"; id: number; progress: LayoutProgress; positions: Float64Array }
  | { type: "error"; id: number; message: string };
