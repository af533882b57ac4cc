/**
 * `np.searchsorted(a, v, side, sorter)`: where `v` would go in the sorted 1-D `a`.
 *
 * Rule (numpy/core/src/npysort/binsearch.cpp `binsearch`/`argbinsearch`, ported step for step so
 * unsorted input gives NumPy's answer too): side "left" finds the first i with !(a[i] < v),
 * "right" the first with v < a[i] (NaN sorts last). Keys are taken in C order; each search
 * starts from the previous key's bounds when the keys ascend. With `sorter`, a[sorter[i]] is
 * read instead, and a sorter entry outside [0, n) met during the search is NumPy's ValueError.
 * Values compare as numbers (exact for every dtype of the runtime). The result is int32 indices
 * (NumPy: int64) of v's shape, a number for a scalar v. Cost: O(len(v) log len(a)).
 */
import { ValueError } from "../core/errors.js";
import { numbersOf } from "../core/cast.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { keywordArgs } from "../stats/keywords.js";
import { less } from "./introsort.js";

/** Keywords of searchsorted. */
export interface SearchsortedOptions {
  /** "left" (default): first suitable index; "right": last. */
  side?: "left" | "right";
  /** Indices that sort `a` (as from argsort). */
  sorter?: ArrayLike | null;
}

function toSide(side: unknown): boolean {
  if (side === undefined || side === null) return false;
  const c = typeof side === "string" ? side.charAt(0).toLowerCase() : "";
  if (c === "l") return false;
  if (c === "r") return true;
  throw new ValueError(`search side must be 'left' or 'right' (got '${String(side)}')`);
}

/**
 * Indices where `v` would be inserted into the sorted 1-D `a` to keep it sorted (int32; a number for a scalar `v`).
 *
 * @example
 * np.searchsorted(np.array([1, 2, 3, 4, 5]), 3)                       // 2
 * np.searchsorted(np.array([1, 2, 3, 4, 5]), 3, "right")              // 3
 * np.searchsorted(np.array([1, 2, 3, 4, 5]), np.array([-10, 10, 2, 3])) // array([0, 5, 1, 2])
 */
export function searchsorted(a: ArrayLike, v: number, side?: "left" | "right", sorter?: ArrayLike | null): number;
export function searchsorted(a: ArrayLike, v: number, options?: SearchsortedOptions): number;
export function searchsorted(a: ArrayLike, v: ArrayLike, side?: "left" | "right", sorter?: ArrayLike | null): NDArray;
export function searchsorted(a: ArrayLike, v: ArrayLike, options?: SearchsortedOptions): NDArray;
export function searchsorted(a: ArrayLike, v: ArrayLike, ...args: unknown[]): NDArray | number {
  const o = keywordArgs<SearchsortedOptions>("searchsorted", args, ["side", "sorter"]);
  const right = toSide(o.side);
  const arr = asarray(a);
  if (arr.ndim > 1) throw new ValueError("object too deep for desired array");
  if (arr.ndim === 0) throw new ValueError("object of too small depth for desired array");
  const av = numbersOf(readFlat(arr), "searchsorted"); // int64/uint64: exact up to 2^53 (core/cast.ts)
  const keysArr = asarray(v);
  const keys = numbersOf(readFlat(keysArr), "searchsorted");
  const n = av.length;
  const res = new Int32Array(keys.length);
  const cmp = right ? (x: number, y: number) => !less(y, x) : less;
  let sort: { readonly [i: number]: number } | null = null;
  if (o.sorter !== undefined && o.sorter !== null) {
    const s = asarray(o.sorter);
    if (s.ndim > 1) throw new ValueError("object too deep for desired array");
    if (s.dtype === "float32" || s.dtype === "float64") throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    if (s.size !== n) throw new ValueError("sorter.size must equal a.size");
    sort = numbersOf(readFlat(s), "searchsorted");
  }
  if (keys.length > 0) {
    let minIdx = 0;
    let maxIdx = n;
    let last = keys[0];
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (cmp(last, key)) maxIdx = n;
      else {
        minIdx = 0;
        maxIdx = maxIdx < n ? maxIdx + 1 : n;
      }
      last = key;
      while (minIdx < maxIdx) {
        const mid = minIdx + ((maxIdx - minIdx) >> 1);
        let mv: number;
        if (sort !== null) {
          const si = sort[mid];
          if (si < 0 || si >= n) throw new ValueError("Sorter index out of range.");
          mv = av[si];
        } else mv = av[mid];
        if (cmp(mv, key)) minIdx = mid + 1;
        else maxIdx = mid;
      }
      res[k] = minIdx;
    }
  }
  if (!(v instanceof NDArray) && typeof v === "number") return res[0];
  if (keysArr.ndim === 0) return res[0];
  const out = newArray(keysArr.shape, "int32", "C");
  (out.data as Int32Array).set(res);
  return out;
}
