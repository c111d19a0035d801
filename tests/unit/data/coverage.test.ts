// Pins the content of data/release.trig a reader of the release would check: people, posts,
// organisations, places, events, statements, figures, and which source each dated fact comes from.
import { describe, it, expect } from "vitest";
import { DataFactory, type Literal, type Quad, type Term } from "n3";
import { NS, RDF_TYPE, instances, iri, one, releaseQuads, releaseText, unionStore } from "./load";

const { namedNode } = DataFactory;

const text = releaseText();
const quads = releaseQuads();
const store = unionStore(quads);
const d = (local: string) => namedNode(NS.data + local);
const values = (s: Term, p: string) => store.getObjects(s, namedNode(p), null);
const isA = (s: Term, type: string) => store.countQuads(s, RDF_TYPE, type, null) > 0;
const label = (s: Term, lang: string) =>
  values(s, iri("rdfs", "label")).find((l) => (l as Literal).language === lang)?.value;
/** Collapse line breaks and runs of spaces, as a reader sees the text. */
const flat = (s: string) => s.replace(/\s+/g, " ");
const flatText = flat(text);

/** The quads with this predicate (and subject), wherever they are. */
const where = (subject: Term | null, predicate: string): Quad[] =>
  quads.filter((q) => q.predicate.value === predicate && (!subject || q.subject.equals(subject)));
const sourceOf = (graph: Term) => one(store, graph, iri("prov", "wasDerivedFrom")).value;

describe("people", () => {
  it("names the four people of the release", () => {
    const names = instances(store, iri("foaf", "Person"))
      .map((p) => one(store, p, iri("foaf", "name")).value)
      .sort();
    expect(names).toEqual([
      "Hassan Abdel Moneim Mostafa",
      "Maha Qazi",
      "Mark Lagon",
      "Rehman Malik",
    ]);
    for (const p of instances(store, iri("foaf", "Person"))) {
      expect(isA(p, iri("schema", "Person"))).toBe(true);
      expect(flatText).toContain(one(store, p, iri("foaf", "name")).value);
    }
  });

  const postsOf = (person: string) =>
    values(d(person), iri("org", "holds")).map((post) => ({
      fr: label(post, "fr"),
      en: label(post, "en"),
      in: one(store, post, iri("org", "postIn")).value.replace(NS.data, ""),
    }));

  it("gives every post each person holds", () => {
    expect(postsOf("lagon")).toEqual(
      expect.arrayContaining([
        { fr: "Ambassadeur", en: "Ambassador", in: "us-state-department" },
        {
          fr: "Directeur du Bureau de surveillance et de répression de la traite des personnes",
          en: "Director of the Office to Monitor and Combat Trafficking in Persons",
          in: "us-tip-office",
        },
      ]),
    );
    expect(postsOf("mostafa")).toEqual([
      {
        fr: "Représentant régional de l'OIM pour l'Asie de l'Ouest et du Centre",
        en: "IOM Regional Representative for West and Central Asia",
        in: "iom",
      },
    ]);
    expect(postsOf("malik")).toEqual([
      {
        fr: "conseiller au Ministère de l'Intérieur",
        en: "Adviser at the Ministry of Interior",
        in: "ministry-interior",
      },
    ]);
    expect(postsOf("qazi").map((p) => p.in)).toEqual(["iom-islamabad"]);
  });

  it("Lagon heads the State Department's trafficking office", () => {
    const office = d("us-tip-office");
    expect(values(d("lagon"), iri("org", "headOf"))).toEqual([office]);
    expect(label(office, "fr")).toBe(
      "Bureau de surveillance et de répression de la traite des personnes",
    );
    expect(values(office, iri("org", "unitOf"))).toEqual([d("us-state-department")]);
  });

  it("every post-holding is also a membership", () => {
    for (const holds of where(null, iri("org", "holds"))) {
      const post = holds.object;
      const org = one(store, post, iri("org", "postIn"));
      const role = one(store, post, iri("org", "role"));
      const memberships = store
        .getSubjects(namedNode(iri("org", "member")), holds.subject, null)
        .filter(
          (m) =>
            store.countQuads(m, iri("org", "organization"), org, null) === 1 &&
            store.countQuads(m, iri("org", "role"), role, null) === 1,
        );
      expect(memberships, `${holds.subject.value} ${post.value}`).toHaveLength(1);
      expect(isA(memberships[0]!, iri("org", "Membership"))).toBe(true);
    }
  });

  it("Maha Qazi has a contact point with the telephone and e-mail given", () => {
    const [point] = values(d("qazi"), iri("schema", "contactPoint"));
    expect(point).toBeDefined();
    expect(isA(point!, iri("schema", "ContactPoint"))).toBe(true);
    expect(one(store, point!, iri("schema", "telephone")).value).toBe("+92.300.8526599");
    expect(one(store, point!, iri("schema", "email")).value).toBe("mqazi@iom.int");
  });
});

