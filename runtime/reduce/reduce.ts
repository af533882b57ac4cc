/**
 * Reductions over axes: sum, prod, min, max, any, all (mean/std/var and argmin/argmax build on these).
 *
 * Rules (NumPy 1.24 `np.add.reduce` & co., numpy/core/_methods.py):
 * - `axis`: a number, an array of numbers (negative counts from the end), or null/undefined for
 *   all axes; out of range is `axis 2 is out of bounds for array of dimension 2`, a repeat is
 *   `duplicate value in 'axis'`. `keepdims` keeps reduced axes with length 1.
 * - DTYPE DECISION: NumPy on Linux sums bool/int8/int16/int32 in int64 (the C long). We have no
 *   int64, so, like NumPy where the default int is int32 (Windows before 2.0), `sum`/`prod` of
 *   bool, int8, int16, int32 give int32 and of uint8, uint16, uint32 give uint32, wrapping on
 *   overflow exactly as NumPy's int32 loop does (`{ dtype: "float64" }` avoids the wrap).
 *   Floats keep their dtype; `mean` of integers is float64.
 * - `sum` starts from the identity 0 and follows NumPy's buffered iteration and pairwise
 *   summation (walk.ts), so float64 (and float32) sums match NumPy bit for bit.
 * - min/max have no identity: an empty reduction is
 *   `zero-size array to reduction operation maximum which has no identity`.
 * - The result is a new array laid out in the input's K order; with no axis, no keepdims and no
 *   `out` it is a plain JS number (boolean for any/all), as NumPy returns a scalar.
 * - `out`: the result (the reduced shape) is copied into it and it is returned; without `dtype`
 *   the computation uses `out.dtype`, as NumPy does.
 * Cost: O(size) time, O(result size) memory.
 */
import { DTYPES, isBigDType, type DType, type TypedArray } from "../core/dtype.js";
import { AxisError, ValueError } from "../core/errors.js";
import { copyInto } from "../core/iterate.js";
import { allocate } from "../core/alloc.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShape } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { canCast } from "../ufunc/promote.js";
import { keepOrderStrides } from "../ufunc/nditer.js";
import { maximum, minimum } from "../ufunc/kernels.js";
import { copyto } from "../ufunc/copyto.js";
import { logical_not } from "../ufunc/ufuncs.js";
import { addReduce, foldReduce, reduceSpace } from "./walk.js";
import { asF32, asF64, elementSpan, setNumbers } from "../ufunc/f64.js";
import { wasmExtremum, wasmSumI32 } from "../wasm/loops.js";
import { numpyExtremum, seenInRun, settledExtremum } from "./extremum.js";
import { settleExtremum } from "./extremum-axes.js";
import { broadcast_to } from "../views/contiguous.js";
import { BIG_FOLDS, bigFoldInto } from "./int64.js";
import type { KindFrom, KindOf, RankOf, Reduced, SumKind } from "../core/rank.js";

/** NumPy's reduction keywords. */
export interface ReduceOptions {
  /** Axis or axes to reduce (negative counts from the end); all axes when null/undefined. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as length 1 (the result then broadcasts against the input). */
  keepdims?: boolean;
  /** Array to write the result into (returned). */
  out?: NDArray;
  /** dtype of the accumulator and result. */
  dtype?: DType;
  /** The value the reduction starts from (sum, prod, max, min): NumPy's `initial`. */
  initial?: number | boolean;
  /** Bool mask (broadcast against the input): reduce only the elements where it is true (NumPy's `where`). */
  where?: ArrayLike;
}

/** A reduction's second argument: the options object, or NumPy's positional `axis` (a number, an array of numbers, or null). */
export type ReduceArg = ReduceOptions | number | readonly number[] | null | undefined;

/**
 * The options object of a reduction's second argument (NumPy allows `axis` positionally: `np.sum(a, 0)`).
 *
 * @example
 * reduceOptions(-1) // { axis: -1 }
 */
export function reduceOptions<O extends { axis?: unknown }>(arg: O | number | readonly number[] | null | undefined): O | undefined {
  if (arg === undefined) return undefined;
  if (arg === null || typeof arg === "number" || Array.isArray(arg)) return { axis: arg } as O;
  return arg as O;
}

/** Options with which a reduction returns a plain number: no axis, no keepdims, no out. */
export interface ScalarReduceOptions {
  axis?: null;
  keepdims?: false;
  out?: undefined;
  dtype?: DType;
  initial?: number | boolean;
  where?: ArrayLike;
}

