/**
 * Orgraph core: safe serialisation of values into SPARQL text.
 *
 * User input never reaches a query as raw text: every value goes through `iri`, `literal`,
 * `integer` (or `termToSparql`), which validate and escape it, and queries are written with the
 * `sparql` tagged template, which accepts only those fragments (a plain string interpolated
 * by mistake throws instead of being pasted in).
 *
 * Rules (SPARQL 1.1 grammar):
 * - IRIREF: `<` ([^<>"{}|^`\]-[#x00-#x20])* `>`. IRIREF has no escape of its own (a `\u`
 *   escape is decoded before parsing and must still give an allowed character), so an IRI with
 *   a forbidden character is rejected, never rewritten; it must also be absolute (a scheme).
 * - STRING_LITERAL_QUOTE: `"` ([^#x22#x5C#xA#xD] | ECHAR)* `"`. `\`, `"`, LF, CR, TAB, BS, FF
 *   are written as ECHARs, other control characters as `\uXXXX`. An engine that decodes `\u`
 *   escapes before parsing (SPARQL 1.1, section 19.2) still sees the quote escaped: each input
 *   backslash is doubled, so a decoded quote follows an odd number of backslashes.
 * - LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
 * - Text with a lone UTF-16 surrogate cannot be sent as UTF-8: rejected.
 */
import { OrgraphError } from "../errors";
import type { RdfTerm } from "../rdf/terms";

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/** A piece of SPARQL text known to be safe to splice into a query. */
export class SparqlFragment {
  /** Use the factory functions (`iri`, `literal`, `integer`, `raw`), not this constructor. */
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Characters IRIREF forbids: controls and space, and `<>"{}|^\``\\`. */
// eslint-disable-next-line no-control-regex
const IRI_FORBIDDEN = /[\u0000-\u0020<>"{}|^`\\]/u;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LANGTAG = /^[a-zA-Z]+(-[a-zA-Z0-9]+)*$/;

function show(value: string): string {
  const chars = Array.from(value);
  const cut = chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : value;
  return JSON.stringify(cut);
}

