// Shared loaders for the built-in dataset tests: data/release-fr.txt, data/release.trig,
// data/vocab/orgraph.ttl and data/shapes.ttl, parsed with n3. Files are read relative to this
// module, so the tests never depend on the working directory.
import { readFileSync } from "node:fs";
import { DataFactory, Parser, Store, type Quad, type Term } from "n3";

const { namedNode, defaultGraph } = DataFactory;

export const NS = {
  data: "https://orgraph.dev/data/iom-pk-2008/",
  og: "https://orgraph.dev/ns#",
  org: "http://www.w3.org/ns/org#",
  foaf: "http://xmlns.com/foaf/0.1/",
  schema: "http://schema.org/",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  sh: "http://www.w3.org/ns/shacl#",
  time: "http://www.w3.org/2006/time#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

type Prefix = keyof typeof NS;
/** `iri("oa", "start")` -> the oa:start IRI. */
export const iri = (prefix: Prefix, local: string): string => NS[prefix] + local;
export const term = (prefix: Prefix, local: string) => namedNode(iri(prefix, local));
export const RDF_TYPE = iri("rdf", "type");

export const readData = (path: string): string =>
  readFileSync(new URL(`../../../data/${path}`, import.meta.url), "utf8");

export const readFixture = (path: string): string =>
  readFileSync(new URL(`../../fixtures/data/${path}`, import.meta.url), "utf8");

export const parse = (text: string, format: string): Quad[] => new Parser({ format }).parse(text);

/** The release text every offset addresses. */
export const releaseText = (): string => readData("release-fr.txt");

/** All quads of data/release.trig, graph component kept. */
export const releaseQuads = (): Quad[] => parse(readData("release.trig"), "application/trig");

export const vocabQuads = (): Quad[] => parse(readData("vocab/orgraph.ttl"), "text/turtle");

export const shapesQuads = (): Quad[] => parse(readData("shapes.ttl"), "text/turtle");

/** A store of the given quads with the graph component dropped (the union of all graphs). */
export function unionStore(...quadLists: Quad[][]): Store {
  const store = new Store();
  for (const quads of quadLists) {
    for (const q of quads) {
      store.addQuad(q.subject, q.predicate, q.object, defaultGraph());
    }
  }
  return store;
}

/** The offset where the release body starts (end of the page template). */
export const BODY_START_TEXT = "L'OIM accueille une conférence sur la lutte contre la traite";

/** The only value of `subject predicate ?` in the store; throws unless there is exactly one. */
export function one(store: Store, subject: Term, predicate: string): Term {
  const objects = store.getObjects(subject, namedNode(predicate), null);
  if (objects.length !== 1) {
    throw new Error(`${subject.value} ${predicate}: expected 1 value, got ${objects.length}`);
  }
  return objects[0]!;
}

/** Every subject typed `type` (rdf:type, no inference). */
export const instances = (store: Store, type: string): Term[] =>
  store.getSubjects(namedNode(RDF_TYPE), namedNode(type), null);
