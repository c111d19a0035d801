/**
 * Orgraph core: the small load whose objects are kept from one load to the next
 * (src/core/shapes.ts), made once, after the first load of the page or worker.
 *
 * The document walks the paths of the fast reader and of the model builder that any
 * organisation graph takes: prefixes, IRIs, labels in two languages, datatyped literals,
 * numbers, a boolean, a blank node, a named graph with its source, organisations, sites,
 * sub-organisations, acquaintances, and memberships with a role and an OWL-Time interval.
 */
import { keepShapesOf } from "../shapes";
import { parseRdfToStore } from "../rdf/parse";
import { rdfToGraph } from "../model/rdf-to-graph";

const SHAPES_DOCUMENT = `@prefix : <urn:orgraph:shapes:> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
:role a org:Role ; rdfs:label "role"@en , "rôle"@fr .
:doc a foaf:Document ; dcterms:title "Document"@en ; dcterms:date "2020-01-01"^^xsd:date .
:g prov:wasDerivedFrom :doc .
:g {
:org a org:Organization ; skos:prefLabel "Organisation"@fr , "Organization"@en ; org:hasSite :site .
:unit a org:OrganizationalUnit ; skos:prefLabel "Unit"@en ; org:subOrganizationOf :org .
:site a org:Site ; rdfs:label "Site" .
:p1 a foaf:Person ; foaf:name "One" ; rdfs:label "Un"@fr , "One"@en ; foaf:knows :p2 , _:b ; foaf:age 42 ; :ok true ; :score 1.5 .
:p2 a foaf:Person ; foaf:name "Two" .
:m1 a org:Membership ; org:member :p1 ; org:organization :org ; org:role :role ; org:memberDuring :m1-t .
:m1-t a time:Interval ; time:hasBeginning :m1-b ; time:hasEnd :m1-e .
:m1-b a time:Instant ; time:inXSDDate "2001-02-03"^^xsd:date .
:m1-e a time:Instant ; time:inXSDDate "2004-05-06"^^xsd:date .
:m2 a org:Membership ; org:member :p2 ; org:organization :unit ; org:role :role .
}
`;

/**
 * Loads the document above once, its objects kept (later calls do nothing): the quad store and
 * graph it gives, and the parser's and builder's working objects (given to `keepShape`).
 */
export function keepLoadShapes(): void {
  keepShapesOf(() => {
    const { quads, prefixes } = parseRdfToStore(SHAPES_DOCUMENT, {
      format: "trig",
      sourceName: "shapes",
    });
    return { quads, graph: rdfToGraph(quads, { prefixes }) };
  });
}