/** Throws OrgraphError("invalid") unless `value` is an absolute IRI SPARQL can write as IRIREF. */
export function assertSparqlIri(value: string): void {
  if (typeof value !== "string" || value.length === 0) {
    throw new OrgraphError("invalid", "An IRI for a SPARQL query must be a non-empty string.");
  }
  const bad = IRI_FORBIDDEN.exec(value);
  if (bad) {
    const c = bad[0];
    const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    throw new OrgraphError(
      "invalid",
      `The IRI ${show(value)} contains ${code}, which a SPARQL IRI cannot hold; percent-encode it in the data.`,
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw new OrgraphError("invalid", `The IRI ${show(value)} contains a lone surrogate.`);
  }
  if (!SCHEME.test(value)) {
    throw new OrgraphError(
      "invalid",
      `The IRI ${show(value)} is not absolute (no scheme such as "https:"); SPARQL queries need absolute IRIs.`,
    );
  }
}

/** `<value>`, after `assertSparqlIri`. */
export function iri(value: string): SparqlFragment {
  assertSparqlIri(value);
  return new SparqlFragment(`<${value}>`);
}

/** The body of a STRING_LITERAL_QUOTE (without the quotes). */
export function escapeSparqlString(value: string): string {
  if (typeof value !== "string") {
    throw new OrgraphError("invalid", "A SPARQL string literal must be a string.");
  }
  if (LONE_SURROGATE.test(value)) {
    throw new OrgraphError(
      "invalid",
      `The text ${show(value)} contains a lone surrogate, which cannot be sent to an endpoint.`,
    );
  }
  let out = "";
  for (const c of value) {
    switch (c) {
      case "\\":
        out += "\\\\";
        break;
      case '"':
        out += '\\"';
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case "\b":
        out += "\\b";
        break;
      case "\f":
        out += "\\f";
        break;
      default: {
        const code = c.codePointAt(0) ?? 0;
        // Other C0/C1 controls, DEL, and the line/paragraph separators: \u escapes, so the
        // query text stays printable on one line.
        if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
          out += `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
        } else {
          out += c;
        }
      }
    }
  }
  return out;
}

/** Throws OrgraphError("invalid") unless `tag` is a SPARQL LANGTAG (without the `@`). */
export function assertLanguageTag(tag: string): void {
  if (typeof tag !== "string" || !LANGTAG.test(tag)) {
    throw new OrgraphError(
      "invalid",
      `${show(String(tag))} is not a language tag (letters, then "-" and letters or digits, e.g. "fr" or "en-GB").`,
    );
  }
}

export interface LiteralOptions {
  /** Language tag, e.g. "fr": gives `"…"@fr`. */
  language?: string;
  /** Datatype IRI (ignored with `language`); xsd:string gives a plain `"…"`. */
  datatype?: string;
}

/** `"value"`, `"value"@lang` or `"value"^^<datatype>`, escaped. */
export function literal(value: string, options: LiteralOptions = {}): SparqlFragment {
  const body = `"${escapeSparqlString(value)}"`;
  if (options.language !== undefined && options.language !== "") {
    assertLanguageTag(options.language);
    return new SparqlFragment(`${body}@${options.language}`);
  }
  if (
    options.datatype !== undefined &&
    options.datatype !== XSD_STRING &&
    options.datatype !== RDF_LANG_STRING
  ) {
    return new SparqlFragment(`${body}^^${iri(options.datatype).text}`);
  }
  return new SparqlFragment(body);
}

/** A non-negative integer (LIMIT, OFFSET), checked. */
export function integer(value: number): SparqlFragment {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new OrgraphError("invalid", `Expected a whole number ≥ 0, not ${String(value)}.`);
  }
  return new SparqlFragment(String(value));
}

/**
 * Trusted SPARQL text written by the program (a variable, a keyword), never user input. The
 * text may not contain quotes, angle brackets or braces, so a value cannot sneak in through it.
 */
export function raw(text: string): SparqlFragment {
  if (/["'<>{}\\\n\r]/.test(text)) {
    throw new OrgraphError("invalid", `raw() is for keywords and variables, not ${show(text)}.`);
  }
  return new SparqlFragment(text);
}

/** An RDF term as SPARQL: IRIs and literals; blank nodes cannot be named in a query. */
export function termToSparql(term: RdfTerm): SparqlFragment {
  switch (term.termType) {
    case "NamedNode":
      return iri(term.value);
    case "Literal":
      return literal(term.value, { language: term.language, datatype: term.datatype?.value });
    case "BlankNode":
      throw new OrgraphError(
        "unsupported",
        `The blank node _:${term.value} cannot be named in a SPARQL query; only IRIs can be explored on an endpoint.`,
      );
    default:
      throw new OrgraphError(
        "unsupported",
        `A ${term.termType} cannot be written into a SPARQL query.`,
      );
  }
}

export type SparqlValue = SparqlFragment | readonly SparqlFragment[] | number;

function valueText(value: unknown): string {
  if (value instanceof SparqlFragment) return value.text;
  if (typeof value === "number") return integer(value).text;
  if (Array.isArray(value)) return value.map(valueText).join(" ");
  throw new OrgraphError(
    "invalid",
    `A SPARQL query was given a raw ${typeof value} value; wrap it with iri(), literal() or integer().`,
  );
}

/**
 * Builds query text from a template: interpolations must be fragments (`iri`, `literal`,
 * `integer`, `raw`), arrays of fragments (joined by spaces) or whole numbers.
 */
export function sparql(strings: TemplateStringsArray, ...values: readonly SparqlValue[]): string {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += valueText(value) + (strings[i + 1] ?? "");
  });
  return out;
}
