/**
 * Orgraph core: parse RDF text with n3 in an explicit format.
 *
 * n3 errors ("Unexpected "foo" on line 3.") become `RdfParseError`s with the source name, a
 * line, a column (1-based, in code points) and the offending token. Blank nodes are renamed
 * deterministically: labelled ones keep their label, anonymous ones become `b1`, `b2`, … in
 * document order, so the same text always gives the same quads.
 */
import {
  BlankNode as N3BlankNode,
  DataFactory,
  Literal as N3Literal,
  NamedNode as N3NamedNode,
  Parser,
} from "n3";
import type { BlankNode, Literal, NamedNode, Quad, Term } from "n3";
import { MAX_TOKEN_LENGTH, OrgraphError, RdfParseError, truncateToken } from "../errors";
import { RDF_FORMATS, type RdfFormat } from "./formats";
import { QuadStore, QuadStoreBuilder, type NumberedTerm } from "./quad-store";
import { XSD_STRING, type RdfTerm } from "./terms";
import { keepShape } from "../shapes";
import {
  FAST_SYNTAXES,
  FastRdfReader,
  type FastQuadSink,
  type FastSyntax,
  type FastTermFactory,
  type IriResolver,
} from "./fast-turtle";

export interface ParseOptions {
  format: RdfFormat;
  /** Base IRI to resolve relative IRIs (Turtle, TriG). */
  baseIRI?: string;
  /** Name of the input for messages: a file name, a URL; "text" when absent. */
  sourceName?: string;
}

/**
 * A parsed quad: n3's terms in a plain object (n3's own Quad objects take twice the memory).
 * Triple terms (RDF 1.2) inside it stay n3 Quads.
 */
export interface ParsedQuad {
  subject: Quad["subject"];
  predicate: Quad["predicate"];
  object: Quad["object"];
  graph: Quad["graph"];
}

export interface ParseResult {
  quads: ParsedQuad[];
  /** Prefixes declared by the input, prefix -> namespace IRI, in declaration order. */
  prefixes: Record<string, string>;
}

