/**
 * Orgraph core: from rdf:type to a node category.
 *
 * A class in the table gives its category directly; any other class inherits the category of
 * its nearest tabled ancestor through the rdfs:subClassOf statements found in the data. Among
 * several types the most specific wins: a direct hit before an inherited one, ties broken by
 * `CATEGORY_PRIORITY`. prov:Entity counts as a document only when nothing else matches.
 */
import type { Category } from "./types";
import { canonicalIri, FOAF, OG, ORG, PROV, SCHEMA, SEM } from "./vocab";

/** Class IRI -> category. */
export const CLASS_CATEGORIES: Readonly<Record<string, Category>> = {
  [FOAF.Person]: "person",
  [SCHEMA.Person]: "person",
  [PROV.Person]: "person",
  [ORG.Post]: "role",
  [ORG.Role]: "role",
  [ORG.Organization]: "organisation",
  [ORG.FormalOrganization]: "organisation",
  [ORG.OrganizationalUnit]: "organisation",
  [ORG.OrganizationalCollaboration]: "organisation",
  [FOAF.Organization]: "organisation",
  [SCHEMA.Organization]: "organisation",
  [SCHEMA.GovernmentOrganization]: "organisation",
  [SCHEMA.NGO]: "organisation",
  [OG.Ministry]: "ministry",
  [SCHEMA.Country]: "country",
  [SCHEMA.Place]: "place",
  [SCHEMA.City]: "place",
  [SCHEMA.AdministrativeArea]: "place",
  [SCHEMA.ContactPoint]: "other",
  [SCHEMA.Event]: "event",
  [SEM.Event]: "event",
  [OG.Statement]: "statement",
  [OG.DirectQuote]: "statement",
  [OG.ReportedSpeech]: "statement",
  [SCHEMA.Quotation]: "statement",
  [FOAF.Document]: "document",
  [SCHEMA.CreativeWork]: "document",
  [SCHEMA.WebPage]: "document",
  [SCHEMA.NewsArticle]: "document",
};

/** Classes that give a category only when no other type does. */
export const FALLBACK_CLASS_CATEGORIES: Readonly<Record<string, Category>> = {
  [PROV.Entity]: "document",
};

/** Tie-break among categories found at the same distance: earlier wins. */
export const CATEGORY_PRIORITY: readonly Category[] = [
  "statement",
  "ministry",
  "person",
  "country",
  "place",
  "event",
  "role",
  "organisation",
  "document",
  "other",
];

/** rdfs:subClassOf as found in the data: class -> its direct superclasses. */
export type SubClassOf = ReadonlyMap<string, readonly string[]>;

/**
 * The nearest tabled category of `type` in `table` and its distance (0 = the class itself),
 * following `subClassOf` breadth-first; undefined when no ancestor is tabled.
 */
function nearest(
  type: string,
  subClassOf: SubClassOf,
  table: Readonly<Record<string, Category>>,
): { category: Category; distance: number } | undefined {
  const seen = new Set<string>([canonicalIri(type)]);
  let frontier = [canonicalIri(type)];
  for (let distance = 0; frontier.length > 0; distance++) {
    let best: Category | undefined;
    for (const cls of frontier) {
      const hit = table[cls];
      if (hit !== undefined && (best === undefined || rank(hit) < rank(best))) best = hit;
    }
    if (best !== undefined) return { category: best, distance };
    const next: string[] = [];
    for (const cls of frontier) {
      for (const sup of subClassOf.get(cls) ?? []) {
        const c = canonicalIri(sup);
        if (!seen.has(c)) {
          seen.add(c);
          next.push(c);
        }
      }
    }
    frontier = next;
  }
  return undefined;
}

function rank(category: Category): number {
  return CATEGORY_PRIORITY.indexOf(category);
}

/** The category of a resource with these rdf:types; "other" when nothing matches. */
export function categoryOf(types: Iterable<string>, subClassOf: SubClassOf = new Map()): Category {
  const list = [...types];
  for (const table of [CLASS_CATEGORIES, FALLBACK_CLASS_CATEGORIES]) {
    let best: { category: Category; distance: number } | undefined;
    for (const type of list) {
      const hit = nearest(type, subClassOf, table);
      if (
        hit !== undefined &&
        (best === undefined ||
          hit.distance < best.distance ||
          (hit.distance === best.distance && rank(hit.category) < rank(best.category)))
      ) {
        best = hit;
      }
    }
    if (best !== undefined) return best.category;
  }
  return "other";
}