/**
 * `x` with the elements where `where` is false replaced by `fill` (the reduction's identity or
 * `initial`), in `x`'s memory order; `x` itself without a mask. NumPy's masked reductions skip
 * those elements instead: the same answer, and for floats the same to rounding (the pairwise
 * blocks differ), so `where` sums are not promised bit for bit.
 */
export function maskedInput(x: NDArray, where: ArrayLike | undefined, fill: number | boolean): NDArray {
  if (where === undefined || where === true) return x;
  const out = x.copy("K");
  copyto(out, fill, { where: logical_not(where), casting: "unsafe" });
  return out;
}

/**
 * Which axes a reduction reduces, NumPy's way.
 *
 * @example
 * reducedAxes(-1, 3) // [false, false, true]
 * reducedAxes([0, 0], 2) // throws ValueError: duplicate value in 'axis'
 */
export function reducedAxes(axis: ReduceOptions["axis"], ndim: number): boolean[] {
  if (axis === undefined || axis === null) return new Array<number>(ndim).fill(0).map(() => true);
  const list = typeof axis === "number" ? [axis] : axis;
  const flags = new Array<boolean>(ndim).fill(false);
  for (const ax of list) {
    if (!Number.isInteger(ax)) throw new TypeError(`'${typeof ax === "number" ? "float" : typeof ax}' object cannot be interpreted as an integer`);
    if (ax < -ndim || ax >= ndim) throw new AxisError(ax, ndim);
    const k = ax < 0 ? ax + ndim : ax;
    if (flags[k]) throw new ValueError("duplicate value in 'axis'");
    flags[k] = true;
  }
  return flags;
}

/** The default accumulator dtype of sum/prod (see the file head). @example sumDType("int8") // "int32" */
export function sumDType(t: DType): DType {
  if (t === "int64" || t === "uint64") return t;
  if (t === "uint8" || t === "uint16" || t === "uint32") return "uint32";
  if (t === "float32" || t === "float64") return t;
  return "int32";
}

/**
 * A fresh result for reducing `a` over `red`, filled with `fill`, in keepdims shape, laid out in
 * `a`'s K order with the reduced axes kept in place as length 1 (NumPy's allocation, so the
 * keepdims strides match NumPy's too).
 */
export function reduceResult(a: NDArray, red: readonly boolean[], dtype: DType, fill: number): NDArray {
  const shape = a.shape.map((d, i) => (red[i] ? 1 : d));
  let size = 1;
  for (const d of shape) size *= d;
  const data = allocate(dtype, size, shape);
  if (fill !== 0) {
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) data.fill(BigInt(fill));
    else data.fill(fill);
  }
  const like = a.strides.map((s, i) => (a.shape[i] === 1 ? 0 : s / a.itemsize));
  // fresh arrays frozen here (keepOrderStrides gives no -0): the constructor neither checks nor copies them
  return new NDArray({ data, dtype, shape: Object.freeze(shape), strides: Object.freeze(keepOrderStrides(shape, DTYPES[dtype].itemsize, [like])), offset: 0, base: null, writeable: true, frozen: true });
}

/** `a`'s values in `dtype`, copying only when reading them as numbers would differ from NumPy's cast. */
export function inLoopDType(a: NDArray, dtype: DType): NDArray {
  if (a.dtype === dtype || canCast(a.dtype, dtype, "safe")) return a;
  if (dtype === "bool" || isBigDType(dtype) || isBigDType(a.dtype)) {
    // (bigint <-> number casts go element by element: core/cast.ts; int64 folds do not depend on order)
    const c = newArray(a.shape, dtype, "C");
    copyInto(c, a);
    return c;
  }
  // a cast copy with the SAME element layout (strides, reversed axes and all), so the reduction
  // walks it in the order NumPy walks the original while its buffers cast (float sums depend on it)
  const [lo, hi] = elementSpan(a);
  const n = Math.max(0, hi - lo + 1);
  const info = DTYPES[dtype];
  const data = allocate(dtype, n, [n]);
  if (n > 0) (data as TypedArray).set((a.data as TypedArray).subarray(lo, hi + 1)); // neither side is int64/uint64 here (above)
  return new NDArray({
    data,
    dtype,
    shape: a.shape,
    strides: a.strides.map((st) => (st / a.itemsize) * info.itemsize),
    offset: (a.offset / a.itemsize - lo) * info.itemsize,
    base: null,
    writeable: true,
  });
}

