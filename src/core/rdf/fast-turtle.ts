/**
 * Orgraph core: a fast reader for the common part of Turtle, TriG, N-Triples and N-Quads.
 *
 * Most RDF that researchers bring (triple store dumps, generated registers, annotations) uses a
 * part of the grammar: IRIs (relative ones resolved by n3's own code, `@base` and `BASE`
 * followed), prefixed names, labelled blank nodes and `[ ... ]`, strings (short and long, with
 * their escapes) with a language tag or a datatype, integers, decimals, booleans, `a`, `;` and
 * `,`, TriG graph blocks. This reader reads that part straight from character codes, statement
 * by statement, into the same terms and the same quad store as n3's parser
 * (src/core/rdf/parse.ts), faster than n3 alone.
 *
 * It never decides anything n3 would decide otherwise: at the first thing outside its part (a
 * collection `(`, `<<`, a base direction, any syntax error, ...) it stops and says so
 * (`write` or `end` returns false), and the caller reads the whole input again with n3. Errors,
 * their messages and places, are therefore always n3's. A statement's quads reach the store only
 * once the statement is complete; one cut by the end of a chunk is read again, whole, with the
 * next chunk.
 */
import type { BlankNode, Literal, NamedNode, Term } from "n3";
import { keepShape } from "../shapes";

/** The term factory shared with the n3 path: the same interned term for the same key. */
export interface FastTermFactory {
  /** The named node of `iri`, interned (the reader asks only for IRIs it has not met). */
  namedNode(iri: string): NamedNode;
  /** A labelled blank node, by the name n3 gives it (its label after the parser's prefix). */
  blankNode(name: string): BlankNode;
  /** A new anonymous blank node (`[ ]`), never a labelled one's. */
  newBlankNode(): BlankNode;
  /**
   * A new literal of n3's id `id` (`"value"`, `"value"@tag` with the tag in lower case, or
   * `"value"^^datatype`, xsd:string never written): the reader interns literals itself.
   */
  newLiteral(id: string): Literal;
  defaultGraph(): Term;
}

/** n3's resolution of relative IRIs against a base that declarations change. */
export interface IriResolver {
  /** The IRI `iri` stands for, null when it cannot be resolved (n3's error). */
  resolve(iri: string): string | null;
  /** Sets the base (an IRI already resolved). */
  setBase(iri: string): void;
}

/** Where complete quads go (a QuadStoreBuilder). */
export interface FastQuadSink {
  add(subject: Term, predicate: Term, object: Term, graph: Term): void;
}

export const FAST_SYNTAXES = [
  "turtle",
  "trig",
  "n-triples",
  "n-quads",
] as const satisfies readonly string[];
export type FastSyntax = (typeof FAST_SYNTAXES)[number];

export interface FastReaderOptions {
  syntax: FastSyntax;
  terms: FastTermFactory;
  sink: FastQuadSink;
  /** What n3 gives a labelled blank node's label before the label (its blank node prefix). */
  blankLabelPrefix: string;
  /** Called for each prefix declaration, as n3's `onPrefix`. */
  onPrefix?: (prefix: string, iri: string) => void;
  /**
   * Resolves relative IRIs (Turtle, TriG) as n3 does, and follows base declarations; without it
   * a relative IRI or a base declaration is left to n3.
   */
  resolver?: IriResolver;
  /**
   * The longest statement kept across chunks, in code units: a longer one (a huge literal or
   * object list fed in small chunks) would be read again with every chunk, so the reader gives
   * up on it and leaves it to n3, which reads tokens as they stream. Default 256 Ki.
   */
  maxPendingStatement?: number;
}

const XSD = "http://www.w3.org/2001/XMLSchema#";
const XSD_INTEGER = `${XSD}integer`;
const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_STRING = `${XSD}string`;
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDF_TYPE = `${RDF}type`;
const RDF_LANG_STRING = `${RDF}langString`;
const RDF_DIR_LANG_STRING = `${RDF}dirLangString`;

// Outcomes of a read. MORE: the text ran out before the statement ended (read it again with
// the next chunk). BAIL: outside the subset, or an error (n3 reads the whole input instead).
const OK = 0;
const MORE = 1;
const BAIL = 2;
type Outcome = typeof OK | typeof MORE | typeof BAIL;

// Character codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const APOSTROPHE = 39;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;
const LT = 60;
const GT = 62;
const AT = 64;
const BACKSLASH = 92;
const CARET = 94;
const UNDERSCORE = 95;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
/** The deepest `[ ]` nesting the reader reads itself (n3, whose stack is its own, reads more). */
const MAX_NESTING = 64;

// ASCII classes as bit flags.
const LETTER = 1;
const DIGIT = 2;
const NAME = 4; // letters, digits, `_`, `-` (PN_CHARS, ASCII)
const DELIMITER = 8; // what n3 lets follow a name: whitespace and `,;!^#()[]{}"'<>`
const IRI_BAD = 16; // not allowed in an IRI reference (the escape `\` included)
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const letter = /[A-Za-z]/.test(ch);
  const digit = /[0-9]/.test(ch);
  CLASSES[c] =
    (letter ? LETTER : 0) |
    (digit ? DIGIT : 0) |
    (letter || digit || ch === "_" || ch === "-" ? NAME : 0) |
    (",;!^#()[]{}\"'<> \t\n\v\f\r".includes(ch) ? DELIMITER : 0) |
    (c <= 0x20 || '<>"{}|^`\\'.includes(ch) ? IRI_BAD : 0);
}

function is(code: number, flag: number): boolean {
  return code < 128 && (CLASSES[code]! & flag) !== 0;
}

/**
 * Terms by the text they were read from, in a "space" (the namespace of a prefixed name, the
 * datatype or language of a literal): a term read before is found from the characters in the
 * input, with no string made for it. Open addressing on a typed array of indices.
 */
