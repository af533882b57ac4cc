/**
 * `np.median`, `np.percentile`, `np.quantile` as NumPy 1.24 computes them.
 *
 * Rules (numpy/lib/function_base.py `_median`, `_quantile`, `_lerp`):
 * - Each lane is sorted (NumPy partitions; the values at the positions read are the same), NaN last.
 *   A lane whose last sorted value is NaN gives NaN.
 * - median: the mean of the middle one or two values, by NumPy's own `mean` (so float32 stays
 *   float32, integers give float64); `axis: null` (default) uses the flattening.
 * - quantile(q) / percentile(q * 100): virtual index v = (n - 1) q for "linear" (the default),
 *   or n q + (alpha + q (1 - alpha - beta)) - 1 for "hazen" (1/2, 1/2), "weibull" (0, 0),
 *   "median_unbiased" (1/3), "normal_unbiased" (3/8), "interpolated_inverted_cdf" (0, 1);
 *   previous = floor(v), next = previous + 1, both the last element when v >= n - 1 and the first
 *   when v < 0; gamma = v - previous (after that clamping, as NumPy); the value is NumPy's lerp:
 *   d = next - previous in the input dtype, a + d gamma, or b - d (1 - gamma) when gamma >= 0.5
 *   (float64). "midpoint" uses gamma 0.5 except at whole v. "lower", "higher", "nearest" (round
 *   half to even) take an element: the input dtype; so does "linear" with integer q (NumPy's
 *   (n - 1) q is then an integer array: `np.quantile(a, 1)` keeps a's dtype). The discrete H&F
 *   methods (`_discret_interpolation_to_boundaries`): "inverted_cdf" takes index v = n q - 1 rounded
 *   up unless whole, "closest_observation" v = n q - 1.5 rounded up unless whole and even, both
 *   clipped at 0 (the input dtype); "averaged_inverted_cdf" interpolates at v = n q - 1 with gamma
 *   0.5 where v is whole and 1 elsewhere (with integer q, v is whole: it takes, as NumPy).
 * - Result: shape q.shape + the kept axes, a new C-order array; a number when q is a number and
 *   no axis and no keepdims are given (NumPy gives a scalar); `keepdims` via _ureduce; `out`
 *   receives the result (cast) and is returned.
 * Cost: O(n log n) per lane.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { copyInto, readFlat } from "../core/iterate.js";
import { numbersOf } from "../core/cast.js";
import { isBigDType, type TypedArray } from "../core/dtype.js";
import { exactFloatInputs } from "../ufunc/int64.js";

/** int64/uint64 input as float64 (exact within ±2^53, else an error naming the routine): median and quantile compute in float64 here, so a discrete method's result is float64 too (NumPy keeps int64). */
function floatIfBig(x: NDArray, routine: string): NDArray {
  return isBigDType(x.dtype) ? exactFloatInputs(routine, [x])[0] : x;
}
import { newArray, viewOf } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { mean } from "../reduce/stats.js";
import { canCast } from "../ufunc/promote.js";
import { transposeArray } from "../views/transpose.js";
import { sort } from "../sorting/sort.js";
import { keywordArgs } from "./keywords.js";
import { ureduce, type AxisArg } from "./ureduce.js";

/** Keywords of median. */
export interface MedianOptions {
  /** Axis or axes (default: all, flattened). */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length 1. */
  keepdims?: boolean;
  /** Accepted for NumPy's signature; the input is never changed here. */
  overwrite_input?: boolean;
  /** Array to write the result into (returned); the result is cast into it. */
  out?: NDArray | null;
}

/** The result copied into `out` (cast NumPy's unsafe way) and `out` returned, when given. */
function intoOut(r: NDArray | number, out: NDArray | null | undefined): NDArray | number {
  if (out === undefined || out === null) return r;
  copyInto(out, r);
  return out;
}

/** Quantile methods (NumPy 1.24's names). */
export type QuantileMethod =
  | "linear" | "lower" | "higher" | "midpoint" | "nearest"
  | "inverted_cdf" | "averaged_inverted_cdf" | "closest_observation"
  | "hazen" | "weibull" | "median_unbiased" | "normal_unbiased" | "interpolated_inverted_cdf";

