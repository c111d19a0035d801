/**
 * Orgraph core: a literal term as Orgraph stores it (LiteralValue), on its own so that code
 * which only matches literals (the loader's attribution of facts to loaded sources) does not
 * pull in the whole RDF-to-graph builder.
 */
import {
  n3LiteralParts,
  RDF_DIR_LANG_STRING,
  RDF_LANG_STRING,
  XSD_STRING,
  type RdfTerm,
} from "../rdf/terms";
import type { LiteralValue } from "./types";

/** The literal as Orgraph stores it. */
export function literalValue(term: RdfTerm): LiteralValue {
  const parts = n3LiteralParts(term);
  const out: LiteralValue = { value: parts ? parts.value : term.value };
  const lang = parts ? parts.lang : (term.language ?? "").toLowerCase();
  const dt = parts ? parts.datatype : term.datatype?.value;
  if (lang !== "") out.lang = lang;
  else if (
    dt !== undefined &&
    dt !== XSD_STRING &&
    dt !== RDF_LANG_STRING &&
    dt !== RDF_DIR_LANG_STRING
  )
    out.datatype = dt;
  return out;
}

/** One string per distinct LiteralValue (value, language, datatype). */
export function literalKey(v: LiteralValue): string {
  return [v.value, v.lang ?? "", v.datatype ?? ""].join("\u0000");
}
