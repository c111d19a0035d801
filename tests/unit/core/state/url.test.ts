// The view state in the URL: short, stable, only non-defaults; decoding tolerates garbage and
// never throws; a seeded property test round-trips many random states.
import { describe, expect, it } from "vitest";
import {
  decodeViewState,
  encodeViewState,
  MAX_START_QUERY_URL_LENGTH,
  roundCamera,
  startQueryFitsUrl,
  startQueryUrlLength,
  urlCanonicalState,
} from "../../../../src/core/state/url";
import {
  DEFAULT_VIEW_STATE,
  viewStateProblems,
  type ViewState,
} from "../../../../src/core/state/view-state";
import { CATEGORIES, type Category } from "../../../../src/core/index";
import {
  graphSourceKey,
  SOURCE_KINDS,
  type SourceFilterKey,
  type SourceKind,
} from "../../../../src/core/graph/sources";
import { seededRandom } from "../../../../src/core/random";

const DATA = "https://orgraph.dev/data/iom-pk-2008/";

describe("encodeViewState", () => {
  it("writes nothing for the defaults", () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe("");
  });

  it("writes only what differs, with short names in a fixed order", () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      selection: `${DATA}lagon`,
      hiddenCategories: ["role", "person"],
      hiddenPredicates: ["http://schema.org/about", "http://example.org/p#x"],
      hideIsolated: true,
      search: "ministère de l'intérieur & co",
      ego: { key: `${DATA}lagon`, depth: 2 },
      camera: { x: 0.123456789, y: 0.5, ratio: 0.333333, angle: 0 },
      uiLanguage: "en",
    };
    expect(encodeViewState(state)).toBe(
      "sel=https://orgraph.dev/data/iom-pk-2008/lagon&hc=person,role" +
        "&hp=http://example.org/p%23x&hp=schema:about&iso=1" +
        "&q=minist%C3%A8re+de+l'int%C3%A9rieur+%26+co" +
        "&ego=https://orgraph.dev/data/iom-pk-2008/lagon&depth=2" +
        "&cam=0.12346,0.5,0.3333,0&ui=en",
    );
  });

  it("reads back through URLSearchParams", () => {
    const state: ViewState = { ...DEFAULT_VIEW_STATE, search: "a+b c&d=e%f #g", selection: "x?y" };
    const params = new URLSearchParams(encodeViewState(state));
    expect(params.get("q")).toBe("a+b c&d=e%f #g");
    expect(params.get("sel")).toBe("x?y");
    expect(decodeViewState(`?${params.toString()}`).state).toEqual(state);
  });

  it("uses the caller's defaults", () => {
    const defaults: ViewState = { ...DEFAULT_VIEW_STATE, uiLanguage: "en" };
    expect(encodeViewState({ ...DEFAULT_VIEW_STATE, uiLanguage: "en" }, defaults)).toBe("");
    expect(encodeViewState(DEFAULT_VIEW_STATE, defaults)).toBe("ui=fr");
    expect(decodeViewState("", defaults).state.uiLanguage).toBe("en");
  });

  it("never throws, even on lone surrogates", () => {
    expect(encodeViewState({ ...DEFAULT_VIEW_STATE, search: "a\uD800b" })).toBe("q=a%EF%BF%BDb");
  });
});

describe("hidden named graphs in the URL", () => {
  it("one hg per graph, known namespaces compacted, @default for the default graph", () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      hiddenSources: [
        graphSourceKey(`${DATA}g-title`),
        "page-template",
        graphSourceKey(""),
        graphSourceKey("http://schema.org/g"),
      ],
    };
    const query = encodeViewState(state);
    expect(query).toBe(`hs=page-template&hg=@default&hg=schema:g&hg=${DATA}g-title`);
    const { state: back, warnings } = decodeViewState(query);
    expect(warnings).toEqual([]);
    expect(back.hiddenSources).toEqual([
      "page-template",
      "graph:",
      "graph:http://schema.org/g",
      `graph:${DATA}g-title`,
    ]);
  });

  it("hs and hg are read apart: each keeps the other's keys", () => {
    const defaults: ViewState = {
      ...DEFAULT_VIEW_STATE,
      hiddenSources: ["other", graphSourceKey(`${DATA}g-a`)],
    };
    expect(decodeViewState("hs=page-template", defaults).state.hiddenSources).toEqual([
      "page-template",
      `graph:${DATA}g-a`,
    ]);
    expect(decodeViewState("hg=", defaults).state.hiddenSources).toEqual(["other"]);
    expect(encodeViewState({ ...defaults, hiddenSources: ["other"] }, defaults)).toBe("hg=");
  });

  it("a graph with white space is a warning, not a key", () => {
    const { state, warnings } = decodeViewState("hg=a+b&hg=https://example.org/g");
    expect(state.hiddenSources).toEqual(["graph:https://example.org/g"]);
    expect(warnings.map((w) => w.param)).toEqual(["hg"]);
  });
});

