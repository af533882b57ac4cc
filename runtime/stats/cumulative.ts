/**
 * `np.cumsum`, `np.cumprod` (+ `a.cumsum()`, `a.cumprod()`) and `np.diff`.
 *
 * Rules (NumPy 1.24 `add.accumulate` / `multiply.accumulate`, numpy/lib/function_base.py diff):
 * - The running total is kept in the result dtype, one element after another (no pairwise
 *   order: accumulate is sequential in NumPy too, so float results match bit for bit): each
 *   input is cast to the dtype, combined with the previous total, and stored (integers wrap,
 *   float32 rounds at every step, as NumPy's loops).
 * - dtype: `dtype` if given, else the input's and `out`'s dtypes promoted together, else the sum
 *   dtype of the runtime (bool and signed integers accumulate in int32, unsigned in uint32: NumPy
 *   on Linux uses int64/uint64; floats keep theirs), cast into `out` as C casts (NaN to INT_MIN).
 * - `axis: null` (the default) accumulates the C-order flattening (1-D result). The result is a
 *   new array laid out in the input's K order, length-1 axes outermost (NumPy's iterator allocates it).
 *   `out` receives the result and is returned.
 * - `diff(a, n, axis, prepend, append)`: `a[1:] - a[:-1]` along `axis`, n times (`!=` for bool),
 *   after concatenating `prepend`/`append` (a scalar broadcasts to one slice; a JS number is a
 *   weak scalar, NEP 50, where NumPy 1.24 makes it an int64 array); `n = 0` returns
 *   `a` itself. Each step is NumPy's subtract, so dtype and layout are the ufunc's.
 * Cost: O(size).
 */
