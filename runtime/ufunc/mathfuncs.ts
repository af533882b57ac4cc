/**
 * The math ufuncs of `np` (table: mathdefs.ts, kernels: mathkernels.ts), each with NumPy's
 * `{ out, where, dtype, casting }`, broadcasting and overlap rule (apply.ts). Two plain numbers
 * give a plain number (a boolean for the predicates), as NumPy gives a scalar.
 */
import { applyUFunc, type ArrayLike, type UFuncOptions } from "./apply.js";
import { MATH_UFUNCS } from "./mathdefs.js";
import type { BinaryUFunc, UnaryPredicate, UnaryUFunc } from "./ufuncs.js";

/** The ufunc's NumPy name as its function name (`np.hypot.name`; stack traces name it too). */
function named<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}

const binary = (d: (typeof MATH_UFUNCS)[keyof typeof MATH_UFUNCS]) =>
  named((x: ArrayLike, y: ArrayLike, options?: UFuncOptions) => applyUFunc(d, [x, y], options), d.name) as never;
const unary = (d: (typeof MATH_UFUNCS)[keyof typeof MATH_UFUNCS]) =>
  named((x: ArrayLike, options?: UFuncOptions) => applyUFunc(d, [x], options), d.name) as never;

/** Elementwise test for NaN (integers are never NaN). @example np.isnan(np.array([1, NaN])) // array([False,  True]) */
export const isnan: UnaryPredicate = unary(MATH_UFUNCS.isnan);
/** Elementwise test for positive or negative infinity. @example np.isinf(-Infinity) // true */
export const isinf: UnaryPredicate = unary(MATH_UFUNCS.isinf);
/** Elementwise test for finiteness (not NaN, not infinite). @example np.isfinite(NaN) // false */
export const isfinite: UnaryPredicate = unary(MATH_UFUNCS.isfinite);
/** Elementwise floor (largest integer <= x); integers give floats, as NumPy 1.24. @example np.floor(np.array([-1.5, 2.7])) // array([-2.,  2.]) */
export const floor: UnaryUFunc = unary(MATH_UFUNCS.floor);
/** Elementwise ceiling (smallest integer >= x; -0.5 gives -0.). @example np.ceil(np.array([-0.5, 1.2])) // array([-0.,  2.]) */
export const ceil: UnaryUFunc = unary(MATH_UFUNCS.ceil);
/** Elementwise truncation toward zero. @example np.trunc(np.array([-1.7, 1.7])) // array([-1.,  1.]) */
export const trunc: UnaryUFunc = unary(MATH_UFUNCS.trunc);
/** Elementwise round to the nearest integer, ties to even (C's rint). @example np.rint(np.array([0.5, 1.5, -2.5])) // array([ 0.,  2., -2.]) */
export const rint: UnaryUFunc = unary(MATH_UFUNCS.rint);
/**
 * Elementwise sign: -1, 0 or 1 in the input's dtype (NaN stays NaN; no bool loop, as NumPy).
 * @example np.sign(np.array([-2.5, 0, 3])) // array([-1.,  0.,  1.])
 */
