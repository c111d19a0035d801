/**
 * Orgraph core: the bundled JSON-LD contexts (see README.md here for where each comes from), by
 * the URLs documents name them with. Each loads on demand, as text, in a chunk of its own.
 */

/** A bundled context: its name in messages, its URLs, and its text (loaded on demand). */
interface BundledContext {
  name: string;
  urls: readonly string[];
  load: () => Promise<{ default: string }>;
}

/** The same URL over http and https. */
function bothSchemes(...urls: string[]): string[] {
  return urls.flatMap((url) => [url, url.replace(/^https:/, "http:")]);
}

export const BUNDLED_CONTEXTS: readonly BundledContext[] = [
  {
    name: "schema.org",
    urls: bothSchemes(
      "https://schema.org/",
      "https://schema.org",
      "https://schema.org/docs/jsonldcontext.jsonld",
      "https://schema.org/docs/jsonldcontext.json",
    ),
    load: () => import("./schemaorg.jsonld?raw"),
  },
  {
    name: "ActivityStreams",
    urls: bothSchemes(
      "https://www.w3.org/ns/activitystreams",
      "https://www.w3.org/ns/activitystreams.jsonld",
    ),
    load: () => import("./activitystreams.jsonld?raw"),
  },
  {
    name: "W3C Verifiable Credentials v1",
    urls: bothSchemes("https://www.w3.org/2018/credentials/v1"),
    load: () => import("./credentials-v1.jsonld?raw"),
  },
  {
    name: "W3C Verifiable Credentials v2",
    urls: bothSchemes("https://www.w3.org/ns/credentials/v2"),
    load: () => import("./credentials-v2.jsonld?raw"),
  },
  {
    name: "ODRL",
    urls: bothSchemes("https://www.w3.org/ns/odrl.jsonld"),
    load: () => import("./odrl.jsonld?raw"),
  },
  {
    name: "DID v1",
    urls: bothSchemes("https://www.w3.org/ns/did/v1"),
    load: () => import("./did-v1.jsonld?raw"),
  },
  {
    name: "W3C security v1",
    urls: bothSchemes("https://w3id.org/security/v1"),
    load: () => import("./security-v1.jsonld?raw"),
  },
];

const byUrl = new Map<string, BundledContext>(
  BUNDLED_CONTEXTS.flatMap((c) => c.urls.map((url) => [url, c] as const)),
);

/** The bundled context a URL names, or undefined. */
export function bundledContext(url: string): BundledContext | undefined {
  return byUrl.get(url);
}

/** The bundled contexts' names, for messages. */
export function bundledContextNames(): string {
  return BUNDLED_CONTEXTS.map((c) => c.name).join(", ");
}
