/** Unit tests: placing JSON syntax errors (src/core/rdf/json-syntax.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, lineColumn } from "../../../../src/core/rdf/json-syntax";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("findJsonSyntaxError", () => {
  it("finds no error in valid JSON, and one wherever JSON.parse fails", () => {
    fc.assert(
      fc.property(fc.json(), (text) => findJsonSyntaxError(text) === null),
      { numRuns: 300 },
    );
    // Valid JSON cut, or with one character changed: the scanner agrees with JSON.parse.
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", ":", '"', "\\", "x", "\n", "\u0001", "0"),
        (text, at, insert) => {
          const i = at % (text.length + 1);
          const mutated = text.slice(0, i) + insert + text.slice(i + 1);
          const issue = findJsonSyntaxError(mutated);
          expect(issue === null).toBe(parses(mutated));
          if (issue) expect(issue.offset).toBeLessThanOrEqual(mutated.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("says what is wrong, and where", () => {
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({
      offset: 8,
      reason: 'expected a property name in double quotes, found "}"',
      token: "}",
    });
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({
      offset: 5,
      reason: 'expected ":" after a property name, found "1"',
      token: "1",
    });
    expect(findJsonSyntaxError("[1, 2 3]")).toEqual({
      offset: 6,
      reason: 'expected "," or "]" after an array element, found "3"',
      token: "3",
    });
    expect(findJsonSyntaxError('{"a": tru}')?.reason).toBe('unexpected "tru"');
    expect(findJsonSyntaxError('{"a": "b\\q"}')?.reason).toBe("bad escape in a string");
    expect(findJsonSyntaxError('"abc')).toEqual({
      offset: 0,
      reason: "unterminated string",
      token: '"',
    });
    expect(findJsonSyntaxError("{} {}")?.reason).toBe(
      'unexpected "{" after the end of the JSON value',
    );
    expect(findJsonSyntaxError("")).toEqual({ offset: 0, reason: "unexpected end of input" });
    // Deep nesting: no recursion.
    expect(findJsonSyntaxError("[".repeat(100_000) + "]".repeat(100_000))).toBeNull();
  });
});

describe("lineColumn", () => {
  it("counts lines at LF, CR or CRLF and columns in code points", () => {
    const text = 'a\r\nb\rc\n"😀x"';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(text, 5)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, text.indexOf("x"))).toEqual({ line: 4, column: 3 });
  });
});
