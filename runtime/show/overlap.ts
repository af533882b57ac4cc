/**
 * Whether two arrays share memory, decided from the elements each one reaches.
 *
 * Rule: two arrays share memory iff some byte is reached by both (NumPy's exact
 * `np.shares_memory`). Arrays over different ArrayBuffers never do. Over the same buffer, when
 * both element sets were enumerated (size <= ENUMERATE_LIMIT) the answer is the exact set
 * intersection of their byte intervals, O(n log n); otherwise only the byte bounds are compared
 * and an overlap of bounds is reported as "maybe" (NumPy's `may_share_memory`).
 */
import type { NDArray } from "../core/ndarray.js";
import { byteRange, reachedDataIndices } from "../display/walk.js";

/** Arrays with more elements are not enumerated element by element. */
export const ENUMERATE_LIMIT = 4_000_000;

/** The answer, as a named outcome. */
export type Sharing = "yes" | "no" | "maybe";

/** Byte positions (relative to the ArrayBuffer's start) of the elements an array reaches, sorted and unique; null if too many. */
export function reachedBytes(a: NDArray): Float64Array | null {
  if (a.size > ENUMERATE_LIMIT) return null;
  const base = a.data.byteOffset;
  const it = a.itemsize;
  const idx = reachedDataIndices(a);
  const out = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = base + idx[i] * it;
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i];
  return out.subarray(0, n);
}

/** [lo, hi) relative to the ArrayBuffer's start. */
export function bufferRange(a: NDArray): [number, number] {
  const [lo, hi] = byteRange(a);
  return [lo + a.data.byteOffset, hi + a.data.byteOffset];
}

/**
 * Whether `a` and `b` share memory.
 *
 * @example
 * const a = np.arange(10);
 * sharing(a, a.get("::2"), ...) // "yes"
 * sharing(a.get("::2"), a.get("1::2"), ...) // "no"  (interleaved, disjoint)
 */
export function sharing(a: NDArray, b: NDArray, ra: Float64Array | null, rb: Float64Array | null): Sharing {
  if (a.data.buffer !== b.data.buffer || a.size === 0 || b.size === 0) return "no";
  const [alo, ahi] = bufferRange(a);
  const [blo, bhi] = bufferRange(b);
  if (ahi <= blo || bhi <= alo) return "no";
  if (ra === null || rb === null) return "maybe";
  // merge two sorted lists of intervals [p, p + itemsize)
  const ia = a.itemsize;
  const ib = b.itemsize;
  let i = 0;
  let j = 0;
  while (i < ra.length && j < rb.length) {
    const s = ra[i];
    const t = rb[j];
    if (s < t + ib && t < s + ia) return "yes";
    if (s + ia <= t) i++;
    else j++;
  }
  return "no";
}