export interface StoreParseResult {
  quads: QuadStore;
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

/**
 * The same text as one flat string. A string built by concatenation is a tree of its parts,
 * which V8 flattens into a second copy when the string is hashed or read by index; a term held
 * for the life of the graph would then keep both (the tree's node, 32 bytes, and the copy).
 */
function flatten(text: string): string {
  if (text.length <= 12) return text; // shorter strings are never built as trees
  // NFC text (nearly all) comes back from normalize flat and cheaply; other text is copied.
  const normal = text.normalize();
  return normal === text ? normal : (JSON.parse(JSON.stringify(text)) as string);
}

const LABELLED = "\u0001";

/*
 * n3's terms with a field for the number the parser's quad store gives them (NumberedTerm): a
 * term is made by one parser and given to its store only. Set in the constructor, the field
 * lives in the object itself (added later, it would take a property store of its own).
 */
class NumberedNamedNode extends N3NamedNode implements NumberedTerm {
  _storeId = -1;
}
class NumberedBlankNode extends N3BlankNode implements NumberedTerm {
  _storeId = -1;
}
class NumberedLiteral extends N3Literal implements NumberedTerm {
  _storeId = -1;
}
const ANONYMOUS = "\u0000";

/** The literals of one language tag or datatype, by value, and what their ids end with. */
interface LiteralTable {
  readonly values: Map<string, Literal>;
  readonly suffix: string;
}

function literalTable(suffix: string): LiteralTable {
  return { values: new Map(), suffix };
}

/** Parses `input` in `options.format`; throws RdfParseError on a syntax error. */
export function parseRdf(input: string, options: ParseOptions): ParseResult {
  const parser = createRdfParser({ ...options, text: () => input });
  parser.write(input);
  return parser.end();
}

/** `parseRdf`, the quads as a QuadStore (no object per quad). */
export function parseRdfToStore(input: string, options: ParseOptions): StoreParseResult {
  const parser = createRdfParser({ ...options, text: () => input });
  parser.write(input);
  return parser.endStore();
}

export interface ChunkParseOptions extends ParseOptions {
  /**
   * The whole input as text, read only to place a syntax error (line text, column, token).
   * When absent, the parser keeps the chunks it was given until the end, and an error found
   * while writing quotes the offending text only up to the end of the chunks given so far.
   */
  text?: () => string;
  /**
   * Called with each quad as it is parsed (blank nodes not yet renamed: hold on to the quads
   * `end()` returns, not these).
   */
  onQuad?: (quad: ParsedQuad) => void;
  /**
   * Whether the fast reader (src/core/rdf/fast-turtle.ts) reads the input first, n3 taking over
   * where it stops (default true; it is skipped when `onQuad` is given). False: n3 alone, the
   * reference the tests compare the fast reader with.
   */
  fast?: boolean;
}

/**
 * A parser fed chunk by chunk. `write` parses as far as the text allows and throws
 * RdfParseError as soon as an error is certain; `end` finishes the input and returns the same
 * quads and prefixes as `parseRdf` on the concatenated text (or throws the same error).
 */
export interface RdfChunkParser {
  write(chunk: string): void;
  end(): ParseResult;
  /** `end`, the quads as a QuadStore (built as they are parsed: no object per quad). */
  endStore(): StoreParseResult;
  /** Quads parsed so far. */
  readonly quadCount: number;
  /**
   * Input given but not read yet, in code units. When the fast reader stops part-way, n3 reads
   * the text it had read again: a step more with each `write` (`write("")` reads one step),
   * the rest at `end`. A caller that yields between chunks writes "" while this is above 0.
   */
  readonly backlog: number;
}

/** The parts of n3's Parser (2.x) that `internPrefixedNames` reads and replaces. */
interface N3ParserInternals {
  _readEntity(
    token: { type: string; prefix: string; value: string },
    quantifier?: boolean,
  ): unknown;
  _prefixes: Record<string, string | undefined> | undefined;
  _n3Mode: boolean;
}

/**
 * Prefixed names looked up by prefix IRI then local name: n3 makes each occurrence's IRI by
 * concatenation, a string of parts that V8 copies flat to hash it (most of the cost of
 * interning). The term is the one `namedNode(prefix + local)` gives; anything else (IRIs in
 * angle brackets, an undefined prefix and its error, N3's quantified names) is left to n3.
 */
function internPrefixedNames(parser: Parser, namedNode: (iri: string) => NamedNode): void {
  const n3 = parser as unknown as N3ParserInternals;
  const readEntity = n3._readEntity;
  if (typeof readEntity !== "function") return;
  const byPrefix = new Map<string, Map<string, NamedNode>>();
  let lastPrefix: string | undefined;
  let lastLocals: Map<string, NamedNode> | undefined;
  n3._readEntity = function (this: N3ParserInternals, token, quantifier) {
    if ((token.type === "prefixed" || token.type === "type") && !this._n3Mode) {
      const prefix = this._prefixes?.[token.prefix];
      if (typeof prefix === "string") {
        // Names in a row often share their prefix: its table is kept at hand.
        let locals = prefix === lastPrefix ? lastLocals : byPrefix.get(prefix);
        if (locals === undefined) byPrefix.set(prefix, (locals = new Map()));
        lastPrefix = prefix;
        lastLocals = locals;
        let term = locals.get(token.value);
        if (term === undefined) locals.set(token.value, (term = namedNode(prefix + token.value)));
        return term;
      }
    }
    return readEntity.call(this, token, quantifier);
  };
}

/** The part of n3's Parser (2.x) that `storeEmittedQuads` replaces. */
interface N3Emitter {
  _emit(subject: Term, predicate: Term, object: Term, graph: Term | undefined): void;
  DEFAULTGRAPH: Term;
}

/**
 * Quads that n3 emits go straight into `quads` (and to `onQuad`): n3 would make a Quad object
 * for each, passed to the callback and dropped. Only n3's own `_emit` of Turtle, TriG,
 * N-Triples and N-Quads is replaced (N3's emitter, which reverses predicates, is another
 * function and is kept); errors still reach the callback.
 */
function storeEmittedQuads(
  parser: Parser,
  quads: QuadStoreBuilder,
  onQuad: ((quad: ParsedQuad) => void) | undefined,
): void {
  const n3 = parser as unknown as N3Emitter;
  const prototype = Object.getPrototypeOf(parser) as Partial<N3Emitter>;
  if (typeof n3._emit !== "function" || n3._emit !== prototype._emit) return;
  n3._emit = function (this: N3Emitter, subject, predicate, object, graph) {
    const g = graph || this.DEFAULTGRAPH;
    quads.add(subject as RdfTerm, predicate as RdfTerm, object as RdfTerm, g as RdfTerm);
    if (onQuad) {
      onQuad({
        subject: subject as Quad["subject"],
        predicate: predicate as Quad["predicate"],
        object: object as Quad["object"],
        graph: g as Quad["graph"],
      });
    }
  };
}

/**
 * Creates a chunk parser. It drives n3's streaming lexer through a minimal event source (the
 * `on("data")` / `on("end")` protocol of n3's Parser), without n3's StreamParser and its Node
 * stream polyfills; tokens that straddle chunks are kept by the lexer until they complete.
 */
export function createRdfParser(options: ChunkParseOptions): RdfChunkParser {
  const format = RDF_FORMATS[options.format];
  if (!format) {
    throw new OrgraphError("format", `Unknown RDF format "${String(options.format)}".`);
  }
  if (format.n3Format === undefined) {
    throw new OrgraphError(
      "unsupported",
      `${format.label} is read whole and asynchronously (parseJsonLd in src/core/rdf/jsonld.ts), not with the chunk parser.`,
    );
  }
  const fast = options.fast !== false && !options.onQuad;
  return fast && isFastSyntax(options.format)
    ? createFastFirstParser(options, options.format)
    : createN3Parser(options, format.n3Format, format.label);
}

function isFastSyntax(format: RdfFormat): format is FastSyntax {
  return (FAST_SYNTAXES as readonly string[]).includes(format);
}

/**
 * The interned term factory of one parse: each distinct IRI, labelled blank node or literal is
 * one object, shared by every quad that uses it (less memory; keys read from them are the same
 * strings, cheap to hash). Its terms carry a `_storeId` for one QuadStoreBuilder.
 */
function internedTerms() {
  let anonymous = 0;
  // Terms are interned: each distinct IRI, blank node or literal is one object, shared by every
  // quad that uses it (less memory; keys read from them are the same strings, cheap to hash).
  const named = new Map<string, NamedNode>();
  const blanks = new Map<string, BlankNode>();
  const literals = new Map<string, Literal>();
  const namedNode = (iri: string): NamedNode => {
    let term = named.get(iri);
    if (term === undefined) {
      // n3 builds prefixed names by concatenation, a string of parts (32 bytes more, held as
      // long as the term): keep a flat copy, the same text.
      const flat = flatten(iri);
      named.set(flat, (term = new NumberedNamedNode(flat)));
    }
    return term;
  };
  const blankNode = (name?: string): BlankNode => {
    if (name === undefined) return new NumberedBlankNode(`${ANONYMOUS}${anonymous++}`);
    let term = blanks.get(name);
    if (term === undefined) blanks.set(name, (term = new NumberedBlankNode(name)));
    return term;
  };
  // Literals by language tag or datatype, then by value: no id is built to look a repeat up,
  // and a new one's id is built as n3's factory builds it (`"v"`, `"v"@tag`, `"v"^^datatype`).
  const byLanguage = new Map<string, LiteralTable>();
  const byDatatype = new Map<string, LiteralTable>();
  const literal = (...args: Parameters<typeof DataFactory.literal>): Literal => {
    const [value, tagOrDatatype] = args;
    let table: LiteralTable | undefined;
    if (typeof value === "string") {
      if (typeof tagOrDatatype === "string") {
        // n3's factory lower-cases tags: "EN" and "en" are one literal.
        const tag = tagOrDatatype.toLowerCase();
        table = byLanguage.get(tag);
        if (table === undefined) byLanguage.set(tag, (table = literalTable(`@${tag}`)));
      } else if (tagOrDatatype === undefined || "termType" in tagOrDatatype) {
        // No datatype and xsd:string are one literal.
        const dt = tagOrDatatype?.value ?? "";
        const key = dt === XSD_STRING ? "" : dt;
        table = byDatatype.get(key);
        if (table === undefined) {
          byDatatype.set(key, (table = literalTable(key === "" ? "" : `^^${key}`)));
        }
      }
    }
    if (table !== undefined) {
      let term = table.values.get(value as string);
      if (term === undefined) {
        // Built by concatenation, the id is a string of parts (see namedNode): a flat copy.
        term = new NumberedLiteral(flatten(`"${value as string}"${table.suffix}`));
        table.values.set(value as string, term);
      }
      return term;
    }
    // Anything else (a base direction) by id: never the id of a literal above.
    const made = DataFactory.literal(...args);
    const known = literals.get(made.id);
    if (known !== undefined) return known;
    const term = new NumberedLiteral(flatten(made.id));
    literals.set(term.id, term);
    return term;
  };

  const factory: typeof DataFactory = {
    ...DataFactory,
    namedNode: namedNode as typeof DataFactory.namedNode,
    blankNode,
    literal,
  };
  return { namedNode, blankNode, literal, factory };
}

/** The parts of n3's Parser (2.x) that resolve IRIs against its base. */
interface N3Resolution {
  _resolveIRI(iri: string): string | null;
  _setBase(iri: string): void;
}

/**
 * Relative IRIs resolved by n3's own code (a parser kept for it, never given any text), so that
 * the fast reader gives the IRIs n3 gives for any base; undefined when n3's parser lacks the
 * methods (the fast reader then leaves relative IRIs to n3).
 */
export function n3IriResolver(baseIRI: string | undefined): IriResolver | undefined {
  return N3Resolver.create(baseIRI);
}

class N3Resolver implements IriResolver {
  private constructor(private readonly n3: N3Resolution) {
    keepShape(this);
  }

