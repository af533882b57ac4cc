/**
 * `np.average` (weights, returned, keepdims) and `np.ptp` / `a.ptp()`.
 *
 * Rules (numpy/lib/function_base.py average, numpy/core/_methods.py _ptp):
 * - Without weights: `a.mean(axis)`, and the "sum of weights" is the count per result element in
 *   the result's dtype. With weights: the dtype is result_type(a, weights) (with float64 for
 *   integer or bool `a`); weights of another shape must be 1-D along `axis` and broadcast there;
 *   avg = sum(a * w, axis) / sum(w, axis), each step NumPy's multiply, sum (pairwise) and divide.
 *   A zero sum of weights is NumPy's ZeroDivisionError. `returned` gives `[avg, sum_of_weights]`
 *   (the latter broadcast to avg's shape, a copy).
 * - ptp: max - min over the axes, subtracted in the input dtype (integers wrap, as NumPy's
 *   subtract); bool has no subtract in NumPy, so it is NumPy's TypeError.
 * - A number when no axis and no keepdims are given, else a new array.
 * Cost: O(size).
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { ZeroDivisionError } from "../create/ranges.js";
import { max, min, sum } from "../reduce/reduce.js";
import { mean } from "../reduce/stats.js";
import { promoteTypes } from "../ufunc/promote.js";
import { multiply, subtract, true_divide } from "../ufunc/ufuncs.js";
import { broadcast_to } from "../views/contiguous.js";
import { swapaxesArray } from "../views/transpose.js";
import { keywordArgs } from "./keywords.js";

/** Keywords of average. */
export interface AverageOptions {
  /** Axis or axes to average over (default: all). */
  axis?: number | readonly number[] | null;
  /** A weight per element of `a`, or per position along `axis` (1-D). */
  weights?: ArrayLike | null;
  /** Also give the sum of the weights. */
  returned?: boolean;
  /** Keep reduced axes as length 1. */
  keepdims?: boolean;
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

function scalarOf(v: number, dtype: DType): NDArray {
  const s = newArray([], dtype);
  s.data[0] = v;
  return s;
}

/**
 * The (weighted) average along `axis`; with `returned`, `[average, sum_of_weights]`.
 *
 * @example
 * np.average(np.array([1, 2, 3, 4]))                                          // 2.5
 * np.average(np.array([1, 2, 3, 4]), { weights: [4, 3, 2, 1] })               // 2
 * np.average(np.array([[1, 2], [3, 4]]), { axis: 1, weights: [1, 3] })        // array([1.75, 3.75])
 * np.average(np.array([1, 2]), { weights: [0, 0] })                           // throws ZeroDivisionError: Weights sum to zero, can't be normalized
 */
export function average(a: ArrayLike, axis?: null, weights?: ArrayLike | null, returned?: false, options?: { keepdims?: false }): number;
export function average(a: ArrayLike, options?: AverageOptions & { axis?: null; returned?: false; keepdims?: false }): number;
export function average(a: ArrayLike, options: AverageOptions & { returned: true }): [NDArray | number, NDArray | number];
export function average(a: ArrayLike, axis: number | readonly number[] | null, weights: ArrayLike | null | undefined, returned: true, options?: { keepdims?: boolean }): [NDArray | number, NDArray | number];
export function average(a: ArrayLike, axis: number | readonly number[], weights?: ArrayLike | null, returned?: false, options?: { keepdims?: boolean }): NDArray;
export function average(a: ArrayLike, options: AverageOptions): NDArray;
export function average(a: ArrayLike, ...args: unknown[]): NDArray | number | [NDArray | number, NDArray | number] {
  const o = keywordArgs<AverageOptions>("average", args, ["axis", "weights", "returned"]);
  const x = asarray(a);
  const axis = o.axis ?? null;
  const keepdims = o.keepdims === true;
  const ropts = { axis, keepdims };
  let avg: NDArray | number;
  let scl: NDArray | number;
  if (o.weights === undefined || o.weights === null) {
    avg = mean(x, ropts as never) as NDArray | number; // mean is float (never a bigint)
    const size = typeof avg === "number" ? 1 : avg.size;
    if (size === 0) throw new ZeroDivisionError("division by zero"); // NumPy's a.size / avg.size in Python
    const dt = typeof avg === "number" ? (x.dtype === "float32" ? "float32" : "float64") : avg.dtype;
    const s = scalarOf(x.size / size, dt); // avg.dtype.type(a.size / avg.size)
    scl = typeof avg === "number" ? (s.data[0] as number) : s; // a float dtype
  } else {
    let w = asarray(o.weights);
    const kind = DTYPES[x.dtype].kind;
    const rdt: DType = kind === "i" || kind === "u" || kind === "b" ? promoteTypes(promoteTypes(x.dtype, w.dtype), "float64") : promoteTypes(x.dtype, w.dtype);
    if (!sameShape(x.shape, w.shape)) {
      if (axis === null) throw new TypeError("Axis must be specified when shapes of a and weights differ.");
      if (w.ndim !== 1) throw new TypeError("1D weights expected when shapes of a and weights differ.");
      if (typeof axis !== "number") throw new TypeError("tuple indices must be integers or slices, not tuple");
      if (w.shape[0] !== x.shape[normalizeAxis(axis, x.ndim)]) throw new ValueError("Length of weights not compatible with specified axis.");
      w = swapaxesArray(broadcast_to(w, [...new Array<number>(x.ndim - 1).fill(1), w.shape[0]]), -1, axis);
    }
    scl = sum(w, { ...ropts, dtype: rdt } as never) as NDArray | number;
    const anyZero = typeof scl === "number" ? scl === 0 : readFlat(scl).some((v) => v === 0);
    if (anyZero) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
    const s = sum(multiply(x, w, { dtype: rdt }), ropts as never) as NDArray | number;
    if (typeof s === "number" && typeof scl === "number") avg = scalarOf(s / scl, rdt).data[0] as number; // rdt is a float dtype
    else avg = true_divide(s, scl);
  }
  if (!o.returned) return avg;
  if (typeof avg !== "number" && (typeof scl === "number" || !sameShape(scl.shape, avg.shape))) {
    scl = broadcast_to(scl, avg.shape).copy();
  }
  return [avg, scl];
}

/** Keywords of ptp. */
export interface PtpOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
  out?: NDArray;
}

