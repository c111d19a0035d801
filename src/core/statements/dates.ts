/**
 * Orgraph core: dates with their precision (xsd:date, xsd:gYearMonth, xsd:gYear, xsd:dateTime).
 *
 * A date literal stands for the interval of days it covers ("2007-05" is 1 to 31 May 2007), so
 * that comparisons between dates of different precisions stay honest, and it is shown at its
 * own precision ("mai 2007", never "1 mai 2007").
 */
import { OrgraphError } from "../errors";
import type { LiteralValue, Period } from "../model/types";
import { NS } from "../model/vocab";

export type DatePrecision = "day" | "month" | "year";

export const XSD_DATE = `${NS.xsd}date`;
export const XSD_DATE_TIME = `${NS.xsd}dateTime`;
export const XSD_DATE_TIME_STAMP = `${NS.xsd}dateTimeStamp`;
export const XSD_G_YEAR_MONTH = `${NS.xsd}gYearMonth`;
export const XSD_G_YEAR = `${NS.xsd}gYear`;

/** A date literal read with its precision and the days it covers. */
export interface ParsedDate {
  /** The lexical value as written, e.g. "2007-05". */
  value: string;
  /** The datatype it was read as (given or inferred from the lexical form). */
  datatype: string;
  precision: DatePrecision;
  /** First day covered, `YYYY-MM-DD` (years outside 0000-9999 keep their sign and digits). */
  start: string;
  /** Last day covered, inclusive, `YYYY-MM-DD`. */
  end: string;
}

/** A period whose ends are parsed dates (either may be missing: open or unknown). */
export interface DatedPeriod {
  start?: ParsedDate;
  end?: ParsedDate;
}

/** What a date-taking function accepts: a parsed date, a literal, or a lexical form. */
export type DateInput = ParsedDate | LiteralValue | string;

const TZ = "(?:Z|[+-]\\d{2}:\\d{2})?";
const YEAR = "(-?\\d{4,})";
const FORMS: { datatype: string; re: RegExp; precision: DatePrecision }[] = [
  { datatype: XSD_DATE, re: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})${TZ}$`), precision: "day" },
  {
    datatype: XSD_DATE_TIME,
    re: new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?${TZ}$`),
    precision: "day",
  },
  { datatype: XSD_G_YEAR_MONTH, re: new RegExp(`^${YEAR}-(\\d{2})${TZ}$`), precision: "month" },
  { datatype: XSD_G_YEAR, re: new RegExp(`^${YEAR}${TZ}$`), precision: "year" },
];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

function iso(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isParsed(input: DateInput): input is ParsedDate {
  return typeof input === "object" && "precision" in input && "start" in input;
}

/**
 * Reads a date literal. The datatype, when given, must be one of xsd:date, xsd:dateTime,
 * xsd:dateTimeStamp, xsd:gYearMonth, xsd:gYear; a plain string is read by its shape. The time of
 * day and the timezone of a dateTime are dropped (its precision is the day). Throws an
 * `OrgraphError` ("invalid") on anything else.
 */
export function parseDate(literal: DateInput): ParsedDate {
  if (isParsed(literal)) return literal;
  const value = (typeof literal === "string" ? literal : literal.value).trim();
  const given = typeof literal === "string" ? undefined : literal.datatype;
  const wanted = given === XSD_DATE_TIME_STAMP ? XSD_DATE_TIME : given;
  for (const form of FORMS) {
    if (wanted !== undefined && wanted !== form.datatype) continue;
    const m = form.re.exec(value);
    if (!m) continue;
    const year = Number(m[1]);
    const month = m[2] === undefined ? undefined : Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    if (month !== undefined && (month < 1 || month > 12)) break;
    if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month)))
      break;
    const start = iso(year, month ?? 1, day ?? 1);
    const end = iso(year, month ?? 12, day ?? daysInMonth(year, month ?? 12));
    return { value, datatype: given ?? form.datatype, precision: form.precision, start, end };
  }
  const what = given === undefined ? "" : ` (datatype ${given})`;
  throw new OrgraphError(
    "invalid",
    `Not a date: "${value}"${what}. Expected xsd:date (2008-09-10), xsd:gYearMonth (2007-05), xsd:gYear (2008) or xsd:dateTime.`,
  );
}

/** `parseDate`, or undefined instead of an error. */
export function tryParseDate(literal: DateInput | undefined): ParsedDate | undefined {
  if (literal === undefined) return undefined;
  try {
    return parseDate(literal);
  } catch {
    return undefined;
  }
}

/** A period of literals as parsed dates (an unreadable end is left out). */
export function parsePeriod(period: Period | DatedPeriod | undefined): DatedPeriod {
  const out: DatedPeriod = {};
  const start = tryParseDate(period?.start);
  const end = tryParseDate(period?.end);
  if (start) out.start = start;
  if (end) out.end = end;
  return out;
}

/** A day `YYYY-MM-DD` as a number that orders like the day (sign-safe). */
export function dayOrdinal(day: string): number {
  const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new OrgraphError("invalid", `Not a day: "${day}".`);
  return Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}

/** Does interval `outer` contain interval `inner` (both as parsed dates)? */
export function dateContains(outer: ParsedDate, inner: ParsedDate): boolean {
  return (
    dayOrdinal(outer.start) <= dayOrdinal(inner.start) &&
    dayOrdinal(inner.end) <= dayOrdinal(outer.end)
  );
}

/** Month names, for dates shown at month or day precision (and the UI's month pickers). */
export const MONTHS: Record<"fr" | "en", readonly string[]> = {
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

function baseLanguage(lang: string): string {
  return lang.toLowerCase().split("-")[0] ?? "";
}

/**
 * A date at its own precision: "10 septembre 2008", "août 2007", "2008" (fr); "10 September
 * 2008", "August 2007", "2008" (en). Other languages go through Intl with the same precision.
 */
export function formatDate(input: DateInput, lang: string = "fr"): string {
  const d = parseDate(input);
  const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(d.start);
  const year = Number(m?.[1] ?? 0);
  const month = Number(m?.[2] ?? 1);
  const day = Number(m?.[3] ?? 1);
  const yearText = String(year);
  const base = baseLanguage(lang);
  if (base === "fr" || base === "en") {
    const monthName = MONTHS[base][month - 1] ?? "";
    if (d.precision === "year") return yearText;
    if (d.precision === "month") return `${monthName} ${yearText}`;
    const dayText = base === "fr" && day === 1 ? "1er" : String(day);
    return `${dayText} ${monthName} ${yearText}`;
  }
  try {
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    const options: Intl.DateTimeFormatOptions = { timeZone: "UTC", year: "numeric" };
    if (d.precision !== "year") options.month = "long";
    if (d.precision === "day") options.day = "numeric";
    return new Intl.DateTimeFormat(lang, options).format(date);
  } catch {
    return formatDate(d, "en");
  }
}

/**
 * A period at the precision of each end: "31 mai 2007 – 26 janvier 2009", "mai 2007 –",
 * "– janvier 2009"; "" when neither end is known.
 */
export function formatPeriod(
  period: Period | DatedPeriod | undefined,
  lang: string = "fr",
): string {
  const { start, end } = parsePeriod(period);
  const s = start ? formatDate(start, lang) : "";
  const e = end ? formatDate(end, lang) : "";
  if (s && e) return `${s} – ${e}`;
  if (s) return `${s} –`;
  if (e) return `– ${e}`;
  return "";
}
