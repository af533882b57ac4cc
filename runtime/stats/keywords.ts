/**
 * NumPy's calling convention in JS: keywords as one options object as the last argument, and the
 * keywords NumPy also takes positionally accepted positionally (`np.sort(a, 0)` is
 * `np.sort(a, { axis: 0 })`).
 *
 * Rule: the last argument is the options object when it is a plain object (not an NDArray, a JS
 * array, a typed array or null); the arguments before it fill `names` in order. A keyword given
 * both ways is NumPy's TypeError. O(number of arguments).
 */
import { NDArray } from "../core/ndarray.js";

/** Whether `x` is an options object rather than a positional value. @example isOptions({ axis: 0 }) // true */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/**
 * Positional arguments `args` (after the array arguments) and a trailing options object, merged
 * into one keyword record named by `names`.
 *
 * @example
 * keywordArgs("sort", [0, { kind: "stable" }], ["axis", "kind"]) // { axis: 0, kind: "stable" }
 */
export function keywordArgs<T extends object>(fn: string, args: readonly unknown[], names: readonly (keyof T & string)[]): T {
  let pos = args;
  let opts: Record<string, unknown> = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    opts = { ...(args[args.length - 1] as Record<string, unknown>) };
    pos = args.slice(0, -1);
  }
  if (pos.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments after the array (${pos.length} given)`);
  }
  pos.forEach((v, i) => {
    if (v === undefined) return;
    if (opts[names[i]] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    opts[names[i]] = v;
  });
  return opts as T;
}
