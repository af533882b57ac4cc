/**
 * The object `timeit` returns: IPython's TimeitResult plus the bytes the runtime allocated.
 *
 * Rule (IPython 8 TimeitResult): timings = all_runs / loops; average = fsum(timings) / n;
 * stdev = sqrt(fsum((t - average)^2) / n) (population standard deviation); best and worst are
 * per loop. Its text is IPython's `__str__`, preceded by IPython's caching warning when that
 * fires. It displays itself (Symbol.for("Jupyter.display")) as that text and as a small HTML
 * card with the distribution of the runs and the allocation per loop.
 */
import { DISPLAY } from "../display/protocol.js";
import { fsum } from "./fsum.js";
import { cachingWarning, timeitLine } from "./format.js";
import { timeitHtml } from "./html.js";

/** What a measurement produced (all times in seconds). */
export interface TimeitParts {
  loops: number;
  repeat: number;
  /** Seconds of each run of `loops` calls. */
  all_runs: readonly number[];
  /** Bytes the runtime allocated (runtime/core/alloc.ts) during all timed loops. */
  bytesAllocated: number;
  /** Buffers the runtime allocated during all timed loops. */
  buffersAllocated: number;
  precision?: number;
  compile_time?: number;
}

/**
 * The result of `timeit`: IPython's fields, plus allocation per loop.
 *
 * @example
 * const x = np.zeros(10000), y = np.ones(10000);
 * const r = timeit(() => np.add(x, y), { number: 100, repeat: 3 });
 * r.loops         // 100
 * r.bytesPerLoop  // 80000 (a fresh result array every call)
 * String(r)       // "... per loop (mean ± std. dev. of 3 runs, 100 loops each)"
 */
export class TimeitResult {
  /** Calls per run. */
  readonly loops: number;
  /** Number of runs. */
  readonly repeat: number;
  /** Seconds per loop of the fastest run. */
  readonly best: number;
  /** Seconds per loop of the slowest run. */
  readonly worst: number;
  /** Seconds of each run (each of `loops` calls). */
  readonly all_runs: readonly number[];
  /** Seconds per loop of each run. */
  readonly timings: readonly number[];
  /** Seconds spent compiling (0: the kernel compiles before timing). */
  readonly compile_time: number;
  /** Bytes the runtime allocated per call of the timed function. */
  readonly bytesPerLoop: number;
  /** Buffers the runtime allocated per call of the timed function. */
  readonly buffersPerLoop: number;
  /** Significant digits in the text (IPython's -p, default 3). */
  readonly precision: number;

  constructor(parts: TimeitParts) {
    if (parts.all_runs.length === 0) throw new RangeError("timeit needs at least one run: repeat must be >= 1");
    this.loops = parts.loops;
    this.repeat = parts.repeat;
    this.all_runs = Object.freeze(parts.all_runs.slice());
    this.timings = Object.freeze(this.all_runs.map((dt) => dt / this.loops));
    this.best = Math.min(...this.all_runs) / this.loops;
    this.worst = Math.max(...this.all_runs) / this.loops;
    this.compile_time = parts.compile_time ?? 0;
    const calls = this.loops * this.all_runs.length;
    this.bytesPerLoop = parts.bytesAllocated / calls;
    this.buffersPerLoop = parts.buffersAllocated / calls;
    this.precision = parts.precision ?? 3;
  }

  /** Mean seconds per loop over the runs (math.fsum, as IPython). */
  get average(): number {
    return fsum(this.timings) / this.timings.length;
  }

  /** Population standard deviation of the seconds per loop (as IPython). */
  get stdev(): number {
    const mean = this.average;
    return Math.sqrt(fsum(this.timings.map((x) => (x - mean) ** 2)) / this.timings.length);
  }

  /** IPython's "slowest run took ..." warning, or null when IPython would not print it. */
  get warning(): string | null {
    return cachingWarning(this.best, this.worst);
  }

  /** IPython's line: `1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)`. */
  toString(): string {
    return timeitLine(this, this.precision);
  }

  /** What IPython prints for `%timeit`: the warning (if any) and the line. */
  get text(): string {
    const w = this.warning;
    return w === null ? this.toString() : `${w}\n${this.toString()}`;
  }

  /** Jupyter's display protocol: text/plain as IPython prints it, text/html with runs and allocation. */
  [DISPLAY](): Record<string, string> {
    return { "text/plain": this.text, "text/html": timeitHtml(this) };
  }
}
