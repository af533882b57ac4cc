/**
 * The int64/uint64 inner loops: exact BigInt arithmetic over BigInt64Array / BigUint64Array.
 *
 * Rules (NumPy 1.24's integer loops, numpy/core/src/umath/loops*.c.src):
 * - + - * negative absolute wrap modulo 2^64: storing a bigint into a BigInt64Array or
 *   BigUint64Array keeps its low 64 bits (ECMAScript's ToBigInt64/ToBigUint64), which is C's
 *   wrap-around, so `abs(INT64_MIN)` is INT64_MIN and `uint64 0 - 1` is 2^64 - 1.
 * - floor_divide and remainder follow Python's signs (floor, and the divisor's sign); `x // 0`
 *   and `x % 0` give 0 (NumPy 1.24, with a warning NumPy prints and we do not); INT64_MIN // -1
 *   wraps to INT64_MIN.
 * - power: exponentiation by squaring modulo 2^64 (C's repeated wrapping multiply); a negative
 *   exponent is NumPy's `Integers to negative integer powers are not allowed.`
 * - Comparisons, maximum/minimum, logical_* and bitwise ops are exact on the bigints.
 * - A ufunc with no loop here (one added later to the table) runs through float64 when every
 *   input value is within ±2^53 (exact there), and otherwise says so rather than round.
 * Inputs that are not yet int64/uint64 (an int32 array beside an int64 one) are cast first.
 * These loops stay JavaScript (no WebAssembly); one closure call per element.
 * Cost: O(size) BigInt operations.
 */
