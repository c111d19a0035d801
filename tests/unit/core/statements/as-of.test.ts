/** "As of" a date: memberships, post holdings and headships on the release, and precision. */
import { describe, expect, it } from "vitest";
import { edgeKey } from "../../../../src/core";
import { ORG } from "../../../../src/core/model/vocab";
import {
  activeAsOf,
  eventAsOf,
  heldAt,
  periodStatus,
  roleAtStatement,
  statementOf,
} from "../../../../src/core/statements";
import { D, loadRelease } from "./load";

const graph = loadRelease();
const tipMembership = edgeKey(
  `${D}lagon`,
  ORG.memberOf,
  `${D}us-tip-office`,
  `${D}m-lagon-tip-director`,
);
const tipHolding = edgeKey(`${D}lagon`, ORG.holds, `${D}post-us-tip-director`);

describe("periodStatus", () => {
  const day = { start: { value: "2007-05-31" }, end: { value: "2009-01-26" } };
  const month = { start: { value: "2007-05" }, end: { value: "2009-01" } };
  it("compares at each date's precision", () => {
    expect(periodStatus(day, "2009-01-26")).toBe("active");
    expect(periodStatus(day, "2009-01-27")).toBe("inactive");
    expect(periodStatus(day, "2007-05-30")).toBe("inactive");
    expect(periodStatus(day, "2009-01")).toBe("uncertain");
    expect(periodStatus(day, "2008")).toBe("active");
    expect(periodStatus(month, "2009-01-15")).toBe("uncertain");
    expect(periodStatus(month, "2009-02-01")).toBe("inactive");
    expect(periodStatus(month, "2007-06-01")).toBe("active");
    expect(periodStatus(month, "2007-05-15")).toBe("uncertain");
  });
  it("says undated for a period without dates, and keeps open ends open", () => {
    expect(periodStatus(undefined, "2010-01-01")).toBe("undated");
    expect(periodStatus({}, "2010-01-01")).toBe("undated");
    expect(periodStatus({ start: { value: "2007" } }, "2010-01-01")).toBe("active");
    expect(periodStatus({ end: { value: "2007" } }, "2010-01-01")).toBe("inactive");
  });
});

describe("as of, on the release", () => {
  it("Lagon's trafficking office membership: inactive in 2010, active on 2008-09-10", () => {
    expect(heldAt(graph, tipMembership, "2010-01-01")).toBe("inactive");
    expect(heldAt(graph, tipMembership, "2008-09-10")).toBe("active");
    // Holding the post and heading the office follow the membership's term.
    expect(heldAt(graph, tipHolding, "2010-01-01")).toBe("inactive");
    expect(heldAt(graph, tipHolding, "2008-09-10")).toBe("active");
  });

  it("lists every timed edge; undated ones stay listed as undated", () => {
    const in2010 = activeAsOf(graph, "2010-01-01");
    const byEdge = new Map(in2010.map((t) => [t.edge, t]));
    expect(byEdge.get(tipMembership)?.status).toBe("inactive");
    expect(byEdge.get(tipHolding)).toMatchObject({
      status: "inactive",
      periodFrom: tipMembership,
    });
    expect(byEdge.get(edgeKey(`${D}lagon`, ORG.headOf, `${D}us-tip-office`))?.status).toBe(
      "inactive",
    );
    const ambassador = edgeKey(
      `${D}lagon`,
      ORG.memberOf,
      `${D}us-state-department`,
      `${D}m-lagon-ambassador`,
    );
    expect(byEdge.get(ambassador)?.status).toBe("undated");
    const statuses = in2010.map((t) => t.status);
    expect(statuses.filter((s) => s === "inactive")).toHaveLength(3);
    expect(statuses.filter((s) => s === "active")).toHaveLength(0);
    expect(activeAsOf(graph, "2008-09-10").filter((t) => t.status === "active")).toHaveLength(3);
  });

  it("his 2008 statements still name that post, held on their date", () => {
    const s = statementOf(graph, `${D}s-lagon-quote`);
    expect(s.speakerPosts.map((p) => p.key)).toEqual([
      `${D}post-us-ambassador`,
      `${D}post-us-tip-director`,
    ]);
    const roles = roleAtStatement(graph, `${D}s-lagon-quote`);
    expect(roles.map((r) => [r.post.key, r.label, r.status])).toEqual([
      [`${D}post-us-ambassador`, "Ambassadeur", "undated"],
      [`${D}post-us-tip-director`, "Directeur", "active"],
    ]);
    expect(roles[1]?.membership).toBe(tipMembership);
    expect(roles[1]?.period?.start?.value).toBe("2007-05-31");
    expect(roles[1]?.period?.end?.value).toBe("2009-01-26");
  });
});

describe("events as of a date", () => {
  it("places the conference and the hand-over at their precision", () => {
    expect(eventAsOf(graph, `${D}conference`, "2010-01-01")).toBe("past");
    expect(eventAsOf(graph, `${D}conference`, "2008-09-10")).toBe("ongoing");
    expect(eventAsOf(graph, `${D}conference`, "2008-09")).toBe("uncertain");
    expect(eventAsOf(graph, `${D}handover`, "2007-08-15")).toBe("uncertain");
    expect(eventAsOf(graph, `${D}handover`, "2007-07-31")).toBe("future");
    expect(eventAsOf(graph, `${D}visit`, "2010-01-01")).toBe("undated");
  });
});
