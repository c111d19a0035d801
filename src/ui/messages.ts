/** UI strings, French and English. Data (labels, literals) never goes through this table. */
import type { Category } from "../core/model/types";
import { MONTHS } from "../core/statements/dates";

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
  /** Before the named graph(s) a fact is asserted in. */
  factGraph: string;
  /** Before the source(s) a named graph was derived from. */
  factDerivedFrom: string;
  /** Before the loaded source(s) a fact comes from. */
  factLoadedSource: string;
  /** The default graph, when a fact is also asserted there. */
  factDefaultGraph: string;
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
    factGraph: "Graphe :",
    factDerivedFrom: "d'après",
    factLoadedSource: "Source chargée :",
    factDefaultGraph: "graphe par défaut",
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
    factGraph: "Graph:",
    factDerivedFrom: "from",
    factLoadedSource: "Loaded source:",
    factDefaultGraph: "default graph",
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

/** Strings of the "who said what" views: statements, source text, "as of" date, sources. */
export interface StatementMessages {
  tabs: string;
  tabDetails: string;
  tabStatements: string;
  tabSource: string;
  statementsTitle: string;
  statementsCount: (shown: number, total: number) => string;
  noStatements: string;
  noMatch: string;
  filters: string;
  filterSpeaker: string;
  filterOrganisation: string;
  filterEvent: string;
  filterKind: string;
  filterText: string;
  filterTextPlaceholder: string;
  anySpeaker: string;
  anyOrganisation: string;
  anyEvent: string;
  anyKind: string;
  clearFilters: string;
  direct: string;
  reported: string;
  unspecified: string;
  quote: (text: string) => string;
  speaker: string;
  unknownSpeaker: string;
  roleWhenSpeaking: string;
  event: string;
  date: string;
  undatedEvent: string;
  source: string;
  offsets: (start: number, end: number) => string;
  showInSource: string;
  showStatement: string;
  statementsOfPerson: (n: number) => string;
  status: Record<"active" | "inactive" | "uncertain" | "undated", string>;
  statusAt: (status: "active" | "inactive" | "uncertain" | "undated", date: string) => string;
  sourceTitle: string;
  sourceNone: string;
  sourceLoading: string;
  sourceUnavailable: (why: string) => string;
  sourceDocument: string;
  marksCount: (n: number) => string;
  markTitle: (what: string) => string;
  warningsTitle: (n: number) => string;
  noWarnings: string;
  warningMismatch: (annotation: string, start: number, end: number, at: number) => string;
  warningNotFound: (annotation: string, reason: string) => string;
  warningReason: Record<"absent" | "ambiguous", string>;
  backToStatements: string;
  asOf: string;
  asOfYear: string;
  asOfMonth: string;
  asOfDay: string;
  anyMonth: string;
  anyDate: string;
  asOfHidden: (n: number, date: string) => string;
  asOfNone: string;
  asOfHint: string;
  months: readonly string[];
  sourcesTitle: string;
  sourcesCount: (n: number) => string;
  corroborated: string;
  singleSource: string;
  differences: string;
  differencePrecision: string;
  differenceConflict: string;
  termStart: string;
  termEnd: string;
  period: string;
  undated: string;
  eventAt: Record<"past" | "ongoing" | "future" | "uncertain" | "undated", string>;
  nodeSources: string;
}

const MONTHS_FR = MONTHS.fr;
const MONTHS_EN = MONTHS.en;

/** "au 15 mars 2010" for a day, "en mars 2010" / "en 2010" for a month or a year. */
function frAt(date: string): string {
  return /^(\d{1,2}|1er) /.test(date) ? `au ${date}` : `en ${date}`;
}

