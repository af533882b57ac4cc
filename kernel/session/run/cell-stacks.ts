/**
 * `e.stack` read by a cell shows what the kernel's tracebacks show.
 *
 * Rule: the stack of an Error whose frames include a cell (`strided-cell-N.js`) is rewritten as a
 * traceback is (run/traceback.ts, rewriteStack): cell frames at the line and column typed
 * (`Cell [3], line 2, column 5`), the kernel's and Node's internal frames dropped, each stretch
 * of the runtime's frames one `at NDArray.reshape (strided runtime)` line. Any other stack (Node's
 * own errors, the kernel's, an object given to `Error.captureStackTrace` that is no Error, as
 * run/terminate.ts reads its stacks) is Node's, untouched.
 *
 * How: `Error.prepareStackTrace` is set to a formatter that calls Node's own (source maps, Node's
 * error codes) and rewrites its text; V8 calls it once per error, when `.stack` is first read.
 * The property is an accessor adopted as the built-in's own (primordials.ts, adoptBuiltin): a cell
 * that assigns its own formatter (`Error.prepareStackTrace = (_, s) => s`, or one that throws)
 * gets it for its own code, assigning `undefined` (or what it read before) brings this one back,
 * and the kernel's tracebacks are always formatted with this one (inside withPristineBuiltins).
 * A cell that deletes or redefines the property gets Node's raw frames in its own `e.stack`. The debugger reads call frames
 * from the inspector, not stack text: unaffected.
 */
import { interruptibly } from "./interruptible.js";
import { adoptBuiltin, inPristineWindow, Error as GuardedError, Reflect, String, globalThisRef } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

type Format = (error: unknown, trace: unknown[]) => unknown;

let installed = false;

/** Install the formatter (once); `rewrite` turns V8's stack text into the traceback's. */
export function installCellStacks(rewrite: (stack: string) => string): void {
  if (installed) return;
  installed = true;
  const E = globalThisRef.Error as ErrorConstructor & { prepareStackTrace?: Format };
  const nodeFormat = E.prepareStackTrace;
  const errorPrototype = GuardedError.prototype;
  const isPrototypeOf = Object.prototype.isPrototypeOf;
  const includes = String.prototype.includes;
  const errorToString = errorPrototype.toString;
  const defaultFormat: Format = (error, trace) => {
    let text = Reflect.apply(errorToString, error, []) as string;
    for (let i = 0; i < trace.length; i++) text += `\n    at ${String(trace[i])}`;
    return text;
  };
  const base: Format = typeof nodeFormat === "function" ? nodeFormat : defaultFormat;
  const prepareStackTrace = function prepareStackTrace(error: unknown, trace: unknown[]): unknown {
    // The error's own name and message getters run here (its first line), wherever its stack is
    // first read (the inspector reads it when a cell throws): an interrupt stops one that loops.
    const step = interruptibly(() => Reflect.apply(base, E, [error, trace]));
    if (step.interrupted) return interruptedHeader(trace);
    const text = step.value;
    if (typeof text !== "string" || !Reflect.apply(includes, text, ["strided-cell-"])) return text;
    if (!Reflect.apply(isPrototypeOf, errorPrototype, [error])) return text; // a holder object (run/terminate.ts): raw frames
    try {
      return rewrite(text);
    } catch {
      return text; // a cell patched what the rewrite uses: Node's text rather than none
    }
  };
  const interruptedHeader = (trace: unknown[]): string => {
    let text = "Error: <the error's name or message could not be read: its own getter was interrupted>";
    for (let i = 0; i < trace.length; i++) text += `\n    at ${String(trace[i])}`;
    return text;
  };
  // An accessor: a cell's own formatter (any function) is what its code gets; assigning anything
  // else (undefined, null, the value read before) means the default, which here is this one.
  // Inside the kernel's windows (withPristineBuiltins: tracebacks) the kernel's formatter answers.
  let own: Format | null = null;
  Object.defineProperty(E, "prepareStackTrace", {
    configurable: true,
    enumerable: false,
    get: () => (own !== null && !inPristineWindow() ? own : prepareStackTrace),
    set: (v: unknown) => {
      own = typeof v === "function" && v !== prepareStackTrace ? (v as Format) : null;
    },
  });
  adoptBuiltin(E, "prepareStackTrace");
}
