/**
 * A parser's reason for a syntax error, in French (issue 6 follow-up). The reasons are those
 * n3 gives (as src/core/rdf/parse.ts words them: lower-case, "end of input" for its "eof") and
 * those of Orgraph's JSON checks (src/core/rdf/json-syntax.ts, jsonld.ts). The offending text
 * they quote is kept as written; a reason not listed here (jsonld.js's own, a future n3's)
 * stays in English.
 */

/** A thing a reason names: how it reads alone, and after "au lieu de". */
interface Thing {
  /** e.g. "« . »", "littéral", "chaîne "b"". */
  readonly alone: string;
  readonly feminine: boolean;
  /** e.g. "de « . »", "d'un littéral", "de la fin du texte". */
  readonly after: string;
}

/** n3's token types that are words, as French nouns (true: feminine). */
const TOKEN_NOUNS: Readonly<Record<string, readonly [string, boolean]>> = {
  literal: ["littéral", false],
  IRI: ["IRI", true],
  prefixed: ["nom préfixé", false],
  blank: ["nœud anonyme", false],
  prefix: ["préfixe", false],
  type: ["type de donnée", false],
  typeIRI: ["type de donnée", false],
  langcode: ["étiquette de langue", true],
  dircode: ["direction de texte", true],
  var: ["variable", true],
  abbreviation: ["abréviation", true],
  graph: ["graphe", false],
};

