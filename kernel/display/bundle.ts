/**
 * A value -> its Jupyter mime bundle.
 *
 * Hard rule: never throws (a failing custom display falls back to text, with the error named);
 * `text/plain` is always present. Objects offering `[Symbol.for("Jupyter.display")]()` (the
 * protocol Deno's kernel uses) add what it returns, which wins over the default text.
 */
import { inspect } from "node:util";
import type { MimeBundle } from "../session/contract.js";
import { Object, Array, Error, String, Symbol, callFunction } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** The protocol symbol: `obj[JUPYTER_DISPLAY]()` returns a mime bundle. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

function hasOwnToString(value: object): boolean {
  for (let p: object | null = value; p && p !== Object.prototype && p !== Array.prototype && p !== Error.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, "toString")) return true;
  }
  return false;
}

/** The text/plain form: String(value) for objects with their own toString (like NDArray), else util.inspect. */
export function plainText(value: unknown): string {
  try {
    if (typeof value === "object" && value !== null && !(inspect.custom in value) && hasOwnToString(value)) return String(value);
    return inspect(value, { depth: 4, maxArrayLength: 100, breakLength: 100 });
  } catch (e) {
    return `<value that cannot be shown: ${(e as Error)?.message ?? String(e)}>`;
  }
}

/**
 * The mime bundle Jupyter shows for `value`.
 *
 * @example
 * toMimeBundle(42) // { "text/plain": "42" }
 * toMimeBundle({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<b>hi</b>" }) })
 * // { "text/plain": "{ [Symbol(Jupyter.display)]: [Function: ...] }", "text/html": "<b>hi</b>" }
 */
export function toMimeBundle(value: unknown): MimeBundle {
  const bundle: MimeBundle = { "text/plain": plainText(value) };
  if ((typeof value === "object" && value !== null) || typeof value === "function") {
    let method: unknown;
    try {
      method = (value as Record<symbol, unknown>)[JUPYTER_DISPLAY];
    } catch {
      method = undefined;
    }
    if (typeof method === "function") {
      try {
        const extra: unknown = callFunction(method as () => unknown, value); // not method.call: a cell may replace Function.prototype.call
        if (extra && typeof extra === "object") {
          for (const [mime, data] of Object.entries(extra as Record<string, unknown>)) if (data !== undefined) bundle[mime] = data;
        }
      } catch (e) {
        bundle["text/plain"] = `${bundle["text/plain"] as string}\n<display failed: ${(e as Error)?.message ?? String(e)}>`;
      }
    }
  }
  return bundle;
}
