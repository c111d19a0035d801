/**
 * Orgraph core: parse RDF text with n3 in an explicit format.
 *
 * n3 errors ("Unexpected "foo" on line 3.") become `RdfParseError`s with the source name, a
 * line, a column (1-based, in code points) and the offending token. Blank nodes are renamed
 * deterministically: labelled ones keep their label, anonymous ones become `b1`, `b2`, … in
 * document order, so the same text always gives the same quads.
 */
import { DataFactory, Parser } from "n3";
import type { BlankNode, Quad, Term } from "n3";
import { OrgraphError, RdfParseError, truncateToken } from "../errors";
import { RDF_FORMATS, type RdfFormat } from "./formats";

export interface ParseOptions {
  format: RdfFormat;
  /** Base IRI to resolve relative IRIs (Turtle, TriG). */
  baseIRI?: string;
  /** Name of the input for messages: a file name, a URL; "text" when absent. */
  sourceName?: string;
}

export interface ParseResult {
  quads: Quad[];
  /** Prefixes declared by the input, prefix -> namespace IRI, in declaration order. */
  prefixes: Record<string, string>;
}

/** Shape of the fields n3 puts on its errors and tokens (not covered by @types/n3). */
interface N3Token {
  type: string;
  line: number;
  start?: number;
  end?: number;
  endLine?: number;
}
interface N3ErrorContext {
  line?: number;
  token?: N3Token;
  previousToken?: N3Token;
}

const LABELLED = "\u0001";
const ANONYMOUS = "\u0000";

/** Parses `input` in `options.format`; throws RdfParseError on a syntax error. */
export function parseRdf(input: string, options: ParseOptions): ParseResult {
  const format = RDF_FORMATS[options.format];
  if (!format) {
    throw new OrgraphError("format", `Unknown RDF format "${String(options.format)}".`);
  }
  let anonymous = 0;
  const factory = {
    ...DataFactory,
    blankNode: (name?: string): BlankNode =>
      DataFactory.blankNode(name ?? `${ANONYMOUS}${anonymous++}`),
  };
  const parser = new Parser({
    format: format.n3Format,
    baseIRI: options.baseIRI,
    blankNodePrefix: `_:${LABELLED}`,
    factory,
  });
  const prefixes: Record<string, string> = {};
  let quads: Quad[];
  try {
    quads = parser.parse(input, null, (prefix, iri) => {
      prefixes[prefix] = iri.value;
    });
  } catch (error) {
    throw toParseError(error, input, format.label, options.sourceName ?? "text");
  }
  return { quads: renameBlankNodes(quads), prefixes };
}

// ---------------------------------------------------------------------------------------------
// Errors

function isErrorWithContext(error: unknown): error is Error & { context?: N3ErrorContext } {
  return error instanceof Error;
}

