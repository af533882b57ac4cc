/**
 * The kernel globals every cell sees besides `np` and `NDArray`: `display`, `clear_output`,
 * `input`, `time` (for %time), and the runtime's `show` and `timeit`.
 * Their doc comments show on Shift-Tab; the checker's declarations point here
 * (typecheck/ambient.ts), so types and docs live in one place.
 *
 * Hard rule: each global publishes through the running cell's Publisher (run/context.ts);
 * called outside a cell it fails with a clear error instead of writing nowhere.
 */
import { randomUUID } from "node:crypto";
import { mimeBundleInterruptibly } from "./run/interruptible.js"; // display() in a timer after its cell ended: a looping toString must be stoppable
import type { MimeBundle } from "./contract.js";
import { currentCell, type CellContext } from "./run/context.js";
import { np, NDArray } from "../../runtime/index.js";
import { show, setScopeProvider } from "../../runtime/show/index.js";
import { formatTime, timeit, TimeitResult, type TimeitOptions } from "../../runtime/timeit/index.js";
import { allocationText } from "../../runtime/timeit/html.js";
import { Promise, Object, Error, String, WeakSet, process, performance, promiseThen } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

function cellOrThrow(what: string): CellContext {
  const cell = currentCell();
  if (!cell) throw new Error(`${what} needs a running cell: call it from cell code, not from a callback that outlived its cell's output`);
  return cell;
}

/** A published display that can be replaced in place. */
export interface DisplayHandle {
  /** The display_id the front end knows this output by. */
  readonly displayId: string;
  /** Replace the output with a view of `value` (Jupyter's update_display_data). */
  update(value: unknown): void;
}

/** Options of `display`. */
export interface DisplayOptions {
  /** The id to update this output by (every output gets one; `true` or nothing makes a fresh one). */
  display_id?: string | true;
  /** Jupyter metadata for the output. */
  metadata?: Record<string, unknown>;
}

/** Every handle display() returned: as IPython's display() returns None, a handle is never a cell's result. */
const handles = new WeakSet<object>();

/**
 * True for a handle returned by `display(...)`; the pipeline treats it as no value, so a cell
 * ending in `display(x)` shows x once (not x and then the handle). `const h = display(x)` keeps it.
 *
 * @example
 * isDisplayHandle(display(1)) // true
 * isDisplayHandle({ displayId: "x", update() {} }) // false
 */
export function isDisplayHandle(value: unknown): boolean {
  return typeof value === "object" && value !== null && handles.has(value);
}

function publish(bundle: MimeBundle, opts: DisplayOptions = {}): DisplayHandle {
  const cell = cellOrThrow("display");
  // Every output gets an id, so any handle can update it (IPython needs display_id=True for that).
  const id = typeof opts.display_id === "string" ? opts.display_id : randomUUID();
  cell.io.display(bundle, { metadata: opts.metadata, displayId: id });
  const handle: DisplayHandle = {
    displayId: id,
    update(value: unknown): void {
      cellOrThrow("display handle update").io.display(mimeBundleInterruptibly(value), { displayId: id, update: true });
    },
  };
  handles.add(handle);
  return handle;
}

function displayValue(value: unknown, opts?: DisplayOptions): DisplayHandle {
  return publish(mimeBundleInterruptibly(value), opts);
}

/**
 * Publish a rich view of `value` now (as IPython's `display`): its text/plain form plus what its
 * `[Symbol.for("Jupyter.display")]()` returns. `{ display_id }` makes it updatable.
 *
 * @example
 * const h = display(np.arange(3), { display_id: "counter" }); // shows array([0, 1, 2])
 * h.update(np.arange(4))                                       // the same output now shows array([0, 1, 2, 3])
 */