export const STATEMENT_MESSAGES = {
  fr: {
    tabs: "Vues du panneau",
    tabDetails: "Détails",
    tabStatements: "Déclarations",
    tabSource: "Source",
    statementsTitle: "Qui a dit quoi",
    statementsCount: (shown, total) =>
      shown === total
        ? `${total} déclaration${total > 1 ? "s" : ""}`
        : `${shown} sur ${total} déclarations`,
    noStatements: "Ces données ne contiennent aucune déclaration.",
    noMatch: "Aucune déclaration ne correspond à ces filtres.",
    filters: "Filtrer les déclarations",
    filterSpeaker: "Orateur",
    filterOrganisation: "Organisation",
    filterEvent: "Événement",
    filterKind: "Type",
    filterText: "Texte",
    filterTextPlaceholder: "Mots du texte (accents ignorés)",
    anySpeaker: "Tous les orateurs",
    anyOrganisation: "Toutes les organisations",
    anyEvent: "Tous les événements",
    anyKind: "Citations et discours rapporté",
    clearFilters: "Effacer les filtres",
    direct: "citation directe",
    reported: "discours rapporté",
    unspecified: "déclaration",
    quote: (t) => `« ${t} »`,
    speaker: "Orateur",
    unknownSpeaker: "Orateur inconnu",
    roleWhenSpeaking: "En qualité de",
    event: "Événement",
    date: "Date",
    undatedEvent: "non daté",
    source: "Source",
    offsets: (start, end) => `caractères ${start}–${end}`,
    showInSource: "Voir dans la source",
    showStatement: "Sélectionner cette déclaration",
    statementsOfPerson: (n) => `Déclarations (${n})`,
    status: {
      active: "en fonction",
      inactive: "plus en fonction",
      uncertain: "incertain",
      undated: "non daté",
    },
    statusAt: (status, date) =>
      ({
        active: `en cours ${frAt(date)}`,
        inactive: `hors période ${frAt(date)}`,
        uncertain: `incertain ${frAt(date)}`,
        undated: "non daté",
      })[status],
    sourceTitle: "Texte source",
    sourceNone: "Aucun texte source n'est disponible pour ces données.",
    sourceLoading: "Chargement du texte source…",
    sourceUnavailable: (why) => `Texte source indisponible : ${why}`,
    sourceDocument: "Document",
    marksCount: (n) => `${n} passage${n > 1 ? "s" : ""} étayant des faits`,
    markTitle: (what) => `Étaye : ${what}`,
    warningsTitle: (n) =>
      n === 0 ? "Sélecteurs vérifiés" : `${n} avertissement${n > 1 ? "s" : ""} sur les sélecteurs`,
    noWarnings: "Chaque passage cité se retrouve à la position indiquée.",
    warningMismatch: (a, start, end, at) =>
      `${a} : la position ${start}–${end} ne correspond pas à la citation ; citation retrouvée à ${at} (position corrigée).`,
    warningNotFound: (a, reason) => `${a} : passage introuvable dans le texte (${reason}).`,
    warningReason: { absent: "absent du texte", ambiguous: "présent plusieurs fois" },
    backToStatements: "← Toutes les déclarations",
    asOf: "À la date du",
    asOfYear: "Année",
    asOfMonth: "Mois",
    asOfDay: "Jour",
    anyMonth: "mois…",
    anyDate: "Toutes dates",
    asOfHidden: (n, date) => {
      const at = frAt(date);
      const At = at.charAt(0).toUpperCase() + at.slice(1);
      return n === 0
        ? `${At} : aucun lien hors période`
        : `${At} : ${n} lien${n > 1 ? "s" : ""} hors période masqué${n > 1 ? "s" : ""} (les faits non datés restent affichés)`;
    },
    asOfNone: "Toutes dates",
    asOfHint: "Montrer qui occupait quel poste à une date",
    months: MONTHS_FR,
    sourcesTitle: "Sources",
    sourcesCount: (n) => `${n} source${n > 1 ? "s" : ""}`,
    corroborated: "corroboré",
    singleSource: "source unique",
    differences: "Les sources diffèrent",
    differencePrecision: "précision différente",
    differenceConflict: "valeurs contradictoires",
    termStart: "début",
    termEnd: "fin",
    period: "Période",
    undated: "non daté",
    eventAt: {
      past: "passé à cette date",
      ongoing: "en cours à cette date",
      future: "à venir à cette date",
      uncertain: "incertain à cette date",
      undated: "non daté",
    },
    nodeSources: "Sources de cette entité",
  },
  en: {
    tabs: "Panel views",
    tabDetails: "Details",
    tabStatements: "Statements",
    tabSource: "Source",
    statementsTitle: "Who said what",
    statementsCount: (shown, total) =>
      shown === total
        ? `${total} statement${total > 1 ? "s" : ""}`
        : `${shown} of ${total} statements`,
    noStatements: "This data has no statements.",
    noMatch: "No statement matches these filters.",
    filters: "Filter statements",
    filterSpeaker: "Speaker",
    filterOrganisation: "Organisation",
    filterEvent: "Event",
    filterKind: "Kind",
    filterText: "Text",
    filterTextPlaceholder: "Words of the text (accents ignored)",
    anySpeaker: "All speakers",
    anyOrganisation: "All organisations",
    anyEvent: "All events",
    anyKind: "Quotes and reported speech",
    clearFilters: "Clear filters",
    direct: "direct quote",
    reported: "reported speech",
    unspecified: "statement",
    quote: (t) => `“${t}”`,
    speaker: "Speaker",
    unknownSpeaker: "Unknown speaker",
    roleWhenSpeaking: "Speaking as",
    event: "Event",
    date: "Date",
    undatedEvent: "undated",
    source: "Source",
    offsets: (start, end) => `characters ${start}–${end}`,
    showInSource: "Show in source",
    showStatement: "Select this statement",
    statementsOfPerson: (n) => `Statements (${n})`,
    status: {
      active: "in office",
      inactive: "not in office",
      uncertain: "uncertain",
      undated: "undated",
    },
    statusAt: (status, date) =>
      ({
        active: `current on ${date}`,
        inactive: `out of period on ${date}`,
        uncertain: `uncertain on ${date}`,
        undated: "undated",
      })[status],
    sourceTitle: "Source text",
    sourceNone: "No source text is available for this data.",
    sourceLoading: "Loading the source text…",
    sourceUnavailable: (why) => `Source text unavailable: ${why}`,
    sourceDocument: "Document",
    marksCount: (n) => `${n} passage${n > 1 ? "s" : ""} supporting facts`,
    markTitle: (what) => `Supports: ${what}`,
    warningsTitle: (n) =>
      n === 0 ? "Selectors verified" : `${n} selector warning${n > 1 ? "s" : ""}`,
    noWarnings: "Every quoted passage is found at the position given.",
    warningMismatch: (a, start, end, at) =>
      `${a}: position ${start}–${end} does not match the quote; quote found at ${at} (position corrected).`,
    warningNotFound: (a, reason) => `${a}: passage not found in the text (${reason}).`,
    warningReason: { absent: "not in the text", ambiguous: "found more than once" },
    backToStatements: "← All statements",
    asOf: "As of",
    asOfYear: "Year",
    asOfMonth: "Month",
    asOfDay: "Day",
    anyMonth: "month…",
    anyDate: "Any date",
    asOfHidden: (n, date) =>
      n === 0
        ? `As of ${date}: no link out of period`
        : `As of ${date}: ${n} link${n > 1 ? "s" : ""} out of period hidden (undated facts stay visible)`,
    asOfNone: "Any date",
    asOfHint: "Show who held which post on a date",
    months: MONTHS_EN,
    sourcesTitle: "Sources",
    sourcesCount: (n) => `${n} source${n > 1 ? "s" : ""}`,
    corroborated: "corroborated",
    singleSource: "single source",
    differences: "Sources differ",
    differencePrecision: "different precision",
    differenceConflict: "conflicting values",
    termStart: "start",
    termEnd: "end",
    period: "Period",
    undated: "undated",
    eventAt: {
      past: "past on that date",
      ongoing: "ongoing on that date",
      future: "still to come on that date",
      uncertain: "uncertain on that date",
      undated: "undated",
    },
    nodeSources: "Sources of this entity",
  },
} as const satisfies Record<Lang, StatementMessages>;

