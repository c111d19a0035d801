// The Virtuoso test support with the real binary: a server that does not come up in time is
// a failure with the reason, and leaves no process or folder behind.
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { startVirtuoso } from "../../../support/virtuoso/virtuoso";

function folders(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((f) => f.startsWith("orgraph-virtuoso-")));
}

describe("startVirtuoso", () => {
  it("fails with the reason when Virtuoso does not answer in time, and cleans up", async () => {
    const before = folders();
    const error = await startVirtuoso({ startTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^Virtuoso \(.*virtuoso-t, ports \d+\/\d+\) did not answer on http:\/\/127\.0\.0\.1:\d+\/sparql within 1 ms/,
    );
    const left = [...folders()].filter((f) => !before.has(f));
    expect(left).toEqual([]);
  });

  it("fails with the reason when a data file is missing", async () => {
    const error = await startVirtuoso({
      data: [{ file: "tests/fixtures/sparql/no-such-file.trig", graph: "urn:x" }],
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Virtuoso: no data file .*no-such-file\.trig to load\.$/,
    );
    expect(existsSync("tests/fixtures/sparql/no-such-file.trig")).toBe(false);
  });
});
