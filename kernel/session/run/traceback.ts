/**
 * A thrown value -> Jupyter's ename, evalue and traceback.
 * Frames in cells (sourceURL `strided-cell-N.js`) are mapped through that cell's source map to
 * the line and column the user typed; kernel-internal frames (kernel/, node:internal, the
 * inspector) are dropped, and each run of the runtime's own frames becomes the one public function
 * the user called (`at np.reshape (strided runtime)`, run/runtime-frames.ts). Non-Error values (`throw 42`) work too.
 */
import { inspect } from "node:util";
import type { SourceMap } from "./sourcemap.js";
import { SESSION_DIR } from "../paths.js";
import { collapseRuntimeFrames } from "./runtime-frames.js";
import path from "node:path";
import { Promise, Error, String, Number } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** The sourceURL a cell's script is evaluated under. */
export function cellUrl(cell: number): string {
  return `strided-cell-${cell}.js`;
}

const KERNEL_DIR = path.dirname(SESSION_DIR);
const CELL_FRAME = /strided-cell-(\d+)\.js:(\d+):(\d+)/;

/** Source maps of the cells run so far, by cell number, plus how each cell's lines map back. */
export interface CellMaps {
  get(cell: number): { map: SourceMap; mapLine: (line0: number) => number; label?: number } | undefined;
}

function mapFrame(frame: string, maps: CellMaps): string | undefined {
  const m = CELL_FRAME.exec(frame);
  if (!m) {
    if (frame.includes("strided-run") || frame.includes("strided-scope") || frame.includes("node:async_hooks") || frame.includes("node:internal") || frame.includes("node:inspector") || frame.includes(KERNEL_DIR) || frame.includes("node:vm")) return undefined;
    if (/^\s*at (new Promise|Session\.post|Script\.runInThisContext|Object\.runInThisContext) /.test(frame)) return undefined;
    return frame;
  }
  const cell = Number(m[1]);
  const entry = maps.get(cell);
  const pos = entry?.map.lookup(Number(m[2]) - 1, Number(m[3]) - 1);
  // named by the execution count the front end showed (In [n]); the internal number when unknown
  const name = entry?.label ?? cell;
  const where = pos ? `Cell [${name}], line ${entry!.mapLine(pos.line) + 1}, column ${pos.column + 1}` : `Cell [${name}]`;
  return frame.replace(/\(?strided-cell-\d+\.js:\d+:\d+\)?/, `(${where})`).replace(/^\s*at \(/, "    at <cell> (");
}

/** ename, evalue and traceback of a thrown value. */
export function describeThrown(thrown: unknown, maps: CellMaps): { ename: string; evalue: string; traceback: string[] } {
  if (thrown instanceof Error || (thrown && typeof thrown === "object" && "stack" in thrown && "message" in thrown)) {
    const e = thrown as Error;
    const ename = e.name || e.constructor?.name || "Error";
    const evalue = String(e.message);
    const lines = String(e.stack ?? "").split("\n");
    const frames = collapseRuntimeFrames(lines.filter((l) => /^\s+at /.test(l)).map((l) => mapFrame(l, maps)).filter((l): l is string => l !== undefined));
    return { ename, evalue, traceback: [`\x1b[31m${ename}\x1b[0m: ${evalue}`, ...frames] };
  }
  const evalue = typeof thrown === "string" ? thrown : inspect(thrown);
  const ename = thrown === null ? "null" : typeof thrown === "object" ? (thrown.constructor?.name ?? "Object") : typeof thrown;
  return { ename: `Uncaught ${ename}`, evalue, traceback: [`\x1b[31mUncaught\x1b[0m ${evalue}`] };
}
