/**
 * Orgraph core: the SPARQL worker's entry. Create it with
 * `new Worker(new URL("../core/sparql/worker.ts", import.meta.url), { type: "module" })`, post
 * `SparqlWorkerRequest`s and read `SparqlWorkerResponse`s (see protocol.ts).
 */
import {
  createSparqlHandler,
  type SparqlWorkerRequest,
  type SparqlWorkerResponse,
} from "./protocol";

/** The part of a worker's global scope used here (src/core builds without the DOM library). */
interface WorkerScope {
  postMessage(message: SparqlWorkerResponse, transfer?: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: { data: SparqlWorkerRequest }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createSparqlHandler((message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);
scope.addEventListener("message", (event) => {
  void handle(event.data);
});