class TermTable<T> {
  constructor() {
    keepShape(this);
  }

  private slots = new Int32Array(1 << 12);
  private readonly keys: string[] = [];
  private readonly spaces: number[] = [];
  private readonly hashes: number[] = [];
  private readonly values: T[] = [];
  /** The hash of the last `find`, for the `add` after a miss. */
  private hash = 0;

  /** The value for `buf[start, end)` in `space`, or undefined. */
  find(buf: string, start: number, end: number, space: number): T | undefined {
    let h = Math.imul(space + 1, 0x9e3779b1);
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf.charCodeAt(i), 0x01000193);
    h &= 0x3fffffff;
    this.hash = h;
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot]!;
      if (at === 0) return undefined;
      const i = at - 1;
      if (this.hashes[i] === h && this.spaces[i] === space) {
        const key = this.keys[i]!;
        if (key.length === length && buf.startsWith(key, start)) return this.values[i];
      }
    }
  }

  /** Adds `value` for `key` (the text of the last `find`, which missed) in `space`. */
  add(key: string, space: number, value: T): void {
    const i = this.keys.length;
    this.keys.push(key);
    this.spaces.push(space);
    this.hashes.push(this.hash);
    this.values.push(value);
    if ((i + 1) * 2 > this.slots.length) this.grow();
    else this.place(i);
  }

  private place(i: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = this.hashes[i]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.keys.length; i++) this.place(i);
  }
}

// Spaces of the name table: IRIs in angle brackets, blank node labels, then one per namespace.
const IRI_SPACE = 0;
const BLANK_SPACE = 1;

/** A declared prefix (changed in place when the prefix is declared again). */
interface PrefixEntry {
  iri: string;
  /** The namespace's space in the name table (one per IRI, whichever prefix names it). */
  space: number;
}

/**
 * Reads the subset described above, chunk by chunk. `write` and `end` return false once the
 * input leaves the subset: what was added to the sink is then to be thrown away.
 */
export class FastRdfReader {
  private readonly terms: FastTermFactory;
  private readonly sink: FastQuadSink;
  private readonly lineMode: boolean;
  private readonly trig: boolean;
  private readonly nquads: boolean;
  private readonly labelPrefix: string;
  private readonly onPrefix: ((prefix: string, iri: string) => void) | undefined;
  private readonly resolver: IriResolver | undefined;
  /** The name table's space of relative IRIs under the current base (negative, new per base). */
  private relativeSpace = -1;
  private readonly maxPending: number;
  private readonly defaultGraph: Term;
  private readonly names = new TermTable<Term>();
  private readonly literals = new TermTable<Term>();
  /** Language tags as written, by their text: the literal space of the tag in lower case. */
  private readonly tags = new TermTable<number>();
  private readonly tagSpaces = new Map<string, number>();
  /** Literal spaces of datatypes, by datatype term. */
  private readonly datatypes = new Map<Term, number>();
  /** What a literal's id ends with, by literal space (0: a simple string, nothing). */
  private readonly suffixes: string[] = [""];
  private xsdBoolean: NamedNode | undefined;
  private xsdInteger: NamedNode | undefined;
  private xsdDecimal: NamedNode | undefined;
  private xsdDouble: NamedNode | undefined;
  private readonly namespaces = new Map<string, number>();
  /** Declared prefixes, by their name's text. */
  private readonly prefixes = new TermTable<PrefixEntry>();
  private rdfType: NamedNode | undefined;

  // The text being read, where, and whether it is the end of the input.
  private buf = "";
  private pos = 0;
  private final = false;
  /** The start of a statement cut by the end of the last chunk. */
  private rest = "";
  private failed = false;

  // The statement being read: its graph, and its quads (4 terms each) until it is complete.
  private graph: Term;
  private inGraph = false;
  private readonly pending: Term[] = [];
  private pendingLength = 0;
  /** How deep in `[ ]` the statement being read is. */
  private nesting = 0;
  /** Whether the last `[ ]` read was empty. */
  private lastListEmpty = false;
  /** The term a successful read gives. */
  private term: Term | undefined;

  constructor(options: FastReaderOptions) {
    this.terms = options.terms;
    this.sink = options.sink;
    this.lineMode = options.syntax === "n-triples" || options.syntax === "n-quads";
    this.trig = options.syntax === "trig";
    this.nquads = options.syntax === "n-quads";
    this.labelPrefix = options.blankLabelPrefix;
    this.onPrefix = options.onPrefix;
    this.resolver = options.resolver;
    this.maxPending = options.maxPendingStatement ?? 256 * 1024;
    this.defaultGraph = this.terms.defaultGraph();
    this.graph = this.defaultGraph;
    keepShape(this);
  }

  /** Reads `chunk`; false once the input is outside the subset (n3 must read all of it). */
  write(chunk: string): boolean {
    if (this.failed) return false;
    return this.run(this.rest.length > 0 ? this.rest + chunk : chunk, false);
  }

  /** Ends the input; false when it is outside the subset or ends inside a statement. */
  end(): boolean {
    if (this.failed) return false;
    const ok = this.run(this.rest, true) && !this.inGraph;
    if (!ok) this.failed = true;
    return ok;
  }

  private run(text: string, final: boolean): boolean {
    this.buf = text;
    this.pos = 0;
    this.final = final;
    const pending = this.pending;
    for (;;) {
      if (this.space() !== OK) return this.cut(this.pos);
      if (this.pos >= text.length) {
        this.rest = "";
        return true;
      }
      const start = this.pos;
      this.pendingLength = 0;
      const outcome = this.lineMode ? this.lineStatement() : this.statement();
      if (outcome === OK) {
        const sink = this.sink;
        for (let i = 0, n = this.pendingLength; i < n; i += 4) {
          sink.add(pending[i]!, pending[i + 1]!, pending[i + 2]!, pending[i + 3]!);
        }
      } else if (outcome === MORE) {
        return this.cut(start);
      } else {
        this.failed = true;
        return false;
      }
    }
  }

