/**
 * startWorker (src/embed/worker-start.ts) with a fake Worker: the ping decides between the worker
 * and the page, and a worker that stops fails the requests waiting on it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startWorker } from "../../../src/embed/worker-start";

interface Msg {
  id: number;
  type: string;
}

/** A worker that answers a ping with `reply` (or nothing), recording what it was sent. */
class FakeWorker extends EventTarget {
  static reply: string | null = "pong";
  terminated = false;
  posted: unknown[] = [];
  postMessage(message: Msg): void {
    this.posted.push(message);
    const reply = FakeWorker.reply;
    if (reply !== null) {
      queueMicrotask(() =>
        this.dispatchEvent(
          Object.assign(new Event("message"), { data: { id: message.id, type: reply } }),
        ),
      );
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

const g = globalThis as { Worker?: unknown };
const saved = g.Worker;
afterEach(() => {
  g.Worker = saved;
  FakeWorker.reply = "pong";
});

function start(pending: Map<number, (m: Msg) => void>, current: { worker?: unknown }) {
  return startWorker<Msg>({
    create: () => new (g.Worker as new () => Worker)(),
    pending,
    id: 1,
    ping: { id: 1, type: "ping" },
    answered: (m) => m.type === "pong",
    timeoutMs: 50,
    onStopped: (w) => w === current.worker,
    stopped: (id) => ({ id, type: "stopped" }),
  });
}

describe("startWorker", () => {
  it("resolves with the worker once it answers its ping; null without Worker or when it throws", async () => {
    g.Worker = FakeWorker;
    const pending = new Map<number, (m: Msg) => void>();
    const worker = await start(pending, {});
    expect(worker).toBeInstanceOf(FakeWorker);
    expect(pending.size).toBe(0);
    g.Worker = undefined;
    expect(await start(new Map(), {})).toBeNull();
    g.Worker = class {
      constructor() {
        throw new Error("worker-src 'none'");
      }
    };
    expect(await start(new Map(), {})).toBeNull();
  });

  it("gives up on a worker that never answers (blocked by a CSP) and terminates it", async () => {
    g.Worker = FakeWorker;
    FakeWorker.reply = null;
    const made: FakeWorker[] = [];
    g.Worker = class extends FakeWorker {
      constructor() {
        super();
        made.push(this);
      }
    };
    expect(await start(new Map(), {})).toBeNull();
    expect(made.map((w) => w.terminated)).toEqual([true]);
  });

  it("fails the requests waiting on a worker that stops, only if it is the caller's current one", async () => {
    g.Worker = FakeWorker;
    const pending = new Map<number, (m: Msg) => void>();
    const current: { worker?: unknown } = {};
    const worker = (await start(pending, current)) as unknown as FakeWorker;
    const answers: Msg[] = [];
    pending.set(7, (m) => answers.push(m));
    worker.dispatchEvent(new Event("error"));
    expect(answers).toEqual([]);
    expect(worker.terminated).toBe(false);
    current.worker = worker;
    worker.dispatchEvent(new Event("error"));
    expect(answers).toEqual([{ id: 7, type: "stopped" }]);
    expect(worker.terminated).toBe(true);
  });
});