describe("roundCamera", () => {
  it("rounds sensibly and is idempotent", () => {
    const c = roundCamera({ x: 0.123456789, y: -0.000000001, ratio: 0.0123456, angle: -0.1 });
    expect(c).toEqual({ x: 0.123457, y: 0, ratio: 0.01235, angle: 6.183 });
    expect(roundCamera(c)).toEqual(c);
  });
});

describe("decodeViewState", () => {
  it("reads what encode wrote", () => {
    const { state, warnings } = decodeViewState(
      "?sel=k&hc=person&hs=page-template&col=community&sz=pagerank&seed=42&dl=en,fr&src=https://example.org/a.ttl&nary=0&from=a&to=b",
    );
    expect(warnings).toEqual([]);
    expect(state).toMatchObject({
      selection: "k",
      hiddenCategories: ["person"],
      hiddenSources: ["page-template"],
      colourMode: "community",
      sizeMode: "pagerank",
      seed: 42,
      dataLanguages: ["en", "fr"],
      dataSource: "https://example.org/a.ttl",
      collapseNary: false,
      path: { from: "a", to: "b" },
    });
  });

  it("keeps the layout mode and the n-ary toggles; a bad layout is a warning and force", () => {
    const query = encodeViewState({
      ...DEFAULT_VIEW_STATE,
      layout: "circular",
      collapsePosts: true,
      collapseStatements: true,
    });
    expect(query).toBe("lay=circular&posts=1&stmts=1");
    expect(decodeViewState(query)).toEqual({
      state: {
        ...DEFAULT_VIEW_STATE,
        layout: "circular",
        collapsePosts: true,
        collapseStatements: true,
      },
      warnings: [],
    });
    expect(decodeViewState("lay=category").state.layout).toBe("category");
    const bad = decodeViewState("lay=spiral");
    expect(bad.state.layout).toBe("force");
    expect(bad.warnings.map((w) => w.param)).toEqual(["lay"]);
    expect(encodeViewState({ ...DEFAULT_VIEW_STATE, layout: "force" })).toBe("");
  });

  it("ignores unknown keys and turns bad values into warnings and defaults", () => {
    const { state, warnings } = decodeViewState(
      "foo=bar&sel=&hc=robot,person&cam=1,2&seed=-4&ego=k&depth=9&ui=de&col=rainbow" +
        "&src=javascript:alert(1)&iso=maybe&dl=!!&from=a&sel=x&%E0%A4%A=1",
    );
    expect(state).toEqual({
      ...DEFAULT_VIEW_STATE,
      hiddenCategories: ["person"],
      ego: { key: "k", depth: 1 },
    });
    expect(warnings.map((w) => w.param)).toEqual([
      "%E0%A4%A",
      "sel",
      "sel",
      "hc",
      "iso",
      "depth",
      "from",
      "col",
      "cam",
      "seed",
      "ui",
      "dl",
      "src",
    ]);
    for (const w of warnings) expect(w.message.length).toBeGreaterThan(10);
    expect(warnings.find((w) => w.param === "cam")?.message).toBe(
      "camera must be x,y,ratio,angle; the default camera is used",
    );
  });

  it("never throws on random garbage and always gives a valid state", () => {
    const rand = seededRandom(2024);
    const alphabet = "ab=&%+,:?#<>\"' \u00e9\uD83D\uDE00selhcqcamsdepth0123456789.-eE";
    for (let i = 0; i < 2000; i++) {
      let text = "";
      const len = Math.floor(rand() * 60);
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const { state } = decodeViewState(text);
      expect(viewStateProblems(state)).toEqual([]);
    }
    expect(decodeViewState(undefined as unknown as string).state).toEqual(DEFAULT_VIEW_STATE);
  });
});

