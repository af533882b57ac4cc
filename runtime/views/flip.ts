/**
 * `np.flip`, `np.fliplr`, `np.flipud`: views that walk axes backwards.
 *
 * Rule (numpy/lib/function_base.py and twodim_base.py, NumPy 1.24): flipping an axis is the
 * slice `::-1` on it, so the view starts at the axis's last element and its stride changes sign;
 * flip with no axis reverses every axis. fliplr is `m[:, ::-1]` (needs ndim >= 2), flipud is
 * `m[::-1, ...]` (needs ndim >= 1). No data moves: O(ndim).
 * Differs from NumPy: flipping a 0-d array gives a 0-d view (NumPy's `m[()]` gives a scalar).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { isOptions, normalizeAxisTuple } from "./args.js";

/** The view of `a` with the axes in `axes` reversed. */
function reversed(a: NDArray, axes: readonly number[]): NDArray {
  let offset = a.offset;
  const strides = a.strides.slice();
  for (const ax of axes) {
    const n = a.shape[ax];
    if (n > 0) {
      offset += (n - 1) * a.strides[ax];
      strides[ax] = -a.strides[ax];
    }
  }
  return viewOf(a, a.shape, strides, offset);
}

/**
 * Reverse the order of elements along `axis` (all axes when omitted or null): a view.
 *
 * @example
 * const a = np.arange(8).reshape(2, 2, 2);
 * np.flip(a, 0).tolist() // [[[4, 5], [6, 7]], [[0, 1], [2, 3]]]
 * np.flip(a, { axis: [0, 2] }).strides // [-16, 8, -4]
 * np.flip(np.arange(4)) // array([3, 2, 1, 0])
 */
export function flip(m: ArrayLike, axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NDArray {
  const a = asarray(m);
  const ax = isOptions(axis) ? (axis.axis as number | readonly number[] | null | undefined) : (axis as number | readonly number[] | null | undefined);
  if (ax === undefined || ax === null) return reversed(a, a.shape.map((_, i) => i));
  return reversed(a, normalizeAxisTuple(ax, a.ndim));
}

/**
 * Reverse the columns (axis 1): `m[:, ::-1]`, a view; needs at least 2 dimensions.
 *
 * @example
 * np.fliplr(np.arange(4).reshape(2, 2)) // array([[1, 0], [3, 2]])
 */
export function fliplr(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 2) throw new ValueError("Input must be >= 2-d.");
  return reversed(a, [1]);
}

/**
 * Reverse the rows (axis 0): `m[::-1, ...]`, a view; needs at least 1 dimension.
 *
 * @example
 * np.flipud(np.arange(4).reshape(2, 2)) // array([[2, 3], [0, 1]])
 */
export function flipud(m: ArrayLike): NDArray {
  const a = asarray(m);
  if (a.ndim < 1) throw new ValueError("Input must be >= 1-d.");
  return reversed(a, [0]);
}
