/**
 * `np.atleast_1d`, `np.atleast_2d`, `np.atleast_3d`: views with at least that many axes.
 *
 * Rule (numpy/core/shape_base.py, NumPy 1.24): an array that already has enough axes is returned
 * itself; a 0-d array is reshaped to (1,), (1, 1) or (1, 1, 1); atleast_2d of 1-d is
 * `a[None, :]`; atleast_3d of 1-d is `a[None, :, None]` and of 2-d `a[:, :, None]` (a new axis
 * from indexing has stride 0). One argument gives one array, several give a list. O(ndim).
 */
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { reshapeArray } from "./reshape.js";

/** `a` with a length-1, stride-0 axis inserted at each position in `at` (positions in the result). */
function withNewAxes(a: NDArray, at: readonly number[]): NDArray {
  const shape = a.shape.slice();
  const strides = a.strides.slice();
  for (const i of at) {
    shape.splice(i, 0, 1);
    strides.splice(i, 0, 0);
  }
  return viewOf(a, shape, strides, a.offset);
}

/** @internal atleast_1d of one array. */
export function atleast1(x: ArrayLike): NDArray {
  const a = asarray(x);
  return a.ndim === 0 ? reshapeArray(a, [1]) : a;
}

/** @internal atleast_2d of one array. */
export function atleast2(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) return reshapeArray(a, [1, 1]);
  if (a.ndim === 1) return withNewAxes(a, [0]);
  return a;
}

/** @internal atleast_3d of one array. */
export function atleast3(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) return reshapeArray(a, [1, 1, 1]);
  if (a.ndim === 1) return withNewAxes(a, [0, 2]);
  if (a.ndim === 2) return withNewAxes(a, [2]);
  return a;
}

/**
 * Inputs as arrays with at least one dimension (a 0-d input becomes shape [1]); one input gives
 * one array, several give a list. Arrays that already qualify come back themselves.
 *
 * @example
 * np.atleast_1d(1) // array([1])
 * const x = np.arange(3);
 * np.atleast_1d(x) === x // true
 * np.atleast_1d(1, [3, 4]).length // 2
 */
export function atleast_1d(ary: ArrayLike): NDArray;
export function atleast_1d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map(atleast1);
  return out.length === 1 ? out[0] : out;
}

/**
 * Inputs as arrays with at least two dimensions (1-d of length N becomes [1, N], a view).
 *
 * @example
 * np.atleast_2d(3) // array([[3]])
 * np.atleast_2d(np.arange(3)).shape // [1, 3]
 */
export function atleast_2d(ary: ArrayLike): NDArray;
export function atleast_2d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map(atleast2);
  return out.length === 1 ? out[0] : out;
}

/**
 * Inputs as arrays with at least three dimensions: 1-d N becomes [1, N, 1], 2-d [M, N] becomes [M, N, 1].
 *
 * @example
 * np.atleast_3d(np.arange(3)).shape // [1, 3, 1]
 * np.atleast_3d(np.zeros([2, 3])).shape // [2, 3, 1]
 */
export function atleast_3d(ary: ArrayLike): NDArray;
export function atleast_3d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast_3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map(atleast3);
  return out.length === 1 ? out[0] : out;
}