/** What a reason names, or null when it is not one of the forms known here. */
function thing(text: string): Thing | null {
  const quoted = /^"([\s\S]*)"$/.exec(text);
  if (quoted) return { alone: `« ${quoted[1]} »`, feminine: false, after: `de « ${quoted[1]} »` };
  const string = /^the string ("[\s\S]*)$/.exec(text);
  if (string) {
    return { alone: `chaîne ${string[1]}`, feminine: true, after: `de la chaîne ${string[1]}` };
  }
  if (text === "end of input") {
    return { alone: "fin du texte", feminine: true, after: "de la fin du texte" };
  }
  const noun = TOKEN_NOUNS[text];
  if (noun) {
    const [word, feminine] = noun;
    return { alone: word, feminine, after: `d'${feminine ? "une" : "un"} ${word}` };
  }
  // Punctuation and keywords (".", "}", "<<", "@prefix", "PREFIX"…): as written.
  if (/^\S+$/.test(text)) return { alone: `« ${text} »`, feminine: false, after: `de « ${text} »` };
  return null;
}

type Say = (m: RegExpExecArray) => string | null;

const unexpected = (text: string | undefined): string | null => {
  const t = thing(text ?? "");
  return t && `${t.alone} inattendu${t.feminine ? "e" : ""}`;
};
const insteadOf = (expected: string, text: string | undefined): string | null => {
  const t = thing(text ?? "");
  return t && `${expected} au lieu ${t.after}`;
};
const fixed =
  (french: string): Say =>
  () =>
    french;

/** The reasons known here: the English pattern, and how to say it in French. */
const REASONS: readonly (readonly [RegExp, Say])[] = [
  // n3's parser
  [/^unexpected graph closing$/, fixed("fermeture de graphe inattendue")],
  [/^unexpected annotation syntax closing$/, fixed("fermeture d'annotation inattendue")],
  [/^unexpected list in reified triple$/, fixed("liste inattendue dans un triplet réifié")],
  [
    /^unexpected compound blank node expression in reified triple$/,
    fixed("nœud anonyme composé inattendu dans un triplet réifié"),
  ],
  [/^expected entity but got ([\s\S]+)$/, (m) => insteadOf("terme RDF attendu", m[1])],
  [/^expected predicate but got ([\s\S]+)$/, (m) => insteadOf("prédicat attendu", m[1])],
  [/^expected graph but got ([\s\S]+)$/, (m) => insteadOf("graphe attendu", m[1])],
  [/^expected (\)?>>) but got ([\s\S]+)$/, (m) => insteadOf(`« ${m[1]} » attendu`, m[2])],
  [/^undefined prefix "([\s\S]*)"$/, (m) => `préfixe « ${m[1]} » non déclaré`],
  [/^invalid IRI$/, fixed("IRI non valide")],
  [/^unclosed graph$/, fixed("graphe non fermé")],
  [/^invalid graph label$/, fixed("nom de graphe non valide")],
  [/^disallowed triple term as subject$/, fixed("terme triplet interdit comme sujet")],
  [/^disallowed blank node as predicate$/, fixed("nœud anonyme interdit comme prédicat")],
  [
    /^triple terms nested deeper than (\d+) levels?$/,
    (m) => `termes triplets imbriqués sur plus de ${m[1]} niveau${m[1] === "1" ? "" : "x"}`,
  ],
  [
    /^detected illegal \(directional\) languaged-tagged string with explicit datatype$/,
    fixed(
      "une chaîne avec étiquette de langue (et direction) ne peut pas avoir de type de donnée explicite",
    ),
  ],
  [
    /^detected language tag with subtag longer than 8 characters$/,
    fixed("étiquette de langue avec une sous-étiquette de plus de 8 caractères"),
  ],
  [/^expected punctuation to follow "([\s\S]*)"$/, (m) => `ponctuation attendue après « ${m[1]} »`],
  [/^expected dot to follow quad$/, fixed("point attendu après le quadruplet")],
  [/^expected prefix to follow @prefix$/, fixed("préfixe attendu après @prefix")],
  [
    /^expected IRI to follow prefix "([\s\S]*)"$/,
    (m) => `IRI attendue après le préfixe « ${m[1]} »`,
  ],
  [
    /^expected valid IRI to follow base declaration$/,
    fixed("IRI valide attendue après la déclaration de base"),
  ],
  [
    /^expected literal to follow version declaration$/,
    fixed("littéral attendu après la déclaration de version"),
  ],
  [
    /^version declarations must use single quotes$/,
    fixed("une déclaration de version doit utiliser des guillemets simples"),
  ],
  [/^detected unsupported version: "([\s\S]*)"$/, (m) => `version « ${m[1]} » non prise en charge`],
  [/^expected declaration to end with a dot$/, fixed("une déclaration doit finir par un point")],
  [/^annotation block can not be empty$/, fixed("un bloc d'annotation ne peut pas être vide")],
  // n3's lexer
  [/^token too long$/, fixed("jeton trop long")],
  // Orgraph's JSON checks
  [
    /^unexpected ([\s\S]+) after the end of the JSON value$/,
    (m) => {
      const u = unexpected(m[1]);
      return u && `${u} après la fin de la valeur JSON`;
    },
  ],
  [/^unterminated string$/, fixed("chaîne non terminée")],
  [/^bad \\u escape in a string$/, fixed("échappement \\u non valide dans une chaîne")],
  [/^bad escape in a string$/, fixed("échappement non valide dans une chaîne")],
  [
    /^control character in a string \(escape it\)$/,
    fixed("caractère de contrôle dans une chaîne (à échapper)"),
  ],
  [/^bad number "([\s\S]*)"$/, (m) => `nombre non valide « ${m[1]} »`],
  [
    /^expected a property name in double quotes, found ([\s\S]+)$/,
    (m) => insteadOf("nom de propriété entre guillemets droits attendu", m[1]),
  ],
  [
    /^expected ":" after a property name, found ([\s\S]+)$/,
    (m) => insteadOf("« : » attendu après un nom de propriété", m[1]),
  ],
  [
    /^expected "," or "([\]}])" after (a property value|an array element), found ([\s\S]+)$/,
    (m) =>
      insteadOf(
        `« , » ou « ${m[1]} » attendu après ${m[2] === "a property value" ? "la valeur d'une propriété" : "un élément de tableau"}`,
        m[3],
      ),
  ],
  [
    /^this is JSON but not JSON-LD: its top level has no @context, @id, @type or @graph and no property IRI$/,
    fixed(
      "c'est du JSON mais pas du JSON-LD : son niveau supérieur n'a ni @context, ni @id, ni @type, ni @graph, ni IRI de propriété",
    ),
  ],
  // Both: what could not be read ("unexpected "foo"", "unexpected .", "unexpected end of input").
  [/^unexpected ([\s\S]+)$/, (m) => unexpected(m[1])],
];

/** A parser's reason in French, the text it quotes as written; any other stays as it is. */
export function frenchReason(reason: string): string {
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(reason);
    const french = m && say(m);
    if (french) return french;
  }
  return reason;
}