export function statementMessages(lang: Lang): StatementMessages {
  return STATEMENT_MESSAGES[lang];
}

/** Strings of the explorer's tools: search, filters, neighbourhood, paths, modes, table view. */
export interface ExplorerMessages {
  toolbar: string;
  /** The narrow-screen button that shows or hides the tools under the search box. */
  moreTools: string;
  search: string;
  searchPlaceholder: string;
  searchResults: string;
  searchNone: string;
  searchCount: (n: number) => string;
  matchIn: Record<"label" | "labels" | "altLabels" | "text", string>;
  filters: string;
  filtersTitle: string;
  filterCategories: string;
  filterRelations: string;
  filterSources: string;
  sourceKinds: Record<"release-body" | "page-template" | "other", string>;
  filterGraphs: string;
  defaultGraph: string;
  narrowGraphs: string;
  noGraphMatches: string;
  showAllGraphs: string;
  hideIsolated: string;
  resetFilters: string;
  shownOfTotal: (shown: number, total: number) => string;
  legendHint: string;
  toggleCategory: (name: string, shown: number, total: number, visible: boolean) => string;
  showAll: string;
  neighbourhood: string;
  neighbourhoodHint: string;
  depth: string;
  hops: (n: number) => string;
  hiddenNeighbours: string;
  noHiddenNeighbours: string;
  expand: (count: number, label: string, direction: "out" | "in") => string;
  directionOut: string;
  directionIn: string;
  forgetExpanded: (n: number) => string;
  pathFromHere: string;
  pathToHere: string;
  pathTitle: string;
  pathFrom: string;
  pathTo: string;
  pathPick: string;
  pathNone: string;
  /** The two ends are connected, but not within what the filters leave visible. */
  pathNoneFiltered: string;
  pathSame: string;
  pathSummary: (paths: number, hops: number, truncated: boolean) => string;
  pathNumber: (n: number) => string;
  pathNoSentence: string;
  pathSource: string;
  pathAlternatives: (n: number) => string;
  clearPath: string;
  swapPath: string;
  colourBy: string;
  colourModes: Record<"category" | "community", string>;
  communities: (n: number) => string;
  sizeBy: string;
  sizeModes: Record<"degree" | "betweenness" | "pagerank", string>;
  nary: string;
  naryHint: string;
  /** The n-ary group: "as edges", and the three kinds. */
  naryAsEdges: string;
  naryKinds: Record<"memberships" | "posts" | "statements", string>;
  naryKindHints: Record<"memberships" | "posts" | "statements", string>;
  /** The data-label language control. */
  dataLabels: string;
  dataLabelsHint: string;
  dataLabelsAuto: string;
  tableView: string;
  tableTitle: string;
  tableNodes: string;
  tableRelations: string;
  tableFilter: string;
  tableFilterPlaceholder: string;
  tableRows: (shown: number, total: number) => string;
  columnLabel: string;
  columnCategory: string;
  columnDegree: string;
  columnSource: string;
  columnRelation: string;
  columnTarget: string;
  sortBy: (column: string) => string;
  close: string;
  nodeTools: string;
}

