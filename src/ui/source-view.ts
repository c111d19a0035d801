/**
 * The source text view: the document's text with one `<mark>` per supporting span (nested when
 * spans nest; a span that crosses another is split into pieces sharing its `data-mark`), the
 * focused range emphasised (`mark.focus`), parts told apart by labelled sections, and the
 * selector warnings listed. The text is bound as text (lit), never as markup.
 */
import { html, nothing, type TemplateResult } from "lit";
import { buildMarks, type MarkRange, type Piece } from "./segments";
import type { SourceDoc, TextMark } from "./source-model";
import { statementMessages, type Lang } from "./messages";

/** What to emphasise: ranges of one document. */
export interface SourceFocus {
  source: string;
  ranges: { start: number; end: number }[];
}

export interface SourceViewOptions {
  docs: readonly SourceDoc[];
  lang: Lang;
  loading: boolean;
  focus: SourceFocus | null;
  /** Tooltip of a mark: what it supports. */
  describe: (mark: TextMark) => string;
  /** A mark was activated (click, Enter). */
  onMark: (doc: SourceDoc, mark: TextMark) => void;
  /** Optional header (e.g. the selected statement). */
  header?: unknown;
}

const FOCUS_ID = 1_000_000;

function warningList(doc: SourceDoc, lang: Lang): TemplateResult {
  const m = statementMessages(lang);
  const n = doc.warnings.length;
  return html`<details class="span-warnings ${n ? "has-warnings" : ""}" ?open=${n > 0}>
    <summary>
      <span class="warnings-title">${m.warningsTitle(n)}</span>
      <span class="warnings-count" data-count=${n}>${n}</span>
    </summary>
    ${
      n === 0
        ? html`<p class="muted">${m.noWarnings}</p>`
        : html`<ul class="warning-list">
            ${doc.warnings.map(
              (w) =>
                html`<li class="warning" data-code=${w.code} data-annotation=${w.annotation}>
                  <span class="tag">${w.code}</span>
                  ${
                    w.code === "selector-mismatch"
                      ? m.warningMismatch(
                          shortName(w.annotation),
                          w.start ?? -1,
                          w.end ?? -1,
                          w.at ?? -1,
                        )
                      : m.warningNotFound(
                          shortName(w.annotation),
                          m.warningReason[w.reason ?? "absent"],
                        )
                  }
                  <blockquote class="expected">${w.expected}</blockquote>
                </li>`,
            )}
          </ul>`
    }
  </details>`;
}

function shortName(iri: string): string {
  const m = /[^/#]+$/.exec(iri);
  return m ? m[0] : iri;
}

function renderPieces(
  text: string,
  pieces: readonly Piece[],
  doc: SourceDoc,
  focused: ReadonlySet<number>,
  options: SourceViewOptions,
): unknown[] {
  return pieces.map((p) => {
    if (p.kind === "text") return text.slice(p.start, p.end);
    const inner = renderPieces(text, p.children, doc, focused, options);
    if (p.range.kind === "focus") {
      // prettier-ignore
      return html`<mark class="focus quote" data-focus="">${inner}</mark>`;
    }
    const mark = doc.marks[p.range.id];
    if (!mark) return inner;
    const activate = () => options.onMark(doc, mark);
    const cls = `span${focused.has(mark.id) ? " focus" : ""}${mark.corrected ? " corrected" : ""}`;
    // prettier-ignore
    return html`<mark class=${cls} data-mark=${mark.id} data-piece=${p.piece} data-annotation=${mark.annotation} title=${options.describe(mark)} tabindex="0" @click=${(e: Event) => { e.stopPropagation(); activate(); }} @keydown=${(e: KeyboardEvent) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); activate(); } }}>${inner}</mark>`;
  });
}

function renderDoc(doc: SourceDoc, options: SourceViewOptions): TemplateResult {
  const m = statementMessages(options.lang);
  const text = doc.text ?? "";
  const focus = options.focus?.source === doc.key ? options.focus.ranges : [];
  // A focus range that is exactly a span emphasises that span's mark; others get their own mark.
  const focused = new Set<number>();
  const extra: MarkRange[] = [];
  focus.forEach((r, i) => {
    const same = doc.marks.find((mk) => mk.start === r.start && mk.end === r.end);
    if (same) focused.add(same.id);
    else extra.push({ id: FOCUS_ID + i, start: r.start, end: r.end, kind: "focus" });
  });
  const ranges: MarkRange[] = [
    ...doc.marks.map((mk) => ({ id: mk.id, start: mk.start, end: mk.end, kind: "span" as const })),
    ...extra,
  ];
  const regions = doc.parts.length
    ? doc.parts
    : [{ key: doc.key, label: doc.label, start: 0, end: text.length }];
  return html`<section class="source-doc" data-source=${doc.key}>
    <header class="source-header">
      <h3>${m.sourceDocument}</h3>
      <p class="source-label">${doc.label}</p>
      <p class="muted source-stats">${m.marksCount(doc.marks.length)}</p>
    </header>
    ${warningList(doc, options.lang)}
    ${
      doc.error !== undefined
        ? html`<p class="source-error" role="alert">${m.sourceUnavailable(doc.error)}</p>`
        : regions.map((region, i) => {
            const pieces = buildMarks(ranges, region.start, region.end);
            const content = renderPieces(text, pieces, doc, focused, options);
            // No whitespace may enter the text block (it is shown with white-space: pre-wrap).
            // prettier-ignore
            const block = html`<div class="source-text">${content}</div>`;
            return html`<section class="source-part part-${i}" data-part=${region.key}>
              <h4 class="part-label">
                <span>${region.label}</span>
                <span class="muted">${m.offsets(region.start, region.end)}</span>
              </h4>
              ${block}
            </section>`;
          })
    }
  </section>`;
}

export function renderSourceView(options: SourceViewOptions): TemplateResult {
  const m = statementMessages(options.lang);
  const body = options.loading
    ? html`<p class="hint" role="status">${m.sourceLoading}</p>`
    : options.docs.length === 0
      ? html`<p class="hint">${m.sourceNone}</p>`
      : options.docs.map((doc) => renderDoc(doc, options));
  return html`<div class="source-view">
    <h2 class="view-title">${m.sourceTitle}</h2>
    ${options.header ?? nothing} ${body}
  </div>`;
}