  /** Keeps the text from `start` for the next chunk (a statement the chunk cut). */
  private cut(start: number): boolean {
    const buf = this.buf;
    if (this.final || buf.length - start > this.maxPending) {
      this.failed = true;
      return false;
    }
    this.rest = start === 0 ? buf : buf.slice(start);
    return true;
  }

  /** MORE at the end of the text (unless it is the end of the input), else BAIL. */
  private short(): Outcome {
    return this.final ? BAIL : MORE;
  }

  // -------------------------------------------------------------------------------------------
  // Whitespace and comments

  /** Skips spaces, tabs, line breaks and comments; MORE when a comment runs to the text's end. */
  private space(): Outcome {
    const buf = this.buf;
    let pos = this.pos;
    for (;;) {
      const c = buf.charCodeAt(pos);
      if (c === SPACE || c === LF || c === CR || c === TAB) pos++;
      else if (c === HASH) {
        const hash = pos;
        for (pos++; ; pos++) {
          if (pos >= buf.length) {
            // The comment may go on in the next chunk: read it again from its start.
            this.pos = this.final ? pos : hash;
            return this.final ? OK : MORE;
          }
          const d = buf.charCodeAt(pos);
          if (d === LF || d === CR) break;
        }
      } else break;
    }
    this.pos = pos;
    return OK;
  }

