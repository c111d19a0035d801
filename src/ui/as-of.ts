/**
 * The "as of" date control: a year, an optional month, an optional day (the date keeps the
 * precision given: "2010", "2010-03", "2010-03-15"), and "any date" to clear. Edges whose period
 * excludes the date leave the picture; the note says how many, and that undated facts stay.
 */
import { html, nothing, type TemplateResult } from "lit";
import { formatDate, tryParseDate } from "../core";
import { statementMessages, type Lang } from "./messages";

export interface AsOfOptions {
  /** The date as a lexical form ("2010", "2010-03", "2010-03-15"), or null for any date. */
  value: string | null;
  lang: Lang;
  /** Number of edges hidden as out of date. */
  hidden: number;
  onChange: (value: string | null) => void;
}

/** The lexical date of year / month / day fields, or null when the year is missing or invalid. */
export function asOfValue(year: string, month: string, day: string): string | null {
  const y = year.trim();
  if (!/^\d{4}$/.test(y)) return null;
  if (!month) return y;
  const mm = month.padStart(2, "0");
  const d = day.trim();
  const lexical = d && /^\d{1,2}$/.test(d) ? `${y}-${mm}-${d.padStart(2, "0")}` : `${y}-${mm}`;
  return tryParseDate(lexical) ? lexical : `${y}-${mm}`;
}

export function renderAsOf(options: AsOfOptions): TemplateResult {
  const { value, lang } = options;
  const m = statementMessages(lang);
  const [year = "", month = "", day = ""] = (value ?? "").split("-");
  const root = (e: Event) => (e.target as HTMLElement).closest("form");
  const read = (form: HTMLFormElement | null) => {
    if (!form) return;
    const get = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? "";
    const next = asOfValue(get("year"), get("month"), get("day"));
    if (next !== value) options.onChange(next);
  };
  const parsed = value ? tryParseDate(value) : undefined;
  return html`<form
    class="as-of"
    aria-label=${m.asOfHint}
    @submit=${(e: Event) => {
      e.preventDefault();
      read(e.target as HTMLFormElement);
    }}
  >
    <fieldset>
      <legend>${m.asOf}</legend>
      <input
        name="year"
        class="as-of-year"
        type="number"
        inputmode="numeric"
        min="1"
        max="9999"
        placeholder=${lang === "fr" ? "AAAA" : "YYYY"}
        aria-label=${m.asOfYear}
        .value=${year}
        @change=${(e: Event) => read(root(e))}
      />
      <select
        name="month"
        class="as-of-month"
        aria-label=${m.asOfMonth}
        ?disabled=${!year}
        @change=${(e: Event) => read(root(e))}
      >
        <option value="" ?selected=${!month}>${m.anyMonth}</option>
        ${m.months.map(
          (name, i) =>
            html`<option
              value=${String(i + 1).padStart(2, "0")}
              ?selected=${Number(month) === i + 1}
            >
              ${name}
            </option>`,
        )}
      </select>
      <input
        name="day"
        class="as-of-day"
        type="number"
        inputmode="numeric"
        min="1"
        max="31"
        placeholder=${lang === "fr" ? "JJ" : "DD"}
        aria-label=${m.asOfDay}
        ?disabled=${!month}
        .value=${day}
        @change=${(e: Event) => read(root(e))}
      />
      <button
        type="button"
        class="tool-button as-of-clear"
        ?disabled=${value === null}
        @click=${() => options.onChange(null)}
      >
        ${m.anyDate}
      </button>
    </fieldset>
    ${
      parsed
        ? html`<p class="as-of-note" role="status">
            ${m.asOfHidden(options.hidden, formatDate(parsed, lang))}
          </p>`
        : nothing
    }
  </form>`;
}
