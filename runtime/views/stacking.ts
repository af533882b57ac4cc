/**
 * `np.vstack`, `np.hstack`, `np.dstack`, `np.column_stack`, `np.row_stack`: new arrays joining
 * others along an axis after giving each input enough axes (always copies).
 *
 * Rule (numpy/core/shape_base.py and numpy/lib/shape_base.py, NumPy 1.24): vstack is
 * `concatenate(atleast_2d(*tup), 0)`; hstack is `concatenate(atleast_1d(*tup), 0 if the first
 * is 1-d else 1)`; dstack is `concatenate(atleast_3d(*tup), 2)`; column_stack turns 0-d and 1-d
 * inputs into columns (`array(v, ndmin=2).T`) and joins along axis 1; row_stack is vstack.
 * Layout, dtype and errors are concatenate's (views/join.ts). Cost: one allocation, O(total size).
 */
import type { DType } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { atleast1, atleast2, atleast3 } from "./atleast.js";
import { concatenate } from "./join.js";
import { reshapeArray } from "./reshape.js";
import { transposeArray } from "./transpose.js";

/** Options of vstack / hstack (NumPy 1.24's `dtype` keyword; casting is always 'same_kind' here). */
export interface StackOptions {
  dtype?: DType;
}

/**
 * Stack arrays row-wise: 1-d inputs of length N become rows [1, N] (a new array).
 *
 * @example
 * np.vstack([np.array([1, 2, 3]), np.array([4, 5, 6])]) // array([[1, 2, 3], [4, 5, 6]])
 * np.vstack([np.zeros([2, 3]), np.ones([1, 3])]).shape // [3, 3]
 */
export function vstack(tup: readonly ArrayLike[], options?: StackOptions): NDArray {
  return concatenate(tup.map(atleast2), { axis: 0, dtype: options?.dtype });
}

/** NumPy's `np.row_stack`, the same as `vstack`. @example np.row_stack([[1, 2], [3, 4]]).shape // [2, 2] */
export function row_stack(tup: readonly ArrayLike[], options?: StackOptions): NDArray {
  return vstack(tup, options);
}

/**
 * Stack arrays column-wise: 1-d inputs join end to end, others along axis 1 (a new array).
 *
 * @example
 * np.hstack([np.array([1, 2, 3]), np.array([4, 5])]) // array([1, 2, 3, 4, 5])
 * np.hstack([np.zeros([2, 1]), np.ones([2, 2])]).shape // [2, 3]
 */
export function hstack(tup: readonly ArrayLike[], options?: StackOptions): NDArray {
  const arrs = tup.map(atleast1);
  const axis = arrs.length > 0 && arrs[0].ndim === 1 ? 0 : 1;
  return concatenate(arrs, { axis, dtype: options?.dtype });
}

/**
 * Stack arrays along the third axis (depth): [N] becomes [1, N, 1], [M, N] becomes [M, N, 1].
 *
 * @example
 * np.dstack([np.array([1, 2, 3]), np.array([4, 5, 6])]).shape // [1, 3, 2]
 * np.dstack([np.array([1, 2]), np.array([3, 4])]).tolist() // [[[1, 3], [2, 4]]]
 */
export function dstack(tup: readonly ArrayLike[]): NDArray {
  return concatenate(tup.map(atleast3), { axis: 2 });
}

/**
 * Stack 1-d arrays as the columns of a 2-d array (2-d inputs are joined as they are).
 *
 * @example
 * np.column_stack([np.array([1, 2, 3]), np.array([4, 5, 6])]) // array([[1, 4], [2, 5], [3, 6]])
 */
export function column_stack(tup: readonly ArrayLike[]): NDArray {
  const arrs = tup.map((v) => {
    const a = asarray(v);
    if (a.ndim >= 2) return a;
    return transposeArray(reshapeArray(a, a.ndim === 0 ? [1, 1] : [1, a.shape[0]]));
  });
  return concatenate(arrs, { axis: 1 });
}
