/**
 * The notebook's pending timers, immediates and intervals, so that an interrupt can cancel them.
 *
 * Hard rule: an interrupt stops every callback of the notebook that is waiting to run
 * (`setTimeout`, `setImmediate`, `setInterval` of any cell, whether a cell still runs or not),
 * and says so on the stderr of the cell that scheduled it; the kernel's own timers are never
 * touched (it schedules through primordials.ts's captured functions, never these).
 *
 * Why: a callback that re-arms itself (`const f = () => setImmediate(f); f();`, a timer chain, an
 * interval, `for (;;) await new Promise((r) => setTimeout(r, 0))`) returns to the event loop
 * after every turn, so the kernel reads the interrupt at once and the transport's forced
 * termination (run/terminate.ts) never fires; without this the loop ran on after the interrupt,
 * for good. An interrupted cell that awaited a timer no longer resumes when it fires either.
 *
 * How: the globals a cell calls (and `node:timers`' exports) are thin wrappers that record the
 * handle Node returns, with the cell whose code scheduled it (the async context's cell). A handle
 * that has run or was cleared is dropped lazily (Node marks it `_destroyed`), so a flood of
 * immediates keeps the table small. The callback itself is not wrapped: the notebook's frames
 * stay the notebook's (tracebacks, the forced interrupt's check). `timers/promises` waits are
 * recorded and cancelled by run/timer-promises.ts (its timers are made inside Node) and reported
 * here with the callbacks.
 */
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { currentCell, type CellContext } from "./context.js";
import { cancelTimerPromises, installTimerPromises, type TimerPromiseKind } from "./timer-promises.js";
import { adoptBuiltin, clearInterval, clearTimeout, globalThisRef, Map, Object, Reflect, setImmediate, setInterval, setTimeout } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

const clearImmediate = globalThisRef.clearImmediate;

/** What kind of callback a handle is, as the user wrote it (or a `timers/promises` wait). */
export type TimerKind = "setTimeout" | "setImmediate" | "setInterval" | TimerPromiseKind;
/** The kinds in the order a message lists them. */
const KINDS: TimerKind[] = ["setTimeout", "setImmediate", "setInterval", "timers/promises setTimeout", "timers/promises setImmediate", "timers/promises setInterval", "scheduler.wait", "scheduler.yield"];

/** The callbacks an interrupt cancelled, for one cell. */
export interface Cancelled {
  cell: CellContext | undefined;
  /** How many of each kind (kinds absent: none). */
  counts: Partial<Record<TimerKind, number>>;
}

/** Node's Timeout and Immediate objects: `_destroyed` once run or cleared; a Timeout in a timer list has `_idlePrev`. */
interface NodeHandle {
  _destroyed?: boolean;
  _idlePrev?: unknown;
}

interface Entry {
  kind: "setTimeout" | "setImmediate" | "setInterval";
  cell: CellContext | undefined;
}

const pending = new Map<NodeHandle, Entry>();
// The schedulers' path runs inside the notebook's code: Map.prototype.set as the kernel loaded it (a cell may patch it).
const mapSet = Function.prototype.call.bind(Map.prototype.set) as (m: Map<NodeHandle, Entry>, k: NodeHandle, v: Entry) => Map<NodeHandle, Entry>;
/** Sweep the table of handles that ran once it holds this many more than after the last sweep. */
const SWEEP_EVERY = 1024;
let sweepAt = SWEEP_EVERY;

/**
 * Whether Node will still run `h`. A Timeout that is not in a timer list will not: a callback the
 * forced interrupt terminated is taken off its list before it ran and never put back (its
 * `finally` never ran), and it has been reported as stopped already.
 */
function waiting(h: NodeHandle, kind: Entry["kind"]): boolean {
  if (h._destroyed === true) return false;
  if (kind !== "setImmediate" && "_idlePrev" in h && h._idlePrev == null) return false;
  return true;
}

function sweep(): void {
  for (const [h, e] of pending) if (!waiting(h, e.kind)) pending.delete(h);
  sweepAt = pending.size + SWEEP_EVERY;
}

function track(h: unknown, kind: Entry["kind"]): void {
  if (h === null || typeof h !== "object") return;
  mapSet(pending, h as NodeHandle, { kind, cell: currentCell() });
  if (pending.size >= sweepAt) sweep();
}

type Scheduler = (...args: never[]) => unknown;

/** A wrapper of Node's `real` that records the handle it returns; it keeps `real`'s name, length and promisified form. */
function recording(real: Scheduler, kind: Entry["kind"]): Scheduler {
  const wrapper = {
    [kind](this: unknown, ...args: unknown[]): unknown {
      const h = Reflect.apply(real, this, args);
      track(h, kind);
      return h;
    },
  }[kind];
  Object.defineProperty(wrapper, "length", { value: real.length });
  const custom = (real as unknown as Record<symbol, unknown>)[promisify.custom];
  if (custom !== undefined) Object.defineProperty(wrapper, promisify.custom, { value: custom, configurable: true, enumerable: false, writable: true });
  return wrapper as Scheduler;
}

