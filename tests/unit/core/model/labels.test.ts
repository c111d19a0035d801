/** Unit tests: labels by language preference, with fallbacks that are never blank. */
import { describe, expect, it } from "vitest";
import {
  fallbackLabel,
  labelCandidates,
  labelsByLanguage,
  predicateLabels,
  prefixedName,
  resolveLabel,
  type LabelCandidate,
} from "../../../../src/core/model/labels";
import { DCTERMS, FOAF, ORG, RDFS, SCHEMA, SKOS } from "../../../../src/core/model/vocab";

const c = (predicate: string, value: string, lang = ""): LabelCandidate => ({
  predicate,
  value,
  lang,
});

describe("resolveLabel", () => {
  const labels = [
    c(RDFS.label, "Bureau", "fr"),
    c(RDFS.label, "Office", "en"),
    c(RDFS.label, "Oficina", "es"),
    c(RDFS.label, "Büro", "de"),
  ];

  it("prefers fr, then en by default", () => {
    expect(resolveLabel(labels)).toBe("Bureau");
    expect(resolveLabel(labels.slice(1))).toBe("Office");
  });

  it("follows the given preference", () => {
    expect(resolveLabel(labels, ["en", "fr"])).toBe("Office");
    expect(resolveLabel(labels, ["es"])).toBe("Oficina");
  });

  it("then untagged, then other languages in sorted order", () => {
    expect(resolveLabel([...labels.slice(2), c(RDFS.label, "Plain")])).toBe("Plain");
    expect(resolveLabel(labels.slice(2))).toBe("Büro");
  });

  it("matches language subtags after the exact tag", () => {
    expect(resolveLabel([c(RDFS.label, "Bureau CA", "fr-ca"), c(RDFS.label, "Office", "en")])).toBe(
      "Bureau CA",
    );
    expect(resolveLabel([c(RDFS.label, "Bureau CA", "fr-ca"), c(RDFS.label, "Bureau", "fr")])).toBe(
      "Bureau",
    );
  });

  it("orders predicates within a language; skos:altLabel only as a last resort", () => {
    expect(
      resolveLabel([
        c(FOAF.name, "Name", "fr"),
        c(SKOS.prefLabel, "Pref", "fr"),
        c(RDFS.label, "L", "fr"),
      ]),
    ).toBe("Pref");
    expect(resolveLabel([c(SKOS.altLabel, "Alt", "fr"), c(DCTERMS.title, "Title", "en")])).toBe(
      "Title",
    );
    expect(resolveLabel([c(SKOS.altLabel, "Alt", "fr")])).toBe("Alt");
    expect(resolveLabel([])).toBeUndefined();
  });

  it("reads label literals from properties, https schema.org included", () => {
    const candidates = labelCandidates({
      [SCHEMA.name]: [{ value: "Nom", lang: "fr" }],
      "https://schema.org/name": [{ value: "Name", lang: "en" }],
      [SCHEMA.text]: [{ value: "not a label" }],
      [RDFS.label]: [{ value: "  " }],
    });
    expect(candidates.map((x) => x.value)).toEqual(["Name", "Nom"]);
    expect(labelsByLanguage(candidates)).toEqual({ en: ["Name"], fr: ["Nom"] });
  });
});

describe("fallback labels", () => {
  const prefixes = { ex: "https://example.org/", "": "https://orgraph.dev/data/" };

  it("uses a prefixed name from the document's prefixes", () => {
    expect(fallbackLabel("https://example.org/lagon", prefixes)).toBe("ex:lagon");
    expect(fallbackLabel("https://orgraph.dev/data/lagon", prefixes)).toBe(":lagon");
    expect(prefixedName("https://example.org/a/b", prefixes)).toBeUndefined();
  });

  it("then well-known namespaces, the last segment, the IRI", () => {
    expect(fallbackLabel(ORG.headOf, {})).toBe("org:headOf");
    expect(fallbackLabel("https://other.org/people/Mark%20Lagon", prefixes)).toBe("Mark Lagon");
    expect(fallbackLabel("https://other.org/a#b", {})).toBe("b");
    expect(fallbackLabel("urn:x", {})).toBe("x");
    expect(fallbackLabel("_:b1", {})).toBe("_:b1");
    expect(fallbackLabel("nothing", {})).toBe("nothing");
  });
});

describe("predicateLabels", () => {
  it("uses the built-in table by language", () => {
    expect(predicateLabels(ORG.headOf, [], ["fr", "en"], {})).toEqual({
      label: "dirige",
      labels: { en: "head of", fr: "dirige" },
    });
    expect(predicateLabels(ORG.headOf, [], ["en"], {}).label).toBe("head of");
  });

  it("lets the data's labels win", () => {
    const data = [c(RDFS.label, "est à la tête de", "fr")];
    expect(predicateLabels(ORG.headOf, data, ["fr", "en"], {})).toEqual({
      label: "est à la tête de",
      labels: { en: "head of", fr: "est à la tête de" },
    });
  });

  it("falls back to a prefixed name", () => {
    expect(
      predicateLabels("https://example.org/likes", [], ["fr"], { ex: "https://example.org/" }),
    ).toEqual({ label: "ex:likes", labels: {} });
  });
});
