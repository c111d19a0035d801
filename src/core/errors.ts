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

export class OrgraphError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OrgraphError";
    this.code = code;
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
    super("parse", rdfParseErrorMessage(details), { cause: details.cause });
    this.name = "RdfParseError";
    this.source = details.source;
    this.line = details.line;
    this.column = details.column;
    this.token = details.token === undefined ? undefined : truncateToken(details.token);
    this.reason = details.reason;
  }
}

function rdfParseErrorMessage(d: RdfParseErrorDetails): string {
  let where = "";
  if (d.line !== undefined) {
    where = ` at line ${d.line}`;
    if (d.column !== undefined) where += `, column ${d.column}`;
  }
  return `${d.formatLabel} syntax error in ${d.source}${where}: ${d.reason}.`;
}
