/**
 * The explorer page: registers <orgraph-explorer> and keeps its view in the URL.
 *
 * index.html points the element at the built-in dataset (the IOM Pakistan counter-trafficking
 * release), `release.trig`, served from data/ (Vite's public directory) next to the page together
 * with its source text `release-fr.txt`; `?src=URL` loads that RDF instead.
 *
 * The URL holds the element's view state (src/core/state/url.ts): it is decoded into the element
 * before the first load, and every `orgraph-viewstate` is written back: a new history entry for a
 * meaningful step, a replaced one for a camera move (debounced), so back and forward step through
 * the exploration; popstate applies the state of the entry. The UI language defaults to the
 * browser's and is switched by the header's button (and kept in the URL); "copy link" copies the
 * URL (navigator.clipboard, else a selected read-only field). An endpoint's start query too long
 * for a URL is left out of it, and the page says so under the header (#url-notice).
 */
import "../embed/define";
import { BUILTIN_SOURCE, type ViewState } from "../core/state/view-state";
import {
  decodeViewState,
  MAX_START_QUERY_URL_LENGTH,
  startQueryFitsUrl,
  startQueryUrlLength,
} from "../core/state/url";
import { toolMessages } from "../ui/messages";
import { historyStep, pageDefaults, urlFor } from "./url-state";

/** Camera moves settle this long before they replace the URL (ms). */
const CAMERA_URL_DELAY_MS = 400;

const explorer = document.querySelector("orgraph-explorer");
const builtinSrc = explorer?.getAttribute("src") ?? "release.trig";
const builtinFormat = explorer?.getAttribute("format") ?? null;
const defaults = pageDefaults(
  navigator.languages?.length ? navigator.languages : [navigator.language],
);

/** The state the URL shows now. */
let shown: ViewState = defaults;
let cameraTimer: ReturnType<typeof setTimeout> | null = null;
/** True while a state from the URL is being applied (its echo must not add an entry). */
let applying = false;

function readUrl(): ViewState {
  const { state, warnings } = decodeViewState(location.search, defaults);
  for (const w of warnings) console.warn(`Orgraph URL: ${w.param}: ${w.message}`);
  // A cited link names the built-in data by its absolute URL (see the element's citeUrl).
  if (state.dataSource === new URL(builtinSrc, location.href).href) {
    return { ...state, dataSource: BUILTIN_SOURCE };
  }
  return state;
}

/** `url` (from urlFor) with the page's `story` and `v` parameters kept. */
function keepWidgetParams(url: string): string {
  const params = new URLSearchParams(location.search);
  const extra = ["story", "v"]
    .filter((p) => params.has(p))
    .map((p) => `${p}=${encodeURIComponent(params.get(p)!)}`)
    .join("&");
  if (!extra) return url;
  const hash = url.indexOf("#");
  const [base, tail] = hash < 0 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}${extra}${tail}`;
}

/**
 * Widget parameters of the page URL (issue 5): `v` (the version a cited view was pinned to),
 * `story` (a story's URL) and `#step=N` (its step).
 */
function applyWidgetParams(): void {
  if (!explorer) return;
  const params = new URLSearchParams(location.search);
  const v = params.get("v");
  if (v) explorer.setAttribute("version", v);
  else explorer.removeAttribute("version");
  const story = params.get("story");
  if (story) explorer.setAttribute("story", story);
  const step = /^#step=(\d{1,4})$/.exec(location.hash);
  if (step) {
    explorer.setAttribute("step", step[1]!);
    explorer.goToStep(Number(step[1]));
  }
}

/** Language of the page chrome: <html lang>, the header, the title, the element. */
function applyLanguage(state: ViewState): void {
  const lang = state.uiLanguage;
  const t = toolMessages(lang);
  document.documentElement.lang = lang;
  const builtin = state.dataSource === BUILTIN_SOURCE && state.endpoint === null;
  const title = builtin ? t.pageTitle : t.pageTitleOther(state.endpoint ?? state.dataSource);
  const set = (selector: string, text: string): void => {
    const el = document.querySelector(selector);
    if (el && el.textContent !== text) el.textContent = text;
  };
  set(".page-header .title", title);
  set(".page-header .subtitle", builtin ? t.pageSubtitle : t.pageSubtitleOther);
  document.title = `Orgraph — ${title}`;
  const toggle = document.querySelector<HTMLButtonElement>("#language-toggle");
  if (toggle) {
    toggle.textContent = t.otherLanguageName;
    toggle.lang = lang === "fr" ? "en" : "fr";
    toggle.setAttribute("aria-label", t.switchLanguage);
  }
  set("#copy-link", t.copyLink);
  set("#copy-field-label", t.copyLinkManual);
  document.querySelector(".page-tools")?.setAttribute("aria-label", t.pageTools);
  document.querySelector("#copy-field-input")?.setAttribute("aria-label", t.linkField);
  if (explorer && explorer.getAttribute("lang") !== lang) explorer.setAttribute("lang", lang);
  showUrlNotice(state);
}

