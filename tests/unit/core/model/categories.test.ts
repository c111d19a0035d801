/** Unit tests: class -> category, with subclasses found in the data. */
import { describe, expect, it } from "vitest";
import { categoryOf } from "../../../../src/core/model/categories";
import { FOAF, NS, OG, ORG, PROV, SCHEMA } from "../../../../src/core/model/vocab";

const EX = "https://example.org/";

describe("categoryOf", () => {
  it("maps tabled classes directly", () => {
    expect(categoryOf([FOAF.Person])).toBe("person");
    expect(categoryOf([ORG.Post])).toBe("role");
    expect(categoryOf([ORG.OrganizationalUnit])).toBe("organisation");
    expect(categoryOf([SCHEMA.Country])).toBe("country");
    expect(categoryOf([SCHEMA.City])).toBe("place");
    expect(categoryOf([SCHEMA.Event])).toBe("event");
    expect(categoryOf([OG.ReportedSpeech])).toBe("statement");
    expect(categoryOf([SCHEMA.NewsArticle])).toBe("document");
    expect(categoryOf([SCHEMA.ContactPoint])).toBe("other");
    expect(categoryOf([])).toBe("other");
    expect(categoryOf([`${EX}Unknown`])).toBe("other");
  });

  it("accepts https://schema.org/", () => {
    expect(categoryOf(["https://schema.org/Person"])).toBe("person");
  });

  it("gives a ministry the ministry category, not organisation", () => {
    expect(categoryOf([OG.Ministry, ORG.FormalOrganization])).toBe("ministry");
    expect(categoryOf([ORG.FormalOrganization, OG.Ministry])).toBe("ministry");
  });

  it("follows rdfs:subClassOf from the data to the nearest tabled class", () => {
    const sub = new Map([
      [`${EX}Agency`, [`${EX}PublicBody`]],
      [`${EX}PublicBody`, [SCHEMA.GovernmentOrganization]],
      [`${EX}Minister`, [`${EX}Official`, ORG.Post]],
      [`${EX}Official`, [FOAF.Person]],
    ]);
    expect(categoryOf([`${EX}Agency`], sub)).toBe("organisation");
    // Minister: org:Post is one step up, foaf:Person two: the nearest wins.
    expect(categoryOf([`${EX}Minister`], sub)).toBe("role");
    // A direct hit wins over an inherited one, whatever the priority.
    expect(categoryOf([`${EX}Agency`, FOAF.Document], sub)).toBe("document");
  });

  it("is cycle-safe", () => {
    const sub = new Map([
      [`${EX}A`, [`${EX}B`]],
      [`${EX}B`, [`${EX}A`]],
    ]);
    expect(categoryOf([`${EX}A`], sub)).toBe("other");
    sub.set(`${EX}B`, [`${EX}A`, SCHEMA.Event]);
    expect(categoryOf([`${EX}A`], sub)).toBe("event");
  });

  it("breaks ties by priority: statement, ministry, person, …", () => {
    expect(categoryOf([SCHEMA.Quotation, FOAF.Document])).toBe("statement");
    expect(categoryOf([FOAF.Person, ORG.Organization])).toBe("person");
    expect(categoryOf([SCHEMA.Country, SCHEMA.Place])).toBe("country");
    expect(categoryOf([SCHEMA.Event, ORG.Role])).toBe("event");
  });

  it("uses prov:Entity only when nothing else matches", () => {
    expect(categoryOf([PROV.Entity])).toBe("document");
    expect(categoryOf([PROV.Entity, FOAF.Person])).toBe("person");
    const sub = new Map([[`${EX}Report`, [PROV.Entity]]]);
    expect(categoryOf([`${EX}Report`, `${NS.owl}Thing`], sub)).toBe("document");
  });
});
