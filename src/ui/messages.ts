/** UI strings, French and English. Data (labels, literals) never goes through this table. */
import type { Category } from "../core/model/types";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === "fr" || value === "en";
}

interface Messages {
  legend: string;
  details: string;
  noSelection: string;
  category: string;
  types: string;
  identifier: string;
  properties: string;
  posts: string;
  role: string;
  postIn: string;
  outgoing: string;
  incoming: string;
  sources: string;
  close: string;
  dismiss: string;
  clearSelection: string;
  resetView: string;
  loading: string;
  errorTitle: string;
  errorLine: (line: number, column?: number) => string;
  nodesEdges: (nodes: number, edges: number) => string;
  categories: Record<Category, string>;
}

export const MESSAGES = {
  fr: {
    legend: "Légende",
    details: "Détails",
    noSelection:
      "Cliquez sur un nœud du graphe pour voir ce que la source en dit : ses propriétés, ses relations et ses sources.",
    category: "Catégorie",
    types: "Types",
    identifier: "Identifiant",
    properties: "Propriétés",
    posts: "Postes et fonctions",
    role: "Fonction",
    postIn: "Au sein de",
    outgoing: "Relations sortantes",
    incoming: "Relations entrantes",
    sources: "Extraits de la source",
    close: "Fermer",
    dismiss: "Fermer le message",
    clearSelection: "Désélectionner",
    resetView: "Recentrer la vue",
    loading: "Chargement…",
    errorTitle: "Impossible de charger le graphe",
    errorLine: (line, column) =>
      column === undefined ? `ligne ${line}` : `ligne ${line}, colonne ${column}`,
    nodesEdges: (nodes, edges) => `${nodes} nœuds · ${edges} liens`,
    categories: {
      person: "Personne",
      role: "Poste, rôle",
      organisation: "Organisation",
      ministry: "Ministère",
      country: "Pays",
      place: "Lieu",
      event: "Événement",
      statement: "Déclaration",
      document: "Document",
      other: "Autre",
    },
  },
  en: {
    legend: "Legend",
    details: "Details",
    noSelection:
      "Click a node in the graph to see what the source says about it: its properties, relations and sources.",
    category: "Category",
    types: "Types",
    identifier: "Identifier",
    properties: "Properties",
    posts: "Posts and roles",
    role: "Role",
    postIn: "In",
    outgoing: "Outgoing relations",
    incoming: "Incoming relations",
    sources: "Source excerpts",
    close: "Close",
    dismiss: "Dismiss message",
    clearSelection: "Clear selection",
    resetView: "Reset view",
    loading: "Loading…",
    errorTitle: "Could not load the graph",
    errorLine: (line, column) =>
      column === undefined ? `line ${line}` : `line ${line}, column ${column}`,
    nodesEdges: (nodes, edges) => `${nodes} nodes · ${edges} edges`,
    categories: {
      person: "Person",
      role: "Post, role",
      organisation: "Organisation",
      ministry: "Ministry",
      country: "Country",
      place: "Place",
      event: "Event",
      statement: "Statement",
      document: "Document",
      other: "Other",
    },
  },
} as const satisfies Record<Lang, Messages>;

export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}