/**
 * Peak to peak (max - min) along `axis`, in the input dtype.
 *
 * @example
 * np.ptp(np.array([[4, 9, 2, 10], [6, 9, 7, 12]]))             // 10
 * np.ptp(np.array([[4, 9, 2, 10], [6, 9, 7, 12]]), 1)          // array([8, 6])
 */
export function ptp(a: ArrayLike, axis?: null, out?: undefined, options?: { keepdims?: false }): number;
export function ptp(a: ArrayLike, options?: { axis?: null; keepdims?: false; out?: undefined }): number;
export function ptp(a: ArrayLike, axis: number | readonly number[] | null, out?: NDArray, options?: { keepdims?: boolean }): NDArray;
export function ptp(a: ArrayLike, options: PtpOptions): NDArray;
export function ptp(a: ArrayLike, ...args: unknown[]): NDArray | number {
  const o = keywordArgs<PtpOptions>("ptp", args, ["axis", "out"]);
  const x = asarray(a);
  const opts = { axis: o.axis ?? null, keepdims: o.keepdims === true };
  // NumPy's _ptp: subtract(maximum.reduce(a, out=out), minimum.reduce(a), out): the maximum walks
  // out's layout (which NaN or zero it keeps depends on that walk)
  const hi = max(x, (o.out !== undefined ? { ...opts, out: o.out } : opts) as never) as NDArray | number;
  const lo = min(x, opts as never) as NDArray | number;
  if (x.dtype === "bool") {
    throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
  }
  if (typeof hi === "number" && typeof lo === "number") {
    const v = scalarOf(hi - lo, x.dtype).data[0] as number; // hi and lo are numbers: not int64 (whose max/min are bigints)
    if (o.out !== undefined) {
      o.out.fill(v);
      return o.out;
    }
    return v;
  }
  return o.out !== undefined ? subtract(hi, lo, { out: o.out }) : subtract(hi, lo);
}
