/**
 * `T`, `transpose`, `swapaxes`: views that permute the axes (shape and strides together).
 *
 * Rule (numpy/core/src/multiarray/shape.c PyArray_Transpose): result axis i is source axis
 * axes[i]; `axes` must be a permutation of 0..ndim-1 (negative counted from the end). No data
 * moves: O(ndim).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import type { Kind, KindOf, RankOf } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";

/** Each frozen shape or strides array's frozen reversal (frozen arrays never change: a cache entry stays right, and goes with its key). */
const REVERSED = new WeakMap<readonly number[], readonly number[]>();

/**
 * `xs` reversed, as a frozen array made once per frozen `xs` (an array's shape and strides are
 * frozen, and a view shares them: Object.freeze was most of the cost of `a.T`, 100-250 ns each).
 *
 * @example
 * reversed(Object.freeze([2, 3, 4])) // [4, 3, 2]
 */
export function reversed(xs: readonly number[]): readonly number[] {
  let r = REVERSED.get(xs);
  if (r === undefined) {
    const n = xs.length;
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = xs[n - 1 - i];
    r = Object.freeze(out);
    if (Object.isFrozen(xs)) REVERSED.set(xs, r);
  }
  return r;
}

/**
 * A view with axes permuted (`axes` omitted: reversed).
 *
 * @example
 * transposeArray(np.zeros([2, 3, 4]), [1, 0, 2]).shape // [3, 2, 4]
 */
export function transposeArray(a: NDArray, axes?: readonly number[]): NDArray {
  const nd = a.ndim;
  // axes reversed (a.T): the reversed shape and strides, frozen once per frozen source array
  if (axes === undefined || axes.length === 0) return viewOf(a, reversed(a.shape), reversed(a.strides), a.offset, a._writeable, true);
  if (axes.length !== nd) throw new ValueError("axes don't match array");
  const perm = axes.map((x) => normalizeAxis(x, nd));
  const seen = new Set<number>();
  for (const p of perm) {
    if (seen.has(p)) throw new ValueError("repeated axis in transpose");
    seen.add(p);
  }
  // frozen here, so the NDArray constructor shares them instead of copying and freezing copies (Object.freeze is most of a view's cost)
  return viewOf(a, Object.freeze(perm.map((p) => a.shape[p])), Object.freeze(perm.map((p) => a.strides[p])), a.offset);
}

/**
 * A view with two axes exchanged.
 *
 * @example
 * swapaxesArray(np.zeros([2, 3, 4]), 0, 2).shape // [4, 3, 2]
 */
export function swapaxesArray(a: NDArray, axis1: number, axis2: number): NDArray {
  const i = normalizeAxis(axis1, a.ndim);
  const j = normalizeAxis(axis2, a.ndim);
  const perm = a.shape.map((_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return transposeArray(a, perm);
}

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * The transposed view (axes reversed).
     *
     * @example
     * np.zeros([2, 3]).T.strides // [8, 24]
     */
    readonly T: NDArray<R, K>;
    /**
     * A view with permuted axes: no argument reverses; else numbers or one array.
     *
     * @example
     * np.zeros([2, 3, 4]).transpose(2, 0, 1).shape // [4, 2, 3]
     */
    transpose(...axes: number[] | [readonly number[] | null]): NDArray<R, K>;
    /**
     * A view with `axis1` and `axis2` exchanged.
     *
     * @example
     * np.zeros([2, 3]).swapaxes(0, 1).shape // [3, 2]
     */
    swapaxes(axis1: number, axis2: number): NDArray<R, K>;
  }
}

Object.defineProperty(NDArray.prototype, "T", {
  get(this: NDArray): NDArray {
    return transposeArray(this);
  },
  configurable: true,
});

NDArray.prototype.transpose = function (this: NDArray, ...axes: unknown[]): NDArray {
  if (axes.length === 1 && axes[0] === null) return transposeArray(this);
  const list = axes.length === 1 && Array.isArray(axes[0]) ? (axes[0] as number[]) : (axes as number[]);
  return transposeArray(this, list.length ? list : undefined);
};

NDArray.prototype.swapaxes = function (this: NDArray, axis1: number, axis2: number): NDArray {
  return swapaxesArray(this, axis1, axis2);
};

/**
 * NumPy's `np.transpose(a, axes=None)`.
 *
 * @example
 * np.transpose(np.zeros([2, 3])).shape // [3, 2]
 */
export function transpose<A extends ArrayLike>(a: A, axes?: readonly number[] | null | { axes?: readonly number[] | null }): NDArray<RankOf<A>, KindOf<A>> {
  const list = axes !== null && typeof axes === "object" && !Array.isArray(axes) ? (axes as { axes?: readonly number[] | null }).axes : (axes as readonly number[] | null | undefined);
  return transposeArray(asarray(a), list ?? undefined) as never;
}

/**
 * NumPy's `np.swapaxes(a, axis1, axis2)`.
 *
 * @example
 * np.swapaxes(np.zeros([2, 3]), 0, 1).shape // [3, 2]
 */
export function swapaxes<A extends ArrayLike>(a: A, axis1: number, axis2: number): NDArray<RankOf<A>, KindOf<A>> {
  return swapaxesArray(asarray(a), axis1, axis2) as never;
}

