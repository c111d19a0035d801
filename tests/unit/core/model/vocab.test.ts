/** Unit tests: namespaces, the schema.org alias and the predicate label table. */
import { describe, expect, it } from "vitest";
import {
  canonicalIri,
  NS,
  OG,
  ORG,
  PREDICATE_LABELS,
  SCHEMA,
} from "../../../../src/core/model/vocab";

describe("vocab", () => {
  it("has the namespaces", () => {
    expect(NS.schema).toBe("http://schema.org/");
    expect(NS.og).toBe("https://orgraph.dev/ns#");
    expect(ORG.headOf).toBe("http://www.w3.org/ns/org#headOf");
    expect(OG.speakerPost).toBe("https://orgraph.dev/ns#speakerPost");
  });

  it("reads https://schema.org/ as http://schema.org/", () => {
    expect(canonicalIri("https://schema.org/Person")).toBe(SCHEMA.Person);
    expect(canonicalIri("https://example.org/x")).toBe("https://example.org/x");
  });

  it("labels common predicates in French and English", () => {
    expect(PREDICATE_LABELS[ORG.holds]).toEqual({ fr: "occupe", en: "holds" });
    expect(PREDICATE_LABELS[ORG.headOf]).toEqual({ fr: "dirige", en: "head of" });
    expect(PREDICATE_LABELS[ORG.memberOf]).toEqual({ fr: "membre de", en: "member of" });
    expect(PREDICATE_LABELS[OG.speaker]).toEqual({ fr: "orateur", en: "speaker" });
    expect(PREDICATE_LABELS[OG.speakerPost]).toEqual({ fr: "en qualité de", en: "speaking as" });
    for (const p of [ORG.hasUnit, ORG.unitOf, ORG.subOrganizationOf, ORG.postIn, ORG.role]) {
      expect(PREDICATE_LABELS[p]).toBeDefined();
    }
    for (const p of [
      SCHEMA.organizer,
      SCHEMA.attendee,
      SCHEMA.location,
      SCHEMA.subEvent,
      SCHEMA.superEvent,
      SCHEMA.about,
      SCHEMA.recordedAt,
      SCHEMA.contactPoint,
    ]) {
      expect(PREDICATE_LABELS[p]?.fr).toBeTruthy();
      expect(PREDICATE_LABELS[p]?.en).toBeTruthy();
    }
  });
});
