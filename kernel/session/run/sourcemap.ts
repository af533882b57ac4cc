/**
 * A source map (version 3) reader: generated (line, column) -> source (line, column), all 0-based.
 * Mappings are Base64 VLQ segments [genColumn, source, srcLine, srcColumn] with deltas
 * (https://sourcemaps.info/spec.html). Cost: O(mappings) to parse, O(log segments) per lookup.
 */
import { Map, Error, JSON } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** Decode one segment's VLQ numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`invalid base64 digit ${JSON.stringify(c)} in source map segment ${JSON.stringify(segment)}`);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** [generated column, source line, source column] per segment, per generated line. */
type Line = [number, number, number][];

export class SourceMap {
  private constructor(private readonly lines: Line[]) {}

  /** Parse a source map's JSON text (an empty text gives an identity-less map). */
  static parse(json: string): SourceMap {
    if (!json) return new SourceMap([]);
    const raw = JSON.parse(json) as { mappings?: string };
    const lines: Line[] = [];
    let srcLine = 0;
    let srcCol = 0;
    for (const lineText of (raw.mappings ?? "").split(";")) {
      const line: Line = [];
      let genCol = 0;
      if (lineText)
        for (const seg of lineText.split(",")) {
          const v = decodeVlq(seg);
          genCol += v[0];
          if (v.length >= 4) {
            srcLine += v[2];
            srcCol += v[3];
            line.push([genCol, srcLine, srcCol]);
          }
        }
      lines.push(line);
    }
    return new SourceMap(lines);
  }

  /** The same map with every source position passed through `to` (a rewrite of the source that keeps its lines, e.g. syntax/check.ts). */
  remap(to: (line: number, column: number) => { line: number; column: number }): SourceMap {
    return new SourceMap(this.lines.map((segs) => segs.map(([g, l, c]): [number, number, number] => {
      const p = to(l, c);
      return [g, p.line, p.column];
    })));
  }

  /**
   * Every segment as [generated column, source line, source column] per generated line, with
   * source lines passed through `mapLine` (plain data: it crosses to the debugger's thread).
   */
  segments(mapLine: (line0: number) => number = (l) => l): [number, number, number][][] {
    return this.lines.map((segs) => segs.map(([g, l, c]): [number, number, number] => [g, mapLine(l), c]));
  }

  /** The source position of a generated one (0-based), or undefined when nothing maps there. */
  lookup(line: number, column: number): { line: number; column: number } | undefined {
    const segs = this.lines[line];
    if (!segs || !segs.length) return undefined;
    let best = segs[0];
    for (const s of segs) {
      if (s[0] <= column) best = s;
      else break;
    }
    // Within the segment, columns advance one to one (good enough for a single-token offset).
    const extra = best[0] <= column ? column - best[0] : 0;
    return { line: best[1], column: best[2] + extra };
  }
}
