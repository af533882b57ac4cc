/**
 * The `size` argument of NumPy's random functions: nothing (one number back), a number, or a shape;
 * and the one way every double-valued draw honours it (`sizedDoubles`).
 */
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";

/** A random function's `size`: a length, a shape, or nothing for a single number. */
export type Size = number | readonly number[] | null | undefined;

/** A `size` that asks for an array: a length or a shape. */
export type ArraySize = number | readonly number[];

/**
 * The shape `size` asks for, or null for "return one number". A negative length is refused unless
 * `allowNegative` (choice meets it later, where NumPy does).
 *
 * @example
 * sizeShape(3) // [3]
 * sizeShape([2, 3]) // [2, 3]
 * sizeShape(undefined) // null
 */
export function sizeShape(size: Size, allowNegative = false): number[] | null {
  if (size === null || size === undefined) return null;
  const shape = typeof size === "number" ? [size] : Array.from(size);
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer: size must be whole numbers`);
    if (d < 0 && !allowNegative) throw new ValueError("negative dimensions are not allowed");
  }
  return shape;
}

/**
 * What a double-valued random function returns for `size`: one `draw()` when `size` is absent,
 * else a float64 array of that shape filled with draws in C order (the order NumPy consumes the
 * stream in, so the numbers match NumPy's for the same seed).
 *
 * @example
 * sizedDoubles(undefined, () => 0.5) // 0.5
 * sizedDoubles([2], () => 0.5) // array([0.5, 0.5])
 */
export function sizedDoubles(size: Size, draw: () => number): number | NDArray {
  const shape = sizeShape(size);
  if (shape === null) return draw();
  const out = newArray(shape, "float64");
  const d = out.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = draw();
  return out;
}

/** Python's `OverflowError`, as NumPy raises for a uniform range that is not finite. */
export class OverflowError extends Error {
  override name = "OverflowError";
}