export const EXPLORER_MESSAGES = {
  fr: {
    toolbar: "Outils du graphe",
    moreTools: "Outils",
    search: "Rechercher",
    searchPlaceholder: "Personne, organisation, déclaration…",
    searchResults: "Résultats de la recherche",
    searchNone: "Aucun résultat",
    searchCount: (n) => (n === 0 ? "Aucun résultat" : n === 1 ? "1 résultat" : `${n} résultats`),
    matchIn: {
      label: "libellé",
      labels: "libellé (autre langue)",
      altLabels: "autre nom",
      text: "texte",
    },
    filters: "Filtres",
    filtersTitle: "Filtres",
    filterCategories: "Catégories",
    filterRelations: "Types de relation",
    filterSources: "Sources",
    sourceKinds: {
      "release-body": "Corps du communiqué",
      "page-template": "Gabarit de la page",
      other: "Autres sources",
    },
    filterGraphs: "Graphes nommés",
    defaultGraph: "Graphe par défaut",
    narrowGraphs: "Chercher un graphe",
    noGraphMatches: "Aucun graphe ne correspond.",
    showAllGraphs: "Afficher tous les graphes",
    hideIsolated: "Masquer les nœuds isolés",
    resetFilters: "Réinitialiser les filtres",
    shownOfTotal: (shown, total) => (shown === total ? `${total}` : `${shown}/${total}`),
    legendHint: "Cliquez une catégorie pour l'afficher ou la masquer.",
    toggleCategory: (name, shown, total, visible) =>
      `${name} : ${shown} sur ${total} affichés${visible ? "" : " (masqué)"}`,
    showAll: "Tout afficher",
    neighbourhood: "Voisinage",
    neighbourhoodHint: "N'afficher que le voisinage de la sélection",
    depth: "Profondeur",
    hops: (n) => (n === 1 ? "1 saut" : `${n} sauts`),
    hiddenNeighbours: "Voisins masqués",
    noHiddenNeighbours: "Tous ses voisins sont affichés.",
    expand: (count, label, direction) =>
      `Afficher ${count} × ${label} (${direction === "out" ? "sortant" : "entrant"})`,
    directionOut: "sortant",
    directionIn: "entrant",
    forgetExpanded: (n) => `Remasquer les ${n} nœuds ajoutés`,
    pathFromHere: "Chemin depuis ici",
    pathToHere: "Chemin jusqu'ici",
    pathTitle: "Plus courts chemins",
    pathFrom: "De",
    pathTo: "À",
    pathPick: "Choisissez l'autre extrémité : sélectionnez un nœud puis « Chemin jusqu'ici ».",
    pathNone: "Ces deux nœuds ne sont pas reliés.",
    pathNoneFiltered:
      "Aucun chemin dans la vue filtrée : ces deux nœuds ne sont reliés que par des éléments masqués par les filtres.",
    pathSame: "Départ et arrivée sont le même nœud.",
    pathSummary: (paths, hops, truncated) =>
      `${truncated ? "Plus de " : ""}${paths} chemin${paths > 1 ? "s" : ""} de ${hops} saut${hops > 1 ? "s" : ""}`,
    pathNumber: (n) => `Chemin ${n}`,
    pathNoSentence: "Aucune phrase de la source ne porte ce lien.",
    pathSource: "Source",
    pathAlternatives: (n) => `+ ${n} autre${n > 1 ? "s" : ""} lien${n > 1 ? "s" : ""}`,
    clearPath: "Effacer le chemin",
    swapPath: "Inverser",
    colourBy: "Couleur",
    colourModes: { category: "Catégorie", community: "Communauté" },
    communities: (n) => `${n} communautés (Louvain)`,
    sizeBy: "Taille",
    sizeModes: { degree: "Degré", betweenness: "Intermédiarité", pagerank: "PageRank" },
    nary: "Adhésions en liens",
    naryHint: "Montrer les adhésions (n-aires) comme des liens étiquetés plutôt que des nœuds",
    naryAsEdges: "En liens :",
    naryKinds: { memberships: "adhésions", posts: "postes", statements: "déclarations" },
    naryKindHints: {
      memberships:
        "Montrer chaque adhésion comme un lien membre → organisation, étiqueté par le rôle",
      posts:
        "Montrer chaque poste occupé comme un lien titulaire → organisation, étiqueté par le poste",
      statements:
        "Montrer chaque déclaration comme un lien orateur → événement, étiqueté par un extrait de la citation",
    },
    dataLabels: "Libellés",
    dataLabelsHint: "Langue des libellés des données (indépendante de la langue de l'interface)",
    dataLabelsAuto: "auto (langue de l'interface)",
    tableView: "Tableau",
    tableTitle: "Vue en tableau",
    tableNodes: "Nœuds",
    tableRelations: "Relations",
    tableFilter: "Filtrer le tableau",
    tableFilterPlaceholder: "Filtrer…",
    tableRows: (shown, total) => `${shown} sur ${total}`,
    columnLabel: "Libellé",
    columnCategory: "Catégorie",
    columnDegree: "Degré",
    columnSource: "Source",
    columnRelation: "Relation",
    columnTarget: "Cible",
    sortBy: (column) => `Trier par ${column.toLowerCase()}`,
    close: "Fermer",
    nodeTools: "Explorer depuis ce nœud",
  },
  en: {
    toolbar: "Graph tools",
    moreTools: "Tools",
    search: "Search",
    searchPlaceholder: "Person, organisation, statement…",
    searchResults: "Search results",
    searchNone: "No results",
    searchCount: (n) => (n === 0 ? "No results" : n === 1 ? "1 result" : `${n} results`),
    matchIn: {
      label: "label",
      labels: "label (other language)",
      altLabels: "other name",
      text: "text",
    },
    filters: "Filters",
    filtersTitle: "Filters",
    filterCategories: "Categories",
    filterRelations: "Relation types",
    filterSources: "Sources",
    sourceKinds: {
      "release-body": "Release body",
      "page-template": "Page template",
      other: "Other sources",
    },
    filterGraphs: "Named graphs",
    defaultGraph: "Default graph",
    narrowGraphs: "Find a graph",
    noGraphMatches: "No graph matches.",
    showAllGraphs: "Show every graph",
    hideIsolated: "Hide isolated nodes",
    resetFilters: "Reset filters",
    shownOfTotal: (shown, total) => (shown === total ? `${total}` : `${shown}/${total}`),
    legendHint: "Click a category to show or hide it.",
    toggleCategory: (name, shown, total, visible) =>
      `${name}: ${shown} of ${total} shown${visible ? "" : " (hidden)"}`,
    showAll: "Show all",
    neighbourhood: "Neighbourhood",
    neighbourhoodHint: "Show only the selection's neighbourhood",
    depth: "Depth",
    hops: (n) => (n === 1 ? "1 hop" : `${n} hops`),
    hiddenNeighbours: "Hidden neighbours",
    noHiddenNeighbours: "All its neighbours are shown.",
    expand: (count, label, direction) =>
      `Show ${count} × ${label} (${direction === "out" ? "outgoing" : "incoming"})`,
    directionOut: "outgoing",
    directionIn: "incoming",
    forgetExpanded: (n) => `Hide the ${n} added nodes again`,
    pathFromHere: "Path from here",
    pathToHere: "Path to here",
    pathTitle: "Shortest paths",
    pathFrom: "From",
    pathTo: "To",
    pathPick: "Pick the other end: select a node, then “Path to here”.",
    pathNone: "These two nodes are not connected.",
    pathNoneFiltered:
      "No path in the filtered view: these two nodes are only connected through items the filters hide.",
    pathSame: "Start and end are the same node.",
    pathSummary: (paths, hops, truncated) =>
      `${truncated ? "More than " : ""}${paths} path${paths > 1 ? "s" : ""} of ${hops} hop${hops > 1 ? "s" : ""}`,
    pathNumber: (n) => `Path ${n}`,
    pathNoSentence: "No sentence of the source supports this link.",
    pathSource: "Source",
    pathAlternatives: (n) => `+ ${n} other link${n > 1 ? "s" : ""}`,
    clearPath: "Clear path",
    swapPath: "Swap",
    colourBy: "Colour",
    colourModes: { category: "Category", community: "Community" },
    communities: (n) => `${n} communities (Louvain)`,
    sizeBy: "Size",
    sizeModes: { degree: "Degree", betweenness: "Betweenness", pagerank: "PageRank" },
    nary: "Memberships as edges",
    naryHint: "Show memberships (n-ary) as labelled edges rather than nodes",
    naryAsEdges: "As edges:",
    naryKinds: { memberships: "memberships", posts: "posts", statements: "statements" },
    naryKindHints: {
      memberships: "Show each membership as an edge member → organisation, labelled by the role",
      posts: "Show each held post as an edge holder → organisation, labelled by the post",
      statements: "Show each statement as an edge speaker → event, labelled by a quote excerpt",
    },
    dataLabels: "Labels",
    dataLabelsHint: "Language of the data's labels (separate from the interface language)",
    dataLabelsAuto: "auto (interface language)",
    tableView: "Table",
    tableTitle: "Table view",
    tableNodes: "Nodes",
    tableRelations: "Relations",
    tableFilter: "Filter the table",
    tableFilterPlaceholder: "Filter…",
    tableRows: (shown, total) => `${shown} of ${total}`,
    columnLabel: "Label",
    columnCategory: "Category",
    columnDegree: "Degree",
    columnSource: "Source",
    columnRelation: "Relation",
    columnTarget: "Target",
    sortBy: (column) => `Sort by ${column.toLowerCase()}`,
    close: "Close",
    nodeTools: "Explore from this node",
  },
} as const satisfies Record<Lang, ExplorerMessages>;

