/**
 * `np.shares_memory`, `np.may_share_memory`, `np.byte_bounds`: which bytes arrays reach.
 *
 * Rule: two arrays can only share memory when they view the same ArrayBuffer; within one
 * buffer, overlap is decided by the exact solver in overlap.ts (NumPy's mem_overlap.c).
 * `shares_memory` is exact by default and raises TooHardError past `max_work`;
 * `may_share_memory` only compares the byte extents unless given `max_work`, and answers true
 * when it cannot tell (as NumPy does). Cost: O(ndim) for extents; see overlap.ts for the search.
 */
import { TooHardError, ValueError } from "../core/errors.js";
import { isCContiguous } from "../core/flags.js";
import { NDArray } from "../core/ndarray.js";
import { solveMayShareMemory, type Overlap } from "./overlap.js";

/** Options of `shares_memory` / `may_share_memory`. */
export interface ShareOptions {
  /** -1: exact; 0: extents only; n > 0: give up after n candidate solutions. */
  max_work?: number | null;
}

function work(opts: ShareOptions | undefined, dflt: number): number {
  const w = opts?.max_work ?? dflt;
  if (!Number.isInteger(w) || w < -2) throw new ValueError("Invalid value for max_work");
  return w === -2 ? 0 : w;
}

/**
 * The solver's named answer for two arrays ("yes" | "no" | "too-hard").
 *
 * @example
 * const a = np.arange(6);
 * overlap(a.get("::2"), a.get("1::2")) // "no"
 */
export function overlap(a: NDArray, b: NDArray, maxWork: number = -1): Overlap {
  return solveMayShareMemory(a, b, maxWork);
}

/**
 * Whether `a` and `b` have an element byte in common, decided exactly (NumPy's
 * `np.shares_memory`). Raises TooHardError when `max_work` is exceeded.
 *
 * @example
 * const a = np.arange(10);
 * np.shares_memory(a, a.get("2:6")) // true
 * np.shares_memory(a.get("::2"), a.get("1::2")) // false (interleaved, no common element)
 * np.shares_memory(a, a.copy()) // false
 */
export function shares_memory(a: NDArray, b: NDArray, options?: ShareOptions | number): boolean {
  // max_work is also NumPy's third positional argument
  const r = solveMayShareMemory(a, b, work(typeof options === "number" ? { max_work: options } : options, -1));
  if (r === "too-hard") throw new TooHardError("Exceeded max_work");
  return r === "yes";
}

/**
 * Whether `a` and `b` might share memory: by default only whether their byte ranges overlap
 * (NumPy's `np.may_share_memory`); true when unsure.
 *
 * @example
 * const a = np.arange(10);
 * np.may_share_memory(a.get("::2"), a.get("1::2")) // true (ranges overlap)
 * np.may_share_memory(a.get("::2"), a.get("1::2"), { max_work: -1 }) // false
 */
export function may_share_memory(a: NDArray, b: NDArray, options?: ShareOptions | number): boolean {
  const r = solveMayShareMemory(a, b, work(typeof options === "number" ? { max_work: options } : options, 0));
  return r !== "no";
}

/**
 * [low, high): the byte offsets within `a.data.buffer` from the lowest byte `a` reaches to one
 * past the highest (NumPy's `np.byte_bounds`, which returns addresses; ours are offsets into
 * the ArrayBuffer, so arrays over one buffer compare directly).
 *
 * @example
 * const a = np.arange(10);            // int32
 * np.byte_bounds(a.get("2:5"))        // [8, 20]
 * np.byte_bounds(a.get("::-1"))       // [0, 40]
 */
export function byte_bounds(a: NDArray): [number, number] {
  let low = a.data.byteOffset + a.offset;
  let high = low;
  if (isCContiguous(a.shape, a.strides, a.itemsize)) high += a.size * a.itemsize;
  else {
    for (let i = 0; i < a.ndim; i++) {
      const span = (a.shape[i] - 1) * a.strides[i];
      if (a.strides[i] < 0) low += span;
      else high += span;
    }
    high += a.itemsize;
  }
  return [low, high];
}
