/**
 * The public ufuncs, `np.add(x, y, { out, where, dtype, casting })` and friends.
 *
 * Each takes NDArrays, JS numbers (weak scalars, NEP 50), booleans or nested arrays, broadcasts
 * them, and returns a new array (or `out`). Two plain numbers give a plain number, as NumPy
 * gives a scalar. See apply.ts for the rules of `out`, `where`, overlap and output order.
 */
import type { NDArray } from "../core/ndarray.js";
import type { DType } from "../core/dtype.js";
import type { ArithKind, Kind, KindOf, KindOfDType, RankMax, RankOf, WithNumberKind } from "../core/rank.js";
import { applyUFunc, type ArrayLike, type UFuncOptions } from "./apply.js";
import { UFUNCS } from "./defs.js";
import { binaryIntoF64, binaryNewF64, binaryNewTyped, unaryNewF64 } from "./direct.js";

/** Options when every input is a plain number (no `out`: the result is a plain number). */
export type ScalarUFuncOptions = Omit<UFuncOptions, "out" | "where"> & { out?: undefined; where?: undefined };

/**
 * `out` given: the ufunc writes into it and returns it. (Spelled out rather than intersected with
 * `UFuncOptions`: an intersection of two `out` types makes the checker compare arrays member by member.)
 */
export interface WithOut<O> {
  out: O | readonly [O];
  where?: ArrayLike;
  dtype?: DType;
  casting?: UFuncOptions["casting"];
}
/** `dtype` given: the result's element kind is the dtype's. */
type WithDType<D> = UFuncOptions & { dtype: D };
/** Options without `out` or `dtype`: the result's type follows the operands. */
export interface PlainUFuncOptions extends UFuncOptions {
  out?: undefined;
  dtype?: undefined;
}

/**
 * A binary ufunc with a numeric result. The result's rank is the larger operand rank (NumPy's
 * broadcasting), its element kind follows NumPy's promotion (`BB` when both operands are bool:
 * `"boolean"` for add/multiply/maximum/minimum/bitwise, `"number"` for the others). Operands that
 * are not arrays or numbers (nested JS arrays, bigints, unions) give the rank `RankOf` reads.
 * Cost: the array overloads infer `R` and `K` straight from `NDArray<R, K>` (cheap for the checker).
 */
