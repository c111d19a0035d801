/** Unit tests: RDF -> graphology mapping (nodes, edges, memberships, time, determinism). */
import { describe, expect, it } from "vitest";
import { edgeKey, initialPosition, rdfToGraph } from "../../../../src/core/model/rdf-to-graph";
import { loadRdf } from "../../../../src/core";
import { parseRdf } from "../../../../src/core/rdf/parse";
import { readFileSync } from "node:fs";
import { OG, ORG } from "../../../../src/core/model/vocab";
import { fixture } from "../fixtures";

const EX = "https://example.org/mini/";
const { quads, prefixes } = parseRdf(fixture("mini.trig"), { format: "trig" });
const graph = rdfToGraph(quads, { prefixes });

describe("nodes", () => {
  it("has one node per typed or linked entity, and nothing else", () => {
    expect(graph.nodes()).toEqual(
      [
        "agency",
        "body",
        "interior",
        "lagon",
        "news",
        "office",
        "post-director",
        "role-director",
        "text",
      ].map((k) => EX + k),
    );
  });

  it("sets label, labels, types, category and literal properties", () => {
    const lagon = graph.getNodeAttributes(`${EX}lagon`);
    expect(lagon.iri).toBe(`${EX}lagon`);
    expect(lagon.label).toBe("Mark Lagon");
    expect(lagon.labels).toEqual({ "": ["Mark Lagon"] });
    expect(lagon.types).toEqual(["http://schema.org/Person", "http://xmlns.com/foaf/0.1/Person"]);
    expect(lagon.category).toBe("person");
    expect(lagon.properties).toEqual({
      "http://xmlns.com/foaf/0.1/name": [{ value: "Mark Lagon" }],
    });
    expect(Object.keys(lagon)).toEqual([
      "iri",
      "label",
      "labels",
      "types",
      "category",
      "properties",
      "spans",
      "sources",
      "x",
      "y",
      "factGraphs",
    ]);
    // Every fact about Mark Lagon is said in one graph: one string, no list per fact.
    expect(lagon.factGraphs).toBe(`${EX}g-lagon`);
    const office = graph.getNodeAttributes(`${EX}office`);
    expect(office.label).toBe("Bureau de surveillance");
    expect(office.labels).toEqual({ en: ["Trafficking Office"], fr: ["Bureau de surveillance"] });
    expect(
      rdfToGraph(quads, { prefixes, languages: ["en"] }).getNodeAttribute(`${EX}office`, "label"),
    ).toBe("Trafficking Office");
  });

  it("categorises with the data's subclasses; a ministry is a ministry", () => {
    expect(graph.getNodeAttribute(`${EX}interior`, "category")).toBe("ministry");
    expect(graph.getNodeAttribute(`${EX}agency`, "category")).toBe("organisation");
    expect(graph.getNodeAttribute(`${EX}post-director`, "category")).toBe("role");
    expect(graph.getNodeAttribute(`${EX}role-director`, "category")).toBe("role");
  });

  it("labels unlabelled nodes with a prefixed name", () => {
    expect(graph.getNodeAttribute(`${EX}body`, "label")).toBe("ex:body");
  });

  it("places nodes deterministically from their key", () => {
    const { x, y } = graph.getNodeAttributes(`${EX}lagon`);
    expect({ x, y }).toEqual(initialPosition(`${EX}lagon`));
    expect(x).not.toBe(y);
    expect(Math.abs(x)).toBeLessThanOrEqual(100);
  });
});

