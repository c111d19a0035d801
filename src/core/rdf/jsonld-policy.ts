/**
 * Orgraph core: which remote JSON-LD contexts a load may fetch, and within which limits.
 *
 * Remote contexts are off by default: bundled copies of common contexts (contexts/bundled.ts)
 * resolve locally, any other context URL is refused unless an `allow` entry matches it; then at
 * most `maxCount` contexts are fetched per source, each of at most `maxBytes` bytes and within
 * `timeoutMs`. Tiny and dependency-free, so that the widget's settings can read it without the
 * JSON-LD processor.
 */

export interface JsonLdContextPolicy {
  /**
   * Context URLs that may be fetched: an entry matches the same URL, or, when it ends with "/",
   * every URL that starts with it. Only http(s) URLs.
   */
  readonly allow: readonly string[];
  /** Most remote contexts fetched for one source. */
  readonly maxCount: number;
  /** Largest remote context, in bytes. */
  readonly maxBytes: number;
  /** Longest wait for one remote context (response and body), in ms. */
  readonly timeoutMs: number;
}

export const DEFAULT_JSONLD_CONTEXTS: JsonLdContextPolicy = Object.freeze({
  allow: Object.freeze([]) as readonly string[],
  maxCount: 4,
  maxBytes: 1024 * 1024,
  timeoutMs: 10_000,
});

/** The limits' names, as the `jsonld-contexts` attribute spells them. */
export const JSONLD_CONTEXT_LIMITS = ["maxCount", "maxBytes", "timeoutMs"] as const;
export type JsonLdContextLimit = (typeof JSONLD_CONTEXT_LIMITS)[number];

/** Whether `url` is an absolute http(s) URL (what an allow entry must be). */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url);
}

/** Whether the allow-list lets `url` be fetched. */
export function isAllowedContext(url: string, allow: readonly string[]): boolean {
  if (!isHttpUrl(url)) return false;
  return allow.some((entry) => entry === url || (entry.endsWith("/") && url.startsWith(entry)));
}

/** `policy` completed with the defaults. */
export function contextPolicy(policy?: Partial<JsonLdContextPolicy>): JsonLdContextPolicy {
  return { ...DEFAULT_JSONLD_CONTEXTS, ...(policy ?? {}) };
}
