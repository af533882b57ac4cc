/**
 * Reductions and `dot` as NDArray methods: `a.sum({ axis: 0 })` is `np.sum(a, { axis: 0 })`.
 * (TypeScript interface merging; this module patches the prototype when `np` is loaded.)
 */
import { NDArray } from "../core/ndarray.js";
import { dot } from "../linalg/product.js";
import { argmax, argmin, type ArgOptions } from "./arg.js";
import { all, any, max, min, prod, sum, type ReduceOptions, type ScalarReduceOptions } from "./reduce.js";
import { mean, std, var_, type ScalarVarOptions, type VarOptions } from "./stats.js";
import type { ArrayLike } from "../create/array.js";

declare module "../core/ndarray.js" {
  interface NDArray {
    /**
     * Sum over axes (NumPy's pairwise summation: float64 sums match NumPy bit for bit).
     * @example
     * np.array([[1, 2], [3, 4]]).sum()              // 10
     * np.array([[1, 2], [3, 4]]).sum({ axis: 0 })   // array([4, 6])
     */
    sum(options?: ScalarReduceOptions): number;
    sum(options: ReduceOptions): NDArray;
    /**
     * Product over axes.
     * @example np.array([1, 2, 3, 4]).prod() // 24
     */
    prod(options?: ScalarReduceOptions): number;
    prod(options: ReduceOptions): NDArray;
    /**
     * Mean over axes (integers give float64).
     * @example np.array([1, 2, 3, 4]).mean() // 2.5
     */
    mean(options?: ScalarReduceOptions): number;
    mean(options: ReduceOptions): NDArray;
    /**
     * Largest element over axes (NaN propagates).
     * @example np.array([[1, 5], [3, 2]]).max({ axis: 1 }) // array([5, 3])
     */
    max(options?: ScalarReduceOptions): number;
    max(options: ReduceOptions): NDArray;
    /**
     * Smallest element over axes (NaN propagates).
     * @example np.array([[1, 5], [3, 2]]).min() // 1
     */
    min(options?: ScalarReduceOptions): number;
    min(options: ReduceOptions): NDArray;
    /**
     * Index of the first largest element (flattened in C order when no axis).
     * @example np.array([1, 7, 7, 2]).argmax() // 1
     */
    argmax(options?: { axis?: null; keepdims?: false }): number;
    argmax(options: ArgOptions): NDArray;
    /**
     * Index of the first smallest element (flattened in C order when no axis).
     * @example np.array([3, 1, 1]).argmin() // 1
     */
    argmin(options?: { axis?: null; keepdims?: false }): number;
    argmin(options: ArgOptions): NDArray;
    /**
     * Standard deviation over axes, with `ddof`.
     * @example np.array([1, 2, 3, 4]).std() // 1.118033988749895
     */
    std(options?: ScalarVarOptions): number;
    std(options: VarOptions): NDArray;
    /**
     * Variance over axes, with `ddof`.
     * @example np.array([1, 2, 3, 4]).var({ ddof: 1 }) // 1.6666666666666667
     */
    var(options?: ScalarVarOptions): number;
    var(options: VarOptions): NDArray;
    /**
     * Whether any element is non-zero (over axes).
     * @example np.array([0, 0, 3]).any() // true
     */
    any(options?: ScalarReduceOptions): boolean;
    any(options: ReduceOptions): NDArray;
    /**
     * Whether every element is non-zero (over axes).
     * @example np.array([1, 0]).all() // false
     */
    all(options?: ScalarReduceOptions): boolean;
    all(options: ReduceOptions): NDArray;
    /**
     * `np.dot(this, b)`.
     * @example np.array([[1, 2], [3, 4]]).dot(np.array([1, 1])) // array([3, 7])
     */
    dot(b: ArrayLike): NDArray;
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
NDArray.prototype.dot = function (this: NDArray, b: ArrayLike): NDArray {
  return dot(this, b);
};