describe("organisations and places", () => {
  const orgClasses = ["Organization", "FormalOrganization", "OrganizationalUnit"].map((c) =>
    iri("org", c),
  );
  const organisations = [
    ...new Set(
      [...orgClasses, iri("og", "Ministry")].flatMap((c) => instances(store, c).map((o) => o.value)),
    ),
  ];
  const places = [
    ...new Set(
      ["Country", "City", "AdministrativeArea"].flatMap((c) =>
        instances(store, iri("schema", c)).map((o) => o.value),
      ),
    ),
  ];

  it("has every organisation and unit the text names", () => {
    expect(organisations.map((o) => o.replace(NS.data, "")).sort()).toEqual(
      [
        "iom",
        "un-system",
        "iom-office-chief-of-staff",
        "iom-office-partnerships",
        "iom-office-strategy",
        "iom-pakistan",
        "iom-islamabad",
        "ministry-interior",
        "us-state-department",
        "us-tip-office",
        "ministries-departments",
        "un-agencies",
        "international-organisations",
        "local-ngos",
        "government-pakistan",
        "ministry-women-development",
        "womens-centre",
        "later-centres",
      ].sort(),
    );
    expect(instances(store, iri("og", "Ministry")).map((m) => m.value).sort()).toEqual([
      NS.data + "ministry-interior",
      NS.data + "ministry-women-development",
    ]);
    expect(values(d("iom"), iri("org", "subOrganizationOf"))).toEqual([d("un-system")]);
    for (const unit of ["iom-pakistan", "iom-islamabad", "iom-office-strategy"]) {
      expect(values(d(unit), iri("org", "unitOf"))).toEqual([d("iom")]);
    }
  });

  it("has the IOM posts of the page template", () => {
    const posts = store
      .getSubjects(namedNode(iri("org", "postIn")), d("iom"), null)
      .map((p) => label(p, "en"))
      .sort();
    expect(posts).toEqual([
      "Deputy Director General for Management and Reform",
      "Deputy Director General for Operations",
      "Director General",
      "IOM Regional Representative for West and Central Asia",
    ]);
  });

  it("has the countries, city and region", () => {
    expect(places.map((p) => p.replace(NS.data, "")).sort()).toEqual([
      "islamabad",
      "pakistan",
      "united-states",
      "west-central-asia",
    ]);
    expect(isA(d("united-states"), iri("schema", "Country"))).toBe(true);
    expect(isA(d("west-central-asia"), iri("schema", "AdministrativeArea"))).toBe(true);
  });

  // Labels that paraphrase the text: "américain" has no noun; "des ministères et des
  // départements concernés" is a list.
  const paraphrased = new Set(["united-states", "ministries-departments"].map((l) => NS.data + l));

  it("labels organisations and places in French as the text names them, and in English", () => {
    for (const node of [...organisations, ...places]) {
      const fr = label(namedNode(node), "fr");
      const en = label(namedNode(node), "en");
      expect(fr, node).toBeDefined();
      expect(en, node).toBeDefined();
      if (!paraphrased.has(node)) expect(flatText, node).toContain(fr);
    }
  });

  it("the 25 later centres are one node with a typed count", () => {
    const [count] = values(d("later-centres"), iri("schema", "numberOfItems"));
    expect(count).toEqual(DataFactory.literal("25", namedNode(iri("xsd", "integer"))));
  });
});

