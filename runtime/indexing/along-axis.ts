/**
 * `np.take_along_axis` and `np.put_along_axis`: pick or write one element per lane, as the
 * indices from `argsort`, `argpartition`, `argmax(keepdims)` give them.
 *
 * Rule (numpy/lib/shape_base.py, NumPy 1.24 `_make_along_axis_idx`): `indices` must be an integer
 * array of `arr`'s ndim; the fancy index is, for every axis d, `indices` on `axis` and
 * `arange(arr.shape[d])` shaped to lie along d elsewhere; so the result has the broadcast shape
 * of `indices` with `arr` (length-1 axes stretch either way) and is a copy (fancy indexing), and
 * put writes `values` broadcast to that shape. `axis: null` works on the C-order flattening
 * (`arr.flat`): indices must then be 1-D; put through the flattening writes `arr` itself, values
 * repeated cyclically as NumPy's flatiter does. Errors are fancy indexing's, in NumPy's words.
 * Cost: O(result size).
 */
import { DTYPES } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import type { KindOf, RankOf } from "../core/rank.js";
import { normalizeAxis } from "../core/shape.js";
import { arange } from "../create/ranges.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { reshapeArray } from "../views/reshape.js";

/** The axis given by keyword: `np.take_along_axis(a, ai, { axis: 1 })`. */
export interface AxisOption {
  axis: number | null;
}

/** The axis, given positionally or as `{ axis }` (required, as NumPy's). */
function axisOf(axis: number | null | AxisOption | undefined): number | null {
  if (axis !== null && typeof axis === "object") return axis.axis;
  if (axis === undefined) throw new TypeError("missing required argument 'axis' (a number, or null for the flattened array)");
  return axis;
}

/** NumPy's `_make_along_axis_idx`: the index arrays, one per axis of `shape`. */
function alongAxisIndex(shape: readonly number[], indices: NDArray, axis: number): NDArray[] {
  const kind = DTYPES[indices.dtype].kind;
  if (kind !== "i" && kind !== "u") throw new IndexError("`indices` must be an integer array");
  if (shape.length !== indices.ndim) throw new ValueError("`indices` and `arr` must have the same number of dimensions");
  return shape.map((n, d) => (d === axis ? indices : reshapeArray(arange(n), shape.map((_, k) => (k === d ? -1 : 1)))));
}

/** `flat[k]` positions of the C-order flattening of `size` elements: NumPy's flatiter bounds check. */
function flatPositions(indices: NDArray, size: number): number[] {
  return Array.from(readFlat(indices) as Iterable<number | bigint>, (v) => {
    const i = Number(v);
    if (i < -size || i >= size) throw new IndexError(`index ${i} is out of bounds for size ${size}`);
    return i < 0 ? i + size : i;
  });
}

/**
 * Values of `arr` at `indices` along `axis`: for each lane, the elements `indices` names (a new
 * array of the broadcast shape of `indices` and `arr`). `axis: null` picks from the flattening.
 *
 * @example
 * const a = np.array([[10, 30, 20], [60, 40, 50]]);
 * np.take_along_axis(a, np.argsort(a, { axis: 1 }), 1).tolist()      // [[10, 20, 30], [40, 50, 60]]
 * np.take_along_axis(a, np.argmax(a, { axis: 1, keepdims: true }), { axis: 1 }) // array([[30], [60]])
 */
export function take_along_axis<A extends ArrayLike>(arr: A, indices: ArrayLike, axis: null | { axis: null }): NDArray<1, KindOf<A>>;
export function take_along_axis<A extends ArrayLike>(arr: A, indices: ArrayLike, axis: number | { axis: number }): NDArray<RankOf<A>, KindOf<A>>;
export function take_along_axis<A extends ArrayLike>(arr: A, indices: ArrayLike, axis: number | null | AxisOption): NDArray<number, KindOf<A>>;
export function take_along_axis(arr: ArrayLike, indices: ArrayLike, axis: number | null | AxisOption): NDArray {
  axis = axisOf(axis);
  const a = asarray(arr);
  const idx = asarray(indices);
  if (axis === null) {
    alongAxisIndex([a.size], idx, 0);
    const flat = readFlat(a);
    const pos = flatPositions(idx, a.size);
    const out = newArray([pos.length], a.dtype);
    pos.forEach((p, k) => (out.data[k] = flat[p]));
    return out;
  }
  const ax = normalizeAxis(axis, a.ndim);
  return a.get(...(alongAxisIndex(a.shape, idx, ax) as [NDArray<number, "number">])) as NDArray;
}

/**
 * Write `values` into `arr` at `indices` along `axis` (in place; returns nothing, as NumPy):
 * `values` broadcast to the broadcast shape of `indices` and `arr`. `axis: null` writes through
 * the flattening (values repeated cyclically).
 *
 * @example
 * const a = np.array([[10, 30, 20], [60, 40, 50]]);
 * np.put_along_axis(a, np.argmax(a, { axis: 1, keepdims: true }), 99, 1);
 * a.tolist() // [[10, 99, 20], [99, 40, 50]]
 */
export function put_along_axis(arr: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null | AxisOption): void {
  axis = axisOf(axis);
  const idx = asarray(indices);
  if (axis === null) {
    alongAxisIndex([arr.size], idx, 0);
    if (!arr._writeable) throw new ValueError("assignment destination is read-only");
    const pos = flatPositions(idx, arr.size);
    const cv = readFlat(asarray(values, { dtype: arr.dtype }));
    if (pos.length === 0 || cv.length === 0) return;
    // arr.flat[k] for every k: C order over arr's own strides
    const es = arr.strides.map((s) => s / arr.itemsize);
    const at0 = arr.offset / arr.itemsize;
    pos.forEach((p, k) => {
      let rem = p;
      let at = at0;
      for (let d = arr.ndim - 1; d >= 0; d--) {
        const n = arr.shape[d];
        at += (rem % n) * es[d];
        rem = Math.floor(rem / n);
      }
      arr.data[at] = cv[k % cv.length];
    });
    return;
  }
  const ax = normalizeAxis(axis, arr.ndim);
  arr.set(...(alongAxisIndex(arr.shape, idx, ax) as [NDArray<number, "number">]), values as NDArray);
}