describe("the endpoint in the URL", () => {
  it("writes endpoint, graph, opened IRIs and expansions, and reads them back", () => {
    const state: ViewState = {
      ...DEFAULT_VIEW_STATE,
      endpoint: "http://127.0.0.1:8890/sparql",
      endpointGraph: DATA,
      opened: [`${DATA}lagon`, `${DATA}conference`],
      expanded: [
        { node: `${DATA}conference`, predicate: "http://schema.org/organizer", direction: "out" },
        { node: `${DATA}lagon`, predicate: "http://example.org/p,q", direction: "in" },
      ],
    };
    const query = encodeViewState(state);
    expect(query).toBe(
      "endpoint=http://127.0.0.1:8890/sparql&graph=https://orgraph.dev/data/iom-pk-2008/" +
        "&open=https://orgraph.dev/data/iom-pk-2008/conference" +
        "&open=https://orgraph.dev/data/iom-pk-2008/lagon" +
        "&exp=out+schema:organizer+https://orgraph.dev/data/iom-pk-2008/conference" +
        "&exp=in+http://example.org/p,q+https://orgraph.dev/data/iom-pk-2008/lagon",
    );
    const { state: back, warnings } = decodeViewState(query);
    expect(warnings).toEqual([]);
    expect(back).toEqual(urlCanonicalState(state));
    expect(viewStateProblems(back)).toEqual([]);
  });

  it("warns about a bad endpoint or expansion and ignores it", () => {
    const { state, warnings } = decodeViewState(
      "endpoint=javascript:alert(1)&exp=sideways+schema:about+x&exp=out&open=x",
    );
    expect(state.endpoint).toBeNull();
    expect(state.expanded).toEqual([]);
    expect(state.opened).toEqual(["x"]);
    expect(warnings.map((w) => w.param)).toEqual(["endpoint", "exp", "exp"]);
  });
});

describe("the endpoint's start in the URL", () => {
  const ENDPOINT = "http://127.0.0.1:8890/sparql";
  // Multi-line, with French and non-Latin text, an emoji, quotes, # and & inside literals.
  const QUERY = [
    "PREFIX schema: <http://schema.org/>",
    "CONSTRUCT { ?p schema:name ?n }",
    "WHERE {",
    '  ?p schema:name ?n . FILTER(?n IN ("Zoë Ḱhan", "北京 & co", "Ça va #1 😀"))',
    "}",
    "LIMIT 50",
  ].join("\n");

  it("a start query is written as `start` and read back exactly", () => {
    const state: ViewState = { ...DEFAULT_VIEW_STATE, endpoint: ENDPOINT, endpointQuery: QUERY };
    const query = encodeViewState(state);
    expect(query.startsWith(`endpoint=${ENDPOINT}&start=PREFIX+schema:`)).toBe(true);
    // Through the browser's own parser too.
    expect(new URLSearchParams(query).get("start")).toBe(QUERY);
    const { state: back, warnings } = decodeViewState(`?${query}`);
    expect(warnings).toEqual([]);
    expect(back.endpointQuery).toBe(QUERY);
    expect(back).toEqual(urlCanonicalState(state));
    expect(encodeViewState(back)).toBe(query);
    expect(viewStateProblems(back)).toEqual([]);
  });

  it("a DESCRIBE query as well; a start IRI is read as an opened IRI", () => {
    const describe = "DESCRIBE <https://orgraph.dev/data/iom-pk-2008/lagon>";
    const a = decodeViewState(encodeViewState({ ...DEFAULT_VIEW_STATE, endpointQuery: describe }));
    expect(a.state.endpointQuery).toBe(describe);
    const iri = `${DATA}lagon`;
    const b = decodeViewState(`endpoint=${ENDPOINT}&start=${encodeURIComponent(iri)}`);
    expect(b.warnings).toEqual([]);
    expect(b.state.endpointQuery).toBeNull();
    expect(b.state.opened).toEqual([iri]);
    // Written back as `open`, which reads back the same.
    const again = encodeViewState(b.state);
    expect(again).toBe(`endpoint=${ENDPOINT}&open=${iri}`);
    expect(decodeViewState(again).state).toEqual(b.state);
  });

  it("a query too long for a URL is left out of it; read from a URL it is a warning", () => {
    const long = `CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { ${"<urn:é> ".repeat(700)}} ?s ?p ?o }`;
    expect(long.length).toBeLessThan(MAX_START_QUERY_URL_LENGTH);
    expect(startQueryUrlLength(long)).toBeGreaterThan(MAX_START_QUERY_URL_LENGTH);
    expect(startQueryFitsUrl(long)).toBe(false);
    expect(startQueryFitsUrl(QUERY)).toBe(true);
    const state: ViewState = { ...DEFAULT_VIEW_STATE, endpoint: ENDPOINT, endpointQuery: long };
    expect(viewStateProblems(state)).toEqual([]);
    expect(encodeViewState(state)).toBe(`endpoint=${ENDPOINT}`);
    const { state: back, warnings } = decodeViewState(
      new URLSearchParams({ endpoint: ENDPOINT, start: long }).toString(),
    );
    expect(back.endpointQuery).toBeNull();
    expect(warnings).toEqual([
      expect.objectContaining({ param: "start", message: expect.stringMatching(/too long/) }),
    ]);
  });

  it("a SELECT (not a graph) is a warning, not a start", () => {
    const { state, warnings } = decodeViewState(
      `endpoint=${ENDPOINT}&start=${encodeURIComponent("SELECT * WHERE { ?s ?p ?o }")}`,
    );
    expect(state.endpointQuery).toBeNull();
    expect(state.opened).toEqual([]);
    expect(warnings.map((w) => w.param)).toEqual(["start"]);
  });
});

