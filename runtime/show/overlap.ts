/**
 * Whether two arrays share memory, decided from the elements each one reaches.
 *
 * Rule: two arrays share memory iff some byte is reached by both (NumPy's exact
 * `np.shares_memory`, solved by runtime/memory); past MAX_WORK the answer is "maybe". The
 * pictures also need every byte an array reaches, enumerated here up to ENUMERATE_LIMIT elements
 * (O(size log size) to sort).
 */
import type { NDArray } from "../core/ndarray.js";
import { overlap } from "../memory/shares.js";
import { byteRange, reachedDataIndices } from "../display/walk.js";
import { allocationOf } from "../wasm/heap.js";

/** Arrays with more elements are not enumerated element by element. */
export const ENUMERATE_LIMIT = 4_000_000;

/** The answer, as a named outcome. */
export type Sharing = "yes" | "no" | "maybe";

/**
 * Byte positions (relative to the allocation's start: wasm/heap.ts allocationOf) of the elements an array reaches, sorted and unique; null if too many.
 *
 * @example
 * reachedBytes(np.arange(6).get("::-2")) // Float64Array [4, 12, 20]
 */
export function reachedBytes(a: NDArray): Float64Array | null {
  if (a.size > ENUMERATE_LIMIT) return null;
  const base = a.data.byteOffset - allocationOf(a.data).start;
  const it = a.itemsize;
  const idx = reachedDataIndices(a);
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = base + idx[i] * it;
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** [lo, hi) relative to the start of the allocation (wasm/heap.ts allocationOf). @example bufferRange(np.arange(10).get("2:5")) // [8, 20] */
export function bufferRange(a: NDArray): [number, number] {
  const [lo, hi] = byteRange(a);
  const base = a.data.byteOffset - allocationOf(a.data).start;
  return [lo + base, hi + base];
}

/** Work NumPy's solver may do per pair before answering "maybe" (np.shares_memory's max_work). */
export const MAX_WORK = 100_000;

/**
 * Whether `a` and `b` share memory: np.shares_memory's exact solver (runtime/memory, NumPy's
 * mem_overlap.c), giving up as "maybe" past MAX_WORK.
 *
 * @example
 * const a = np.arange(10);
 * sharing(a, a.get("::2")) // "yes"
 * sharing(a.get("::2"), a.get("1::2")) // "no"  (interleaved, disjoint)
 */
export function sharing(a: NDArray, b: NDArray): Sharing {
  const r = overlap(a, b, MAX_WORK);
  return r === "too-hard" ? "maybe" : r;
}
