/**
 * Scalar kernels of the math ufuncs (mathdefs.ts) with NumPy's C semantics, one value at a time.
 *
 * Rules (numpy/core/src/umath/loops*.c.src, npy_math_internal.h.src, glibc 2.36's libm):
 * - Exact operations are computed exactly, so they match NumPy bit for bit: floor, ceil, trunc,
 *   rint (round half to even, the sign of zero kept), sign (`x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x`,
 *   so sign(-0.0) is +0 and sign(NaN) is NaN), fmod (JS `%` is C's fmod), square, reciprocal.
 * - float32 loops compute in double and round once to float32 on the store (f64.ts): for the
 *   exact operations above and for hypotf (glibc computes hypotf as the double
 *   `sqrt(x*x + y*y)` rounded to float) that is NumPy's float32 answer bit for bit.
 * - hypot is glibc's (2.35+, sysdeps/ieee754/dbl-64/e_hypot.c without FMA): the same operations
 *   in the same order, so the bits agree with NumPy on this machine's libm.
 * - degrees/radians multiply by the constant NumPy's C code folds: 180/pi and pi/180 in double;
 *   for float32 the constant is folded in float32 arithmetic (`180.0f/NPY_PIf`).
 * - Integer reciprocal is C's `(T)(1.0 / x)`: 1/0 is inf, which x86's conversion turns into
 *   INT_MIN for int32 and 0 for the other integer types.
 * - The transcendental functions (log2, log10, log1p, expm1, exp2, sinh, cosh, tan, arcsin ...)
 *   are V8's Math (fdlibm ports): they agree with glibc to rounding, not always to the last bit.
 * Cost: O(1) per element.
 */

/**
 * C's rint in round-half-even mode: the nearest integer, ties to even, the sign of zero kept.
 *
 * @example
 * rint(2.5)  // 2
 * rint(-0.4) // -0
 */
export function rint(x: number): number {
  if (!(Math.abs(x) < 4503599627370496)) return x; // |x| >= 2^52 is an integer already; NaN, inf
  const f = Math.floor(x);
  const d = x - f; // exact for |x| < 2^52
  let r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  if (r === 0) r = x < 0 || Object.is(x, -0) ? -0 : 0;
  return r;
}

/**
 * NumPy's sign: 1, -1, 0 (+0 for -0.0), NaN for NaN.
 *
 * @example
 * sign(-3)   // -1
 * sign(-0)   // 0
 */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : x;
}

const SCALE = 2 ** -600;
const LARGE_VAL = 2 ** 511;
const TINY_VAL = 2 ** -511;
const EPS = 2 ** -54;

/** glibc's hypot kernel without FMA (ax >= ay > 0, neither huge nor tiny). */
function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2.0 * ay) {
    const delta = h - ay;
    t1 = ax * (2.0 * delta - ax);
    t2 = (delta - 2.0 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2.0 * delta * (ax - 2.0 * ay);
    t2 = (4.0 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2.0 * h);
  return h;
}

/**
 * glibc 2.36's double hypot (what NumPy's np.hypot calls on Linux), operation for operation.
 *
 * @example
 * hypot(3, 4)         // 5
 * hypot(Infinity, NaN) // Infinity
 */
export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    return x + y;
  }
  x = Math.abs(x);
  y = Math.abs(y);
  let ax = x < y ? y : x;
  const ay = x < y ? x : y;
  if (ax > LARGE_VAL) {
    if (ay <= ax * EPS) return ax + ay;
    return hypotKernel(ax * SCALE, ay * SCALE) / SCALE;
  }
  if (ay < TINY_VAL) {
    if (ax >= ay / EPS) return ax + ay;
    ax = hypotKernel(ax / SCALE, ay / SCALE) * SCALE;
    return ax;
  }
  if (ay <= ax * EPS) return ax + ay;
  return hypotKernel(ax, ay);
}

/**
 * glibc's hypotf: the double `sqrt(x*x + y*y)` (the float32 store rounds it).
 *
 * @example
 * hypotf(3, 4) // 5
 */
export function hypotf(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    return x + y;
  }
  return Math.sqrt(x * x + y * y);
}

const PI32 = Math.fround(Math.PI);
/** 180/pi as NumPy's C code folds it, in double and in float32. */
export const RAD2DEG = 180.0 / Math.PI;
export const RAD2DEG32 = Math.fround(180 / PI32);
/** pi/180 as NumPy's C code folds it, in double and in float32. */
export const DEG2RAD = Math.PI / 180.0;
export const DEG2RAD32 = Math.fround(PI32 / 180);

/**
 * C's `(T)(1.0 / x)` for an integer type: ±1 for ±1, 0 for other non-zero x; 1/0 = inf converts
 * to INT_MIN for int32 (x86's cvttsd2si) and to 0 for narrower and unsigned types.
 *
 * @example
 * intReciprocal(0, true) // -2147483648
 * intReciprocal(2, true) // 0
 */
export function intReciprocal(x: number, int32: boolean): number {
  if (x === 0) return int32 ? -2147483648 : 0;
  return x === 1 ? 1 : x === -1 ? -1 : 0;
}

/**
 * C's integer fmod: the remainder with the dividend's sign, 0 for a zero divisor.
 *
 * @example
 * intFmod(-7, 3) // -1
 * intFmod(5, 0)  // 0
 */
export function intFmod(x: number, y: number): number {
  return y === 0 ? 0 : x % y;
}

/**
 * NumPy 1.24's elementwise fmax: the number when one operand is NaN, the first when both are, else
 * the larger, the second of two equal values (`fmax(0, -0)` is -0), as its AVX-512 loop and glibc's
 * fmax give (checked against NumPy: test/runtime/numpy/minmax-elementwise.test.ts).
 *
 * @example
 * fmax(NaN, 1) // 1
 */
export function fmax(a: number, b: number): number {
  return b !== b ? a : a !== a ? b : a > b ? a : b;
}

/**
 * NumPy 1.24's elementwise fmin (fmax's rules with the smaller).
 *
 * @example
 * fmin(2, NaN) // 2
 */
export function fmin(a: number, b: number): number {
  return b !== b ? a : a !== a ? b : a < b ? a : b;
}
