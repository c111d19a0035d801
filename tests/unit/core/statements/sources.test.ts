/** Several sources per claim: Lagon's term (AllGov to the day, Georgetown to the month). */
import { describe, expect, it } from "vitest";
import { edgeKey } from "../../../../src/core";
import { ORG, SCHEMA } from "../../../../src/core/model/vocab";
import {
  corroboration,
  differencesOf,
  indexClaims,
  sourcesOfEdge,
  XSD_DATE,
  XSD_G_YEAR_MONTH,
} from "../../../../src/core/statements";
import { OrgraphError } from "../../../../src/core/errors";
import { D, loadRelease, releaseQuads } from "./load";

const graph = loadRelease();
const claims = indexClaims(releaseQuads());
const tipMembership = edgeKey(
  `${D}lagon`,
  ORG.memberOf,
  `${D}us-tip-office`,
  `${D}m-lagon-tip-director`,
);

describe("sources of a claim", () => {
  it("lists the distinct sources of Lagon's directorship, with labels", () => {
    expect(sourcesOfEdge(graph, tipMembership).map((s) => [s.key, s.label])).toEqual([
      [`${D}allgov-lagon`, "AllGov : profil officiel de Mark Lagon"],
      [`${D}georgetown-lagon`, "Université de Georgetown : profil de Mark Lagon"],
      [`${D}release-body`, "Corps du communiqué"],
    ]);
  });

  it("marks it corroborated and shows where the sources differ (precision)", () => {
    const c = corroboration(graph, tipMembership, { claims, languages: ["en"] });
    expect(c.corroborated).toBe(true);
    expect(c.sources.map((s) => s.label)).toEqual([
      "AllGov: Mark Lagon official profile",
      "Georgetown University: Mark Lagon profile",
      "Release body",
    ]);
    expect(
      c.differences.map((d) => ({
        end: d.end,
        kind: d.kind,
        values: d.values.map((v) => [v.value.value, v.date?.precision, v.sources]),
      })),
    ).toEqual([
      {
        end: "end",
        kind: "precision",
        values: [
          ["2009-01-26", "day", [`${D}allgov-lagon`]],
          ["2009-01", "month", [`${D}georgetown-lagon`]],
        ],
      },
      {
        end: "start",
        kind: "precision",
        values: [
          ["2007-05-31", "day", [`${D}allgov-lagon`]],
          ["2007-05", "month", [`${D}georgetown-lagon`]],
        ],
      },
    ]);
    expect(c.differences[0]?.predicate).toBe(ORG.memberDuring);
    expect(c.differences[1]?.values[1]?.value.datatype).toBe(XSD_G_YEAR_MONTH);
    expect(c.differences[1]?.values[0]?.value.datatype).toBe(XSD_DATE);
  });

  it("a relation from the release alone is not corroborated; no differences without claims", () => {
    const holds = edgeKey(`${D}lagon`, ORG.holds, `${D}post-us-ambassador`);
    expect(corroboration(graph, holds, { claims })).toMatchObject({
      corroborated: false,
      differences: [],
    });
    expect(corroboration(graph, tipMembership).differences).toEqual([]);
  });

  it("the conference: release body and Dawn, no disagreement", () => {
    const c = corroboration(graph, `${D}conference`, { claims });
    expect(c.sources.map((s) => s.key)).toEqual([`${D}dawn-2008-09-11`, `${D}release-body`]);
    expect(c.corroborated).toBe(true);
    expect(c.differences).toEqual([]);
    expect(differencesOf(claims, `${D}conference`)).toEqual([]);
  });

  it("flags conflicting values as conflicts", () => {
    const quads = [
      ...releaseQuads(),
      {
        subject: { termType: "NamedNode", value: `${D}conference` },
        predicate: { termType: "NamedNode", value: SCHEMA.startDate },
        object: {
          termType: "Literal",
          value: "2008-09-17",
          language: "",
          datatype: { value: XSD_DATE },
        },
        graph: { termType: "NamedNode", value: `${D}g-other` },
      },
    ];
    const [d] = differencesOf(indexClaims(quads), `${D}conference`);
    expect(d?.kind).toBe("conflict");
    // Values in source order; g-other names no source.
    expect(d?.values.map((v) => [v.value.value, v.sources])).toEqual([
      ["2008-09-17", []],
      ["2008-09-10", [`${D}dawn-2008-09-11`]],
    ]);
  });

  it("throws a typed error for an unknown key", () => {
    expect(() => corroboration(graph, "urn:nothing")).toThrow(OrgraphError);
  });
});
