/**
 * Orgraph embed: starting one of the bundled workers (the load worker, the SPARQL worker).
 *
 * A worker refused by a CSP (no worker-src 'self'), by a sandbox, or failing to start either
 * throws at `new Worker` or never answers: the start sends a ping and resolves with the worker
 * once its answer comes, else with null (the caller then runs the same code in the page).
 * Messages are routed to the request waiting on their id (`pending`); when the worker stops after
 * its start (a crash, out of memory), every request waiting on it fails with `stopped`'s answer.
 */

export interface WorkerStartOptions<Res extends { id: number }> {
  /**
   * Creates the worker. Each caller constructs it itself, with the worker module's URL written
   * literally next to `import.meta.url`: that form is what Vite (and the library build's
   * lazy-files plugin) bundles as a worker file.
   */
  create: () => Worker;
  /** The requests waiting for an answer, by id (the ping's among them while it waits). */
  pending: Map<number, (message: Res) => void>;
  /** The ping: its id and message. */
  id: number;
  ping: unknown;
  /** Whether a message answering the ping means "up" (true), "down" (false), or is not final (null). */
  answered: (message: Res) => boolean | null;
  timeoutMs: number;
  /**
   * The worker stopped after it started. Returns whether it was the caller's current worker
   * (the caller forgets it); only then do the requests waiting fail.
   */
  onStopped: (worker: Worker) => boolean;
  /** The answer a waiting request gets when the worker stops. */
  stopped: (id: number) => Res;
}

/** The started worker, or null where none can run. */
export function startWorker<Res extends { id: number }>(
  options: WorkerStartOptions<Res>,
): Promise<Worker | null> {
  if (typeof Worker === "undefined") return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = options.create();
  } catch {
    return Promise.resolve(null);
  }
  const { pending, id } = options;
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      worker.removeEventListener("error", onError);
      pending.delete(id);
      if (!ok) worker.terminate();
      resolve(ok ? worker : null);
    };
    const onError = (event: Event): void => {
      event.preventDefault();
      done(false);
    };
    const timer = setTimeout(() => done(false), options.timeoutMs);
    worker.addEventListener("error", onError);
    worker.addEventListener("message", (event: MessageEvent<Res>) => {
      pending.get(event.data.id)?.(event.data);
    });
    worker.addEventListener("error", () => {
      if (!options.onStopped(worker)) return;
      for (const [pid, settle] of [...pending]) settle(options.stopped(pid));
      worker.terminate();
    });
    pending.set(id, (message) => {
      const up = options.answered(message);
      if (up !== null) done(up);
    });
    worker.postMessage(options.ping);
  });
}
