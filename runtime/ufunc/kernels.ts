/**
 * Inner loops of the ufuncs: one strided 1-D run per call, over typed arrays.
 *
 * Rules (NumPy's C loops, numpy/core/src/umath/loops*.c.src, npy_math_internal.h.src):
 * - A loop reads inputs already of the loop dtype and writes its output dtype; storing into the
 *   typed array performs the C conversion: integer results wrap modulo 2^bits (int overflow wraps
 *   like NumPy's C loops), float32 results round once from the exact double of + - * / sqrt
 *   (double rounding is innocuous there: 53 >= 2*24+2 bits).
 * - int32/uint32 products use Math.imul (a double product would lose the low bits past 2^53).
 * - Integer floor_divide/remainder by zero give 0; INT_MIN // -1 wraps to INT_MIN (as NumPy).
 * - Float floor_divide/remainder follow npy_divmod: fmod, then Python's sign convention, then
 *   snapping the quotient; float32 loops round every step with Math.fround.
 * - maximum/minimum propagate NaN: `a >= b || isNaN(a) ? a : b` (NumPy's exact expression).
 * - Transcendental functions use V8's Math (fdlibm); they may differ from glibc in the last bit.
 * Cost: O(n) per run, no allocation.
 */
import type { TypedArray } from "../core/dtype.js";
import { UNROLL_MIN } from "./arith.js";

/** A strided run of a binary ufunc: o[io + i*so] = f(a[ia + i*sa], b[ib + i*sb]) for i < n. */
export type BinaryLoop = (n: number, a: TypedArray, ia: number, sa: number, b: TypedArray, ib: number, sb: number, o: TypedArray, io: number, so: number) => void;
/** A strided run of a unary ufunc. */
export type UnaryLoop = (n: number, a: TypedArray, ia: number, sa: number, o: TypedArray, io: number, so: number) => void;

/** A binary loop that calls `f` per element (for the less hot ufuncs). */
export function binaryFrom(f: (x: number, y: number) => number): BinaryLoop {
  return (n, a, ia, sa, b, ib, sb, o, io, so) => {
    for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so) o[io] = f(a[ia], b[ib]);
  };
}

/** A unary loop that calls `f` per element. */
export function unaryFrom(f: (x: number) => number): UnaryLoop {
  return (n, a, ia, sa, o, io, so) => {
    for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = f(a[ia]);
  };
}

// ---- hot loops, written out so V8 sees one operation per loop body ----

// + - * / of float64 runs: arith.ts (unrolled)
export { addLoop, subtractLoop, multiplyLoop, divideLoop } from "./arith.js";
export const imulLoop: BinaryLoop = binaryFrom((x, y) => Math.imul(x, y));
export const orLoop: BinaryLoop = binaryFrom((x, y) => x | y);
export const andLoop: BinaryLoop = binaryFrom((x, y) => x & y);
export const xorLoop: BinaryLoop = binaryFrom((x, y) => x ^ y);


// ---- comparisons: float64 inputs, bool (Uint8Array) output; one loop body per operator ----

// branch-free and unrolled: compare.ts
export { lessLoop, lessEqualLoop, greaterLoop, greaterEqualLoop, equalLoop, notEqualLoop } from "./compare.js";

// ---- common unary functions, written out (no call through a function value per element) ----

