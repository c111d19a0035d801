/** Who said what on the release: statementsOf, grouping, filters, and the statement list. */
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../../src/core";
import {
  describeStatement,
  filterStatements,
  indexClaims,
  normalizeText,
  statementOf,
  statementsBySpeaker,
  statementsOf,
} from "../../../../src/core/statements";
import { OrgraphError } from "../../../../src/core/errors";
import { D, loadRelease, releaseQuads, releaseText, statementsFixture } from "./load";

const graph = loadRelease();
const statements = statementsOf(graph, { claims: indexClaims(releaseQuads()) });
const byKey = new Map(statements.map((s) => [s.key, s]));

describe("statementsOf on the release", () => {
  it("finds the 8 statements, in text order", () => {
    expect(statements.map((s) => s.key.slice(D.length))).toEqual([
      "s-mostafa-progress",
      "s-mostafa-quote",
      "s-lagon-accountable",
      "s-lagon-supply-demand",
      "s-lagon-victims",
      "s-lagon-quote",
      "s-malik-disparities",
      "s-malik-data-centre",
    ]);
  });

  it("gives every statement a speaker, a post, an event and a kind", () => {
    for (const s of statements) {
      expect(s.speaker, s.key).toBeDefined();
      expect(s.speakerPosts.length, s.key).toBeGreaterThan(0);
      expect(s.roles.length, s.key).toBe(s.speakerPosts.length);
      expect(s.event, s.key).toBeDefined();
      expect(["direct", "reported"]).toContain(s.kind);
      expect(s.text.length, s.key).toBeGreaterThan(0);
      expect(s.spans.length, s.key).toBeGreaterThan(0);
      for (const span of s.spans) expect(span.part).toBe(`${D}release-body`);
    }
  });

  it("reads Mostafa's direct quote and its span", () => {
    const s = byKey.get(`${D}s-mostafa-quote`);
    expect(s?.kind).toBe("direct");
    expect(s?.text.startsWith("Mais si nous voulons vraiment éradiquer")).toBe(true);
    expect(s?.lang).toBe("fr");
    expect(s?.speaker).toEqual({ key: `${D}mostafa`, label: "Hassan Abdel Moneim Mostafa" });
    expect(s?.mentions.map((m) => m.key)).toEqual([`${D}trafficking`]);
    const span = s?.spans[0];
    expect(span).toBeDefined();
    expect(releaseText.slice(span?.start, span?.end)).toBe(span?.exact);
    expect(releaseText.slice(span?.start, span?.end)).toContain(s?.text);
    // Its event is the opening speech, dated by the conference it is part of (Dawn).
    expect(s?.event?.key).toBe(`${D}opening-speech`);
    expect(s?.event?.superEvents.map((e) => e.key)).toEqual([`${D}conference`]);
    expect(s?.date?.value).toBe("2008-09-10");
    expect(s?.event?.date?.from.key).toBe(`${D}conference`);
    expect(s?.event?.date?.sources).toEqual([
      { graph: `${D}g-dawn-conference-date`, source: `${D}dawn-2008-09-11` },
    ]);
    expect(s?.roles[0]).toMatchObject({
      label: "Représentant régional",
      organisation: { key: `${D}iom` },
      status: "undated",
    });
  });

  it("Rehman Malik has exactly two statements, both reported", () => {
    const malik = statementsBySpeaker(statements).find((g) => g.speaker?.key === `${D}malik`);
    expect(malik?.statements.map((s) => s.kind)).toEqual(["reported", "reported"]);
    expect(filterStatements(statements, { speaker: `${D}malik` })).toHaveLength(2);
  });

  it("names both of Lagon's posts, with their organisations", () => {
    const s = byKey.get(`${D}s-lagon-accountable`);
    expect(s?.speakerPosts.map((p) => [p.label, p.organisation?.label, p.role?.label])).toEqual([
      ["Ambassadeur", "Département d'État américain", "Ambassadeur"],
      [
        "Directeur du Bureau de surveillance et de répression de la traite des personnes",
        "Bureau de surveillance et de répression de la traite des personnes",
        "Directeur",
      ],
    ]);
    const en = statementOf(graph, `${D}s-lagon-accountable`, { languages: ["en"] });
    expect(en.speakerPosts.map((p) => p.label)).toEqual([
      "Ambassador",
      "Director of the Office to Monitor and Combat Trafficking in Persons",
    ]);
  });

  it("groups by speaker", () => {
    expect(
      statementsBySpeaker(statements).map((g) => [g.speaker?.label, g.statements.length]),
    ).toEqual([
      ["Hassan Abdel Moneim Mostafa", 2],
      ["Mark Lagon", 4],
      ["Rehman Malik", 2],
    ]);
  });

  it("throws a typed error for a key that is not a statement", () => {
    expect(() => statementOf(graph, `${D}lagon`)).toThrow(OrgraphError);
  });

  it("prints the statement list (speaker, role, kind, event, offsets)", () => {
    const lines = statements.map((s) => describeStatement(s, "fr"));
    console.log(lines.join("\n"));
    expect(lines[5]).toBe(
      "Mark Lagon | Ambassadeur (non daté) ; Directeur du Bureau de surveillance et de répression de la traite des personnes (31 mai 2007 – 26 janvier 2009, en fonction) | citation directe | conférence sur la lutte contre la traite (10 septembre 2008) | release-body [2763, 3159) | « Nous encourageons le gouvernement pakistanais à aller plus loin dans la protection des victimes de la traite une fois qu'elles ont été identifiées. Cela signifie qu'il faut accroître le soutien aux ONG offrant des abris aux victimes, et garantir leur réhabilitation à long terme, ce qui permettrait aux victimes de retrouver leur dignité et de mener une vie fructueuse »",
    );
    console.log(statements.map((s) => describeStatement(s, "en")).join("\n"));
  });
});

