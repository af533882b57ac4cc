/**
 * Slice normalisation, exactly CPython's PySlice_Unpack + PySlice_AdjustIndices.
 *
 * Rule: step defaults to 1 (0 is a ValueError); a missing start is 0 (or length-1 for a negative
 * step), a missing stop is length (or "before 0" for a negative step); negative values count
 * from the end; values are then clamped into range; the count is
 * ceil((stop - start) / step) when positive, else 0. O(1).
 */
import { ValueError } from "../core/errors.js";

/** A normalised slice: first index, step, and element count. */
export interface SliceIndices {
  start: number;
  step: number;
  length: number;
}

/**
 * Normalise `start:stop:step` against an axis of `length`.
 *
 * @example
 * adjustSlice(null, null, -1, 4) // { start: 3, step: -1, length: 4 }
 * adjustSlice(1, 100, 2, 4) // { start: 1, step: 2, length: 2 }
 */
export function adjustSlice(start: number | null, stop: number | null, step: number | null, length: number): SliceIndices {
  const st = step ?? 1;
  if (st === 0) throw new ValueError("slice step cannot be zero");
  let a = start ?? (st < 0 ? Infinity : 0);
  let b = stop ?? (st < 0 ? -Infinity : Infinity);
  if (a < 0) {
    a += length;
    if (a < 0) a = st < 0 ? -1 : 0;
  } else if (a >= length) a = st < 0 ? length - 1 : length;
  if (b < 0) {
    b += length;
    if (b < 0) b = st < 0 ? -1 : 0;
  } else if (b >= length) b = st < 0 ? length - 1 : length;
  let n = 0;
  if (st < 0) {
    if (b < a) n = Math.floor((a - b - 1) / -st) + 1;
  } else if (a < b) n = Math.floor((b - a - 1) / st) + 1;
  return { start: a, step: st, length: n };
}
