/**
 * mean, var, std: NumPy's formulas from numpy/core/_methods.py, step by step, so results match.
 *
 * Rules: integers and bools accumulate in float64, floats in their own dtype (float32 stays
 * float32). mean = sum / n. var: m = sum(a, keepdims) / n; x = a - m; x = x * x (in place);
 * var = sum(x) / max(n - ddof, 0); std = sqrt(var). An empty reduction gives NaN (NumPy also
 * warns). Each step is the ufunc/reduction NumPy uses, so the bits agree.
 * Cost: mean O(size); var/std O(size) time and one temporary the size of the input.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { multiply, sqrt, subtract, true_divide } from "../ufunc/ufuncs.js";
import { finish, reduceCount, reducedAxes, reduceOptions, sumInto, type ReduceOptions, type ScalarReduceOptions } from "./reduce.js";
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
function divideInPlace(r: NDArray, n: number): NDArray {
  return true_divide(r, n, { out: r, casting: "unsafe" });
}

/**
 * Arithmetic mean over the given axes (integers give float64).
 *
 * @example
 * np.mean(np.array([1, 2, 3, 4]))                    // 2.5
 * np.mean(np.array([[1, 2], [3, 4]]), { axis: 0 })   // array([2., 3.])
 */
export function mean<A extends ArrayLike, const O extends ReduceOptions | number | readonly number[] | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, "number">>;
export function mean(a: ArrayLike, axisOrOptions?: ReduceOptions | number | readonly number[] | null): NDArray | number {
  const options = reduceOptions<ReduceOptions>(axisOrOptions);
  const x = asarray(a);
  const red = reducedAxes(options?.axis, x.ndim);
  const dtype = floatDType(x, options?.dtype);
  const s = divideInPlace(sumInto(x, red, dtype), reduceCount(x, red));
  return finish(s, red, options) as NDArray | number;
}

function variance(a: ArrayLike, options: VarOptions | undefined): { v: NDArray; red: boolean[] } {
  const x = asarray(a);
  const red = reducedAxes(options?.axis, x.ndim);
  const dtype = floatDType(x, options?.dtype);
  const n = reduceCount(x, red);
  const m = divideInPlace(sumInto(x, red, dtype), n);
  const d = subtract(x, m);
  multiply(d, d, { out: d });
  const s = sumInto(d, red, dtype);
  const v = divideInPlace(s, Math.max(n - (options?.ddof ?? 0), 0));
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
 */
export function std<A extends ArrayLike, const O extends VarOptions | number | readonly number[] | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, "number">>;
export function std(a: ArrayLike, axisOrOptions?: VarOptions | number | readonly number[] | null): NDArray | number {
  const options = reduceOptions<VarOptions>(axisOrOptions);
  const { v, red } = variance(a, options);
  sqrt(v, { out: v });
  return finish(v, red, options) as NDArray | number;
}
