/**
 * Parser reasons in French (src/ui/parse-reasons-fr.ts): each reason n3 and Orgraph's JSON
 * checks give, made by a real input, keeps its English wording (pinned) and reads as a pinned
 * French phrase with the offending text as written. Every syntax error the W3C suites' inputs
 * raise is translated; a reason not known stays English.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RdfParseError } from "../../../src/core/errors";
import type { RdfFormat } from "../../../src/core/rdf/formats";
import { parseJsonLd } from "../../../src/core/rdf/jsonld";
import { parseRdf } from "../../../src/core/rdf/parse";
import { loadErrorMessage } from "../../../src/ui/load-errors";
import { frenchReason } from "../../../src/ui/parse-reasons-fr";

/** The reason of the syntax error `text` raises in `format`. */
function reasonOf(text: string, format: RdfFormat): string {
  try {
    parseRdf(text, { format, sourceName: "t" });
  } catch (error) {
    expect(error).toBeInstanceOf(RdfParseError);
    return (error as RdfParseError).reason;
  }
  throw new Error(`parsed: ${text}`);
}

async function jsonReasonOf(text: string): Promise<string> {
  try {
    await parseJsonLd(text, { sourceName: "t.jsonld" });
  } catch (error) {
    expect(error).toBeInstanceOf(RdfParseError);
    return (error as RdfParseError).reason;
  }
  throw new Error(`parsed: ${text}`);
}

const P = "PREFIX : <http://example/>\n";
const S = "<http://x/s> <http://x/p> ";
const nest = (n: number) =>
  `${S}${"<<( <http://x/a> <http://x/b> ".repeat(n)}<http://x/c>${" )>>".repeat(n)} .`;

