/**
 * A cell's lines as the debugger needs them: the user's line (1-based, as typed in the cell) of
 * a position in the emitted JavaScript, and the first emitted position of a user line.
 *
 * Rule: `segments[g]` lists the source-map segments of generated line g as
 * [generated column, user line (0-based), user column (0-based)], in column order (the cell's
 * source map, already composed with the magics' and the NumPy-syntax rewrite's line maps). A
 * breakpoint on user line L binds at the smallest generated (line, column) whose segment maps to
 * L - 1; a line that no segment maps to (blank, a comment, a type-only declaration) moves to the
 * next line that has code, as debuggers do, and says so in the breakpoint's reply.
 * Cost: O(segments) to index, O(1) per lookup of a line, O(segments on a line) per position.
 */

/** [generated column, user line, user column], 0-based. */
export type Segment = [number, number, number];

export class CellLines {
  /** user line (0-based) -> first generated [line, column]. */
  private readonly firstGenerated = new Map<number, [number, number]>();
  private readonly maxUserLine: number;

  constructor(private readonly segments: readonly (readonly Segment[])[]) {
    let max = -1;
    segments.forEach((segs, g) => {
      for (const [col, line] of segs) {
        max = Math.max(max, line);
        const seen = this.firstGenerated.get(line);
        if (!seen || g < seen[0] || (g === seen[0] && col < seen[1])) this.firstGenerated.set(line, [g, col]);
      }
    });
    this.maxUserLine = max;
  }

  /**
   * Where a breakpoint on user line `line` (1-based) binds: the emitted position (0-based) and the
   * user line it really stops on (the next line with code when `line` has none), or null past the end.
   *
   * @example
   * new CellLines([[[0, 0, 0]], [[2, 2, 2]]]).breakpoint(2) // { generated: [1, 2], line: 3 }
   */
  breakpoint(line: number): { generated: [number, number]; line: number } | null {
    for (let l = Math.max(0, line - 1); l <= this.maxUserLine; l++) {
      const g = this.firstGenerated.get(l);
      if (g) return { generated: g, line: l + 1 };
    }
    return null;
  }

  /**
   * The user's line and column (1-based) of an emitted position (0-based). A generated line that
   * maps to nothing the user typed (code the kernel added) gives the last user position before
   * it; null only before the first.
   *
   * @example
   * new CellLines([[[0, 0, 0], [8, 0, 4]]]).user(0, 9) // { line: 1, column: 6 }
   */
  user(line: number, column: number): { line: number; column: number } | null {
    let segs = this.segments[line];
    if (!segs || segs.length === 0) {
      // Code the kernel added after a statement (the cell's result capture): the user's last position before it.
      for (let g = Math.min(line, this.segments.length) - 1; g >= 0; g--) {
        const prev = this.segments[g];
        if (prev && prev.length > 0) {
          const last = prev[prev.length - 1];
          return { line: last[1] + 1, column: last[2] + 1 };
        }
      }
      return null;
    }
    let best = segs[0];
    for (const s of segs) {
      if (s[0] <= column) best = s;
      else break;
    }
    const extra = best[0] <= column ? column - best[0] : 0;
    return { line: best[1] + 1, column: best[2] + extra + 1 };
  }
}
