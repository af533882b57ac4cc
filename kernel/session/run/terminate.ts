/**
 * The main thread's half of a forced interrupt (kernel/transport/terminator.ts has the other):
 * the agent worker has paused the main thread, which ignored an interrupt for a second, and
 * asks `terminationVerdict()` (evaluated on the main thread, inside the pause) whether the code
 * that runs may be terminated.
 *
 * Rule: terminate only the notebook's code. The paused stack (below this check's own frames)
 * must hold at least one frame of the notebook (a cell, a module it imported, the runtime) and
 * none of the kernel's (kernel/, TypeScript, the in-process inspector that runs cells, the
 * `vm` call around a cell's synchronous part, which breakOnSigint stops by itself). Node's own
 * frames (timers, the tick queue, event emitters, streams) are unwound by the termination, as
 * by an exception.
 *
 * Before saying "terminate" the main thread is readied, because a terminated callback never
 * runs its `finally` blocks or async hooks:
 * - Node's async-id stack is cleared now (otherwise Node aborts the process with "async hook
 *   stack has become corrupted" when the native callback scope around the callback closes;
 *   with an empty stack that check is skipped, as after an uncaught exception);
 * - `process.nextTick` callbacks queued by cells are dropped (a tick loop would otherwise resume
 *   at the next callback scope); V8 drops the pending microtasks itself.
 * What was stopped (the cell whose callback it was, and which kind) is kept for the report.
 *
 * Every global this file uses is captured when it loads, before any cell can rebind or patch it.
 */
import path from "node:path";
import { SESSION_DIR } from "../paths.js";
import { currentCell, type CellContext } from "./context.js";

const KERNEL_DIR = path.dirname(SESSION_DIR);
/** The script name of run/interruptible.ts's windows. */
export const INTERRUPTIBLE_SCRIPT = "strided-interruptible";
const THIS_FILE = __filename;
/**
 * Thin layers the event loop runs around the notebook's callbacks, which hold no kernel state a
 * termination could leave half-done: the async hook that puts Node's built-ins back after every
 * callback (run/node-guard.ts) and the leaf helpers it calls (primordials.ts; real kernel work
 * that calls them has its own kernel frames on the stack).
 */
const GUARD_FILES = [path.join(path.dirname(THIS_FILE), "node-guard.js"), path.join(KERNEL_DIR, "primordials.js")];
const OriginalError = Error;
const originalNextTick = process.nextTick;
const proc = process;
const reflectApply = Reflect.apply;
const stringStartsWith = Function.prototype.call.bind(String.prototype.startsWith) as (s: string, p: string) => boolean;
const stringIncludes = Function.prototype.call.bind(String.prototype.includes) as (s: string, p: string) => boolean;
const regexpExec = Function.prototype.call.bind(RegExp.prototype.exec) as (r: RegExp, s: string) => RegExpExecArray | null;
const stringSplit = Function.prototype.call.bind(String.prototype.split) as (s: string, sep: string) => string[];

interface AsyncWrapBinding {
  clearAsyncIdStack(): void;
}

function asyncWrap(): AsyncWrapBinding | null {
  const p = proc as unknown as { binding?: (name: string) => Partial<AsyncWrapBinding>; noDeprecation?: boolean };
  const quiet = p.noDeprecation;
  try {
    p.noDeprecation = true; // process.binding warns once; this use is deliberate
    const b = p.binding?.("async_wrap");
    return b && typeof b.clearAsyncIdStack === "function" ? (b as AsyncWrapBinding) : null;
  } catch {
    return null;
  } finally {
    p.noDeprecation = quiet;
  }
}

const asyncIds = asyncWrap();

/** What a forced interrupt stopped. */
export interface Stopped {
  /** The cell whose code (or callback) was stopped, when known. */
  cell: CellContext | undefined;
  /** "a timer callback", "a promise continuation or process.nextTick callback", "an event handler", "code after an await". */
  what: string;
}

let generation = 0;
let stopped: Stopped | null = null;

/**
 * `process.nextTick` for cells: the same, except that a forced interrupt drops the callbacks
 * already queued. Installed once by the session; the kernel itself keeps the original.
 *
 * @example
 * guardNextTick();
 * process.nextTick(() => console.log("runs unless an interrupt is forced first"));
 */
