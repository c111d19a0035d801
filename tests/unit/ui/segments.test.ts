/** The mark tree of the source view: nesting, crossing spans, the emphasised range, parts. */
import { describe, expect, it } from "vitest";
import {
  buildMarks,
  markPieces,
  partRegions,
  piecesText,
  type MarkRange,
  type Piece,
} from "../../../src/ui/segments";

const TEXT = "0123456789abcdefghij";
const span = (id: number, start: number, end: number): MarkRange => ({
  id,
  start,
  end,
  kind: "span",
});
const focus = (id: number, start: number, end: number): MarkRange => ({
  id,
  start,
  end,
  kind: "focus",
});

/** A compact picture of the tree: [id:text ...]. */
function show(pieces: readonly Piece[]): string {
  return pieces
    .map((p) =>
      p.kind === "text" ? TEXT.slice(p.start, p.end) : `[${p.range.id}:${show(p.children)}]`,
    )
    .join("");
}

describe("buildMarks", () => {
  it("keeps the text as it is and leaves unmarked text alone", () => {
    const pieces = buildMarks([], 0, TEXT.length);
    expect(show(pieces)).toBe(TEXT);
    expect(piecesText(TEXT, buildMarks([span(1, 2, 5)], 0, 20))).toBe(TEXT);
  });

  it("nests spans that nest: one mark per span", () => {
    const pieces = buildMarks([span(1, 2, 10), span(2, 4, 6), span(3, 6, 8)], 0, 20);
    expect(show(pieces)).toBe("01[1:23[2:45][3:67]89]abcdefghij");
    expect(markPieces(pieces).map((m) => [m.range.id, m.piece])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it("two spans with the same bounds give two nested marks", () => {
    expect(show(buildMarks([span(1, 2, 4), span(2, 2, 4)], 0, 6))).toBe("01[1:[2:23]]45");
  });

  it("splits one of two crossing spans, pieces sharing the id", () => {
    const pieces = buildMarks([span(1, 2, 6), span(2, 4, 9)], 0, 10);
    expect(piecesText(TEXT.slice(0, 10), pieces)).toBe("0123456789");
    const marks = markPieces(pieces);
    // Span 1 ends inside span 2: it is closed where span 2 starts and reopened inside it.
    expect(show(pieces)).toBe("01[1:23][2:[1:45]678]9");
    expect(marks.filter((m) => m.range.id === 1).map((m) => m.piece)).toEqual([0, 1]);
    expect(marks.filter((m) => m.range.id === 2)).toHaveLength(1);
  });

  it("never splits the focus range: spans that cross it are split", () => {
    // The focus starts first and a span starting inside it runs past its end.
    const a = buildMarks([focus(9, 2, 6), span(1, 4, 9)], 0, 10);
    const fa = markPieces(a).filter((m) => m.range.kind === "focus");
    expect(fa).toHaveLength(1);
    expect(piecesText(TEXT, fa[0]!.children)).toBe("2345");
    // The focus starts inside a span that ends before it.
    const b = buildMarks([span(1, 0, 4), focus(9, 2, 6), span(2, 1, 3)], 0, 10);
    const fb = markPieces(b).filter((m) => m.range.kind === "focus");
    expect(fb).toHaveLength(1);
    expect(piecesText(TEXT, fb[0]!.children)).toBe("2345");
    expect(piecesText(TEXT.slice(0, 10), b)).toBe("0123456789");
  });

  it("puts a focus inside the span it lies in (a quote inside its sentence)", () => {
    expect(show(buildMarks([span(1, 1, 9), focus(9, 3, 7)], 0, 10))).toBe("0[1:12[9:3456]78]9");
  });

  it("clips ranges to the region asked for", () => {
    const pieces = buildMarks([span(1, 2, 8)], 5, 10);
    expect(show(pieces)).toBe("[1:567]89");
    expect(pieces[0]).toMatchObject({ kind: "mark", start: 5, end: 8 });
  });

  it("fuzz: text preserved, focus whole, every span covered exactly by its pieces", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const ranges: MarkRange[] = [];
      const count = 1 + rand(6);
      for (let i = 0; i < count; i++) {
        const start = rand(20);
        ranges.push(span(i, start, start + 1 + rand(20 - start)));
      }
      const fs = rand(20);
      const f = focus(99, fs, fs + 1 + rand(20 - fs));
      ranges.push(f);
      const pieces = buildMarks(ranges, 0, 20);
      expect(piecesText(TEXT, pieces)).toBe(TEXT);
      const marks = markPieces(pieces);
      expect(marks.filter((m) => m.range.id === 99)).toHaveLength(1);
      for (const r of ranges) {
        const covered = marks
          .filter((m) => m.range.id === r.id)
          .flatMap((m) => Array.from({ length: m.end - m.start }, (_, k) => m.start + k));
        expect(covered.sort((x, y) => x - y)).toEqual(
          Array.from({ length: r.end - r.start }, (_, k) => r.start + k),
        );
      }
    }
  });
});

describe("partRegions", () => {
  it("splits the text where each part's first span starts", () => {
    expect(
      partRegions(4054, [
        { part: "body", start: 1212 },
        { part: "template", start: 33 },
        { part: "body", start: 2000 },
      ]),
    ).toEqual([
      { part: "template", start: 0, end: 1212 },
      { part: "body", start: 1212, end: 4054 },
    ]);
    expect(partRegions(10, [])).toEqual([]);
  });
});
