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
import { array, inferDType } from "./array.js";
import { optDType, optOrder, type CreateOptions } from "./options.js";
import type { KindFrom, KindOf, ShapeRank } from "../core/rank.js";
import type { ArrayLike } from "./array.js";

/**
 * A new array of zeros (NumPy's `np.zeros(shape, dtype=float64, order='C')`).
 *
 * @example
 * np.zeros([2, 3]).strides // [24, 8]
 * np.zeros(3, { dtype: "int32" }).tolist() // [0, 0, 0]
 * np.zeros([2, 3], "float32", "F").strides // [4, 8]
 */
export function zeros<const S extends number | readonly number[], O extends CreateOptions | DType | undefined = undefined>(shape: S, options?: O, order?: "C" | "F"): NDArray<ShapeRank<S>, KindFrom<O, "number">> {
  // NumPy's positional form np.zeros(shape, dtype, order)
  return newArray(toShape(shape), optDType(options, DEFAULT_FLOAT), order === undefined ? optOrder(options) : optOrder({ order })) as never;
}

/**
 * A new array without meaningful values (here zero-filled; NumPy's `np.empty`).
 *
 * @example
 * np.empty([2, 2], { order: "F" }).flags.f_contiguous // true
 */
export function empty<const S extends number | readonly number[], O extends CreateOptions | DType | undefined = undefined>(shape: S, options?: O, order?: "C" | "F"): NDArray<ShapeRank<S>, KindFrom<O, "number">> {
  return zeros(shape, options, order) as never;
}

/**
 * A new array of ones.
 *
 * @example
 * np.ones(3).tolist() // [1, 1, 1]
 */
export function ones<const S extends number | readonly number[], O extends CreateOptions | DType | undefined = undefined>(shape: S, options?: O, order?: "C" | "F"): NDArray<ShapeRank<S>, KindFrom<O, "number">> {
  const opts: CreateOptions = typeof options === "string" ? { dtype: options } : { dtype: DEFAULT_FLOAT, ...(options as CreateOptions | undefined) };
  return full(shape, 1, order === undefined ? opts : { ...opts, order }) as never;
}

/**
 * A new array filled with `fill_value` (a number, a boolean, an array or nested JS arrays, which
 * broadcast to `shape`); the dtype defaults to the value's (int32 for integers, float64 for other
 * numbers, bool for booleans), as NumPy's `np.full(shape, fill_value, dtype=None, order='C')`.
 *
 * @example
 * np.full([2, 2], 7).tolist() // [[7, 7], [7, 7]]
 * np.full(2, 0.5).dtype // "float64"
 * np.full([2, 2], [1, 2]).tolist() // [[1, 2], [1, 2]]
 */
export function full<const S extends number | readonly number[], F extends ArrayLike, O extends CreateOptions | DType | undefined = undefined>(
  shape: S,
  fill_value: F,
  options?: O,
): NDArray<ShapeRank<S>, KindFrom<O, KindOf<F>>> {
  const value = fill_value instanceof NDArray || typeof fill_value === "number" || typeof fill_value === "boolean" ? fill_value : array(fill_value);
  const dflt = value instanceof NDArray ? value.dtype : inferDType(value);
  const a = newArray(toShape(shape), optDType(options, dflt), optOrder(options));
  copyInto(a, value);
  return a as never;
}