export function explorerMessages(lang: Lang): ExplorerMessages {
  return EXPLORER_MESSAGES[lang];
}

/** Strings of the layout controls, the export menu and the page (URL, language, copy link). */
export interface ToolMessages {
  layoutTools: string;
  layoutMode: string;
  layoutModes: Record<"force" | "circular" | "category", string>;
  runLayout: string;
  pauseLayout: string;
  resumeLayout: string;
  newSeed: string;
  newSeedHint: (seed: number) => string;
  layoutRunning: (percent: number) => string;
  layoutPaused: string;
  layoutDone: string;
  layoutInPage: string;
  exportMenu: string;
  exportHint: string;
  exportPng: string;
  exportFormats: Record<
    "gexf" | "graphml" | "turtle" | "n-triples" | "trig" | "n-quads" | "nodes-csv" | "edges-csv",
    string
  >;
  exporting: string;
  exported: (fileName: string) => string;
  exportFailed: (why: string) => string;
  canvasLabel: (nodes: number, edges: number) => string;
  copyLink: string;
  linkCopied: string;
  copyLinkManual: string;
  linkField: string;
  language: string;
  switchLanguage: string;
  otherLanguageName: string;
  pageTools: string;
  pageTitle: string;
  pageSubtitle: string;
  pageTitleOther: (source: string) => string;
  pageSubtitleOther: string;
  /** The endpoint's start query does not fit in the page's address (its encoded length, the cap). */
  startQueryTooLong: (length: number, max: number) => string;
}

