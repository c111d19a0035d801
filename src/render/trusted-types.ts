/**
 * Trusted Types for a page that enforces them (`require-trusted-types-for 'script'`): one policy
 * named "orgraph" (the name a partner's `trusted-types orgraph` allows), made on first use, so
 * that a copy of the bundle that never renders (the ES module and the IIFE both on one page)
 * never asks for a second policy of that name. It passes lit's own template strings (the library
 * build points lit-html at `trustedHtml`, see src/embed/vite.lib.config.ts) and the layout
 * worker's URL only; on a page without Trusted Types both are the plain strings.
 */

interface Policy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

interface PolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML(input: string): string; createScriptURL(input: string): string },
  ): Policy;
}

/** The worker scripts the policy lets through: the bundle's own worker files. */
const WORKER_URL = /\/orgraph-[a-z]+\.worker\.js$/;

let policy: Policy | null | undefined;

function orgraphPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    policy =
      factory?.createPolicy("orgraph", {
        createHTML: (input) => input,
        createScriptURL: (input) => {
          if (!WORKER_URL.test(new URL(input, document.baseURI).pathname)) {
            throw new TypeError(`Orgraph's Trusted Types policy refuses ${input}`);
          }
          return input;
        },
      }) ?? null;
  } catch {
    // The page allows no policy of that name (or has one already): go on without.
    policy = null;
  }
  return policy;
}

/** Markup of lit's templates, as TrustedHTML where Trusted Types exist. */
export function trustedHtml(input: string): string {
  return (orgraphPolicy()?.createHTML(input) as string | undefined) ?? input;
}

/** A worker script's URL, as TrustedScriptURL where Trusted Types exist. */
export function trustedWorkerUrl(url: URL): string | URL {
  if (!(globalThis as { trustedTypes?: unknown }).trustedTypes) return url;
  return (orgraphPolicy()?.createScriptURL(url.href) as string | undefined) ?? url;
}
