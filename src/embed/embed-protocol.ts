/**
 * The iframe route's message protocol (src/app/embed.ts; issue 5). DOM-free, tested in Node.
 *
 * The page embedding `embed.html?…&allow-origin=https://partner.example` talks to it with
 * `iframe.contentWindow.postMessage(message, "*")` (a sandboxed frame's origin is "null", so
 * the parent cannot name it). The frame accepts a message only when its origin is exactly one
 * of the `allow-origin` values (repeat the parameter or separate origins with spaces or commas)
 * and it comes from the parent window, and only when its shape is one of these:
 *
 *   { type: "orgraph:select", key: string | null }     select a node (null clears)
 *   { type: "orgraph:focus", key: string }             camera to a node
 *   { type: "orgraph:fit" }                            camera to everything visible
 *   { type: "orgraph:set-filters", filters: { hiddenCategories?, hiddenPredicates?,
 *                                             hiddenSources?, hideIsolated? } }
 *   { type: "orgraph:step", step: number }             story step (1-based)
 *   { type: "orgraph:get-state" }                      asks for an orgraph:viewstate reply
 *
 * Anything else is ignored (a console warning says why). The frame answers and reports with
 * `parent.postMessage(message, origin)` for each allowed origin (never "*"):
 *
 *   { type: "orgraph:ready", triples, nodes, edges, version }   first graph drawn
 *   { type: "orgraph:load", triples, nodes, edges, version }    each load
 *   { type: "orgraph:select", key, label, category } | { type: "orgraph:select", key: null }
 *   { type: "orgraph:error", message }
 *   { type: "orgraph:step", step, total }
 *   { type: "orgraph:viewstate", state }                         reply to orgraph:get-state
 *
 * Without `allow-origin` the frame neither sends nor accepts anything.
 */

export const EMBED_MESSAGE_TYPES = [
  "orgraph:select",
  "orgraph:focus",
  "orgraph:fit",
  "orgraph:set-filters",
  "orgraph:step",
  "orgraph:get-state",
] as const;

export type EmbedInboundMessage =
  | { type: "orgraph:select"; key: string | null }
  | { type: "orgraph:focus"; key: string }
  | { type: "orgraph:fit" }
  | {
      type: "orgraph:set-filters";
      filters: {
        hiddenCategories?: string[];
        hiddenPredicates?: string[];
        hiddenSources?: string[];
        hideIsolated?: boolean;
      };
    }
  | { type: "orgraph:step"; step: number }
  | { type: "orgraph:get-state" };

export type EmbedOutboundMessage =
  | {
      type: "orgraph:ready" | "orgraph:load";
      triples: number;
      nodes: number;
      edges: number;
      version: string | null;
    }
  | { type: "orgraph:select"; key: string | null; label?: string; category?: string }
  | { type: "orgraph:error"; message: string }
  | { type: "orgraph:step"; step: number; total: number }
  | { type: "orgraph:viewstate"; state: unknown };

const MAX_KEY = 2048;
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isKey = (v: unknown): v is string => typeof v === "string" && v !== "" && v.length <= MAX_KEY;
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) &&
  v.length <= 500 &&
  v.every((x) => typeof x === "string" && x.length <= MAX_KEY);

/** Why `data` is not an inbound message (a sentence), or null when it is one. */
export function embedMessageProblem(data: unknown): string | null {
  if (!isObject(data)) return "a message must be an object";
  const only = (...fields: string[]): string | null => {
    const extra = Object.keys(data).filter((k) => k !== "type" && !fields.includes(k));
    return extra.length ? `unexpected field(s) ${extra.join(", ")} in ${String(data.type)}` : null;
  };
  switch (data.type) {
    case "orgraph:select":
      if (!(data.key === null || isKey(data.key))) return "orgraph:select needs key: string | null";
      return only("key");
    case "orgraph:focus":
      if (!isKey(data.key)) return "orgraph:focus needs key: string";
      return only("key");
    case "orgraph:fit":
    case "orgraph:get-state":
      return only();
    case "orgraph:set-filters": {
      const f = data.filters;
      if (!isObject(f)) return "orgraph:set-filters needs filters: {…}";
      for (const k of Object.keys(f)) {
        if (k === "hideIsolated") {
          if (typeof f[k] !== "boolean") return "filters.hideIsolated must be a boolean";
        } else if (["hiddenCategories", "hiddenPredicates", "hiddenSources"].includes(k)) {
          if (!isStringList(f[k])) return `filters.${k} must be a list of strings`;
        } else return `unknown filter ${k}`;
      }
      return only("filters");
    }
    case "orgraph:step":
      if (!Number.isInteger(data.step) || (data.step as number) < 1) {
        return "orgraph:step needs step: an integer from 1";
      }
      return only("step");
    default:
      return `unknown message type ${JSON.stringify(String(data.type)).slice(0, 60)}`;
  }
}

export function isEmbedMessage(data: unknown): data is EmbedInboundMessage {
  return embedMessageProblem(data) === null;
}

/** The exact origins of `allow-origin` values (repeated, or space/comma lists); bad ones dropped. */
export function parseAllowOrigins(values: readonly string[]): {
  origins: string[];
  rejected: string[];
} {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const value of values.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== "")) {
    let origin: string | null = null;
    try {
      const url = new URL(value);
      if (
        (url.protocol === "http:" || url.protocol === "https:") &&
        url.origin === value.replace(/\/$/, "")
      ) {
        origin = url.origin;
      }
    } catch {
      origin = null;
    }
    if (origin && !origins.includes(origin)) origins.push(origin);
    else if (!origin) rejected.push(value);
  }
  return { origins, rejected };
}
