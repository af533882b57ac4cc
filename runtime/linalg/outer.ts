/**
 * `np.outer(a, b, { out })`, `np.inner(a, b)` and `np.trace(a, offset, axis1, axis2, { dtype, out })`.
 *
 * Rules (NumPy 1.24, numeric.py `outer`, multiarraymodule.c `PyArray_InnerProduct`, `PyArray_Trace`):
 * - outer: `np.multiply(ravel(a)[:, None], ravel(b)[None, :], out)`: a new (M, N) array (or `out`),
 *   the dtype of `multiply` of the two (a JS number is a 0-d array here, as NumPy's asarray).
 * - inner: a 0-d operand gives `np.multiply(a, b)`; otherwise `np.dot(a, b')` where b' is b with its
 *   last two axes swapped, so the sum runs over the last axis of both, the result has shape
 *   `a.shape[:-1] + b.shape[:-1]`, and a mismatch raises dot's message on b' as NumPy does
 *   (`shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)` for b of shape (5,4)). As `dot`
 *   here, 1-D with 1-D gives a 0-d array (NumPy: a scalar).
 * - trace: the sum (`np.sum` over the last axis, with `dtype`/`out`) of `np.diagonal(a, offset,
 *   axis1, axis2)`; a 2-D input gives a number (NumPy's scalar). Sum dtypes are this runtime's
 *   (int32 for small integers, see the README).
 * Cost: outer O(M*N); inner as dot; trace O(size of the diagonal).
 */
import { NDArray } from "../core/ndarray.js";
import type { DType } from "../core/dtype.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { sum } from "../reduce/reduce.js";
import { multiply } from "../ufunc/ufuncs.js";
import { swapaxes } from "../views/transpose.js";
import { ravel } from "../views/ravel.js";
import { reshape } from "../views/reshape.js";
import { diagonal } from "../views/diagonal.js";
import { dot } from "./product.js";

const arr = (x: ArrayLike): NDArray => (x instanceof NDArray ? x : asarray(x));

/**
 * NumPy's `np.outer`: `out[i, j] = a.ravel()[i] * b.ravel()[j]`.
 *
 * @example
 * np.outer(np.array([1, 2]), np.array([1, 10, 100])).tolist() // [[1, 10, 100], [2, 20, 200]]
 */
export function outer(a: ArrayLike, b: ArrayLike, options?: { out?: NDArray }): NDArray {
  const x = ravel(arr(a));
  const y = ravel(arr(b));
  const col = reshape(x, [x.size, 1]);
  const row = reshape(y, [1, y.size]);
  return (options?.out !== undefined ? multiply(col, row, { out: options.out }) : multiply(col, row)) as NDArray;
}

/**
 * NumPy's `np.inner`: sums of products over the last axes of `a` and `b`.
 *
 * @example
 * np.inner(np.array([1, 2, 3]), np.array([0, 1, 0])).item() // 2
 * np.inner(np.arange(6).reshape(2, 3), np.array([1, 1, 1]))   // array([ 3, 12])
 */
export function inner(a: ArrayLike, b: ArrayLike): NDArray {
  const x = arr(a);
  const y = arr(b);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y) as NDArray;
  return dot(x, y.ndim >= 2 ? swapaxes(y, -1, -2) : y);
}

/** Options of `np.trace` (NumPy's keywords). */
export interface TraceOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
  dtype?: DType;
  out?: NDArray;
}

/**
 * NumPy's `np.trace`: the sum along a diagonal (a number for 2-D input, else an array).
 *
 * @example
 * np.trace(np.arange(9).reshape(3, 3))    // 12
 * np.trace(np.arange(9).reshape(3, 3), 1) // 6
 * np.trace(np.arange(8).reshape(2, 2, 2)) // array([6, 8])
 */
export function trace(a: ArrayLike, offset: number | TraceOptions = 0, axis1 = 0, axis2 = 1, options?: TraceOptions): NDArray | number {
  const o: TraceOptions = typeof offset === "object" ? offset : { ...options, offset, axis1, axis2 };
  const d = diagonal(arr(a), { offset: o.offset ?? 0, axis1: o.axis1 ?? 0, axis2: o.axis2 ?? 1 });
  if (d.ndim === 1 && o.out === undefined) return sum(d, o.dtype !== undefined ? { dtype: o.dtype } : undefined) as number; // a bool dtype gives a boolean at run time
  return sum(d, { axis: -1, dtype: o.dtype, out: o.out }) as NDArray;
}
