/**
 * `np.maximum.reduce`, `np.minimum.reduce`, `np.fmax.reduce`, `np.fmin.reduce`: NumPy's
 * `ufunc.reduce(array, axis=0, dtype=None, out=None, keepdims=False, initial=<no value>, where=True)`
 * on the four extremum ufuncs, attached to the ufunc objects themselves (np.maximum is the same
 * function with a `reduce` method).
 *
 * Rules (NumPy 1.24): `axis` defaults to 0 (not to every axis, as `np.max` does); `null` reduces
 * every axis; the rest are np.max's keywords. A 1-D array without `axis` gives a number. maximum/minimum.reduce are `np.max`/`np.min` (NaN
 * propagates); fmax/fmin.reduce skip NaN (NaN only for a slice of NaNs), which is what
 * `np.nanmax`/`np.nanmin` run. Bits of zero and NaN results are NumPy's (extremum-axes.ts).
 * Cost: that of the reduction.
 */
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { maximum as maximumUFunc, minimum as minimumUFunc } from "../ufunc/ufuncs.js";
import { fmax as fmaxUFunc, fmin as fminUFunc } from "../ufunc/mathfuncs.js";
import { nanmax, nanmin } from "../stats/nan.js";
import { max, min, reduceOptions, type ReduceArg, type ReduceOptions } from "./reduce.js";

/** A ufunc's `reduce` method: NumPy's keywords as one options object (or `axis` positionally); axis 0 by default. */
export type UFuncReduce = (array: ArrayLike, axisOrOptions?: ReduceArg) => NDArray | number | bigint | boolean;

function reduceOf(f: (a: ArrayLike, o: ReduceOptions) => unknown): UFuncReduce {
  return (array, axisOrOptions) => {
    const o = reduceOptions<ReduceOptions>(axisOrOptions);
    // the default axis 0 of a 1-D array is every axis: a number, as NumPy gives a scalar (an explicit
    // axis leaving no axes gives a 0-d array, the README's decision for every reduction)
    const oneD = asarray(array).ndim === 1;
    return f(array, { ...o, axis: o?.axis !== undefined ? o.axis : oneD ? null : 0 }) as NDArray | number | bigint | boolean;
  };
}

/**
 * Elementwise maximum (NaN propagates); `np.maximum.reduce(a)` reduces axis 0.
 *
 * @example
 * np.maximum.reduce(np.array([[1, 5], [3, 2]])) // array([3, 5])
 */
export const maximum = Object.assign(maximumUFunc, { reduce: reduceOf((a, o) => max(a, o as never)) });

/**
 * Elementwise minimum (NaN propagates); `np.minimum.reduce(a, { axis: 1 })` as np.min.
 *
 * @example
 * np.minimum.reduce(np.array([[1, 5], [3, 2]]), { axis: 1 }) // array([1, 2])
 */
export const minimum = Object.assign(minimumUFunc, { reduce: reduceOf((a, o) => min(a, o as never)) });

/**
 * Elementwise maximum ignoring NaN; `np.fmax.reduce` is what np.nanmax runs.
 *
 * @example
 * np.fmax.reduce(np.array([[1, NaN], [NaN, NaN]]), { axis: 1 }) // array([ 1., nan])
 */
// an array, so nanmax's errors name fmax as np.fmax.reduce's do (np.nanmax of a list names maximum)
export const fmax = Object.assign(fmaxUFunc, { reduce: reduceOf((a, o) => nanmax(asarray(a), o as never)) });

/**
 * Elementwise minimum ignoring NaN; `np.fmin.reduce` is what np.nanmin runs.
 *
 * @example
 * np.fmin.reduce(np.array([NaN, 2, 1])) // 1
 */
export const fmin = Object.assign(fminUFunc, { reduce: reduceOf((a, o) => nanmin(asarray(a), o as never)) });