describe("round trip (seeded property test)", () => {
  const rand = seededRandom(0x0c0ffee);
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chars = [
    "a",
    "Z",
    "0",
    " ",
    "&",
    "=",
    "+",
    "%",
    "#",
    "?",
    "/",
    ":",
    ",",
    "<",
    ">",
    "'",
    '"',
    "é",
    "È",
    "ß",
    "中",
    "😀",
    "\n",
    "\t",
    "-",
    "@",
    "_",
    ".",
    "~",
  ];
  const text = (min: number, max: number): string => {
    let s = "";
    const len = min + int(max - min + 1);
    for (let i = 0; i < len; i++) s += pick(chars);
    return s;
  };
  const iri = (): string =>
    pick([
      () => `${DATA}${text(1, 12)}`,
      () => `http://schema.org/${pick(["about", "location", "name"])}`,
      () => `http://www.w3.org/ns/org#${text(1, 6)}`,
      () => `org:${text(1, 5)}`,
      () => `<${text(1, 5)}>`,
      () => `_:b${int(100)}`,
      () => text(1, 20),
    ])();
  const subset = <T>(xs: readonly T[]): T[] => xs.filter(() => rand() < 0.3);
  const randomState = (): ViewState => ({
    selection: rand() < 0.5 ? null : iri(),
    hiddenCategories: subset<Category>(CATEGORIES),
    hiddenPredicates: Array.from({ length: int(4) }, iri),
    hiddenSources: [
      ...subset<SourceKind>(SOURCE_KINDS),
      ...Array.from({ length: int(3) }, (): SourceFilterKey =>
        graphSourceKey(rand() < 0.2 ? "" : iri().replace(/\s/g, "_")),
      ),
    ],
    hideIsolated: rand() < 0.5,
    search: rand() < 0.5 ? "" : text(0, 30),
    ego: rand() < 0.5 ? null : { key: iri(), depth: pick([1, 2, 3] as const) },
    path: rand() < 0.7 ? null : { from: iri(), to: iri() },
    colourMode: pick(["category", "community"] as const),
    sizeMode: pick(["degree", "betweenness", "pagerank"] as const),
    camera:
      rand() < 0.2
        ? DEFAULT_VIEW_STATE.camera
        : {
            x: (rand() - 0.5) * 20,
            y: (rand() - 0.5) * 20,
            ratio: 10 ** ((rand() - 0.5) * 10),
            angle: (rand() - 0.5) * 20,
          },
    layout: pick(["force", "circular", "category"] as const),
    seed: rand() < 0.5 ? 1 : int(2 ** 32),
    uiLanguage: pick(["fr", "en"] as const),
    dataLanguages: rand() < 0.5 ? ["fr", "en"] : [pick(["de", "en-gb", "zh-hant", "fr"])],
    dataSource: rand() < 0.5 ? "builtin" : `https://example.org/${text(1, 10).replace(/\s/g, "_")}`,
    collapseNary: rand() < 0.5,
    collapsePosts: rand() < 0.5,
    collapseStatements: rand() < 0.5,
    revealed: rand() < 0.7 ? [] : Array.from({ length: 1 + int(3) }, iri),
    endpoint: rand() < 0.5 ? null : `https://example.org/${text(1, 10).replace(/\s/g, "_")}`,
    endpointGraph: rand() < 0.7 ? null : iri(),
    opened: rand() < 0.6 ? [] : Array.from({ length: 1 + int(3) }, iri),
    expanded:
      rand() < 0.6
        ? []
        : Array.from({ length: 1 + int(3) }, () => ({
            node: iri(),
            predicate: iri().replace(/\s/g, "_"),
            direction: pick(["out", "in"] as const),
          })),
    endpointQuery:
      rand() < 0.6
        ? null
        : `${pick(["", "PREFIX ex: <http://ex/>\n", "  "])}${pick(["CONSTRUCT", "describe"])} ${text(0, 40)}`,
  });

  it("decode(encode(s)) is s with the camera rounded, for 1000 random states", () => {
    for (let i = 0; i < 1000; i++) {
      const state = randomState();
      const query = encodeViewState(state);
      const { state: back, warnings } = decodeViewState(query);
      expect(warnings, query).toEqual([]);
      expect(back, query).toEqual(urlCanonicalState(state));
      expect(encodeViewState(back)).toBe(query);
      expect(viewStateProblems(back)).toEqual([]);
    }
  });
});
