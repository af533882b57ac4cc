/**
 * NaN-aware reductions: `np.nansum`, `nanmean`, `nanmin`, `nanmax`, `nanvar`, `nanstd`.
 *
 * Rules (numpy/lib/nanfunctions.py, NumPy 1.24), step for step so the bits agree:
 * - Integer and bool inputs have no NaN: each is the plain reduction (`sum`, `mean`, `min`, ...).
 * - Float inputs are first copied in their memory order (`np.array(a, copy=True)`, order K) with
 *   NaN replaced (0 for sums, +inf/-inf for min/max), so the pairwise sums walk what NumPy's walk.
 * - nanmean = sum / count of non-NaN (divided in float64, stored in the float dtype); nanvar
 *   subtracts that mean (keepdims) in place, zeroes the NaN places, squares, sums, divides by
 *   count - ddof; nanstd = sqrt(nanvar). A slice with no numbers (all NaN, or count <= ddof)
 *   gives NaN; nanmin/nanmax of an all-NaN slice give NaN. (NumPy also warns; no warnings here.)
 * - `where` goes to every sum (the count, the mean, the squares), as NumPy's nanmean/nanvar pass it.
 * - A number when no axis, keepdims or out is given, else a new array (or `out`).
 * Cost: O(size) time, one copy of the input.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { checkOutNdim, finish, max, min, reducedAxes, settleExtremumBits, sum, type ReduceOptions, type ScalarReduceOptions } from "../reduce/reduce.js";
import { mean, std, var_, type ScalarVarOptions, type VarOptions } from "../reduce/stats.js";
import { logical_and, multiply, sqrt, subtract, true_divide } from "../ufunc/ufuncs.js";
import { copyInto } from "../core/iterate.js";

const isFloat = (a: NDArray): boolean => DTYPES[a.dtype].kind === "f";

/** A K-order copy of `a` with NaN replaced by `val`, and the non-NaN mask (1 where a number) as a same-layout bool array. */
function replaceNan(a: NDArray, val: number): { arr: NDArray; notnan: NDArray } {
  const arr = a.copy("K");
  const notnan = arr.astype("bool");
  const d = arr.data;
  const m = notnan.data;
  // a fresh K copy's data holds exactly its elements, and astype keeps that layout
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== d[i]) {
      d[i] = val;
      m[i] = 0;
    } else m[i] = 1;
  }
  return { arr, notnan };
}

/** Set result elements to NaN where `bad` (same shape as the result) is non-zero. */
function nanWhere(r: NDArray | number, bad: NDArray | number): NDArray | number {
  if (typeof r === "number") return bad !== 0 ? NaN : r;
  const b = bad as NDArray;
  const mask = b.dtype === "bool" ? b : b.astype("bool");
  const nan = r.copy("K");
  nan.fill(NaN);
  copyIntoWhere(r, nan, mask);
  return r;
}

function copyIntoWhere(dst: NDArray, src: NDArray, mask: NDArray): void {
  // dst, src and mask have the same shape; walk them by C index (small results)
  const flatMask = readFlat(mask);
  const flatSrc = readFlat(src) as Float64Array; // the same element kind as dst (below)
  const vals = readFlat(dst) as Float64Array; // dst and src share a dtype: the same element kind
  for (let i = 0; i < vals.length; i++) if (flatMask[i]) vals[i] = flatSrc[i];
  const c = dst.copy("C");
  (c.data as Float64Array).set(vals);
  copyInto(dst, c);
}

/**
 * Sum treating NaN as zero.
 *
 * @example
 * np.nansum(np.array([1, Number.NaN, 3]))                                 // 4
 * np.nansum(np.array([[1, Number.NaN], [2, 3]]), { axis: 0 })             // array([3., 3.])
 */
export function nansum(a: ArrayLike, options?: ScalarReduceOptions): number;
export function nansum(a: ArrayLike, options: ReduceOptions): NDArray;
export function nansum(a: ArrayLike, options?: ReduceOptions): NDArray | number {
  const x = asarray(a);
  if (!isFloat(x)) return sum(x, options as never) as NDArray | number;
  return sum(replaceNan(x, 0).arr, options as never) as NDArray | number;
}

/** Count of non-NaN per result element (keepdims as asked; only where `where` is true), int32. */
function countNotNan(notnan: NDArray, axis: ReduceOptions["axis"], keepdims: boolean, where?: ArrayLike): NDArray | number {
  return sum(notnan, { axis: axis ?? null, keepdims, dtype: "int32", where }) as NDArray | number;
}

