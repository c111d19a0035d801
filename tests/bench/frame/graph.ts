/**
 * A seeded synthetic graph shaped like Orgraph's (clusters of organisations and their people,
 * categories, French and English labels), built straight as a data graph: the one the Chromium
 * bench (page.ts) draws, and the one the renderer's browser test page draws.
 */
import { MultiDirectedGraph } from "graphology";
import { seededRandom } from "../../../src/core/random";
import {
  CATEGORIES,
  type Category,
  type EdgeAttributes,
  type GraphAttributes,
  type NodeAttributes,
  type OrgraphGraph,
} from "../../../src/core/model/types";

const WORDS = ["Agence", "Bureau", "Conseil", "Office", "Institut", "Comité", "Direction"];
const PLACES = ["de la santé", "des finances", "régional", "national", "de l'énergie et du climat"];

/** A graph of `order` nodes and `size` edges from `seed` (the same seed, the same graph). */
export function generate(order: number, size: number, seed: number): OrgraphGraph {
  const rnd = seededRandom(seed);
  const graph: OrgraphGraph = new MultiDirectedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >();
  graph.replaceAttributes({ prefixes: {}, languages: ["fr", "en"], triples: size * 3 });
  const clusters = Math.max(1, Math.round(Math.sqrt(order) / 2));
  const centres = Array.from({ length: clusters }, () => ({
    x: (rnd() - 0.5) * 1000,
    y: (rnd() - 0.5) * 1000,
  }));
  const keys: string[] = [];
  const clusterOf: number[] = [];
  for (let i = 0; i < order; i++) {
    const c = Math.floor(rnd() * clusters);
    const centre = centres[c]!;
    const angle = rnd() * Math.PI * 2;
    const radius = Math.sqrt(rnd()) * 60;
    const category: Category = CATEGORIES[Math.floor(rnd() * rnd() * CATEGORIES.length)]!;
    const label = `${WORDS[i % WORDS.length]} ${i} ${PLACES[Math.floor(rnd() * PLACES.length)]}`;
    const key = `https://orgraph.dev/bench/n${i}`;
    graph.addNode(key, {
      iri: key,
      label,
      labels: { fr: [label] },
      types: [],
      category,
      properties: {},
      spans: [],
      sources: [],
      x: centre.x + Math.cos(angle) * radius,
      y: centre.y + Math.sin(angle) * radius,
    });
    keys.push(key);
    clusterOf.push(c);
  }
  const byCluster: number[][] = Array.from({ length: clusters }, () => []);
  clusterOf.forEach((c, i) => byCluster[c]!.push(i));
  for (let e = 0; e < size; e++) {
    const s = Math.floor(rnd() * order);
    // Mostly within the cluster, some across (as organisations link to each other).
    const pool = rnd() < 0.85 ? byCluster[clusterOf[s]!]! : null;
    const t = pool ? pool[Math.floor(rnd() * pool.length)]! : Math.floor(rnd() * order);
    graph.addEdge(keys[s]!, keys[t]!, {
      predicate: "http://www.w3.org/ns/org#memberOf",
      label: "membre de",
      labels: { fr: "membre de", en: "member of" },
      graphs: [""],
      spans: [],
      sources: [],
    });
  }
  return graph;
}