/** Keywords of quantile/percentile. */
export interface QuantileOptions extends MedianOptions {
  /** How to estimate between data points (default "linear"). */
  method?: QuantileMethod;
}

const ALL_METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest"];
const AB: Record<string, [number, number]> = {
  interpolated_inverted_cdf: [0, 1],
  hazen: [0.5, 0.5],
  weibull: [0, 0],
  median_unbiased: [1 / 3.0, 1 / 3.0],
  normal_unbiased: [3 / 8.0, 3 / 8.0],
};

/** `(a, axis)` → the lanes sorted, as a copy with the axis moved first (and its length). */
function sortedLanes(a: NDArray, axis: number | null): { arr: NDArray; n: number } {
  if (axis === null) {
    const s = sort(a, null);
    return { arr: s, n: s.shape[0] };
  }
  const s = sort(a, axis);
  const ax = axis < 0 ? axis + a.ndim : axis;
  const perm = [ax, ...a.shape.map((_, i) => i).filter((i) => i !== ax)];
  return { arr: transposeArray(s, perm), n: s.shape[ax] };
}

/** median of lanes; `meanDType`: the dtype NumPy's mean(..., out=) sums in (out's float dtype). */
const medianCore = (meanDType: DType | undefined) => (a: NDArray, axis: number | null): NDArray | number => {
  const s = axis === null ? sort(a, null) : sort(a, axis);
  const ax = axis === null ? 0 : axis < 0 ? axis + a.ndim : axis;
  const n = s.shape[ax];
  const h = n >> 1;
  const sl = n % 2 === 1 ? `${h}:${h + 1}` : `${h - 1}:${h + 1}`;
  const part = s.get(s.shape.map((_, i) => (i === ax ? sl : ":")).join(", "));
  const r = mean(part, { axis: ax, dtype: meanDType }) as NDArray;
  if (DTYPES[a.dtype].kind === "f" && n > 0) {
    // NumPy's _median_nancheck: lanes whose last sorted value is NaN give NaN
    const last = viewOf(s, s.shape.filter((_, i) => i !== ax), s.strides.filter((_, i) => i !== ax), s.offset + (n - 1) * s.strides[ax]);
    const lv = readFlat(last);
    const rs = r.shape;
    // r has last's shape and is fresh and C or K ordered: walk it in C order by index
    let k = 0;
    const it = r.strides.map((st) => st / r.itemsize);
    const idx = new Array<number>(rs.length).fill(0);
    for (let i = 0; i < lv.length; i++) {
      if (lv[i] !== lv[i]) {
        let p = r.offset / r.itemsize;
        for (let j = 0; j < rs.length; j++) p += idx[j] * it[j];
        r.data[p] = NaN;
      }
      for (let j = rs.length - 1; j >= 0; j--) {
        if (++idx[j] < rs[j]) break;
        idx[j] = 0;
      }
      k++;
    }
    void k;
  }
  return axis === null ? (r.data[r.offset / r.itemsize] as number) : r; // never int64 here (floatIfBig)
};

/**
 * The median along `axis` (default: of all elements, a number). NaN in a lane gives NaN.
 *
 * @example
 * np.median(np.array([[10, 7, 4], [3, 2, 1]]))                 // 3.5
 * np.median(np.array([[10, 7, 4], [3, 2, 1]]), { axis: 0 })    // array([6.5, 4.5, 2.5])
 * np.median(np.array([1, Number.NaN, 3]))                      // NaN
 */
