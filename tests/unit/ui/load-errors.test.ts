/**
 * Load errors in French (issue 6): each kind of load error, made by the code that throws it
 * (parser, triple cap, size caps, downloads by cause, format, JSON-LD contexts), keeps its
 * English message for the API and the English UI, and reads as a pinned French sentence, made
 * from the same values, in the French UI. Also across the load worker's message boundary.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { OrgraphError, RdfParseError, MESSAGE_KEYS } from "../../../src/core/errors";
import { loadRdfChunked } from "../../../src/core/load/load";
import { deserializeError, serializeError } from "../../../src/core/load/protocol";
import { resolveFormat } from "../../../src/core/rdf/formats";
import { parseJsonLd } from "../../../src/core/rdf/jsonld";
import { DEFAULT_LOAD_LIMITS, readSource, withTripleSetting } from "../../../src/embed/loader";
import { frenchLoadError, loadErrorMessage } from "../../../src/ui/load-errors";

const NNBSP = "\u202f";

async function failure(run: () => Promise<unknown> | unknown): Promise<OrgraphError> {
  try {
    await run();
  } catch (error) {
    return error as OrgraphError;
  }
  throw new Error("expected a failure");
}

/** The French text, and the English one is the message as it was. */
function fr(error: OrgraphError): string {
  expect(loadErrorMessage(error, "en")).toBe(error.message);
  return loadErrorMessage(error, "fr");
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parse errors", () => {
  it("say format, source, line, column and the token in French; English unchanged", async () => {
    const error = await failure(() =>
      loadRdfChunked("@prefix ex: <https://x.org/> .\nex:a ex:b ex:c .\nex:a ex:b foo .\n", {
        format: "turtle",
        sourceName: "broken.ttl",
      }),
    );
    expect(error).toBeInstanceOf(RdfParseError);
    expect(error.message).toBe(
      'Turtle syntax error in broken.ttl at line 3, column 11: unexpected "foo".',
    );
    expect(fr(error)).toBe(
      "Erreur de syntaxe Turtle dans broken.ttl, ligne 3, colonne 11 : « foo » inattendu.",
    );
    // Across the worker boundary: the same error, the same French.
    const back = deserializeError(serializeError(error));
    expect(back.message).toBe(error.message);
    expect(loadErrorMessage(back, "fr")).toBe(fr(error));
  });

  it("a JSON-LD syntax error, an early end, and a reason the parser words itself", async () => {
    const error = await failure(() =>
      parseJsonLd('{\n  "@id": "https://x.org/a",\n  "name": "A"\n  "b": 1\n}', {
        sourceName: "bad.jsonld",
      }),
    );
    expect(error.message).toBe(
      'JSON-LD syntax error in bad.jsonld at line 4, column 3: expected "," or "}" after a property value, found the string "b".',
    );
    expect(fr(error)).toBe(
      'Erreur de syntaxe JSON-LD dans bad.jsonld, ligne 4, colonne 3 : « , » ou « } » attendu après la valeur d\'une propriété au lieu de la chaîne "b".',
    );
    const eof = await failure(() =>
      loadRdfChunked("<https://x.org/a> <https://x.org/b> ", { format: "n-triples" }),
    );
    expect(fr(eof)).toBe(
      "Erreur de syntaxe N-Triples dans text, ligne 1, colonne 36 : terme RDF attendu au lieu de la fin du texte.",
    );
    // jsonld.js's own reason is not one Orgraph knows: it stays as jsonld.js says it.
    const own = await failure(() =>
      parseJsonLd('{"@id": 5, "https://x.org/p": "a"}', { sourceName: "id.jsonld" }),
    );
    expect(fr(own)).toBe(
      'Erreur de syntaxe JSON-LD dans id.jsonld : invalid JSON-LD syntax; "@id" value must a string (invalid @id value).',
    );
  });
});

describe("caps", () => {
  it("the triple cap names its setting, in English and in French", async () => {
    const text = Array.from(
      { length: 3000 },
      (_, i) => `<https://x.org/a${i}> <https://x.org/b> "c" .`,
    );
    const core = await failure(() =>
      loadRdfChunked(text.join("\n"), {
        format: "n-triples",
        sourceName: "big.nt",
        maxTriples: 2_000,
      }),
    );
    expect(core.message).toBe(
      "big.nt has more than 2,000 triples, the most Orgraph loads at once.",
    );
    const error = withTripleSetting(core) as OrgraphError;
    expect(error.code).toBe("limit");
    expect(error.message).toBe(
      "big.nt has more than 2,000 triples, the most Orgraph loads at once (the loadLimits.maxTriples setting).",
    );
    expect(fr(error)).toBe(
      `big.nt a plus de 2${NNBSP}000 triplets, le plus qu'Orgraph charge à la fois (le réglage loadLimits.maxTriples).`,
    );
  });

  it("a file over its size cap", async () => {
    const file = new File(["x".repeat(3000)], "big.ttl");
    const error = await failure(() =>
      readSource(
        { file },
        { ...DEFAULT_LOAD_LIMITS, maxFileBytes: 2048 },
        new AbortController().signal,
      ),
    );
    expect(error.message).toBe(
      "big.ttl is 2.9 KB, more than the 2 KB limit (the loadLimits.maxFileBytes setting).",
    );
    expect(fr(error)).toBe(
      "big.ttl fait 2,9 Ko, plus que la limite de 2 Ko (le réglage loadLimits.maxFileBytes).",
    );
  });
});

