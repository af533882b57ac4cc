/**
 * The kernel's own input history for this session, answering history_request the way IPython's
 * HistoryManager does (messaging spec, "History"): entries are [session, line, input], lines
 * count from 1, `range` takes start inclusive and stop exclusive, `search` matches a glob
 * (SQLite GLOB: `*`, `?`, `[abc]`, `[^abc]`, case-sensitive, whole input) and with `unique`
 * keeps the latest of equal inputs. Session 0 (or this session's number) means this session;
 * earlier sessions are not kept, so they answer with no entries.
 */
import { Map } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

export type HistoryEntry = [session: number, line: number, input: string] | [session: number, line: number, io: [string, null]];

/** This session's number in history entries. */
export const HISTORY_SESSION = 1;

/** One position of a glob: any character (`?`), one character, or a class (`[a-c]`, `[^ab]`: inclusive code point ranges). */
type GlobToken = { kind: "any" } | { kind: "char"; cp: number } | { kind: "class"; negate: boolean; ranges: number[] };

/** A string's code points (the glob's `?` is one code point: `a?c` matches `a😀c`). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) as number;
    out[out.length] = cp;
    if (cp > 0xffff) i++;
  }
  return out;
}

/** The tokens between `*`s (k stars: k + 1 segments, some maybe empty). */
function globSegments(glob: string): GlobToken[][] {
  const p = codePoints(glob);
  const segments: GlobToken[][] = [[]];
  let seg = segments[0];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === 0x2a /* * */) {
      seg = [];
      segments[segments.length] = seg;
    } else if (c === 0x3f /* ? */) seg[seg.length] = { kind: "any" };
    else if (c === 0x5b /* [ */) {
      // SQLite: `]` right after `[` (or `[^`) is a member; no closing `]`: a literal `[`.
      let j = i + 1;
      const negate = p[j] === 0x5e; /* ^ */
      if (negate) j++;
      let close = -1;
      for (let q = j + 1; q < p.length; q++) {
        if (p[q] === 0x5d) {
          close = q;
          break;
        }
      }
      if (close < 0 || j >= p.length) {
        seg[seg.length] = { kind: "char", cp: c };
        continue;
      }
      const ranges: number[] = [];
      for (let q = j; q < close; q++) {
        if (p[q + 1] === 0x2d /* - */ && q + 2 < close) {
          ranges[ranges.length] = p[q];
          ranges[ranges.length] = p[q + 2];
          q += 2;
        } else {
          ranges[ranges.length] = p[q];
          ranges[ranges.length] = p[q];
        }
      }
      seg[seg.length] = { kind: "class", negate, ranges };
      i = close;
    } else seg[seg.length] = { kind: "char", cp: c };
  }
  return segments;
}

function tokenMatches(t: GlobToken, cp: number): boolean {
  if (t.kind === "any") return true;
  if (t.kind === "char") return t.cp === cp;
  let inside = false;
  for (let r = 0; r < t.ranges.length && !inside; r += 2) inside = cp >= t.ranges[r] && cp <= t.ranges[r + 1];
  return inside !== t.negate;
}

/** Whether `seg` matches `text` at `at` (each token one code point). */
function segmentAt(seg: GlobToken[], text: number[], at: number): boolean {
  if (at + seg.length > text.length) return false;
  for (let i = 0; i < seg.length; i++) if (!tokenMatches(seg[i], text[at + i])) return false;
  return true;
}

/**
 * A SQLite GLOB pattern as a matcher of whole strings: `*`, `?`, `[abc]`, `[a-z]`, `[^abc]`,
 * case-sensitive. No regular expression: the pattern's segments between `*`s are matched in order,
 * each at its leftmost place (which is always a right choice when every other token takes one
 * character), so a search costs at most the input's length times the pattern's. A RegExp of
 * `[\s\S]*` per star backtracked exponentially: a history_request searching `***…x` (10,000 stars)
 * held the kernel's main thread for good.
 *
 * @example
 * globMatcher("np.*(?)").test("np.zeros(3)"); // true
 */
export function globMatcher(glob: string): { test(s: string): boolean } {
  const segments = globSegments(glob);
  const first = segments[0];
  const last = segments[segments.length - 1];
  return {
    test(s: string): boolean {
      const text = codePoints(s);
      if (segments.length === 1) return first.length === text.length && segmentAt(first, text, 0);
      if (first.length + last.length > text.length) return false;
      if (!segmentAt(first, text, 0)) return false;
      const end = text.length - last.length;
      if (!segmentAt(last, text, end)) return false;
      let at = first.length;
      for (let k = 1; k < segments.length - 1; k++) {
        const seg = segments[k];
        let found = -1;
        for (let i = at; i + seg.length <= end; i++) {
          if (segmentAt(seg, text, i)) {
            found = i;
            break;
          }
        }
        if (found < 0) return false;
        at = found + seg.length;
      }
      return true;
    },
  };
}

export class History {
  private readonly entries: { line: number; input: string }[] = [];

  /** Records the input of cell number `line`. */
  add(line: number, input: string): void {
    this.entries.push({ line, input });
  }

  /** The last `n` entries. */
  tail(n: number, output: boolean): HistoryEntry[] {
    return this.format(n > 0 ? this.entries.slice(-n) : [], output);
  }

  /** Lines `start` (inclusive) to `stop` (exclusive; null or 0 = to the end) of `session`. */
  range(session: number, start: number, stop: number | null, output: boolean): HistoryEntry[] {
    if (session !== 0 && session !== HISTORY_SESSION) return [];
    return this.format(this.entries.filter((e) => e.line >= start && (stop === null || stop <= 0 || e.line < stop)), output);
  }

  /** Inputs matching the glob `pattern`; the last `n` of them when n is given (null = all). */
  search(pattern: string, n: number | null, unique: boolean, output: boolean): HistoryEntry[] {
    const re = globMatcher(pattern);
    let hits = this.entries.filter((e) => re.test(e.input));
    if (unique) {
      const last = new Map<string, number>();
      hits.forEach((e, i) => last.set(e.input, i));
      hits = hits.filter((e, i) => last.get(e.input) === i);
    }
    if (n !== null && n > 0) hits = hits.slice(-n);
    return this.format(hits, output);
  }

  private format(es: { line: number; input: string }[], output: boolean): HistoryEntry[] {
    return es.map((e): HistoryEntry => (output ? [HISTORY_SESSION, e.line, [e.input, null]] : [HISTORY_SESSION, e.line, e.input]));
  }
}