export const display = Object.assign(displayValue, {
  /**
   * Publish HTML.
   * @example
   * display.html("<b>bold</b>") // shows bold text
   */
  html(html: string, opts?: DisplayOptions): DisplayHandle {
    return publish({ "text/html": html, "text/plain": html }, opts);
  },
  /**
   * Publish an SVG picture (also as text/html: nbconvert 6.5 empties image/svg+xml outputs through
   * lxml's clean_html, while the HTML copy reaches exported pages intact).
   * @example
   * display.svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>') // a black square
   */
  svg(svg: string, opts?: DisplayOptions): DisplayHandle {
    return publish({ "image/svg+xml": svg, "text/html": svg, "text/plain": "<svg image>" }, opts);
  },
  /**
   * Publish Markdown.
   * @example
   * display.markdown("# Title") // a heading
   */
  markdown(markdown: string, opts?: DisplayOptions): DisplayHandle {
    return publish({ "text/markdown": markdown, "text/plain": markdown }, opts);
  },
  /**
   * Publish JSON (a collapsible tree in JupyterLab).
   * @example
   * display.json({ a: [1, 2] }) // a JSON tree
   */
  json(value: unknown, opts?: DisplayOptions): DisplayHandle {
    return publish({ "application/json": value, "text/plain": JSON.stringify(value) }, opts);
  },
  /**
   * Publish a PNG image from its bytes.
   * @example
   * display.png(fs.readFileSync("plot.png")) // the picture
   */
  png(bytes: Uint8Array, opts?: DisplayOptions): DisplayHandle {
    return publish({ "image/png": Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"), "text/plain": `<PNG image, ${bytes.byteLength} bytes>` }, opts);
  },
});

/**
 * Clear this cell's output (as IPython's `clear_output`); with `wait` true, clear only when new
 * output arrives (no flicker in animations).
 *
 * @example
 * clear_output(true); display(frame) // replaces the previous frame
 */
export function clear_output(wait = false): void {
  cellOrThrow("clear_output").io.clearOutput(wait);
}

/**
 * Ask the user for a line of text through the front end (Jupyter's stdin channel); with
 * `{ password: true }` the front end hides what is typed (IPython's getpass).
 * Rejects when the front end does not allow input (e.g. a headless run).
 *
 * @example
 * const name = await input("name? ")                      // the text the user typed
 * const secret = await input("token: ", { password: true }) // typed without echo
 */
export function input(prompt = "", opts: { password?: boolean } = {}): Promise<string> {
  const cell = cellOrThrow("input");
  if (!cell.allowStdin) return Promise.reject(new Error("input() is not available: this front end does not accept input requests (allow_stdin is false)"));
  return cell.io.input(String(prompt), opts.password === true);
}

/** IPython's %time report for CPU microseconds (user, system) and wall seconds. */
export function timeReport(userMicros: number, systemMicros: number, wallSeconds: number): string {
  const u = userMicros / 1e6;
  const s = systemMicros / 1e6;
  return `CPU times: user ${formatTime(u)}, sys: ${formatTime(s)}, total: ${formatTime(u + s)}\nWall time: ${formatTime(wallSeconds)}\n`;
}

/**
 * Run `fn` once and print IPython's `%time` lines (CPU user/sys/total and wall time) to stdout;
 * returns what `fn` returns (awaited when it is a promise). `%time EXPR` becomes `time(() => EXPR)`.
 *
 * @example
 * time(() => np.ones([1000, 1000]).sum())
 * // CPU times: user 9.1 ms, sys: 1.2 ms, total: 10.3 ms   (IPython's %time lines and units)
 * // Wall time: 10.4 ms
 */
export function time<T>(fn: () => Promise<T>): Promise<T>;
export function time<T>(fn: () => T): T;
export function time<T>(fn: () => T | Promise<T>): T | Promise<T> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const report = (): void => {
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(timeReport(cpu.user, cpu.system, (performance.now() - wall0) / 1e3));
  };
  const r = fn();
  if (r && typeof (r as Promise<T>).then === "function") {
    return (r as Promise<T>).then(
      (v) => (report(), v),
      (e: unknown) => {
        report();
        throw e;
      },
    );
  }
  report();
  return r;
}

/** `%timeit`'s flags as IPython reads them: -q (print nothing), -o (return the result). */
export interface TimeitMagicOptions extends TimeitOptions {
  /** IPython's -q: print nothing. */
  quiet?: boolean;
  /** IPython's -o: return the TimeitResult (the cell's result when last); otherwise nothing. */
  output?: boolean;
}

/**
 * `%timeit` and `%%timeit` as IPython runs them (ExecutionMagics.timeit): measure with `timeit`,
 * print IPython's lines to stdout (the caching warning when it fires, then
 * `1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)`) followed by the
 * runtime's allocation per loop, unless `quiet`; return the TimeitResult with `output`, else
 * nothing (IPython's %timeit returns None: no Out[n]). `%timeit -o EXPR` becomes
 * `__strided_timeit(() => (EXPR), { output: true })`.
 *
 * @example
 * timeitMagic(() => np.ones(1000), { number: 100, repeat: 2 })
 * // prints "... per loop (mean ± std. dev. of 2 runs, 100 loops each)" and
 * // "8,000 bytes (7.81 KiB) allocated per loop in 1 buffer"; returns undefined
 */
export function timeitMagic(fn: () => Promise<unknown>, opts: TimeitMagicOptions & { output: true }): Promise<TimeitResult>;
export function timeitMagic(fn: () => Promise<unknown>, opts?: TimeitMagicOptions): Promise<void>;
export function timeitMagic(fn: () => unknown, opts: TimeitMagicOptions & { output: true }): TimeitResult;
export function timeitMagic(fn: () => unknown, opts?: TimeitMagicOptions): void;
export function timeitMagic(fn: () => unknown, opts: TimeitMagicOptions = {}): unknown {
  const { quiet, output, ...measure } = opts;
  const report = (r: TimeitResult): TimeitResult | undefined => {
    if (quiet !== true) process.stdout.write(`${r.text}\n${allocationText(r.bytesPerLoop, r.buffersPerLoop)}\n`);
    return output === true ? r : undefined;
  };
  const r = timeit(fn, measure) as TimeitResult | Promise<TimeitResult>;
  return r instanceof TimeitResult ? report(r) : promiseThen(r, report);
}

/** Install the globals on globalThis (np, NDArray, display, ...). The scope provider feeds `show.memory()`. */
export function installGlobals(scope: () => Record<string, unknown>): void {
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, { np, NDArray, display, clear_output, input, time, show, timeit });
  Object.defineProperty(g, "__strided_time", { value: time, configurable: true, enumerable: false, writable: true });
  Object.defineProperty(g, "__strided_timeit", { value: timeitMagic, configurable: true, enumerable: false, writable: true });
  setScopeProvider(scope);
}
