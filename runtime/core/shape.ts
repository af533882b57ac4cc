/**
 * Shapes and strides: checking a user's shape, the contiguous strides of a shape, and the two
 * ways NumPy prints a shape (`(2, 3)` as a tuple, `(2,3)` in ufunc broadcast errors).
 *
 * Rule: C-order strides are s[n-1] = itemsize, s[i] = s[i+1] * max(shape[i+1], 1);
 * F-order strides are s[0] = itemsize, s[i] = s[i-1] * max(shape[i-1], 1) (NumPy's
 * `_array_fill_strides`, which treats zero-length axes as length 1 for the strides). O(ndim).
 */
import { AxisError, ValueError } from "./errors.js";

/** A memory order: row-major `C` or column-major `F`. */
export type Order = "C" | "F";
/** Orders accepted where NumPy accepts `A` (F if the source is F-contiguous) and `K` (keep). */
export type OrderAK = "C" | "F" | "A" | "K";

/** A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`. @example formatShape([2, 3]) // "(2, 3)" */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** A shape as NumPy's ufunc errors print it: `(3,)`, `(2,3)`. @example formatShapeCompact([2, 3]) // "(2,3)" */
export function formatShapeCompact(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** Product of the lengths. @example shapeSize([2, 3]) // 6 */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * Check a shape given by a user (a number or an array of numbers) and return it as an array.
 *
 * @example
 * toShape(3) // [3]
 * toShape([2, -1]) // throws ValueError: negative dimensions are not allowed
 */
export function toShape(shape: unknown): number[] {
  const list = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(list)) throw new TypeError(`expected a sequence of integers or a single integer, got '${String(shape)}'`);
  const out: number[] = [];
  for (const d of list) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new TypeError(`expected a sequence of integers or a single integer, got '${String(d)}'`);
    }
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
    out.push(d);
  }
  return out;
}

/** Check an order string. @example toOrder("f", ["C", "F"], "C") // "F" */
export function toOrder<T extends string>(order: unknown, allowed: readonly T[], dflt: T): T {
  if (order === undefined || order === null) return dflt;
  if (typeof order === "string" && (allowed as readonly string[]).includes(order.toUpperCase())) return order.toUpperCase() as T;
  const names = allowed.map((o) => `'${o}'`);
  const list = names.length === 2 ? `${names[0]} or ${names[1]}` : `${names.slice(0, -1).join(", ")}, or ${names[names.length - 1]}`;
  throw new ValueError(`order must be one of ${list} (got '${String(order)}')`);
}

/**
 * The strides (bytes) of a fresh contiguous array.
 *
 * @example
 * contiguousStrides([2, 3], 8, "C") // [24, 8]
 * contiguousStrides([2, 3], 8, "F") // [8, 16]
 */
export function contiguousStrides(shape: readonly number[], itemsize: number, order: Order): number[] {
  const n = shape.length;
  const strides = new Array<number>(n);
  let s = itemsize;
  if (order === "C") {
    for (let i = n - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
  } else {
    for (let i = 0; i < n; i++) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
  }
  return strides;
}

/**
 * An axis given by a user, checked and made non-negative.
 *
 * @example
 * normalizeAxis(-1, 3) // 2
 * normalizeAxis(3, 3) // throws AxisError: axis 3 is out of bounds for array of dimension 3
 */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`'${String(axis)}' cannot be interpreted as an integer axis`);
  if (axis < -ndim || axis >= ndim) throw new AxisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}
