/** Selector verification at load: the release (clean) and a fixture with two bad selectors. */
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../../src/core";
import { locateQuote, verifySpans } from "../../../../src/core/statements";
import { D, loadRelease, releaseText, statementsFixture } from "./load";

const F = "https://orgraph.dev/data/fixture-selectors/";

describe("verifySpans", () => {
  it("finds every selector of the release exact: no warning", () => {
    const { checks, warnings } = verifySpans(loadRelease(), releaseText, `${D}release-fr`);
    expect(warnings).toEqual([]);
    expect(checks.length).toBeGreaterThan(50);
    expect(checks.every((c) => c.status === "ok")).toBe(true);
  });

  it("reports a shifted position selector and an absent quote, drops nothing", () => {
    const graph = loadRdf(statementsFixture("selectors.trig"), { format: "trig" }).graph;
    const text = statementsFixture("selectors.txt");
    const { checks, warnings } = verifySpans(graph, text, `${F}text`);
    expect(checks.map((c) => [c.span.annotation.slice(F.length), c.status])).toEqual([
      ["a-adviser", "ok"],
      ["a-statement", "corrected"],
      ["a-closing", "not-found"],
    ]);
    expect(checks[1]?.resolved).toMatchObject({ start: 48, end: 82 });
    expect(text.slice(48, 82)).toBe("les données doivent être partagées");
    expect(warnings).toEqual([
      {
        code: "selector-mismatch",
        annotation: `${F}a-statement`,
        expected: "les données doivent être partagées",
        found: " données doivent être partagées.\nF",
        at: 48,
        start: 51,
        end: 85,
        message: `Annotation ${F}a-statement: the position selector [51, 85) does not slice its quote; the quote was found at 48.`,
      },
      {
        code: "span-not-found",
        annotation: `${F}a-closing`,
        expected: "Fin du communiqué",
        found: "Fin du texte",
        start: 84,
        end: 96,
        reason: "absent",
        message: `Annotation ${F}a-closing: its quote is not in the text and the position selector [84, 96) does not slice it.`,
      },
    ]);
  });

  it("locates quotes by context, then alone, only when unique", () => {
    const text = "abc x abc y abc";
    expect(locateQuote(text, { exact: "abc", prefix: "x ", suffix: " y" })).toBe(6);
    expect(locateQuote(text, { exact: "abc" })).toBe("ambiguous");
    expect(locateQuote(text, { exact: "x abc" })).toBe(4);
    expect(locateQuote(text, { exact: "zzz" })).toBe("absent");
  });
});
