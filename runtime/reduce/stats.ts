/**
 * mean, var, std: NumPy's formulas from numpy/core/_methods.py, step by step, so results match.
 *
 * Rules: integers and bools accumulate in float64, floats in their own dtype (float32 stays
 * float32). mean = sum / n. var: m = sum(a, keepdims) / n; x = a - m; x = x * x (in place);
 * var = sum(x) / max(n - ddof, 0); std = sqrt(var). An empty reduction gives NaN (NumPy also
 * warns). Each step is the ufunc/reduction NumPy uses, so the bits agree.
 * `where` (a bool mask broadcast against the input): n is, per result element, the count of true
 * elements reduced (NumPy's `_count_reduce_items`), and each sum skips the masked elements (they
 * count as 0, see maskedInput); var's `x = a - m` is taken everywhere, as NumPy does.
 * Cost: mean O(size); var/std O(size) time and one temporary the size of the input.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { broadcast_to } from "../views/contiguous.js";
import { maximum, multiply, sqrt, subtract, true_divide } from "../ufunc/ufuncs.js";
import { finish, maskedInput, reduceCount, reducedAxes, reduceOptions, sumInto, type ReduceOptions, type ScalarReduceOptions } from "./reduce.js";
import type { KindFrom, RankOf, Reduced } from "../core/rank.js";

/** var/std keywords: the reduction keywords plus `ddof` (delta degrees of freedom). */
export interface VarOptions extends ReduceOptions {
  /** Divide by n - ddof (default 0). */
  ddof?: number;
}
/** var/std options with which the result is a plain number. */
export interface ScalarVarOptions extends ScalarReduceOptions {
  ddof?: number;
}

function floatDType(a: NDArray, dtype: DType | undefined): DType {
  if (dtype !== undefined) return dtype;
  return DTYPES[a.dtype].kind === "f" ? a.dtype : "float64";
}

/** Divide a (fresh) array by n in place, as NumPy's true_divide(..., out=, casting='unsafe'). */
function divideInPlace(r: NDArray, n: number | NDArray): NDArray {
  return true_divide(r, n, { out: r, casting: "unsafe" });
}

/**
 * How many elements each result element reduces: a number, or with a `where` mask the count of
 * its true elements per result element (reduced axes kept as length 1; NumPy's _count_reduce_items).
 */
function countItems(x: NDArray, red: readonly boolean[], where: ArrayLike | undefined): number | NDArray {
  if (where === undefined || where === true) return reduceCount(x, red);
  const mask = broadcast_to(asarray(where).astype("bool"), x.shape) as NDArray;
  return sumInto(mask, red, "float64");
}

/**
 * Arithmetic mean over the given axes (integers give float64).
 *
 * @example
 * np.mean(np.array([1, 2, 3, 4]))                    // 2.5
 * np.mean(np.array([[1, 2], [3, 4]]), { axis: 0 })   // array([2., 3.])
 * np.mean(np.array([[5, 9, 13], [14, 10, 12]]), { where: [[true], [false]] }) // 9
 */
export function mean<A extends ArrayLike, const O extends ReduceOptions | number | readonly number[] | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, "number">>;
export function mean(a: ArrayLike, axisOrOptions?: ReduceOptions | number | readonly number[] | null): NDArray | number {
  const options = reduceOptions<ReduceOptions>(axisOrOptions);
  const x = asarray(a);
  const red = reducedAxes(options?.axis, x.ndim);
  const dtype = floatDType(x, options?.dtype);
  const s = divideInPlace(sumInto(maskedInput(x, options?.where, 0), red, dtype), countItems(x, red, options?.where));
  return finish(s, red, options) as NDArray | number;
}

function variance(a: ArrayLike, options: VarOptions | undefined): { v: NDArray; red: boolean[] } {
  const x = asarray(a);
  const red = reducedAxes(options?.axis, x.ndim);
  const dtype = floatDType(x, options?.dtype);
  const where = options?.where;
  const n = countItems(x, red, where);
  const m = divideInPlace(sumInto(maskedInput(x, where, 0), red, dtype), n);
  const d = subtract(x, m);
  multiply(d, d, { out: d });
  const s = sumInto(maskedInput(d, where, 0), red, dtype);
  const ddof = options?.ddof ?? 0;
  const v = divideInPlace(s, typeof n === "number" ? Math.max(n - ddof, 0) : maximum(subtract(n, ddof), 0));
  return { v, red };
}

/**
 * Variance over the given axes: mean(|a - mean(a)|**2) * n / (n - ddof).
 *
 * @example
 * np.var(np.array([1, 2, 3, 4]))              // 1.25
 * np.var(np.array([1, 2, 3, 4]), { ddof: 1 }) // 1.6666666666666667
 */
export function var_<A extends ArrayLike, const O extends VarOptions | number | readonly number[] | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, "number">>;
export function var_(a: ArrayLike, axisOrOptions?: VarOptions | number | readonly number[] | null): NDArray | number {
  const options = reduceOptions<VarOptions>(axisOrOptions);
  const { v, red } = variance(a, options);
  return finish(v, red, options) as NDArray | number;
}

/**
 * Standard deviation over the given axes: sqrt(var).
 *
 * @example
 * np.std(np.array([1, 2, 3, 4])) // 1.118033988749895
 * np.std(np.array([[14, 8, 11, 10], [7, 9, 10, 11], [10, 15, 5, 10]]), { where: [[true], [true], [false]] }) // 2
 */
export function std<A extends ArrayLike, const O extends VarOptions | number | readonly number[] | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, "number">>;
export function std(a: ArrayLike, axisOrOptions?: VarOptions | number | readonly number[] | null): NDArray | number {
  const options = reduceOptions<VarOptions>(axisOrOptions);
  const { v, red } = variance(a, options);
  sqrt(v, { out: v });
  return finish(v, red, options) as NDArray | number;
}
