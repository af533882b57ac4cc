/**
 * `np.lexsort`: indices that sort by several keys, the LAST key primary.
 *
 * Rule (numpy/core/src/multiarray/item_selection.c PyArray_LexSort, NumPy 1.24): `keys` is a
 * sequence of arrays of one shape (a 2-D array: its rows; any array: its sub-arrays along axis 0);
 * along `axis` (default -1) each lane's positions are ordered by the last key, ties by the one
 * before it, and so on, remaining ties by position (a stable sort: NumPy's lexsort is a chain of
 * stable argsorts). NaN sorts last in every key. The result is a new C-order int32 array of the
 * keys' shape (NumPy: intp), or the number 0 for 0-d keys. Errors in NumPy's words: `need
 * sequence of keys with len > 0 in lexsort`, `all keys need to be the same shape`, AxisError.
 * Cost: O(k n log n) per lane of length n with k keys.
 */
import { AxisError, ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import type { RankOf } from "../core/rank.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { keywordArgs } from "../stats/keywords.js";
import { less } from "./introsort.js";
import { forEachLane } from "./lanes.js";

/** Keywords of lexsort. */
export interface LexsortOptions {
  /** Axis to sort along (default -1). */
  axis?: number;
}

/** The keys as arrays (a JS array of array-likes, or an array's sub-arrays along axis 0). */
function keyArrays(keys: unknown): NDArray[] {
  const noKeys = (): TypeError => new TypeError("need sequence of keys with len > 0 in lexsort");
  if (keys instanceof NDArray) {
    if (keys.ndim === 0 || keys.shape[0] === 0) throw noKeys();
    return Array.from({ length: keys.shape[0] }, (_, i) => asarray(keys.get(i) as ArrayLike));
  }
  if (!Array.isArray(keys) || keys.length === 0) throw noKeys();
  return keys.map((k: ArrayLike) => asarray(k));
}

/**
 * Indices that sort by `keys`, the last key first (a stable sort), along `axis` (default -1):
 * int32 (NumPy: intp); `0` for 0-d keys.
 *
 * @example
 * const a = [1, 5, 1, 4, 3, 4, 4]; // first column
 * const b = [9, 4, 0, 4, 0, 2, 1]; // second column
 * np.lexsort([b, a]) // array([2, 0, 4, 6, 5, 3, 1])  (by a, then by b)
 */
export function lexsort<A extends ArrayLike>(keys: readonly A[], axis?: number | LexsortOptions): RankOf<A> extends 0 ? number : NDArray<RankOf<A>, "number">;
export function lexsort(keys: readonly ArrayLike[] | NDArray, axis?: number): NDArray<number, "number"> | number;
export function lexsort(keys: readonly ArrayLike[] | NDArray, options?: LexsortOptions): NDArray<number, "number"> | number;
export function lexsort(keys: readonly ArrayLike[] | NDArray, ...args: unknown[]): NDArray<number, "number"> | number {
  const o = keywordArgs<LexsortOptions>("lexsort", args, ["axis"]);
  const ks = keyArrays(keys);
  const shape = ks[0].shape;
  if (ks.some((k) => k.ndim !== shape.length || k.shape.some((d, i) => d !== shape[i]))) throw new ValueError("all keys need to be the same shape");
  const axis = o.axis ?? -1;
  if (!Number.isInteger(axis)) throw new TypeError(`'${String(axis)}' object cannot be interpreted as an integer`);
  // 0-d keys take axis 0 or -1 (NumPy checks against max(ndim, 1)) and give 0
  if (axis < -Math.max(shape.length, 1) || axis >= Math.max(shape.length, 1)) throw new AxisError(axis, shape.length);
  if (shape.length === 0) return 0;
  const ax = axis < 0 ? axis + shape.length : axis;
  const out = newArray(shape, "int32", "C");
  const n = shape[ax];
  if (out.size === 0) return out as NDArray<number, "number">;
  const lanes: unknown[][] = ks.map(() => new Array<unknown>(n));
  const idx = new Int32Array(n);
  forEachLane([...ks, out], ax, (starts, steps) => {
    for (let k = 0; k < ks.length; k++) {
      const d = ks[k].data;
      const lane = lanes[k];
      for (let i = 0, p = starts[k]; i < n; i++, p += steps[k]) lane[i] = d[p];
    }
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((i, j) => {
      for (let k = ks.length - 1; k >= 0; k--) {
        const a = lanes[k][i] as number;
        const b = lanes[k][j] as number;
        if (less(a, b)) return -1;
        if (less(b, a)) return 1;
      }
      return i - j;
    });
    const m = ks.length;
    for (let i = 0, q = starts[m]; i < n; i++, q += steps[m]) out.data[q] = idx[i];
  });
  return out as NDArray<number, "number">;
}