export interface BinaryUFunc<BB extends Kind = "number"> {
  <O extends NDArray>(x: ArrayLike, y: ArrayLike, options: WithOut<O>): O;
  /** `out` given positionally, as NumPy allows: `np.add(a, b, c)`. */
  <O extends NDArray>(x: ArrayLike, y: ArrayLike, out: O): O;
  /** The commonest operands (numeric 1-D and 2-D arrays, numbers) first and without type parameters: the checker resolves them without inference (the generic overloads below give the same types). */
  (x: NDArray<1, "number">, y: NDArray<1, "number"> | number, options?: PlainUFuncOptions): NDArray<1, "number">;
  (x: NDArray<2, "number">, y: NDArray<2, "number"> | number, options?: PlainUFuncOptions): NDArray<2, "number">;
  (x: number, y: NDArray<1, "number">, options?: PlainUFuncOptions): NDArray<1, "number">;
  <R1 extends number, K1 extends Kind, R2 extends number, K2 extends Kind>(x: NDArray<R1, K1>, y: NDArray<R2, K2>, options?: PlainUFuncOptions): NDArray<RankMax<R1, R2>, ArithKind<K1, K2, BB>>;
  <R extends number, K extends Kind>(x: NDArray<R, K>, y: number, options?: PlainUFuncOptions): NDArray<R, WithNumberKind<K>>;
  <R extends number, K extends Kind>(x: number, y: NDArray<R, K>, options?: PlainUFuncOptions): NDArray<R, WithNumberKind<K>>;
  (x: number, y: number, options?: ScalarUFuncOptions): number;
  /** A bigint (a weak Python int) with a number or bigint: a bigint for an integer loop, a number for a float one. */
  (x: bigint | number, y: bigint | number, options?: ScalarUFuncOptions): bigint | number;
  <X extends ArrayLike, Y extends ArrayLike, D extends DType>(x: X, y: Y, options: WithDType<D>): NDArray<RankMax<RankOf<X>, RankOf<Y>>, KindOfDType<D>>;
  <X extends ArrayLike, Y extends ArrayLike>(x: X, y: Y, options?: UFuncOptions): NDArray<RankMax<RankOf<X>, RankOf<Y>>, ArithKind<KindOf<X>, KindOf<Y>, BB>>;
}
/** A binary ufunc with a bool result (comparisons, logical_*): rank as broadcasting gives, kind `"boolean"`. */
export interface BinaryPredicate {
  <O extends NDArray>(x: ArrayLike, y: ArrayLike, options: WithOut<O>): O;
  /** `out` given positionally, as NumPy allows: `np.add(a, b, c)`. */
  <O extends NDArray>(x: ArrayLike, y: ArrayLike, out: O): O;
  /** The commonest operands first and without type parameters (cheap for the checker; the generic overloads give the same types). */
  (x: NDArray<1, "number">, y: NDArray<1, "number"> | number, options?: PlainUFuncOptions): NDArray<1, "boolean">;
  (x: NDArray<2, "number">, y: NDArray<2, "number"> | number, options?: PlainUFuncOptions): NDArray<2, "boolean">;
  <R1 extends number, R2 extends number>(x: NDArray<R1>, y: NDArray<R2>, options?: UFuncOptions): NDArray<RankMax<R1, R2>, "boolean">;
  <R extends number>(x: NDArray<R>, y: number | boolean | bigint, options?: UFuncOptions): NDArray<R, "boolean">;
  <R extends number>(x: number | boolean | bigint, y: NDArray<R>, options?: UFuncOptions): NDArray<R, "boolean">;
  (x: number | boolean | bigint, y: number | boolean | bigint, options?: ScalarUFuncOptions): boolean;
  <X extends ArrayLike, Y extends ArrayLike>(x: X, y: Y, options?: UFuncOptions): NDArray<RankMax<RankOf<X>, RankOf<Y>>, "boolean">;
}
/** A unary ufunc with a numeric result: the operand's rank; its kind (`Float`: always numbers, as sqrt/exp/log/sin/...). */
export interface UnaryUFunc<Float extends boolean = false> {
  <O extends NDArray>(x: ArrayLike, options: WithOut<O>): O;
  /** `out` given positionally, as NumPy allows: `np.isinf(x, y)`. */
  <O extends NDArray>(x: ArrayLike, out: O): O;
  /** The commonest operands first and without type parameters (cheap for the checker). */
  (x: NDArray<1, "number">, options?: PlainUFuncOptions): NDArray<1, "number">;
  (x: NDArray<2, "number">, options?: PlainUFuncOptions): NDArray<2, "number">;
  <R extends number, K extends Kind>(x: NDArray<R, K>, options?: PlainUFuncOptions): NDArray<R, Float extends true ? "number" : K>;
  (x: number, options?: ScalarUFuncOptions): number;
  (x: bigint, options?: ScalarUFuncOptions): bigint | number;
  <X extends ArrayLike, D extends DType>(x: X, options: WithDType<D>): NDArray<RankOf<X>, KindOfDType<D>>;
  <X extends ArrayLike>(x: X, options?: UFuncOptions): NDArray<RankOf<X>, Float extends true ? "number" : KindOf<X>>;
}
/** A unary ufunc with a bool result: the operand's rank, kind `"boolean"`. */
export interface UnaryPredicate {
  <O extends NDArray>(x: ArrayLike, options: WithOut<O>): O;
  /** `out` given positionally, as NumPy allows: `np.isinf(x, y)`. */
  <O extends NDArray>(x: ArrayLike, out: O): O;
  <R extends number>(x: NDArray<R>, options?: UFuncOptions): NDArray<R, "boolean">;
  (x: number | boolean | bigint, options?: ScalarUFuncOptions): boolean;
  <X extends ArrayLike>(x: X, options?: UFuncOptions): NDArray<RankOf<X>, "boolean">;
}

/** The ufunc's NumPy name as its function name (`np.add.name`; stack traces name it too). */
function named<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}

