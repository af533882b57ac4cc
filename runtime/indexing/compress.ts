/**
 * `np.compress` / `a.compress`: the slices of an array along an axis where a 1-D condition holds.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c PyArray_Compress, NumPy 1.24): `condition`
 * must be 1-D; the result is `np.take(a, np.nonzero(condition)[0], axis)` (mode 'raise'), so a
 * condition shorter than the axis keeps only what it covers, and a longer one is allowed while
 * its extra entries are false (a true one past the end is take's IndexError). `axis: null` (the
 * default) works on the C-order flattening. A copy; `out` is written and returned when given.
 * Cost: O(result size).
 */
import { ValueError } from "../core/errors.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { nonzero } from "../sorting/nonzero.js";
import { isOptions } from "../views/args.js";
import { takeFrom } from "./take-put.js";

/** Keywords of compress. */
export interface CompressOptions {
  /** Axis to select along (default null: the flattened array). */
  axis?: number | null;
  /** Where to write the result. */
  out?: NDArray | null;
}

/**
 * The slices of `a` along `axis` (default: the flattened array) where `condition` is true.
 *
 * @example
 * const a = np.array([[1, 2], [3, 4], [5, 6]]);
 * np.compress([0, 1], a, { axis: 0 }).tolist()        // [[3, 4]]
 * np.compress([false, true, true], a, { axis: 0 }).tolist() // [[3, 4], [5, 6]]
 * np.compress([false, true], a)                       // array([2])
 */
export function compress(condition: ArrayLike, a: ArrayLike, options?: CompressOptions): NDArray;
export function compress(condition: ArrayLike, a: ArrayLike, axis?: number | null, out?: NDArray | null): NDArray;
export function compress(condition: ArrayLike, a: ArrayLike, ...args: unknown[]): NDArray {
  const o: CompressOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args[args.length - 1] as CompressOptions) : { axis: args[0] as number | null, out: args[1] as NDArray | null };
  const cond = asarray(condition);
  if (cond.ndim !== 1) throw new ValueError("condition must be a 1-d array");
  const [where] = nonzero(cond);
  return takeFrom(asarray(a), where, o.axis ?? null, "raise", o.out ?? undefined) as NDArray;
}