  /** Skips spaces and tabs only (inside an N-Triples or N-Quads line). */
  private inline(): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let c = buf.charCodeAt(pos); c === SPACE || c === TAB; c = buf.charCodeAt(++pos));
    this.pos = pos;
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  /** One Turtle or TriG statement: a directive, a graph's opening or end, or triples. */
  private statement(): Outcome {
    const buf = this.buf;
    const c = buf.charCodeAt(this.pos);
    if (c === AT) return this.inGraph ? BAIL : this.atDirective();
    if (c === LBRACE || c === RBRACE) {
      if (!this.trig || this.inGraph !== (c === RBRACE)) return BAIL;
      this.pos++;
      this.inGraph = c === LBRACE;
      this.graph = this.defaultGraph;
      return OK;
    }
    if (is(c, LETTER)) {
      const keyword = this.keyword();
      if (keyword === MORE) return MORE;
      if (keyword === "prefix") return this.inGraph ? BAIL : this.prefixDirective(false);
      if (keyword === "base") return this.inGraph ? BAIL : this.baseDirective(false);
      if (keyword === "graph") return this.trig && !this.inGraph ? this.graphKeyword() : BAIL;
      if (keyword !== undefined) return BAIL;
    }
    if (c === LBRACKET) return this.blankSubject();
    let outcome = this.resource();
    if (outcome !== OK) return outcome;
    const subject = this.term!;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos) === LBRACE) {
      // TriG: `name { ... }`.
      if (!this.trig || this.inGraph) return BAIL;
      this.pos++;
      this.inGraph = true;
      this.graph = subject;
      return OK;
    }
    if ((outcome = this.predicateObjectList(subject)) !== OK) return outcome;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    const end = buf.charCodeAt(this.pos);
    if (end === DOT) return this.dot();
    // The last triples of a graph block may end at its `}` (read as the next statement).
    return end === RBRACE && this.inGraph ? OK : BAIL;
  }

  /**
   * A statement whose subject is `[ ... ]`: the list's triples, then maybe more about the blank
   * node (`[ :p :o ] :q :r .`). `[]` needs them (`[] .` is n3's error); `[ ] { }` (a blank graph
   * name) is left to n3.
   */
  private blankSubject(): Outcome {
    const buf = this.buf;
    let outcome = this.blankNodePropertyList();
    if (outcome !== OK) return outcome;
    const subject = this.term!;
    const empty = this.lastListEmpty;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    let c = buf.charCodeAt(this.pos);
    if (!empty && (c === DOT || (c === RBRACE && this.inGraph))) {
      return c === DOT ? this.dot() : OK;
    }
    if (c === DOT || c === LBRACE || c === RBRACE) return BAIL;
    if ((outcome = this.predicateObjectList(subject)) !== OK) return outcome;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    c = buf.charCodeAt(this.pos);
    if (c === DOT) return this.dot();
    return c === RBRACE && this.inGraph ? OK : BAIL;
  }

  /**
   * `[ predicate objects ; ... ]` or `[]`: a new blank node, the subject of the list's triples
   * (kept before the triple that holds the node, as n3 emits them). The node in `term`.
   */
  private blankNodePropertyList(): Outcome {
    const buf = this.buf;
    if (this.nesting >= MAX_NESTING) return BAIL;
    this.pos++;
    const node = this.terms.newBlankNode();
    let outcome = this.space();
    if (outcome !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    let empty = true;
    if (buf.charCodeAt(this.pos) !== RBRACKET) {
      empty = false;
      this.nesting++;
      outcome = this.predicateObjectList(node);
      this.nesting--;
      if (outcome !== OK) return outcome;
      if ((outcome = this.space()) !== OK) return outcome;
      if (this.pos >= buf.length) return this.short();
      if (buf.charCodeAt(this.pos) !== RBRACKET) return BAIL;
    }
    this.pos++;
    this.lastListEmpty = empty;
    this.term = node;
    return OK;
  }

  /** A `.` that ends a statement (not the start of a number such as `.5`). */
  private dot(): Outcome {
    const next = this.pos + 1;
    if (next >= this.buf.length && !this.final) return MORE;
    if (is(this.buf.charCodeAt(next), DIGIT)) return BAIL;
    this.pos = next;
    return OK;
  }

  /**
   * A SPARQL-style keyword (PREFIX, BASE, VERSION, GRAPH in any case) where n3 would read one:
   * followed by whitespace, `#`, `<`, `"` or `'`. Its name in lower case, undefined when the
   * word is not one (a prefixed name), MORE when the text ends first.
   */
  private keyword(): string | undefined | typeof MORE {
    const buf = this.buf;
    const start = this.pos;
    let end = start;
    while (end - start < 8 && is(buf.charCodeAt(end), LETTER)) end++;
    if (end >= buf.length) return this.final ? undefined : MORE;
    const length = end - start;
    if (length < 4 || length > 7) return undefined;
    const c = buf.charCodeAt(end);
    const follows =
      c === SPACE || c === TAB || c === LF || c === CR || c === HASH || c === LT || c === QUOTE;
    if (!follows && !(c === APOSTROPHE || (c >= 11 && c <= 12))) return undefined;
    const word = buf.slice(start, end).toLowerCase();
    if (word !== "prefix" && word !== "base" && word !== "version" && word !== "graph") {
      return undefined;
    }
    this.pos = end;
    return word;
  }

  /** `@prefix p: <iri> .`; any other `@` directive is left to n3. */
  private atDirective(): Outcome {
    const buf = this.buf;
    if (this.pos + 8 > buf.length) return this.short();
    const prefix = buf.startsWith("@prefix", this.pos);
    if (!prefix && !buf.startsWith("@base", this.pos)) return BAIL;
    const length = prefix ? 7 : 5;
    const c = buf.charCodeAt(this.pos + length);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR && (prefix || c !== LT)) return BAIL;
    this.pos += length;
    return prefix ? this.prefixDirective(true) : this.baseDirective(true);
  }

  /** The rest of a base declaration, after `@base` (`dot`) or `BASE`. */
  private baseDirective(dot: boolean): Outcome {
    const buf = this.buf;
    const resolver = this.resolver;
    if (resolver === undefined) return BAIL;
    let outcome = this.space();
    if (outcome !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos) !== LT) return BAIL;
    if ((outcome = this.iri()) !== OK) return outcome;
    const base = this.term!.value;
    if (base === "") return BAIL; // n3's error
    if (dot) {
      if ((outcome = this.space()) !== OK) return outcome;
      if (this.pos >= buf.length) return this.short();
      if (buf.charCodeAt(this.pos) !== DOT || (outcome = this.dot()) !== OK) {
        return outcome === MORE ? MORE : BAIL;
      }
    }
    resolver.setBase(base);
    // Relative IRIs read from now on resolve against the new base: a table space of their own.
    this.relativeSpace--;
    return OK;
  }

  /** The rest of a prefix declaration, after `@prefix` (`dot`) or `PREFIX`. */
  private prefixDirective(dot: boolean): Outcome {
    const buf = this.buf;
    let outcome = this.space();
    if (outcome !== OK) return outcome;
    const start = this.pos;
    let end = start;
    if (is(buf.charCodeAt(end), LETTER)) {
      for (end++; is(buf.charCodeAt(end), NAME); end++);
    }
    if (end + 1 >= buf.length) return this.short();
    if (buf.charCodeAt(end) !== COLON) return BAIL;
    const after = buf.charCodeAt(end + 1);
    if (after !== SPACE && after !== TAB && after !== LF && after !== CR && after !== LT) {
      return BAIL;
    }
    const name = buf.slice(start, end);
    this.pos = end + 1;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos) !== LT) return BAIL;
    if ((outcome = this.iri()) !== OK) return outcome;
    const iri = this.term!.value;
    if (dot) {
      if ((outcome = this.space()) !== OK) return outcome;
      if (this.pos >= buf.length) return this.short();
      if (buf.charCodeAt(this.pos) !== DOT || (outcome = this.dot()) !== OK) {
        return outcome === MORE ? MORE : BAIL;
      }
    }
    let space = this.namespaces.get(iri);
    if (space === undefined)
      this.namespaces.set(iri, (space = BLANK_SPACE + 1 + this.namespaces.size));
    const entry = this.prefixes.find(name, 0, name.length, 0);
    if (entry === undefined) this.prefixes.add(name, 0, { iri, space });
    else {
      entry.iri = iri;
      entry.space = space;
    }
    this.onPrefix?.(name, iri);
    return OK;
  }

  /** `GRAPH name {` (TriG), after the keyword. */
  private graphKeyword(): Outcome {
    let outcome = this.space();
    if (outcome !== OK) return outcome;
    if ((outcome = this.resource()) !== OK) return outcome;
    const name = this.term!;
    if ((outcome = this.space()) !== OK) return outcome;
    if (this.pos >= this.buf.length) return this.short();
    if (this.buf.charCodeAt(this.pos) !== LBRACE) return BAIL;
    this.pos++;
    this.inGraph = true;
    this.graph = name;
    return OK;
  }

  /** `verb objects (; verb objects)*`, the subject read. */
  private predicateObjectList(subject: Term): Outcome {
    const buf = this.buf;
    const graph = this.graph;
    for (;;) {
      let outcome = this.verb();
      if (outcome !== OK) return outcome;
      const predicate = this.term!;
      for (;;) {
        if ((outcome = this.space()) !== OK) return outcome;
        if ((outcome = this.object()) !== OK) return outcome;
        this.emit(subject, predicate, this.term!, graph);
        if ((outcome = this.space()) !== OK) return outcome;
        if (this.pos >= buf.length) return this.short();
        if (buf.charCodeAt(this.pos) !== COMMA) break;
        this.pos++;
      }
      if (buf.charCodeAt(this.pos) !== SEMICOLON) return OK;
      // `;` may repeat, and may end the list.
      for (;;) {
        this.pos++;
        if ((outcome = this.space()) !== OK) return outcome;
        if (this.pos >= buf.length) return this.short();
        if (buf.charCodeAt(this.pos) !== SEMICOLON) break;
      }
      const c = buf.charCodeAt(this.pos);
      if (c === DOT || c === RBRACE || c === RBRACKET) return OK;
      if ((outcome = this.space()) !== OK) return outcome;
    }
  }

  /** Keeps a quad of the statement being read (the array is reused, never shrunk). */
  private emit(subject: Term, predicate: Term, object: Term, graph: Term): void {
    const pending = this.pending;
    const n = this.pendingLength;
    pending[n] = subject;
    pending[n + 1] = predicate;
    pending[n + 2] = object;
    pending[n + 3] = graph;
    this.pendingLength = n + 4;
  }

  /** One N-Triples or N-Quads line: terms separated by spaces or tabs, `.`, end of line. */
  private lineStatement(): Outcome {
    const buf = this.buf;
    let outcome = this.lineResource();
    if (outcome !== OK) return outcome;
    const subject = this.term!;
    this.inline();
    if (this.pos >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos) !== LT) return BAIL;
    if ((outcome = this.iri()) !== OK) return outcome;
    const predicate = this.term!;
    this.inline();
    if (this.pos >= buf.length) return this.short();
    const c = buf.charCodeAt(this.pos);
    if (c === QUOTE) outcome = this.literal();
    else outcome = this.lineResource();
    if (outcome !== OK) return outcome;
    const object = this.term!;
    this.inline();
    if (this.pos >= buf.length) return this.short();
    let graph = this.defaultGraph;
    if (this.nquads && buf.charCodeAt(this.pos) !== DOT) {
      if ((outcome = this.lineResource()) !== OK) return outcome;
      graph = this.term!;
      this.inline();
    }
    if (this.pos >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos) !== DOT) return BAIL;
    this.pos++;
    this.inline();
    // Nothing else on the line but a comment.
    if (this.pos >= buf.length) {
      if (!this.final) return MORE;
    } else {
      const end = buf.charCodeAt(this.pos);
      if (end !== LF && end !== CR && end !== HASH) return BAIL;
    }
    this.emit(subject, predicate, object, graph);
    return OK;
  }

  /** An IRI or a labelled blank node (N-Triples, N-Quads). */
  private lineResource(): Outcome {
    if (this.pos >= this.buf.length) return this.short();
    const c = this.buf.charCodeAt(this.pos);
    return c === LT ? this.iri() : c === UNDERSCORE ? this.blank() : BAIL;
  }

  // -------------------------------------------------------------------------------------------
  // Terms

  /** A subject or graph name: an IRI, a prefixed name or a labelled blank node. */
  private resource(): Outcome {
    if (this.pos >= this.buf.length) return this.short();
    const c = this.buf.charCodeAt(this.pos);
    if (c === LT) return this.iri();
    if (c === UNDERSCORE) return this.blank();
    if (c === COLON || is(c, LETTER)) return this.prefixedName();
    return BAIL;
  }

  /** A predicate: an IRI, a prefixed name, or `a`. */
  private verb(): Outcome {
    const buf = this.buf;
    if (this.pos >= buf.length) return this.short();
    const c = buf.charCodeAt(this.pos);
    if (c === LT) return this.iri();
    if (c === 97 /* a */) {
      if (this.pos + 1 >= buf.length) return this.short();
      const next = buf.charCodeAt(this.pos + 1);
      if (is(next, DELIMITER)) {
        this.pos++;
        this.term = this.rdfType ??= this.terms.namedNode(RDF_TYPE);
        return OK;
      }
    }
    if (c === COLON || is(c, LETTER)) return this.keywordFree() ?? this.prefixedName();
    return BAIL;
  }

  /** An object: a resource, `[ ... ]`, a string, a number, a boolean. */
  private object(): Outcome {
    const buf = this.buf;
    if (this.pos >= buf.length) return this.short();
    const c = buf.charCodeAt(this.pos);
    if (c === LT) return this.iri();
    if (c === QUOTE || c === APOSTROPHE) return this.literal();
    if (c === LBRACKET && !this.lineMode) return this.blankNodePropertyList();
    if (c === UNDERSCORE) return this.blank();
    if (is(c, DIGIT) || c === PLUS || c === MINUS) return this.number();
    if (c === 116 /* t */ || c === 102 /* f */) {
      const word = c === 116 ? "true" : "false";
      const end = this.pos + word.length;
      if (end >= buf.length) return this.short();
      if (buf.startsWith(word, this.pos)) {
        const next = buf.charCodeAt(end);
        if (next === DOT || is(next, DELIMITER)) {
          this.pos = end;
          const space = this.datatypeSpace((this.xsdBoolean ??= this.terms.namedNode(XSD_BOOLEAN)));
          this.term = this.literalIn(word, 0, word.length, space);
          return OK;
        }
      }
    }
    if (c === COLON || is(c, LETTER)) return this.keywordFree() ?? this.prefixedName();
    return BAIL;
  }

  /**
   * Where n3 would read a keyword, a boolean or `a` instead of a name in this place: BAIL
   * (or MORE when the text ends too soon to tell); undefined when the name can be read.
   */
  private keywordFree(): Outcome | undefined {
    const c = this.buf.charCodeAt(this.pos);
    if (c === 97 /* a */) {
      if (this.pos + 1 >= this.buf.length) return this.short();
      return is(this.buf.charCodeAt(this.pos + 1), DELIMITER) ? BAIL : undefined;
    }
    const lower = c | 32; // ASCII letters in lower case
    if (lower === 98 /* b */ || lower === 112 /* p */ || lower === 103 /* g */ || lower === 118) {
      const at = this.pos;
      const keyword = this.keyword();
      this.pos = at;
      if (keyword === MORE) return MORE;
      return keyword === undefined ? undefined : BAIL;
    }
    return undefined;
  }

  /** `<iri>`: absolute (n3 resolves relative ones), with `\\u` and `\\U` escapes or none. */
  private iri(): Outcome {
    const buf = this.buf;
    const start = this.pos + 1;
    let end = start;
    let escaped = false;
    for (;;) {
      if (end >= buf.length) return this.short();
      const c = buf.charCodeAt(end);
      if (c === GT) break;
      if (c === BACKSLASH) {
        const length = numericEscape(buf, end);
        if (length < 0) return this.short();
        if (length === 0) return BAIL;
        escaped = true;
        end += length;
        continue;
      }
      if (c < 128 && (CLASSES[c]! & IRI_BAD) !== 0) return BAIL;
      end++;
    }
    // Relative IRIs (as written) are found under the current base only.
    const space = hasScheme(buf, start, end) ? IRI_SPACE : this.relativeSpace;
    let term = this.names.find(buf, start, end, space);
    if (term === undefined) {
      const raw = buf.slice(start, end);
      let iri: string | null = escaped ? unescape(raw) : raw;
      // What an escape stands for must be allowed in an IRI too (n3 checks after unescaping).
      if (escaped && !validIri(iri)) return BAIL;
      if (!isAbsolute(iri)) {
        if (this.lineMode || this.resolver === undefined) return BAIL;
        iri = this.resolver.resolve(iri);
        if (iri === null) return BAIL; // n3's error
      }
      // Keyed by the text as written: an escaped and a plain spelling are one term all the same.
      this.names.add(raw, space, (term = this.terms.namedNode(iri)));
    }
    this.term = term;
    this.pos = end + 1;
    return OK;
  }

  /**
   * The end of a name that may hold dots but not end with one, from `pos`: the first
   * character that is not a name character or a dot, then back over trailing dots; -1 when the
   * name runs into a character only n3 reads (`:`, `%`, `\`, and past U+007F what is not a
   * name character, or any such character unless `wide`), MORE-worthy when the text ends
   * (`buf.length` returned; the caller checks).
   */
  private nameEnd(pos: number, wide: boolean): number {
    const buf = this.buf;
    for (;;) {
      if (pos >= buf.length) return pos;
      const c = buf.charCodeAt(pos);
      if (c < 128) {
        if ((CLASSES[c]! & NAME) === 0 && c !== DOT) break;
        pos++;
      } else {
        if (!wide) return -1;
        // A high surrogate at the end of the text: its pair comes with the next chunk.
        if (c >= 0xd800 && c <= 0xdbff && pos + 1 >= buf.length) return buf.length;
        const length = wideNameLength(buf, pos, false);
        if (length === 0) return -1;
        pos += length;
      }
    }
    const c = buf.charCodeAt(pos);
    if (c === COLON || c === 37 /* % */ || c === BACKSLASH) return -1;
    while (buf.charCodeAt(pos - 1) === DOT) pos--;
    return pos;
  }

  /** Whether a name can end at `end` (n3's rule: a delimiter, or a dot then a delimiter). */
  private nameEnds(end: number): Outcome {
    const buf = this.buf;
    let c = buf.charCodeAt(end);
    if (c === DOT) {
      if (end + 1 >= buf.length) return this.short();
      c = buf.charCodeAt(end + 1);
    }
    return is(c, DELIMITER) ? OK : BAIL;
  }

  /** `prefix:local` with an ASCII prefix and local name, the prefix declared. */
  private prefixedName(): Outcome {
    const buf = this.buf;
    const start = this.pos;
    let colon = start;
    if (is(buf.charCodeAt(colon), LETTER)) {
      for (colon++; is(buf.charCodeAt(colon), NAME); colon++);
    }
    if (colon >= buf.length) return this.short();
    if (buf.charCodeAt(colon) !== COLON) return BAIL;
    let end = colon + 1;
    const first = buf.charCodeAt(end);
    if ((is(first, NAME) && first !== MINUS) || (first >= 128 && wideNameLength(buf, end, true))) {
      end = this.nameEnd(end, true);
      if (end < 0) return BAIL;
      if (end >= buf.length) return this.short();
    } else if (end >= buf.length) {
      return this.short();
    } else if (!(first === DOT || is(first, DELIMITER))) {
      return BAIL;
    }
    const ends = this.nameEnds(end);
    if (ends !== OK) return ends;
    const entry = this.prefixes.find(buf, start, colon, 0);
    if (entry === undefined) return BAIL; // undefined prefix: n3's error
    let term = this.names.find(buf, colon + 1, end, entry.space);
    if (term === undefined) {
      const local = buf.slice(colon + 1, end);
      this.names.add(local, entry.space, (term = this.terms.namedNode(entry.iri + local)));
    }
    this.term = term;
    this.pos = end;
    return OK;
  }

  /** `_:label`, ASCII. */
  private blank(): Outcome {
    const buf = this.buf;
    const start = this.pos + 2;
    if (start >= buf.length) return this.short();
    if (buf.charCodeAt(this.pos + 1) !== COLON) return BAIL;
    const first = buf.charCodeAt(start);
    if (!is(first, NAME) || first === MINUS) return BAIL;
    const end = this.nameEnd(start, false);
    if (end < 0) return BAIL;
    if (end >= buf.length) return this.short();
    const ends = this.nameEnds(end);
    if (ends !== OK) return ends;
    let term = this.names.find(buf, start, end, BLANK_SPACE);
    if (term === undefined) {
      // n3 reads a label's dots one at a time: `_:a..b` is its error (a local name's are not).
      for (let i = start + 1; i < end; i++) {
        if (buf.charCodeAt(i) === DOT && buf.charCodeAt(i - 1) === DOT) return BAIL;
      }
      const label = buf.slice(start, end);
      this.names.add(label, BLANK_SPACE, (term = this.terms.blankNode(this.labelPrefix + label)));
    }
    this.term = term;
    this.pos = end;
    return OK;
  }

  /**
   * A string (`"..."`, and outside N-Triples `'...'`, `"""..."""`, `'''...'''`), then a
   * language tag or a datatype.
   */
  private literal(): Outcome {
    const buf = this.buf;
    const quote = buf.charCodeAt(this.pos);
    if (this.pos + 2 >= buf.length) return this.short();
    // Three quotes open a long string (`""` then a quote included, as n3 reads it).
    const long = buf.charCodeAt(this.pos + 1) === quote && buf.charCodeAt(this.pos + 2) === quote;
    if (long && this.lineMode) return BAIL;
    const start = this.pos + (long ? 3 : 1);
    let end = start;
    let escaped = false;
    for (;;) {
      if (end >= buf.length) return this.short();
      const c = buf.charCodeAt(end);
      if (c === quote) {
        if (!long) break;
        // A long string ends at the first three quotes (one or two are text).
        if (end + 2 >= buf.length) return this.short();
        if (buf.charCodeAt(end + 1) === quote && buf.charCodeAt(end + 2) === quote) break;
        end++;
        continue;
      }
      if ((c === LF || c === CR) && !long) return BAIL;
      if (c === BACKSLASH) {
        if (end + 1 >= buf.length) return this.short();
        let length = 2;
        if (ESCAPES[buf.charCodeAt(end + 1)] === undefined) {
          length = numericEscape(buf, end);
          if (length < 0) return this.short();
          if (length === 0) return BAIL; // an error: n3's
        }
        escaped = true;
        end += length;
        continue;
      }
      end++;
    }
    const closing = long ? 3 : 1;
    if (end + closing >= buf.length) return this.short();
    let pos = end + closing;
    // The literal's space in the table: 0 for a simple string, odd for a datatype, even for a
    // language tag (as written: "EN" and "en" are two spaces, the factory gives one literal).
    let space = 0;
    const next = buf.charCodeAt(pos);
    if (next === AT) {
      // A language tag: letters, then `-` and letters or digits, each subtag at most 8 long.
      const tagStart = pos + 1;
      let i = tagStart;
      while (is(buf.charCodeAt(i), LETTER)) i++;
      if (i === tagStart || i - tagStart > 8) return i >= buf.length ? this.short() : BAIL;
      for (;;) {
        if (i >= buf.length) return this.short();
        if (buf.charCodeAt(i) !== MINUS) break;
        const subtag = i + 1;
        for (i = subtag; is(buf.charCodeAt(i), LETTER) || is(buf.charCodeAt(i), DIGIT); i++);
        if (i >= buf.length) return this.short();
        if (i === subtag || i - subtag > 8) return BAIL; // `--` (a direction), or too long
      }
      let tag = this.tags.find(buf, tagStart, i, 0);
      if (tag === undefined) {
        const text = buf.slice(tagStart, i);
        if (text === "version") return BAIL; // n3 reads `@version` as a directive
        // n3's factory writes tags in lower case: "EN" and "en" are one literal.
        const lower = text.toLowerCase();
        tag = this.tagSpaces.get(lower);
        if (tag === undefined) {
          this.tagSpaces.set(lower, (tag = 2 + 2 * this.tagSpaces.size));
          this.suffixes[tag] = `@${lower}`;
        }
        this.tags.add(text, 0, tag);
      }
      space = tag;
      pos = i;
    } else if (next === CARET) {
      if (pos + 2 >= buf.length) return this.short();
      if (buf.charCodeAt(pos + 1) !== CARET) return BAIL;
      this.pos = pos + 2;
      const c = buf.charCodeAt(this.pos);
      const outcome =
        c === LT
          ? this.iri()
          : !this.lineMode && (c === COLON || is(c, LETTER))
            ? this.prefixedName()
            : BAIL;
      if (outcome !== OK) return outcome;
      space = this.datatypeSpace(this.term as NamedNode);
      if (space < 0) return BAIL;
      pos = this.pos;
    }
    if (escaped) {
      const value = unescape(buf.slice(start, end));
      this.term = this.literalIn(value, 0, value.length, space);
    } else {
      this.term = this.literalIn(buf, start, end, space);
    }
    this.pos = pos;
    return OK;
  }

  /** The literal of value `text[start, end)` in `space`, made when first met. */
  private literalIn(text: string, start: number, end: number, space: number): Term {
    let term = this.literals.find(text, start, end, space);
    if (term === undefined) {
      const value = start === 0 && end === text.length ? text : text.slice(start, end);
      term = this.terms.newLiteral(`"${value}"${this.suffixes[space]!}`);
      this.literals.add(value, space, term);
    }
    return term;
  }

  /**
   * The literal space of a datatype: odd, 0 for xsd:string (a simple string, as n3's factory
   * has it), -1 for the two that n3 refuses after a string (rdf:langString, rdf:dirLangString).
   */
  private datatypeSpace(term: NamedNode): number {
    let space = this.datatypes.get(term);
    if (space === undefined) {
      const iri = term.value;
      if (iri === RDF_LANG_STRING || iri === RDF_DIR_LANG_STRING) return -1;
      space = iri === XSD_STRING ? 0 : 1 + 2 * this.datatypes.size;
      this.datatypes.set(term, space);
      if (space !== 0) this.suffixes[space] = `^^${iri}`;
    }
    return space;
  }

  /** An integer, a decimal or a double. */
  private number(): Outcome {
    const buf = this.buf;
    const start = this.pos;
    let i = start;
    let c = buf.charCodeAt(i);
    if (c === PLUS || c === MINUS) c = buf.charCodeAt(++i);
    const digits = i;
    while (is(c, DIGIT)) c = buf.charCodeAt(++i);
    if (i === digits) return i >= buf.length ? this.short() : BAIL;
    let decimal = false;
    let double = false;
    if (c === DOT) {
      if (i + 1 >= buf.length) return this.short();
      const next = buf.charCodeAt(i + 1);
      if (is(next, DIGIT)) {
        decimal = true;
        for (c = buf.charCodeAt(++i); is(c, DIGIT); c = buf.charCodeAt(++i));
      } else if (next === 101 /* e */ || next === 69 /* E */) {
        // `1.e5` is a double (n3's `\d+\.\d*` before the exponent), when an exponent follows.
        const end = exponentEnd(buf, i + 1);
        if (end < 0) return this.short();
        if (end > 0) {
          double = true;
          i = end;
          c = buf.charCodeAt(i);
        }
      }
    }
    if (i >= buf.length) return this.short();
    if (!double && (c === 101 /* e */ || c === 69) /* E */) {
      const end = exponentEnd(buf, i);
      if (end < 0) return this.short();
      if (end === 0) return BAIL;
      double = true;
      i = end;
      c = buf.charCodeAt(i);
      if (i >= buf.length) return this.short();
    }
    // n3's rule: a delimiter or `:` follows, maybe after a dot.
    let after = c;
    if (after === DOT) {
      if (i + 1 >= buf.length) return this.short();
      after = buf.charCodeAt(i + 1);
    }
    if (!(is(after, DELIMITER) || after === COLON)) return BAIL;
    const datatype = double
      ? (this.xsdDouble ??= this.terms.namedNode(XSD_DOUBLE))
      : decimal
        ? (this.xsdDecimal ??= this.terms.namedNode(XSD_DECIMAL))
        : (this.xsdInteger ??= this.terms.namedNode(XSD_INTEGER));
    this.term = this.literalIn(buf, start, i, this.datatypeSpace(datatype));
    this.pos = i;
    return OK;
  }
}

