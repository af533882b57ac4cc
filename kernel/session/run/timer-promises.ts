/**
 * The notebook's pending `timers/promises` waits (`setTimeout`, `setImmediate`, the async iterator
 * of `setInterval`, `scheduler.wait`, `scheduler.yield`), so that an interrupt cancels them as
 * run/timers.ts cancels the callback timers.
 *
 * Hard rule: an interrupt cancels every `timers/promises` wait of the notebook still pending, and
 * the promise the notebook awaits then never settles, as a cancelled `setTimeout`'s callback never
 * runs: `for await (const _ of setInterval(10)) { ... }` and `while (true) { await sleep(0); ... }`
 * (awaited by a cell or started without awaiting) stop where they wait, with no exception thrown
 * into the notebook's code (its catch and finally blocks do not run, as for a cancelled timer).
 * A wait ended by the notebook's own AbortSignal rejects as Node's does (AbortError, its reason as
 * cause); the kernel's own waits never go through these wrappers (it uses none).
 *
 * Why: such a loop returns to the event loop at every wait, so the kernel reads the interrupt at
 * once and the forced termination (run/terminate.ts) never fires; Node makes these timers inside
 * its own module, out of reach of the global `setTimeout` run/timers.ts records, so the loop ran
 * on after the interrupt, for good.
 *
 * How: the module's exports (one object for `timers/promises`, `node:timers/promises` and
 * `require("timers").promises`; the ES module view synced by run/timers.ts) are replaced by
 * wrappers that give Node an AbortSignal of the kernel's (following the notebook's own signal,
 * when it passed one) and hand back a promise of their own, recorded with the cell whose code
 * started the wait. Arguments Node would refuse (options that are no object, a signal that is no
 * AbortSignal, an aborted signal) go to Node untouched, so its errors are its own.
 */
import { createRequire } from "node:module";
import { currentCell, type CellContext } from "./context.js";
import { globalThisRef, Object, Promise, promiseThen, Reflect, Set } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** What kind of wait, as the notebook wrote it. */
export type TimerPromiseKind = "timers/promises setTimeout" | "timers/promises setImmediate" | "timers/promises setInterval" | "scheduler.wait" | "scheduler.yield";

/** One pending wait. */
interface Wait {
  kind: TimerPromiseKind;
  cell: CellContext | undefined;
  controller: AbortController;
  /** Set by an interrupt: the notebook's promise never settles. */
  cancelled: boolean;
  /** Stops following the notebook's own signal. */
  release: () => void;
}

/** The cancelled waits of one cell, by kind. */
export interface CancelledWaits {
  cell: CellContext | undefined;
  kind: TimerPromiseKind;
}

const pending = new Set<Wait>();
// These paths run inside the notebook's code: Set's methods as the kernel loaded them (a cell may patch them).
const setAdd = Function.prototype.call.bind(Set.prototype.add) as (s: Set<Wait>, w: Wait) => Set<Wait>;
const setDelete = Function.prototype.call.bind(Set.prototype.delete) as (s: Set<Wait>, w: Wait) => boolean;
/** Captured when the wrappers are installed, before any cell (a cell's `let AbortController = 1` hides the global). */
let KernelAbortController: typeof AbortController;
let KernelAbortSignal: typeof AbortSignal;
const never = (): Promise<never> => new Promise<never>(() => {});

/**
 * Start recording a wait: the options Node gets (the kernel's signal in them), or null when the
 * options are something Node refuses or an aborted signal (then Node answers as it would).
 */
function begin(kind: TimerPromiseKind, options: unknown): { wait: Wait; options: Record<string, unknown> } | null {
  if (options !== undefined && (options === null || typeof options !== "object")) return null;
  const given = options as Record<string, unknown> | undefined;
  const theirs = given?.signal;
  if (theirs !== undefined && !(theirs instanceof KernelAbortSignal)) return null;
  if (theirs !== undefined && theirs.aborted) return null;
  const controller = new KernelAbortController();
  let release = (): void => {};
  if (theirs !== undefined) {
    // The notebook's own abort reaches Node as if it had passed its signal: AbortError, its reason as cause.
    const follow = (): void => controller.abort(theirs.reason);
    theirs.addEventListener("abort", follow, { once: true });
    release = () => theirs.removeEventListener("abort", follow);
  }
  const wait: Wait = { kind, cell: currentCell(), controller, cancelled: false, release };
  return { wait, options: { ...given, signal: controller.signal } };
}

function end(w: Wait): void {
  setDelete(pending, w);
  w.release();
}

/** The notebook's promise for Node's `p`: settles as `p` does, never once the wait was cancelled. */
function settleUnlessCancelled<T>(w: Wait, p: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    promiseThen(
      p,
      (v) => {
        end(w);
        if (!w.cancelled) resolve(v);
      },
      (e) => {
        end(w);
        if (!w.cancelled) reject(e);
      },
    );
  });
}

type PromiseTimer = (...args: unknown[]) => Promise<unknown>;

