/** Unit tests: the chunked, cancellable loader and the load worker's protocol (handler called directly). */
import { describe, expect, it } from "vitest";
import { loadRdf, OrgraphError, RdfParseError, termKey } from "../../../../src/core/index";
import { loadRdfChunked, type LoadProgress } from "../../../../src/core/load/load";
import { createLoadHandler } from "../../../../src/core/load/handler";
import { datasetVersion } from "../../../../src/core/load/version";
import {
  decodeQuads,
  deserializeError,
  graphFromSerialized,
  type PlainTerm,
  type WorkerResponse,
} from "../../../../src/core/load/protocol";
import { fixture, repoFile } from "../fixtures";

const now = () => Promise.resolve();
const quadKeys = (
  quads: Iterable<{ subject: never; predicate: never; object: never; graph: never }>,
) => Array.from(quads, (q) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(" "));

describe("loadRdfChunked", () => {
  const text = repoFile("data/release.trig");
  const expected = loadRdf(text, { format: "trig", sourceName: "release.trig" });

  it("gives the same graph and quads as loadRdf, from text or bytes, in any chunk size", async () => {
    const bytes = new TextEncoder().encode(text);
    for (const chunkSize of [1, 13, 4096, 1 << 20]) {
      for (const input of [text, bytes, bytes.buffer]) {
        const r = await loadRdfChunked(input, { format: "trig", chunkSize, yieldTo: now });
        expect(JSON.stringify(r.graph.export())).toBe(JSON.stringify(expected.graph.export()));
        expect(quadKeys(r.quads as never)).toEqual(quadKeys(expected.quads as never));
        expect([r.triples, r.nodes, r.edges]).toEqual([
          expected.triples,
          expected.nodes,
          expected.edges,
        ]);
      }
    }
  });

  it("reports progress in bytes and triples, and yields between slices", async () => {
    const bytes = new TextEncoder().encode(text);
    const seen: LoadProgress[] = [];
    let clock = 0;
    let yields = 0;
    await loadRdfChunked(bytes, {
      format: "trig",
      chunkSize: 1000,
      sliceMs: 5,
      now: () => (clock += 10),
      yieldTo: () => {
        yields++;
        return Promise.resolve();
      },
      onProgress: (p) => seen.push(p),
    });
    expect(yields).toBeGreaterThan(Math.floor(bytes.length / 1000));
    expect(seen[0]).toEqual({ phase: "parse", bytes: 0, totalBytes: bytes.length, triples: 0 });
    expect(seen.at(-1)).toEqual({
      phase: "build",
      bytes: bytes.length,
      totalBytes: bytes.length,
      triples: expected.triples,
    });
    const parse = seen.filter((p) => p.phase === "parse");
    for (let i = 1; i < parse.length; i++) {
      expect(parse[i]!.bytes).toBeGreaterThan(parse[i - 1]!.bytes);
      expect(parse[i]!.triples).toBeGreaterThanOrEqual(parse[i - 1]!.triples);
    }
    expect(seen.some((p) => p.phase === "build")).toBe(true);
  });

  it("does not yield while a slice lasts less than sliceMs", async () => {
    let yields = 0;
    await loadRdfChunked(text, {
      format: "trig",
      chunkSize: 100,
      sliceMs: 1e9,
      yieldTo: () => {
        yields++;
        return Promise.resolve();
      },
    });
    expect(yields).toBe(0);
  });

  it("stops on cancel, while parsing or building, with OrgraphError 'cancelled'", async () => {
    for (const phase of ["parse", "build"] as const) {
      const signal = { aborted: false };
      const result = loadRdfChunked(text, {
        format: "trig",
        chunkSize: 500,
        sliceMs: 0,
        signal,
        yieldTo: now,
        onProgress: (p) => {
          if (p.phase === phase && (phase === "build" || p.bytes > 0)) signal.aborted = true;
        },
        sourceName: "release.trig",
      });
      const error = await result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrgraphError);
      expect((error as OrgraphError).code).toBe("cancelled");
      expect((error as Error).message).toBe("Loading release.trig was cancelled.");
    }
    const aborted = await loadRdfChunked(text, { format: "trig", signal: { aborted: true } }).catch(
      (e: unknown) => e,
    );
    expect((aborted as OrgraphError).code).toBe("cancelled");
  });

  it("rejects a syntax error with the same RdfParseError as loadRdf", async () => {
    const broken = fixture("broken.ttl");
    let sync: RdfParseError | undefined;
    try {
      loadRdf(broken, { format: "turtle", sourceName: "broken.ttl" });
    } catch (e) {
      sync = e as RdfParseError;
    }
    for (const chunkSize of [1, 5, 64]) {
      const e = await loadRdfChunked(new TextEncoder().encode(broken), {
        format: "turtle",
        sourceName: "broken.ttl",
        chunkSize,
        yieldTo: now,
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RdfParseError);
      expect((e as RdfParseError).message).toBe(sync!.message);
      expect((e as RdfParseError).token).toBe("foo");
    }
  });

  it("never splits a surrogate pair or a UTF-8 sequence between chunks", async () => {
    const t = '<http://a> <http://b> "😀é😀" .\n';
    for (let chunkSize = 1; chunkSize < 8; chunkSize++) {
      for (const input of [t, new TextEncoder().encode(t)]) {
        const r = await loadRdfChunked(input, { format: "n-triples", chunkSize, yieldTo: now });
        expect(r.quads.get(0).object.value).toBe("😀é😀");
      }
    }
  });
});