/** Element strides of `a` and of the keepdims result over `a.shape` (0 on reduced axes). */
export function spaceOf(a: NDArray, res: NDArray, red: readonly boolean[]) {
  const ins = a.strides.map((s) => s / a.itemsize);
  const outs = res.strides.map((s, i) => (red[i] ? 0 : s / res.itemsize));
  return reduceSpace(a.shape, ins, outs, a.offset / a.itemsize, 0);
}

/**
 * Finish a reduction: drop reduced axes unless keepdims, copy into `out`, or give a scalar.
 */
export function finish(res: NDArray, red: readonly boolean[], options: ReduceOptions | undefined, op = "add"): NDArray | number | boolean | bigint {
  const keep = options?.keepdims === true;
  const out = options?.out;
  if (!keep && out === undefined && (options?.axis === undefined || options.axis === null)) {
    // every axis reduced, to a scalar: res holds one element (no view made to read it)
    const v = res.data[0]; // a bigint for int64/uint64 (the element-access decision)
    return res.dtype === "bool" ? v !== 0 : v;
  }
  let r = res;
  if (!keep) {
    const shape: number[] = [];
    const strides: number[] = [];
    const sh = res.shape;
    const st = res.strides;
    for (let i = 0; i < sh.length; i++) {
      if (!red[i]) {
        shape.push(sh[i]);
        strides.push(st[i]);
      }
    }
    // fresh arrays frozen here (res's strides hold no -0): the constructor neither checks nor copies them
    r = new NDArray({ data: res.data, dtype: res.dtype, shape: Object.freeze(shape), strides: Object.freeze(strides), offset: 0, base: null, writeable: true, frozen: true });
  }
  if (out !== undefined) {
    checkOutNdim(out, r.ndim, keep, op);
    if (out.shape.some((d, i) => d !== r.shape[i])) {
      throw new ValueError(`output parameter for reduction operation has the wrong shape: expected ${formatShape(r.shape)}, got ${formatShape(out.shape)}`);
    }
    copyInto(out, r);
    return out;
  }
  return r;
}

/**
 * NumPy's first check of a reduction's `out`: its number of dimensions (`op` is the ufunc NumPy
 * reduces with: add for sum/mean/std/var, multiply, maximum, logical_or, fmax, ...).
 *
 * @example
 * checkOutNdim(np.zeros(1), 0, false, "add") // throws ValueError: output parameter for reduction operation add has the wrong number of dimensions: Found 1 but expected 0
 */
export function checkOutNdim(out: NDArray, expected: number, keepdims: boolean, op: string): void {
  if (out.ndim !== expected) {
    const why = keepdims ? " (must match the operand's when keepdims=True)" : "";
    throw new ValueError(`output parameter for reduction operation ${op} has the wrong number of dimensions: Found ${out.ndim} but expected ${expected}${why}`);
  }
}

function emptyCheck(a: NDArray, red: readonly boolean[], name: string): void {
  if (a.shape.some((d, i) => red[i] && d === 0)) {
    throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  }
}

/**
 * Sum of d[lo..lo+n) exactly modulo 2^32 (as a double to be stored into an Int32Array): four
 * accumulators over blocks of 2^20 elements stay below 2^51, and the running total is reduced
 * modulo 2^32 between blocks so it never loses a bit.
 */
function sumInt32(d: Int32Array, lo: number, n: number): number {
  const A = d.subarray(lo, lo + n);
  const BLOCK = 1 << 20;
  let total = 0;
  for (let b = 0; b < A.length; b += BLOCK) {
    const end = Math.min(A.length, b + BLOCK);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = b;
    for (; i + 3 < end; i += 4) {
      s0 += A[i];
      s1 += A[i + 1];
      s2 += A[i + 2];
      s3 += A[i + 3];
    }
    for (; i < end; i++) s0 += A[i];
    total = (total + s0 + s1 + s2 + s3) % 4294967296;
  }
  return total;
}