/** [format, input, n3's reason (as parse.ts words it), the French]. */
const N3_CASES: readonly (readonly [RdfFormat, string, string, string])[] = [
  ["turtle", `${P}:a :b foo .`, 'unexpected "foo"', "« foo » inattendu"],
  ["turtle", `${P}:a :b "abc .`, 'unexpected ""abc"', '« "abc » inattendu'],
  ["turtle", `${P}:a.:b.:c .`, "unexpected .", "« . » inattendu"],
  ["trig", "{<http://x/s> }", "unexpected }", "« } » inattendu"],
  ["turtle", `${P}<<3 :p :o >> :q :z .`, "unexpected literal", "littéral inattendu"],
  ["turtle", `{ ${S}<http://x/o> }`, "unexpected graph", "graphe inattendu"],
  [
    "trig",
    `${P}GRAPH :g { :s :p :o . GRAPH :g1 { :s1 :p1 :o1 } }`,
    "unexpected graph closing",
    "fermeture de graphe inattendue",
  ],
  [
    "turtle",
    `${S}<http://x/o> |} .`,
    "unexpected annotation syntax closing",
    "fermeture d'annotation inattendue",
  ],
  [
    "turtle",
    `${P}<<:s :p ("abc") >> :q 123 .`,
    "unexpected list in reified triple",
    "liste inattendue dans un triplet réifié",
  ],
  [
    "turtle",
    `${P}<<:s :p [ :p1 :o1 ]  >> :q 123 .`,
    "unexpected compound blank node expression in reified triple",
    "nœud anonyme composé inattendu dans un triplet réifié",
  ],
  [
    "turtle",
    `${S}<http://x/o> . .`,
    "expected entity but got .",
    "terme RDF attendu au lieu de « . »",
  ],
  [
    "trig",
    "{\n  @prefix ex: <http://example/> .\n}",
    "expected entity but got @prefix",
    "terme RDF attendu au lieu de « @prefix »",
  ],
  [
    "turtle",
    S,
    "expected entity but got end of input",
    "terme RDF attendu au lieu de la fin du texte",
  ],
  [
    "n-quads",
    `${S}<http://x/o> "o" .`,
    "expected entity but got literal",
    "terme RDF attendu au lieu d'un littéral",
  ],
  [
    "turtle",
    `${P}:s :p a .`,
    "expected entity but got abbreviation",
    "terme RDF attendu au lieu d'une abréviation",
  ],
  [
    "turtle",
    `${S}<http://x/o> .\n<http://x/s> ;`,
    "expected predicate but got ;",
    "prédicat attendu au lieu de « ; »",
  ],
  [
    "trig",
    `${P}GRAPH :g1 :g2 { :s :p :o }`,
    "expected graph but got prefixed",
    "graphe attendu au lieu d'un nom préfixé",
  ],
  [
    "turtle",
    `${P}:s :p << :g :s :p :o >> .`,
    "expected >> but got prefixed",
    "« >> » attendu au lieu d'un nom préfixé",
  ],
  [
    "turtle",
    `${S}<<( <http://x/a> <http://x/b> <http://x/c> <http://x/d> )>> .`,
    "expected )>> but got IRI",
    "« )>> » attendu au lieu d'une IRI",
  ],
  ["turtle", "ex:a ex:b ex:c .", 'undefined prefix "ex:"', "préfixe « ex: » non déclaré"],
  ["n-triples", `${S}<//example/missing-scheme> .`, "invalid IRI", "IRI non valide"],
  ["trig", `GRAPH <http://x/g> { ${S}<http://x/o> . `, "unclosed graph", "graphe non fermé"],
  ["trig", `${P}graph (1 2) { :s :p :o }`, "invalid graph label", "nom de graphe non valide"],
  [
    "turtle",
    `<<( ${S}<http://x/o> )>> <http://x/a> <http://x/z> .`,
    "disallowed triple term as subject",
    "terme triplet interdit comme sujet",
  ],
  [
    "turtle",
    `${P}<<:s [] :o>> :q 123 .`,
    "disallowed blank node as predicate",
    "nœud anonyme interdit comme prédicat",
  ],
  [
    "turtle",
    nest(1025),
    "triple terms nested deeper than 1024 levels",
    "termes triplets imbriqués sur plus de 1024 niveaux",
  ],
  [
    "n-triples",
    `${S}"Hello"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString> .`,
    "detected illegal (directional) languaged-tagged string with explicit datatype",
    "une chaîne avec étiquette de langue (et direction) ne peut pas avoir de type de donnée explicite",
  ],
  [
    "n-triples",
    `${S}"Hello"@cantbethislong .`,
    "detected language tag with subtag longer than 8 characters",
    "étiquette de langue avec une sous-étiquette de plus de 8 caractères",
  ],
  [
    "turtle",
    `${S}"value"@en^^<http://x/t> .`,
    'expected punctuation to follow ""value"@en"',
    'ponctuation attendue après « "value"@en »',
  ],
  [
    "n-quads",
    `${S}<http://x/o> <http://x/g> <http://x/n> .`,
    "expected dot to follow quad",
    "point attendu après le quadruplet",
  ],
  [
    "turtle",
    "@prefix <http://x/> .",
    "expected prefix to follow @prefix",
    "préfixe attendu après @prefix",
  ],
  [
    "turtle",
    "@prefix ex: .",
    'expected IRI to follow prefix "ex:"',
    "IRI attendue après le préfixe « ex: »",
  ],
  [
    "turtle",
    "@base .",
    "expected valid IRI to follow base declaration",
    "IRI valide attendue après la déclaration de base",
  ],
  [
    "turtle",
    "VERSION <http://x/v>\n",
    "expected literal to follow version declaration",
    "littéral attendu après la déclaration de version",
  ],
  [
    "turtle",
    "@version '''1.2''' .",
    "version declarations must use single quotes",
    "une déclaration de version doit utiliser des guillemets simples",
  ],
  [
    "turtle",
    'VERSION "9.9"\n',
    'detected unsupported version: "9.9"',
    "version « 9.9 » non prise en charge",
  ],
  [
    "turtle",
    "@prefix ex: <http://x/> ex:a ex:b ex:c .",
    "expected declaration to end with a dot",
    "une déclaration doit finir par un point",
  ],
  [
    "trig",
    `${P}:G {:s :p :o {|  |} .}`,
    "annotation block can not be empty",
    "un bloc d'annotation ne peut pas être vide",
  ],
];

