/**
 * NumPy's positional-or-keyword parameters for the random generators' methods: the arguments as
 * given, with NumPy's keywords as one options object that may follow any of them.
 *
 * Rule: a name given both by position and in the options object is NumPy's TypeError ("got multiple
 * values for keyword argument"), as are more positional arguments than the method takes.
 */
import { NDArray as NDArrayClass } from "../core/ndarray.js";

/** A trailing options object: a plain object, not an array, an NDArray or null. */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArrayClass);
}

/**
 * NumPy's positional-or-keyword parameters: `args` as given (the options object may come after
 * any of them), read by `names`; a keyword given twice is NumPy's TypeError.
 */
export function params<T extends object>(method: string, names: readonly string[], args: readonly unknown[]): Partial<T> {
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  const opts = isOptions(last) ? last : {};
  const positional = isOptions(last) ? args.slice(0, -1) : args;
  const out: Record<string, unknown> = { ...opts };
  positional.forEach((v, i) => {
    if (i >= names.length) throw new TypeError(`${method}() takes at most ${names.length} positional arguments (${positional.length} given)`);
    if (names[i] in opts && v !== undefined) throw new TypeError(`${method}() got multiple values for keyword argument '${names[i]}'`);
    if (v !== undefined) out[names[i]] = v;
  });
  return out as Partial<T>;
}