/**
 * n3's name characters past U+007F (its `nameCharLength`): the length of the one at `pos`, 1,
 * or 2 for a surrogate pair (U+10000 to U+EFFFF), 0 when it is none; `first`: PN_CHARS_BASE only
 * (the first character of a local name), else PN_CHARS.
 */
function wideNameLength(buf: string, pos: number, first: boolean): number {
  const c = buf.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdb7f) {
    const low = buf.charCodeAt(pos + 1);
    return low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
  }
  if (!first && (c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040)) {
    return 1;
  }
  return (c >= 0xc0 &&
    c <= 0x1fff &&
    c !== 0xd7 &&
    c !== 0xf7 &&
    (c < 0x300 || (c >= 0x370 && c !== 0x37e))) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
    ? 1
    : 0;
}

/**
 * The end of an exponent (`e` or `E`, a sign maybe, digits) at `at`: 0 when there is none, -1
 * when the text ends before it is known.
 */
function exponentEnd(buf: string, at: number): number {
  let i = at + 1;
  let c = buf.charCodeAt(i);
  if (c === PLUS || c === MINUS) c = buf.charCodeAt(++i);
  const digits = i;
  while (is(c, DIGIT)) c = buf.charCodeAt(++i);
  if (i >= buf.length) return -1;
  return i === digits ? 0 : i;
}

