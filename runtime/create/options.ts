/**
 * The options objects of the creation functions (NumPy's keyword arguments) and their checks.
 */
import { toDType, type DType } from "../core/dtype.js";
import { toOrder, type Order, type OrderAK } from "../core/shape.js";

/** `{ dtype, order }` as NumPy's `np.zeros(shape, dtype=None, order='C')`. */
export interface CreateOptions {
  dtype?: DType;
  order?: Order;
}

/** `{ dtype, order }` where order may also be `A` or `K` (copies, `*_like`, `np.array`). */
export interface CopyOptions {
  dtype?: DType;
  order?: OrderAK;
}

/** `np.array`'s keywords: `{ dtype, order }` plus `copy` (false: only when needed) and `ndmin`. */
export interface ArrayOptions extends CopyOptions {
  copy?: boolean;
  ndmin?: number;
}

/**
 * The dtype from options (or a dtype string passed in its place), else `dflt`.
 *
 * @example
 * optDType({ dtype: "int8" }, "float64") // "int8"
 */
export function optDType(opts: { dtype?: unknown } | string | undefined, dflt: DType): DType {
  if (typeof opts === "string") return toDType(opts);
  if (opts === undefined || opts === null || opts.dtype === undefined || opts.dtype === null) return dflt;
  return toDType(opts.dtype);
}

/**
 * The `C`/`F` order from options.
 *
 * @example
 * optOrder({ order: "F" }) // "F"
 */
export function optOrder(opts: { order?: unknown } | string | undefined): Order {
  if (typeof opts !== "object" || opts === null) return "C";
  return toOrder(opts.order, ["C", "F"] as const, "C");
}

/**
 * The `C`/`F`/`A`/`K` order from options.
 *
 * @example
 * optOrderAK(undefined, "K") // "K"
 */
export function optOrderAK(opts: { order?: unknown } | string | undefined, dflt: OrderAK): OrderAK {
  if (typeof opts !== "object" || opts === null) return dflt;
  return toOrder(opts.order, ["C", "F", "A", "K"] as const, dflt);
}