/**
 * Mean ignoring NaNs (NaN for a slice of NaNs only).
 *
 * @example
 * np.nanmean(np.array([1, Number.NaN, 3]))                         // 2
 * np.nanmean(np.array([[1, Number.NaN], [2, 4]]), { axis: 1 })     // array([1., 3.])
 */
export function nanmean(a: ArrayLike, options?: ScalarReduceOptions): number;
export function nanmean(a: ArrayLike, options: ReduceOptions): NDArray;
export function nanmean(a: ArrayLike, options?: ReduceOptions): NDArray | number {
  const x = asarray(a);
  if (!isFloat(x)) return mean(x, options as never) as NDArray | number;
  inexactKeywords(options, x.ndim);
  const { arr, notnan } = replaceNan(x, 0);
  const where = options?.where;
  const cnt = countNotNan(notnan, options?.axis, options?.keepdims === true, where);
  const tot = sum(arr, { axis: options?.axis ?? null, keepdims: options?.keepdims === true, dtype: options?.dtype, where }) as NDArray | number;
  const r = divide(tot, cnt, options?.dtype ?? x.dtype);
  if (options?.out !== undefined && typeof r !== "number") {
    copyInto(options.out, r);
    return options.out;
  }
  return r;
}

/** nanmean/nanvar of a float array: NumPy refuses an integer `dtype` or `out` (the mean would be truncated), then an `out` of the wrong ndim. */
function inexactKeywords(options: ReduceOptions | undefined, ndim: number): void {
  if (options?.dtype !== undefined && options.dtype !== null && DTYPES[options.dtype].kind !== "f") throw new TypeError("If a is inexact, then dtype must be inexact");
  if (options?.out !== undefined && options.out !== null && DTYPES[options.out.dtype].kind !== "f") throw new TypeError("If a is inexact, then out must be inexact");
  // then np.sum's first check of out (its number of dimensions)
  if (options?.out !== undefined && options.out !== null) {
    const red = reducedAxes(options.axis, ndim);
    const keep = options.keepdims === true;
    checkOutNdim(options.out, keep ? ndim : red.filter((r) => !r).length, keep, "add");
  }
}

/** NumPy's _divide_by_count: a / b computed in float64, stored in `dtype` (0/0 is NaN). */
function divide(a: NDArray | number, b: NDArray | number, dtype: DType): NDArray | number {
  if (typeof a === "number") {
    const q = a / (b as number);
    return dtype === "float32" ? Math.fround(q) : q;
  }
  return true_divide(a, b, { out: a, casting: "unsafe" });
}