  static create(baseIRI: string | undefined): N3Resolver | undefined {
    const n3 = new Parser({ format: "Turtle", baseIRI }) as unknown as Partial<N3Resolution>;
    if (typeof n3._resolveIRI !== "function" || typeof n3._setBase !== "function") return undefined;
    return new N3Resolver(n3 as N3Resolution);
  }

  resolve(iri: string): string | null {
    return this.n3._resolveIRI(iri);
  }

  setBase(iri: string): void {
    this.n3._setBase(iri);
  }
}

/**
 * The fast reader's terms (FastTermFactory): n3's term classes with a store number, IRIs and
 * blank node labels interned here, literals by the reader. Methods, not closures made per parse:
 * V8's optimized reader calls them whatever the parse (see src/core/shapes.ts).
 */
class FastTerms implements FastTermFactory {
  private readonly named = new Map<string, NamedNode>();
  private readonly blanks = new Map<string, BlankNode>();
  private anonymous = 0;

  constructor() {
    keepShape(this);
  }

  /**
   * Kept as given: hashing a string of parts flattens it in place, and the garbage collector
   * then drops the parts (the same retained heap as with `flatten`, measured by the bench).
   */
  namedNode(iri: string): NamedNode {
    let term = this.named.get(iri);
    if (term === undefined) this.named.set(iri, (term = new NumberedNamedNode(iri)));
    return term;
  }