describe("downloads, by cause", () => {
  const page = "https://page.test";
  const read = (url: string, timeoutMs = 60_000) =>
    failure(() =>
      readSource(
        { url },
        { ...DEFAULT_LOAD_LIMITS, urlTimeoutMs: timeoutMs, maxUrlBytes: 1024 },
        new AbortController().signal,
      ),
    );
  const stub = (fetch: (url: URL, init?: RequestInit) => Promise<Response>) => {
    vi.stubGlobal("document", { baseURI: `${page}/` });
    vi.stubGlobal("location", { origin: page });
    vi.stubGlobal("fetch", fetch);
  };

  it("HTTP status, wrong content type, size cap while downloading", async () => {
    stub(async () => new Response("gone", { status: 404, statusText: "Not Found" }));
    expect(fr(await read("https://data.test/org.ttl"))).toBe(
      "Impossible de télécharger https://data.test/org.ttl : HTTP 404 Not Found.",
    );
    stub(async () => new Response("<html>", { headers: { "content-type": "text/html" } }));
    expect(fr(await read("https://data.test/org"))).toBe(
      "https://data.test/org n'est pas du RDF : le serveur a envoyé « text/html » (mauvais type de contenu).",
    );
    stub(
      async () => new Response("x".repeat(4096), { headers: { "content-type": "text/turtle" } }),
    );
    const big = await read("https://data.test/big.ttl");
    expect(big.message).toBe(
      "https://data.test/big.ttl is larger than the 1 KB limit (the loadLimits.maxUrlBytes setting).",
    );
    expect(fr(big)).toBe(
      "https://data.test/big.ttl dépasse la limite de 1 Ko (le réglage loadLimits.maxUrlBytes).",
    );
  });

  it("timeout, CORS, unreachable, network", async () => {
    stub(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        ),
    );
    expect(fr(await read("https://slow.test/org.ttl", 30))).toBe(
      "https://slow.test/org.ttl n'a pas répondu en 30 ms (délai dépassé ; le réglage loadLimits.urlTimeoutMs).",
    );
    stub(async (_url, init) => {
      if (init?.mode === "no-cors") return new Response(null, { status: 200 });
      throw new TypeError("Failed to fetch");
    });
    expect(fr(await read("https://other.test/org.ttl"))).toBe(
      `Impossible de lire https://other.test/org.ttl : le serveur https://other.test a répondu mais ne permet pas à cette page (${page}) de lire sa réponse (pas d'en-tête Access-Control-Allow-Origin : CORS).`,
    );
    stub(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(fr(await read("https://down.test/org.ttl"))).toBe(
      "Impossible de joindre https://down.test/org.ttl : le réseau a échoué ou le serveur https://down.test n'a pas répondu.",
    );
    expect(fr(await read(`${page}/org.ttl`))).toBe(
      `Impossible de télécharger ${page}/org.ttl : le réseau a échoué, ou le serveur ne permet pas à cette page de le lire (CORS) (Failed to fetch).`,
    );
  });
});

describe("formats", () => {
  it("unknown format, media type, extension, none", async () => {
    const list =
      "Turtle (turtle: text/turtle, .ttl), TriG (trig: application/trig, .trig), N-Triples (n-triples: application/n-triples, .nt), N-Quads (n-quads: application/n-quads, .nq), JSON-LD (json-ld: application/ld+json, .jsonld)";
    const supported = (await failure(() => resolveFormat({}))).params.supported;
    expect(supported).toBe(list);
    expect(fr(await failure(() => resolveFormat({ format: "rdfxml" })))).toBe(
      `Format RDF inconnu « rdfxml ». Formats pris en charge : ${list}.`,
    );
    expect(fr(await failure(() => resolveFormat({ mime: "image/png" })))).toBe(
      `Type de média RDF non pris en charge « image/png ». Formats pris en charge : ${list}.`,
    );
    expect(fr(await failure(() => resolveFormat({ fileName: "org.xlsx" })))).toBe(
      `Impossible de savoir le format RDF de « org.xlsx » d'après son extension. Formats pris en charge : ${list}.`,
    );
    expect(fr(await failure(() => resolveFormat({})))).toBe(
      `Aucun format RDF donné : indiquez un format, un type MIME ou un nom de fichier. Formats pris en charge : ${list}.`,
    );
  });
});

