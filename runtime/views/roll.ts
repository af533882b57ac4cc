/**
 * `np.roll`: a new array with elements shifted cyclically along axes.
 *
 * Rule (numpy/core/numeric.py, NumPy 1.24): without an axis, `roll(a.ravel(), shift, 0)
 * .reshape(a.shape)` (so the result is a view of a new 1-d array); with axes, `shift` and `axis`
 * broadcast together (shifts on the same axis add up), each shift is taken modulo the axis
 * length, and the result is `empty_like(a)` (a's memory order) filled from at most two slabs per
 * axis. Cost: O(size).
 */
import { ValueError } from "../core/errors.js";
import { copyInto } from "../core/iterate.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { newLike } from "../create/layout.js";
import { adjustSlice } from "../indexing/slice.js";
import { isOptions, normalizeAxisTuple } from "./args.js";
import { ravelArray } from "./ravel.js";
import { reshapeArray } from "./reshape.js";

/** `a[start:stop]` along `axis` (Python slice rules, step 1), a view. */
function along(a: NDArray, axis: number, start: number | null, stop: number | null): NDArray {
  const s = adjustSlice(start, stop, 1, a.shape[axis]);
  const shape = a.shape.slice();
  shape[axis] = s.length;
  return viewOf(a, shape, a.strides, s.length > 0 ? a.offset + s.start * a.strides[axis] : a.offset);
}

function shapeMismatch(n0: number, n1: number): ValueError {
  return new ValueError(
    `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${n0},) and arg 1 with shape (${n1},).`,
  );
}

/** Options of `np.roll`. */
export interface RollOptions {
  axis?: number | readonly number[] | null;
}

/**
 * Shift elements cyclically by `shift` along `axis` (the flattened array when no axis): a new array.
 *
 * @example
 * np.roll(np.arange(10), 2) // array([8, 9, 0, 1, 2, 3, 4, 5, 6, 7])
 * np.roll(np.arange(10), -2).tolist() // [2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
 * const x2 = np.arange(10).reshape(2, 5);
 * np.roll(x2, 1, { axis: 1 }) // array([[4, 0, 1, 2, 3], [9, 5, 6, 7, 8]])
 * np.roll(x2, [1, 1], [1, 0]).tolist() // [[9, 5, 6, 7, 8], [4, 0, 1, 2, 3]]
 */
export function roll(a: ArrayLike, shift: number | readonly number[], axis?: number | readonly number[] | null | RollOptions): NDArray {
  const arr = asarray(a);
  const ax = isOptions(axis) ? (axis as RollOptions).axis : (axis as number | readonly number[] | null | undefined);
  if (ax === undefined || ax === null) return reshapeArray(roll(ravelArray(arr, "C"), shift, 0), arr.shape);
  const axes = normalizeAxisTuple(ax, arr.ndim, undefined, true);
  const shifts = typeof shift === "number" ? [shift] : shift.slice();
  const scalarAxis = typeof ax === "number";
  const scalarShift = typeof shift === "number";
  let pairs: [number, number][];
  if (scalarShift) pairs = axes.map((x) => [shifts[0], x]);
  else if (scalarAxis) pairs = shifts.map((s) => [s, axes[0]]);
  else {
    const n = Math.max(shifts.length, axes.length);
    if (shifts.length !== axes.length && shifts.length !== 1 && axes.length !== 1) throw shapeMismatch(shifts.length, axes.length);
    pairs = Array.from({ length: n }, (_, i) => [shifts[shifts.length === 1 ? 0 : i], axes[axes.length === 1 ? 0 : i]]);
  }
  const total = arr.shape.map(() => 0);
  for (const [s, x] of pairs) total[x] += s;
  const result = newLike(arr, "K", arr.dtype, undefined, false); // unfilled: the slabs cover it
  // per axis: [source start, source stop, result start, result stop] pieces
  const rolls = arr.shape.map((n, i) => {
    const len = n || 1;
    const off = ((total[i] % len) + len) % len;
    if (off === 0) return [[null, null, null, null]] as (number | null)[][];
    return [
      [null, -off, off, null],
      [-off, null, null, off],
    ];
  });
  const pick = new Array<number>(arr.ndim).fill(0);
  for (;;) {
    let src = arr;
    let dst = result;
    for (let i = 0; i < arr.ndim; i++) {
      const [s0, s1, d0, d1] = rolls[i][pick[i]];
      src = along(src, i, s0, s1);
      dst = along(dst, i, d0, d1);
    }
    copyInto(dst, src);
    let k = arr.ndim - 1;
    for (; k >= 0; k--) {
      if (++pick[k] < rolls[k].length) break;
      pick[k] = 0;
    }
    if (k < 0) break;
  }
  return result;
}