/** The shared body of sum-like reductions (dtype given or defaulted). */
export function sumInto(a: NDArray, red: readonly boolean[], dtype: DType, initial: number | boolean = 0): NDArray {
  const res = reduceResult(a, red, dtype, Number(initial));
  if (dtype === "bool") {
    runFold(inLoopDType(a, "bool"), res, red, (acc, v) => (acc !== 0 || v !== 0 ? 1 : 0), null, null);
    return res;
  }
  const x = inLoopDType(a, dtype);
  if (isBigDType(dtype)) {
    bigFoldInto(x, res, red, BIG_FOLDS.sum, null);
    return res;
  }
  // int32 over every axis with no gaps between elements: integer addition is exact and
  // order-free, so sum the Int32Array in place (no float64 copy); the Int32Array store wraps
  // modulo 2^32 as NumPy's int32 accumulation does
  if (x.data instanceof Int32Array && res.data instanceof Int32Array && red.every((r) => r)) {
    const [lo, hi] = elementSpan(x);
    if (hi - lo + 1 === x.size) {
      res.data[0] = (wasmSumI32(x.data, lo, x.size) ?? sumInt32(x.data, lo, x.size)) + res.data[0];
      return res;
    }
  }
  if (res.data instanceof Float32Array) {
    const xv = asF32(x);
    addReduce(spaceOf(xv, res, red), xv.data as Float32Array, res.data, true);
    return res;
  }
  const xv = asF64(x).view;
  const acc = res.data instanceof Float64Array ? res.data : (allocate("float64", res.size, res.shape) as Float64Array);
  if (acc !== res.data && initial !== 0) for (let i = 0; i < acc.length; i++) acc[i] = Number(res.data[i]);
  addReduce(spaceOf(xv, res, red), xv.data as Float64Array, acc, false, acc !== res.data);
  if (acc !== res.data) setNumbers(res.data, acc);
  return res;
}

/** foldReduce over float64 views (ufunc/f64.ts), the result converted back into `res`. */
export function runFold(x: NDArray, res: NDArray, red: readonly boolean[], f: (acc: number, v: number) => number, seed: Uint8Array | null, kind: "max" | "min" | null): void {
  const xv = asF64(x).view;
  let acc = res.data as Float64Array;
  if (!(res.data instanceof Float64Array)) {
    acc = allocate("float64", res.size, res.shape) as Float64Array;
    if (res.data instanceof BigInt64Array || res.data instanceof BigUint64Array) for (let i = 0; i < acc.length; i++) acc[i] = Number(res.data[i]);
    else acc.set(res.data);
  }
  foldReduce(spaceOf(xv, res, red), xv.data as Float64Array, acc, f, seed, kind);
  if (acc !== res.data) setNumbers(res.data, acc);
}

function accDType(a: NDArray, options: ReduceOptions | undefined): DType {
  return options?.dtype ?? options?.out?.dtype ?? sumDType(a.dtype);
}

/**
 * Sum of elements over the given axes, with NumPy's pairwise summation (float64 sums are bit
 * for bit NumPy's).
 *
 * @example
 * np.sum(np.array([[1, 2], [3, 4]]))              // 10
 * np.sum(np.array([[1, 2], [3, 4]]), { axis: 0 }) // array([4, 6])
 * np.arange(4).sum({ keepdims: true })            // array([6])
 */
