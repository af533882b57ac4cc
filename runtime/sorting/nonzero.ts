/**
 * `np.where`, `np.nonzero` / `a.nonzero()`, `np.argwhere`, `np.flatnonzero`, `np.count_nonzero`.
 *
 * Rules (numpy/core/src/multiarray/item_selection.c PyArray_Nonzero, multiarraymodule.c
 * PyArray_Where, numeric.py):
 * - `nonzero(a)` finds the non-zero elements in C order and writes their indices into ONE new
 *   (count, ndim) C-order int32 array (NumPy: intp, int64 on Linux; int32 is the runtime's
 *   default integer); each returned array is a VIEW of one column of it (stride ndim * 4), as
 *   NumPy returns views of its (count, ndim) array. A 0-d array counts as 1-d (NumPy 1.24
 *   deprecates this but does it). NaN is non-zero, -0 is zero.
 * - `where(cond)` is `nonzero(cond)`; `where(cond, x, y)` broadcasts the three and takes x where
 *   cond is non-zero, else y, in the dtype NumPy gives x and y together (NEP 50: a JS number is a
 *   weak scalar), a new array laid out in the K order of the inputs.
 * - `argwhere(a)` is `transpose(nonzero(a))`: a transposed view of a (ndim, count) C array.
 * - `flatnonzero(a)` is `nonzero(ravel(a))[0]`.
 * - `count_nonzero(a)` is a number; with `axis` or `keepdims`, `(a != 0).sum(axis, dtype=int32)`.
 * Cost: O(size) each.
 */
import { DEFAULT_FLOAT, DEFAULT_INT, DTYPES, isBigDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { broadcastShapes } from "../core/broadcast.js";
import { forEachRow, readFlat, scalarFor } from "../core/iterate.js";
import { elementStrides as elementStridesOf, firstIndex, newArray, newWithStrides, viewOf } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { elementStrides, keepOrderStrides } from "../ufunc/nditer.js";
import { promoteTypes, weakScalarDType } from "../ufunc/promote.js";
import { sum } from "../reduce/reduce.js";
import { transposeArray } from "../views/transpose.js";
import { ravelArray } from "../views/ravel.js";
import { keywordArgs } from "../stats/keywords.js";

/** The (count, max(ndim, 1)) index table of the non-zero elements of `a`, in C order. */
function nonzeroTable(a: NDArray): { table: Int32Array; count: number; nd: number } {
  const flat = readFlat(a);
  const nd = Math.max(a.ndim, 1);
  const shape = a.ndim === 0 ? [1] : a.shape;
  let count = 0;
  for (let i = 0; i < flat.length; i++) if (flat[i] !== 0 && flat[i] !== 0n) count++; // 0n for int64/uint64
  const table = new Int32Array(count * nd);
  const idx = new Array<number>(nd).fill(0);
  let w = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] !== 0 && flat[i] !== 0n) for (let k = 0; k < nd; k++) table[w++] = idx[k];
    for (let k = nd - 1; k >= 0; k--) {
      if (++idx[k] < shape[k]) break;
      idx[k] = 0;
    }
  }
  return { table, count, nd };
}

/**
 * The indices of the non-zero elements, one int32 array per axis (views of one (count, ndim) array, as NumPy).
 *
 * @example
 * np.nonzero(np.array([0, 3, 0, 4]))                  // [array([1, 3])]
 * np.nonzero(np.array([[1, 0], [0, 1]]))[1]           // array([0, 1])
 */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = asarray(a);
  const { table, count, nd } = nonzeroTable(x);
  const ret = newArray([count, nd], "int32", "C");
  (ret.data as Int32Array).set(table);
  const out: NDArray[] = [];
  for (let k = 0; k < nd; k++) out.push(viewOf(ret, [count], [nd * 4], count === 0 ? 0 : k * 4));
  return out;
}

/**
 * Indices of the non-zero elements, one row per element: shape (count, ndim), int32, a transposed view (F order).
 *
 * @example
 * np.argwhere(np.array([[0, 1], [2, 0]])).tolist() // [[0, 1], [1, 0]]
 */
export function argwhere(a: ArrayLike): NDArray {
  const x = asarray(a);
  const { table, count, nd } = nonzeroTable(x);
  const t = newArray([nd, count], "int32", "C");
  for (let i = 0; i < count; i++) for (let k = 0; k < nd; k++) t.data[k * count + i] = table[i * nd + k];
  const r = transposeArray(t);
  if (x.ndim === 0) return viewOf(r, [count, 0], r.strides, r.offset); // NumPy: argwhere(atleast_1d(a))[:, :0]
  return r;
}

/**
 * Indices of the non-zero elements of the flattened array (int32).
 *
 * @example
 * np.flatnonzero(np.array([[0, 1], [2, 0]])) // array([1, 2])
 */
export function flatnonzero(a: ArrayLike): NDArray {
  return nonzero(ravelArray(asarray(a), "C"))[0];
}

