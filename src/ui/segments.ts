/**
 * Marks over a text, as a tree: pure logic (no DOM, no lit), so that it runs and is tested in
 * Node. The source view turns the tree into `<mark>` elements whose content is text nodes only.
 *
 * Spans that nest become nested marks (one mark per span). Spans that cross cannot nest: one of
 * them is split into pieces that share its id (`piece` counts them). A "focus" range (the
 * emphasised quote) is never split: a span that crosses it is split instead, so that the
 * emphasised mark's text is exactly the focus range.
 */

export interface MarkRange {
  /** Identifies the range; every piece of a split range carries it. */
  id: number;
  start: number;
  end: number;
  /** "span": a supporting span; "focus": an emphasised range that is not itself a span. */
  kind: "span" | "focus";
}

export interface TextPiece {
  kind: "text";
  start: number;
  end: number;
}

export interface MarkPiece {
  kind: "mark";
  range: MarkRange;
  /** 0 for the first (or only) piece of the range, 1 for the next, ... */
  piece: number;
  start: number;
  end: number;
  children: Piece[];
}

export type Piece = TextPiece | MarkPiece;

interface Frame {
  range: MarkRange | null;
  node: { children: Piece[]; end: number };
}

function order(a: MarkRange, b: MarkRange): number {
  // Outer first: the range that lasts longer, then the one that started earlier; a focus range
  // goes inside a span with the same bounds; then by id for a stable result.
  return (
    b.end - a.end ||
    a.start - b.start ||
    (a.kind === b.kind ? 0 : a.kind === "span" ? -1 : 1) ||
    a.id - b.id
  );
}

/**
 * The mark tree of `[from, to)` for `ranges` (offsets into the same text). Ranges are clipped
 * to `[from, to)`; empty ones are dropped. Concatenating the text pieces in order gives back
 * `[from, to)` exactly.
 */
export function buildMarks(ranges: readonly MarkRange[], from: number, to: number): Piece[] {
  const clipped = ranges
    .map((r) => ({ ...r, start: Math.max(r.start, from), end: Math.min(r.end, to) }))
    .filter((r) => r.start < r.end);
  const bounds = [
    ...new Set([from, to, ...clipped.flatMap((r) => [r.start, r.end])].filter((n) => n >= from)),
  ]
    .filter((n) => n <= to)
    .sort((a, b) => a - b);
  const root: Frame = { range: null, node: { children: [], end: to } };
  const stack: Frame[] = [root];
  const pieces = new Map<number, number>();
  const top = (): Frame => stack[stack.length - 1] ?? root;

  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] ?? from;
    const b = bounds[i + 1] ?? to;
    const covering = new Set(clipped.filter((r) => r.start <= a && r.end >= b));
    // Close every open range that does not cover this segment (and everything inside it).
    const firstGone = stack.findIndex(
      (f, k) => k > 0 && f.range !== null && !covering.has(f.range),
    );
    const reopen: MarkRange[] = [];
    if (firstGone > 0) stack.length = firstGone;
    const open = new Set(stack.map((f) => f.range).filter((r): r is MarkRange => r !== null));
    const fresh = [...covering].filter((r) => !open.has(r));
    if (fresh.length > 0) {
      // An open span that ends before a new range would cross it: close it here and reopen it
      // inside the new range (a focus range is never closed early).
      const maxEnd = Math.max(...fresh.map((r) => r.end));
      for (let f = top(); f.range && f.range.kind !== "focus" && f.range.end < maxEnd; f = top()) {
        reopen.push(f.range);
        stack.pop();
      }
    }
    for (const range of [...fresh, ...reopen].sort(order)) {
      const n = pieces.get(range.id) ?? 0;
      pieces.set(range.id, n + 1);
      const mark: MarkPiece = { kind: "mark", range, piece: n, start: a, end: a, children: [] };
      top().node.children.push(mark);
      stack.push({ range, node: mark });
    }
    top().node.children.push({ kind: "text", start: a, end: b });
    for (const f of stack) if (f.range) (f.node as MarkPiece).end = b;
  }
  return root.node.children;
}

/** The text of a piece list (for tests and checks). */
export function piecesText(text: string, pieces: readonly Piece[]): string {
  return pieces
    .map((p) => (p.kind === "text" ? text.slice(p.start, p.end) : piecesText(text, p.children)))
    .join("");
}

/** Every mark piece of the tree, depth first. */
export function markPieces(pieces: readonly Piece[]): MarkPiece[] {
  return pieces.flatMap((p) => (p.kind === "mark" ? [p, ...markPieces(p.children)] : []));
}

/**
 * Where to split a text into parts (page template, release body, ...), from the spans each part
 * covers: each part starts at its first span (the first part at `0`) and runs to the next part's
 * start (the last to `length`). Parts without spans are left out.
 */
export function partRegions(
  length: number,
  spans: readonly { part: string; start: number }[],
): { part: string; start: number; end: number }[] {
  const first = new Map<string, number>();
  for (const s of spans) first.set(s.part, Math.min(first.get(s.part) ?? s.start, s.start));
  const sorted = [...first.entries()].sort((a, b) => a[1] - b[1]);
  return sorted.map(([part, start], i) => ({
    part,
    start: i === 0 ? 0 : start,
    end: sorted[i + 1]?.[1] ?? length,
  }));
}
