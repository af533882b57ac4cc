/**
 * `timeit(fn, opts?)`: IPython's %timeit as a function.
 *
 * Rules (IPython 8, IPython/core/magics/execution.py, ExecutionMagics.timeit):
 * - one "run" = setup once (untimed), then `number` calls of fn between two clock readings;
 * - with no `number`, autorange: number = 1, 10, 100, ... 10^9, one trial run each, until a
 *   trial takes at least 0.2 s (the trials are not reported). Python's own timeit module steps
 *   1, 2, 5, 10, ...; IPython steps by powers of ten, and we follow IPython, whose output we copy;
 *   except that the autorange also stops before a count whose results would not fit in wasm
 *   memory before the allocator collects inside the run (runtime/wasm/heap.ts wasmRoomBytes:
 *   its cycle with the kernel's collector, else its budget, past which results are ordinary
 *   buffers): such a run timed the collector, 60-75 ms per cycle in the kernel, ~0.15 ns per
 *   byte allocated, which IPython's runs never include (it switches its collector off), and
 *   NumPy's reference counting never pays. Measured before (kernel %timeit np.add(a, b), 1e5
 *   float64): 10,000 loops of 800 KB, 123-209 us a loop against NumPy's 27;
 * - then `repeat` runs (default 7) of `number` calls; best/worst are per loop;
 * - bytes per loop = bytes the runtime allocated (runtime/core/alloc.ts) during the timed calls
 *   only (not setup, not autorange) divided by repeat * number.
 * Clock: performance.now() (monotonic, sub-microsecond). Unlike IPython we cannot switch the
 * garbage collector off during the runs, so a run may include a GC pause (the spread shows it).
 * - Before every run and trial (untimed, before the setup): when at least RECLAIM_BYTES of wasm
 *   memory were allocated since the last collection (by the previous run, or before timeit), a
 *   full collection and the registry's callbacks (runtime/wasm/heap.ts reclaimWasm, with the
 *   collector the kernel installs, or node --expose-gc's gc), so every run starts with the dead
 *   results' regions free and already touched, as NumPy's results are freed at once by reference
 *   counting. IPython switches the GC off during the runs; we collect between runs, not during.
 * Async: when fn returns a promise (detected on its first call), every call is awaited and
 * timeit returns a Promise<TimeitResult>: write `await timeit(async () => ...)`.
 */
import { allocationStats } from "../core/alloc.js";
import { reclaimWasm, wasmHeapStats, wasmRoomBytes } from "../wasm/heap.js";
import { TimeitResult } from "./result.js";

/** Options, as IPython's %timeit flags. */
export interface TimeitOptions {
  /** Calls per run (IPython's -n); default: autorange to at least 0.2 s per run. */
  number?: number;
  /** Runs (IPython's -r); default 7. */
  repeat?: number;
  /** Called once before each run, untimed (IPython's setup statement). */
  setup?: () => unknown;
  /** Significant digits in the text (IPython's -p); default 3. */
  precision?: number;
  /** The clock in seconds; default performance.now() / 1000 (tests pass a fake clock). */
  timer?: () => number;
}

/** One run's measurement. */
interface Measured {
  seconds: number;
  bytes: number;
  buffers: number;
  /** Wasm bytes the run allocated (size classes), and the room it had (wasmRoomBytes at its start). */
  wasmBytes: number;
  room: number;
}

/** The steps of a measurement, independent of whether calls are awaited. */
function* plan(opts: TimeitOptions): Generator<number, TimeitResult, Measured> {
  const repeat = opts.repeat ?? 7;
  let number = opts.number ?? 0;
  if (!Number.isInteger(repeat) || repeat < 1) throw new RangeError(`timeit repeat must be a positive integer, got ${repeat}`);
  if (!Number.isInteger(number) || number < 0) throw new RangeError(`timeit number must be a positive integer, got ${number}`);
  if (number === 0) {
    for (let index = 0; index < 10; index++) {
      number = 10 ** index;
      const trial = yield number;
      if (trial.seconds >= 0.2) break;
      // ten times the calls would not fit before the allocator collects inside the run (the file head)
      if (10 * trial.wasmBytes > trial.room) break;
    }
  }
  const all_runs: number[] = [];
  let bytes = 0;
  let buffers = 0;
  for (let r = 0; r < repeat; r++) {
    const m = yield number;
    all_runs.push(m.seconds);
    bytes += m.bytes;
    buffers += m.buffers;
  }
  return new TimeitResult({ loops: number, repeat, all_runs, bytesAllocated: bytes, buffersAllocated: buffers, precision: opts.precision });
}

const defaultTimer = (): number => performance.now() / 1000;

