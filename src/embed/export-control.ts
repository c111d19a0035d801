/**
 * The explorer's exports: a PNG of the view, and the visible graph as GEXF, GraphML, Turtle,
 * N-Triples, nodes CSV and edges CSV. The writers (src/core/graph/export.ts, with n3's Writer)
 * are loaded on first use, as their own chunk.
 */
import type { VisibleSubgraph } from "../core/graph/filters";
import type { OrgraphGraph } from "../core/model/types";
import { categoryColor, STAGE_BACKGROUND } from "../render/palette";
import type { OrgraphSigma } from "../render/renderer";
import { snapshotPng } from "../render/snapshot";
import { downloadBlob, safeFileName, sourceStem } from "../ui/download";
import type { ExportName } from "../ui/tools";

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** What the picture shows: nodes and edges sigma does not hide (filters, ego, "as of"). */
export function shownSubgraph(graph: OrgraphGraph, sigma: OrgraphSigma | null): VisibleSubgraph {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  graph.forEachNode((key) => {
    const state = sigma?.getNodeState(key) as { isHidden?: boolean } | undefined;
    if (!state?.isHidden) nodes.add(key);
  });
  graph.forEachEdge((key, _attributes, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    const state = sigma?.getEdgeState(key) as
      { isHidden?: boolean; isOutOfDate?: boolean } | undefined;
    if (!state?.isHidden && !state?.isOutOfDate) edges.add(key);
  });
  return { nodes, edges };
}

const SUFFIX: Record<ExportName, string> = {
  png: "view",
  gexf: "graph",
  graphml: "graph",
  turtle: "visible",
  "n-triples": "visible",
  trig: "visible",
  "n-quads": "visible",
  "nodes-csv": "nodes",
  "edges-csv": "edges",
};

/** Makes the file of one export (no download). */
export async function makeExport(
  name: ExportName,
  graph: OrgraphGraph,
  sigma: OrgraphSigma | null,
  source: string | null,
  visible: VisibleSubgraph = shownSubgraph(graph, sigma),
  hiddenSources: readonly string[] = [],
): Promise<ExportFile> {
  const stem = `orgraph-${sourceStem(source)}-${SUFFIX[name]}`;
  if (name === "png") {
    if (!sigma) throw new Error("Nothing is drawn yet.");
    // The stage's colour as sigma applies it (the canvas theme), else the light one.
    const stage = sigma.getContainer().style.backgroundColor || STAGE_BACKGROUND;
    const blob = await snapshotPng(sigma, { background: stage });
    return { blob, fileName: safeFileName(stem, "png") };
  }
  const { exportGraph } = await import("../core/graph/export");
  const result = exportGraph(graph, name, {
    visible,
    hiddenSources,
    nodeViz: (key) => {
      const attributes = graph.getNodeAttributes(key);
      const display = sigma?.getNodeDisplayData(key);
      return {
        x: attributes.x,
        y: attributes.y,
        size: display?.size,
        color: categoryColor(attributes.category),
      };
    },
  });
  const type = result.mimeType.startsWith("text/")
    ? `${result.mimeType};charset=utf-8`
    : result.mimeType;
  return {
    blob: new Blob([result.text], { type }),
    fileName: safeFileName(stem, result.extension),
  };
}

/** Makes an export and downloads it; resolves with its file name. */
export async function downloadExport(
  name: ExportName,
  graph: OrgraphGraph,
  sigma: OrgraphSigma | null,
  source: string | null,
  visible?: VisibleSubgraph,
  hiddenSources?: readonly string[],
): Promise<string> {
  const file = await makeExport(name, graph, sigma, source, visible, hiddenSources);
  downloadBlob(file.blob, file.fileName);
  return file.fileName;
}
