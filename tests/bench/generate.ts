/**
 * Benchmark input: a synthetic organisation graph in TriG, seeded, of about `triples` triples.
 *
 * The shape follows Orgraph's own data: persons and organisations with labels in French and
 * English, org:Membership nodes with a role and an OWL-Time interval (collapsed into edges by
 * the model), sub-organisations, sites, acquaintance links, and facts in named graphs derived
 * from source documents (provenance in the default graph).
 */
import { seededRandom } from "../../src/core/random";

/** The seeded generator (mulberry32): the same seed gives the same graph. */
export const prng = seededRandom;

const HEADER = `@prefix : <https://orgraph.dev/bench/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
`;

const ROLES = ["director", "minister", "adviser", "spokesperson", "chair", "member", "officer"];
const WORDS = ["Agence", "Bureau", "Conseil", "Office", "Institut", "Comité", "Direction"];

export interface GeneratedGraph {
  text: string;
  /** Triples written (exact: each statement below is counted). */
  triples: number;
}

/** Generates a TriG document of at least `target` triples. */
export function generateOrgGraph(target: number, seed = 1): GeneratedGraph {
  const rnd = prng(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const out: string[] = [HEADER];
  let triples = 0;

  // Vocabulary: roles with labels (default graph).
  for (const r of ROLES) {
    out.push(`:role-${r} a org:Role ; rdfs:label "${r}"@en , "${r} (fr)"@fr .\n`);
    triples += 3;
  }
  // Organisations: about one per 40 persons.
  const orgCount = Math.max(5, Math.round(target / 600));
  const personCount = Math.max(10, Math.round(target / 14));
  const sourceCount = Math.max(3, Math.round(target / 2000));
  for (let s = 0; s < sourceCount; s++) {
    out.push(
      `:doc-${s} a foaf:Document ; dcterms:title "Source document ${s}"@en ; dcterms:date "20${10 + (s % 15)}-0${1 + (s % 9)}-1${s % 10}"^^xsd:date .\n`,
    );
    triples += 3;
  }
  let graph = 0;
  const openGraph = (): void => {
    out.push(`:g-${graph} prov:wasDerivedFrom :doc-${pick(sourceCount)} .\n:g-${graph} {\n`);
    triples += 1;
  };
  openGraph();
  let inGraph = 0;
  const nextStatement = (): void => {
    if (++inGraph >= 25) {
      out.push("}\n");
      graph++;
      inGraph = 0;
      openGraph();
    }
  };
  for (let o = 0; o < orgCount && triples < target; o++) {
    const word = WORDS[o % WORDS.length];
    out.push(
      `:org-${o} a org:Organization ; skos:prefLabel "${word} national ${o}"@fr , "National ${word} ${o}"@en ; org:hasSite :site-${o % 97}` +
        (o > 0 ? ` ; org:subOrganizationOf :org-${pick(o)}` : "") +
        " .\n",
    );
    triples += o > 0 ? 5 : 4;
    nextStatement();
  }
  for (let s = 0; s < 97; s++) {
    out.push(`:site-${s} a org:Site ; rdfs:label "Site ${s}" .\n`);
    triples += 2;
  }
  let p = 0;
  while (triples < target) {
    const id = p % personCount;
    const generation = Math.floor(p / personCount);
    if (generation === 0) {
      out.push(
        `:person-${id} a foaf:Person ; foaf:name "Person ${id}" ; rdfs:label "Personne ${id}"@fr , "Person ${id}"@en ; foaf:knows :person-${pick(personCount)} , :person-${pick(personCount)} .\n`,
      );
      triples += 6;
    }
    const m = `m-${p}`;
    const year = 1990 + pick(30);
    out.push(
      `:${m} a org:Membership ; org:member :person-${id} ; org:organization :org-${pick(orgCount)} ; org:role :role-${ROLES[pick(ROLES.length)]} ; org:memberDuring :${m}-t .\n` +
        `:${m}-t a time:Interval ; time:hasBeginning :${m}-b .\n` +
        `:${m}-b a time:Instant ; time:inXSDDate "${year}-0${1 + pick(9)}-1${pick(10)}"^^xsd:date .\n`,
    );
    triples += 9;
    nextStatement();
    p++;
  }
  out.push("}\n");
  return { text: out.join(""), triples };
}
