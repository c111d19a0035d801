/**
 * The iframe route, dist/app/embed.html (issue 5), for sites that cannot run a script:
 *
 *   embed.html?src=URL&select=IRI&lang=fr&controls=legend,details&story=URL&step=2
 *             &theme=dark&height=…&readonly&caption=…&format=trig&allow-origin=https://partner.example
 *
 * plus any view-state parameter (src/core/state/url.ts: sel, hc, cam, …) and `v` (the version a
 * cited view was pinned to). Every value goes through the element's attribute checks (a bad one
 * is a console warning and the default). Without `src` the built-in dataset (release.trig) shows.
 *
 * It talks to its parent only through postMessage (src/embed/embed-protocol.ts): messages are
 * sent to each `allow-origin` origin by name (never "*") and accepted only from those origins,
 * from the parent window, in a known shape. It touches no storage and no cookie, so it runs in
 * `<iframe sandbox="allow-scripts">` (origin "null"); the server then has to send
 * `Access-Control-Allow-Origin: *` for its files (module scripts and data are CORS fetches from
 * an opaque origin), and the layout runs in the page (no worker from an opaque origin).
 */
import "../embed/define";
import { decodeViewState, DEFAULT_VIEW_STATE } from "../core";
import type { OrgraphExplorer } from "../embed/explorer-element";
import {
  embedMessageProblem,
  parseAllowOrigins,
  type EmbedInboundMessage,
  type EmbedOutboundMessage,
} from "../embed/embed-protocol";
import type {
  ErrorDetail,
  LoadSummary,
  ReadyDetail,
  SelectDetail,
  StoryStepDetail,
} from "../embed/events";

const BUILTIN_FILE = "release.trig";
const params = new URLSearchParams(location.search);
const { origins, rejected } = parseAllowOrigins(params.getAll("allow-origin"));
for (const r of rejected) {
  console.warn(
    `Orgraph embed: allow-origin ${JSON.stringify(r)} is not an http(s) origin; ignored.`,
  );
}

const explorer = document.createElement("orgraph-explorer") as OrgraphExplorer;
const ATTRIBUTES = [
  "format",
  "lang",
  "select",
  "controls",
  "height",
  "theme",
  "caption",
  "story",
  "step",
] as const;
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) explorer.setAttribute(name, value);
}
if (params.has("readonly") && params.get("readonly") !== "false")
  explorer.setAttribute("readonly", "");
const version = params.get("v");
if (version !== null) explorer.setAttribute("version", version);
const stepInHash = /^#step=(\d{1,4})$/.exec(location.hash);
if (stepInHash) explorer.setAttribute("step", stepInHash[1]!);

// The view state of a cited link (sel, hc, cam, …); `src` is the data.
const { state, warnings } = decodeViewState(location.search, DEFAULT_VIEW_STATE);
for (const w of warnings) console.warn(`Orgraph embed: ${w.param}: ${w.message}`);
const rawSrc = params.get("src");
let src = BUILTIN_FILE;
if (rawSrc) {
  try {
    const url = new URL(rawSrc, location.href);
    if (url.protocol === "http:" || url.protocol === "https:") src = url.href;
    else console.warn(`Orgraph embed: src must be an http(s) URL; showing the built-in data.`);
  } catch {
    console.warn(
      `Orgraph embed: src ${JSON.stringify(rawSrc)} is not a URL; showing the built-in data.`,
    );
  }
}
if (src === BUILTIN_FILE && !params.has("format")) explorer.setAttribute("format", "trig");
if (!params.has("lang")) explorer.setAttribute("lang", params.get("ui") === "en" ? "en" : "fr");
document.documentElement.lang = explorer.getAttribute("lang") === "en" ? "en" : "fr";
try {
  explorer.setViewState(state);
} catch (error) {
  console.warn("Orgraph embed: the view state could not be applied", error);
}
explorer.setAttribute("src", src);
document.querySelector("#orgraph-embed")?.append(explorer);

// ---------------------------------------------------------------------------------------------
// postMessage.

function send(message: EmbedOutboundMessage): void {
  if (window.parent === window) return;
  for (const origin of origins) {
    try {
      window.parent.postMessage(message, origin);
    } catch (error) {
      console.warn("Orgraph embed: could not post to the parent", error);
    }
  }
}

explorer.addEventListener("orgraph-ready", (event) => {
  const d = (event as CustomEvent<ReadyDetail>).detail;
  send({
    type: "orgraph:ready",
    triples: d.triples,
    nodes: d.nodes,
    edges: d.edges,
    version: d.version,
  });
});
explorer.addEventListener("orgraph-load", (event) => {
  const d = (event as CustomEvent<LoadSummary>).detail;
  send({
    type: "orgraph:load",
    triples: d.triples,
    nodes: d.nodes,
    edges: d.edges,
    version: explorer.datasetVersion,
  });
});
explorer.addEventListener("orgraph-select", (event) => {
  const d = (event as CustomEvent<SelectDetail | null>).detail;
  send(
    d
      ? { type: "orgraph:select", key: d.key, label: d.label, category: d.category }
      : { type: "orgraph:select", key: null },
  );
});
explorer.addEventListener("orgraph-error", (event) => {
  send({ type: "orgraph:error", message: (event as CustomEvent<ErrorDetail>).detail.message });
});
explorer.addEventListener("orgraph-story-step", (event) => {
  const d = (event as CustomEvent<StoryStepDetail>).detail;
  send({ type: "orgraph:step", step: d.step, total: d.total });
});

function handle(message: EmbedInboundMessage): void {
  switch (message.type) {
    case "orgraph:select":
      if (!explorer.select(message.key, { center: true })) {
        console.warn(`Orgraph embed: no node ${JSON.stringify(message.key)}`);
      }
      break;
    case "orgraph:focus":
      explorer.focusNode(message.key);
      break;
    case "orgraph:fit":
      explorer.fit();
      break;
    case "orgraph:set-filters":
      try {
        explorer.setFilters(message.filters as Parameters<OrgraphExplorer["setFilters"]>[0]);
      } catch (error) {
        console.warn("Orgraph embed: filters not applied", error);
      }
      break;
    case "orgraph:step":
      explorer.goToStep(message.step);
      break;
    case "orgraph:get-state":
      send({ type: "orgraph:viewstate", state: explorer.viewState });
      break;
  }
}

window.addEventListener("message", (event: MessageEvent) => {
  if (!origins.includes(event.origin) || event.source !== window.parent) return;
  const problem = embedMessageProblem(event.data);
  if (problem) {
    console.warn(`Orgraph embed: message ignored: ${problem}`);
    return;
  }
  handle(event.data as EmbedInboundMessage);
});

window.addEventListener("hashchange", () => {
  const m = /^#step=(\d{1,4})$/.exec(location.hash);
  if (m) explorer.goToStep(Number(m[1]));
});
