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
  // An old cell's map may be gone (run/cell-maps.ts keeps a bounded number): say so, by its run number (its In [n] went with the map).
  const where = !entry ? `cell run ${cell}: its line map is no longer kept` : pos ? `Cell [${name}], line ${entry.mapLine(pos.line) + 1}, column ${pos.column + 1}` : `Cell [${name}]`;
  return frame.replace(/\(?strided-cell-\d+\.js:\d+:\d+\)?/, `(${where})`).replace(/^\s*at \(/, "    at <cell> (");
}

/** A stack line: a frame, or the note foldRepeats leaves (kept when a stack is read again). */
const FRAME_LINE = /^\s+(?:at |\[Previous line repeated )/;
const REPEAT_NOTE = /^\s+\[Previous line repeated (\d+) more times?\]$/;

/**
 * Python's rule for recursion: a frame repeated more than 3 times in a row shows 3 times, then
 * `[Previous line repeated N more times]`. A note already there (a stack read twice) adds its count.
 *
 * @example
 * foldRepeats(["  at r (Cell [1])", "  at r (Cell [1])", "  at r (Cell [1])", "  at r (Cell [1])", "  at r (Cell [1])"])
 * // ["  at r (Cell [1])", "  at r (Cell [1])", "  at r (Cell [1])", "    [Previous line repeated 2 more times]"]
 */
export function foldRepeats(frames: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < frames.length; ) {
    let j = i + 1;
    let extra = 0;
    for (;;) {
      if (j < frames.length && frames[j] === frames[i]) j++;
      else {
        const note = j < frames.length ? REPEAT_NOTE.exec(frames[j]) : null;
        if (note === null) break;
        extra += Number(note[1]);
        j++;
      }
    }
    const count = j - i - (extra > 0 ? 1 : 0) + extra; // frames in the run, notes counted by what they stood for
    const shown = Math.min(count, 3);
    for (let k = 0; k < shown; k++) out[out.length] = frames[i];
    if (count > 3) out[out.length] = `    [Previous line repeated ${count - 3} more time${count - 3 === 1 ? "" : "s"}]`;
    i = j;
  }
  return out;
}

/** `obj[key]`, or undefined when reading it throws (a getter or a proxy trap of the cell's). */
function read(obj: unknown, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Text of a value that may refuse to become text (a `toString` that throws): `fallback` then. */
function text(v: unknown, fallback: string): string {
  try {
    return typeof v === "string" ? v : String(v);
  } catch {
    return fallback;
  }
}

/** ename, evalue and traceback of a thrown value. Never throws, whatever the cell threw (getters, proxies, toString). */
export function describeThrown(thrown: unknown, maps: CellMaps): { ename: string; evalue: string; traceback: string[] } {
  let errorLike = false;
  try {
    errorLike = thrown instanceof Error || (!!thrown && typeof thrown === "object" && "stack" in thrown && "message" in thrown);
  } catch {
    errorLike = false; // a proxy's trap threw
  }
  if (errorLike) {
    const name = read(thrown, "name");
    const ename = (name ? text(name, "") : "") || text(read(read(thrown, "constructor"), "name") ?? "", "") || "Error";
    let evalue: string;
    try {
      evalue = text((thrown as { message?: unknown }).message, "<the error's message could not be shown>");
    } catch (e) {
      evalue = `<reading the error's message threw: ${text(read(e, "message") ?? e, "?")}>`;
    }
    const lines = text(read(thrown, "stack") ?? "", "").split("\n");
    const frames = foldRepeats(collapseRuntimeFrames(lines.filter((l) => FRAME_LINE.test(l)).map((l) => mapFrame(l, maps)).filter((l): l is string => l !== undefined)));
    return { ename, evalue, traceback: [`\x1b[31m${ename}\x1b[0m: ${evalue}`, ...frames] };
  }
  let evalue: string;
  try {
    evalue = typeof thrown === "string" ? thrown : inspect(thrown);
  } catch {
    evalue = "<a value that could not be shown>";
  }
  let ename: string;
  try {
    ename = thrown === null ? "null" : typeof thrown === "object" ? text((thrown as { constructor?: { name?: unknown } }).constructor?.name ?? "Object", "Object") : typeof thrown;
  } catch {
    ename = "Object";
  }
  return { ename: `Uncaught ${ename}`, evalue, traceback: [`\x1b[31mUncaught\x1b[0m ${evalue}`] };
}


/**
 * A stack as V8 formats it -> the same frames a traceback shows: cell frames at the line and
 * column typed, kernel frames dropped, runtime frames collapsed to the function the user called.
 * The header (`Error: message`, possibly several lines) is kept. Idempotent: a rewritten stack
 * comes back the same, so describeThrown can read a stack this already rewrote.
 *
 * @example
 * rewriteStack("Error: x\n    at strided-cell-3.js:1:7\n    at Session.post (node:inspector:1:1)", maps) // "Error: x\n    at <cell> (Cell [3], line 1, column 7)"
 */
export function rewriteStack(stack: string, maps: CellMaps): string {
  const lines = stack.split("\n");
  let first = 0;
  while (first < lines.length && !FRAME_LINE.test(lines[first])) first++;
  const frames: string[] = [];
  for (let i = first; i < lines.length; i++) {
    if (!FRAME_LINE.test(lines[i])) continue;
    const mapped = mapFrame(lines[i], maps);
    if (mapped !== undefined) frames[frames.length] = mapped;
  }
  const out = lines.slice(0, first);
  const collapsed = foldRepeats(collapseRuntimeFrames(frames));
  for (let i = 0; i < collapsed.length; i++) out[out.length] = collapsed[i];
  return out.join("\n");
}
