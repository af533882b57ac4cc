/**
 * `np.flip`, `np.fliplr`, `np.flipud`, `np.rot90`: views that walk axes backwards.
 *
 * Rule (numpy/lib/function_base.py and twodim_base.py, NumPy 1.24): flipping an axis is the
 * slice `::-1` on it, so the view starts at the axis's last element and its stride changes sign;
 * flip with no axis reverses every axis. fliplr is `m[:, ::-1]` (needs ndim >= 2), flipud is
 * `m[::-1, ...]` (needs ndim >= 1). rot90 (function_base.py) is a flip and a transpose: k=1
 * `transpose(flip(m, axes[1]), swapped)`, k=2 `flip(flip(m, axes[0]), axes[1])`, k=3
 * `flip(transpose(m, swapped), axes[1])`, k=0 `m[:]`. No data moves: O(ndim).
 * Differs from NumPy: flipping a 0-d array gives a 0-d view (NumPy's `m[()]` gives a scalar).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { isOptions, normalizeAxisTuple } from "./args.js";
import { transposeArray } from "./transpose.js";

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

/**
 * Rotate by 90 degrees `k` times in the plane of `axes` (from the first axis towards the second),
 * NumPy's `np.rot90(m, k=1, axes=(0, 1))`: a view.
 *
 * @example
 * const m = np.array([[1, 2], [3, 4]]);
 * np.rot90(m) // array([[2, 4], [1, 3]])
 * np.rot90(m, 2) // array([[4, 3], [2, 1]])
 * np.rot90(np.arange(8).reshape(2, 2, 2), 1, [1, 2]).tolist() // [[[1, 3], [0, 2]], [[5, 7], [4, 6]]]
 * np.shares_memory(np.rot90(m), m) // true
 */
export function rot90(m: ArrayLike, k: number | { k?: number; axes?: readonly number[] } = 1, axes: readonly number[] = [0, 1]): NDArray {
  let turns = k;
  let ax = axes;
  if (typeof k === "object" && k !== null) {
    turns = k.k ?? 1;
    ax = k.axes ?? [0, 1];
  }
  const a = asarray(m);
  if (ax.length !== 2) throw new ValueError("len(axes) must be 2.");
  const [a0, a1] = ax;
  if (a0 === a1 || Math.abs(a0 - a1) === a.ndim) throw new ValueError("Axes must be different.");
  if (a0 >= a.ndim || a0 < -a.ndim || a1 >= a.ndim || a1 < -a.ndim) throw new ValueError(`Axes=(${a0}, ${a1}) out of range for array of ndim=${a.ndim}.`);
  const n = (((turns as number) % 4) + 4) % 4;
  const p0 = a0 < 0 ? a0 + a.ndim : a0;
  const p1 = a1 < 0 ? a1 + a.ndim : a1;
  if (n === 0) return viewOf(a, a.shape, a.strides, a.offset);
  if (n === 2) return reversed(reversed(a, [p0]), [p1]);
  const perm = a.shape.map((_, i) => i);
  [perm[p0], perm[p1]] = [perm[p1], perm[p0]];
  if (n === 1) return transposeArray(reversed(a, [p1]), perm);
  return reversed(transposeArray(a, perm), [p1]);
}