export function sum<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, SumKind<KindOf<A>>>>;
export function sum(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | number {
  const options = reduceOptions(axisOrOptions);
  const x0 = asarray(a);
  const red = reducedAxes(options?.axis, x0.ndim);
  const x = maskedInput(x0, options?.where, 0);
  return finish(sumInto(x, red, accDType(x0, options), options?.initial ?? 0), red, options) as NDArray | number;
}

/**
 * Product of elements over the given axes (sequential, in NumPy's iteration order).
 *
 * @example
 * np.prod(np.array([1, 2, 3, 4])) // 24
 */
export function prod<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, SumKind<KindOf<A>>>>;
export function prod(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | number {
  const options = reduceOptions(axisOrOptions);
  const x0 = asarray(a);
  const red = reducedAxes(options?.axis, x0.ndim);
  const dtype = accDType(x0, options);
  const x = inLoopDType(maskedInput(x0, options?.where, 1), dtype);
  const res = reduceResult(x, red, dtype, Number(options?.initial ?? 1));
  if (isBigDType(dtype)) {
    bigFoldInto(x, res, red, BIG_FOLDS.prod, null);
    return finish(res, red, options, "multiply") as NDArray | number;
  }
  const kind = DTYPES[dtype].kind;
  const f =
    dtype === "float32" ? (p: number, v: number) => Math.fround(p * v)
    : kind === "f" ? (p: number, v: number) => p * v
    : kind === "b" ? (p: number, v: number) => (p !== 0 && v !== 0 ? 1 : 0)
    : (p: number, v: number) => Math.imul(p, v);
  runFold(x, res, red, f, null, null);
  return finish(res, red, options, "multiply") as NDArray | number;
}

function minmax(a: ArrayLike, options: ReduceOptions | undefined, name: "maximum" | "minimum"): NDArray | number | boolean | bigint {
  const x0 = asarray(a);
  const red = reducedAxes(options?.axis, x0.ndim);
  const initial = options?.initial;
  if (options?.where !== undefined && initial === undefined) {
    throw new ValueError(`reduction operation '${name}' does not have an identity, so to use a where mask one has to specify 'initial'`);
  }
  if (initial === undefined) emptyCheck(x0, red, name);
  const dtype = options?.dtype ?? x0.dtype;
  // the whole of a float64/float32/int32 array with no gaps between its elements, to a scalar: the
  // wasm loop over its span (the same elements in memory order; a float run holding a NaN or giving
  // a zero returns NaN, and then NumPy's order decides the bits: extremum.ts);
  // not with an explicit axis, whose whole reduction `finish` returns as a 0-d array
  if (initial === undefined && dtype === x0.dtype && options?.keepdims !== true && options?.out === undefined && (options?.axis === undefined || options.axis === null) && red.every((r) => r)) {
    const d = x0.data;
    if ((d instanceof Float64Array && dtype === "float64") || (d instanceof Float32Array && dtype === "float32") || (d instanceof Int32Array && dtype === "int32")) {
      const [lo, hi] = elementSpan(x0);
      if (hi - lo + 1 === x0.size) {
        const v = wasmExtremum(name === "maximum" ? "max" : "min", d, lo, x0.size);
        if (v !== undefined) return v === v ? v : (settledExtremum(d as Float64Array | Float32Array, lo, x0.size) ?? numpyExtremum(x0, name === "maximum" ? "max" : "min"));
      }
    }
  }
  const x = inLoopDType(initial === undefined ? x0 : maskedInput(x0, options?.where, initial), dtype);
  const res = reduceResult(x, red, dtype, Number(initial ?? 0));
  const seed = initial === undefined ? new Uint8Array(res.size) : null;
  if (isBigDType(dtype)) {
    bigFoldInto(x, res, red, name === "maximum" ? BIG_FOLDS.max : BIG_FOLDS.min, seed);
    return finish(res, red, options, name);
  }
  runFold(x, res, red, name === "maximum" ? maximum : minimum, seed, name === "maximum" ? "max" : "min");
  // a zero or NaN result: NumPy's order decides its bits (extremum.ts, extremum-axes.ts)
  if ((res.data instanceof Float64Array || res.data instanceof Float32Array) && hasZeroOrNaN(res.data)) {
    const kind = name === "maximum" ? "max" : "min";
    settleExtremumBits(x0, res, red, kind, { initial: initial === undefined ? undefined : Number(initial), where: options?.where, out: options?.out, dtype });
  }
  return finish(res, red, options, name);
}

/** Whether a float result holds a zero or a NaN (the values whose bits depend on NumPy's order). */
function hasZeroOrNaN(d: Float64Array | Float32Array): boolean {
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v === 0 || v !== v) return true;
  }
  return false;
}

/**
 * Overwrite the zero and NaN elements of `res` (the keepdims result of a max/min of `x0` over `red`)
 * with NumPy's bits (extremum-axes.ts): NumPy iterates over `out`'s layout when `out` is given.
 */
