/**
 * Text edits on a cell with a map back: the NumPy-syntax rewrite only inserts text around
 * operands and replaces operator tokens (`+` -> `,`, `[` -> `.get(`), so every character the
 * user typed survives in order and newlines are never added or removed (a cell's lines stay its
 * lines). `applyEdits` returns the new text and `toOld(offset)`, which maps a new offset to the
 * old one: copied text one to one, inserted text to its anchor (the operator it stands for).
 *
 * Ordering rule at one position: closings (inner first), then openings (outer first), then a
 * replacement starting there. Edits are collected children-first, so "inner" = collected earlier.
 * Cost: O(text + edits log edits).
 */

/** One edit: an insertion (`start === end`) or a replacement of old text [start, end). */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Insertions only: "open" text precedes its node, "close" text follows it. */
  side?: "open" | "close";
  /** The old offset the inserted text stands for (default `start`). */
  anchor?: number;
}

interface Segment {
  /** Start in the new text. */
  at: number;
  /** Old offset of the segment's first character; copied segments advance with it. */
  old: number;
  copied: boolean;
}

/** The rewritten text and its maps back to the old text and forward from it. */
export interface Applied {
  text: string;
  toOld(offset: number): number;
  /** An old offset in the new text: where the old character now is (before any text inserted there). */
  toNew(offset: number): number;
}

function rank(e: Edit): number {
  if (e.start !== e.end) return 2;
  return e.side === "close" ? 0 : 1;
}

/** Apply non-overlapping edits (collected children-first) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): Applied {
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => {
    if (a.e.start !== b.e.start) return a.e.start - b.e.start;
    const ra = rank(a.e);
    const rb = rank(b.e);
    if (ra !== rb) return ra - rb;
    // closings: inner (earlier) first; openings: outer (later) first
    return ra === 1 ? b.i - a.i : a.i - b.i;
  });
  const segments: Segment[] = [];
  let out = "";
  let cursor = 0;
  for (const { e } of order) {
    if (e.start < cursor) throw new Error(`overlapping edits at ${e.start} (a bug in the NumPy-syntax rewrite)`);
    if (e.start > cursor) {
      segments.push({ at: out.length, old: cursor, copied: true });
      out += text.slice(cursor, e.start);
    }
    if (e.text) {
      segments.push({ at: out.length, old: e.anchor ?? e.start, copied: false });
      out += e.text;
    }
    cursor = e.end;
  }
  segments.push({ at: out.length, old: cursor, copied: true });
  out += text.slice(cursor);
  const toOld = (offset: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].at <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segments[lo];
    return s.copied ? s.old + (offset - s.at) : s.old;
  };
  const toNew = (offset: number): number => {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (!s.copied) continue;
      const length = (i + 1 < segments.length ? segments[i + 1].at : out.length) - s.at;
      if (offset >= s.old && offset <= s.old + length) return s.at + (offset - s.old);
    }
    return out.length;
  };
  return { text: out, toOld, toNew };
}

/** Start offset of each line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** (line, column), 0-based, of an offset, given the text's line starts. */
export function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - starts[lo] };
}
