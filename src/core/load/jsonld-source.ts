/**
 * Orgraph core: a JSON-LD source as the chunked loader's parser. JSON-LD cannot stream: the
 * whole text is parsed up front by jsonld (src/core/rdf/jsonld.ts, imported on demand), then the
 * loader goes on as for the other formats, its chunk loop only counting progress.
 */
import { OrgraphError } from "../errors";
import type { JsonLdContextPolicy } from "../rdf/jsonld-policy";
import type { ParseResult, RdfChunkParser } from "../rdf/parse";
import { QuadStore } from "../rdf/quad-store";
import type { RdfQuad } from "../rdf/terms";

export interface JsonLdSourceOptions {
  baseIRI?: string;
  sourceName?: string;
  /** Which remote contexts may be fetched (default: none but the bundled ones). */
  jsonldContexts?: Partial<JsonLdContextPolicy>;
  signal?: { readonly aborted: boolean };
  /** Called with each quad on the first `write` (as the n3 chunk parser does while parsing). */
  onQuad?: (quad: RdfQuad) => void;
}

type DecoderConstructor = new (
  label?: string,
  options?: { ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

/** Parses the whole JSON-LD input, then hands out its quads like `createRdfParser`. */
export async function jsonLdParser(
  input: string | Uint8Array | ArrayBuffer,
  options: JsonLdSourceOptions,
): Promise<RdfChunkParser> {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const Decoder = (globalThis as { TextDecoder?: DecoderConstructor }).TextDecoder;
    if (!Decoder) throw new OrgraphError("unsupported", "This environment has no TextDecoder.");
    text = new Decoder("utf-8", { ignoreBOM: true }).decode(
      input instanceof Uint8Array ? input : new Uint8Array(input),
    );
  }
  const { parseJsonLd } = await import("../rdf/jsonld");
  const result: ParseResult = await parseJsonLd(text, {
    baseIRI: options.baseIRI,
    sourceName: options.sourceName,
    contexts: options.jsonldContexts,
    signal: options.signal,
  });
  let given = false;
  return {
    write(): void {
      if (given) return;
      given = true;
      if (options.onQuad) for (const quad of result.quads) options.onQuad(quad);
    },
    end(): ParseResult {
      given = true;
      return result;
    },
    endStore() {
      given = true;
      return {
        quads: QuadStore.from(result.quads, result.quads.length),
        prefixes: result.prefixes,
      };
    },
    get quadCount(): number {
      return given ? result.quads.length : 0;
    },
    backlog: 0,
  };
}