export function median(a: ArrayLike, axis?: null, options?: MedianOptions & { keepdims?: false; out?: null }): number;
export function median(a: ArrayLike, options?: MedianOptions & { axis?: null; keepdims?: false; out?: null }): number;
export function median(a: ArrayLike, axis: number | readonly number[] | null, options?: MedianOptions): NDArray;
export function median(a: ArrayLike, options: MedianOptions): NDArray;
export function median(a: ArrayLike, ...args: unknown[]): NDArray | number {
  const o = keywordArgs<MedianOptions>("median", args, ["axis", "out", "overwrite_input", "keepdims"]);
  const x = floatIfBig(asarray(a), "median");
  // NumPy's mean(part, out=out) sums floats in out's dtype (integers always in float64)
  const meanDType = o.out && DTYPES[x.dtype].kind === "f" && DTYPES[o.out.dtype].kind === "f" ? o.out.dtype : undefined;
  const resultDType = meanDType ?? (DTYPES[x.dtype].kind === "f" ? x.dtype : "float64");
  return intoOut(ureduce(x, o.axis as AxisArg, o.keepdims === true, medianCore(meanDType), resultDType), o.out);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Whether NumPy takes elements instead of interpolating: the "lower", "higher", "nearest" methods,
 * and "linear" with integer q (then (n - 1) q is an integer array and NumPy takes; the result keeps
 * the input dtype, as `np.quantile(a, 1)` does in NumPy).
 */
function takes(method: string, q: NDArray): boolean {
  if (method === "lower" || method === "higher" || method === "nearest" || method === "inverted_cdf" || method === "closest_observation") return true;
  // with integer q, NumPy's virtual index is an integer array for these (alpha and beta are ints)
  return DTYPES[q.dtype].kind !== "f" && (method === "linear" || method === "weibull" || method === "interpolated_inverted_cdf" || method === "averaged_inverted_cdf");
}

/** NumPy's _discret_interpolation_to_boundaries: previous, or next where `keepPrevious` fails; clipped at 0. */
function toBoundary(v: number, keepPrevious: (gamma: number, previous: number) => boolean): number {
  const previous = Math.floor(v);
  const idx = keepPrevious(v - previous, previous) ? previous : previous + 1;
  return idx < 0 ? 0 : idx;
}

/** The element index NumPy takes (may be negative, or past the end: NumPy's errors follow). */
function discreteIndex(method: string, n: number, qv: number): number {
  if (method === "inverted_cdf") return toBoundary(n * qv - 1, (g) => g === 0);
  if (method === "closest_observation") return toBoundary(n * qv - 1 - 0.5, (g, prev) => g === 0 && prev % 2 === 0);
  if (method === "averaged_inverted_cdf") return n * qv - 1;
  if (method === "weibull") return n * qv + qv - 1;
  if (method === "interpolated_inverted_cdf") return n * qv - 1;
  const v = (n - 1) * qv;
  return method === "lower" ? Math.floor(v) : method === "higher" ? Math.ceil(v) : method === "nearest" ? roundHalfEven(v) : v;
}

/** NumPy's _get_indexes and _get_gamma for one q: [previous, next, gamma] (indices may be -1: the last). */
function interpolationIndices(method: string, n: number, qv: number, isFloat: boolean): [number, number, number] {
  let v: number;
  if (method === "linear") v = (n - 1) * qv;
  else if (method === "midpoint") v = 0.5 * (Math.floor((n - 1) * qv) + Math.ceil((n - 1) * qv));
  else if (method === "averaged_inverted_cdf") v = n * qv - 1;
  else {
    const [al, be] = AB[method];
    v = n * qv + (al + qv * (1 - al - be)) - 1;
  }
  let prev = Math.floor(v);
  let next = prev + 1;
  if (v >= n - 1) prev = next = -1;
  if (v < 0) prev = next = 0;
  if (Number.isNaN(v) && isFloat) prev = next = -1;
  let gamma = v - prev;
  if (method === "midpoint") gamma = v % 1 === 0 ? 0 : 0.5;
  if (method === "averaged_inverted_cdf") gamma = gamma === 0 ? 0.5 : 1;
  return [prev, next, gamma];
}

function quantileCore(q: NDArray, method: string) {
  return (a: NDArray, axis: number | null): NDArray | number => {
    const { arr, n } = sortedLanes(a, axis);
    const qs = numbersOf(readFlat(q), "quantile");
    const rest = arr.shape.slice(1);
    const restSize = rest.reduce((p, d) => p * d, 1);
    const isFloat = DTYPES[a.dtype].kind === "f";
    const discrete = takes(method, q);
    const outDType = discrete ? a.dtype : "float64";
    const out = newArray([...q.shape, ...rest], outDType);
    // NumPy's errors on an empty axis or an index out of range, in the order its steps meet them
    // (partition checks kth only for a non-empty array; take checks each index, and refuses a
    // non-empty take from an empty axis)
    const takeError = (idx: number, resultSize: number): IndexError =>
      n === 0 && resultSize > 0 ? new IndexError("cannot do a non-empty take from an empty axes.") : new IndexError(`index ${idx} is out of bounds for axis 0 with size ${n}`);
    if (discrete) {
      for (const qv of qs) {
        const idx = discreteIndex(method, n, qv);
        if (idx >= -n && idx < n) continue;
        if (arr.size > 0) throw new ValueError(`kth(=${idx < 0 ? idx + n : idx}) out of bounds (${n})`);
        if (isFloat && n === 0) throw new IndexError(`index -1 is out of bounds for axis 0 with size ${n}`); // isnan(arr[-1]) on an empty axis
        throw takeError(idx, out.size);
      }
    } else if (n === 0) {
      if (isFloat) throw takeError(-1, restSize); // isnan(take(arr, -1, axis=0))
      throw takeError(interpolationIndices(method, 0, qs[0], isFloat)[0], out.size);
    }
    if (!discrete && a.dtype === "bool") {
      throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    if (out.size === 0) return out;
    // each lane (C order over the kept axes) as numbers
    const lanes = readFlat(transposeArray(arr, [...rest.map((_, i) => i + 1), 0])) as TypedArray; // lane-major (never int64: floatIfBig)
    const wrap = new DTYPES[a.dtype].ctor(1);
    for (let k = 0; k < qs.length; k++) {
      const qv = qs[k];
      let prev: number;
      let next: number;
      let gamma = 0;
      if (discrete) {
        prev = next = discreteIndex(method, n, qv);
        if (prev < 0) prev = next = prev + n;
      } else {
        [prev, next, gamma] = interpolationIndices(method, n, qv, isFloat);
        if (prev < 0) prev += n;
        if (next < 0) next += n;
      }
      for (let j = 0; j < restSize; j++) {
        const base = j * n;
        let r: number;
        if (isFloat && lanes[base + n - 1] !== lanes[base + n - 1]) r = NaN;
        else if (discrete) r = lanes[base + prev];
        else {
          const x = lanes[base + prev];
          const y = lanes[base + next];
          wrap[0] = y - x; // subtract in the input dtype (wraps, rounds to float32)
          const d = wrap[0];
          r = gamma >= 0.5 ? y - d * (1 - gamma) : x + d * gamma;
        }
        (out.data as TypedArray)[k * restSize + j] = r;
      }
    }
    if (out.ndim === 0 && isFloat && !discrete && Number.isNaN(out.data[0] as number) && lanes[n - 1] !== lanes[n - 1]) {
      const nan = newArray([], a.dtype); // NumPy: arr.dtype.type(np.nan) for a 0-d result of a NaN lane
      (nan.data as Float64Array)[0] = NaN;
      return nan;
    }
    if (axis === null && out.ndim === 0) return outDType === "bool" ? ((out.data[0] !== 0) as unknown as number) : (out.data[0] as number);
    return out;
  };
}

function quantileOf(a: ArrayLike, q: ArrayLike, args: unknown[], fn: string, scale: number): NDArray | number {
  const o = keywordArgs<QuantileOptions>(fn, args, ["axis", "out", "overwrite_input", "method", "keepdims"]);
  const method = o.method ?? "linear";
  if (!ALL_METHODS.includes(method)) {
    throw new ValueError(`'${method}' is not a valid method. Use one of: dict_keys([${ALL_METHODS.map((m) => `'${m}'`).join(", ")}])`);
  }
  const q0 = asarray(q);
  // percentile divides by 100 (float64); quantile keeps q's dtype (integer q makes NumPy take elements)
  const qa = newArray(q0.shape, scale === 1 && DTYPES[q0.dtype].kind !== "f" ? "int32" : "float64");
  const qv = numbersOf(readFlat(q0), "quantile");
  for (let i = 0; i < qv.length; i++) qa.data[i] = qv[i] / scale;
  for (const v of qa.data) {
    if (!(v >= 0 && v <= 1)) throw new ValueError(scale === 100 ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
  }
  if (qa.ndim > 2) throw new ValueError("q must be a scalar or 1d");
  const x = floatIfBig(asarray(a), "quantile");
  const taking = takes(method, qa);
  let r = ureduce(x, o.axis as AxisArg, o.keepdims === true, quantileCore(qa, method), taking ? x.dtype : "float64");
  if (typeof r !== "number" && r.ndim === 0 && (o.axis === undefined || o.axis === null) && o.keepdims !== true) r = r.data[0] as number;
  if (taking && o.out !== undefined && o.out !== null && !canCast(o.out.dtype, x.dtype, "safe")) {
    // NumPy's take(..., out=) views out in a's dtype
    // with keepdims NumPy passes out[..., 0 on each reduced axis]: 0-d when every axis is reduced
    const reduced = o.keepdims === true ? (o.axis === undefined || o.axis === null ? x.ndim : typeof o.axis === "number" ? 1 : o.axis.length) : 0;
    throw new TypeError(`Cannot cast ${o.out.ndim - reduced === 0 ? "scalar" : "array data"} from dtype('${o.out.dtype}') to dtype('${x.dtype}') according to the rule 'safe'`);
  }
  return intoOut(r, o.out);
}

/**
 * The q-th quantile(s), q in [0, 1], along `axis` (default: all elements); method "linear" by default.
 *
 * @example
 * np.quantile(np.array([[10, 7, 4], [3, 2, 1]]), 0.5)                  // 3.5
 * np.quantile(np.array([1, 2, 3, 4]), [0.25, 0.5])                     // array([1.75, 2.5 ])
 * np.quantile(np.array([1, 2, 3, 4]), 0.5, { method: "lower" })        // 2
 * np.quantile(np.array([1, 2, 3, 4]), [0.25, 0.5, 0.6], { method: "inverted_cdf" })          // array([1, 2, 3])
 * np.quantile(np.array([1, 2, 3, 4]), [0.25, 0.5, 0.6], { method: "averaged_inverted_cdf" }) // array([1.5, 2.5, 3. ])
 * np.quantile(np.array([1, 2, 3, 4]), [0.25, 0.5, 0.6], { method: "closest_observation" })   // array([1, 2, 2])
 * np.quantile(np.array([1, 2]), 0.5, { method: "foo" as never }) // throws ValueError: 'foo' is not a valid method. Use one of: dict_keys(['inverted_cdf', ...
 */
export function quantile(a: ArrayLike, q: number, axis?: null, options?: QuantileOptions & { keepdims?: false; out?: null }): number;
export function quantile(a: ArrayLike, q: number, options?: QuantileOptions & { axis?: null; keepdims?: false; out?: null }): number;
export function quantile(a: ArrayLike, q: ArrayLike, axis?: number | readonly number[] | null, options?: QuantileOptions): NDArray;
export function quantile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function quantile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | number {
  return quantileOf(a, q, args, "quantile", 1);
}

/**
 * The q-th percentile(s), q in [0, 100], along `axis` (default: all elements): `quantile(a, q / 100)`.
 *
 * @example
 * np.percentile(np.array([[10, 7, 4], [3, 2, 1]]), 50)                  // 3.5
 * np.percentile(np.array([[10, 7, 4], [3, 2, 1]]), 50, { axis: 1 })     // array([7., 2.])
 */
export function percentile(a: ArrayLike, q: number, axis?: null, options?: QuantileOptions & { keepdims?: false; out?: null }): number;
export function percentile(a: ArrayLike, q: number, options?: QuantileOptions & { axis?: null; keepdims?: false; out?: null }): number;
export function percentile(a: ArrayLike, q: ArrayLike, axis?: number | readonly number[] | null, options?: QuantileOptions): NDArray;
export function percentile(a: ArrayLike, q: ArrayLike, options?: QuantileOptions): NDArray;
export function percentile(a: ArrayLike, q: ArrayLike, ...args: unknown[]): NDArray | number {
  return quantileOf(a, q, args, "percentile", 100);
}
