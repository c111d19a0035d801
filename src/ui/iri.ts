/** IRI helpers for display: prefixed names, and which IRIs may become links. */

/** Well-known prefixes, used when the input did not declare them. */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  org: "http://www.w3.org/ns/org#",
  foaf: "http://xmlns.com/foaf/0.1/",
  schema: "http://schema.org/",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  dcterms: "http://purl.org/dc/terms/",
  time: "http://www.w3.org/2006/time#",
  og: "https://orgraph.dev/ns#",
};

/** `prefix:local` when a namespace matches (declared prefixes first), else the IRI's last segment. */
export function compactIri(iri: string, prefixes: Readonly<Record<string, string>> = {}): string {
  let best: [string, string] | null = null;
  for (const table of [prefixes, WELL_KNOWN_PREFIXES]) {
    for (const [prefix, namespace] of Object.entries(table)) {
      if (namespace && iri.startsWith(namespace) && iri.length > namespace.length) {
        if (!best || namespace.length > best[1].length) best = [prefix, namespace];
      }
    }
    if (best) break;
  }
  if (best) return `${best[0]}:${iri.slice(best[1].length)}`;
  const match = /[^#/]+[#/]?$/.exec(iri);
  return match ? match[0].replace(/[#/]$/, "") : iri;
}

/** Only http(s) IRIs become links; anything else (javascript:, data:, blank nodes) stays text. */
export function isHttpIri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