describe("load worker protocol", () => {
  const text = repoFile("data/release.trig");
  const expected = loadRdf(text, { format: "trig" });

  function harness() {
    const messages: WorkerResponse[] = [];
    const transfers: ArrayBuffer[][] = [];
    const handle = createLoadHandler(
      (m, t) => {
        messages.push(m);
        transfers.push(t ?? []);
      },
      { yieldTo: now, sliceMs: 0, chunkSize: 2000 },
    );
    return { messages, transfers, handle };
  }

  it("posts progress, then the graph (serialized) and the quads (encoded, transferred)", async () => {
    const { messages, transfers, handle } = harness();
    await handle({
      type: "load",
      id: 7,
      buffer: new TextEncoder().encode(text),
      format: "trig",
      sourceName: "release.trig",
    });
    const last = messages.at(-1)!;
    expect(messages.slice(0, -1).every((m) => m.type === "progress" && m.id === 7)).toBe(true);
    expect(messages.length).toBeGreaterThan(3);
    if (last.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(last)}`);
    expect(last.id).toBe(7);
    // What the main thread rebuilds is the graph loadRdf builds.
    const graph = graphFromSerialized(structuredClone(last.graph));
    expect(JSON.stringify(graph.export())).toBe(JSON.stringify(expected.graph.export()));
    const quads = decodeQuads(structuredClone(last.quads!));
    expect(quadKeys(quads as never)).toEqual(quadKeys(expected.quads as never));
    expect(transfers.at(-1)).toEqual([last.quads!.indices.buffer]);
    expect([last.triples, last.nodes, last.edges]).toEqual([
      expected.triples,
      expected.nodes,
      expected.edges,
    ]);
  });

  it("with `version`, sends the input's dataset version, hashed in the worker (text or bytes)", async () => {
    const expectedVersion = await datasetVersion(text);
    expect(expectedVersion).toMatch(/^[0-9a-f]{12}$/);
    for (const input of [{ text }, { buffer: new TextEncoder().encode(text) }]) {
      const { messages, handle } = harness();
      await handle({ type: "load", id: 4, ...input, format: "trig", version: true });
      const last = messages.at(-1)!;
      if (last.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(last)}`);
      expect(last.version).toBe(expectedVersion);
    }
    // Not asked: not sent.
    const { messages, handle } = harness();
    await handle({ type: "load", id: 5, text, format: "trig" });
    const last = messages.at(-1)!;
    expect(last.type === "result" && last.version).toBe(undefined);
  });

  it("with `batch`, streams nodes, edges and quad terms in small messages before the result", async () => {
    const { messages, handle } = harness();
    await handle({ type: "load", id: 3, text, format: "trig", batch: 7 });
    const streamed = messages.filter((m) => m.type !== "progress");
    const last = streamed.at(-1)!;
    if (last.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(last)}`);
    const kinds = streamed.slice(0, -1).map((m) => m.type);
    // Nodes first, then edges, then terms; each message holds at most 7 items.
    expect(kinds.join(",")).toMatch(/^(nodes,)+(edges,)+(terms,)*terms$/);
    const graph = graphFromSerialized(structuredClone(last.graph));
    const terms: PlainTerm[] = [];
    for (const m of streamed) {
      if (m.type === "nodes") {
        expect(m.nodes.length).toBeLessThanOrEqual(7);
        for (const n of m.nodes) graph.addNode(n.key, n.attributes);
      } else if (m.type === "edges") {
        for (const e of m.edges)
          graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
      } else if (m.type === "terms") terms.push(...m.terms);
    }
    expect(JSON.stringify(graph.export())).toBe(JSON.stringify(expected.graph.export()));
    const quads = decodeQuads({ terms, indices: last.quads!.indices });
    expect(quadKeys(quads as never)).toEqual(quadKeys(expected.quads as never));
  });

  it("leaves the quads out on request", async () => {
    const { messages, handle } = harness();
    await handle({ type: "load", id: 1, text, format: "trig", withQuads: false });
    const last = messages.at(-1)!;
    expect(last.type === "result" && last.quads === undefined).toBe(true);
  });

  it("posts a syntax error as data that becomes the typed error again", async () => {
    const { messages, handle } = harness();
    await handle({
      type: "load",
      id: 2,
      text: fixture("broken.ttl"),
      format: "turtle",
      sourceName: "broken.ttl",
    });
    const last = structuredClone(messages.at(-1)!);
    if (last.type !== "error") throw new Error("expected an error");
    expect(last.error).toEqual({
      name: "RdfParseError",
      code: "parse",
      message: 'Turtle syntax error in broken.ttl at line 3, column 11: unexpected "foo".',
      source: "broken.ttl",
      reason: 'unexpected "foo"',
      line: 3,
      column: 11,
      token: "foo",
      // What the UI says it from, in its language (src/ui/load-errors.ts).
      key: "parse",
      params: {
        format: "Turtle",
        source: "broken.ttl",
        reason: 'unexpected "foo"',
        line: 3,
        column: 11,
        token: "foo",
      },
    });
    const e = deserializeError(last.error);
    expect(e).toBeInstanceOf(RdfParseError);
    expect(e.message).toBe(last.error.message);
    expect([(e as RdfParseError).line, (e as RdfParseError).column]).toEqual([3, 11]);
  });

  it("rejects an unknown format and a request without input", async () => {
    const { messages, handle } = harness();
    await handle({ type: "load", id: 3, text: "", format: "rdf/xml" });
    await handle({ type: "load", id: 4, format: "turtle" });
    expect(messages.map((m) => (m.type === "error" ? [m.id, m.error.code] : m.type))).toEqual([
      [3, "format"],
      [4, "invalid"],
    ]);
  });

  it("cancels the running load on a cancel message, and a new load cancels the previous", async () => {
    const { messages, handle } = harness();
    const first = handle({ type: "load", id: 5, text, format: "trig" });
    await Promise.resolve();
    void handle({ type: "cancel", id: 99 }); // another id: ignored
    void handle({ type: "cancel", id: 5 });
    await first;
    expect(messages.at(-1)).toMatchObject({ type: "error", id: 5, error: { code: "cancelled" } });

    messages.length = 0;
    const a = handle({ type: "load", id: 10, text, format: "trig" });
    await Promise.resolve();
    const b = handle({ type: "load", id: 11, text, format: "trig" });
    await Promise.all([a, b]);
    const ends = messages.filter((m) => m.type !== "progress");
    expect(ends.map((m) => [m.id, m.type])).toEqual([
      [10, "error"],
      [11, "result"],
    ]);
  });
});
