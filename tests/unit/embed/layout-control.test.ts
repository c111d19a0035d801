/**
 * The layout's hold on a load's graph (issue 6): while a renderer is set up for it apart, the
 * force layout's positions are kept out of the graph, then written once at the swap (and the
 * finished run reported then); a cancelled load's run stops and its positions are dropped.
 */
import { describe, expect, it } from "vitest";
import { loadRdf, type OrgraphGraph } from "../../../src/core/index";
import {
  LayoutControl,
  PREPARE_WAIT_NODES,
  type LayoutInfo,
} from "../../../src/embed/layout-control";

/** A ring of persons, over PREPARE_WAIT_NODES nodes: its force layout is not waited for. */
function bigGraph(): OrgraphGraph {
  const ex = "https://example.org/ring/";
  const n = PREPARE_WAIT_NODES + 100;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      `<${ex}p${i}> a <http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/knows> <${ex}p${(i + 1) % n}> .`,
    );
  }
  return loadRdf(lines.join("\n"), { format: "turtle", sourceName: "ring.ttl" }).graph;
}

function positions(graph: OrgraphGraph): string {
  return JSON.stringify(graph.mapNodes((_k, a) => [a.x, a.y]));
}

/** A main-thread layout prepared for bigGraph() and held, with the runs it reports. */
async function heldLayout(): Promise<{
  graph: OrgraphGraph;
  layout: LayoutControl;
  finished: LayoutInfo[];
  seeded: string;
}> {
  const graph = bigGraph();
  const finished: LayoutInfo[] = [];
  const layout = new LayoutControl({
    graph: () => null,
    changed: () => {},
    finished: (i) => finished.push(i),
  });
  layout.useWorker = false;
  await layout.prepare(graph);
  layout.hold(graph);
  return { graph, layout, finished, seeded: positions(graph) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 6000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("LayoutControl.hold / release", () => {
  it("keeps a held graph's positions out of it until release, then writes the last ones and reports the run", async () => {
    const { graph, layout, finished, seeded } = await heldLayout();
    await until(() => layout.info.status === "done");
    // Done, but nothing written nor reported while held.
    expect(positions(graph)).toBe(seeded);
    expect(finished).toEqual([]);
    layout.release(graph);
    expect(positions(graph)).not.toBe(seeded);
    expect(finished.map((i) => i.status)).toEqual(["done"]);
    // Released once: a second release changes nothing.
    const laid = positions(graph);
    layout.release(graph);
    expect(positions(graph)).toBe(laid);
    expect(finished).toHaveLength(1);
  }, 120_000);

  it("a release without applying (a cancelled load) stops the run and drops its positions", async () => {
    const { graph, layout, finished, seeded } = await heldLayout();
    layout.release(graph, false);
    expect(layout.info.status).toBe("stopped");
    await new Promise((r) => setTimeout(r, 200));
    expect(positions(graph)).toBe(seeded);
    expect(finished).toEqual([]);
  });
});
