/**
 * What the debugger (on the agent worker) calls on the main thread through the inspector:
 * a hidden object under `globalThis[Symbol.for("strided.debugger")]`, installed once when the
 * cell session exists. A symbol key cannot be rebound by a cell's `let`/`const`, and the
 * debugger holds the object by its inspector handle from `attach` on, so a cell that patches
 * globals later does not reach it.
 *
 * The functions in DETAILS run with `this` bound to a value of the notebook (through
 * Runtime.callFunctionOn): they read only `this`, never a global a cell could rebind.
 */
import type { MimeBundle } from "../session/contract.js";

export const HELPER_KEY = "strided.debugger";

/** The helper object's methods. */
export interface DebugHelpers {
  /** The mime bundle the kernel would display for `value` (richInspectVariables). */
  bundle(value: unknown): { data: MimeBundle; metadata: Record<string, unknown> };
  /** Names the notebook's cells put on the global object (function declarations, `var`), in order. */
  userGlobals(): string[];
}

/**
 * Install the helpers. Global names present now (Node's, the kernel's `np`, `display`, ...) are
 * the baseline that `userGlobals` leaves out.
 *
 * @example
 * installDebugHelpers(toMimeBundle);
 * (globalThis as any)[Symbol.for("strided.debugger")].userGlobals() // []
 */
export function installDebugHelpers(toMimeBundle: (value: unknown) => MimeBundle): void {
  const g = globalThis as unknown as Record<string | symbol, unknown>;
  const key = Symbol.for(HELPER_KEY);
  if (g[key]) return;
  const baseline = new Set(Object.getOwnPropertyNames(globalThis));
  const names = Object.getOwnPropertyNames;
  const helpers: DebugHelpers = {
    bundle: (value) => ({ data: toMimeBundle(value), metadata: {} }),
    userGlobals: () => names(globalThis).filter((n) => !baseline.has(n) && !n.startsWith("__strided")),
  };
  Object.defineProperty(globalThis, key, { value: Object.freeze(helpers), enumerable: false, writable: false, configurable: false });
}