  blankNode(name: string): BlankNode {
    let term = this.blanks.get(name);
    if (term === undefined) this.blanks.set(name, (term = new NumberedBlankNode(name)));
    return term;
  }

  /** A blank node of `[ ]`: named as n3's anonymous ones are (renamed `b1`, `b2`, ... later). */
  newBlankNode(): BlankNode {
    return new NumberedBlankNode(`${ANONYMOUS}${this.anonymous++}`);
  }

  /** A literal's id is built by concatenation and never hashed: kept as a flat copy. */
  newLiteral(id: string): Literal {
    return new NumberedLiteral(flatten(id));
  }

  defaultGraph(): Term {
    return DataFactory.defaultGraph();
  }
}

/** The chunk parser on n3 alone. */
function createN3Parser(
  options: ChunkParseOptions,
  n3Format: string,
  formatLabel: string,
): RdfChunkParser {
  const { namedNode, factory } = internedTerms();
  const parser = new Parser({
    format: n3Format,
    baseIRI: options.baseIRI,
    blankNodePrefix: `_:${LABELLED}`,
    factory,
  });
  internPrefixedNames(parser, namedNode);
  const prefixes: Record<string, string> = {};
  const quads = new QuadStoreBuilder();
  const kept: string[] | undefined = options.text ? undefined : [];
  const onQuad = options.onQuad;
  let failure: unknown;
  let failed: RdfParseError | undefined;
  let ended = false;
  let onData: ((chunk: string) => void) | undefined;
  let onEnd: (() => void) | undefined;
  const source = {
    on(event: string, listener: (...args: never[]) => void): void {
      if (event === "data") onData = listener as unknown as (chunk: string) => void;
      else if (event === "end") onEnd = listener as unknown as () => void;
    },
  };
  (parser.parse as unknown as (input: unknown, callbacks: unknown) => void)(source, {
    onQuad: (error: unknown, quad: Quad | null) => {
      if (error) {
        if (failure === undefined) failure = error;
      } else if (quad) {
        quads.add(quad.subject, quad.predicate, quad.object, quad.graph);
        if (onQuad) {
          onQuad({
            subject: quad.subject,
            predicate: quad.predicate,
            object: quad.object,
            graph: quad.graph,
          });
        }
      }
    },
    onPrefix: (prefix: string, iri: { value: string }) => {
      prefixes[prefix] = iri.value;
    },
  });
  if (!onData || !onEnd) throw new Error("n3's Parser did not subscribe to the input");
  storeEmittedQuads(parser, quads, onQuad);
  const feed = onData;
  const finish = onEnd;

  const check = (): void => {
    if (failed) throw failed;
    if (failure === undefined) return;
    const text = options.text ? options.text() : (kept ?? []).join("");
    failed = toParseError(failure, text, formatLabel, options.sourceName ?? "text");
    throw failed;
  };
  const guard = (step: () => void): void => {
    check();
    if (ended) throw new Error("the parser has already ended");
    try {
      step();
    } catch (error) {
      // n3 reports syntax errors through the callback; anything thrown is a bug or a
      // resource limit (e.g. a regular expression's stack), reported as a parse error too.
      if (failure === undefined) failure = error;
    }
    check();
  };

  const endStore = (): StoreParseResult => {
    guard(finish);
    ended = true;
    // The factory above interns IRIs, labelled blank nodes and literals by key; anonymous blank
    // nodes are new names: the table's terms are distinct.
    return { quads: renameBlankNodesInStore(quads.build(true)), prefixes };
  };
  return {
    write(chunk: string): void {
      if (chunk.length === 0) {
        check();
        return;
      }
      guard(() => {
        kept?.push(chunk);
        feed(chunk);
      });
    },
    end(): ParseResult {
      const { quads, prefixes } = endStore();
      return { quads: quads.toArray() as ParsedQuad[], prefixes };
    },
    endStore,
    get quadCount(): number {
      return quads.length;
    },
    backlog: 0,
  };
}

/** Code units of backlog n3 reads per step once the fast reader has stopped. */
const REPLAY_STEP = 64 * 1024;

/**
 * The chunk parser that reads with the fast reader while the input stays in its subset. Where
 * it stops, everything it read is dropped and n3 reads the input from the start (the text read
 * so far is taken again from `options.text`, or from the chunks kept when there is none), so
 * the result, or the error, is always n3's.
 */
function createFastFirstParser(options: ChunkParseOptions, syntax: FastSyntax): RdfChunkParser {
  const quads = new QuadStoreBuilder();
  const prefixes: Record<string, string> = {};
  const reader = new FastRdfReader({
    syntax,
    terms: new FastTerms(),
    sink: quads as unknown as FastQuadSink,
    blankLabelPrefix: LABELLED,
    onPrefix: (prefix, iri) => {
      prefixes[prefix] = iri;
    },
    resolver: n3IriResolver(options.baseIRI),
  });
  let kept: string[] | undefined = options.text ? undefined : [];
  let consumed = 0;
  let ended = false;
  // Once the fast reader has stopped: n3, and the text it has still to read, in order.
  let slow: RdfChunkParser | undefined;
  const queue: string[] = [];
  let queueHead = 0;
  let backlog = 0;
  let countBefore = 0;

  const fallBack = (): RdfChunkParser => {
    const format = RDF_FORMATS[syntax];
    slow = createN3Parser(options, format.n3Format, format.label);
    countBefore = quads.length;
    const text = options.text ? options.text().slice(0, consumed) : kept!.join("");
    kept = undefined;
    if (text.length > 0) queue.push(text);
    backlog = text.length;
    return slow;
  };
  /** Gives n3 up to `budget` code units of the backlog (all of it when Infinity). */
  const feed = (parser: RdfChunkParser, budget: number): void => {
    while (budget > 0 && queueHead < queue.length) {
      const head = queue[queueHead]!;
      let end = Math.min(head.length, REPLAY_STEP, budget);
      // Never split a surrogate pair between two writes.
      const code = head.charCodeAt(end - 1);
      if (end < head.length && code >= 0xd800 && code <= 0xdbff) end++;
      const piece = end === head.length ? head : head.slice(0, end);
      if (end === head.length) queue[queueHead++] = "";
      else queue[queueHead] = head.slice(end);
      backlog -= piece.length;
      budget -= piece.length;
      parser.write(piece);
    }
    if (queueHead === queue.length) {
      queue.length = 0;
      queueHead = 0;
    }
  };

  return {
    write(chunk: string): void {
      if (ended) throw new Error("the parser has already ended");
      if (slow === undefined) {
        kept?.push(chunk);
        consumed += chunk.length;
        if (reader.write(chunk)) return;
        fallBack();
      } else if (chunk.length > 0) {
        queue.push(chunk);
        backlog += chunk.length;
      }
      feed(slow!, chunk.length + REPLAY_STEP);
    },
    end(): ParseResult {
      const { quads, prefixes } = this.endStore();
      return { quads: quads.toArray() as ParsedQuad[], prefixes };
    },
    endStore(): StoreParseResult {
      if (ended) throw new Error("the parser has already ended");
      if (slow === undefined && reader.end()) {
        ended = true;
        kept = undefined;
        // Interned by key, as on the n3 path: the table's terms are distinct.
        return { quads: renameBlankNodesInStore(quads.build(true)), prefixes };
      }
      const parser = slow ?? fallBack();
      feed(parser, Infinity);
      ended = true;
      return parser.endStore();
    },
    get quadCount(): number {
      // Never backwards while n3 reads again what the fast reader had read.
      return slow === undefined ? quads.length : Math.max(countBefore, slow.quadCount);
    },
    get backlog(): number {
      return backlog;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Errors

function isErrorWithContext(error: unknown): error is Error & { context?: N3ErrorContext } {
  return error instanceof Error;
}

/**
 * Line `n` (1-based) of `input`, lines split at CRLF, CR or LF; "" past the end. Scans only up
 * to that line, so placing an error early in a big input stays cheap.
 */
function lineAt(input: string, n: number): string | undefined {
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 1; line < n; line++) {
    const found = breaks.exec(input);
    if (!found) return undefined;
    start = found.index + found[0].length;
  }
  const found = breaks.exec(input);
  return input.slice(start, found ? found.index : input.length);
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** The first `n` code points of `text` (without splitting the whole of a long text). */
function headCodePoints(text: string, n: number): string {
  let count = 0;
  let end = 0;
  for (const ch of text) {
    if (count++ === n) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * An offending token as text a message can show: control characters (NUL, ESC, …, from a
 * binary file) escaped as `\u0000`, then cut to at most 80 characters.
 */
export function printableToken(text: string): string {
  const head = headCodePoints(text, MAX_TOKEN_LENGTH + 1);
  const escaped = head.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return truncateToken(head.length < text.length ? `${escaped}…` : escaped);
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
  const cut = printableToken(inner);
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
  let column: number | undefined;
  let token: string | undefined;
  let reason: string;

  const lexical = /^Unexpected "([\s\S]*)"$/.exec(base);
  const tok = context.token;
  const prev = context.previousToken;
  if (lexical) {
    // The lexer met text it cannot read: find it on its line, after the previous token.
    let issue = lexical[1] ?? "";
    const text = line !== undefined ? lineAt(input, line) : undefined;
    if (text !== undefined) {
      const from = prev && (prev.endLine ?? prev.line) === line && prev.end ? prev.end : 0;
      const at = text.indexOf(issue, from);
      if (at >= 0) {
        column = codePointLength(text.slice(0, at)) + 1;
        // Fed in chunks, the lexer sees the offending text only up to the end of its chunk:
        // quote the whole run up to the next whitespace, as parsing in one piece does.
        const run = /\S*/y;
        run.lastIndex = at;
        const whole = run.exec(text)?.[0] ?? "";
        if (whole.startsWith(issue)) issue = whole;
      }
    }
    token = printableToken(issue);
    reason = `unexpected "${token}"`;
  } else if (tok && tok.type === "eof") {
    // Input ended early: point just after the last token.
    reason = lowerFirst(base).replace(/\beof$/, "end of input");
    token = undefined;
    if (prev && prev.end !== undefined) {
      line = prev.endLine ?? prev.line;
      const text = lineAt(input, line) ?? "";
      column = codePointLength(text.slice(0, prev.end)) + 1;
    } else if (line !== undefined) {
      column = codePointLength(lineAt(input, line) ?? "") + 1;
    }
  } else {
    reason = boundQuotes(lowerFirst(base));
    if (tok && tok.start !== undefined && line !== undefined) {
      const text = lineAt(input, tok.line) ?? "";
      line = tok.line;
      column = codePointLength(text.slice(0, tok.start)) + 1;
      const end = tok.endLine !== undefined && tok.endLine !== tok.line ? undefined : tok.end;
      token = printableToken(text.slice(tok.start, end)) || undefined;
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

/** The parts of a quoted triple, in the order names are given. */
function partsOf(q: Quad): AnyTerm[] {
  return [q.subject, q.predicate, q.object, q.graph] as AnyTerm[];
}

/**
 * Rebuilds `term` with `leaf` applied to each non-triple term, left to right. Iterative, so
 * triple terms nested any depth cannot overflow the stack.
 */
function mapTerm(term: AnyTerm, leaf: (t: Term) => Term): AnyTerm {
  if (term.termType !== "Quad") return leaf(term);
  const stack: { parts: AnyTerm[]; done: AnyTerm[] }[] = [{ parts: partsOf(term), done: [] }];
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.done.length === 4) {
      const [s, p, o, g] = top.done as Term[];
      const q = DataFactory.quad(
        s as Quad["subject"],
        p as Quad["predicate"],
        o as Quad["object"],
        g as Quad["graph"],
      );
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) return q;
      parent.done.push(q);
      continue;
    }
    const child = top.parts[top.done.length]!;
    if (child.termType === "Quad") stack.push({ parts: partsOf(child), done: [] });
    else top.done.push(leaf(child));
  }
}

/**
 * `renameBlankNodes` on a store: each distinct term renamed once, in the term table (whose order
 * is that of first use). A blank node or triple term in predicate position (not RDF; kept as
 * it is by `renameBlankNodes`) takes the quad by quad path.
 */
function renameBlankNodesInStore(store: QuadStore): QuadStore {
  const terms = store.terms as AnyTerm[];
  const hasBlank = (term: AnyTerm): boolean =>
    term.termType === "BlankNode" || term.termType === "Quad";
  if (!terms.some(hasBlank)) return store;
  const { indices } = store;
  for (let i = 1; i < indices.length; i += 4) {
    if (hasBlank(terms[indices[i]!]!)) {
      return QuadStore.from(renameBlankNodes(store.toArray() as ParsedQuad[]) as RdfQuadLike[]);
    }
  }
  const { labelled } = blankLabels(terms);
  const leaf = blankRenamer(labelled);
  // Renamed blank nodes stay distinct (anonymous ones skip the labels in use).
  return store.withTerms(
    terms.map((t) => (hasBlank(t) ? mapTerm(t, leaf) : t)) as unknown as RdfTerm[],
    store.distinct,
  );
}

type RdfQuadLike = Parameters<typeof QuadStore.from>[0] extends Iterable<infer Q> ? Q : never;

/** Labels of the labelled blank nodes among `terms` (triple terms searched), and whether any. */
function blankLabels(terms: Iterable<AnyTerm>): { labelled: Set<string>; any: boolean } {
  const labelled = new Set<string>();
  let any = false;
  const pending: AnyTerm[] = [];
  for (const t of terms) {
    pending.push(t);
    while (pending.length > 0) {
      const term = pending.pop()!;
      if (term.termType === "BlankNode") {
        any = true;
        if (term.value.startsWith(LABELLED)) labelled.add(term.value.slice(LABELLED.length));
      } else if (term.termType === "Quad") {
        pending.push(...partsOf(term));
      }
    }
  }
  return { labelled, any };
}

/**
 * The renaming of blank nodes, term by term: labelled ones keep their label, anonymous ones
 * are named `b1`, `b2`, … (skipping labels in use) in the order they are first given.
 */
function blankRenamer(labelled: ReadonlySet<string>): (term: Term) => Term {
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
  const renamed = new Map<string, BlankNode>();
  return (term: Term): Term => {
    if (term.termType !== "BlankNode") return term;
    let out = renamed.get(term.value);
    if (out === undefined)
      renamed.set(term.value, (out = DataFactory.blankNode(nameOf(term.value))));
    return out;
  };
}

function renameBlankNodes(quads: ParsedQuad[]): ParsedQuad[] {
  function* named(): Generator<AnyTerm> {
    for (const q of quads) yield* [q.subject, q.object, q.graph];
  }
  const { labelled, any } = blankLabels(named());
  if (!any) return quads;
  const leaf = blankRenamer(labelled);
  const hasBlank = (term: AnyTerm): boolean =>
    term.termType === "BlankNode" || term.termType === "Quad";
  // Parts left to right, as the names are given in order of first use.
  return quads.map((q) =>
    hasBlank(q.subject) || hasBlank(q.object) || hasBlank(q.graph)
      ? {
          subject: mapTerm(q.subject, leaf) as Quad["subject"],
          predicate: q.predicate,
          object: mapTerm(q.object, leaf) as Quad["object"],
          graph: mapTerm(q.graph, leaf) as Quad["graph"],
        }
      : q,
  );
}
