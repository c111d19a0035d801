/**
 * Orgraph core: the RDF serialisations Orgraph reads, with their MIME types and file extensions.
 *
 * Parsing always takes an explicit format; these helpers derive it from a MIME type or a file
 * name, and fail with a typed error that lists the supported formats.
 */
import { OrgraphError } from "../errors";

export const RDF_FORMATS = {
  turtle: {
    label: "Turtle",
    n3Format: "Turtle",
    mimeTypes: ["text/turtle", "application/x-turtle"],
    extensions: ["ttl", "turtle"],
    quads: false,
  },
  trig: {
    label: "TriG",
    n3Format: "TriG",
    mimeTypes: ["application/trig", "application/x-trig"],
    extensions: ["trig"],
    quads: true,
  },
  "n-triples": {
    label: "N-Triples",
    n3Format: "N-Triples",
    mimeTypes: ["application/n-triples"],
    extensions: ["nt", "ntriples"],
    quads: false,
  },
  "n-quads": {
    label: "N-Quads",
    n3Format: "N-Quads",
    mimeTypes: ["application/n-quads", "text/x-nquads"],
    extensions: ["nq", "nquads"],
    quads: true,
  },
  // Parsed whole, asynchronously, by jsonld (loaded on demand: src/core/rdf/jsonld.ts), not by
  // n3. A `.json` file or an application/json answer is read as JSON-LD and refused when its
  // top level has no JSON-LD keyword.
  "json-ld": {
    label: "JSON-LD",
    n3Format: undefined,
    mimeTypes: ["application/ld+json", "application/json"],
    extensions: ["jsonld", "json-ld", "json"],
    quads: true,
  },
} as const;

export type RdfFormat = keyof typeof RDF_FORMATS;

/** Format ids in a stable order. */
export const RDF_FORMAT_IDS = Object.keys(RDF_FORMATS) as RdfFormat[];

export function isRdfFormat(value: string): value is RdfFormat {
  return Object.prototype.hasOwnProperty.call(RDF_FORMATS, value);
}

function supportedList(): string {
  return RDF_FORMAT_IDS.map((id) => {
    const f = RDF_FORMATS[id];
    return `${f.label} (${id}: ${f.mimeTypes[0]}, .${f.extensions[0]})`;
  }).join(", ");
}

/** The format for a MIME type (parameters such as `; charset=utf-8` ignored), or undefined. */
export function formatFromMime(mime: string): RdfFormat | undefined {
  const base = (mime.split(";")[0] ?? "").trim().toLowerCase();
  return RDF_FORMAT_IDS.find((id) =>
    (RDF_FORMATS[id].mimeTypes as readonly string[]).includes(base),
  );
}

/** The format for a file name, path or URL by its extension (query and fragment ignored), or undefined. */
export function formatFromFileName(name: string): RdfFormat | undefined {
  const path = (name.split(/[?#]/)[0] ?? "").toLowerCase();
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return undefined;
  const ext = path.slice(dot + 1);
  return RDF_FORMAT_IDS.find((id) =>
    (RDF_FORMATS[id].extensions as readonly string[]).includes(ext),
  );
}

export interface FormatHints {
  /** An explicit format id or label ("trig", "TriG", "n-quads"); wins over the others. */
  format?: string;
  /** A MIME type, e.g. from a Content-Type header. */
  mime?: string;
  /** A file name, path or URL. */
  fileName?: string;
}

/**
 * The format to parse with: the explicit one, else the MIME type's, else (when the MIME type is
 * absent or generic, e.g. text/plain) the file extension's.
 * Throws OrgraphError "format" when none is known.
 */
export function resolveFormat(hints: FormatHints): RdfFormat {
  if (hints.format !== undefined) {
    const wanted = hints.format.trim().toLowerCase();
    const found = RDF_FORMAT_IDS.find(
      (id) => id === wanted || RDF_FORMATS[id].label.toLowerCase() === wanted,
    );
    if (found) return found;
    throw new OrgraphError(
      "format",
      `Unknown RDF format "${hints.format}". Supported formats: ${supportedList()}.`,
      { key: "format-unknown", params: { format: hints.format, supported: supportedList() } },
    );
  }
  if (hints.mime !== undefined) {
    const byMime = formatFromMime(hints.mime);
    if (byMime) return byMime;
    if (hints.fileName === undefined) {
      const base = (hints.mime.split(";")[0] ?? "").trim().toLowerCase();
      throw new OrgraphError(
        "format",
        `Unsupported RDF media type "${base}". Supported formats: ${supportedList()}.`,
        { key: "format-mime", params: { mime: base, supported: supportedList() } },
      );
    }
  }
  if (hints.fileName !== undefined) {
    const byName = formatFromFileName(hints.fileName);
    if (byName) return byName;
    throw new OrgraphError(
      "format",
      `Cannot tell the RDF format of "${hints.fileName}" from its extension. Supported formats: ${supportedList()}.`,
      { key: "format-extension", params: { file: hints.fileName, supported: supportedList() } },
    );
  }
  throw new OrgraphError(
    "format",
    `No RDF format given: pass a format, a MIME type or a file name. Supported formats: ${supportedList()}.`,
    { key: "format-none", params: { supported: supportedList() } },
  );
}
