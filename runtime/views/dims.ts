/**
 * `expand_dims` and `squeeze`: views that add or remove axes of length 1.
 *
 * Rule (numpy/lib/shape_base.py expand_dims = a.reshape(new shape), so the new axes get the
 * strides `_attempt_nocopy_reshape` gives; numpy/core/src/multiarray/shape.c PyArray_Squeeze
 * and PyArray_SqueezeSelected keep the other axes' strides; with nothing to squeeze and no axis
 * named, NumPy returns the array itself). Squeezing an axis whose length is
 * not 1 is a ValueError. O(ndim).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { normalizeAxis } from "../core/shape.js";
import { reshapeArray } from "./reshape.js";
import type { AxisCount, Kind, KindOf, RankMinus, RankOf, RankPlus, ShiftByRank } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";

function axisList(axis: number | readonly number[], ndim: number): number[] {
  const list = typeof axis === "number" ? [axis] : axis.slice();
  const out = list.map((x) => normalizeAxis(x, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("repeated axis");
  return out;
}

/**
 * A view with new length-1 axes inserted at `axis` (positions in the result).
 *
 * @example
 * np.expand_dims(np.arange(3), 0).shape // [1, 3]
 * np.expand_dims(np.arange(3), [0, 2]).shape // [1, 3, 1]
 */
export function expand_dims<A extends ArrayLike, const X extends number | readonly number[]>(a: A, axis: X | { axis: X }): NDArray<RankPlus<RankOf<A>, AxisCount<X>>, KindOf<A>>;
export function expand_dims(x: ArrayLike, axisArg: number | readonly number[] | { axis: number | readonly number[] }): NDArray {
  const a = asarray(x);
  const axis = typeof axisArg === "object" && !Array.isArray(axisArg) ? (axisArg as { axis: number | readonly number[] }).axis : (axisArg as number | readonly number[]);
  const n = a.ndim + (typeof axis === "number" ? 1 : axis.length);
  const axes = axisList(axis, n);
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) shape.push(axes.includes(i) ? 1 : a.shape[k++]);
  return reshapeArray(a, shape);
}

/**
 * A view without length-1 axes (all of them, or the ones named).
 *
 * @example
 * np.zeros([1, 3, 1]).squeeze().shape // [3]
 * np.zeros([1, 3, 1]).squeeze(0).shape // [3, 1]
 */
export function squeezeArray(a: NDArray, axis?: number | readonly number[] | null): NDArray {
  let drop: number[];
  if (axis === undefined || axis === null) {
    drop = a.shape.flatMap((d, i) => (d === 1 ? [i] : []));
    if (drop.length === 0) return a; // NumPy's PyArray_Squeeze returns the array itself
  }
  else {
    drop = axisList(axis, a.ndim);
    for (const i of drop) {
      if (a.shape[i] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
    }
  }
  const keep = a.shape.map((_, i) => i).filter((i) => !drop.includes(i));
  return viewOf(a, keep.map((i) => a.shape[i]), keep.map((i) => a.strides[i]), a.offset);
}

declare module "../core/ndarray.js" {
  interface NDArray<R extends number = number, K extends Kind = Kind> {
    /**
     * A view without length-1 axes (all, or those named by `axis`).
     *
     * @example
     * np.zeros([1, 2, 1]).squeeze().shape // [2]
     */
    squeeze(): NDArray<number, K>;
    squeeze<const X extends number | readonly number[]>(axis: X | { axis: X }): NDArray<ShiftByRank<AxisCount<X>, 0>[R], K>;
    squeeze(axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NDArray<number, K>;
  }
}

NDArray.prototype.squeeze = function (this: NDArray, axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NDArray {
  return squeeze(this, axis);
} as NDArray["squeeze"];

/**
 * NumPy's `np.squeeze(a, axis=None)`.
 *
 * @example
 * np.squeeze(np.zeros([1, 3])).shape // [3]
 */
export function squeeze<A extends ArrayLike>(a: A): NDArray<number, KindOf<A>>;
export function squeeze<A extends ArrayLike, const X extends number | readonly number[]>(a: A, axis: X | { axis: X }): NDArray<RankMinus<RankOf<A>, AxisCount<X>>, KindOf<A>>;
export function squeeze<A extends ArrayLike>(a: A, axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NDArray<number, KindOf<A>>;
export function squeeze(x: ArrayLike, axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NDArray {
  const a = asarray(x);
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) return squeezeArray(a, (axis as { axis?: number | readonly number[] | null }).axis);
  return squeezeArray(a, axis as number | readonly number[] | null | undefined);
}
