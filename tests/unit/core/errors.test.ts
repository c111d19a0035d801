/** Unit tests: the typed error family. */
import { describe, expect, it } from "vitest";
import { ERROR_CODES, OrgraphError, RdfParseError, truncateToken } from "../../../src/core/errors";

describe("OrgraphError", () => {
  it("carries a code and is an Error", () => {
    const e = new OrgraphError("fetch", "Could not fetch x.");
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe("fetch");
    expect(e.name).toBe("OrgraphError");
    expect(ERROR_CODES).toContain("parse");
  });
});

describe("RdfParseError", () => {
  it("formats source, line and column", () => {
    const e = new RdfParseError({
      formatLabel: "Turtle",
      source: "release.ttl",
      line: 3,
      column: 12,
      token: "foo",
      reason: 'unexpected "foo"',
    });
    expect(e.message).toBe(
      'Turtle syntax error in release.ttl at line 3, column 12: unexpected "foo".',
    );
    expect(e.code).toBe("parse");
    expect(e).toBeInstanceOf(OrgraphError);
    expect([e.line, e.column, e.token, e.source]).toEqual([3, 12, "foo", "release.ttl"]);
  });

  it("leaves out what it does not know", () => {
    expect(
      new RdfParseError({ formatLabel: "TriG", source: "text", line: 2, reason: "unclosed graph" })
        .message,
    ).toBe("TriG syntax error in text at line 2: unclosed graph.");
    expect(
      new RdfParseError({ formatLabel: "N-Quads", source: "x.nq", reason: "boom" }).message,
    ).toBe("N-Quads syntax error in x.nq: boom.");
  });

  it("keeps at most 80 characters of the token", () => {
    const e = new RdfParseError({
      formatLabel: "Turtle",
      source: "text",
      token: "x".repeat(200),
      reason: "r",
    });
    expect(e.token).toBe(`${"x".repeat(79)}…`);
    expect(truncateToken("é".repeat(80))).toBe("é".repeat(80));
    expect(Array.from(truncateToken("😀".repeat(81)))).toHaveLength(80);
  });
});