let installed = false;

/**
 * Make the notebook's `setTimeout`, `setImmediate`, `setInterval` (globals and `node:timers`)
 * record what they schedule. Once, before the first cell; the kernel keeps the originals.
 *
 * @example
 * installTimerRegistry(); setImmediate(() => {}); cancelNotebookTimers() // [{ cell: undefined, counts: { setImmediate: 1, ... } }]
 */
export function installTimerRegistry(): void {
  if (installed) return;
  installed = true;
  const wrappers: [Entry["kind"], Scheduler][] = [
    ["setTimeout", recording(setTimeout as unknown as Scheduler, "setTimeout")],
    ["setImmediate", recording(setImmediate as unknown as Scheduler, "setImmediate")],
    ["setInterval", recording(setInterval as unknown as Scheduler, "setInterval")],
  ];
  const timersModule = createRequire(__filename)("node:timers") as Record<string, unknown>;
  for (const [name, wrapper] of wrappers) {
    Object.defineProperty(globalThisRef, name, { value: wrapper, configurable: true, enumerable: true, writable: true });
    adoptBuiltin(globalThisRef, name); // the kernel's windows (primordials.ts) see it as the built-in, not as a cell's patch
    if (timersModule[name] === (name === "setTimeout" ? setTimeout : name === "setImmediate" ? setImmediate : setInterval)) timersModule[name] = wrapper;
  }
  installTimerPromises(); // run/timer-promises.ts: `timers/promises`' exports
  // `import { setImmediate } from "node:timers"` reads the ES module's copy of the exports (also `timers/promises`').
  (createRequire(__filename)("node:module") as { syncBuiltinESMExports(): void }).syncBuiltinESMExports();
}

/**
 * Cancel every timer, immediate and interval of the notebook still waiting to run; what was
 * cancelled, per cell (the cells in the order they scheduled first). Never throws.
 *
 * @example
 * setInterval(() => {}, 1000); cancelNotebookTimers() // [{ cell, counts: { setTimeout: 0, setImmediate: 0, setInterval: 1 } }]
 */
export function cancelNotebookTimers(): Cancelled[] {
  const byCell = new Map<CellContext | undefined, Cancelled>();
  const count = (cell: CellContext | undefined, kind: TimerKind): void => {
    let c = byCell.get(cell);
    if (c === undefined) {
      c = { cell, counts: {} };
      byCell.set(cell, c);
    }
    c.counts[kind] = (c.counts[kind] ?? 0) + 1;
  };
  for (const [h, e] of pending) {
    try {
      if (!waiting(h, e.kind)) continue;
      if (e.kind === "setImmediate") clearImmediate(h as NodeJS.Immediate);
      else if (e.kind === "setInterval") clearInterval(h as NodeJS.Timeout);
      else clearTimeout(h as NodeJS.Timeout);
    } catch {
      continue; // a handle a cell tampered with: nothing to cancel
    }
    count(e.cell, e.kind);
  }
  const waits = cancelTimerPromises();
  for (let i = 0; i < waits.length; i++) count(waits[i].cell, waits[i].kind);
  pending.clear();
  sweepAt = SWEEP_EVERY;
  const out: Cancelled[] = [];
  for (const c of byCell.values()) out[out.length] = c;
  return out;
}

/**
 * How cancelled callbacks read in a KeyboardInterrupt message: "1 pending setImmediate callback",
 * "3 pending callbacks (2 setTimeout, 1 setInterval)".
 *
 * @example
 * describeCancelled({ setTimeout: 2, setImmediate: 0, setInterval: 1 }) // "3 pending callbacks (2 setTimeout, 1 setInterval)"
 * describeCancelled({ "timers/promises setInterval": 1 }) // "1 pending timers/promises setInterval callback"
 */
export function describeCancelled(counts: Partial<Record<TimerKind, number>>): string {
  const present: TimerKind[] = [];
  let total = 0;
  for (let i = 0; i < KINDS.length; i++) {
    const n = counts[KINDS[i]] ?? 0;
    if (n === 0) continue;
    present[present.length] = KINDS[i];
    total += n;
  }
  if (present.length === 1) return `${total} pending ${present[0]} callback${total === 1 ? "" : "s"}`;
  let parts = "";
  for (let i = 0; i < present.length; i++) parts += `${i === 0 ? "" : ", "}${counts[present[i]] ?? 0} ${present[i]}`;
  return `${total} pending callbacks (${parts})`;
}
