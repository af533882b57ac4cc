/**
 * Casting single elements between the number dtypes and the bigint dtypes (int64, uint64).
 *
 * Rules (NumPy 1.24 on x86-64, whose casts are C casts compiled to SSE2 conversions):
 * - float -> int64 is `cvttsd2si`: truncation toward zero; NaN, ±inf and anything outside
 *   [-2^63, 2^63) give -2^63 (0x8000000000000000, "the integer indefinite value").
 * - float -> uint64 is GCC's two-branch sequence: x >= 2^63 converts x - 2^63 and flips the top
 *   bit, anything else converts as int64 and is read unsigned. So 1e19 is exact, -1.5 gives
 *   2^64 - 1, NaN and -inf give 2^63, +inf and x >= 2^64 give 0.
 * - int64/uint64 -> float64 rounds to nearest (`Number(b)`, as cvtsi2sd); -> float32 rounds
 *   ONCE to nearest even (first to 53 bits with a sticky bit, "round to odd", which makes the
 *   second rounding exact), as C's (float) of an integer does.
 * - int64/uint64 -> a narrower integer keeps the low bits (C's modular conversion); -> bool is `!= 0`.
 * - Between int64 and uint64: the same 64 bits read the other way.
 * - Integers (number dtypes) -> int64/uint64: exact, then wrapped to 64 bits (a negative int32
 *   into uint64 is 2^64 + x, as C).
 * Cost: O(1) per element; BigInt arithmetic only on the big side.
 */
import type { ArrayData, BigDType, DType, TypedArray } from "./dtype.js";

const TWO63 = 2 ** 63;
const INT64_MIN = -(2n ** 63n);

/** x86's `cvttsd2si` (double -> int64): truncation, or -2^63 for NaN and out-of-range values. */
function cvtToInt64(x: number): bigint {
  if (!(x >= -TWO63 && x < TWO63)) return INT64_MIN;
  return BigInt(Math.trunc(x));
}

/**
 * A JS number (a double, or a float32 value widened to one) cast to int64 or uint64 as NumPy's
 * C cast does on x86-64 (see the file head).
 *
 * @example
 * doubleToBig(-1.5, "int64")  // -1n
 * doubleToBig(NaN, "int64")   // -9223372036854775808n
 * doubleToBig(-1.5, "uint64") // 18446744073709551615n
 * doubleToBig(1e20, "uint64") // 0n
 */
export function doubleToBig(x: number, to: BigDType): bigint {
  if (to === "int64") return cvtToInt64(x);
  if (x >= TWO63) return BigInt.asUintN(64, cvtToInt64(x - TWO63) ^ INT64_MIN);
  return BigInt.asUintN(64, cvtToInt64(x));
}

/**
 * An integer value (a JS number holding an integer, or a bigint) wrapped into int64 or uint64.
 *
 * @example
 * intToBig(-1, "uint64") // 18446744073709551615n
 * intToBig(2n ** 63n, "int64") // -9223372036854775808n
 */
export function intToBig(x: number | bigint, to: BigDType): bigint {
  const b = typeof x === "bigint" ? x : BigInt(x);
  return to === "int64" ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
}

/**
 * A bigint rounded once to the nearest float32 (ties to even), as C's `(float)` of an int64.
 *
 * @example
 * bigToFloat32(2n ** 62n + 2n ** 38n + 1n) // 4611686568183201792
 */
export function bigToFloat32(b: bigint): number {
  const neg = b < 0n;
  let m = neg ? -b : b;
  if (m <= 2n ** 53n) return Math.fround(Number(b));
  // keep 53 bits, OR-ing the dropped ones into the last (round to odd): then one rounding to 24 bits is exact
  const bits = m.toString(2).length;
  const shift = bits - 53;
  let hi = m >> BigInt(shift);
  if (hi << BigInt(shift) !== m) hi |= 1n;
  m = hi;
  const v = Math.fround(Number(m) * 2 ** shift);
  return neg ? -v : v;
}

/**
 * A bigint element stored into a number dtype (C's conversion, see the file head).
 *
 * @example
 * bigToNumber(300n, "uint8") // 44
 * bigToNumber(-1n, "bool")   // 1
 * bigToNumber(2n ** 63n - 1n, "float64") // 9223372036854775808
 */
export function bigToNumber(b: bigint, to: DType): number {
  switch (to) {
    case "bool":
      return b !== 0n ? 1 : 0;
    case "int8":
      return Number(BigInt.asIntN(8, b));
    case "uint8":
      return Number(BigInt.asUintN(8, b));
    case "int16":
      return Number(BigInt.asIntN(16, b));
    case "uint16":
      return Number(BigInt.asUintN(16, b));
    case "int32":
      return Number(BigInt.asIntN(32, b));
    case "uint32":
      return Number(BigInt.asUintN(32, b));
    case "float32":
      return bigToFloat32(b);
    default:
      return Number(b);
  }
}

/**
 * A converter from elements of dtype `from` to elements of dtype `to` when exactly one side is
 * int64/uint64, or both are (modular reinterpretation). `null` when both are number dtypes
 * (a typed-array store already casts those).
 *
 * @example
 * converter("float64", "int64")!(2.9) // 2n
 * converter("int64", "int8")!(257n)   // 1
 */
export function converter(from: DType, to: DType): ((x: number | bigint) => number | bigint) | null {
  const fromBig = from === "int64" || from === "uint64";
  const toBig = to === "int64" || to === "uint64";
  if (!fromBig && !toBig) return null;
  if (fromBig && toBig) return to === "int64" ? (x) => BigInt.asIntN(64, x as bigint) : (x) => BigInt.asUintN(64, x as bigint);
  if (fromBig) return (x) => bigToNumber(x as bigint, to);
  const big = to as BigDType;
  if (from === "float32" || from === "float64") return (x) => doubleToBig(x as number, big);
  return (x) => intToBig(x as number, big);
}

const SAFE_BIG = 2n ** 53n;

/**
 * A bigint as a JS number for routines that compute in doubles, when that is exact (|v| <= 2^53);
 * otherwise an error naming the routine and the fix, rather than a silently rounded answer.
 *
 * @example
 * exactNumber(5n, "argsort") // 5
 * exactNumber(2n ** 60n, "argsort") // throws TypeError: argsort computes in float64 here and 1152921504606846976 (int64) is past 2^53, where float64 rounds: ...
 */
export function exactNumber(v: bigint, routine: string): number {
  if (v > SAFE_BIG || v < -SAFE_BIG) {
    throw new TypeError(`${routine} computes in float64 here and ${v} (int64) is past 2^53, where float64 rounds: use values within ±2^53, or a.astype("float64") to accept rounding`);
  }
  return Number(v);
}

/**
 * The elements of a typed array as numbers: itself, or for int64/uint64 a Float64Array of the
 * values, each exact (exactNumber: past 2^53 is an error naming `routine`).
 *
 * @example
 * numbersOf(new BigInt64Array([1n, -2n]), "searchsorted") // Float64Array [1, -2]
 */
export function numbersOf(d: ArrayData, routine: string): TypedArray {
  if (!(d instanceof BigInt64Array || d instanceof BigUint64Array)) return d;
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = exactNumber(d[i], routine);
  return out;
}
