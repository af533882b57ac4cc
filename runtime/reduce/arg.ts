/**
 * argmin / argmax: the index of the first extreme element, NumPy's way.
 *
 * Rules (numpy/core/src/multiarray/calculation.c `PyArray_ArgMax`, arraytypes.c.src `@fname@_argmax`):
 * with no axis the array is read in C order as if flattened; with an axis each lane along it is
 * scanned from index 0. The first maximum wins; the first NaN wins over everything (NaN
 * propagates). Results are int32 here (NumPy's intp is int64). An empty scan (no axis: size 0; with an axis: that axis has length 0) is NumPy's error
 * `attempt to get argmax of an empty sequence`. Cost: O(size).
 */
import { isBigDType } from "../core/dtype.js";
import { AxisError, ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { asF64 } from "../ufunc/f64.js";
import { isCContiguous } from "../core/flags.js";
import { reduceOptions } from "./reduce.js";
import type { RankOf, Reduced } from "../core/rank.js";

/** argmin/argmax keywords. */
export interface ArgOptions {
  /** The axis to scan; all elements (C order) when null/undefined. */
  axis?: number | null;
  /** Keep the scanned axis with length 1. */
  keepdims?: boolean;
}

function scan(a: NDArray, start: number, n: number, step: number, isMax: boolean): number {
  if (a.data instanceof BigInt64Array || a.data instanceof BigUint64Array) return scanBig(a.data, start, n, step, isMax);
  const d = a.data as Float64Array;
  let best = d[start];
  if (best !== best) return 0;
  let at = 0;
  for (let i = 1, p = start + step; i < n; i++, p += step) {
    const v = d[p];
    if (isMax ? !(v <= best) : !(v >= best)) {
      best = v;
      at = i;
      if (v !== v) break;
    }
  }
  return at;
}

/** scan over int64/uint64 elements: exact bigint comparisons (a float64 view would round ties together past 2^53). */
function scanBig(d: BigInt64Array | BigUint64Array, start: number, n: number, step: number, isMax: boolean): number {
  let best = d[start];
  let at = 0;
  for (let i = 1, p = start + step; i < n; i++, p += step) {
    const v = d[p];
    if (isMax ? v > best : v < best) {
      best = v;
      at = i;
    }
  }
  return at;
}

function arg(x: ArrayLike, options: ArgOptions | undefined, isMax: boolean): NDArray | number {
  const a0 = asarray(x);
  // float64 view: the scans stay monomorphic (ufunc/f64.ts); int64/uint64 are scanned as bigints
  const a = isBigDType(a0.dtype) ? a0 : asF64(a0).view;
  const name = isMax ? "argmax" : "argmin";
  const axis = options?.axis;
  const isz = a.itemsize;
  if (axis === undefined || axis === null) {
    if (a.size === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
    if (isCContiguous(a.shape, a.strides, isz) && options?.keepdims !== true) return scan(a, a.offset / isz, a.size, 1, isMax);
    if (isBigDType(a.dtype)) {
      const flat = a.flatten(); // C order (a copy), then one exact scan
      const at = scan(flat, 0, flat.size, 1, isMax);
      if (options?.keepdims !== true) return at;
      const r = newArray(new Array<number>(a.ndim).fill(1), "int32");
      (r.data as Int32Array)[0] = at;
      return r;
    }
    // walk in C order: index -> element offset
    let best = 0;
    let bestV: number | bigint = NaN;
    let k = 0;
    let found = false;
    const nd = a.ndim;
    const idx = new Array<number>(nd).fill(0);
    let p = a.offset / isz;
    const st = a.strides.map((s) => s / isz);
    const d = a.data;
    for (;;) {
      const v = d[p];
      if (!found) {
        found = true;
        bestV = v;
        best = 0;
        if (v !== v) break;
      } else if (isMax ? !(v <= bestV) : !(v >= bestV)) {
        bestV = v;
        best = k;
        if (v !== v) break;
      }
      k++;
      let j = nd - 1;
      for (; j >= 0; j--) {
        p += st[j];
        if (++idx[j] < a.shape[j]) break;
        p -= st[j] * a.shape[j];
        idx[j] = 0;
      }
      if (j < 0) break;
    }
    if (options?.keepdims === true) {
      const r = newArray(new Array<number>(nd).fill(1), "int32");
      r.data[0] = best;
      return r;
    }
    return best;
  }
  // argmax/argmin take one axis: NumPy's int conversion refuses a tuple or a float first
  if (Array.isArray(axis)) throw new TypeError("'tuple' object cannot be interpreted as an integer");
  if (!Number.isInteger(axis) && Number.isFinite(axis)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (!Number.isInteger(axis) || axis < -a.ndim || axis >= a.ndim) throw new AxisError(axis, a.ndim);
  const ax = axis < 0 ? axis + a.ndim : axis;
  const n = a.shape[ax];
  const outShape = a.shape.filter((_, i) => i !== ax);
  const size = outShape.reduce((p, q) => p * q, 1);
  if (n === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const res = newArray(options?.keepdims === true ? a.shape.map((d, i) => (i === ax ? 1 : d)) : outShape, "int32");
  const step = a.strides[ax] / isz;
  const oshape = outShape;
  const ost = a.strides.filter((_, i) => i !== ax).map((s) => s / isz);
  const idx = new Array<number>(oshape.length).fill(0);
  let p = a.offset / isz;
  for (let o = 0; o < size; o++) {
    res.data[o] = scan(a, p, n, step, isMax);
    let j = oshape.length - 1;
    for (; j >= 0; j--) {
      p += ost[j];
      if (++idx[j] < oshape[j]) break;
      p -= ost[j] * oshape[j];
      idx[j] = 0;
    }
  }
  return res;
}

/**
 * Index of the (first) largest element; with `axis`, along that axis.
 *
 * @example
 * np.argmax(np.array([1, 7, 7, 2]))                     // 1
 * np.argmax(np.array([[1, 9], [8, 2]]), { axis: 0 })    // array([1, 0])
 */
export function argmax<A extends ArrayLike, const O extends ArgOptions | number | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, "number">;
export function argmax(a: ArrayLike, axisOrOptions?: ArgOptions | number | null): NDArray | number {
  return arg(a, reduceOptions<ArgOptions>(axisOrOptions), true);
}

/**
 * Index of the (first) smallest element; with `axis`, along that axis.
 *
 * @example
 * np.argmin(np.array([3, 1, 1])) // 1
 */
export function argmin<A extends ArrayLike, const O extends ArgOptions | number | null | undefined = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, "number">;
export function argmin(a: ArrayLike, axisOrOptions?: ArgOptions | number | null): NDArray | number {
  return arg(a, reduceOptions<ArgOptions>(axisOrOptions), false);
}