// direct.ts first: float64 arrays in wasm memory go straight to the wasm loop, into `out`
// (binaryIntoF64) or, without options, into a fresh result (binaryNewF64)
const binary = (d: (typeof UFUNCS)[keyof typeof UFUNCS]) =>
  named(
    (x: ArrayLike, y: ArrayLike, options?: UFuncOptions) =>
      (options === undefined ? (binaryNewF64(d, x, y) ?? binaryNewTyped(d, x, y)) : binaryIntoF64(d, x, y, options)) ?? applyUFunc(d, [x, y], options),
    d.name,
  ) as never;
const unary = (d: (typeof UFUNCS)[keyof typeof UFUNCS]) =>
  named((x: ArrayLike, options?: UFuncOptions) => (options === undefined ? unaryNewF64(d, x) : null) ?? applyUFunc(d, [x], options), d.name) as never;

/**
 * Elementwise `x + y` (bool + bool is logical or; integers wrap on overflow).
 * @example
 * np.add(np.arange(3), 10)              // array([10, 11, 12])
 * const a = np.zeros(2), b = np.ones(2);
 * np.add(a, b, { out: a }) === a         // true (in place)
 * np.add(np.array([1], { dtype: "int8" }), 200) // throws OverflowError: Python integer 200 out of bounds for int8
 */
export const add: BinaryUFunc<"boolean"> = binary(UFUNCS.add);
/**
 * Elementwise `x - y` (no bool loop, as NumPy).
 * @example np.subtract(np.arange(3), 1) // array([-1,  0,  1])
 */
export const subtract: BinaryUFunc = binary(UFUNCS.subtract);
/**
 * Elementwise `x * y` (int32 products wrap like C).
 * @example np.multiply(np.arange(3), 2.5) // array([0. , 2.5, 5. ])
 */
export const multiply: BinaryUFunc<"boolean"> = binary(UFUNCS.multiply);
/**
 * Elementwise true division `x / y`; integers divide as float64.
 * @example np.true_divide(np.arange(3), 2) // array([0. , 0.5, 1. ])
 */
export const true_divide: BinaryUFunc = binary(UFUNCS.true_divide);
/**
 * Alias of `true_divide`.
 * @example np.divide(1, 4) // 0.25
 */
export const divide: BinaryUFunc = true_divide;
/**
 * Elementwise floor division `x // y`; integer division by zero gives 0.
 * @example np.floor_divide(np.array([7, -7]), 2) // array([ 3, -4])
 */
export const floor_divide: BinaryUFunc = binary(UFUNCS.floor_divide);
/**
 * Elementwise remainder with the sign of the divisor (Python's `%`); integer `x % 0` gives 0.
 * @example np.remainder(np.array([7, -7]), 3) // array([1, 2])
 */
export const remainder: BinaryUFunc = binary(UFUNCS.remainder);
/**
 * Alias of `remainder`.
 * @example np.mod(-7, 3) // 2
 */
export const mod: BinaryUFunc = remainder;
/**
 * Elementwise `x ** y`; integers to negative integer powers throw as in NumPy.
 * @example np.power(np.arange(4), 2) // array([0, 1, 4, 9])
 */
export const power: BinaryUFunc = binary(UFUNCS.power);
/**
 * Elementwise maximum; NaN propagates.
 * Of two equal values the second is returned, as NumPy's loops do (it shows for 0 and -0).
 *
 * @example
 * np.maximum(np.array([1, 5]), 3) // array([3, 5])
 * np.maximum(np.zeros(2), np.array([-0, 0], { dtype: "float64" })) // array([-0.,  0.])
 */
export const maximum: BinaryUFunc<"boolean"> = binary(UFUNCS.maximum);
/**
 * Elementwise minimum; NaN propagates.
 * Of two equal values the second is returned, as NumPy's loops do (it shows for 0 and -0).
 *
 * @example
 * np.minimum(np.array([1, 5]), 3) // array([1, 3])
 * np.minimum(np.array([-0, 0], { dtype: "float64" }), np.zeros(2)) // array([0., 0.])
 */
