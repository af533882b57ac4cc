/**
 * Objects indexed with NumPy's subscript syntax written as a string: `np.s_["1:3, ::2"]`,
 * `np.mgrid["0:5, 0:3"]` (a Proxy whose property keys are the index strings).
 *
 * Rule: a key that reads as a plain identifier (`then`, `toJSON`, `constructor`, ...) is an
 * ordinary property lookup (so `await`, JSON, printing and inspection see an ordinary object);
 * every other string key is handed to `index` (so `"1"`, `"1:3"`, `"..., None"` all index).
 * Symbols are ordinary lookups. Cost: one Proxy trap per access.
 */
import { inspect } from "node:util";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * An object whose string subscripts call `index` (identifiers stay ordinary properties).
 *
 * @example
 * const sq = subscriptable("sq", (k) => Number(k) ** 2);
 * sq["3"] // 9
 */
export function subscriptable<T>(name: string, index: (key: string) => T, extra: Record<string, unknown> = {}): { readonly [key: string]: T } {
  const target: Record<string | symbol, unknown> = {
    ...extra,
    toString: () => name,
    [Symbol.toStringTag]: name,
    [inspect.custom]: () => name,
  };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === "symbol" || (IDENTIFIER.test(key) && key !== "None" && key !== "newaxis")) return Reflect.get(t, key, receiver);
      return index(key);
    },
  }) as { readonly [key: string]: T };
}