describe("JSON-LD contexts", () => {
  const CTX = "https://ctx.test/org.jsonld";
  const doc = JSON.stringify({ "@context": CTX, "@id": "https://x.org/a", name: "A" });
  const answer =
    (body: string, init: ResponseInit = {}) =>
    async () =>
      new Response(body, { headers: { "content-type": "application/ld+json" }, ...init });
  const load = (
    fetch: (...args: never[]) => Promise<unknown>,
    contexts = { allow: ["https://ctx.test/"] },
  ) =>
    failure(() => parseJsonLd(doc, { sourceName: "org.jsonld", contexts, fetch: fetch as never }));

  it("refused, too many, HTTP status, too big, not JSON, redirected, timeout, network", async () => {
    const refused = await load(answer("{}"), { allow: [] });
    expect(fr(refused)).toMatch(
      /^Le contexte JSON-LD https:\/\/ctx\.test\/org\.jsonld n'est pas autorisé ; org\.jsonld peut utiliser les contextes fournis \(schema\.org, .*\) et ceux qu'autorise le réglage jsonld-contexts\.$/,
    );
    expect(
      fr(await load(answer("{}"), { allow: ["https://ctx.test/"], maxCount: 0 } as never)),
    ).toBe(
      `Le contexte JSON-LD ${CTX} n'a pas été téléchargé : org.jsonld demande plus de 0 contextes distants (la limite maxCount de jsonld-contexts).`,
    );
    expect(fr(await load(answer("", { status: 500, statusText: "Oops" })))).toBe(
      `Impossible de télécharger le contexte JSON-LD ${CTX} (dans org.jsonld) : HTTP 500 Oops.`,
    );
    expect(
      fr(
        await load(answer("x".repeat(3000), { headers: { "content-length": "3000" } }), {
          allow: ["https://ctx.test/"],
          maxBytes: 2048,
        } as never),
      ),
    ).toBe(
      `Le contexte JSON-LD ${CTX} (dans org.jsonld) fait 2,9 Ko, plus que la limite de 2 Ko (la limite maxBytes de jsonld-contexts).`,
    );
    expect(fr(await load(answer('{\n  "@context": {\n  "a" 1\n}')))).toBe(
      `Le contexte JSON-LD ${CTX} (dans org.jsonld) n'est pas du JSON, ligne 3, colonne 7 : « : » attendu après un nom de propriété au lieu de « 1 ».`,
    );
    const moved = async () => ({
      ok: true,
      status: 200,
      statusText: "OK",
      url: "https://elsewhere.test/org.jsonld",
      headers: new Headers(),
      body: null,
      arrayBuffer: async () => new ArrayBuffer(2),
    });
    expect(fr(await load(moved))).toBe(
      `Le contexte JSON-LD ${CTX} (dans org.jsonld) redirige vers https://elsewhere.test/org.jsonld, que le réglage jsonld-contexts n'autorise pas.`,
    );
    // A server that never answers: only the abort (the timeout) ends the request.
    const never = (_url: string, init?: { signal?: AbortSignal }) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    expect(fr(await load(never, { allow: ["https://ctx.test/"], timeoutMs: 20 } as never))).toBe(
      `Le contexte JSON-LD ${CTX} (dans org.jsonld) n'a pas répondu en 20 ms (la limite timeoutMs de jsonld-contexts).`,
    );
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(fr(await load(offline))).toBe(
      `Impossible de télécharger le contexte JSON-LD ${CTX} (dans org.jsonld) : le réseau a échoué, ou le serveur ne permet pas à cette page de le lire (CORS) (Failed to fetch).`,
    );
  });
});

describe("every message key", () => {
  it("has a French sentence; an error without a key shows its message", () => {
    for (const key of MESSAGE_KEYS) expect(frenchLoadError(key, {})).toBeTruthy();
    expect(frenchLoadError("worker-stopped", {})).toBe(
      "Le chargement a échoué : le worker de chargement s'est arrêté (mémoire épuisée ?).",
    );
    const plain = new OrgraphError("invalid", "Something else.");
    expect(loadErrorMessage(plain, "fr")).toBe("Something else.");
    expect(loadErrorMessage("text", "fr")).toBe("text");
  });
});
