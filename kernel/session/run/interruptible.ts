/**
 * Kernel work that may run long because of what the notebook wrote, made stoppable by an
 * interrupt: the type check of a cell (a recursive conditional type can keep TypeScript's checker
 * busy for minutes), completions and Shift-Tab on such types, and showing a value (its own
 * `toString`, `[Symbol.for("Jupyter.display")]()` or `util.inspect.custom` may loop forever).
 *
 * Why: that work runs on the main thread as the kernel's own code, which a forced interrupt never
 * terminates (kernel/transport/terminator.ts: the kernel's state could be left half-done), so a
 * cell whose check or result display never ended left the kernel without replies for good; the
 * only way out was a restart, which loses every variable.
 *
 * How: `interruptibly(fn)` runs `fn` inside `vm`'s `runInThisContext` with `breakOnSigint`, the
 * mechanism that stops a cell's synchronous part: an interrupt_request sends SIGINT to the
 * process (the agent worker; again, when the main thread has not answered within a second and is
 * found inside a window: run/terminate.ts "signal"), V8 terminates whatever JavaScript runs inside, Node cancels the
 * termination at the `vm` call and throws there, and `interruptibly` answers `{ interrupted: true }`.
 * No `catch` or `finally` of the terminated code runs, so the caller must throw away whatever that
 * code may have left half-done (CellCompiler.abandonCheckers: TypeScript's own answer to a
 * cancelled check is to drop the checker) and must not mutate lasting state inside the window
 * (the prelude is recorded after it: compiler.ts compileUncommitted).
 *
 * The script reaches `fn` through a context of its own (no name in the notebook's global scope that a
 * cell could replace or shadow).
 */
import vm from "node:vm";
import { isNativeError } from "node:util/types";
import { INTERRUPTIBLE_SCRIPT } from "./terminate.js";
import { toMimeBundle } from "../../display/bundle.js";
import type { MimeBundle } from "../contract.js";
import { Object, Error, Reflect } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

let current: (() => unknown) | null = null;
let result: unknown = undefined;

function trampoline(): void {
  const fn = current;
  current = null;
  if (fn !== null) result = fn();
}

/**
 * The window's script and the context it runs in, made at first use: a context of its own whose
 * only global is the trampoline, so no name of the notebook's global scope is involved (a global
 * property defined at load was defined twice when the kernel fell back from a stale startup
 * snapshot, whose copy of this module had already run: "Cannot redefine property"). V8 stops the
 * whole isolate on SIGINT, so the main context's code the trampoline calls is stopped too.
 */
/**
 * node:vm's pieces as they are at load: a cell may patch the module (`vm.runInThisContext = () => 1`
 * made every later cell's run return without running it: no reply, ever).
 */
const { Script, createContext } = vm;
const runInContext = vm.Script.prototype.runInContext;
const scriptRunInThisContext = vm.Script.prototype.runInThisContext;

/**
 * `vm.runInThisContext` with node:vm as it was at load (the kernel's own runs of cells and
 * expressions; a cell may have patched the module since).
 *
 * @example
 * runHere("1 + 1", { filename: "x" }) // 2
 */
export function runHere(code: string, options: { filename: string; breakOnSigint?: boolean }): unknown {
  return Reflect.apply(scriptRunInThisContext, new Script(code, { filename: options.filename }), [{ breakOnSigint: options.breakOnSigint === true }]);
}

let sandbox: { script: vm.Script; context: vm.Context } | null = null;

/** What an interruptible step gave: its value, or that an interrupt stopped it. */
export type Interruptible<T> = { interrupted: false; value: T } | { interrupted: true };

/** V8's message when breakOnSigint stopped a script (node_contextify.cc). */
const SIGINT_MESSAGE = "Script execution was interrupted by `SIGINT`";

/**
 * Run `fn` so that an interrupt (SIGINT) stops it. Exceptions of `fn` pass through; an interrupt
 * gives `{ interrupted: true }`. Nested windows are fine (the innermost one is stopped).
 *
 * @example
 * interruptibly(() => 1 + 1) // { interrupted: false, value: 2 }
 */
export function interruptibly<T>(fn: () => T): Interruptible<T> {
  const outerFn = current;
  const outerResult = result;
  current = fn;
  result = undefined;
  try {
    sandbox ??= { script: new Script("run()", { filename: INTERRUPTIBLE_SCRIPT }), context: createContext({ run: trampoline }) };
    Reflect.apply(runInContext, sandbox.script, [sandbox.context, { breakOnSigint: true }]);
    return { interrupted: false, value: result as T };
  } catch (e) {
    if (isSigintStop(e)) return { interrupted: true };
    throw e;
  } finally {
    current = outerFn;
    result = outerResult;
  }
}

/** Whether `e` is what `vm` throws when breakOnSigint stopped its script. */
export function isSigintStop(e: unknown): boolean {
  try {
    const m = isNativeError(e) ? Object.getOwnPropertyDescriptor(e, "message") : undefined; // whichever context made it
    return m !== undefined && m.value === SIGINT_MESSAGE;
  } catch {
    return false;
  }
}

/**
 * An Error that reads as Python's KeyboardInterrupt (its name, the message, a one-line stack: no
 * kernel frame), for kernel work an interrupt stopped.
 *
 * @example
 * keyboardInterrupt("stopped").name // "KeyboardInterrupt"
 */
export function keyboardInterrupt(message: string): Error {
  const e = new Error(message);
  e.name = "KeyboardInterrupt";
  Object.defineProperty(e, "stack", { value: `KeyboardInterrupt: ${message}`, configurable: true, writable: true });
  return e;
}

/**
 * A value's mime bundle (display/bundle.ts), made so that an interrupt stops it: showing a value
 * runs the notebook's code (its `toString`, `[Symbol.for("Jupyter.display")]()`, `inspect.custom`),
 * which may never end. Throws a KeyboardInterrupt then (the dispatcher makes it the cell's error).
 *
 * @example
 * mimeBundleInterruptibly(42) // { "text/plain": "42" }
 */
export function mimeBundleInterruptibly(value: unknown): MimeBundle {
  const step = interruptibly(() => toMimeBundle(value));
  if (step.interrupted) throw keyboardInterrupt("the value could not be shown: its own code (toString, a display method) was interrupted; every variable is kept");
  return step.value;
}
