/**
 * A value -> its Jupyter mime bundle.
 *
 * Hard rule: never throws (a failing custom display falls back to text, with the error named);
 * `text/plain` is always present. Objects offering `[Symbol.for("Jupyter.display")]()` (the
 * protocol Deno's kernel uses) add what it returns, which wins over the default text.
 */
import { inspect } from "node:util";
import type { MimeBundle } from "../session/contract.js";
import { Object, Array, Error, String, Symbol, Reflect, Set, JSON, callFunction } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** The protocol symbol: `obj[JUPYTER_DISPLAY]()` returns a mime bundle. */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

function hasOwnToString(value: object): boolean {
  // Typed arrays' toString joins every element (a 2 ** 26-element Float64Array: 6 s and a 134 MB
  // string, where util.inspect shows 100): they are inspected as plain Node shows them.
  for (let p: object | null = value; p && p !== Object.prototype && p !== Array.prototype && p !== Error.prototype && p !== TYPED_ARRAY_PROTOTYPE; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, "toString")) return true;
  }
  return false;
}

/** The text/plain its display method gives an object (an NDArray's NumPy repr), else null. */
function displayedText(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const method: unknown = (v as Record<symbol, unknown>)[JUPYTER_DISPLAY];
  if (typeof method !== "function") return null;
  const bundle: unknown = callFunction(method as () => unknown, v);
  const text: unknown = bundle && typeof bundle === "object" ? (bundle as Record<string, unknown>)["text/plain"] : undefined;
  return typeof text === "string" ? text : null;
}

/** %TypedArray%.prototype, where the typed arrays' shared toString lives. */
const TYPED_ARRAY_PROTOTYPE = Object.getPrototypeOf(Uint8Array.prototype) as object;

/** Most elements a list shown element by element may have (util.inspect's maxArrayLength). */
const MAX_LIST = 100;
/** How deep lists of lists are shown element by element (util.inspect's depth below; deeper: util.inspect alone). */
const MAX_LIST_DEPTH = 4;

/**
 * A JS array holding arrays (NumPy's tuples and lists of arrays: `np.nonzero(a)`,
 * `np.unique(a, { return_counts: true })`, `np.split(a, 3)`) reads as Python shows a list of
 * arrays, each element by its repr: `[array([0, 1]), array([2, 3])]`. Null when no element (at
 * any depth) displays itself, or the list is long: then util.inspect shows it.
 */
function listText(value: readonly unknown[], depth = 0): string | null {
  if (value.length > MAX_LIST || depth > MAX_LIST_DEPTH) return null;
  let any = false;
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const shown = Array.isArray(v) ? listText(v, depth + 1) : displayedText(v);
    if (shown !== null) any = true;
    parts[parts.length] = shown ?? inspect(v, { depth: 4, maxArrayLength: MAX_LIST, breakLength: 100 });
  }
  return any ? `[${parts.join(", ")}]` : null;
}

/** Node's bookkeeping on async resources (AsyncLocalStorage's store, async_hooks' ids), by symbol description. */
const ASYNC_BOOKKEEPING = new Set(["kResourceStore", "async_id_symbol", "trigger_async_id_symbol"]);

/**
 * `show()` with the async bookkeeping Node writes onto a promise or timer (enumerable symbol
 * properties) taken off `value` for the moment: a pending promise as a cell's result reads
 * `Promise { <pending> }`, not the kernel's cell store and async ids. Put back before returning
 * (nothing else runs in between).
 */
function withoutAsyncBookkeeping(value: unknown, show: () => string): string {
  if (typeof value !== "object" || value === null) return show();
  const taken: [symbol, PropertyDescriptor][] = [];
  const symbols = Object.getOwnPropertySymbols(value);
  for (let i = 0; i < symbols.length; i++) {
    const key = symbols[i];
    if (!ASYNC_BOOKKEEPING.has(key.description ?? "")) continue;
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d !== undefined && d.configurable && Reflect.deleteProperty(value, key)) taken[taken.length] = [key, d];
  }
  try {
    return show();
  } finally {
    for (let i = 0; i < taken.length; i++) Object.defineProperty(value, taken[i][0], taken[i][1]);
  }
}

/**
 * The text/plain form: String(value) for objects with their own toString (like NDArray), a list
 * of arrays as Python's list of reprs, else util.inspect.
 */
export function plainText(value: unknown): string {
  try {
    if (Array.isArray(value)) {
      const list = listText(value);
      if (list !== null) return list;
    }
    if (typeof value === "object" && value !== null && !(inspect.custom in value) && hasOwnToString(value)) return String(value);
    return withoutAsyncBookkeeping(value, () => inspect(value, { depth: 4, maxArrayLength: 100, breakLength: 100 }));
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
  return plainData(bundle);
}

/**
 * The bundle with every value as the wire will carry it: a value a display method returned that is
 * not a string (`application/json`'s object) is turned into plain JSON data here, where its
 * `toJSON` or a getter runs as the display's own code, not later inside the kernel's message
 * writer. A value JSON cannot carry (a cycle, a BigInt, a throwing toJSON: each failed the whole
 * execute_reply before, the result lost) is left out, and text/plain says why.
 */
function plainData(bundle: MimeBundle): MimeBundle {
  const keys = Object.keys(bundle);
  for (let i = 0; i < keys.length; i++) {
    const mime = keys[i];
    const data = bundle[mime];
    if (typeof data === "string") continue;
    let plain: unknown;
    let problem = "";
    try {
      const text = JSON.stringify(data);
      if (typeof text === "string") plain = JSON.parse(text);
      else problem = `a ${typeof data} is not JSON`;
    } catch (e) {
      problem = errorText(e);
    }
    if (problem === "" && mime === "text/plain" && typeof plain !== "string") problem = "text/plain must be a string";
    if (problem === "") {
      bundle[mime] = plain;
      continue;
    }
    delete bundle[mime];
    if (mime === "text/plain") bundle["text/plain"] = "<value that cannot be shown>";
    bundle["text/plain"] = `${typeof bundle["text/plain"] === "string" ? bundle["text/plain"] : ""}\n<display failed: ${mime}: ${problem}>`;
  }
  return bundle;
}

function errorText(e: unknown): string {
  try {
    return (e as Error)?.message ?? String(e);
  } catch {
    return "an error that cannot be read";
  }
}
