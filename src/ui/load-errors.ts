/**
 * Load errors in the UI's language (issue 6). A load error (src/core/errors.ts) carries a
 * message `key` and its `params`; its `message` is English, for the API and logs, and is what
 * the English UI shows, byte for byte. Here the French sentences, made from the same params.
 * A parser's reason is said in French too (parse-reasons-fr.ts), the text it quotes as written;
 * one not known there (jsonld.js's own) stays as the parser says it.
 */
import type { ErrorParams, MessageKey } from "../core/errors";
import type { Lang } from "./messages";
import { frenchReason } from "./parse-reasons-fr";

export { frenchReason };

type Say = (p: ErrorParams) => string;

/** A size people can read, in French: octets below 1 Ko, Ko below 1 Mo, else Mo. */
export function frenchSize(bytes: number): string {
  const digits = { maximumFractionDigits: 1 };
  if (bytes < 1024) return `${bytes.toLocaleString("fr")} octets`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString("fr", digits)} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString("fr", digits)} Mo`;
}

const str = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
const num = (v: string | number | undefined): number => (typeof v === "number" ? v : Number(v));

function wait(ms: number): string {
  return ms < 1000
    ? `${ms} ms`
    : `${(ms / 1000).toLocaleString("fr", { maximumFractionDigits: 1 })} s`;
}

/** "ligne 3, colonne 11" (what is known of it), with a leading ", ". */
function where(p: ErrorParams): string {
  if (p.line === undefined) return "";
  return `, ligne ${p.line}${p.column === undefined ? "" : `, colonne ${p.column}`}`;
}

function sized(p: ErrorParams): string {
  return p.size === undefined ? "dépasse" : `fait ${frenchSize(num(p.size))}, plus que`;
}

const httpStatus = (p: ErrorParams): string => `HTTP ${`${p.status} ${str(p.statusText)}`.trim()}`;
const context = (p: ErrorParams): string => `Le contexte JSON-LD ${p.url} (dans ${p.source})`;

const FR: Record<MessageKey, Say> = {
  parse: (p) =>
    `Erreur de syntaxe ${p.format} dans ${p.source}${where(p)} : ${frenchReason(str(p.reason))}.`,
  "triple-cap": (p) =>
    `${p.source} a plus de ${num(p.max).toLocaleString("fr")} triplets, le plus qu'Orgraph charge à la fois` +
    (p.setting === undefined ? "." : ` (le réglage loadLimits.${p.setting}).`),
  "size-cap": (p) =>
    `${p.what} ${sized(p)} la limite de ${frenchSize(num(p.max))} (le réglage loadLimits.${p.setting}).`,
  "fetch-timeout": (p) =>
    `${p.url} n'a pas répondu en ${wait(num(p.ms))} (délai dépassé ; le réglage loadLimits.urlTimeoutMs).`,
  "fetch-network": (p) =>
    `Impossible de télécharger ${p.url} : le réseau a échoué, ou le serveur ne permet pas à cette page de le lire (CORS)${p.detail ? ` (${p.detail})` : ""}.`,
  "fetch-cors": (p) =>
    `Impossible de lire ${p.url} : le serveur ${p.origin} a répondu mais ne permet pas à cette page (${p.page}) de lire sa réponse (pas d'en-tête Access-Control-Allow-Origin : CORS).`,
  "fetch-unreachable": (p) =>
    `Impossible de joindre ${p.url} : le réseau a échoué ou le serveur ${p.origin} n'a pas répondu.`,
  "fetch-http": (p) => `Impossible de télécharger ${p.url} : ${httpStatus(p)}.`,
  "not-rdf": (p) =>
    `${p.url} n'est pas du RDF : le serveur a envoyé « ${p.mime} » (mauvais type de contenu).`,
  "worker-stopped": () =>
    "Le chargement a échoué : le worker de chargement s'est arrêté (mémoire épuisée ?).",
  "format-unknown": (p) =>
    `Format RDF inconnu « ${p.format} ». Formats pris en charge : ${p.supported}.`,
  "format-mime": (p) =>
    `Type de média RDF non pris en charge « ${p.mime} ». Formats pris en charge : ${p.supported}.`,
  "format-extension": (p) =>
    `Impossible de savoir le format RDF de « ${p.file} » d'après son extension. Formats pris en charge : ${p.supported}.`,
  "format-none": (p) =>
    `Aucun format RDF donné : indiquez un format, un type MIME ou un nom de fichier. Formats pris en charge : ${p.supported}.`,
  "context-refused": (p) =>
    `Le contexte JSON-LD ${p.url} n'est pas autorisé ; ${p.source} peut utiliser les contextes fournis (${p.bundled}) et ceux qu'autorise le réglage jsonld-contexts.`,
  "context-count": (p) =>
    `Le contexte JSON-LD ${p.url} n'a pas été téléchargé : ${p.source} demande plus de ${p.max} contextes distants (la limite maxCount de jsonld-contexts).`,
  "context-timeout": (p) =>
    `${context(p)} n'a pas répondu en ${p.ms} ms (la limite timeoutMs de jsonld-contexts).`,
  "context-too-big": (p) =>
    `${context(p)} ${sized(p)} la limite de ${frenchSize(num(p.max))} (la limite maxBytes de jsonld-contexts).`,
  "context-network": (p) =>
    `Impossible de télécharger le contexte JSON-LD ${p.url} (dans ${p.source}) : le réseau a échoué, ou le serveur ne permet pas à cette page de le lire (CORS)${p.detail ? ` (${p.detail})` : ""}.`,
  "context-http": (p) =>
    `Impossible de télécharger le contexte JSON-LD ${p.url} (dans ${p.source}) : ${httpStatus(p)}.`,
  "context-redirect": (p) =>
    `${context(p)} redirige vers ${p.to}, que le réglage jsonld-contexts n'autorise pas.`,
  "context-read": (p) => `Impossible de lire le contexte JSON-LD ${p.url} (dans ${p.source}).`,
  "context-not-json": (p) =>
    `${context(p)} n'est pas du JSON${where(p)}${p.reason === undefined ? "" : ` : ${frenchReason(str(p.reason))}`}.`,
};

/** What a load error's `key` and `params` say, in French (null when it has no key). */
export function frenchLoadError(key: MessageKey | undefined, params: ErrorParams): string | null {
  return key === undefined ? null : FR[key](params);
}

/**
 * The text shown for a load error in `lang`: its English `message` as it is, or the French
 * sentence of its key (an error without a key, e.g. a bug's, shows its message).
 */
export function loadErrorMessage(error: unknown, lang: Lang): string {
  const e = error as { message?: unknown; key?: unknown; params?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  if (lang !== "fr" || typeof e?.key !== "string" || !(e.key in FR)) return message;
  const params = (typeof e.params === "object" && e.params !== null ? e.params : {}) as ErrorParams;
  return frenchLoadError(e.key as MessageKey, params) ?? message;
}
