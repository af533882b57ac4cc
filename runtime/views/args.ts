/**
 * Argument helpers shared by the shape routines: NumPy's `normalize_axis_tuple` (with its
 * argument-named messages), telling an options object from an array argument, and AxisError
 * with a message of its own (NumPy's `AxisError(msg)` form). O(number of axes).
 */
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";

/**
 * Whether `x` is an options object (NumPy's keywords) rather than an array, a number or a string.
 *
 * @example
 * isOptions({ axis: 0 }) // true
 * isOptions([1, 2]) // false
 */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/**
 * An AxisError whose whole message is `message` (NumPy's `AxisError(msg)`).
 *
 * @example
 * axisError("'start' arg requires -2 <= start < 3, but 5 was passed in").name // "AxisError"
 */
export function axisError(message: string): AxisError {
  const e = new AxisError(0, 0);
  e.message = message;
  return e;
}

/**
 * NumPy's `normalize_axis_index(axis, ndim, msg_prefix)`: the axis made non-negative, or an
 * AxisError whose message starts with `prefix: ` when a prefix is given.
 *
 * @example
 * normalizeAxisIndex(-1, 3) // 2
 */
export function normalizeAxisIndex(axis: number, ndim: number, prefix?: string): number {
  if (!Number.isInteger(axis)) throw new TypeError(`'${typeof axis === "number" ? "float" : typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) {
    const e = new AxisError(axis, ndim);
    if (prefix !== undefined) e.message = `${prefix}: ${e.message}`;
    throw e;
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * NumPy's `normalize_axis_tuple(axis, ndim, argname, allow_duplicate)`.
 *
 * @example
 * normalizeAxisTuple([0, -1], 3) // [0, 2]
 */
export function normalizeAxisTuple(axis: number | readonly number[], ndim: number, argname?: string, allowDuplicate = false): number[] {
  const list = typeof axis === "number" ? [axis] : axis;
  const out = list.map((a) => normalizeAxisIndex(a, ndim, argname));
  if (!allowDuplicate && new Set(out).size !== out.length) {
    throw new ValueError(argname !== undefined ? `repeated axis in \`${argname}\` argument` : "repeated axis");
  }
  return out;
}

/**
 * The option `name` from a positional argument or an options object given in its place.
 *
 * @example
 * positionalOr(undefined, { axis: 1 }, "axis") // 1
 */
export function positionalOr<T>(positional: T | Record<string, unknown> | undefined, options: Record<string, unknown> | undefined, name: string): T | undefined {
  if (isOptions(positional)) return positional[name] as T | undefined;
  if (positional !== undefined) return positional;
  return options?.[name] as T | undefined;
}
