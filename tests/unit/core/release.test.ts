/** Integration: the built-in dataset data/release.trig through parse + map. */
import { describe, expect, it } from "vitest";
import { loadRdf } from "../../../src/core";
import { CATEGORIES, type Category } from "../../../src/core/model/types";
import { ORG, SCHEMA, SKOS } from "../../../src/core/model/vocab";
import { parseRdf } from "../../../src/core/rdf/parse";
import { rdfToGraph } from "../../../src/core/model/rdf-to-graph";
import { repoFile } from "./fixtures";

const D = "https://orgraph.dev/data/iom-pk-2008/";
const text = repoFile("data/release.trig");
const releaseText = repoFile("data/release-fr.txt");
const { graph, triples, nodes, edges } = loadRdf(text, {
  format: "trig",
  sourceName: "release.trig",
});

describe("data/release.trig", () => {
  it("has every category", () => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    graph.forEachNode((_k, a) => counts[a.category]++);
    console.log(`release.trig: ${triples} quads, ${nodes} nodes, ${edges} edges`, counts);
    for (const c of CATEGORIES) {
      if (c !== "other") expect(counts[c], c).toBeGreaterThan(0);
    }
  });

  it("reads Mark Lagon's post naturally", () => {
    expect(graph.getNodeAttribute(`${D}lagon`, "label")).toBe("Mark Lagon");
    const out = graph.mapOutEdges(`${D}lagon`, (_k, a, _s, t) => ({
      label: a.label,
      predicate: a.predicate,
      target: graph.getNodeAttribute(t, "label"),
    }));
    expect(
      out.some(
        (e) =>
          e.predicate === ORG.memberOf &&
          e.label.startsWith("Directeur") &&
          /traite des personnes/.test(e.target),
      ),
    ).toBe(true);
    expect(out.some((e) => e.predicate === ORG.holds && e.target.startsWith("Directeur"))).toBe(
      true,
    );
  });

  it("puts nothing in 'other' but topics, contact points and untyped web pages", () => {
    const justified = new Set([SKOS.Concept, SCHEMA.ContactPoint]);
    graph.forEachNode((key, a) => {
      if (a.category !== "other") return;
      const ok = a.types.length > 0 ? a.types.every((t) => justified.has(t)) : !key.startsWith(D);
      expect(ok, `${key} (${a.types.join(", ")})`).toBe(true);
    });
  });

  it("draws no annotation, selector, membership, time or graph node", () => {
    const { quads } = parseRdf(text, { format: "trig" });
    const graphNames = new Set(quads.map((q) => q.graph.value).filter((g) => g !== ""));
    graph.forEachNode((key, a) => {
      expect(graphNames.has(key), key).toBe(false);
      for (const t of a.types) {
        expect(t, key).not.toMatch(
          /^http:\/\/www\.w3\.org\/ns\/oa#|^http:\/\/www\.w3\.org\/2006\/time#/,
        );
        expect(t, key).not.toBe(ORG.Membership);
      }
    });
  });

  it("has spans whose offsets select their quoted text in release-fr.txt", () => {
    let checked = 0;
    const check = (spans: readonly { start?: number; end?: number; exact?: string }[]) => {
      for (const s of spans) {
        if (s.start === undefined || s.end === undefined || s.exact === undefined) continue;
        expect(releaseText.slice(s.start, s.end)).toBe(s.exact);
        checked++;
      }
    };
    graph.forEachNode((_k, a) => check(a.spans));
    graph.forEachEdge((_k, a) => check(a.spans));
    expect(checked).toBeGreaterThan(0);
    // Every node the text names has a span; the sources themselves need not.
    graph.forEachNode((key, a) => {
      if (a.category === "document") return;
      if (!key.startsWith(D)) return;
      expect(a.spans.length + a.sources.length, key).toBeGreaterThan(0);
    });
  });

  it("is deterministic", () => {
    const { quads, prefixes } = parseRdf(text, { format: "trig" });
    const reversed = rdfToGraph([...quads].reverse(), { prefixes });
    expect(JSON.stringify(reversed.export())).toBe(JSON.stringify(graph.export()));
  });
});
