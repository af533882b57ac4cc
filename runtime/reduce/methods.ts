/**
 * Reductions and `dot` as NDArray methods: `a.sum({ axis: 0 })` is `np.sum(a, { axis: 0 })`.
 * (TypeScript interface merging; this module patches the prototype when `np` is loaded.)
 */
import { NDArray } from "../core/ndarray.js";
import { dot } from "../linalg/product.js";
import { argmax, argmin, type ArgOptions } from "./arg.js";
import { all, any, max, min, prod, sum, type ReduceArg } from "./reduce.js";
import { mean, std, var_, type VarOptions } from "./stats.js";
import type { ArrayLike } from "../create/array.js";
import type { ArithKind, KindFrom, KindValues, KindOf, RankOf, Reduced, SumKind } from "../core/rank.js";
import type { DotResult } from "../linalg/product.js";

/** The second argument of mean/std/var: options (with `ddof` for std/var), or NumPy's positional `axis`. */
type VarArg = VarOptions | number | readonly number[] | null | undefined;
/** The argument of argmin/argmax: options, or NumPy's positional `axis`. */
type ArgArg = ArgOptions | number | null | undefined;
import type { Kind } from "../core/rank.js";

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * Sum over axes (NumPy's pairwise summation: float64 sums match NumPy bit for bit).
     * @example
     * np.array([[1, 2], [3, 4]]).sum()              // 10
     * np.array([[1, 2], [3, 4]]).sum({ axis: 0 })   // array([4, 6])
     */
    sum(): KindValues[SumKind<K>];
    sum<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, SumKind<K>>>;
    /**
     * Product over axes.
     * @example np.array([1, 2, 3, 4]).prod() // 24
     */
    prod(): KindValues[SumKind<K>];
    prod<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, SumKind<K>>>;
    /**
     * Mean over axes (integers give float64).
     * @example np.array([1, 2, 3, 4]).mean() // 2.5
     */
    mean(): number;
    mean<const O extends VarArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, "number">>;
    /**
     * Largest element over axes (NaN propagates).
     * @example np.array([[1, 5], [3, 2]]).max({ axis: 1 }) // array([5, 3])
     */
    max(): KindValues[K];
    max<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, K>>;
    /**
     * Smallest element over axes (NaN propagates).
     * @example np.array([[1, 5], [3, 2]]).min() // 1
     */
    min(): KindValues[K];
    min<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, K>>;
    /**
     * Index of the first largest element (flattened in C order when no axis).
     * @example np.array([1, 7, 7, 2]).argmax() // 1
     */
    argmax(): number;
    argmax<const O extends ArgArg>(axisOrOptions: O): Reduced<R, O, "number">;
    /**
     * Index of the first smallest element (flattened in C order when no axis).
     * @example np.array([3, 1, 1]).argmin() // 1
     */
    argmin(): number;
    argmin<const O extends ArgArg>(axisOrOptions: O): Reduced<R, O, "number">;
    /**
     * Standard deviation over axes, with `ddof`.
     * @example np.array([1, 2, 3, 4]).std() // 1.118033988749895
     */
    std(): number;
    std<const O extends VarArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, "number">>;
    /**
     * Variance over axes, with `ddof`.
     * @example np.array([1, 2, 3, 4]).var({ ddof: 1 }) // 1.6666666666666667
     */
    var(): number;
    var<const O extends VarArg>(axisOrOptions: O): Reduced<R, O, KindFrom<O, "number">>;
    /**
     * Whether any element is non-zero (over axes).
     * @example np.array([0, 0, 3]).any() // true
     */
    any(): boolean;
    any<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, "boolean">;
    /**
     * Whether every element is non-zero (over axes).
     * @example np.array([1, 0]).all() // false
     */
    all(): boolean;
    all<const O extends ReduceArg>(axisOrOptions: O): Reduced<R, O, "boolean">;
    /**
     * `np.dot(this, b)`.
     * @example np.array([[1, 2], [3, 4]]).dot(np.array([1, 1])) // array([3, 7])
     */
    dot<RR extends number, KK extends Kind, B extends ArrayLike>(this: NDArray<RR, KK>, b: B): DotResult<RR, RankOf<B>, ArithKind<KK, KindOf<B>>>;
  }
}

type Fn = (a: NDArray, o?: never) => unknown;
const patch = (name: string, f: Fn): void => {
  Object.defineProperty(NDArray.prototype, name, {
    value: function (this: NDArray, options?: never) {
      return f(this, options);
    },
    writable: true,
    configurable: true,
  });
};

patch("sum", sum as Fn);
patch("prod", prod as Fn);
patch("mean", mean as Fn);
patch("max", max as Fn);
patch("min", min as Fn);
patch("argmax", argmax as Fn);
patch("argmin", argmin as Fn);
patch("std", std as Fn);
patch("var", var_ as Fn);
patch("any", any as Fn);
patch("all", all as Fn);
NDArray.prototype.dot = function (this: NDArray, b: ArrayLike) {
  return dot(this, b);
} as NDArray["dot"];