/** A wrapper of Node's one-shot `real` whose options are argument `at`; keeps `real`'s name and length. */
function oneShot(real: PromiseTimer, kind: TimerPromiseKind, at: number, name: string): PromiseTimer {
  const wrapper = {
    [name](this: unknown, ...args: unknown[]): Promise<unknown> {
      const started = begin(kind, args[at]);
      if (started === null) return Reflect.apply(real, this, args) as Promise<unknown>;
      while (args.length <= at) args[args.length] = undefined;
      args[at] = started.options;
      let p: Promise<unknown>;
      try {
        p = Reflect.apply(real, this, args) as Promise<unknown>;
      } catch (e) {
        started.wait.release();
        throw e;
      }
      setAdd(pending, started.wait);
      return settleUnlessCancelled(started.wait, p);
    },
  }[name];
  Object.defineProperty(wrapper, "length", { value: real.length });
  return wrapper;
}

type IntervalTimer = (...args: unknown[]) => AsyncGenerator<unknown, void, unknown>;

/** A wrapper of Node's `setInterval` (an async generator): a wait from its first `next()` until it ends. */
function interval(real: IntervalTimer): IntervalTimer {
  const wrapper = {
    setInterval(this: unknown, ...args: unknown[]): AsyncGenerator<unknown, void, unknown> {
      const started = begin("timers/promises setInterval", args[2]);
      if (started === null) return Reflect.apply(real, this, args) as AsyncGenerator<unknown, void, unknown>;
      const w = started.wait;
      const it = Reflect.apply(real, this, [args[0], args[1], started.options]) as AsyncGenerator<unknown, void, unknown>;
      return (async function* setInterval(): AsyncGenerator<unknown, void, unknown> {
        setAdd(pending, w);
        try {
          for (;;) {
            if (w.cancelled) await never();
            let r: IteratorResult<unknown, void>;
            try {
              r = await it.next();
            } catch (e) {
              if (w.cancelled) await never(); // Node's AbortError for the kernel's own abort: the loop just stops
              throw e;
            }
            if (r.done === true) return;
            yield r.value;
          }
        } finally {
          end(w);
          if (!w.cancelled) await it.return(undefined);
        }
      })();
    },
  }.setInterval;
  Object.defineProperty(wrapper, "length", { value: real.length });
  return wrapper;
}

let installed = false;

/**
 * Replace `timers/promises`' exports by the recording wrappers. Once, before the first cell; the
 * caller syncs the ES module view (module.syncBuiltinESMExports).
 *
 * @example
 * installTimerPromises(); const p = require("timers/promises").setTimeout(1000); cancelTimerPromises() // [{ cell: undefined, kind: "timers/promises setTimeout" }] (p never settles)
 */
export function installTimerPromises(): void {
  if (installed) return;
  installed = true;
  KernelAbortController = globalThisRef.AbortController;
  KernelAbortSignal = globalThisRef.AbortSignal;
  const tp = createRequire(__filename)("node:timers/promises") as Record<string, unknown> & { scheduler?: Record<string, unknown> };
  const realTimeout = tp.setTimeout as PromiseTimer;
  const realImmediate = tp.setImmediate as PromiseTimer;
  const setTimeoutWrapper = oneShot(realTimeout, "timers/promises setTimeout", 2, "setTimeout");
  const setImmediateWrapper = oneShot(realImmediate, "timers/promises setImmediate", 1, "setImmediate");
  tp.setTimeout = setTimeoutWrapper;
  tp.setImmediate = setImmediateWrapper;
  tp.setInterval = interval(tp.setInterval as IntervalTimer);
  const scheduler = tp.scheduler;
  if (scheduler !== undefined && typeof scheduler.wait === "function") {
    const yieldOnce = oneShot(realImmediate, "scheduler.yield", 1, "yield");
    const methods: Record<string, unknown> = {
      wait: oneShot(scheduler.wait as PromiseTimer, "scheduler.wait", 1, "wait"),
      // Node's yield takes no options (no signal to give it): an immediate, as Node's own yield is.
      yield: { yield(): Promise<unknown> { return yieldOnce(undefined); } }.yield,
    };
    for (const key of ["wait", "yield"]) Object.defineProperty(scheduler, key, { value: methods[key], configurable: true, enumerable: false, writable: true });
  }
}

/**
 * Cancel every `timers/promises` wait of the notebook still pending (their promises never
 * settle); what was cancelled, in the order the waits started. Never throws.
 *
 * @example
 * cancelTimerPromises() // [{ cell, kind: "timers/promises setInterval" }]
 */
export function cancelTimerPromises(): CancelledWaits[] {
  const out: CancelledWaits[] = [];
  for (const w of pending) {
    w.cancelled = true;
    out[out.length] = { cell: w.cell, kind: w.kind };
    try {
      w.controller.abort();
    } catch {
      // an abort listener of the notebook's that threw: the wait is cancelled all the same
    }
    w.release();
  }
  pending.clear();
  return out;
}

/** How many waits are pending (for tests). */
export function pendingTimerPromises(): number {
  return pending.size;
}

