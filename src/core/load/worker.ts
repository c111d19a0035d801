/**
 * Orgraph core: the load worker's entry. Create it with
 * `new Worker(new URL("../core/load/worker.ts", import.meta.url), { type: "module" })`, post
 * `WorkerRequest`s and read `WorkerResponse`s (see protocol.ts).
 */
import { createLoadHandler } from "./handler";
import type { WorkerRequest, WorkerResponse } from "./protocol";

/** The part of a worker's global scope used here (src/core builds without the DOM library). */
interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: { data: WorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createLoadHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener("message", (event) => {
  void handle(event.data);
});
