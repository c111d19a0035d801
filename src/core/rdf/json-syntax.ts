/**
 * Orgraph core: where JSON text first goes wrong, and why.
 *
 * `JSON.parse` says so differently in each engine (and V8 often gives no position at all), so
 * when it fails this scanner walks the text by the JSON grammar (RFC 8259) and reports the first
 * error's offset and a reason, the same in every browser and in Node. Iterative: any nesting
 * depth is fine.
 */

export interface JsonSyntaxIssue {
  /** UTF-16 offset of the error in the text (its length for an early end). */
  offset: number;
  /** What went wrong, lower-case, e.g. `expected "," or "}" after a property value`. */
  reason: string;
  /** The offending text, when there is one. */
  token?: string;
}

const WORD = /[^\s,:[\]{}"]+/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
/** A string token as written, up to its closing quote or the end of its line. */
const STRING_TOKEN = /"(?:[^"\\\r\n]|\\.)*"?/y;

/** A token as a message shows it: a string as written, anything else in double quotes. */
function describe(token: string): string {
  return token.startsWith('"') ? `the string ${token}` : `"${token}"`;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxIssue | null {
  const n = text.length;
  const stack: ("{" | "[")[] = [];
  let i = 0;

  const skip = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const tokenAt = (at: number): string => {
    const pattern = text.charAt(at) === '"' ? STRING_TOKEN : WORD;
    pattern.lastIndex = at;
    const word = pattern.exec(text)?.[0];
    return word || String.fromCodePoint(text.codePointAt(at) ?? 0);
  };
  const issue = (at: number, what: (token: string) => string): JsonSyntaxIssue => {
    if (at >= n) return { offset: n, reason: "unexpected end of input" };
    const token = tokenAt(at);
    return { offset: at, reason: what(describe(token)), token };
  };
  const unexpected = (at: number, after = ""): JsonSyntaxIssue =>
    issue(at, (token) => `unexpected ${token}${after}`);

  /** Scans a string from its opening quote at `i`; null when fine. */
  const string = (): JsonSyntaxIssue | null => {
    const start = i;
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code === 0x5c) {
        const next = text.charAt(i + 1);
        if (next === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) {
            return { offset: i, reason: "bad \\u escape in a string", token: text.slice(i, i + 6) };
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(next) && next !== "") {
          i += 2;
        } else {
          if (i + 1 >= n) break;
          return { offset: i, reason: "bad escape in a string", token: text.slice(i, i + 2) };
        }
        continue;
      }
      if (code < 0x20) {
        const token = `\\u${code.toString(16).padStart(4, "0")}`;
        return { offset: i, reason: "control character in a string (escape it)", token };
      }
      i++;
    }
    return { offset: start, reason: "unterminated string", token: '"' };
  };

  // The states: a value is expected; a property name is expected; a value has just ended.
  let state: "value" | "key" | "after" = "value";
  for (;;) {
    skip();
    if (state === "value") {
      if (i >= n) return unexpected(i);
      const c = text.charAt(i);
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        skip();
        if (text.charAt(i) === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          state = "after";
        } else state = c === "{" ? "key" : "value";
        continue;
      }
      if (c === '"') {
        const bad = string();
        if (bad) return bad;
        state = "after";
        continue;
      }
      if (c === "-" || (c >= "0" && c <= "9")) {
        NUMBER.lastIndex = i;
        const number = NUMBER.exec(text);
        if (!number) return issue(i, (token) => `bad number ${token}`);
        i += number[0].length;
        state = "after";
        continue;
      }
      const word = tokenAt(i);
      if (word === "true" || word === "false" || word === "null") {
        i += word.length;
        state = "after";
        continue;
      }
      return unexpected(i);
    }
    if (state === "key") {
      if (i >= n) return unexpected(i);
      if (text.charAt(i) !== '"') {
        return issue(i, (token) => `expected a property name in double quotes, found ${token}`);
      }
      const bad = string();
      if (bad) return bad;
      skip();
      if (text.charAt(i) !== ":") {
        return issue(i, (token) => `expected ":" after a property name, found ${token}`);
      }
      i++;
      state = "value";
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return i >= n ? null : unexpected(i, " after the end of the JSON value");
    }
    const c = text.charAt(i);
    const close = top === "{" ? "}" : "]";
    if (c === ",") {
      i++;
      state = top === "{" ? "key" : "value";
    } else if (c === close) {
      stack.pop();
      i++;
    } else {
      const where = top === "{" ? "a property value" : "an array element";
      return issue(i, (token) => `expected "," or "${close}" after ${where}, found ${token}`);
    }
  }
}

/** 1-based line and column (in code points) of a UTF-16 offset; lines end at CRLF, CR or LF. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const breaks = /\r\n|\r|\n/g;
  let line = 1;
  let start = 0;
  for (let found = breaks.exec(text); found && found.index < offset; found = breaks.exec(text)) {
    line++;
    start = found.index + found[0].length;
  }
  return { line, column: Array.from(text.slice(start, offset)).length + 1 };
}