/** A string's one-character escapes (`\u` and `\U` are read by numericEscape). */
const ESCAPES: Record<number, string> = {
  [0x74]: "\t",
  [0x62]: "\b",
  [0x6e]: "\n",
  [0x72]: "\r",
  [0x66]: "\f",
  [QUOTE]: '"',
  [APOSTROPHE]: "'",
  [BACKSLASH]: "\\",
};

/** A short string's or IRI's text with its escapes (checked as they were read) replaced. */
function unescape(raw: string): string {
  return raw.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (_, u, U, c: string) =>
    c === undefined
      ? String.fromCodePoint(parseInt((u ?? U) as string, 16))
      : ESCAPES[c.charCodeAt(0)]!,
  );
}

/** The value of a hexadecimal digit, -1 for any other character. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * The length of the numeric escape (`\\uXXXX`, `\\UXXXXXXXX`) at `at`, a backslash: 0 when there
 * is none or n3 refuses it (a digit that is not hexadecimal, a surrogate or a value past
 * U+10FFFF), -1 when the text ends first.
 */
function numericEscape(buf: string, at: number): number {
  const kind = buf.charCodeAt(at + 1);
  const digits = kind === 0x75 /* u */ ? 4 : kind === 0x55 /* U */ ? 8 : 0;
  if (digits === 0) return at + 1 >= buf.length ? -1 : 0;
  const end = at + 2 + digits;
  if (end > buf.length) return -1;
  let code = 0;
  for (let i = at + 2; i < end; i++) {
    const digit = hexValue(buf.charCodeAt(i));
    if (digit < 0) return 0;
    code = code * 16 + digit;
  }
  return code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? 2 + digits : 0;
}

/** Whether an IRI holds only characters an IRI reference may (n3's check after unescaping). */
function validIri(iri: string): boolean {
  for (let i = 0; i < iri.length; i++) {
    const c = iri.charCodeAt(i);
    if (c < 128 && (CLASSES[c]! & IRI_BAD) !== 0) return false;
  }
  return true;
}

/** Whether an IRI is absolute: a scheme (a letter, then letters, digits, `+`, `-`, `.`), `:`. */
function isAbsolute(iri: string): boolean {
  return hasScheme(iri, 0, iri.length);
}

/** Whether `text[start, end)` starts with a scheme and `:`. */
function hasScheme(text: string, start: number, end: number): boolean {
  if (!is(text.charCodeAt(start), LETTER)) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (!(is(c, LETTER) || is(c, DIGIT) || c === PLUS || c === MINUS || c === DOT)) return false;
  }
  return false;
}