describe("events", () => {
  const objects = (s: string, p: string) =>
    values(d(s), iri("schema", p))
      .map((o) => o.value.replace(NS.data, ""))
      .sort();

  it("the conference: organisers, attendees, place, topic", () => {
    expect(objects("conference", "organizer")).toEqual(["iom", "iom-pakistan", "ministry-interior"]);
    expect(objects("conference", "attendee")).toEqual([
      "international-organisations",
      "lagon",
      "local-ngos",
      "ministries-departments",
      "un-agencies",
    ]);
    expect(objects("conference", "location")).toEqual(["pakistan"]);
    expect(objects("conference", "about")).toContain("trafficking");
    expect(objects("conference", "subEvent")).toEqual(["opening-speech"]);
  });

  it("the opening speech is Mostafa's, part of the conference", () => {
    expect(objects("opening-speech", "superEvent")).toEqual(["conference"]);
    expect(objects("opening-speech", "performer")).toEqual(["mostafa"]);
  });

  it("the visit, the hand-over (August 2007) and the creation of the 25 centres", () => {
    expect(objects("visit", "organizer")).toEqual(["iom", "ministry-women-development"]);
    expect(objects("visit", "attendee")).toEqual(["lagon"]);
    expect(objects("visit", "location")).toEqual(["islamabad"]);
    expect(values(d("visit"), iri("time", "after"))).toEqual([d("conference")]);
    expect(values(d("handover"), iri("schema", "startDate"))).toEqual([
      DataFactory.literal("2007-08", namedNode(iri("xsd", "gYearMonth"))),
    ]);
    expect(objects("handover", "recipient")).toEqual(["ministry-women-development"]);
    expect(objects("handover", "object")).toEqual(["womens-centre"]);
    expect(objects("centres-creation", "organizer")).toEqual(["ministry-women-development"]);
    expect(values(d("centres-creation"), iri("time", "after"))).toEqual([d("handover")]);
  });
});

describe("statements", () => {
  const statements = instances(store, iri("og", "Statement"));
  const direct = instances(store, iri("og", "DirectQuote"));
  const reported = instances(store, iri("og", "ReportedSpeech"));

  it("has the eight statements: two direct quotes, six reported", () => {
    expect(statements).toHaveLength(8);
    expect(direct).toHaveLength(2);
    expect(reported).toHaveLength(6);
    expect([...direct, ...reported].map((s) => s.value).sort()).toEqual(
      statements.map((s) => s.value).sort(),
    );
    const bySpeaker = (who: string) =>
      statements.filter((s) => one(store, s, iri("og", "speaker")).equals(d(who))).length;
    expect([bySpeaker("mostafa"), bySpeaker("lagon"), bySpeaker("malik")]).toEqual([2, 4, 2]);
  });

  it.each(statements.map((s) => [s.value.replace(NS.data, ":"), s] as const))(
    "%s: verbatim text, speaker in a post held, recorded at an event",
    (_, s) => {
      const said = one(store, s, iri("schema", "text")) as Literal;
      expect(said.language).toBe("fr");
      const at = text.indexOf(said.value);
      expect(at, said.value).toBeGreaterThanOrEqual(0);
      if (isA(s, iri("og", "DirectQuote"))) {
        // the words inside « », exactly
        expect(text.slice(at - 2, at)).toBe("« ");
        expect(text.slice(at + said.value.length, at + said.value.length + 2)).toBe(" »");
        expect(isA(s, iri("schema", "Quotation"))).toBe(true);
      }
      // the statement's graph has the span that contains the text
      const graphs = quads
        .filter((q) => q.subject.equals(s) && q.predicate.value === iri("schema", "text"))
        .map((q) => q.graph);
      expect(graphs).toHaveLength(1);
      const annotation = store.getSubjects(namedNode(iri("oa", "hasBody")), graphs[0]!, null)[0]!;
      const target = one(store, annotation, iri("oa", "hasTarget"));
      const selectors = values(target, iri("oa", "hasSelector"));
      const position = selectors.find((x) => isA(x, iri("oa", "TextPositionSelector")))!;
      const start = Number(one(store, position, iri("oa", "start")).value);
      const end = Number(one(store, position, iri("oa", "end")).value);
      expect(text.slice(start, end)).toContain(said.value);

      const speaker = one(store, s, iri("og", "speaker"));
      for (const post of values(s, iri("og", "speakerPost"))) {
        expect(store.countQuads(speaker, iri("org", "holds"), post, null)).toBe(1);
      }
      expect(isA(one(store, s, iri("schema", "recordedAt")), iri("schema", "Event"))).toBe(true);
    },
  );

  it("pins the opening words of each statement", () => {
    const opening = statements
      .map((s) => one(store, s, iri("schema", "text")).value.split(/\s+/).slice(0, 4).join(" "))
      .sort();
    expect(opening).toEqual(
      [
        "que le gouvernement pakistanais,",
        "Mais si nous voulons",
        "que les trafiquants doivent",
        "les délégués à réfléchir",
        "à une meilleure prise",
        "Nous encourageons le gouvernement",
        "les disparités économiques comme",
        "la création d'un centre",
      ].sort(),
    );
  });
});