describe("edges", () => {
  it("has one edge per distinct triple between resources, rdf:type not drawn", () => {
    const readable = graph.mapEdges(
      (_k, a, s, t) =>
        `${graph.getNodeAttribute(s, "label")} -- ${a.label} -> ${graph.getNodeAttribute(t, "label")}`,
    );
    // Insertion order = edge keys sorted: subject, then predicate IRI, then object.
    expect(readable).toEqual([
      "Agence -- sous-organisation de -> Ministère de l'Intérieur",
      "ex:body -- fait partie de -> Texte",
      "Mark Lagon -- occupe -> Directeur du Bureau",
      "Mark Lagon -- Directeur -> Bureau de surveillance",
      "Mark Lagon -- préside -> Agence",
      "Directeur du Bureau -- poste au sein de -> Bureau de surveillance",
      "Directeur du Bureau -- rôle -> Directeur",
    ]);
  });

  it("uses the data's predicate labels before the built-in table", () => {
    const e = graph.getEdgeAttributes(`${EX}lagon ${EX}chairs ${EX}agency`);
    expect(e.label).toBe("préside");
    expect(e.labels).toEqual({ en: "chairs", fr: "préside" });
  });

  it("records the graphs asserting an edge", () => {
    const nq = parseRdf(fixture("simple.nq"), { format: "n-quads" });
    const g = rdfToGraph(nq.quads);
    expect(g.size).toBe(1);
    expect(g.getEdgeAttributes(g.edges()[0] ?? "")).toMatchObject({
      predicate: "http://xmlns.com/foaf/0.1/knows",
      label: "connaît",
      labels: { en: "knows", fr: "connaît" },
      graphs: ["https://example.org/g1", "https://example.org/g2"],
    });
  });

  it("finds a relation again in another graph, for a subject with few or many relations", () => {
    // A subject's relations are looked up in a short list, then (past 16) in a map: both
    // merge the same relation asserted in two graphs into one edge, and keep the others apart.
    const lines: string[] = [];
    for (const [subject, count] of [
      ["few", 3],
      ["many", 40],
    ] as const) {
      for (const g of ["g1", "g2"]) {
        for (let i = 0; i < count; i++) {
          // In g2, every other relation only: the rest are asserted in g1 alone.
          if (g === "g2" && i % 2 === 1) continue;
          lines.push(`<${EX}${subject}> <${EX}p> <${EX}o${i}> <${EX}${g}> .`);
        }
        lines.push(`<${EX}${subject}> <${EX}q> <${EX}o0> <${EX}${g}> .`);
      }
    }
    const g = rdfToGraph(parseRdf(lines.join("\n"), { format: "n-quads" }).quads);
    for (const [subject, count] of [
      ["few", 3],
      ["many", 40],
    ] as const) {
      expect(g.outEdges(`${EX}${subject}`)).toHaveLength(count + 1);
      for (let i = 0; i < count; i++) {
        const graphs = g.getEdgeAttribute(
          edgeKey(`${EX}${subject}`, `${EX}p`, `${EX}o${i}`),
          "graphs",
        );
        expect(graphs).toEqual(i % 2 === 1 ? [`${EX}g1`] : [`${EX}g1`, `${EX}g2`]);
      }
      expect(g.getEdgeAttribute(edgeKey(`${EX}${subject}`, `${EX}q`, `${EX}o0`), "graphs")).toEqual(
        [`${EX}g1`, `${EX}g2`],
      );
    }
  });

  it("lists literal facts by predicate, sorted, values in first use and without repeats, over graphs", () => {
    const nq = [
      `<${EX}s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${EX}Thing> <${EX}g1> .`,
      `<${EX}s> <${EX}pb> "1" <${EX}g1> .`,
      `<${EX}s> <${EX}pb> "0" <${EX}g1> .`,
      `<${EX}s> <${EX}pa> "2" <${EX}g2> .`,
      `<${EX}s> <${EX}pb> "1" <${EX}g2> .`,
      `<${EX}s> <${EX}pb> "3" <${EX}g2> .`,
      `<${EX}s> <http://schema.org/name> "n" <${EX}g2> .`,
      `<${EX}s> <https://schema.org/description> "d" <${EX}g2> .`,
    ].join("\n");
    const g = rdfToGraph(parseRdf(nq, { format: "n-quads" }).quads);
    const properties = g.getNodeAttribute(`${EX}s`, "properties");
    // Sorted by code unit (schema.org read as http, its canonical form).
    expect(Object.keys(properties)).toEqual([
      "http://schema.org/description",
      "http://schema.org/name",
      `${EX}pa`,
      `${EX}pb`,
    ]);
    // Objects in canonical order within a graph ("0" before "1"), graphs in order.
    expect(properties[`${EX}pb`]!.map((v) => v.value)).toEqual(["0", "1", "3"]);
  });

  it("keys blank nodes as _:id", () => {
    const nt = parseRdf(fixture("simple.nt"), { format: "n-triples" });
    const g = rdfToGraph(nt.quads);
    expect(g.nodes()).toEqual(["_:bob", "https://example.org/a"]);
    expect(g.getNodeAttribute("_:bob", "label")).toBe("_:bob");
  });
});

describe("memberships", () => {
  const key = edgeKey(`${EX}lagon`, ORG.memberOf, `${EX}office`, `${EX}m-lagon`);

  it("collapse into one edge member -> organisation labelled by the role", () => {
    expect(graph.hasNode(`${EX}m-lagon`)).toBe(false);
    const e = graph.getEdgeAttributes(key);
    expect(e).toEqual({
      predicate: ORG.memberOf,
      label: "Directeur",
      labels: { en: "Director", fr: "Directeur" },
      graphs: [`${EX}g-term`],
      spans: [],
      sources: [{ graph: `${EX}g-term`, source: `${EX}news` }],
      via: `${EX}m-lagon`,
      during: {
        start: { value: "2007-05-31", datatype: "http://www.w3.org/2001/XMLSchema#date" },
        end: { value: "2009-01-26", datatype: "http://www.w3.org/2001/XMLSchema#date" },
      },
    });
    expect(graph.source(key)).toBe(`${EX}lagon`);
    expect(graph.target(key)).toBe(`${EX}office`);
  });

  it("fold OWL-Time intervals away", () => {
    graph.forEachNode((_k, a) => {
      expect(a.types.some((t) => t.startsWith("http://www.w3.org/2006/time#"))).toBe(false);
    });
  });

  it("stay nodes when collapseMemberships is false", () => {
    const g = rdfToGraph(quads, { prefixes, collapseMemberships: false });
    expect(g.hasEdge(key)).toBe(false);
    const m = g.getNodeAttributes(`${EX}m-lagon`);
    expect(m.during?.start?.value).toBe("2007-05-31");
    expect(m.sources).toEqual([{ graph: `${EX}g-term`, source: `${EX}news` }]);
    expect(g.hasEdge(`${EX}m-lagon ${ORG.member} ${EX}lagon`)).toBe(true);
    expect(g.hasEdge(`${EX}m-lagon ${ORG.organization} ${EX}office`)).toBe(true);
  });
});

