/**
 * Orgraph core: the minimal RDF/JS term and quad shapes the model reads, and canonical keys.
 *
 * Any RDF/JS quads fit (n3's included). A resource's key is its IRI, or `_:id` for a blank
 * node; literals and quoted triples get keys only for sorting.
 */

export interface RdfTerm {
  termType: string;
  value: string;
  /** Literals: language tag ("" for none). */
  language?: string;
  /** Literals: datatype. */
  datatype?: { value: string };
  /** Quoted triples (RDF 1.2). */
  subject?: RdfTerm;
  predicate?: RdfTerm;
  object?: RdfTerm;
}

export interface RdfQuad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
  graph: RdfTerm;
}

export const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
export const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
export const RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";

export function isResource(term: RdfTerm): boolean {
  return term.termType === "NamedNode" || term.termType === "BlankNode";
}

export function isLiteral(term: RdfTerm): boolean {
  return term.termType === "Literal";
}

/** Key of a term: IRI, `_:id`, "" for the default graph, a quoted form for literals and triples. */
export function termKey(term: RdfTerm): string {
  if (term.termType !== "Quad") return leafKey(term);
  // Quoted triples nest: `<<s p o>>`, built with an explicit stack (no recursion, any depth).
  const out: string[] = [];
  const stack: (RdfTerm | string)[] = [term];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === "string") out.push(item);
    else if (item.termType === "Quad") {
      stack.push(">>", item.object ?? "", " ", item.predicate ?? "", " ", item.subject ?? "", "<<");
    } else out.push(leafKey(item));
  }
  return out.join("");
}

function leafKey(term: RdfTerm): string {
  switch (term.termType) {
    case "NamedNode":
      return term.value;
    case "BlankNode":
      return `_:${term.value}`;
    case "DefaultGraph":
      return "";
    case "Literal": {
      const id = n3LiteralKey(term);
      if (id !== undefined) return id;
      const lang = term.language ?? "";
      const dt = term.datatype?.value ?? XSD_STRING;
      return lang !== ""
        ? `"${term.value}"@${lang}`
        : dt === XSD_STRING
          ? `"${term.value}"`
          : `"${term.value}"^^${dt}`;
    }
    default:
      return `?${term.value}`;
  }
}

/** An n3 literal's id (`"value"` then `@lang`, `@lang--dir` or `^^datatype`), else undefined. */
function n3LiteralId(term: RdfTerm): string | undefined {
  const id = (term as { id?: unknown }).id;
  return typeof id === "string" && id.charCodeAt(0) === 34 /* " */ ? id : undefined;
}

/**
 * An n3 literal's id when it is the key `leafKey` would build (`"v"`, `"v"@lang`, `"v"^^dt`
 * with dt other than xsd:string): read as it is, no string built. Undefined otherwise (a base
 * direction, which the key leaves out, or any other kind of term).
 */
function n3LiteralKey(term: RdfTerm): string | undefined {
  const id = n3LiteralId(term);
  if (id === undefined) return undefined;
  const close = id.lastIndexOf('"');
  if (close === id.length - 1) return id;
  const mark = id.charCodeAt(close + 1);
  if (mark === 64 /* @ */) return id.indexOf("--", close) < 0 ? id : undefined;
  if (mark === 94 /* ^ */) return id.endsWith(`^^${XSD_STRING}`) ? undefined : id;
  return undefined;
}

/**
 * Value, language and datatype of an n3 literal, read from its id in one pass: n3's getters
 * parse the id again for each part (and make a term for the datatype). Undefined for any other
 * term. `datatype` is undefined for a language-tagged string.
 */
export function n3LiteralParts(
  term: RdfTerm,
): { value: string; lang: string; datatype: string | undefined } | undefined {
  const id = n3LiteralId(term);
  if (id === undefined) return undefined;
  const close = id.lastIndexOf('"');
  const value = id.substring(1, close);
  const mark = id.charCodeAt(close + 1);
  if (Number.isNaN(mark)) return { value, lang: "", datatype: XSD_STRING };
  if (mark === 64 /* @ */) {
    const dir = id.lastIndexOf("--");
    const tag = dir > close ? id.substring(close + 2, dir) : id.substring(close + 2);
    return { value, lang: tag.toLowerCase(), datatype: undefined };
  }
  if (mark === 94 /* ^ */) return { value, lang: "", datatype: id.substring(close + 3) };
  return undefined;
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical order of quads: graph, subject, predicate, object. */
export function compareQuads(a: RdfQuad, b: RdfQuad): number {
  return (
    compareStrings(termKey(a.graph), termKey(b.graph)) ||
    compareStrings(termKey(a.subject), termKey(b.subject)) ||
    compareStrings(termKey(a.predicate), termKey(b.predicate)) ||
    compareStrings(termKey(a.object), termKey(b.object))
  );
}