export const sqrtLoop: UnaryLoop = (n, a, ia, sa, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1) {
    // 8x unrolled over zero-based subarrays (see arith.ts)
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 8);
    let i = 0;
    for (; i < m; i += 8) {
      O[i] = Math.sqrt(A[i]); O[i + 1] = Math.sqrt(A[i + 1]); O[i + 2] = Math.sqrt(A[i + 2]); O[i + 3] = Math.sqrt(A[i + 3]);
      O[i + 4] = Math.sqrt(A[i + 4]); O[i + 5] = Math.sqrt(A[i + 5]); O[i + 6] = Math.sqrt(A[i + 6]); O[i + 7] = Math.sqrt(A[i + 7]);
    }
    for (; i < O.length; i++) O[i] = Math.sqrt(A[i]);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.sqrt(a[ia]);
};
export const negativeLoop: UnaryLoop = (n, a, ia, sa, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1) {
    // 8x unrolled over zero-based subarrays (see arith.ts)
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 8);
    let i = 0;
    for (; i < m; i += 8) {
      O[i] = -A[i]; O[i + 1] = -A[i + 1]; O[i + 2] = -A[i + 2]; O[i + 3] = -A[i + 3];
      O[i + 4] = -A[i + 4]; O[i + 5] = -A[i + 5]; O[i + 6] = -A[i + 6]; O[i + 7] = -A[i + 7];
    }
    for (; i < O.length; i++) O[i] = -A[i];
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = -a[ia];
};
export const absoluteLoop: UnaryLoop = (n, a, ia, sa, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1) {
    // 8x unrolled over zero-based subarrays (see arith.ts)
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 8);
    let i = 0;
    for (; i < m; i += 8) {
      O[i] = Math.abs(A[i]); O[i + 1] = Math.abs(A[i + 1]); O[i + 2] = Math.abs(A[i + 2]); O[i + 3] = Math.abs(A[i + 3]);
      O[i + 4] = Math.abs(A[i + 4]); O[i + 5] = Math.abs(A[i + 5]); O[i + 6] = Math.abs(A[i + 6]); O[i + 7] = Math.abs(A[i + 7]);
    }
    for (; i < O.length; i++) O[i] = Math.abs(A[i]);
    return;
  }
  for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.abs(a[ia]);
};
export const expLoop: UnaryLoop = (n, a, ia, sa, o, io, so) => {
  for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.exp(a[ia]);
};
export const logLoop: UnaryLoop = (n, a, ia, sa, o, io, so) => {
  for (let i = 0; i < n; i++, ia += sa, io += so) o[io] = Math.log(a[ia]);
};

// ---- scalar functions with NumPy's semantics ----

/** Integer floor division, 0 on division by zero (NumPy's loop, without the warning). @example intFloorDivide(-7, 2) // -4 */
export function intFloorDivide(x: number, y: number): number {
  return y === 0 ? 0 : Math.floor(x / y);
}

/** Integer remainder with Python's sign (the divisor's), 0 on division by zero. @example intRemainder(-7, 3) // 2 */
export function intRemainder(x: number, y: number): number {
  if (y === 0) return 0;
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** npy_divmod for doubles: [floordiv, mod]. `r` rounds each step (Math.fround for float32). */
function divmod(a: number, b: number, r: (x: number) => number): [number, number] {
  let mod = r(a % b);
  if (b === 0) return [r(a / b), mod];
  let div = r(r(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = r(mod + b);
      div = r(div - 1);
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (r(div - floordiv) > 0.5) floordiv = r(floordiv + 1);
  } else {
    floordiv = r(a / b) < 0 || Object.is(r(a / b), -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

const id = (x: number): number => x;

/** NumPy's float64 floor_divide. @example floatFloorDivide(7, -2) // -4 */
export function floatFloorDivide(a: number, b: number): number {
  return b === 0 ? a / b : divmod(a, b, id)[0];
}
/** NumPy's float64 remainder (sign of the divisor). @example floatRemainder(-7, 2) // 1 */
export function floatRemainder(a: number, b: number): number {
  return b === 0 ? a % b : divmod(a, b, id)[1];
}
/** NumPy's float32 floor_divide, rounding every step to float32. */
export function float32FloorDivide(a: number, b: number): number {
  return b === 0 ? Math.fround(a / b) : divmod(a, b, Math.fround)[0];
}
/** NumPy's float32 remainder, rounding every step to float32. */
export function float32Remainder(a: number, b: number): number {
  return b === 0 ? a % b : divmod(a, b, Math.fround)[1];
}

/**
 * C's pow (NumPy's float loop) where it differs from JS's Math.pow: pow(1, y) is 1 for every y,
 * NaN included, and pow(-1, ±inf) is 1 (IEEE 754 and C99 F.10.4.4; JS gives NaN for all three).
 *
 * @example
 * cPow(1, NaN) // 1
 */
export function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

/** Integer power by squaring with wrap-around (the caller rejects negative exponents). @example intPower(2, 31) | 0 // -2147483648 */
export function intPower(base: number, exp: number): number {
  let r = 1;
  let b = base | 0;
  let e = exp;
  while (e > 0) {
    if (e & 1) r = Math.imul(r, b);
    b = Math.imul(b, b);
    e = Math.floor(e / 2);
  }
  return r;
}

/** NumPy's maximum (NaN propagates; ties keep the first operand). @example maximum(1, NaN) // NaN */
export function maximum(a: number, b: number): number {
  return a >= b || a !== a ? a : b;
}
/** NumPy's minimum (NaN propagates; ties keep the first operand). @example minimum(2, 1) // 1 */
export function minimum(a: number, b: number): number {
  return a <= b || a !== a ? a : b;
}
