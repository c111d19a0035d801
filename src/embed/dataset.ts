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
// Version: SHA-256 of the text, first 12 hex digits.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of `bytes` as lower-case hex (plain TypeScript, for pages without crypto.subtle). */
export function sha256Hex(bytes: Uint8Array): string {
  const length = bytes.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length << 3) >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const s1 = rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25);
      const ch = (e! & f!) ^ (~e! & g!);
      const t1 = (hh! + s1 + ch + K[i]! + w[i]!) >>> 0;
      const s0 = rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22);
      const maj = (a! & b!) ^ (a! & c!) ^ (b! & c!);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0]! += a!;
    h[1]! += b!;
    h[2]! += c!;
    h[3]! += d!;
    h[4]! += e!;
    h[5]! += f!;
    h[6]! += g!;
    h[7]! += hh!;
  }
  return [...h].map((x) => x.toString(16).padStart(8, "0")).join("");
}

/** Length of the version string (hex digits of the SHA-256). */
export const VERSION_LENGTH = 12;

/** The dataset version of a text: the first 12 hex digits of its SHA-256 (UTF-8). */
export async function datasetVersion(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle) {
    try {
      const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
      return [...digest.slice(0, VERSION_LENGTH / 2)]
        .map((b) => b.toString(16).padStart(2, "0"))
        .join("");
    } catch {
      // Fall through to the plain implementation.
    }
  }
  return sha256Hex(bytes).slice(0, VERSION_LENGTH);
}