describe("graph attributes and loadRdf", () => {
  it("records prefixes, languages and the triple count", () => {
    const attrs = graph.getAttributes();
    expect(attrs.triples).toBe(quads.length);
    expect(attrs.languages).toEqual(["fr", "en"]);
    expect(attrs.prefixes.ex).toBe(EX);
  });

  it("loadRdf parses and maps in one call", () => {
    const r = loadRdf(fixture("mini.trig"), { format: "trig", sourceName: "mini.trig" });
    expect([r.triples, r.nodes, r.edges]).toEqual([quads.length, graph.order, graph.size]);
  });
});

describe("determinism", () => {
  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const out = [...items];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  const exported = (g: ReturnType<typeof rdfToGraph>) => JSON.stringify(g.export());

  it("builds the same graph twice", () => {
    const again = loadRdf(fixture("mini.trig"), { format: "trig" }).graph;
    expect(exported(again)).toBe(exported(graph));
    expect(again.nodes()).toEqual(graph.nodes());
    expect(again.edges()).toEqual(graph.edges());
  });

  it("builds the same graph from shuffled quads", () => {
    for (const seed of [1, 2, 3]) {
      const g = rdfToGraph(shuffled(quads, seed), { prefixes });
      expect(exported(g)).toBe(exported(graph));
    }
  });
});

describe("posts and statements collapsed into labelled edges", () => {
  const RELEASE = readFileSync(new URL("../../../../data/release.trig", import.meta.url), "utf8");
  const D = "https://orgraph.dev/data/iom-pk-2008/";
  const release = loadRdf(RELEASE, { format: "trig" });
  const collapsed = rdfToGraph(release.quads, {
    prefixes: release.graph.getAttribute("prefixes"),
    collapsePosts: true,
    collapseStatements: true,
  });

  it("stay nodes by default", () => {
    expect(release.graph.someNode((_k, a) => a.types.includes(`${ORG.Post}`))).toBe(true);
    expect(release.graph.someNode((_k, a) => a.category === "statement")).toBe(true);
    expect(release.graph.someEdge((_e, a) => a.predicate === OG.said)).toBe(false);
  });

  it("a held post becomes holder -[post label]-> organisation, via the post", () => {
    const held = collapsed.filterOutEdges(
      `${D}malik`,
      (_e, a) => a.predicate === ORG.holds && a.via !== undefined,
    );
    expect(held.length).toBeGreaterThan(0);
    const a = collapsed.getEdgeAttributes(held[0]!);
    expect(release.graph.getNodeAttribute(a.via!, "types")).toContain(ORG.Post);
    expect(a.label).toBe(release.graph.getNodeAttribute(a.via!, "label"));
    expect(a.labels.en).toBeTruthy();
    const postIn = release.graph
      .outEdges(a.via!)
      .filter((e) => release.graph.getEdgeAttribute(e, "predicate") === ORG.postIn)
      .map((e) => release.graph.target(e));
    expect(postIn).toContain(collapsed.target(held[0]!));
    expect(a.spans.length).toBeGreaterThan(0);
    // Held posts are no longer nodes.
    expect(collapsed.hasNode(a.via!)).toBe(false);
  });

  it("a statement becomes speaker -[« quote »]-> event, with the quote's span", () => {
    const said = collapsed.filterOutEdges(`${D}lagon`, (_e, a) => a.predicate === OG.said);
    expect(said.length).toBeGreaterThan(0);
    for (const e of said) {
      const a = collapsed.getEdgeAttributes(e);
      expect(a.label).toMatch(/^« .+ »$/);
      expect(release.graph.getNodeAttribute(a.via!, "category")).toBe("statement");
      expect(collapsed.getNodeAttribute(collapsed.target(e), "category")).toBe("event");
      expect(a.spans.some((s) => (s.exact ?? "").length > 0)).toBe(true);
    }
    expect(collapsed.someNode((_k, a) => a.category === "statement")).toBe(false);
  });

  it("is deterministic", () => {
    const again = rdfToGraph([...release.quads].reverse(), {
      prefixes: release.graph.getAttribute("prefixes"),
      collapsePosts: true,
      collapseStatements: true,
    });
    expect(JSON.stringify(again.export())).toBe(JSON.stringify(collapsed.export()));
  });
});