describe("filterStatements", () => {
  it("filters by organisation, event, kind and accent-insensitive text", () => {
    const keys = (f: Parameters<typeof filterStatements>[1]) =>
      filterStatements(statements, f).map((s) => s.key.slice(D.length));
    expect(keys({ organisation: `${D}iom` })).toEqual(["s-mostafa-progress", "s-mostafa-quote"]);
    expect(keys({ organisation: `${D}us-tip-office` })).toHaveLength(4);
    expect(keys({ event: `${D}opening-speech` })).toEqual([
      "s-mostafa-progress",
      "s-mostafa-quote",
    ]);
    expect(keys({ event: `${D}conference` })).toHaveLength(8);
    expect(keys({ kind: "direct" })).toEqual(["s-mostafa-quote", "s-lagon-quote"]);
    expect(keys({ text: "ERADIQUER la traite" })).toEqual(["s-mostafa-quote"]);
    expect(keys({ text: "donnees sur la traite" })).toEqual(["s-malik-data-centre"]);
    expect(keys({ text: "qu’elles" })).toEqual(["s-lagon-quote"]);
    expect(keys({ kind: "reported", speaker: `${D}lagon` })).toHaveLength(3);
    expect(keys({ text: "nowhere to be found" })).toEqual([]);
    expect(keys({})).toHaveLength(8);
  });

  it("normalizes text", () => {
    expect(normalizeText("  Éradiquer la\ntraite  ")).toBe("eradiquer la traite");
  });
});

describe("statementsOf on a fixture", () => {
  it("reads a statement without post or event", () => {
    const g = loadRdf(statementsFixture("selectors.trig"), { format: "trig" }).graph;
    const [s] = statementsOf(g);
    expect(s).toMatchObject({
      kind: "reported",
      speaker: { label: "le conseiller" },
      speakerPosts: [],
      roles: [],
      text: "les données doivent être partagées",
    });
    expect(s?.event).toBeUndefined();
  });
});
