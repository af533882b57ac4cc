/**
 * The `size` argument of NumPy's random functions: nothing (one number back), a number, or a shape.
 */
import { ValueError } from "../core/errors.js";

/** A random function's `size`: a length, a shape, or nothing for a single number. */
export type Size = number | readonly number[] | null | undefined;

/**
 * The shape `size` asks for, or null for "return one number".
 *
 * @example
 * sizeShape(3) // [3]
 * sizeShape([2, 3]) // [2, 3]
 * sizeShape(undefined) // null
 */
export function sizeShape(size: Size): number[] | null {
  if (size === null || size === undefined) return null;
  const shape = typeof size === "number" ? [size] : Array.from(size);
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer: size must be whole numbers`);
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return shape;
}

/** Python's `OverflowError`, as NumPy raises for a uniform range that is not finite. */
export class OverflowError extends Error {
  override name = "OverflowError";
}
