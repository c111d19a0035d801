/**
 * Orgraph core: vocabulary IRIs and readable predicate labels.
 *
 * Namespace constants for the vocabularies Orgraph understands, the schema.org https alias, and
 * a built-in table of French/English labels for common predicates. Labels the data gives a
 * predicate (rdfs:label etc. of the predicate IRI) take precedence over this table.
 */

export const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  owl: "http://www.w3.org/2002/07/owl#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  foaf: "http://xmlns.com/foaf/0.1/",
  schema: "http://schema.org/",
  org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#",
  oa: "http://www.w3.org/ns/oa#",
  dcterms: "http://purl.org/dc/terms/",
  time: "http://www.w3.org/2006/time#",
  sem: "http://semanticweb.cs.vu.nl/2009/11/sem/",
  og: "https://orgraph.dev/ns#",
} as const;
export type NamespacePrefix = keyof typeof NS;

/** schema.org is also published under https; both read the same. */
export const SCHEMA_HTTPS = "https://schema.org/";

/** The IRI Orgraph reasons with: https://schema.org/X read as http://schema.org/X. */
export function canonicalIri(iri: string): string {
  return iri.startsWith(SCHEMA_HTTPS) ? NS.schema + iri.slice(SCHEMA_HTTPS.length) : iri;
}

function terms<const N extends string>(base: string, names: readonly N[]): Record<N, string> {
  const out = {} as Record<N, string>;
  for (const name of names) out[name] = base + name;
  return out;
}

export const RDF = terms(NS.rdf, ["type", "Property", "first", "rest", "nil", "reifies"]);
export const RDFS = terms(NS.rdfs, [
  "label",
  "comment",
  "subClassOf",
  "subPropertyOf",
  "domain",
  "range",
  "Class",
  "Datatype",
  "seeAlso",
]);
export const OWL = terms(NS.owl, [
  "Class",
  "ObjectProperty",
  "DatatypeProperty",
  "AnnotationProperty",
  "FunctionalProperty",
  "TransitiveProperty",
  "SymmetricProperty",
  "InverseFunctionalProperty",
  "Ontology",
  "equivalentClass",
  "equivalentProperty",
  "inverseOf",
  "sameAs",
  "imports",
]);
export const SKOS = terms(NS.skos, [
  "Concept",
  "prefLabel",
  "altLabel",
  "broader",
  "narrower",
  "related",
]);
export const FOAF = terms(NS.foaf, [
  "Person",
  "Organization",
  "Document",
  "name",
  "member",
  "knows",
  "based_near",
  "homepage",
  "page",
  "topic",
  "primaryTopic",
  "maker",
  "made",
]);
export const SCHEMA = terms(NS.schema, [
  "Person",
  "Organization",
  "GovernmentOrganization",
  "NGO",
  "Country",
  "Place",
  "City",
  "AdministrativeArea",
  "ContactPoint",
  "Event",
  "Quotation",
  "CreativeWork",
  "WebPage",
  "NewsArticle",
  "name",
  "text",
  "organizer",
  "attendee",
  "location",
  "subEvent",
  "superEvent",
  "about",
  "recordedAt",
  "contactPoint",
  "memberOf",
  "member",
  "worksFor",
  "affiliation",
  "parentOrganization",
  "subOrganization",
  "department",
  "containedInPlace",
  "containsPlace",
  "addressCountry",
  "address",
  "areaServed",
  "creator",
  "author",
  "mentions",
  "isPartOf",
  "hasPart",
  "publisher",
  "sponsor",
  "funder",
  "performer",
  "nationality",
  "citation",
  "sameAs",
  "startDate",
  "endDate",
  "agent",
  "object",
  "recipient",
  "founder",
]);
export const ORG = terms(NS.org, [
  "Organization",
  "FormalOrganization",
  "OrganizationalUnit",
  "OrganizationalCollaboration",
  "Post",
  "Role",
  "Membership",
  "holds",
  "heldBy",
  "headOf",
  "memberOf",
  "hasMember",
  "hasMembership",
  "member",
  "organization",
  "role",
  "memberDuring",
  "hasUnit",
  "unitOf",
  "subOrganizationOf",
  "hasSubOrganization",
  "postIn",
  "hasPost",
  "reportsTo",
  "basedAt",
  "hasSite",
  "linkedTo",
  "classification",
  "purpose",
]);
export const PROV = terms(NS.prov, [
  "Entity",
  "Person",
  "wasDerivedFrom",
  "wasAttributedTo",
  "wasGeneratedBy",
  "used",
]);
export const OA = terms(NS.oa, [
  "Annotation",
  "SpecificResource",
  "TextPositionSelector",
  "TextQuoteSelector",
  "hasBody",
  "hasTarget",
  "hasSource",
  "hasSelector",
  "motivatedBy",
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
  "refinedBy",
]);
export const DCTERMS = terms(NS.dcterms, [
  "title",
  "isPartOf",
  "hasPart",
  "source",
  "subject",
  "creator",
  "publisher",
  "references",
  "spatial",
  "relation",
]);
export const TIME = terms(NS.time, [
  "Interval",
  "ProperInterval",
  "Instant",
  "TemporalEntity",
  "hasBeginning",
  "hasEnd",
  "inXSDDate",
  "inXSDDateTime",
  "inXSDDateTimeStamp",
  "inXSDgYear",
  "inXSDgYearMonth",
  "after",
  "before",
]);
export const SEM = terms(NS.sem, ["Event"]);
export const OG = terms(NS.og, [
  "Ministry",
  "Statement",
  "DirectQuote",
  "ReportedSpeech",
  "speaker",
  "speakerPost",
  "said",
]);