export const sign: UnaryUFunc = unary(MATH_UFUNCS.sign);
/** Elementwise base-2 logarithm. @example np.log2(8) // 3 */
export const log2: UnaryUFunc = unary(MATH_UFUNCS.log2);
/** Elementwise base-10 logarithm. @example np.log10(np.array([1, 100])) // array([0., 2.]) */
export const log10: UnaryUFunc = unary(MATH_UFUNCS.log10);
/** Elementwise log(1 + x), accurate near 0. @example np.log1p(0) // 0 */
export const log1p: UnaryUFunc = unary(MATH_UFUNCS.log1p);
/** Elementwise exp(x) - 1, accurate near 0. @example np.expm1(0) // 0 */
export const expm1: UnaryUFunc = unary(MATH_UFUNCS.expm1);
/** Elementwise 2**x. @example np.exp2(3) // 8 */
export const exp2: UnaryUFunc = unary(MATH_UFUNCS.exp2);
/** Elementwise hyperbolic sine. @example np.sinh(0) // 0 */
export const sinh: UnaryUFunc = unary(MATH_UFUNCS.sinh);
/** Elementwise hyperbolic cosine. @example np.cosh(0) // 1 */
export const cosh: UnaryUFunc = unary(MATH_UFUNCS.cosh);
/** Elementwise tangent. @example np.tan(0) // 0 */
export const tan: UnaryUFunc = unary(MATH_UFUNCS.tan);
/** Elementwise inverse sine (NaN outside [-1, 1]). @example np.arcsin(1) // 1.5707963267948966 */
export const arcsin: UnaryUFunc = unary(MATH_UFUNCS.arcsin);
/** Elementwise inverse cosine. @example np.arccos(1) // 0 */
export const arccos: UnaryUFunc = unary(MATH_UFUNCS.arccos);
/** Elementwise inverse tangent. @example np.arctan(1) // 0.7853981633974483 */
export const arctan: UnaryUFunc = unary(MATH_UFUNCS.arctan);
/** Elementwise inverse hyperbolic sine. @example np.arcsinh(0) // 0 */
export const arcsinh: UnaryUFunc = unary(MATH_UFUNCS.arcsinh);
/** Elementwise inverse hyperbolic cosine. @example np.arccosh(1) // 0 */
export const arccosh: UnaryUFunc = unary(MATH_UFUNCS.arccosh);
/** Elementwise inverse hyperbolic tangent. @example np.arctanh(0) // 0 */
export const arctanh: UnaryUFunc = unary(MATH_UFUNCS.arctanh);
/** Elementwise radians to degrees (x * 180/pi). @example np.degrees(Math.PI) // 180 */
export const degrees: UnaryUFunc = unary(MATH_UFUNCS.degrees);
/** Elementwise radians to degrees, the same as `degrees`. @example np.rad2deg(np.array([Math.PI, Math.PI / 2])) // array([180.,  90.]) */
export const rad2deg: UnaryUFunc = unary(MATH_UFUNCS.rad2deg);
/** Elementwise degrees to radians (x * pi/180). @example np.radians(180) // 3.141592653589793 */
export const radians: UnaryUFunc = unary(MATH_UFUNCS.radians);
/** Elementwise degrees to radians, the same as `radians`. @example np.deg2rad(np.array([180, 90])) // array([3.14159265, 1.57079633]) */
export const deg2rad: UnaryUFunc = unary(MATH_UFUNCS.deg2rad);
/** Elementwise x*x in the input's dtype (integers wrap; bool gives int8). @example np.square(np.array([2, -3])) // array([4, 9]) */
export const square: UnaryUFunc = unary(MATH_UFUNCS.square);
/**
 * Elementwise 1/x in the input's dtype: integers give C's `(int)(1.0 / x)` (0 for |x| > 1).
 * @example np.reciprocal(np.array([2, 4], { dtype: "float64" })) // array([0.5 , 0.25])
 */
export const reciprocal: UnaryUFunc = unary(MATH_UFUNCS.reciprocal);
/** Elementwise sqrt(x*x + y*y) without overflow (glibc's algorithm). @example np.hypot(np.array([3, 5]), np.array([4, 12])) // array([ 5., 13.]) */
export const hypot: BinaryUFunc = binary(MATH_UFUNCS.hypot);
/** Elementwise arc tangent of y/x in the right quadrant. @example np.arctan2(1, 1) // 0.7853981633974483 */
export const arctan2: BinaryUFunc = binary(MATH_UFUNCS.arctan2);
/**
 * Elementwise C fmod: the remainder with the sign of the dividend (`remainder` takes the
 * divisor's); integer x fmod 0 gives 0, float gives NaN.
 * @example np.fmod(np.array([-7, 7]), 3) // array([-1,  1])
 */
export const fmod: BinaryUFunc = binary(MATH_UFUNCS.fmod);
/**
 * Elementwise maximum ignoring NaN: NaN only where both are NaN (np.maximum propagates it). Of
 * two equal values the second, as NumPy's loops (`np.fmax(0, -0)` of float arrays is -0.).
 * @example np.fmax(np.array([1, NaN, NaN]), np.array([2, 5, NaN])) // array([ 2.,  5., nan])
 */
export const fmax: BinaryUFunc<"boolean"> = binary(MATH_UFUNCS.fmax);
/**
 * Elementwise minimum ignoring NaN: NaN only where both are NaN (np.minimum propagates it).
 * @example np.fmin(np.array([1, NaN, NaN]), np.array([2, 5, NaN])) // array([ 1.,  5., nan])
 */
export const fmin: BinaryUFunc<"boolean"> = binary(MATH_UFUNCS.fmin);