/** Points the element at the state's data source (no reload when it already is). */
function applySource(state: ViewState): void {
  if (!explorer) return;
  // A SPARQL endpoint (?endpoint=, issue 7): the view state drives the element's endpoint source.
  if (state.endpoint !== null) {
    explorer.removeAttribute("src");
    explorer.removeAttribute("format");
    return;
  }
  const src = state.dataSource === BUILTIN_SOURCE ? builtinSrc : state.dataSource;
  if (explorer.getAttribute("src") === src) return;
  if (state.dataSource === BUILTIN_SOURCE && builtinFormat) {
    explorer.setAttribute("format", builtinFormat);
  } else explorer.removeAttribute("format");
  explorer.setAttribute("src", src);
}

function applyState(state: ViewState): void {
  applying = true;
  try {
    applyLanguage(state);
    applySource(state);
    explorer?.setViewState(state);
  } catch (error) {
    console.warn("Orgraph URL: the view state could not be applied", error);
  } finally {
    applying = false;
  }
  shown = explorer?.viewState ?? state;
}

function writeUrl(state: ViewState, how: "push" | "replace"): void {
  const url = keepWidgetParams(urlFor(location, state, defaults));
  if (how === "push") history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  shown = state;
  showUrlNotice(state);
}

/** Says when the URL cannot hold the view: an endpoint's start query too long for it. */
function showUrlNotice(state: ViewState): void {
  const notice = document.querySelector<HTMLElement>("#url-notice");
  if (!notice) return;
  const query = state.endpointQuery;
  const text =
    query !== null && !startQueryFitsUrl(query)
      ? toolMessages(state.uiLanguage).startQueryTooLong(
          startQueryUrlLength(query),
          MAX_START_QUERY_URL_LENGTH,
        )
      : "";
  if (notice.textContent !== text) notice.textContent = text;
  notice.hidden = text === "";
}

function onViewState(state: ViewState): void {
  if (state.uiLanguage !== shown.uiLanguage) applyLanguage(state);
  const step = historyStep(shown, state, defaults);
  if (step === "none") {
    shown = state;
    return;
  }
  if (cameraTimer !== null) {
    clearTimeout(cameraTimer);
    cameraTimer = null;
  }
  if (step === "push" && !applying) {
    writeUrl(state, "push");
  } else if (step === "push" || applying) {
    writeUrl(state, "replace");
  } else {
    cameraTimer = setTimeout(() => {
      cameraTimer = null;
      writeUrl(explorer?.viewState ?? state, "replace");
    }, CAMERA_URL_DELAY_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Copy link.

async function copyLink(): Promise<void> {
  if (cameraTimer !== null && explorer) {
    clearTimeout(cameraTimer);
    cameraTimer = null;
    writeUrl(explorer.viewState, "replace");
  }
  const t = toolMessages(shown.uiLanguage);
  const status = document.querySelector("#copy-status");
  const field = document.querySelector<HTMLLabelElement>("#copy-field");
  const input = document.querySelector<HTMLInputElement>("#copy-field-input");
  const url = location.href;
  try {
    if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
    await navigator.clipboard.writeText(url);
    if (field) field.hidden = true;
    if (status) status.textContent = t.linkCopied;
  } catch {
    // No clipboard (insecure context, permission refused): select the link for Ctrl+C.
    if (status) status.textContent = "";
    if (field && input) {
      input.value = url;
      field.hidden = false;
      input.focus();
      input.select();
    }
  }
}

// ---------------------------------------------------------------------------------------------

if (explorer) {
  applyWidgetParams();
  window.addEventListener("hashchange", applyWidgetParams);
  explorer.addEventListener("orgraph-story-step", (event) => {
    const { step } = (event as CustomEvent<{ step: number }>).detail;
    history.replaceState(history.state, "", `${location.pathname}${location.search}#step=${step}`);
  });
  const initial = readUrl();
  applyState(initial);
  // The first entry holds the canonical URL of what is shown.
  history.replaceState(null, "", keepWidgetParams(urlFor(location, shown, defaults)));

  explorer.addEventListener("orgraph-viewstate", (event) => {
    onViewState((event as CustomEvent<ViewState>).detail);
  });
  window.addEventListener("popstate", () => {
    if (cameraTimer !== null) {
      clearTimeout(cameraTimer);
      cameraTimer = null;
    }
    applyState(readUrl());
  });
  document.querySelector("#language-toggle")?.addEventListener("click", () => {
    const lang = explorer.viewState.uiLanguage === "fr" ? "en" : "fr";
    explorer.setViewState({ uiLanguage: lang });
  });
  document.querySelector("#copy-link")?.addEventListener("click", () => void copyLink());
}
