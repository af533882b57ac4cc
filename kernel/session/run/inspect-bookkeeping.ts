/**
 * `console.log(promise)` (and `util.inspect`, a promise inside an array or object, a timer) in a
 * cell shows what plain Node shows (`Promise { 1 }`), not the bookkeeping the kernel's async
 * context makes Node write onto every async resource.
 *
 * Why: the kernel's AsyncLocalStorage (run/context.ts) and async hooks make Node write the cell's
 * store (`Symbol(kResourceStore)`) and, on promises, their async ids (`Symbol(async_id_symbol)`,
 * `Symbol(trigger_async_id_symbol)`) as enumerable symbol properties, which util.inspect lists:
 * `Promise { 1, [Symbol(async_id_symbol)]: 12, ..., [Symbol(kResourceStore)]: [strided cell 3] }`.
 *
 * How: `Promise.prototype`, and the prototypes of Node's Timeout and Immediate, get an
 * `util.inspect.custom` method (non-enumerable) that turns those properties of the value being
 * shown non-enumerable (Node reads them with plain gets: nothing changes for it) and hands the
 * value back to util.inspect, which then formats it as usual (a custom method that returns the
 * value itself means "format me normally"; Timeout's own method is kept and called after). Only
 * values that are shown pay for it, once each; making them non-enumerable at the write instead
 * cost every promise a defineProperty (README, Decisions: Kernel).
 */
import { inspect } from "node:util";
import { Object, Reflect, setImmediate, setTimeout, clearTimeout, globalThisRef } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** What plain Node shows on none of them (promises carry ids only because the kernel's hooks are on). */
const ON_PROMISES: readonly string[] = ["kResourceStore", "async_id_symbol", "trigger_async_id_symbol"];
/** Timers show their own asyncId/triggerId in plain Node too: only the store is the kernel's. */
const ON_TIMERS: readonly string[] = ["kResourceStore"];

function hide(value: unknown, names: readonly string[]): void {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
  try {
    const symbols = Object.getOwnPropertySymbols(value);
    for (let i = 0; i < symbols.length; i++) {
      const d = symbols[i].description;
      let named = false;
      for (let j = 0; j < names.length; j++) named ||= d === names[j];
      if (!named) continue;
      const own = Object.getOwnPropertyDescriptor(value, symbols[i]);
      if (own !== undefined && own.enumerable === true && own.configurable === true) Object.defineProperty(value, symbols[i], { enumerable: false });
    }
  } catch {
    // a proxy or a frozen value: shown as it is
  }
}

function install(proto: object, names: readonly string[]): void {
  const previous = (proto as Record<symbol, unknown>)[inspect.custom];
  const own = Object.getOwnPropertyDescriptor(proto, inspect.custom);
  const method = function (this: unknown, ...args: unknown[]): unknown {
    hide(this, names);
    return own !== undefined && typeof previous === "function" ? Reflect.apply(previous as (...a: unknown[]) => unknown, this, args) : this;
  };
  Object.defineProperty(proto, inspect.custom, { value: method, configurable: true, writable: true, enumerable: false });
}

let installed = false;

/**
 * Install the inspect methods (once, before the first cell and before the kernel adopts the
 * built-ins as they are: primordials.ts adoptCurrentBuiltins).
 *
 * @example
 * hideAsyncBookkeepingFromInspect(); util.inspect(Promise.resolve(1)) // "Promise { 1 }" inside a cell
 */
export function hideAsyncBookkeepingFromInspect(): void {
  if (installed) return;
  installed = true;
  install(globalThisRef.Promise.prototype, ON_PROMISES);
  const t = setTimeout(() => undefined, 0);
  clearTimeout(t);
  install(Object.getPrototypeOf(t) as object, ON_TIMERS);
  const i = setImmediate(() => undefined);
  globalThisRef.clearImmediate(i);
  install(Object.getPrototypeOf(i) as object, ON_TIMERS);
}