function splitLines(input: string): string[] {
  return input.split(/\r\n|\r|\n/);
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Quoted text longer than the limit, cut; also closes a quote n3 itself cut off. */
function boundQuotes(reason: string): string {
  const open = reason.indexOf('"');
  if (open < 0) return reason;
  const close = reason.lastIndexOf('"');
  const inner =
    close > open
      ? reason.slice(open + 1, close)
      : reason.slice(open + 1).replace(/…$/, "") + (reason.endsWith("…") ? "…" : "");
  const tail = close > open ? reason.slice(close + 1) : "";
  const cut = codePointLength(inner) > 80 ? truncateToken(inner) : inner;
  return `${reason.slice(0, open)}"${cut}"${tail}`;
}

function toParseError(
  error: unknown,
  input: string,
  formatLabel: string,
  source: string,
): RdfParseError {
  if (!isErrorWithContext(error)) {
    return new RdfParseError({ formatLabel, source, reason: String(error), cause: error });
  }
  const context = error.context ?? {};
  const message = error.message;
  const lineMatch = /\s*on line (\d+)\.?$/.exec(message);
  const base = lineMatch ? message.slice(0, lineMatch.index) : message.replace(/\.$/, "");
  let line = context.line ?? (lineMatch ? Number(lineMatch[1]) : undefined);
  const lines = splitLines(input);
  let column: number | undefined;
  let token: string | undefined;
  let reason: string;

  const lexical = /^Unexpected "([\s\S]*)"$/.exec(base);
  const tok = context.token;
  const prev = context.previousToken;
  if (lexical) {
    // The lexer met text it cannot read: find it on its line, after the previous token.
    const issue = lexical[1] ?? "";
    token = issue;
    reason = `unexpected "${truncateToken(issue)}"`;
    const text = line !== undefined ? lines[line - 1] : undefined;
    if (text !== undefined) {
      const from = prev && (prev.endLine ?? prev.line) === line && prev.end ? prev.end : 0;
      const at = text.indexOf(issue, from);
      if (at >= 0) column = codePointLength(text.slice(0, at)) + 1;
    }
  } else if (tok && tok.type === "eof") {
    // Input ended early: point just after the last token.
    reason = lowerFirst(base).replace(/\beof$/, "end of input");
    token = undefined;
    if (prev && prev.end !== undefined) {
      line = prev.endLine ?? prev.line;
      const text = lines[line - 1] ?? "";
      column = codePointLength(text.slice(0, prev.end)) + 1;
    } else if (line !== undefined) {
      column = codePointLength(lines[line - 1] ?? "") + 1;
    }
  } else {
    reason = boundQuotes(lowerFirst(base));
    if (tok && tok.start !== undefined && line !== undefined) {
      const text = lines[tok.line - 1] ?? "";
      line = tok.line;
      column = codePointLength(text.slice(0, tok.start)) + 1;
      const end = tok.endLine !== undefined && tok.endLine !== tok.line ? undefined : tok.end;
      token = text.slice(tok.start, end) || undefined;
    }
  }
  return new RdfParseError({ formatLabel, source, line, column, token, reason, cause: error });
}

/** Lower-cases the first letter and shows line breaks as `\n`, so a message stays on one line. */
function lowerFirst(text: string): string {
  return (text.charAt(0).toLowerCase() + text.slice(1)).replace(/\r\n|\r|\n/g, "\\n");
}

// ---------------------------------------------------------------------------------------------
// Blank nodes

/** A term, or a quoted triple (RDF 1.2), which @types/n3 1.x does not count among terms. */
type AnyTerm = Term | Quad;

function renameBlankNodes(quads: Quad[]): Quad[] {
  const labelled = new Set<string>();
  let any = false;
  const visit = (term: AnyTerm): void => {
    if (term.termType === "BlankNode") {
      any = true;
      if (term.value.startsWith(LABELLED)) labelled.add(term.value.slice(LABELLED.length));
    } else if (term.termType === "Quad") {
      visit(term.subject);
      visit(term.predicate);
      visit(term.object);
      visit(term.graph);
    }
  };
  for (const q of quads) visit(q);
  if (!any) return quads;

  const names = new Map<string, string>();
  let counter = 0;
  const nameOf = (value: string): string => {
    let name = names.get(value);
    if (name !== undefined) return name;
    if (value.startsWith(LABELLED)) {
      name = value.slice(LABELLED.length);
    } else {
      do name = `b${++counter}`;
      while (labelled.has(name));
    }
    names.set(value, name);
    return name;
  };
  const rename = <T extends AnyTerm>(term: T): T => {
    if (term.termType === "BlankNode") return DataFactory.blankNode(nameOf(term.value)) as T;
    if (term.termType === "Quad") return renameQuad(term) as T;
    return term;
  };
  const renameQuad = (q: Quad): Quad =>
    DataFactory.quad(rename(q.subject), rename(q.predicate), rename(q.object), rename(q.graph));
  return quads.map(renameQuad);
}