export function settleExtremumBits(
  x0: NDArray,
  res: NDArray,
  red: readonly boolean[],
  kind: "max" | "min",
  o: { initial?: number; where?: ArrayLike; out?: NDArray; dtype: DType; ignoreNaN?: boolean },
): void {
  const xs = inLoopDType(x0, o.dtype);
  const mask = o.where === undefined || o.where === true ? undefined : (broadcast_to(asarray(o.where), x0.shape) as NDArray);
  let layout = res.strides.map((s, i) => (red[i] ? 0 : s / res.itemsize));
  const out = o.out;
  if (out !== undefined && out.dtype === o.dtype) {
    // out's strides over the input's axes (its axes are the kept ones, or all with keepdims)
    const keep = out.ndim === x0.ndim;
    let k = 0;
    layout = x0.shape.map((_, i) => (red[i] ? (keep ? (k++, 0) : 0) : out.strides[k++] / out.itemsize));
  }
  // the whole input settles every result when it holds zeros of one sign and only canonical NaNs
  // (`np.zeros(...)`, data with np.nan): one pass over its span, no per-result walk
  if (mask === undefined && (res.data instanceof Float64Array || res.data instanceof Float32Array)) {
    const d = x0.data as Float64Array | Float32Array;
    const [lo, hi] = elementSpan(x0);
    if (hi - lo + 1 === x0.size) {
      const i = o.initial;
      const seen = seenInRun(d, lo, x0.size) | (i === undefined ? 0 : i !== i ? 4 : i === 0 ? (Object.is(i, -0) ? 2 : 1) : 0);
      if ((seen & 8) === 0 && (seen & 3) !== 3) {
        const rd = res.data;
        const zero = (seen & 3) === 2 ? -0 : 0;
        for (let k = 0; k < rd.length; k++) {
          const v = rd[k];
          if (v === 0) rd[k] = zero;
          else if (v !== v) rd[k] = NaN; // JS's NaN: the canonical quiet NaN's bits
        }
        return;
      }
    }
  }
  settleExtremum(res, red, layout, xs, kind, { initial: o.initial, mask: mask?.dtype === "bool" ? mask : mask?.astype("bool"), cast: x0.dtype === o.dtype ? undefined : (o.dtype as "float64" | "float32"), ignoreNaN: o.ignoreNaN });
}

/**
 * Largest element over the given axes (NaN propagates), NumPy's `amax`.
 *
 * @example
 * np.max(np.array([[1, 5], [3, 2]]))              // 5
 * np.max(np.array([[1, 5], [3, 2]]), { axis: 1 }) // array([5, 3])
 * np.max(np.zeros(0))                             // throws ValueError: zero-size array to reduction operation maximum which has no identity
 */
export function max<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, KindOf<A>>>;
export function max(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | number {
  const options = reduceOptions(axisOrOptions);
  return minmax(a, options, "maximum") as NDArray | number;
}

/**
 * Smallest element over the given axes (NaN propagates), NumPy's `amin`.
 *
 * @example
 * np.min(np.array([[1, 5], [3, 2]]), { axis: 0 }) // array([1, 2])
 */
export function min<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, KindFrom<O, KindOf<A>>>;
export function min(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | number {
  const options = reduceOptions(axisOrOptions);
  return minmax(a, options, "minimum") as NDArray | number;
}

function logical(a: ArrayLike, options: ReduceOptions | undefined, isAll: boolean): NDArray | boolean {
  const x0 = asarray(a);
  const red = reducedAxes(options?.axis, x0.ndim);
  const x = maskedInput(x0, options?.where, isAll);
  const res = reduceResult(x, red, "bool", isAll ? 1 : 0);
  const f = isAll ? (p: number, v: number) => (p !== 0 && v !== 0 ? 1 : 0) : (p: number, v: number) => (p !== 0 || v !== 0 ? 1 : 0);
  runFold(x, res, red, f, null, null);
  return finish(res, red, options, isAll ? "logical_and" : "logical_or") as NDArray | boolean;
}

/**
 * Whether any element (over the given axes) is non-zero.
 *
 * @example
 * np.any(np.array([0, 0, 3])) // true
 */
export function any<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, "boolean">;
export function any(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | boolean {
  const options = reduceOptions(axisOrOptions);
  return logical(a, options, false);
}

/**
 * Whether every element (over the given axes) is non-zero.
 *
 * @example
 * np.all(np.array([[1, 0], [1, 1]]), { axis: 1 }) // array([False,  True])
 */
export function all<A extends ArrayLike, const O extends ReduceArg = undefined>(a: A, options?: O): Reduced<RankOf<A>, O, "boolean">;
export function all(a: ArrayLike, axisOrOptions?: ReduceArg): NDArray | boolean {
  const options = reduceOptions(axisOrOptions);
  return logical(a, options, true);
}

/** Number of elements each result element reduces. @example reduceCount(np.zeros([2, 3, 4]), [true, false, true]) // 8 */
export function reduceCount(a: NDArray, red: readonly boolean[]): number {
  let n = 1;
  a.shape.forEach((d, i) => {
    if (red[i]) n *= d;
  });
  return n;
}

export type { TypedArray };
