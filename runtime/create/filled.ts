/**
 * `np.empty`, `np.zeros`, `np.ones`, `np.full`: new arrays owning fresh memory.
 *
 * Rule: shape is a number or an array of non-negative integers; order `C` (row-major, default)
 * or `F` (column-major) fixes the strides (see core/shape.ts). `np.empty` is zero-filled here
 * (typed arrays always are), which NumPy does not promise. Cost: one counted allocation.
 */
import { DEFAULT_FLOAT, type DType } from "../core/dtype.js";
import { copyInto } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { toShape } from "../core/shape.js";
import { inferDType } from "./array.js";
import { optDType, optOrder, type CreateOptions } from "./options.js";

/**
 * A new array of zeros (NumPy's `np.zeros(shape, dtype=float64, order='C')`).
 *
 * @example
 * np.zeros([2, 3]).strides // [24, 8]
 * np.zeros(3, { dtype: "int32" }).tolist() // [0, 0, 0]
 */
export function zeros(shape: number | readonly number[], options?: CreateOptions | DType): NDArray {
  return newArray(toShape(shape), optDType(options, DEFAULT_FLOAT), optOrder(options));
}

/**
 * A new array without meaningful values (here zero-filled; NumPy's `np.empty`).
 *
 * @example
 * np.empty([2, 2], { order: "F" }).flags.f_contiguous // true
 */
export function empty(shape: number | readonly number[], options?: CreateOptions | DType): NDArray {
  return zeros(shape, options);
}

/**
 * A new array of ones.
 *
 * @example
 * np.ones(3).tolist() // [1, 1, 1]
 */
export function ones(shape: number | readonly number[], options?: CreateOptions | DType): NDArray {
  return full(shape, 1, typeof options === "string" ? { dtype: options } : { dtype: DEFAULT_FLOAT, ...options });
}

/**
 * A new array filled with `fill_value`; the dtype defaults to the value's (int32 for an integer,
 * float64 for other numbers, bool for a boolean), as NumPy's `np.full`.
 *
 * @example
 * np.full([2, 2], 7).tolist() // [[7, 7], [7, 7]]
 * np.full(2, 0.5).dtype // "float64"
 */
export function full(shape: number | readonly number[], fill_value: number | boolean | NDArray, options?: CreateOptions | DType): NDArray {
  const dflt = fill_value instanceof NDArray ? fill_value.dtype : inferDType(fill_value);
  const a = newArray(toShape(shape), optDType(options, dflt), optOrder(options));
  copyInto(a, fill_value);
  return a;
}