export const TOOL_MESSAGES = {
  fr: {
    layoutTools: "Disposition du graphe",
    layoutMode: "Disposition",
    layoutModes: { force: "ForceAtlas2", circular: "Circulaire", category: "Par catégorie" },
    runLayout: "Lancer",
    pauseLayout: "Pause",
    resumeLayout: "Reprendre",
    newSeed: "Nouvelle graine",
    newSeedHint: (seed) => `Relancer avec une autre graine (graine actuelle : ${seed})`,
    layoutRunning: (p) => `Disposition en cours : ${p} %`,
    layoutPaused: "Disposition en pause",
    layoutDone: "Disposition terminée",
    layoutInPage: "(calcul dans la page)",
    exportMenu: "Exporter",
    exportHint: "Ce qui est affiché",
    exportPng: "Image PNG de la vue",
    exportFormats: {
      gexf: "GEXF (Gephi)",
      graphml: "GraphML",
      turtle: "Turtle (RDF)",
      "n-triples": "N-Triples (RDF)",
      trig: "TriG (RDF, avec les graphes nommés)",
      "n-quads": "N-Quads (RDF, avec les graphes nommés)",
      "nodes-csv": "Nœuds (CSV)",
      "edges-csv": "Liens (CSV)",
    },
    exporting: "Export en cours…",
    exported: (f) => `Téléchargé : ${f}`,
    exportFailed: (why) => `Échec de l'export : ${why}`,
    canvasLabel: (n, e) =>
      `Graphe interactif (${n} nœuds, ${e} liens). Le panneau de détails et la vue tableau en donnent une version textuelle.`,
    copyLink: "Copier le lien",
    linkCopied: "Lien copié",
    copyLinkManual: "Copiez ce lien (Ctrl+C) :",
    linkField: "Lien vers cette vue",
    language: "Langue",
    switchLanguage: "Switch to English",
    otherLanguageName: "English",
    pageTools: "Outils de la page",
    pageTitle: "OIM Pakistan : conférence sur la lutte contre la traite (2008)",
    pageSubtitle:
      "Graphe des faits énoncés dans le communiqué de presse de l'OIM · survolez un nœud pour voir ses voisins, cliquez pour le détail et les sources.",
    pageTitleOther: (source) => `Graphe : ${source}`,
    pageSubtitleOther:
      "Survolez un nœud pour voir ses voisins, cliquez pour le détail et les sources.",
    startQueryTooLong: (length, max) =>
      `La requête de départ est trop longue pour l'adresse de la page (${length} caractères une fois encodée, au plus ${max}) : ce lien ne la relancera pas. Raccourcissez-la pour pouvoir recharger ou citer cette vue.`,
  },
  en: {
    layoutTools: "Graph layout",
    layoutMode: "Layout",
    layoutModes: { force: "ForceAtlas2", circular: "Circular", category: "By category" },
    runLayout: "Run",
    pauseLayout: "Pause",
    resumeLayout: "Resume",
    newSeed: "New seed",
    newSeedHint: (seed) => `Re-run with another seed (current seed: ${seed})`,
    layoutRunning: (p) => `Layout running: ${p}%`,
    layoutPaused: "Layout paused",
    layoutDone: "Layout done",
    layoutInPage: "(computed in the page)",
    exportMenu: "Export",
    exportHint: "What is shown",
    exportPng: "PNG image of the view",
    exportFormats: {
      gexf: "GEXF (Gephi)",
      graphml: "GraphML",
      turtle: "Turtle (RDF)",
      "n-triples": "N-Triples (RDF)",
      trig: "TriG (RDF, with the named graphs)",
      "n-quads": "N-Quads (RDF, with the named graphs)",
      "nodes-csv": "Nodes (CSV)",
      "edges-csv": "Edges (CSV)",
    },
    exporting: "Exporting…",
    exported: (f) => `Downloaded: ${f}`,
    exportFailed: (why) => `Export failed: ${why}`,
    canvasLabel: (n, e) =>
      `Interactive graph (${n} nodes, ${e} edges). The details panel and the table view give a text version.`,
    copyLink: "Copy link",
    linkCopied: "Link copied",
    copyLinkManual: "Copy this link (Ctrl+C):",
    linkField: "Link to this view",
    language: "Language",
    switchLanguage: "Passer en français",
    otherLanguageName: "Français",
    pageTools: "Page tools",
    pageTitle: "IOM Pakistan: counter-trafficking conference (2008)",
    pageSubtitle:
      "Graph of the facts stated in IOM's press release · hover a node to see its neighbours, click it for details and sources.",
    pageTitleOther: (source) => `Graph: ${source}`,
    pageSubtitleOther: "Hover a node to see its neighbours, click it for details and sources.",
    startQueryTooLong: (length, max) =>
      `The start query is too long for the page's address (${length} characters once encoded, at most ${max}): this link will not run it again. Shorten it to be able to reload or cite this view.`,
  },
} as const satisfies Record<Lang, ToolMessages>;

export function toolMessages(lang: Lang): ToolMessages {
  return TOOL_MESSAGES[lang];
}