import { isBigDType, type BigDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { copyInto, readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { eachRun, elementStrides, planWalk, type WalkOp } from "./nditer.js";

type Big2 = (x: bigint, y: bigint) => bigint;
type Big1 = (x: bigint) => bigint;
type Pred2 = (x: bigint, y: bigint) => boolean;

const floorDivide: Big2 = (x, y) => {
  if (y === 0n) return 0n;
  const q = x / y;
  return x % y !== 0n && x < 0n !== y < 0n ? q - 1n : q;
};
const remainder: Big2 = (x, y) => {
  if (y === 0n) return 0n;
  const r = x % y;
  return r !== 0n && r < 0n !== y < 0n ? r + y : r;
};
const power: Big2 = (x, y) => {
  if (y < 0n) throw new ValueError("Integers to negative integer powers are not allowed.");
  let r = 1n;
  let b = BigInt.asUintN(64, x);
  let e = y;
  while (e > 0n) {
    if ((e & 1n) === 1n) r = BigInt.asUintN(64, r * b);
    b = BigInt.asUintN(64, b * b);
    e >>= 1n;
  }
  return r; // the low 64 bits; the store reads them signed for int64
};

/** Binary loops with a bigint result. */
const BINARY: Readonly<Record<string, Big2>> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  floor_divide: floorDivide,
  remainder,
  power,
  maximum: (x, y) => (x >= y ? x : y),
  minimum: (x, y) => (x <= y ? x : y),
  bitwise_and: (x, y) => x & y,
  bitwise_or: (x, y) => x | y,
  bitwise_xor: (x, y) => x ^ y,
};

/** Binary loops with a bool result. */
const PREDICATES: Readonly<Record<string, Pred2>> = {
  equal: (x, y) => x === y,
  not_equal: (x, y) => x !== y,
  less: (x, y) => x < y,
  less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y,
  greater_equal: (x, y) => x >= y,
  logical_and: (x, y) => x !== 0n && y !== 0n,
  logical_or: (x, y) => x !== 0n || y !== 0n,
  logical_xor: (x, y) => (x !== 0n) !== (y !== 0n),
};

/** Unary loops with a bigint result. */
const UNARY: Readonly<Record<string, Big1>> = {
  negative: (x) => -x,
  absolute: (x) => (x < 0n ? -x : x),
  invert: (x) => ~x,
  positive: (x) => x,
  square: (x) => x * x,
  sign: (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n),
};

/** Unary loops with a bool result. */
const UNARY_PREDICATES: Readonly<Record<string, (x: bigint) => boolean>> = {
  logical_not: (x) => x === 0n,
};

/**
 * Whether `name` has an exact int64/uint64 loop here.
 *
 * @example
 * hasBigLoop("add") // true
 */
export function hasBigLoop(name: string): boolean {
  return name in BINARY || name in PREDICATES || name in UNARY || name in UNARY_PREDICATES;
}

/** `a` in the bigint dtype `t` (itself when it already is; else a cast copy with a's shape). */
function asBig(a: NDArray, t: BigDType): NDArray {
  if (a.dtype === t) return a;
  const c = newArray(a.shape, t, "C", false);
  copyInto(c, a);
  return c;
}

/**
 * Run the ufunc `name` over `shape` with int64/uint64 inputs (cast to `loopIn` first) into
 * `out` (of the loop's output dtype: `loopIn`, or bool for predicates), only where `mask` is
 * true when given. Returns false when there is no bigint loop for `name` (the caller falls back).
 *
 * @example
 * const x = np.array([2n ** 63n - 1n, 1n]), y = np.array([1n, 2n]), out = np.zeros([2], { dtype: "int64" });
 * runBigLoop("add", "int64", [2], [x, y], out, null) // true
 * out // array([-9223372036854775808,                    3], dtype=int64)
 */
export function runBigLoop(name: string, loopIn: BigDType, shape: readonly number[], ins0: readonly NDArray[], out: NDArray, mask: NDArray | null): boolean {
  if (!hasBigLoop(name)) return false;
  const ins = ins0.map((a) => asBig(a, loopIn));
  const all = mask === null ? [...ins, out] : [...ins, out, mask];
  const ops: WalkOp[] = all.map((a) => ({ data: a.data, start: a.offset / a.itemsize, strides: elementStrides(a, shape) ?? [] }));
  const w = planWalk(shape, ops);
  if (w.size === 0) return true;
  const n = w.inner;
  const st = w.innerStrides;
  const M = mask === null ? null : (mask.data as Uint8Array);
  const mi = ins.length + 1;
  if (ins.length === 2) {
    const A = ins[0].data as BigInt64Array; // or BigUint64Array: reads are bigints either way
    const B = ins[1].data as BigInt64Array;
    const f = BINARY[name];
    if (f !== undefined) {
      const O = out.data as BigInt64Array; // the store wraps to the array's own 64 bits
      eachRun(w, (idx) => {
        for (let i = 0, a = idx[0], b = idx[1], o = idx[2]; i < n; i++, a += st[0], b += st[1], o += st[2]) {
          if (M === null || M[idx[mi] + i * st[mi]] !== 0) O[o] = f(A[a], B[b]);
        }
      });
      return true;
    }
    const p = PREDICATES[name];
    const O = out.data as Uint8Array;
    eachRun(w, (idx) => {
      for (let i = 0, a = idx[0], b = idx[1], o = idx[2]; i < n; i++, a += st[0], b += st[1], o += st[2]) {
        if (M === null || M[idx[mi] + i * st[mi]] !== 0) O[o] = p(A[a], B[b]) ? 1 : 0;
      }
    });
    return true;
  }
  const A = ins[0].data as BigInt64Array;
  const f = UNARY[name];
  if (f !== undefined) {
    const O = out.data as BigInt64Array;
    eachRun(w, (idx) => {
      for (let i = 0, a = idx[0], o = idx[1]; i < n; i++, a += st[0], o += st[1]) {
        if (M === null || M[idx[mi] + i * st[mi]] !== 0) O[o] = f(A[a]);
      }
    });
    return true;
  }
  const p = UNARY_PREDICATES[name];
  const O = out.data as Uint8Array;
  eachRun(w, (idx) => {
    for (let i = 0, a = idx[0], o = idx[1]; i < n; i++, a += st[0], o += st[1]) {
      if (M === null || M[idx[mi] + i * st[mi]] !== 0) O[o] = p(A[a]) ? 1 : 0;
    }
  });
  return true;
}

const LIMIT = 2n ** 53n;

/**
 * For a ufunc without a bigint loop: float64 copies of int64/uint64 inputs, when every value is
 * within ±2^53 (so the float64 loop sees them exactly); otherwise NumPy's answer would need an
 * exact int64 loop this runtime does not have for `name`, and the error says so.
 *
 * @example
 * exactFloatInputs("fmod", [np.array([7n])]) // [array([7.])]
 */
export function exactFloatInputs(name: string, ins: readonly NDArray[]): NDArray[] {
  return ins.map((a) => {
    if (!isBigDType(a.dtype)) return a;
    const d = readFlat(a) as BigInt64Array;
    for (let i = 0; i < d.length; i++) {
      const v = d[i];
      if (v > LIMIT || v < -LIMIT) {
        throw new TypeError(`ufunc '${name}' has no exact int64/uint64 loop here and ${v} is past 2^53, where float64 would round it: cast with .astype("float64") to accept rounding`);
      }
    }
    const c = newArray(a.shape, "float64" as DType, "C", false);
    copyInto(c, a);
    return c;
  });
}