function nanExtreme(a: ArrayLike, options: ReduceOptions | undefined, isMax: boolean): NDArray | number {
  const x = asarray(a);
  const f = isMax ? max : min;
  const red = reducedAxes(options?.axis, x.ndim); // NumPy's axis errors first
  // NumPy runs np.fmax.reduce on an ndarray and np.amax on anything else: its errors name that ufunc
  const name = a instanceof NDArray ? (isMax ? "fmax" : "fmin") : isMax ? "maximum" : "minimum";
  if (options?.where !== undefined && options.initial === undefined) {
    throw new ValueError(`reduction operation '${name}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  // an empty slice is an error only without `initial` (NumPy's reduce starts from initial)
  if (options?.initial === undefined && x.shape.some((d, i) => red[i] && d === 0)) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
  if (!isFloat(x)) return f(x, options as never) as NDArray | number;
  const { arr, notnan } = replaceNan(x, isMax ? -Infinity : Infinity);
  // the keepdims result (NaN where a slice holds no number), its zero and NaN elements then given
  // the bits of NumPy's np.fmax.reduce / np.fmin.reduce over `x` as it is laid out (extremum-axes.ts)
  // a NaN `initial` is skipped like the NaN elements; NaN only where no number reaches a result
  const initial = options?.initial === undefined ? undefined : Number(options.initial);
  const nanInitial = initial === undefined || initial !== initial;
  const r = f(arr, { ...options, initial: nanInitial && initial !== undefined ? (isMax ? -Infinity : Infinity) : initial, keepdims: true, out: undefined } as never) as NDArray;
  // on anything but an ndarray NumPy runs np.amax and then puts NaN where a slice has no number,
  // `initial` or not (np.nanmax([], initial=5) is nan, np.nanmax(np.array([]), initial=5) is 5.0)
  if (nanInitial || !(a instanceof NDArray)) {
    const counted = options?.where === undefined ? notnan : logical_and(notnan, options.where);
    nanWhere(r, equalZero(countNotNan(counted, options?.axis, true) as NDArray));
  }
  if ((r.data instanceof Float64Array || r.data instanceof Float32Array) && hasZeroOrNaN(r.data)) {
    settleExtremumBits(x, r, red, isMax ? "max" : "min", { initial, where: options?.where, out: options?.out, dtype: r.dtype, ignoreNaN: true });
  }
  return finish(r, red, options, name) as NDArray | number;
}

function hasZeroOrNaN(d: Float64Array | Float32Array): boolean {
  for (let i = 0; i < d.length; i++) if (d[i] === 0 || d[i] !== d[i]) return true;
  return false;
}

function equalZero(c: NDArray): NDArray {
  const b = c.astype("bool");
  for (let i = 0; i < b.data.length; i++) b.data[i] = b.data[i] ? 0 : 1;
  return b;
}

/**
 * Minimum ignoring NaNs (NaN for a slice of NaNs only).
 *
 * @example
 * np.nanmin(np.array([3, Number.NaN, 1]))                          // 1
 */
export function nanmin(a: ArrayLike, options?: ScalarReduceOptions): number;
export function nanmin(a: ArrayLike, options: ReduceOptions): NDArray;
export function nanmin(a: ArrayLike, options?: ReduceOptions): NDArray | number {
  return nanExtreme(a, options, false);
}

/**
 * Maximum ignoring NaNs (NaN for a slice of NaNs only).
 *
 * @example
 * np.nanmax(np.array([[1, Number.NaN], [Number.NaN, Number.NaN]]), { axis: 1 }) // array([ 1., nan])
 */
export function nanmax(a: ArrayLike, options?: ScalarReduceOptions): number;
export function nanmax(a: ArrayLike, options: ReduceOptions): NDArray;
export function nanmax(a: ArrayLike, options?: ReduceOptions): NDArray | number {
  return nanExtreme(a, options, true);
}

function nanVariance(a: ArrayLike, options: VarOptions | undefined, root: boolean): NDArray | number {
  const x = asarray(a);
  if (!isFloat(x)) return (root ? std : var_)(x, options as never) as NDArray | number;
  inexactKeywords(options, x.ndim);
  const axis = options?.axis ?? null;
  const keepdims = options?.keepdims === true;
  const ddof = options?.ddof ?? 0;
  const dtype = options?.dtype;
  const where = options?.where;
  const { arr, notnan } = replaceNan(x, 0);
  const cntK = countNotNan(notnan, axis, true, where) as NDArray;
  const avg = divide(sum(arr, { axis, keepdims: true, dtype, where }) as NDArray, cntK, dtype ?? x.dtype) as NDArray;
  subtract(arr, avg, { out: arr, casting: "unsafe", where });
  const m = notnan.data;
  for (let i = 0; i < arr.data.length; i++) if (!m[i]) arr.data[i] = 0;
  multiply(arr, arr, { out: arr, where });
  let v = sum(arr, { axis, keepdims, dtype, where }) as NDArray | number;
  const cnt = countNotNan(notnan, axis, keepdims, where);
  const dof = typeof cnt === "number" ? cnt - ddof : subtract(cnt, ddof);
  v = divide(v, dof, dtype ?? x.dtype);
  const bad = typeof dof === "number" ? (dof <= 0 ? 1 : 0) : lessEqualZero(dof);
  v = nanWhere(v, bad);
  if (root) v = typeof v === "number" ? ((dtype ?? x.dtype) === "float32" ? Math.fround(Math.sqrt(v)) : Math.sqrt(v)) : sqrt(v, { out: v });
  if (options?.out !== undefined && typeof v !== "number") {
    copyInto(options.out, v);
    return options.out;
  }
  return v;
}

function lessEqualZero(d: NDArray): NDArray {
  const b = d.astype("bool");
  const f = readFlat(d);
  const c = b.copy("C");
  for (let i = 0; i < f.length; i++) c.data[i] = f[i] <= 0 ? 1 : 0;
  copyInto(b, c);
  return b;
}

/**
 * Variance ignoring NaNs, with `ddof` (NaN where no more than ddof numbers).
 *
 * @example
 * np.nanvar(np.array([1, Number.NaN, 3]))                          // 1
 */
export function nanvar(a: ArrayLike, options?: ScalarVarOptions): number;
export function nanvar(a: ArrayLike, options: VarOptions): NDArray;
export function nanvar(a: ArrayLike, options?: VarOptions): NDArray | number {
  return nanVariance(a, options, false);
}

/**
 * Standard deviation ignoring NaNs: sqrt(nanvar).
 *
 * @example
 * np.nanstd(np.array([1, Number.NaN, 3]))                          // 1
 */
export function nanstd(a: ArrayLike, options?: ScalarVarOptions): number;
export function nanstd(a: ArrayLike, options: VarOptions): NDArray;
export function nanstd(a: ArrayLike, options?: VarOptions): NDArray | number {
  return nanVariance(a, options, true);
}
