/**
 * Orgraph core: one macrotask, on its own so that the page's code that yields between slices
 * does not pull the loader (parser and graph builder, loaded on demand) into the widget bundle.
 */

export interface TimerGlobals {
  MessageChannel?: new () => {
    port1: { onmessage: (() => void) | null; close?: () => void };
    port2: { postMessage(message: unknown): void; close?: () => void };
  };
  setTimeout?: (callback: () => void, ms: number) => unknown;
  performance?: { now(): number };
}

/** A macrotask: lets the event loop run pending messages (progress, cancel) before going on. */
export function macrotask(): Promise<void> {
  const g = globalThis as unknown as TimerGlobals;
  return new Promise((resolve) => {
    if (g.MessageChannel) {
      const channel = new g.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close?.();
        channel.port2.close?.();
        resolve();
      };
      channel.port2.postMessage(null);
    } else if (g.setTimeout) {
      g.setTimeout(resolve, 0);
    } else {
      void Promise.resolve().then(resolve);
    }
  });
}