/** Wasm bytes allocated so far (0 without wasm). */
function wasmAllocated(): number {
  return wasmHeapStats()?.allocatedBytes ?? 0;
}

/** Wasm bytes a run must have allocated for timeit to collect before the next one (a collection costs ms). */
export const RECLAIM_BYTES = 2 ** 20;


function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === "object" || typeof v === "function") && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** Thrown inside the synchronous driver when fn turns out to be async. */
class WentAsync {
  constructor(readonly pending: PromiseLike<unknown>) {}
}

/**
 * Time `fn` as IPython's `%timeit` does, and count what the runtime allocates per call.
 * Returns a TimeitResult that displays as IPython's line; when `fn` returns a promise, every
 * call is awaited and the result comes as a Promise (use `await timeit(async () => ...)`).
 *
 * @example
 * const x = np.random.rand(1000), y = np.random.rand(1000);
 * String(timeit(() => np.add(x, y), { number: 10, repeat: 2 })) // "... per loop (mean ± std. dev. of 2 runs, 10 loops each)"
 * timeit(() => np.add(x, y), { number: 10, repeat: 2 }).bytesPerLoop             // 8000
 * timeit(() => np.add(x, y, { out: x }), { number: 10, repeat: 2 }).bytesPerLoop // 0
 * timeit(() => x.sum(), { number: 100, repeat: 3 }).loops // 100
 */
export function timeit(fn: () => Promise<unknown>, opts?: TimeitOptions): Promise<TimeitResult>;
/**
 * Time `fn` as IPython's `%timeit` does, and count what the runtime allocates per call.
 * Returns a TimeitResult that displays as IPython's line; when `fn` returns a promise, every
 * call is awaited and the result comes as a Promise (use `await timeit(async () => ...)`).
 *
 * @example
 * const x = np.random.rand(1000), y = np.random.rand(1000);
 * String(timeit(() => np.add(x, y), { number: 10, repeat: 2 })) // "... per loop (mean ± std. dev. of 2 runs, 10 loops each)"
 * timeit(() => np.add(x, y), { number: 10, repeat: 2 }).bytesPerLoop             // 8000
 * timeit(() => np.add(x, y, { out: x }), { number: 10, repeat: 2 }).bytesPerLoop // 0
 * timeit(() => x.sum(), { number: 100, repeat: 3 }).loops // 100
 */
export function timeit(fn: () => unknown, opts?: TimeitOptions): TimeitResult;
export function timeit(fn: () => unknown, opts: TimeitOptions = {}): TimeitResult | Promise<TimeitResult> {
  if (typeof fn !== "function") throw new TypeError(`timeit expects a function to call, e.g. timeit(() => np.add(x, y)), got ${typeof fn}`);
  const timer = opts.timer ?? defaultTimer;
  const steps = plan(opts);
  let first = true;
  try {
    let next = steps.next();
    while (!next.done) {
      const number = next.value;
      reclaimWasm(RECLAIM_BYTES); // untimed: dead results since the last collection come back (the file head)
      if (opts.setup) opts.setup();
      const room = wasmRoomBytes();
      const w0 = wasmAllocated();
      const a0 = allocationStats();
      const t0 = timer();
      for (let i = 0; i < number; i++) {
        const out = fn();
        if (first) {
          first = false;
          if (isThenable(out)) throw new WentAsync(out);
        }
      }
      const t1 = timer();
      const a1 = allocationStats();
      next = steps.next({ seconds: t1 - t0, bytes: a1.bytes - a0.bytes, buffers: a1.buffers - a0.buffers, wasmBytes: wasmAllocated() - w0, room });
    }
    return next.value;
  } catch (e) {
    if (!(e instanceof WentAsync)) throw e;
    return Promise.resolve(e.pending).then(() => timeitAsync(fn as () => Promise<unknown>, opts, timer));
  }
}

async function timeitAsync(fn: () => unknown, opts: TimeitOptions, timer: () => number): Promise<TimeitResult> {
  const steps = plan(opts);
  let next = steps.next();
  while (!next.done) {
    const number = next.value;
    reclaimWasm(RECLAIM_BYTES); // untimed: dead results since the last collection come back (the file head)
    if (opts.setup) await opts.setup();
    const room = wasmRoomBytes();
    const w0 = wasmAllocated();
    const a0 = allocationStats();
    const t0 = timer();
    for (let i = 0; i < number; i++) await fn();
    const t1 = timer();
    const a1 = allocationStats();
    next = steps.next({ seconds: t1 - t0, bytes: a1.bytes - a0.bytes, buffers: a1.buffers - a0.buffers, wasmBytes: wasmAllocated() - w0, room });
  }
  return next.value;
}
