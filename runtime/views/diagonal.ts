/**
 * `np.diagonal(a, offset, axis1, axis2)` (and `a.diagonal`) and `np.diag(v, k)`.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c `PyArray_Diagonal`, NumPy >= 1.9): the
 * diagonal is a READ-ONLY VIEW. The two axes are removed and one axis of length
 *   offset >= 0: max(0, min(dim1, dim2 - offset)),  offset < 0: max(0, min(dim1 + offset, dim2))
 * is appended, with stride stride1 + stride2, starting offset*stride2 (or -offset*stride1)
 * bytes in. Writing into it raises `assignment destination is read-only`; `base` is the owner.
 * `np.diag` of a 1-D array is a new 2-D array with `v` on diagonal k; of a 2-D array it is
 * `np.diagonal(v, k)`, the same read-only view, as NumPy's np.diag.
 * Errors are NumPy's: `diag requires an array of at least two dimensions`,
 * `axis1 and axis2 cannot be the same`, `axis1: axis 2 is out of bounds for array of dimension 2`,
 * `Input must be 1- or 2-d.`
 * Cost: O(ndim) for the view; O(n^2) for diag of a 1-D array.
 */
import { AxisError, ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";

/** Options of `np.diagonal` (NumPy's keywords). */
export interface DiagonalOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
}

function axisArg(axis: number, ndim: number, name: string): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    const e = new AxisError(axis, ndim);
    e.message = `${name}: ${e.message}`;
    throw e;
  }
  return axis < 0 ? axis + ndim : axis;
}

/**
 * NumPy's `np.diagonal`: the diagonal of `a` over `axis1`/`axis2` as a read-only view.
 *
 * @example
 * np.diagonal(np.arange(9).reshape(3, 3))                      // array([0, 4, 8])
 * np.diagonal(np.arange(9).reshape(3, 3), 1)                   // array([1, 5])
 * np.diagonal(np.arange(8).reshape(2, 2, 2), { axis1: 1, axis2: 2 }).tolist() // [[0, 3], [4, 7]]
 * np.diagonal(np.eye(3)).flags.writeable                      // false
 */
export function diagonal(a: ArrayLike, offset: number | DiagonalOptions = 0, axis1 = 0, axis2 = 1): NDArray {
  const o: Required<DiagonalOptions> =
    typeof offset === "object" ? { offset: offset.offset ?? 0, axis1: offset.axis1 ?? 0, axis2: offset.axis2 ?? 1 } : { offset, axis1, axis2 };
  const arr = a instanceof NDArray ? a : asarray(a);
  const nd = arr.ndim;
  if (nd < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const ax1 = axisArg(o.axis1, nd, "axis1");
  const ax2 = axisArg(o.axis2, nd, "axis2");
  if (ax1 === ax2) throw new ValueError("axis1 and axis2 cannot be the same");
  let dim1 = arr.shape[ax1];
  let dim2 = arr.shape[ax2];
  const s1 = arr.strides[ax1];
  const s2 = arr.strides[ax2];
  let start = arr.offset;
  let k = o.offset;
  if (k >= 0) {
    if (k < dim2) {
      dim2 -= k;
      start += k * s2;
    } else dim2 = 0;
  } else {
    k = -k;
    if (k < dim1) {
      dim1 -= k;
      start += k * s1;
    } else dim1 = 0;
  }
  const n = Math.min(dim1, dim2);
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (i === ax1 || i === ax2) continue;
    shape.push(arr.shape[i]);
    strides.push(arr.strides[i]);
  }
  shape.push(n);
  strides.push(s1 + s2);
  return new NDArray({ data: arr.data, dtype: arr.dtype, shape, strides, offset: n === 0 ? arr.offset : start, base: arr.base ?? arr, writeable: false });
}

/**
 * NumPy's `np.diag`: a 2-D array with `v` on diagonal `k` (for 1-D `v`, a new array), or the k-th
 * diagonal of a 2-D `v` (a read-only view, as NumPy).
 *
 * @example
 * np.diag(np.array([1, 2])).tolist() // [[1, 0], [0, 2]]
 * np.diag(np.array([1, 2]), 1).shape // [3, 3]
 * np.diag(np.arange(4).reshape(2, 2)) // array([0, 3])
 */
export function diag(v: ArrayLike, k: number | { k?: number } = 0): NDArray {
  const kk = typeof k === "object" ? (k.k ?? 0) : k;
  const arr = v instanceof NDArray ? v : asarray(v);
  if (arr.ndim === 1) {
    const n = arr.shape[0] + Math.abs(kk);
    const res = newArray([n, n], arr.dtype);
    const isz = arr.itemsize;
    const src = arr.offset / isz;
    const step = arr.strides[0] / isz;
    for (let i = 0; i < arr.shape[0]; i++) {
      const r = kk >= 0 ? i : i - kk;
      const c = kk >= 0 ? i + kk : i;
      res.data[r * n + c] = arr.data[src + i * step];
    }
    return res;
  }
  if (arr.ndim === 2) return diagonal(arr, kk);
  throw new ValueError("Input must be 1- or 2-d.");
}
