/** Unit tests: RDF format resolution. */
import { describe, expect, it } from "vitest";
import { OrgraphError } from "../../../../src/core/errors";
import {
  formatFromFileName,
  formatFromMime,
  RDF_FORMATS,
  resolveFormat,
} from "../../../../src/core/rdf/formats";

describe("formats", () => {
  it("lists five formats", () => {
    expect(Object.keys(RDF_FORMATS)).toEqual(["turtle", "trig", "n-triples", "n-quads", "json-ld"]);
  });

  it("maps MIME types, ignoring parameters and case", () => {
    expect(formatFromMime("text/turtle")).toBe("turtle");
    expect(formatFromMime("application/TriG; charset=utf-8")).toBe("trig");
    expect(formatFromMime("application/n-triples")).toBe("n-triples");
    expect(formatFromMime("application/n-quads")).toBe("n-quads");
    expect(formatFromMime("text/plain")).toBeUndefined();
  });

  it("maps file names, paths and URLs", () => {
    expect(formatFromFileName("release.ttl")).toBe("turtle");
    expect(formatFromFileName("data/release.trig")).toBe("trig");
    expect(formatFromFileName("https://x.org/a.nt?v=1#top")).toBe("n-triples");
    expect(formatFromFileName("A.NQ")).toBe("n-quads");
    expect(formatFromFileName("notes.txt")).toBeUndefined();
    expect(formatFromFileName("https://x.org/dir.ttl/file")).toBeUndefined();
  });

  it("resolves explicit format first, then MIME, then file name", () => {
    expect(resolveFormat({ format: "TriG", mime: "text/turtle" })).toBe("trig");
    expect(resolveFormat({ format: "n-quads" })).toBe("n-quads");
    expect(resolveFormat({ mime: "text/turtle", fileName: "x.trig" })).toBe("turtle");
    expect(resolveFormat({ mime: "text/plain", fileName: "x.trig" })).toBe("trig");
    expect(resolveFormat({ fileName: "x.nt" })).toBe("n-triples");
  });

  it("fails with a typed, readable error", () => {
    const supported =
      "Supported formats: Turtle (turtle: text/turtle, .ttl), TriG (trig: application/trig, .trig), " +
      "N-Triples (n-triples: application/n-triples, .nt), N-Quads (n-quads: application/n-quads, .nq), " +
      "JSON-LD (json-ld: application/ld+json, .jsonld).";
    const cases: [Parameters<typeof resolveFormat>[0], string][] = [
      [{ format: "rdfxml" }, `Unknown RDF format "rdfxml". ${supported}`],
      [
        { mime: "application/rdf+xml" },
        `Unsupported RDF media type "application/rdf+xml". ${supported}`,
      ],
      [
        { fileName: "x.rdf" },
        `Cannot tell the RDF format of "x.rdf" from its extension. ${supported}`,
      ],
      [{}, `No RDF format given: pass a format, a MIME type or a file name. ${supported}`],
    ];
    for (const [hints, message] of cases) {
      let caught: unknown;
      try {
        resolveFormat(hints);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(OrgraphError);
      expect((caught as OrgraphError).code).toBe("format");
      expect((caught as OrgraphError).message).toBe(message);
    }
  });
});