/** Readable labels of a predicate, per language. */
export interface PredicateLabel {
  fr: string;
  en: string;
}

/** Built-in labels of common predicates, keyed by (canonical) predicate IRI. */
export const PREDICATE_LABELS: Readonly<Record<string, PredicateLabel>> = {
  // W3C ORG
  [ORG.holds]: { fr: "occupe", en: "holds" },
  [ORG.heldBy]: { fr: "occupé par", en: "held by" },
  [ORG.headOf]: { fr: "dirige", en: "head of" },
  [ORG.memberOf]: { fr: "membre de", en: "member of" },
  [ORG.hasMember]: { fr: "a pour membre", en: "has member" },
  [ORG.hasMembership]: { fr: "adhésion", en: "has membership" },
  [ORG.member]: { fr: "membre", en: "member" },
  [ORG.organization]: { fr: "organisation", en: "organization" },
  [ORG.role]: { fr: "rôle", en: "role" },
  [ORG.memberDuring]: { fr: "pendant", en: "during" },
  [ORG.hasUnit]: { fr: "a pour unité", en: "has unit" },
  [ORG.unitOf]: { fr: "unité de", en: "unit of" },
  [ORG.subOrganizationOf]: { fr: "sous-organisation de", en: "sub-organization of" },
  [ORG.hasSubOrganization]: { fr: "a pour sous-organisation", en: "has sub-organization" },
  [ORG.postIn]: { fr: "poste au sein de", en: "post in" },
  [ORG.hasPost]: { fr: "a pour poste", en: "has post" },
  [ORG.reportsTo]: { fr: "rend compte à", en: "reports to" },
  [ORG.basedAt]: { fr: "basé à", en: "based at" },
  [ORG.hasSite]: { fr: "a pour site", en: "has site" },
  [ORG.linkedTo]: { fr: "lié à", en: "linked to" },
  [ORG.classification]: { fr: "classée comme", en: "classification" },
  [ORG.purpose]: { fr: "a pour mission", en: "purpose" },
  // schema.org
  [SCHEMA.organizer]: { fr: "organisateur", en: "organizer" },
  [SCHEMA.attendee]: { fr: "participant", en: "attendee" },
  [SCHEMA.location]: { fr: "lieu", en: "location" },
  [SCHEMA.subEvent]: { fr: "sous-événement", en: "sub-event" },
  [SCHEMA.superEvent]: { fr: "fait partie de", en: "part of" },
  [SCHEMA.about]: { fr: "à propos de", en: "about" },
  [SCHEMA.recordedAt]: { fr: "prononcé lors de", en: "recorded at" },
  [SCHEMA.contactPoint]: { fr: "point de contact", en: "contact point" },
  [SCHEMA.memberOf]: { fr: "membre de", en: "member of" },
  [SCHEMA.member]: { fr: "a pour membre", en: "member" },
  [SCHEMA.worksFor]: { fr: "travaille pour", en: "works for" },
  [SCHEMA.affiliation]: { fr: "affilié à", en: "affiliation" },
  [SCHEMA.parentOrganization]: { fr: "organisation mère", en: "parent organization" },
  [SCHEMA.subOrganization]: { fr: "a pour sous-organisation", en: "sub-organization" },
  [SCHEMA.department]: { fr: "a pour service", en: "department" },
  [SCHEMA.containedInPlace]: { fr: "situé dans", en: "contained in" },
  [SCHEMA.containsPlace]: { fr: "contient", en: "contains" },
  [SCHEMA.addressCountry]: { fr: "pays", en: "country" },
  [SCHEMA.address]: { fr: "adresse", en: "address" },
  [SCHEMA.areaServed]: { fr: "zone d'action", en: "area served" },
  [SCHEMA.creator]: { fr: "auteur", en: "creator" },
  [SCHEMA.author]: { fr: "auteur", en: "author" },
  [SCHEMA.mentions]: { fr: "mentionne", en: "mentions" },
  [SCHEMA.isPartOf]: { fr: "fait partie de", en: "part of" },
  [SCHEMA.hasPart]: { fr: "comprend", en: "has part" },
  [SCHEMA.publisher]: { fr: "éditeur", en: "publisher" },
  [SCHEMA.sponsor]: { fr: "parrain", en: "sponsor" },
  [SCHEMA.funder]: { fr: "financé par", en: "funder" },
  [SCHEMA.performer]: { fr: "intervenant", en: "performer" },
  [SCHEMA.nationality]: { fr: "nationalité", en: "nationality" },
  [SCHEMA.citation]: { fr: "cite", en: "cites" },
  [SCHEMA.sameAs]: { fr: "identique à", en: "same as" },
  [SCHEMA.agent]: { fr: "acteur", en: "agent" },
  [SCHEMA.object]: { fr: "objet", en: "object" },
  [SCHEMA.recipient]: { fr: "destinataire", en: "recipient" },
  [SCHEMA.founder]: { fr: "fondé par", en: "founder" },
  // OWL-Time
  [TIME.after]: { fr: "après", en: "after" },
  [TIME.before]: { fr: "avant", en: "before" },
  // FOAF
  [FOAF.member]: { fr: "a pour membre", en: "member" },
  [FOAF.knows]: { fr: "connaît", en: "knows" },
  [FOAF.based_near]: { fr: "près de", en: "based near" },
  [FOAF.homepage]: { fr: "page d'accueil", en: "homepage" },
  [FOAF.page]: { fr: "page", en: "page" },
  [FOAF.topic]: { fr: "sujet", en: "topic" },
  [FOAF.primaryTopic]: { fr: "sujet principal", en: "primary topic" },
  [FOAF.maker]: { fr: "auteur", en: "maker" },
  [FOAF.made]: { fr: "a créé", en: "made" },
  // Dublin Core
  [DCTERMS.isPartOf]: { fr: "fait partie de", en: "is part of" },
  [DCTERMS.hasPart]: { fr: "comprend", en: "has part" },
  [DCTERMS.source]: { fr: "source", en: "source" },
  [DCTERMS.subject]: { fr: "sujet", en: "subject" },
  [DCTERMS.creator]: { fr: "auteur", en: "creator" },
  [DCTERMS.publisher]: { fr: "éditeur", en: "publisher" },
  [DCTERMS.references]: { fr: "fait référence à", en: "references" },
  [DCTERMS.spatial]: { fr: "lieu", en: "place" },
  [DCTERMS.relation]: { fr: "lié à", en: "related to" },
  // PROV
  [PROV.wasDerivedFrom]: { fr: "dérivé de", en: "derived from" },
  [PROV.wasAttributedTo]: { fr: "attribué à", en: "attributed to" },
  [PROV.wasGeneratedBy]: { fr: "produit par", en: "generated by" },
  [PROV.used]: { fr: "a utilisé", en: "used" },
  // SKOS, OWL, RDFS
  [SKOS.broader]: { fr: "plus large", en: "broader" },
  [SKOS.narrower]: { fr: "plus étroit", en: "narrower" },
  [SKOS.related]: { fr: "lié à", en: "related" },
  [OWL.sameAs]: { fr: "identique à", en: "same as" },
  [RDFS.seeAlso]: { fr: "voir aussi", en: "see also" },
  // Orgraph
  [OG.speaker]: { fr: "orateur", en: "speaker" },
  [OG.speakerPost]: { fr: "en qualité de", en: "speaking as" },
  // A collapsed statement: speaker -> event (or what it is about).
  [OG.said]: { fr: "a déclaré", en: "said" },
};
