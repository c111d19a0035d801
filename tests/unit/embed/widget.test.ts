/** Unit tests of the widget's settings validator, story validation and text sanitiser, dataset
 * version and caption data, and the iframe message protocol (issue 5). */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkJsonLdContexts,
  DEFAULT_SETTINGS,
  jsonldContextsProblem,
  readSettings,
} from "../../../src/embed/settings";
import { parseStory, parseStoryText, StoryError } from "../../../src/embed/story";
import {
  datasetInfo,
  datasetInfoSliced,
  datasetVersion,
  sha256Hex,
} from "../../../src/embed/dataset";
import { embedMessageProblem, parseAllowOrigins } from "../../../src/embed/embed-protocol";
import { loadRdf } from "../../../src/core";

describe("readSettings", () => {
  it("gives the defaults for no attributes", () => {
    expect(readSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("reads good values", () => {
    const { settings, problems } = readSettings({
      select: " https://x.org/a ",
      controls: "legend, details  search",
      height: "480PX",
      theme: "Dark",
      readonly: "",
      version: "ABCDEF012345",
      step: "3",
      "cite-base": "https://example.org/orgraph/",
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      select: "https://x.org/a",
      controls: ["search", "details", "legend"],
      height: "480px",
      theme: "dark",
      readonly: true,
      version: "abcdef012345",
      step: 3,
      citeBase: "https://example.org/orgraph/",
    });
    expect(readSettings({ controls: "none" }).settings.controls).toEqual([]);
    expect(readSettings({ theme: " Auto " }).settings.theme).toBe("auto");
  });

  it("warns with the attribute and the allowed values, and falls back", () => {
    const { settings, problems } = readSettings({
      controls: "legend sparkles",
      height: "10px;color:red",
      theme: "purple",
      readonly: "maybe",
      step: "0",
      "cite-base": "javascript:alert(1)",
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.map((p) => p.attribute).sort()).toEqual(
      ["cite-base", "controls", "height", "readonly", "step", "theme"].sort(),
    );
    const theme = problems.find((p) => p.attribute === "theme")!;
    expect(theme.message).toContain('"theme"');
    expect(theme.message).toContain("light, dark, auto");
    expect(problems.find((p) => p.attribute === "controls")!.message).toContain("sparkles");
  });

  it("reads the JSON-LD contexts allowed and their limits, or warns and allows none", () => {
    const { settings, problems } = readSettings({
      "jsonld-contexts":
        "https://w3id.org/example/ctx/, http://data.example.org/c.jsonld maxCount=2 max-bytes=65536 timeoutMs=3000",
    });
    expect(problems).toEqual([]);
    expect(settings.jsonldContexts).toEqual({
      allow: ["https://w3id.org/example/ctx/", "http://data.example.org/c.jsonld"],
      maxCount: 2,
      maxBytes: 65536,
      timeoutMs: 3000,
    });
    const bad = readSettings({
      "jsonld-contexts": "ftp://x.org/c.jsonld maxCount=lots sizes=3 timeoutMs=0",
    });
    expect(bad.settings.jsonldContexts).toEqual(DEFAULT_SETTINGS.jsonldContexts);
    expect(bad.settings.jsonldContexts.allow).toEqual([]);
    expect(bad.problems.map((p) => p.message)).toEqual([
      '<orgraph-explorer> attribute "jsonld-contexts": "ftp://x.org/c.jsonld maxCount=lots sizes=3 timeoutMs=0" is not allowed; allowed: http(s) URLs of contexts (one ending in "/" allows all below it) and maxCount=N, maxBytes=N, timeoutMs=N ("ftp://x.org/c.jsonld" is not an http(s) URL; maxCount must be a whole number from 0 to 50; unknown limit "sizes=3"; timeoutMs must be a whole number from 1 to 300000). Using the default.',
    ]);
  });

  it("checks the jsonldContexts property's object by the attribute's rules", () => {
    const good = checkJsonLdContexts({
      allow: ["https://w3id.org/example/ctx/"],
      maxCount: 0,
      timeoutMs: 3000,
    });
    expect(good.problems).toEqual([]);
    expect(good.policy).toEqual({
      allow: ["https://w3id.org/example/ctx/"],
      maxCount: 0,
      maxBytes: DEFAULT_SETTINGS.jsonldContexts.maxBytes,
      timeoutMs: 3000,
    });
    const bad = checkJsonLdContexts({
      allow: ["ftp://x.org/c.jsonld", "https://ok.org/c.jsonld"],
      maxCount: 2.5,
      sizes: 3,
      timeoutMs: 0,
    });
    expect(bad.problems).toEqual([
      '"ftp://x.org/c.jsonld" is not an http(s) URL',
      "maxCount must be a whole number from 0 to 50",
      'unknown limit "sizes"',
      "timeoutMs must be a whole number from 1 to 300000",
    ]);
    expect(jsonldContextsProblem(checkJsonLdContexts({ allow: "https://x.org/" }).problems)).toBe(
      '<orgraph-explorer> property "jsonldContexts": not allowed (allow must be an array of http(s) URLs); allowed: { allow: [http(s) URLs of contexts (one ending in "/" allows all below it)], maxCount, maxBytes, timeoutMs }. Nothing was changed.',
    );
    expect(checkJsonLdContexts("https://x.org/").problems).toEqual([
      '"https://x.org/" is not an object',
    ]);
  });
});

describe("stories", () => {
  const shipped = readFileSync(
    new URL("../../../data/stories/release-who-said-what.json", import.meta.url),
    "utf8",
  );

  it("the shipped story is valid and names nodes of the built-in data", () => {
    const story = parseStory(shipped);
    expect(story.steps.length).toBeGreaterThanOrEqual(5);
    const release = readFileSync(new URL("../../../data/release.trig", import.meta.url), "utf8");
    const { graph } = loadRdf(release, { format: "trig", collapseMemberships: true });
    for (const step of story.steps) {
      expect(step.nodes.length).toBeGreaterThan(0);
      // Statements and events may be folded by a toggle; people and organisations are nodes.
      expect(step.nodes.some((k) => graph.hasNode(k))).toBe(true);
      expect(typeof step.title === "object" && step.title.fr && step.title.en).toBeTruthy();
    }
  });

  it("lists every problem with its path", () => {
    try {
      parseStory({
        orgraphStory: 2,
        steps: [
          { title: 3, nodes: ["relative"] },
          {
            title: "ok",
            text: { de: "x" },
            camera: { x: "a" },
            filters: { hiddenCategories: ["nope"] },
          },
        ],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StoryError);
      const text = (error as StoryError).message;
      expect(text).toContain("orgraphStory must be 1");
      expect(text).toContain("steps[0].title");
      expect(text).toContain('steps[0].nodes[0]: "relative" is relative');
      expect(text).toContain('steps[1].text: unknown language "de"');
      expect(text).toContain("steps[1]:");
    }
    expect(() => parseStory("{not json")).toThrow(/not JSON/);
    expect(() => parseStory({ orgraphStory: 1, steps: [] })).toThrow(/non-empty/);
  });

  it("the text markup is an allow-list: markup, scripts and unsafe links stay text", () => {
    expect(parseStoryText("**Bold** and *it*\nnext\n\nSecond [site](https://a.org/x)")).toEqual([
      [
        { kind: "strong", children: [{ kind: "text", text: "Bold" }] },
        { kind: "text", text: " and " },
        { kind: "em", children: [{ kind: "text", text: "it" }] },
        { kind: "br" },
        { kind: "text", text: "next" },
      ],
      [
        { kind: "text", text: "Second " },
        { kind: "link", href: "https://a.org/x", children: [{ kind: "text", text: "site" }] },
      ],
    ]);
    const hostile = parseStoryText(
      "<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) <script>alert(1)</script>",
    );
    const json = JSON.stringify(hostile);
    expect(json).not.toContain('"link"');
    expect(hostile.flat().every((s) => s.kind === "text")).toBe(true);
    expect(json).toContain("<img src=x onerror=alert(1)>");
  });
});

describe("dataset version and caption data", () => {
  it("sha256Hex matches node:crypto; the version is its first 12 digits", async () => {
    for (const text of ["", "abc", "é".repeat(1000), "x".repeat(55), "y".repeat(64)]) {
      const expected = createHash("sha256").update(text, "utf8").digest("hex");
      expect(sha256Hex(new TextEncoder().encode(text))).toBe(expected);
      expect(await datasetVersion(text)).toBe(expected.slice(0, 12));
    }
  });

  it("finds the title and the sources of the built-in data; links only http(s)", () => {
    const release = readFileSync(new URL("../../../data/release.trig", import.meta.url), "utf8");
    const { quads } = loadRdf(release, { format: "trig" });
    const info = datasetInfo(quads, {
      languages: ["en", "fr"],
      baseUrl: "https://host.example/app/release.trig",
    });
    expect(info.title).toBe("L'OIM accueille une conférence sur la lutte contre la traite");
    const captured = info.sources.find((s) => s.iri.endsWith("/release-fr"))!;
    expect(captured.href).toBe("https://host.example/app/release-fr.txt");
    expect(info.sources.every((s) => s.href === null || /^https?:/.test(s.href))).toBe(true);
  });

  it("read in time slices (before a load's graph is shown), it finds the same; a pause can stop it", async () => {
    const release = readFileSync(new URL("../../../data/release.trig", import.meta.url), "utf8");
    const { quads } = loadRdf(release, { format: "trig" });
    const options = { languages: ["en", "fr"], baseUrl: "https://host.example/app/release.trig" };
    let pauses = 0;
    // A 0 ms slice: a pause after every 256 quads, then every 256 subjects (no more subjects
    // than quads).
    const sliced = await datasetInfoSliced(quads, options, async () => void pauses++, 0);
    expect(sliced).toEqual(datasetInfo(quads, options));
    expect(pauses).toBeGreaterThan(0);
    expect(pauses).toBeLessThanOrEqual(2 * Math.floor(quads.length / 256));
    const stop = datasetInfoSliced(quads, options, () => Promise.reject(new Error("cancelled")), 0);
    await expect(stop).rejects.toThrow("cancelled");
  });
});

describe("iframe message protocol", () => {
  it("accepts the documented shapes only", () => {
    expect(embedMessageProblem({ type: "orgraph:select", key: "https://x/a" })).toBeNull();
    expect(embedMessageProblem({ type: "orgraph:select", key: null })).toBeNull();
    expect(embedMessageProblem({ type: "orgraph:fit" })).toBeNull();
    expect(embedMessageProblem({ type: "orgraph:step", step: 2 })).toBeNull();
    expect(
      embedMessageProblem({ type: "orgraph:set-filters", filters: { hideIsolated: true } }),
    ).toBeNull();
    expect(embedMessageProblem({ type: "orgraph:select", key: 1 })).not.toBeNull();
    expect(embedMessageProblem({ type: "orgraph:select", key: "a", more: 1 })).not.toBeNull();
    expect(embedMessageProblem({ type: "orgraph:step", step: 0 })).not.toBeNull();
    expect(embedMessageProblem({ type: "orgraph:set-filters", filters: { x: 1 } })).not.toBeNull();
    expect(embedMessageProblem("orgraph:fit")).not.toBeNull();
    expect(embedMessageProblem(null)).not.toBeNull();
  });

  it("allow-origin takes exact http(s) origins", () => {
    expect(
      parseAllowOrigins([
        "https://a.org http://127.0.0.1:8080",
        "https://a.org/",
        "https://b.org/path",
        "null",
        "*",
      ]),
    ).toEqual({
      origins: ["https://a.org", "http://127.0.0.1:8080"],
      rejected: ["https://b.org/path", "null", "*"],
    });
  });
});