describe("figures and dated facts", () => {
  const integer = (n: number) => DataFactory.literal(String(n), namedNode(iri("xsd", "integer")));

  it("IOM: 175 member states, 171 countries, since 1951 (page template)", () => {
    expect(values(d("iom"), iri("og", "memberStateCount"))).toEqual([integer(175)]);
    expect(values(d("iom"), iri("og", "countryPresenceCount"))).toEqual([integer(171)]);
    expect(values(d("iom"), iri("og", "activeSince"))).toEqual([
      DataFactory.literal("1951", namedNode(iri("xsd", "gYear"))),
    ]);
    for (const p of ["memberStateCount", "countryPresenceCount", "activeSince"]) {
      for (const q of where(d("iom"), iri("og", p))) {
        expect(sourceOf(q.graph)).toBe(NS.data + "page-template");
      }
    }
  });

  it("the conference date comes only from Dawn", () => {
    const dated = where(d("conference"), iri("schema", "startDate"));
    expect(dated).toHaveLength(1);
    expect(dated[0]!.object).toEqual(
      DataFactory.literal("2008-09-10", namedNode(iri("xsd", "date"))),
    );
    expect(sourceOf(dated[0]!.graph)).toBe(NS.data + "dawn-2008-09-11");
    expect(quads.filter((q) => q.object.value.startsWith("2008-09-10"))).toEqual(dated);
  });

  it("Lagon's term comes only from its own sources", () => {
    const term = where(d("m-lagon-tip-director"), iri("org", "memberDuring"));
    expect(term.length).toBeGreaterThanOrEqual(1);
    const termSources = new Set([NS.data + "allgov-lagon", NS.data + "georgetown-lagon"]);
    const dates = quads.filter((q) => /^(2007-05|2009-01)/.test(q.object.value));
    expect(dates.map((q) => q.object.value).sort()).toEqual([
      "2007-05",
      "2007-05-31",
      "2009-01",
      "2009-01-26",
    ]);
    for (const q of [...term, ...dates]) {
      expect(termSources.has(sourceOf(q.graph)), q.graph.value).toBe(true);
    }
    const interval = term[0]!.object;
    const begin = one(store, interval, iri("time", "hasBeginning"));
    const end = one(store, interval, iri("time", "hasEnd"));
    expect(one(store, begin, iri("time", "inXSDDate"))).toEqual(
      DataFactory.literal("2007-05-31", namedNode(iri("xsd", "date"))),
    );
    expect(one(store, end, iri("time", "inXSDDate"))).toEqual(
      DataFactory.literal("2009-01-26", namedNode(iri("xsd", "date"))),
    );
  });

  it("no fact from the text sits in the default graph", () => {
    const defaults = quads.filter((q) => q.graph.termType === "DefaultGraph");
    const dataNodes = new Set(
      quads.filter((q) => q.graph.termType === "NamedNode").map((q) => q.subject.value),
    );
    for (const q of defaults) {
      expect(dataNodes.has(q.subject.value), `${q.subject.value} ${q.predicate.value}`).toBe(
        false,
      );
    }
  });
});