export function guardNextTick(): void {
  if ((proc.nextTick as { strided?: boolean }).strided) return;
  const guarded = function nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
    if (typeof callback !== "function") return originalNextTick(callback); // Node's own error
    const g = generation;
    originalNextTick(() => {
      if (g === generation) reflectApply(callback, undefined, args);
    });
  };
  Object.defineProperty(guarded, "strided", { value: true });
  proc.nextTick = guarded as typeof process.nextTick;
}

type Kind = "kernel" | "node" | "notebook" | "check";

function kindOf(location: string): Kind {
  if (location === THIS_FILE) return "node"; // the nextTick guard's closure: a thin wrapper around the cell's callback
  if (location === GUARD_FILES[0] || location === GUARD_FILES[1]) return "node";
  if (stringStartsWith(location, "node:inspector") || stringStartsWith(location, KERNEL_DIR) || stringIncludes(location, "/node_modules/typescript/")) return "kernel";
  if (location === "strided-run" || location === "strided-scope" || location === "user-expression" || stringStartsWith(location, "node:vm")) return "kernel";
  if (stringStartsWith(location, "node:")) return "node";
  if (location === "<anonymous>" || location === "") return "check";
  return "notebook";
}

/** The script of each frame of the current stack, innermost first (V8's formatted stack, parsed). */
function stackLocations(): string[] {
  const E = OriginalError as ErrorConstructor & { stackTraceLimit: number };
  const limit = E.stackTraceLimit;
  E.stackTraceLimit = 200;
  const holder: { stack?: string } = {};
  try {
    E.captureStackTrace(holder);
  } finally {
    E.stackTraceLimit = limit;
  }
  const out: string[] = [];
  for (const line of stringSplit(String(holder.stack ?? ""), "\n")) {
    const m = regexpExec(/^\s+at (?:.*? \()?(?:async )?(.*?)(?::\d+:\d+)?\)?$/, line);
    if (m) out[out.length] = m[1];
  }
  return out;
}

function describe(locations: string[]): string {
  const outermost = locations[locations.length - 1] ?? "";
  if (stringIncludes(outermost, "node:internal/timers")) return "a timer callback";
  if (stringIncludes(outermost, "node:internal/process/task_queues")) return "a promise continuation or process.nextTick callback";
  if (locations.length > 0 && regexpExec(/strided-cell-\d+\.js/, outermost)) return "code after an await";
  return "an event handler";
}

/**
 * Evaluated on the paused main thread by the agent worker: "terminate" when the notebook's
 * code runs and none of the kernel's (the main thread is then readied for it), "kernel" or
 * "idle" when it must not be, "signal" when the main thread is inside an interruptible window
 * (run/interruptible.ts), which a SIGINT stops.
 *
 * @example
 * terminationVerdict() // "idle" (called with nothing else on the stack)
 */
export function terminationVerdict(): "terminate" | "kernel" | "idle" | "signal" {
  const all = stackLocations();
  // Drop this check's own frames: this file, then the evaluated expression (no script name).
  let i = 0;
  while (i < all.length && kindOf(all[i]) !== "check") i++;
  const below = all.slice(i + 1);
  // Inside an interruptible window (run/interruptible.ts) everything may be stopped by a SIGINT:
  // the interrupt's own signal was taken by an earlier window (the inspector formatting the
  // thrown error's stack), so the agent sends another.
  for (let j = 0; j < below.length; j++) if (below[j] === INTERRUPTIBLE_SCRIPT) return "signal";
  let notebook = false;
  for (const loc of below) {
    const k = kindOf(loc);
    if (k === "kernel") return "kernel";
    if (k === "notebook") notebook = true;
  }
  if (!notebook) return "idle";
  stopped = { cell: currentCell(), what: describe(below) };
  generation++;
  asyncIds?.clearAsyncIdStack();
  return "terminate";
}

/** What the last forced interrupt stopped, once (null when nothing was terminated since). */
export function takeStopped(): Stopped | null {
  const s = stopped;
  stopped = null;
  return s;
}
