/**
 * `np.array` and `np.asarray`: arrays from nested JS arrays, typed arrays, scalars or arrays.
 *
 * Rule (the project's dtype decision, API.md and README): booleans only -> bool; numbers that
 * are all integers in int32's range (booleans count as 0/1) -> int32; integers beyond int32
 * that are safe integers (|x| <= 2^53 - 1, exact in a double) or any `bigint` -> int64, and
 * bigints all in [2^63, 2^64) -> uint64 (int64 values beside uint64 ones give float64, as NumPy's
 * promotion does); any other number -> float64; a bigint outside [-2^63, 2^64) is refused.
 * An NDArray inside the nest contributes its dtype (the widest kind wins: bool < int < float).
 * A nest must be rectangular (NumPy's "inhomogeneous shape" error otherwise). Cost: one pass to
 * find the shape and dtype, one to store. `np.array(ndarray)` copies with order K; `np.asarray`
 * returns the same object when dtype and order already fit.
 */
import { DTYPES, type ArrayData, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { copyInto, scalarFor } from "../core/iterate.js";
import { OverflowError } from "../ufunc/errors.js";
import { promoteTypes } from "../ufunc/promote.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShape, toOrder, type OrderAK } from "../core/shape.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { newLike } from "./layout.js";
import { optDType, type ArrayOptions, type CopyOptions } from "./options.js";
import { prependOnes } from "../views/ndmin.js";
import type { KindFrom, KindOf, RankOf } from "../core/rank.js";

/** What `np.array` accepts: a number, a bigint, a boolean, an NDArray, a typed array, or nested arrays of these. */
export type ArrayLike = number | bigint | boolean | NDArray | ArrayData | readonly ArrayLike[];

const CTOR_DTYPE = new Map<unknown, DType>([
  [Float64Array, "float64"],
  [Float32Array, "float32"],
  [Int32Array, "int32"],
  [Uint32Array, "uint32"],
  [Int16Array, "int16"],
  [Uint16Array, "uint16"],
  [Int8Array, "int8"],
  [Uint8Array, "uint8"],
  [BigInt64Array, "int64"],
  [BigUint64Array, "uint64"],
]);

const KIND_RANK: Record<string, number> = { b: 0, u: 1, i: 1, f: 2 };

interface Scan {
  /** Widest kind seen: 0 bool, 1 int, 2 float. -1 when empty. */
  rank: number;
  /** A dtype seen on NDArrays/typed arrays (the widest one). */
  arrayDType: DType | null;
  /** Integers seen that need int64 (numbers beyond int32, bigints below 2^63). */
  int64: boolean;
  /** Bigints seen in [2^63, 2^64) (uint64 only). */
  uint64: boolean;
  /** Integers (or booleans) seen that fit int32. */
  small: boolean;
}

const newScan = (): Scan => ({ rank: -1, arrayDType: null, int64: false, uint64: false, small: false });

const INT64_MIN = -(2n ** 63n);
const UINT64_END = 2n ** 64n;
const INT64_END = 2n ** 63n;

function isTyped(x: unknown): x is ArrayData {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function shapeOf(x: ArrayLike): number[] {
  const shape: number[] = [];
  let cur: ArrayLike = x;
  for (;;) {
    if (cur instanceof NDArray) return shape.concat(cur.shape);
    if (isTyped(cur)) return shape.concat([cur.length]);
    if (!Array.isArray(cur)) return shape;
    shape.push(cur.length);
    if (cur.length === 0) return shape;
    cur = cur[0] as ArrayLike;
  }
}

function inhomogeneous(depth: number, shape: readonly number[]): ValueError {
  return new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${formatShape(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

/** Walk the nest, checking it is rectangular and finding the dtype kind. */
function scan(x: ArrayLike, shape: readonly number[], depth: number, s: Scan): void {
  if (x instanceof NDArray || isTyped(x)) {
    const sub = x instanceof NDArray ? x.shape : [x.length];
    const want = shape.slice(depth);
    if (sub.length !== want.length || sub.some((d, i) => d !== want[i])) throw inhomogeneous(depth, shape);
    const dt: DType = x instanceof NDArray ? x.dtype : (CTOR_DTYPE.get(x.constructor) ?? "float64");
    const r = KIND_RANK[DTYPES[dt].kind];
    if (s.arrayDType === null || r > KIND_RANK[DTYPES[s.arrayDType].kind] || (r === KIND_RANK[DTYPES[s.arrayDType].kind] && DTYPES[dt].itemsize > DTYPES[s.arrayDType].itemsize)) {
      s.arrayDType = dt;
    }
    return;
  }
  if (Array.isArray(x)) {
    if (depth >= shape.length || x.length !== shape[depth]) throw inhomogeneous(depth, shape);
    for (const e of x) scan(e as ArrayLike, shape, depth + 1, s);
    return;
  }
  if (depth !== shape.length) throw inhomogeneous(depth, shape);
  if (typeof x === "boolean") s.rank = Math.max(s.rank, 0);
  else if (typeof x === "number") {
    const isInt = Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31;
    if (isInt) s.small = true;
    else if (Number.isSafeInteger(x)) s.int64 = true;
    s.rank = Math.max(s.rank, isInt || Number.isSafeInteger(x) ? 1 : 2);
  } else if (typeof x === "bigint") {
    if (x < INT64_MIN || x >= UINT64_END) {
      throw new OverflowError(`Python int too large to convert to C long: ${x}n is outside int64 and uint64 (NumPy would make an object array)`);
    }
    if (x >= INT64_END) s.uint64 = true;
    else s.int64 = true;
    s.rank = Math.max(s.rank, 1);
  } else {
    throw new TypeError(`np.array cannot hold ${x === null ? "null" : typeof x} values; give numbers, booleans, arrays or nested arrays of them`);
  }
}

/** The dtype np.array infers for `x` (see the rule at the head of this file). @example inferDType([1, 2.5]) // "float64" */
export function inferDType(x: ArrayLike): DType {
  const shape = shapeOf(x);
  const s: Scan = newScan();
  scan(x, shape, 0, s);
  return dtypeFromScan(s);
}

/** The dtype of the integers seen: int32, int64, uint64, or float64 when uint64 values meet signed ones. */
function intDType(s: Scan): DType {
  if (s.uint64) return s.int64 || s.small ? "float64" : "uint64";
  return s.int64 ? "int64" : "int32";
}

function dtypeFromScan(s: Scan): DType {
  if (s.arrayDType !== null) {
    const r = KIND_RANK[DTYPES[s.arrayDType].kind];
    if (s.rank === 1 && (s.int64 || s.uint64)) return promoteTypes(s.arrayDType, intDType(s));
    if (s.rank <= r) return s.arrayDType;
    return s.rank === 2 ? "float64" : intDType(s);
  }
  return s.rank === 0 ? "bool" : s.rank === 2 ? "float64" : s.rank === 1 ? intDType(s) : "float64";
}

/** Store the nest's elements in C order into the C-contiguous `c` starting at element `pos`; returns the next position. */
function store(x: ArrayLike, c: NDArray, pos: number): number {
  if (x instanceof NDArray || isTyped(x)) {
    const src = x instanceof NDArray ? x : typedAsArray(x);
    const it = c.itemsize;
    const shape = src.shape;
    const strides = contiguousStridesOf(shape, it);
    copyInto(new NDArray({ data: c.data, dtype: c.dtype, shape, strides, offset: pos * it, base: c, writeable: true }), src);
    return pos + src.size;
  }
  if (Array.isArray(x)) {
    for (const e of x) pos = store(e as ArrayLike, c, pos);
    return pos;
  }
  const v = x as number | bigint | boolean;
  if (typeof v === "bigint" && (v < INT64_MIN || v >= UINT64_END)) throw new OverflowError("Python int too large to convert to C long");
  (c.data as unknown as (number | bigint)[])[pos++] = scalarFor(v, c.dtype); // a typed-array store casts like NumPy
  return pos;
}

/** A 1-D array over a caller's typed array (read only as a source). */
function typedAsArray(x: ArrayData): NDArray {
  const dtype = CTOR_DTYPE.get(x.constructor) ?? "float64";
  return new NDArray({ data: x, dtype, shape: [x.length], strides: [x.BYTES_PER_ELEMENT], offset: 0, base: null, writeable: false });
}

function contiguousStridesOf(shape: readonly number[], itemsize: number): number[] {
  const st = new Array<number>(shape.length);
  let acc = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return st;
}

/**
 * A new array from nested data (a copy unless `{ copy: false }` and no copy is needed), as NumPy's
 * `np.array(object, dtype, *, copy=True, order='K', ndmin=0)`; `ndmin` prepends length-1 axes
 * (a view of the result, NumPy's `_prepend_ones`).
 *
 * @example
 * np.array([[1, 2], [3, 4]]).dtype // "int32"
 * np.array([1, 2.5]).dtype // "float64"
 * np.array([[1, 2], [3, 4]], { order: "F" }).strides // [4, 8]
 * np.array([1, 2], "float32").dtype // "float32"
 * np.array([1, 2, 3], { ndmin: 2 }) // array([[1, 2, 3]])
 * const a = np.arange(3);
 * np.array(a, { copy: false }) === a // true
 */
export function array<A extends ArrayLike, O extends ArrayOptions | DType | undefined = undefined>(
  object: A,
  options?: O,
): NDArray<O extends { ndmin: number } ? number : RankOf<A>, KindFrom<O, KindOf<A>>> {
  if (typeof options === "object" && options !== null && (options.ndmin !== undefined || options.copy !== undefined)) {
    const { ndmin, copy, ...rest } = options;
    const made = copy === false ? asarray(object, rest) : array(object, rest);
    return prependOnes(made, ndmin ?? 0) as never;
  }
  // NumPy's dtype is also the second positional argument: np.array([1, 2], "float32")
  const order: OrderAK = toOrder(typeof options === "object" ? options.order : undefined, ["C", "F", "A", "K"] as const, "K");
  if (object instanceof NDArray) {
    const dtype = optDType(options, object.dtype);
    const out = newLike(object, order, dtype);
    copyInto(out, object);
    return out as never;
  }
  const shape = shapeOf(object);
  const s: Scan = newScan();
  scan(object, shape, 0, s);
  const dtype = optDType(options, dtypeFromScan(s));
  const c = newArray(shape, dtype, "C");
  // stores cast as NumPy does: float -> int truncates toward zero (then wraps); see core/cast.ts for int64
  store(object, c, 0);
  if (order !== "F" || c.ndim <= 1) return c as never;
  const f = newArray(shape, dtype, "F");
  copyInto(f, c);
  return f as never;
}

/**
 * `object` as an array without copying when it already is one of the right dtype and order
 * (NumPy's `np.asarray`); otherwise `np.array(object, options)`.
 *
 * @example
 * const a = np.arange(3);
 * np.asarray(a) === a // true
 * np.asarray(a, { dtype: "float64" }) === a // false
 * np.asarray(a, "int32") === a // true
 */
export function asarray<A extends ArrayLike, O extends CopyOptions | DType | undefined = undefined>(object: A, options?: O): NDArray<RankOf<A>, KindFrom<O, KindOf<A>>> {
  if (object instanceof NDArray) {
    const order = toOrder(typeof options === "object" ? options.order : undefined, ["C", "F", "A", "K"] as const, "K");
    const dtypeOk = options === undefined || (typeof options === "object" && options.dtype === undefined) || optDType(options, object.dtype) === object.dtype;
    const orderOk =
      order === "K" || order === "A" ||
      (order === "C" && isCContiguous(object.shape, object.strides, object.itemsize)) ||
      (order === "F" && isFContiguous(object.shape, object.strides, object.itemsize));
    if (dtypeOk && orderOk) return object as never;
  }
  return array(object, options) as never;
}

/**
 * NumPy's `np.asanyarray`: `np.asarray` (there are no ndarray subclasses here to pass through).
 *
 * @example
 * np.asanyarray([1, 2]) // array([1, 2])
 * const a = np.arange(3);
 * np.asanyarray(a) === a // true
 */
export function asanyarray<A extends ArrayLike, O extends CopyOptions | DType | undefined = undefined>(object: A, options?: O): NDArray<RankOf<A>, KindFrom<O, KindOf<A>>> {
  return asarray(object, options);
}
