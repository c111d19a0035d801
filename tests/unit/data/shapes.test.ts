// The built-in dataset conforms to its SHACL shapes (data/shapes.ttl), and the shapes do catch
// a broken statement (tests/fixtures/data/statement-without-speaker.trig).
import { describe, it, expect } from "vitest";
import SHACLValidator from "rdf-validate-shacl";
import type { Quad } from "n3";
import {
  iri,
  parse,
  readFixture,
  releaseQuads,
  shapesQuads,
  unionStore,
  vocabQuads,
} from "./load";

type Report = Awaited<ReturnType<SHACLValidator["validate"]>>;

async function validate(...data: Quad[][]): Promise<Report> {
  const validator = new SHACLValidator(unionStore(shapesQuads()));
  return validator.validate(unionStore(...data));
}

/** One line per result, readable in a failed assertion. */
function describeResults(results: Report["results"]): string {
  return results
    .map((r) =>
      [
        r.focusNode?.value,
        r.path?.value,
        r.sourceConstraintComponent?.value.replace(iri("sh", ""), "sh:"),
        r.message.map((m) => m.value).join(" / "),
      ].join(" | "),
    )
    .join("\n");
}

describe("data/shapes.ttl", () => {
  it("parses and declares node shapes", () => {
    const shapes = unionStore(shapesQuads());
    expect(shapes.countQuads(null, iri("rdf", "type"), iri("sh", "NodeShape"), null)).toBeGreaterThan(
      10,
    );
  });

  it("release.trig (union of all graphs, with the vocabulary) conforms", async () => {
    const report = await validate(releaseQuads(), vocabQuads());
    expect(describeResults(report.results)).toBe("");
    expect(report.conforms).toBe(true);
  });

  it("release.trig conforms without the vocabulary too (no inference assumed)", async () => {
    const report = await validate(releaseQuads());
    expect(describeResults(report.results)).toBe("");
    expect(report.conforms).toBe(true);
  });

  it("rejects a statement without a speaker and a target without a quote selector", async () => {
    const report = await validate(
      parse(readFixture("statement-without-speaker.trig"), "application/trig"),
      vocabQuads(),
    );
    expect(report.conforms).toBe(false);
    const statement = "https://orgraph.dev/data/fixture/statement";
    const missingSpeaker = report.results.filter(
      (r) =>
        r.focusNode?.value === statement &&
        r.path?.value === iri("og", "speaker") &&
        r.sourceConstraintComponent?.value === iri("sh", "MinCountConstraintComponent"),
    );
    expect(missingSpeaker, describeResults(report.results)).toHaveLength(1);
    // The target has one selector: fewer than two, and no TextQuoteSelector.
    const missingQuote = report.results.filter((r) => r.path?.value === iri("oa", "hasSelector"));
    expect(
      missingQuote.map((r) => r.sourceConstraintComponent?.value).sort(),
      describeResults(report.results),
    ).toEqual([
      iri("sh", "MinCountConstraintComponent"),
      iri("sh", "QualifiedMinCountConstraintComponent"),
    ]);
    // Nothing else is wrong with the fixture.
    const other = report.results.filter(
      (r) => !missingSpeaker.includes(r) && !missingQuote.includes(r),
    );
    expect(describeResults(other)).toBe("");
  });
});
