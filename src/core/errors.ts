/**
 * Orgraph core: the one typed error family.
 *
 * Every failure the core reports is an `OrgraphError` with a `code`; RDF syntax errors are the
 * subclass `RdfParseError`, which says what went wrong, where (source, line, column) and on
 * which token.
 */

/** Every error code, stable: callers switch on them. */
export const ERROR_CODES = [
  "parse",
  "format",
  "fetch",
  "unsupported",
  "invalid",
  /** A load stopped by its caller (AbortSignal). */
  "cancelled",
  /** A size or triple limit was reached (the message names it). */
  "limit",
  /** A SPARQL endpoint failed: HTTP status, timeout, network/CORS or bad results. */
  "endpoint",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The messages a load can fail with, each said from its `params` in the UI's language
 * (src/ui/load-errors.ts); the English `message` is built where the error is thrown.
 */
export const MESSAGE_KEYS = [
  /** RdfParseError: format, source, reason, line?, column?, token?. */
  "parse",
  /** More triples than the cap: source, max (setting: the element's loadLimits name). */
  "triple-cap",
  /** A file or download over its size cap: what, max (bytes), setting, size? (bytes). */
  "size-cap",
  /** A download: url, and ms | detail | origin, page | origin | status, statusText | mime. */
  "fetch-timeout",
  "fetch-network",
  "fetch-cors",
  "fetch-unreachable",
  "fetch-http",
  "not-rdf",
  /** The load worker stopped (out of memory?). */
  "worker-stopped",
  /** No format: format | mime | file, and supported. */
  "format-unknown",
  "format-mime",
  "format-extension",
  "format-none",
  /** A remote JSON-LD context: url, source, and bundled | max | ms | max, size? | … */
  "context-refused",
  "context-count",
  "context-timeout",
  "context-too-big",
  "context-network",
  "context-http",
  "context-redirect",
  "context-read",
  "context-not-json",
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** The values a message is made of (see `OrgraphError.params`). */
export type ErrorParams = Readonly<Record<string, string | number>>;

export interface OrgraphErrorOptions {
  cause?: unknown;
  /** Which message this is (see `OrgraphError.key`). */
  key?: MessageKey;
  params?: ErrorParams;
}

export class OrgraphError extends Error {
  readonly code: ErrorCode;
  /**
   * Which message this is, e.g. "parse", "triple-cap", "fetch-http": with `params`, what the
   * UI needs to say it in its own language (src/ui/load-errors.ts). `message` stays English
   * (for the API and logs). Undefined for messages the UI shows as they are.
   */
  readonly key: MessageKey | undefined;
  /** The values the message is made of (a source, a line, a size in bytes…), by name. */
  readonly params: ErrorParams;

  constructor(code: ErrorCode, message: string, options?: OrgraphErrorOptions) {
    super(message, options && "cause" in options ? { cause: options.cause } : undefined);
    this.name = "OrgraphError";
    this.code = code;
    this.key = options?.key;
    this.params = Object.freeze({ ...(options?.params ?? {}) });
  }
}

/** The most characters of an offending token that a message quotes. */
export const MAX_TOKEN_LENGTH = 80;

/** Cuts `text` to `max` characters (code points), ending with "…" when it was longer. */
export function truncateToken(text: string, max: number = MAX_TOKEN_LENGTH): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

export interface RdfParseErrorDetails {
  /** Readable format name, e.g. "Turtle". */
  formatLabel: string;
  /** What went wrong, without position, e.g. `unexpected "foo"`. */
  reason: string;
  /** Name of the input: a file name, a URL or "text". */
  source: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column in code points, when known. */
  column?: number;
  /** The offending token (at most 80 characters), when known. */
  token?: string;
  cause?: unknown;
}

/**
 * A syntax error in RDF input. Message:
 * `<Format> syntax error in <source> at line <L>, column <C>: <reason>.`
 * (`, column <C>` or ` at line …` left out when unknown).
 */
export class RdfParseError extends OrgraphError {
  readonly source: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly token: string | undefined;
  readonly reason: string;

  constructor(details: RdfParseErrorDetails) {
    super("parse", rdfParseErrorMessage(details), {
      cause: details.cause,
      key: "parse",
      params: definedOnly({
        format: details.formatLabel,
        source: details.source,
        reason: details.reason,
        line: details.line,
        column: details.column,
        token: details.token === undefined ? undefined : truncateToken(details.token),
      }),
    });
    this.name = "RdfParseError";
    this.source = details.source;
    this.line = details.line;
    this.column = details.column;
    this.token = details.token === undefined ? undefined : truncateToken(details.token);
    this.reason = details.reason;
  }
}

function definedOnly(values: Record<string, string | number | undefined>): ErrorParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out[name] = value;
  return out;
}

function rdfParseErrorMessage(d: RdfParseErrorDetails): string {
  let where = "";
  if (d.line !== undefined) {
    where = ` at line ${d.line}`;
    if (d.column !== undefined) where += `, column ${d.column}`;
  }
  return `${d.formatLabel} syntax error in ${d.source}${where}: ${d.reason}.`;
}
