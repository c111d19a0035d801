// Exports: GEXF and GraphML parse back (graphology-gexf / graphology-graphml with xmldom) with
// the same nodes and edges; Turtle and N-Triples re-import into the same nodes and edges; CSV
// quotes, newlines and formula-looking cells survive a strict RFC 4180 reader.
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import {
  csvCell,
  exportGraph,
  subgraphCopy,
  toEdgesCsv,
  toGexf,
  toGraphml,
  toNodesCsv,
  toNTriples,
  toTurtle,
  xmlEscape,
} from "../../../../src/core/graph/export";
import { NO_FILTERS, visibleSubgraph } from "../../../../src/core/graph/filters";
import { parseRdf, rdfToGraph, type OrgraphGraph } from "../../../../src/core/index";
import { DATA, releaseGraph, SMALL, smallGraph, snapshot } from "./load";

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF), for the tests only. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 2;
    } else {
      if (ch === '"' || ch === "\n" || ch === "\r") throw new Error(`bad CSV at ${i}`);
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || row.length > 0) throw new Error("CSV must end with CRLF");
  return rows;
}

function reimport(text: string, format: "turtle" | "n-triples"): OrgraphGraph {
  const { quads, prefixes } = parseRdf(text, { format });
  return rdfToGraph(quads, { prefixes });
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe("GEXF", () => {
  it("parses back with graphology-gexf: same nodes, edges, labels and categories", () => {
    for (const graph of [smallGraph(), releaseGraph()]) {
      const before = snapshot(graph);
      const gexf = toGexf(graph);
      const back = parseGexf(MultiDirectedGraph, gexf);
      expect(back.order).toBe(graph.order);
      expect(back.size).toBe(graph.size);
      expect(sorted(back.nodes())).toEqual(sorted(graph.nodes()));
      expect(sorted(back.edges())).toEqual(sorted(graph.edges()));
      graph.forEachNode((key, a) => {
        expect(back.getNodeAttribute(key, "label")).toBe(a.label);
        expect(back.getNodeAttribute(key, "category")).toBe(a.category);
      });
      graph.forEachEdge((key, a) => {
        expect(back.getEdgeAttribute(key, "predicate")).toBe(a.predicate);
      });
      expect(snapshot(graph)).toBe(before);
    }
  });

  it("exports only the visible subgraph when asked", () => {
    const graph = releaseGraph();
    const visible = visibleSubgraph(graph, { ...NO_FILTERS, hiddenCategories: ["statement"] });
    const back = parseGexf(MultiDirectedGraph, toGexf(graph, { visible }));
    expect(back.order).toBe(visible.nodes.size);
    expect(back.size).toBe(visible.edges.size);
  });
});

describe("GraphML", () => {
  it("parses back with graphology-graphml: same nodes, edges and attributes", () => {
    const graph = releaseGraph();
    const graphml = toGraphml(graph);
    const back = parseGraphml(MultiDirectedGraph, graphml);
    expect(back.order).toBe(graph.order);
    expect(back.size).toBe(graph.size);
    expect(sorted(back.edges())).toEqual(sorted(graph.edges()));
    expect(back.getNodeAttribute(`${DATA}lagon`, "label")).toBe("Mark Lagon");
    expect(back.getNodeAttribute(`${DATA}ministry-interior`, "category")).toBe("ministry");
    expect(typeof back.getNodeAttribute(`${DATA}lagon`, "x")).toBe("number");
  });

  it("escapes XML and drops characters XML forbids", () => {
    expect(xmlEscape(`a<b>&"c'\u0001d`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;d");
    const small = smallGraph();
    const back = parseGraphml(MultiDirectedGraph, toGraphml(small));
    expect(back.getNodeAttribute(`${SMALL}bob`, "label")).toBe(
      small.getNodeAttribute(`${SMALL}bob`, "label"),
    );
  });
});

describe("Turtle and N-Triples", () => {
  for (const [name, write, format] of [
    ["Turtle", toTurtle, "turtle"],
    ["N-Triples", toNTriples, "n-triples"],
  ] as const) {
    it(`${name} re-imports into the same nodes, categories, labels and edges`, () => {
      for (const graph of [smallGraph(), releaseGraph()]) {
        const back = reimport(write(graph), format);
        expect(sorted(back.nodes())).toEqual(sorted(graph.nodes()));
        expect(sorted(back.edges())).toEqual(sorted(graph.edges()));
        graph.forEachNode((key, a) => {
          const b = back.getNodeAttributes(key);
          expect(b.category, key).toBe(a.category);
          // N-Triples has no prefixes: a node without label literals falls back to its IRI's
          // last segment instead of a prefixed name.
          if (format === "turtle" || Object.keys(a.labels).length > 0) {
            expect(b.label, key).toBe(a.label);
          }
          expect(b.types).toEqual(a.types);
          expect(b.properties).toEqual(a.properties);
        });
      }
    });
  }

  it("exports the visible subgraph only", () => {
    const graph = releaseGraph();
    const visible = visibleSubgraph(graph, {
      ...NO_FILTERS,
      ego: { key: `${DATA}lagon`, depth: 1 },
    });
    const back = reimport(toTurtle(graph, { visible }), "turtle");
    expect(sorted(back.nodes())).toEqual(sorted(visible.nodes));
    expect(sorted(back.edges())).toEqual(sorted(visible.edges));
  });

  it("Turtle uses the input's prefixes", () => {
    expect(toTurtle(smallGraph())).toContain("@prefix ex: <https://example.org/small/>.");
  });
});

describe("CSV", () => {
  it("csvCell quotes per RFC 4180 and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 1 23")).toBe("'+33 1 23");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(undefined)).toBe("");
  });

  it("nodes round-trip quotes, commas and newlines; formulas come back defused", () => {
    const graph = smallGraph();
    const rows = parseCsv(toNodesCsv(graph));
    const [header, ...body] = rows;
    expect(header?.slice(0, 4)).toEqual(["Id", "Label", "Category", "Types"]);
    expect(header).toContain("Label@fr");
    expect(body).toHaveLength(graph.order);
    const byId = new Map(body.map((r) => [r[0], r]));
    expect(byId.get(`${SMALL}bob`)?.[1]).toBe('Bob "the builder", Jr.\nsecond line');
    expect(byId.get(`${SMALL}carol`)?.[1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(byId.get("_:addr")?.[1]).toBe("'+33 rue des Lilas");
    expect(byId.get(`${SMALL}min`)?.[2]).toBe("ministry");
    const xIndex = header?.indexOf("X") ?? -1;
    expect(Number(byId.get(`${SMALL}min`)?.[xIndex])).toBeCloseTo(
      graph.getNodeAttribute(`${SMALL}min`, "x"),
      10,
    );
  });

  it("edges carry source, target, predicate, label and the supporting sentence", () => {
    const graph = releaseGraph();
    const rows = parseCsv(toEdgesCsv(graph));
    expect(rows[0]).toEqual([
      "Id",
      "Source",
      "Target",
      "Type",
      "Label",
      "Predicate",
      "Via",
      "Evidence",
      "Sources",
    ]);
    expect(rows).toHaveLength(graph.size + 1);
    for (const row of rows.slice(1)) {
      expect(graph.hasEdge(row[0] as string)).toBe(true);
      expect(graph.source(row[0] as string)).toBe(row[1]);
    }
    expect(rows.some((r) => (r[7] ?? "").includes("\n"))).toBe(true);
  });
});

describe("exportGraph", () => {
  it("gives text, MIME type and extension for every format; prints sizes", () => {
    const graph = releaseGraph();
    const sizes: string[] = [];
    for (const format of [
      "gexf",
      "graphml",
      "turtle",
      "n-triples",
      "nodes-csv",
      "edges-csv",
    ] as const) {
      const result = exportGraph(graph, format);
      expect(result.text.length).toBeGreaterThan(1000);
      expect(result.mimeType).toMatch(/\//);
      sizes.push(`${format} ${(result.text.length / 1024).toFixed(1)} KiB`);
    }
    console.info(`release exports: ${sizes.join(", ")}`);
    expect(() => exportGraph(graph, "pdf" as "gexf")).toThrow(/Unknown export format "pdf"/);
  });

  it("subgraphCopy keeps keys and attributes and shares nothing mutable at top level", () => {
    const graph = smallGraph();
    const copy = subgraphCopy(graph);
    expect(copy.export()).toEqual(graph.export());
    copy.setNodeAttribute(`${SMALL}acme`, "label", "changed");
    expect(graph.getNodeAttribute(`${SMALL}acme`, "label")).toBe("Acmé");
  });
});
