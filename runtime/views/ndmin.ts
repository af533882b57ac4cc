/**
 * `np.array(a, copy=False, ndmin=n)` for an array `a`: a view with length-1 axes prepended.
 *
 * Rule (numpy/core/src/multiarray/multiarraymodule.c `_prepend_ones`, NumPy 1.24): every
 * prepended axis gets one stride: the itemsize when `a` is Fortran-ordered (F- and not
 * C-contiguous) or 0-d, else `strides[0] * shape[0]` (so 0 for an array whose first axis is
 * empty). Not a reshape: reshaping an empty array would give it fresh C strides instead.
 * Cost: O(ndim), no copy.
 */
import { NDArray } from "../core/ndarray.js";
import { isFortran } from "../create/layout.js";

/**
 * `a` with length-1 axes prepended up to `ndmin` axes (`a` itself when it has enough).
 *
 * @example
 * prependOnes(np.arange(3), 3).strides // [12, 12, 4]
 * prependOnes(np.zeros([2, 3]).T, 3).strides // [8, 8, 24]
 */
export function prependOnes(a: NDArray, ndmin: number): NDArray {
  if (a.ndim >= ndmin) return a;
  const stride = a.ndim === 0 || isFortran(a) ? a.itemsize : a.strides[0] * a.shape[0];
  const k = ndmin - a.ndim;
  return new NDArray({
    data: a.data,
    dtype: a.dtype,
    shape: [...new Array<number>(k).fill(1), ...a.shape],
    strides: [...new Array<number>(k).fill(stride), ...a.strides],
    offset: a.offset,
    base: a.base ?? a,
    writeable: a._writeable,
  });
}