import { DTYPES, isBigDType, toDType, type DType, type TypedArray } from "../core/dtype.js";
import { converter } from "../core/cast.js";
import { ValueError } from "../core/errors.js";
import { copyInto } from "../core/iterate.js";
import type { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { newWithStrides } from "../core/make.js";
import { keepOrderStrides } from "../ufunc/nditer.js";
import { promoteTypes, weakScalarDType } from "../ufunc/promote.js";
import { cFloatToInt } from "../ufunc/store.js";
import { sumDType } from "../reduce/reduce.js";
import { not_equal, subtract } from "../ufunc/ufuncs.js";
import { broadcast_to } from "../views/contiguous.js";
import { concatenate } from "../views/join.js";
import { ravelArray } from "../views/ravel.js";
import { forEachLane } from "../sorting/lanes.js";
import { keywordArgs } from "./keywords.js";

/** Keywords of cumsum/cumprod. */
export interface CumulativeOptions {
  /** Axis to accumulate along; null (default) flattens first. */
  axis?: number | null;
  /** dtype of the running total and the result. */
  dtype?: DType | null;
  /** Array to write the result into (returned). */
  out?: NDArray | null;
}

function accumulate(a: ArrayLike, o: CumulativeOptions, mul: boolean): NDArray {
  let x = asarray(a);
  let axis: number;
  if (o.axis === undefined || o.axis === null) {
    x = ravelArray(x, "C");
    axis = 0;
  } else if (x.ndim === 0) {
    x = ravelArray(x, "C"); // NumPy's PyArray_CheckAxis treats a 0-d array as 1-d
    axis = normalizeAxis(o.axis, 1);
  } else axis = normalizeAxis(o.axis, x.ndim);
  const out = o.out ?? undefined;
  // the loop dtype: `dtype`; else the input's and out's promoted together (NumPy's type
  // resolution with out in the signature); else the default. The result is cast into `out`.
  const dtype: DType =
    o.dtype !== undefined && o.dtype !== null ? toDType(o.dtype) : out !== undefined ? promoteTypes(x.dtype, out.dtype) : sumDType(x.dtype);
  // NumPy's accumulate allocates through its iterator: K order, length-1 axes outermost
  if (isBigDType(x.dtype) && !isBigDType(dtype)) x = x.astype(dtype); // int64 summed in float64 (or bool...): NumPy casts the input first
  const like = x.strides.map((st, i) => (x.shape[i] === 1 ? 0 : st / x.itemsize));
  const res = newWithStrides(x.shape, dtype, keepOrderStrides(x.shape, DTYPES[dtype].itemsize, [like]));
  const n = x.shape[axis];
  const src = x.data;
  const dst = res.data;
  const isBool = dtype === "bool";
  const isInt = DTYPES[dtype].kind === "i" || DTYPES[dtype].kind === "u";
  const cast = new DTYPES[dtype].ctor(1);
  const scratch = new Float64Array(1);
  const fromFloat = DTYPES[x.dtype].kind === "f";
  if (res.size > 0 && isBigDType(dtype)) {
    // int64/uint64: exact BigInt accumulation, wrapping as NumPy's 64-bit loops (core/cast.ts casts the input)
    const conv = converter(x.dtype, dtype) ?? ((v: number | bigint) => v);
    const S = src as unknown as (number | bigint)[];
    const D = dst as BigInt64Array; // the store wraps for BigUint64Array too
    forEachLane([x, res], axis, (starts, steps) => {
      let p = starts[0];
      let q = starts[1];
      let acc = 0n;
      for (let i = 0; i < n; i++, p += steps[0], q += steps[1]) {
        const v = conv(S[p]) as bigint;
        acc = i === 0 ? v : mul ? acc * v : acc + v;
        D[q] = acc;
        acc = D[q];
      }
    });
  } else if (res.size > 0) {
    const src = x.data as TypedArray; // (a bigint input into a number dtype: cast first)
    forEachLane([x, res], axis, (starts, steps) => {
      let p = starts[0];
      let q = starts[1];
      let acc = 0;
      for (let i = 0; i < n; i++, p += steps[0], q += steps[1]) {
        let v = src[p];
        if (isBool) v = v !== 0 ? 1 : 0;
        else {
          if (isInt && fromFloat) {
            scratch[0] = v;
            cFloatToInt(scratch, dtype); // x86's float-to-int cast (NaN and out of range give INT_MIN or 0)
            v = Math.trunc(scratch[0]);
          }
          cast[0] = v; // NumPy's cast of the input to the loop dtype
          v = cast[0];
        }
        if (i === 0) acc = v;
        else if (isBool) acc = mul ? acc & v : acc | v;
        else if (mul) acc = isInt ? Math.imul(acc, v) : acc * v; // imul: the low 32 bits, then the store wraps
        else acc = acc + v;
        (dst as TypedArray)[q] = acc;
        acc = (dst as TypedArray)[q]; // what the dtype holds (wrapped, rounded to float32)
      }
    });
  }
  if (out === undefined) return res;
  if (out.ndim !== res.ndim || out.shape.some((d, i) => d !== res.shape[i])) {
    throw new ValueError(`provided out is the wrong size for the accumulation.`);
  }
  if (DTYPES[dtype].kind === "f" && DTYPES[out.dtype].kind !== "f" && out.dtype !== "bool") cFloatToInt(res.data as TypedArray, out.dtype);
  copyInto(out, res);
  return out;
}

/**
 * Cumulative sum along `axis` (flattened when `axis` is null, the default); a new array.
 *
 * @example
 * np.cumsum(np.array([1, 2, 3, 4]))                               // array([ 1,  3,  6, 10])
 * np.cumsum(np.array([[1, 2], [3, 4]]), 0).tolist()               // [[1, 2], [4, 6]]
 * np.cumsum(np.array([1, 2, 3]), { dtype: "float64" })            // array([1., 3., 6.])
 */
export function cumsum(a: ArrayLike, axis?: number | null, dtype?: DType | null, out?: NDArray | null): NDArray;
export function cumsum(a: ArrayLike, options?: CumulativeOptions): NDArray;
export function cumsum(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, keywordArgs<CumulativeOptions>("cumsum", args, ["axis", "dtype", "out"]), false);
}

