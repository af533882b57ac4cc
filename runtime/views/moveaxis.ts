/**
 * `np.moveaxis` and `np.rollaxis`: views with axes moved to new positions (transposes).
 *
 * Rule (numpy/core/numeric.py, NumPy 1.24): moveaxis takes the axes named by `source` out and
 * puts them back at `destination` (both normalised with NumPy's argument-named messages), the
 * other axes keeping their order; rollaxis moves one axis to before position `start`
 * (0 <= start <= ndim after adding ndim to a negative start), and returns `a[...]` (a new view of
 * the same layout) when nothing moves. No data moves: O(ndim).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { axisError, normalizeAxisIndex, normalizeAxisTuple } from "./args.js";
import { transposeArray } from "./transpose.js";

/**
 * Move axes to new positions; the others keep their order (a view).
 *
 * @example
 * const x = np.zeros([3, 4, 5]);
 * np.moveaxis(x, 0, -1).shape // [4, 5, 3]
 * np.moveaxis(x, [0, 1], [-1, -2]).shape // [5, 4, 3]
 * np.moveaxis(x, 0, -1).base === x // true
 */
export function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const arr = asarray(a);
  const src = normalizeAxisTuple(source, arr.ndim, "source");
  const dst = normalizeAxisTuple(destination, arr.ndim, "destination");
  if (src.length !== dst.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = arr.shape.map((_, i) => i).filter((i) => !src.includes(i));
  const pairs = dst.map((d, k) => [d, src[k]] as const).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transposeArray(arr, order);
}

/**
 * Roll `axis` backwards until it lies before position `start` (a view). NumPy recommends `moveaxis`.
 *
 * @example
 * const x = np.zeros([3, 4, 5, 6]);
 * np.rollaxis(x, 3, 1).shape // [3, 6, 4, 5]
 * np.rollaxis(x, 2).shape // [5, 3, 4, 6]
 */
export function rollaxis(a: ArrayLike, axis: number, start: number | { start?: number } = 0): NDArray {
  const arr = asarray(a);
  const n = arr.ndim;
  const ax = normalizeAxisIndex(axis, n);
  let st = typeof start === "number" ? start : (start.start ?? 0);
  if (st < 0) st += n;
  if (!(st >= 0 && st < n + 1)) throw axisError(`'start' arg requires ${-n} <= start < ${n + 1}, but ${st} was passed in`);
  if (ax < st) st -= 1;
  if (ax === st) return viewOf(arr, arr.shape, arr.strides, arr.offset);
  const axes = arr.shape.map((_, i) => i).filter((i) => i !== ax);
  axes.splice(st, 0, ax);
  return transposeArray(arr, axes);
}
