/**
 * Reading an array for display: where each element lives, the bytes it reaches, and which
 * indices a summarised view shows.
 *
 * Rules: element (i0..i{n-1}) is at byte offset + sum(i_k * strides[k]) of the buffer (see
 * runtime/core/ndarray.ts), i.e. at index (that byte) / itemsize of `data`. The byte range an
 * array reaches is [lo, hi) with lo = offset + sum(min(0, (n_k - 1) * s_k)) and
 * hi = offset + sum(max(0, (n_k - 1) * s_k)) + itemsize (NumPy's `byte_bounds`, relative to the
 * buffer's start); empty when size is 0. A summarised axis (NumPy's threshold 1000, edgeitems 3)
 * shows its first and last 3 indices around a gap. Cost: O(ndim) per element position.
 */
import { DTYPES } from "../core/dtype.js";
import type { NDArray } from "../core/ndarray.js";

/** NumPy's edgeitems: indices kept at each end of a summarised axis. */
export const EDGEITEMS = 3;

/**
 * Index in `a.data` of the element at `index` (a full index, one entry per axis).
 *
 * @example
 * dataIndex(np.arange(12).reshape(3, 4).T, [1, 2]) // 9  (byte 1*4 + 2*16 = 36, int32)
 */
export function dataIndex(a: NDArray, index: readonly number[]): number {
  let byte = a.offset;
  for (let k = 0; k < index.length; k++) byte += index[k] * a.strides[k];
  return byte / DTYPES[a.dtype].itemsize;
}

/**
 * The value at `index`: a boolean for bool arrays, a bigint for int64/uint64, else a number.
 *
 * @example
 * valueAt(np.arange(6).reshape(2, 3), [1, 0]) // 3
 */
export function valueAt(a: NDArray, index: readonly number[]): number | boolean | bigint {
  const v = a.data[dataIndex(a, index)];
  return a.dtype === "bool" ? v !== 0 : v;
}

/**
 * The bytes [lo, hi) of the buffer that `a` reaches, relative to the start of `a.data`
 * (NumPy's `np.byte_bounds` minus the buffer's address); [offset, offset) when size is 0.
 *
 * @example
 * byteRange(np.arange(10).get("2:8:2")) // [8, 28]  (int32: elements 2, 4, 6)
 */
export function byteRange(a: NDArray): [number, number] {
  if (a.size === 0) return [a.offset, a.offset];
  let lo = a.offset;
  let hi = a.offset;
  for (let k = 0; k < a.ndim; k++) {
    const reach = (a.shape[k] - 1) * a.strides[k];
    if (reach < 0) lo += reach;
    else hi += reach;
  }
  return [lo, hi + a.itemsize];
}

/** Bytes of the whole buffer `a` lives in. @example bufferBytes(np.arange(10).get("::2")) // 40 */
export function bufferBytes(a: NDArray): number {
  return a.data.byteLength;
}

/** An entry of a summarised axis: an index, or the gap NumPy prints as `...`. */
export type Pick = number | "gap";

/**
 * The indices of an axis of length n that a view shows.
 *
 * @example
 * axisPicks(10, true)  // [0, 1, 2, "gap", 7, 8, 9]
 * axisPicks(5, true)   // [0, 1, 2, 3, 4]
 * axisPicks(10, false) // [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 */
export function axisPicks(n: number, summarise: boolean, edge = EDGEITEMS): Pick[] {
  if (summarise && n > 2 * edge) {
    const head = Array.from({ length: edge }, (_, i) => i);
    const tail = Array.from({ length: edge }, (_, i) => n - edge + i);
    return [...head, "gap", ...tail];
  }
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Visit every full index of `shape` in C order (last axis fastest).
 *
 * @example
 * const seen: string[] = [];
 * forEachIndex([2, 2], (i) => seen.push(i.join(","))); // seen = ["0,0", "0,1", "1,0", "1,1"]
 */
export function forEachIndex(shape: readonly number[], visit: (index: readonly number[]) => void): void {
  for (const d of shape) if (d === 0) return;
  const idx = new Array<number>(shape.length).fill(0);
  for (;;) {
    visit(idx);
    let k = shape.length - 1;
    while (k >= 0) {
      idx[k]++;
      if (idx[k] < shape[k]) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) return;
  }
}

/**
 * Indices into `a.data` of every element `a` reaches (in C order of `a`'s indices; repeats kept,
 * as a broadcast view reaches one element many times). Stops after `limit` elements.
 *
 * @example
 * reachedDataIndices(np.arange(6).reshape(2, 3).T) // [0, 3, 1, 4, 2, 5]
 */
export function reachedDataIndices(a: NDArray, limit = Infinity): number[] {
  const out: number[] = [];
  if (a.size === 0) return out;
  const it = DTYPES[a.dtype].itemsize;
  const shape = a.shape;
  const strides = a.strides.map((s) => s / it);
  let pos = a.offset / it;
  const idx = new Array<number>(shape.length).fill(0);
  for (;;) {
    out.push(pos);
    if (out.length >= limit) return out;
    let k = shape.length - 1;
    while (k >= 0) {
      idx[k]++;
      pos += strides[k];
      if (idx[k] < shape[k]) break;
      pos -= strides[k] * shape[k];
      idx[k] = 0;
      k--;
    }
    if (k < 0) return out;
  }
}