export const minimum: BinaryUFunc<"boolean"> = binary(UFUNCS.minimum);
/** Elementwise `x == y`. @example np.equal(np.arange(3), 1) // array([False,  True, False]) */
export const equal: BinaryPredicate = binary(UFUNCS.equal);
/** Elementwise `x != y`. @example np.not_equal(np.arange(3), 1) // array([ True, False,  True]) */
export const not_equal: BinaryPredicate = binary(UFUNCS.not_equal);
/** Elementwise `x < y`. @example np.less(np.arange(3), 1) // array([ True, False, False]) */
export const less: BinaryPredicate = binary(UFUNCS.less);
/** Elementwise `x <= y`. @example np.less_equal(np.arange(3), 1) // array([ True,  True, False]) */
export const less_equal: BinaryPredicate = binary(UFUNCS.less_equal);
/** Elementwise `x > y`. @example np.greater(np.arange(3), 1) // array([False, False,  True]) */
export const greater: BinaryPredicate = binary(UFUNCS.greater);
/** Elementwise `x >= y`. @example np.greater_equal(np.arange(3), 1) // array([False,  True,  True]) */
export const greater_equal: BinaryPredicate = binary(UFUNCS.greater_equal);
/** Elementwise logical and (non-zero is true). @example np.logical_and(np.array([0, 1, 2]), 1) // array([False,  True,  True]) */
export const logical_and: BinaryPredicate = binary(UFUNCS.logical_and);
/** Elementwise logical or. @example np.logical_or(np.array([0, 1]), 0) // array([False,  True]) */
export const logical_or: BinaryPredicate = binary(UFUNCS.logical_or);
/** Elementwise logical exclusive or. @example np.logical_xor(np.array([0, 1]), 1) // array([ True, False]) */
export const logical_xor: BinaryPredicate = binary(UFUNCS.logical_xor);
/** Elementwise `x & y` on integers and bools. @example np.bitwise_and(np.array([6, 3]), 5) // array([4, 1]) */
export const bitwise_and: BinaryUFunc<"boolean"> = binary(UFUNCS.bitwise_and);
/** Elementwise `x | y` on integers and bools. @example np.bitwise_or(np.array([6, 3]), 5) // array([7, 7]) */
export const bitwise_or: BinaryUFunc<"boolean"> = binary(UFUNCS.bitwise_or);
/** Elementwise `x ^ y` on integers and bools. @example np.bitwise_xor(np.array([6, 3]), 5) // array([3, 6]) */
export const bitwise_xor: BinaryUFunc<"boolean"> = binary(UFUNCS.bitwise_xor);
/** Elementwise `-x` (unsigned wraps; no bool loop). @example np.negative(np.arange(3)) // array([ 0, -1, -2]) */
export const negative: UnaryUFunc = unary(UFUNCS.negative);
/** Elementwise absolute value. @example np.absolute(np.array([-1.5, 2])) // array([1.5, 2. ]) */
export const absolute: UnaryUFunc = unary(UFUNCS.absolute);
/** Alias of `absolute`. @example np.abs(-3) // 3 */
export const abs: UnaryUFunc = absolute;
/** Elementwise square root (integers give floats). @example np.sqrt(np.array([1, 4, 9])) // array([1., 2., 3.]) */
export const sqrt: UnaryUFunc<true> = unary(UFUNCS.sqrt);
/** Elementwise e**x. @example np.exp(0) // 1 */
export const exp: UnaryUFunc<true> = unary(UFUNCS.exp);
/** Elementwise natural logarithm. @example np.log(1) // 0 */
export const log: UnaryUFunc<true> = unary(UFUNCS.log);
/** Elementwise sine. @example np.sin(0) // 0 */
export const sin: UnaryUFunc<true> = unary(UFUNCS.sin);
/** Elementwise cosine. @example np.cos(0) // 1 */
export const cos: UnaryUFunc<true> = unary(UFUNCS.cos);
/** Elementwise hyperbolic tangent. @example np.tanh(0) // 0 */
export const tanh: UnaryUFunc<true> = unary(UFUNCS.tanh);
/** Elementwise logical not. @example np.logical_not(np.array([0, 2])) // array([ True, False]) */
export const logical_not: UnaryPredicate = unary(UFUNCS.logical_not);
/** Elementwise bitwise not (`~x`; on bools, logical not). @example np.invert(np.array([0, 5], { dtype: "uint8" })) // array([255, 250], dtype=uint8) */
export const invert: UnaryUFunc = unary(UFUNCS.invert);