/** Keywords of count_nonzero. */
export interface CountNonzeroOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/**
 * How many elements are non-zero: a number, or int32 counts along `axis` (NumPy: intp).
 *
 * @example
 * np.count_nonzero(np.array([[0, 1, 7], [3, 0, 0]]))              // 3
 * np.count_nonzero(np.array([[0, 1, 7], [3, 0, 0]]), { axis: 0 }) // array([1, 1, 1])
 */
export function count_nonzero(a: ArrayLike, axis?: null, options?: { keepdims?: false }): number;
export function count_nonzero(a: ArrayLike, options?: { axis?: null; keepdims?: false }): number;
export function count_nonzero(a: ArrayLike, axis: number | readonly number[], options?: { keepdims?: boolean }): NDArray;
export function count_nonzero(a: ArrayLike, options: CountNonzeroOptions): NDArray;
export function count_nonzero(a: ArrayLike, ...args: unknown[]): NDArray | number {
  const o = keywordArgs<CountNonzeroOptions>("count_nonzero", args, ["axis"]);
  const x = asarray(a);
  if ((o.axis === undefined || o.axis === null) && !o.keepdims) {
    const flat = readFlat(x);
    let c = 0;
    for (let i = 0; i < flat.length; i++) if (flat[i] !== 0 && flat[i] !== 0n) c++; // 0n for int64/uint64
    return c;
  }
  // NumPy: a.astype(bool, copy=False).sum(axis, dtype=intp): the input itself when it is bool, else
  // a K-order copy (the sum lays its result out in that array's order, even when it is empty)
  const nz = x.dtype === "bool" ? x : x.astype("bool");
  return sum(nz, { axis: o.axis ?? null, keepdims: o.keepdims === true, dtype: "int32" }) as NDArray;
}

/** The dtype of where's result: x and y promoted together, JS numbers weak (NEP 50). */
function whereDType(x: ArrayLike, y: ArrayLike): DType {
  const weak = (v: ArrayLike): v is number => typeof v === "number";
  if (weak(x) && weak(y)) return Number.isInteger(x) && Number.isInteger(y) ? DEFAULT_INT : DEFAULT_FLOAT;
  if (weak(x)) return weakScalarDType(x, [asarray(y).dtype]);
  if (weak(y)) return weakScalarDType(y, [asarray(x).dtype]);
  return promoteTypes(asarray(x).dtype, asarray(y).dtype);
}

function scalarOf(dtype: DType, v: number): NDArray {
  const s = newArray([], dtype);
  (s.data as unknown as (number | bigint)[])[0] = scalarFor(v, dtype); // 1n for int64/uint64
  return s;
}

/**
 * `where(cond)`: as `nonzero(cond)`. `where(cond, x, y)`: elements of x where cond, else of y, broadcast (a new array).
 *
 * @example
 * np.where(np.array([true, false, true]), np.array([1, 2, 3]), np.array([10, 20, 30])) // array([ 1, 20,  3])
 * np.where(np.array([1, 0, 2]), 1, 0.5)                                                 // array([1. , 0.5, 1. ])
 * np.where(np.array([0, 5, 2]))                                                         // [array([1, 2])]
 */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, ...xy: ArrayLike[]): NDArray | NDArray[] {
  if (xy.length === 0) return nonzero(condition);
  if (xy.length !== 2 || xy[0] === undefined || xy[1] === undefined) throw new ValueError("either both or neither of x and y should be given");
  const [x, y] = xy;
  const dtype = whereDType(x, y);
  const c0 = asarray(condition);
  const c = isBigDType(c0.dtype) ? c0.astype("bool") : c0; // an int64 condition: != 0 (0n is not 0 to !==)
  // int64/uint64 beside number dtypes: cast to the result dtype first, so each store below is of one element kind
  const sameKind = (a: NDArray): NDArray => (isBigDType(a.dtype) !== isBigDType(dtype) ? a.astype(dtype) : a);
  const ax = typeof x === "number" ? scalarOf(dtype, x) : sameKind(asarray(x));
  const ay = typeof y === "number" ? scalarOf(dtype, y) : sameKind(asarray(y));
  const ops = [c, ax, ay];
  const shape = broadcastShapes(c.shape, ax.shape, ay.shape);
  const es = ops.map((o) => elementStrides(o, shape) as number[]);
  const itemsize = DTYPES[dtype].itemsize;
  const strides = keepOrderStrides(shape, itemsize, es);
  const out = newWithStrides(shape, dtype, strides, false); // every element is written below
  const outEs = elementStridesOf(out);
  const cd = c.data;
  const xd = ax.data;
  const yd = ay.data;
  const od = out.data;
  const toBool = dtype === "bool";
  forEachRow(shape, [...es, outEs], [...ops.map(firstIndex), 0], (offs, n, steps) => {
    let pc = offs[0];
    let px = offs[1];
    let py = offs[2];
    let po = offs[3];
    for (let k = 0; k < n; k++, pc += steps[0], px += steps[1], py += steps[2], po += steps[3]) {
      const v = cd[pc] !== 0 ? xd[px] : yd[py];
      od[po] = toBool ? (v !== 0 ? 1 : 0) : v;
    }
  });
  return out;
}
