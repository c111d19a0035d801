/**
 * What the caption says about the data (issue 5): its title, its sources and its version.
 *
 * - Title: the `dcterms:title` (else `rdfs:label` / `schema:name`) of a dataset node (void,
 *   dcat or schema Dataset), else of the first source document (a `foaf:Document` or
 *   `schema:CreativeWork` that is no part of another and has a title), in the preferred language.
 * - Sources: the documents that are no part of another, each with its label and the place to
 *   read it (its `schema:contentUrl` resolved against the data's URL, else its own IRI). Only
 *   http(s) URLs are kept as links; the caption shows the others as text.
 * - Version: the first 12 hex digits of the SHA-256 of the loaded text (crypto.subtle where the
 *   page is a secure context, else the small implementation below: the same digits).
 *
 * DOM-free, so it is tested in Node.
 */
import { quadAt, type Quads } from "../core/rdf/quad-store";
import type { RdfQuad, RdfTerm } from "../core/rdf/terms";

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCT = "http://purl.org/dc/terms/";
const SCHEMA = "http://schema.org/";
const TITLE_PREDICATES = [
  `${DCT}title`,
  "http://www.w3.org/2000/01/rdf-schema#label",
  `${SCHEMA}name`,
];
const DATASET_TYPES = [
  "http://rdfs.org/ns/void#Dataset",
  "http://www.w3.org/ns/dcat#Dataset",
  `${SCHEMA}Dataset`,
];
const DOCUMENT_TYPES = [
  "http://xmlns.com/foaf/0.1/Document",
  `${SCHEMA}CreativeWork`,
  `${SCHEMA}NewsArticle`,
  `${SCHEMA}Article`,
];
const PART_OF = [`${DCT}isPartOf`, `${SCHEMA}isPartOf`];
const CONTENT_URL = `${SCHEMA}contentUrl`;

export interface DatasetSource {
  /** The document's IRI. */
  iri: string;
  label: string;
  /** Where to read it: an http(s) URL, or null (shown as text). */
  href: string | null;
}

export interface DatasetInfo {
  /** The data's title, or null when it has none. */
  title: string | null;
  sources: DatasetSource[];
}

/** The http(s) URL `value` resolves to (against `base`), or null. */
export function httpUrl(value: string, base?: string): string | null {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function pickLiteral(terms: readonly RdfTerm[], languages: readonly string[]): string | null {
  const literals = terms.filter((t) => t.termType === "Literal");
  for (const lang of languages) {
    const hit = literals.find((t) => (t.language ?? "").toLowerCase().split("-")[0] === lang);
    if (hit) return hit.value;
  }
  return literals.find((t) => !t.language)?.value ?? literals[0]?.value ?? null;
}

export interface DatasetInfoOptions {
  languages?: readonly string[];
  baseUrl?: string;
}

/** What datasetInfo reads of the quads: types and values by named subject. */
interface Collected {
  types: Map<string, Set<string>>;
  values: Map<string, Map<string, RdfTerm[]>>;
  order: string[];
}

function collect(c: Collected, q: RdfQuad): void {
  if (q.subject.termType !== "NamedNode") return;
  const s = q.subject.value;
  const p = q.predicate.value;
  let byP = c.values.get(s);
  if (!byP) {
    c.values.set(s, (byP = new Map()));
    c.order.push(s);
  }
  if (p === RDF_TYPE) {
    let set = c.types.get(s);
    if (!set) c.types.set(s, (set = new Set()));
    set.add(q.object.value);
    return;
  }
  let list = byP.get(p);
  if (!list) byP.set(p, (list = []));
  list.push(q.object);
}

/** Title and sources of the data (see the module comment). */
export function datasetInfo(quads: Quads, options: DatasetInfoOptions = {}): DatasetInfo {
  const c: Collected = { types: new Map(), values: new Map(), order: [] };
  for (const q of quads) collect(c, q);
  return infoOf(c, options);
}

/**
 * `datasetInfo` in time slices of at most `sliceMs`: `pause` runs between two (it yields, and
 * rejects to stop).
 */
export async function datasetInfoSliced(
  quads: Quads,
  options: DatasetInfoOptions,
  pause: () => Promise<void>,
  sliceMs = 8,
): Promise<DatasetInfo> {
  const c: Collected = { types: new Map(), values: new Map(), order: [] };
  let start = performance.now();
  for (let i = 0; i < quads.length; i++) {
    collect(c, quadAt(quads, i));
    if ((i & 255) === 255 && performance.now() - start > sliceMs) {
      await pause();
      start = performance.now();
    }
  }
  // Only the subjects typed as a dataset or a document count (infoOf): picked out in slices too,
  // in their order (a long task on a big graph at once).
  const typed: string[] = [];
  const wanted = [...DATASET_TYPES, ...DOCUMENT_TYPES];
  for (let i = 0; i < c.order.length; i++) {
    const types = c.types.get(c.order[i]!);
    if (types && wanted.some((t) => types.has(t))) typed.push(c.order[i]!);
    if ((i & 255) === 255 && performance.now() - start > sliceMs) {
      await pause();
      start = performance.now();
    }
  }
  return infoOf({ ...c, order: typed }, options);
}

function infoOf({ types, values, order }: Collected, options: DatasetInfoOptions): DatasetInfo {
  const languages = options.languages ?? ["en"];
  const titleOf = (iri: string, predicates = TITLE_PREDICATES): string | null => {
    const byP = values.get(iri);
    if (!byP) return null;
    for (const p of predicates) {
      const t = pickLiteral(byP.get(p) ?? [], languages);
      if (t !== null) return t;
    }
    return null;
  };
  const isA = (iri: string, wanted: readonly string[]): boolean =>
    wanted.some((t) => types.get(iri)?.has(t));
  const isPart = (iri: string): boolean =>
    PART_OF.some((p) => (values.get(iri)?.get(p)?.length ?? 0) > 0);

  const dataset = order.find((iri) => isA(iri, DATASET_TYPES) && titleOf(iri) !== null);
  const documents = order.filter((iri) => isA(iri, DOCUMENT_TYPES) && !isPart(iri));
  const titled = documents.find((iri) => titleOf(iri, [`${DCT}title`]) !== null);
  const title = dataset
    ? titleOf(dataset)
    : titled
      ? titleOf(titled, [`${DCT}title`])
      : (documents.map((d) => titleOf(d)).find((t) => t !== null) ?? null);

  const sources = documents.map((iri): DatasetSource => {
    const content = values.get(iri)?.get(CONTENT_URL)?.[0];
    const href = (content && httpUrl(content.value, options.baseUrl)) ?? httpUrl(iri);
    return { iri, label: titleOf(iri, TITLE_PREDICATES.slice(1)) ?? titleOf(iri) ?? iri, href };
  });
  return { title, sources };
}

// ---------------------------------------------------------------------------------------------
// Version: SHA-256 of the text, first 12 hex digits (core, so that the load worker computes it).

export { datasetVersion, sha256Hex, VERSION_LENGTH } from "../core/load/version";
