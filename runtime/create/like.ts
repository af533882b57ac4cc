/**
 * `np.empty_like`, `np.zeros_like`, `np.ones_like`, `np.full_like`, `np.copy`: new arrays shaped
 * like another, laid out NumPy's way (order `K` by default: the prototype's memory order; see
 * layout.ts for the rule). Cost: one allocation (+ one copy for `np.copy`).
 */
import { type DType } from "../core/dtype.js";
import { copyInto } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import { toShape, type OrderAK } from "../core/shape.js";
import { asarray, type ArrayLike } from "./array.js";
import { newLike } from "./layout.js";
import { optDType, optOrderAK } from "./options.js";

/** Options of the `*_like` functions. */
export interface LikeOptions {
  dtype?: DType;
  order?: OrderAK;
  shape?: number | readonly number[];
}

function like(proto: ArrayLike, options: LikeOptions | DType | undefined, fill: number | boolean | null): NDArray {
  const p = asarray(proto);
  const opts = typeof options === "string" ? { dtype: options } : options;
  const out = newLike(p, optOrderAK(opts, "K"), optDType(opts, p.dtype), opts?.shape === undefined ? undefined : toShape(opts.shape));
  if (fill !== null && fill !== 0 && fill !== false) copyInto(out, fill);
  return out;
}

/**
 * A new array shaped like `a` (zero-filled here), in `a`'s memory order.
 *
 * @example
 * np.empty_like(np.zeros([2, 3]).T).flags.f_contiguous // true
 */
export function empty_like(a: ArrayLike, options?: LikeOptions | DType): NDArray {
  return like(a, options, null);
}

/**
 * Zeros shaped like `a`.
 *
 * @example
 * np.zeros_like(np.arange(3)).tolist() // [0, 0, 0]
 */
export function zeros_like(a: ArrayLike, options?: LikeOptions | DType): NDArray {
  return like(a, options, 0);
}

/**
 * Ones shaped like `a`.
 *
 * @example
 * np.ones_like(np.arange(3), { dtype: "float32" }).dtype // "float32"
 */
export function ones_like(a: ArrayLike, options?: LikeOptions | DType): NDArray {
  return like(a, options, 1);
}

/**
 * `fill_value` everywhere, shaped like `a`, with `a`'s dtype unless told (as NumPy: the value is cast).
 *
 * @example
 * np.full_like(np.arange(3), 2.7).tolist() // [2, 2, 2]
 */
export function full_like(a: ArrayLike, fill_value: number | boolean, options?: LikeOptions | DType): NDArray {
  return like(a, options, fill_value);
}

/**
 * A copy of `a` (NumPy's `np.copy(a, order='K')`): new memory, same values.
 *
 * @example
 * const a = np.arange(3);
 * np.copy(a).base // null
 * np.shares_memory(a, np.copy(a)) // false
 */
export function copy(a: ArrayLike, options?: { order?: OrderAK }): NDArray {
  const p = asarray(a);
  const out = newLike(p, optOrderAK(options, "K"));
  copyInto(out, p);
  return out;
}