/**
 * Cumulative product along `axis` (flattened when `axis` is null, the default); a new array.
 *
 * @example
 * np.cumprod(np.array([1, 2, 3, 4]))                    // array([ 1,  2,  6, 24])
 * np.cumprod(np.array([[1, 2], [3, 4]]), 1).tolist()    // [[1, 2], [3, 12]]
 */
export function cumprod(a: ArrayLike, axis?: number | null, dtype?: DType | null, out?: NDArray | null): NDArray;
export function cumprod(a: ArrayLike, options?: CumulativeOptions): NDArray;
export function cumprod(a: ArrayLike, ...args: unknown[]): NDArray {
  return accumulate(a, keywordArgs<CumulativeOptions>("cumprod", args, ["axis", "dtype", "out"]), true);
}

/** Keywords of diff. */
export interface DiffOptions {
  /** How many times to difference (default 1). */
  n?: number;
  /** Axis (default -1). */
  axis?: number;
  /** Values put before `a` along `axis` (a scalar broadcasts). */
  prepend?: ArrayLike;
  /** Values put after `a` along `axis`. */
  append?: ArrayLike;
}

/**
 * The n-th discrete difference along `axis`: `a[1:] - a[:-1]` (`!=` for bool), n times.
 *
 * @example
 * np.diff(np.array([1, 2, 4, 7, 0]))                 // array([ 1,  2,  3, -7])
 * np.diff(np.array([1, 2, 4, 7, 0]), 2)              // array([  1,   1, -10])
 * np.diff(np.array([1, 3]), { prepend: 0 })          // array([1, 2])
 * np.diff(np.array([[1, 3, 6], [0, 5, 6]]), { axis: 0 }).tolist() // [[-1, 2, 0]]
 */
export function diff(a: ArrayLike, n?: number, axis?: number, prepend?: ArrayLike, append?: ArrayLike): NDArray;
export function diff(a: ArrayLike, options?: DiffOptions): NDArray;
export function diff(a: ArrayLike, ...args: unknown[]): NDArray {
  const o = keywordArgs<DiffOptions>("diff", args, ["n", "axis", "prepend", "append"]);
  // null is NumPy's None: no default here (NumPy's `n < 0` and normalize_axis_index refuse it)
  if ((o.n as unknown) === null) throw new TypeError("'<' not supported between instances of 'NoneType' and 'int'");
  const n = o.n ?? 1;
  if (n === 0) return asarray(a);
  if (!Number.isInteger(n)) throw new TypeError(`'${typeof n === "number" ? "float" : typeof n}' object cannot be interpreted as an integer`);
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  let x = asarray(a);
  const nd = x.ndim;
  if (nd === 0) throw new ValueError("diff requires input that is at least one dimensional");
  if ((o.axis as unknown) === null) throw new TypeError("'NoneType' object cannot be interpreted as an integer");
  const axis = normalizeAxis(o.axis ?? -1, nd);
  const parts: NDArray[] = [];
  const edge = (v: ArrayLike): NDArray => {
    // a JS number is a weak scalar (NEP 50): it takes a's dtype when it fits
    const e = typeof v === "number" ? asarray(v, { dtype: weakScalarDType(v, [x.dtype]) }) : asarray(v);
    if (e.ndim !== 0) return e;
    const shape = x.shape.slice();
    shape[axis] = 1;
    return broadcast_to(e, shape);
  };
  if (o.prepend !== undefined) parts.push(edge(o.prepend));
  parts.push(x);
  if (o.append !== undefined) parts.push(edge(o.append));
  if (parts.length > 1) x = concatenate(parts, { axis });
  const index = (s: string): string => x.shape.map((_, i) => (i === axis ? s : ":")).join(", ");
  const i1 = index("1:");
  const i2 = index(":-1");
  const op: (p: NDArray, q: NDArray) => NDArray = x.dtype === "bool" ? not_equal : subtract;
  for (let k = 0; k < n; k++) x = op(x.get(i1) as NDArray, x.get(i2) as NDArray); // index strings with ":" give views
  return x;
}