describe("n3's reasons", () => {
  it.each(N3_CASES.map(([format, input, english, french]) => [english, format, input, french]))(
    "%s (%s)",
    (english, format, input, french) => {
      const reason = reasonOf(input!, format as RdfFormat);
      expect(reason).toBe(english);
      expect(frenchReason(reason)).toBe(french);
    },
  );

  it("a token too long for n3's lexer (a reason no small input gives)", () => {
    expect(frenchReason("token too long")).toBe("jeton trop long");
  });

  it("the French sentence of a load error carries the French reason", () => {
    let error: unknown;
    try {
      parseRdf(`${P}:a :b :c .\nex:a ex:b ex:c .`, { format: "turtle", sourceName: "org.ttl" });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toBe(
      'Turtle syntax error in org.ttl at line 3, column 1: undefined prefix "ex:".',
    );
    expect(loadErrorMessage(error, "fr")).toBe(
      "Erreur de syntaxe Turtle dans org.ttl, ligne 3, colonne 1 : préfixe « ex: » non déclaré.",
    );
  });
});

/** [input, the JSON check's reason, the French]. */
const JSON_CASES: readonly (readonly [string, string, string])[] = [
  [
    '{"@id": "http://x/a" "b": 2}',
    'expected "," or "}" after a property value, found the string "b"',
    '« , » ou « } » attendu après la valeur d\'une propriété au lieu de la chaîne "b"',
  ],
  [
    "[1 2]",
    'expected "," or "]" after an array element, found "2"',
    "« , » ou « ] » attendu après un élément de tableau au lieu de « 2 »",
  ],
  [
    "{a: 1}",
    'expected a property name in double quotes, found "a"',
    "nom de propriété entre guillemets droits attendu au lieu de « a »",
  ],
  [
    '{"a" 1}',
    'expected ":" after a property name, found "1"',
    "« : » attendu après un nom de propriété au lieu de « 1 »",
  ],
  ['{"a": -}', 'bad number "-"', "nombre non valide « - »"],
  ['{"a": "x\\q"}', "bad escape in a string", "échappement non valide dans une chaîne"],
  ['{"a": "\\u12"}', "bad \\u escape in a string", "échappement \\u non valide dans une chaîne"],
  [
    '{"a": "b\u0001"}',
    "control character in a string (escape it)",
    "caractère de contrôle dans une chaîne (à échapper)",
  ],
  ['{"a": "x', "unterminated string", "chaîne non terminée"],
  ['{"a":', "unexpected end of input", "fin du texte inattendue"],
  [
    '{"a": 1} x',
    'unexpected "x" after the end of the JSON value',
    "« x » inattendu après la fin de la valeur JSON",
  ],
  [
    '{"a": 1} "x"',
    'unexpected the string "x" after the end of the JSON value',
    'chaîne "x" inattendue après la fin de la valeur JSON',
  ],
  ['{"a": ]}', 'unexpected "]"', "« ] » inattendu"],
  [
    '{"a": 1}',
    "this is JSON but not JSON-LD: its top level has no @context, @id, @type or @graph and no property IRI",
    "c'est du JSON mais pas du JSON-LD : son niveau supérieur n'a ni @context, ni @id, ni @type, ni @graph, ni IRI de propriété",
  ],
];

describe("Orgraph's JSON checks", () => {
  it.each(JSON_CASES.map(([input, english, french]) => [english, input, french]))(
    "%s (%j)",
    async (english, input, french) => {
      const reason = await jsonReasonOf(input);
      expect(reason).toBe(english);
      expect(frenchReason(reason)).toBe(french);
    },
  );
});

describe("coverage and fallback", () => {
  const ROOT = fileURLToPath(new URL("../../fixtures/w3c-rdf-tests/rdf/", import.meta.url));
  const FORMATS: Record<string, RdfFormat> = {
    ttl: "turtle",
    trig: "trig",
    nt: "n-triples",
    nq: "n-quads",
  };
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it("every syntax error of the W3C suites' inputs reads in French, its token as written", () => {
    const reasons = new Set<string>();
    for (const file of files(ROOT)) {
      const format = FORMATS[file.slice(file.lastIndexOf(".") + 1)];
      if (!format || file.endsWith("manifest.ttl")) continue;
      try {
        parseRdf(readFileSync(file, "utf8"), { format, baseIRI: "http://x/t" });
      } catch (error) {
        reasons.add((error as RdfParseError).reason);
      }
    }
    expect(reasons.size).toBeGreaterThan(100);
    const untranslated = [...reasons].filter((r) => frenchReason(r) === r);
    expect(untranslated).toEqual([]);
    for (const reason of reasons) {
      const quoted = /^unexpected "([\s\S]*)"$/.exec(reason);
      if (quoted) expect(frenchReason(reason)).toBe(`« ${quoted[1]} » inattendu`);
    }
  });

  it("a reason not known here stays English (jsonld.js's own, a new n3 wording)", async () => {
    const jsonld = await jsonReasonOf('{"@id": 5, "http://x/p": "a"}');
    expect(jsonld).toBe('invalid JSON-LD syntax; "@id" value must a string (invalid @id value)');
    expect(frenchReason(jsonld)).toBe(jsonld);
    for (const reason of [
      "unexpected something new happened",
      "expected entity but got two words",
      'detected unsupported version as media type parameter: "9"',
      "",
    ]) {
      expect(frenchReason(reason)).toBe(reason);
    }
  });
});
