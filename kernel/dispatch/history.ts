/**
 * The kernel's own input history for this session, answering history_request the way IPython's
 * HistoryManager does (messaging spec, "History"): entries are [session, line, input], lines
 * count from 1, `range` takes start inclusive and stop exclusive, `search` matches a glob
 * (SQLite GLOB: `*`, `?`, `[abc]`, `[^abc]`, case-sensitive, whole input) and with `unique`
 * keeps the latest of equal inputs. Session 0 (or this session's number) means this session;
 * earlier sessions are not kept, so they answer with no entries.
 */
import { Map, RegExp } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

export type HistoryEntry = [session: number, line: number, input: string] | [session: number, line: number, io: [string, null]];

/** This session's number in history entries. */
export const HISTORY_SESSION = 1;

/**
 * Turns a SQLite GLOB pattern into a RegExp matching the whole string (no code from strings:
 * the pattern is escaped character by character).
 *
 * @example
 * globToRegExp("np.*(?)").test("np.zeros(3)"); // true
 */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) {
        re += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith("^");
      if (negate) body = body.slice(1);
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&").replace(/^\^/, "\\^")}]`;
      i = close;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
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
    const re = globToRegExp(pattern);
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
