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
import type { KindFrom, KindOf, RankOf, ShapeRank } from "../core/rank.js";

/** The rank of a `*_like` result: the prototype's, or that of `{ shape }`. */
type LikeRank<A, O> = O extends { shape: infer S } ? ShapeRank<S> : RankOf<A>;

/** Options of the `*_like` functions. */
export interface LikeOptions {
  dtype?: DType;
  order?: OrderAK;
  shape?: number | readonly number[];
}

function like(proto: ArrayLike, options: LikeOptions | DType | undefined, fill: ArrayLike | null): NDArray {
  const p = asarray(proto);
  const opts = typeof options === "string" ? { dtype: options } : options;
  const out = newLike(p, optOrderAK(opts, "K"), optDType(opts, p.dtype), opts?.shape === undefined ? undefined : toShape(opts.shape));
  if (fill === null || fill === 0 || fill === false) return out;
  copyInto(out, typeof fill === "number" || typeof fill === "boolean" ? fill : asarray(fill));
  return out;
}

/**
 * A new array shaped like `a` (zero-filled here), in `a`'s memory order.
 *
 * @example
 * np.empty_like(np.zeros([2, 3]).T).flags.f_contiguous // true
 */
export function empty_like<A extends ArrayLike, const O extends LikeOptions | DType | undefined = undefined>(a: A, options?: O): NDArray<LikeRank<A, O>, KindFrom<O, KindOf<A>>> {
  return like(a, options, null) as never;
}

/**
 * Zeros shaped like `a`.
 *
 * @example
 * np.zeros_like(np.arange(3)).tolist() // [0, 0, 0]
 */
export function zeros_like<A extends ArrayLike, const O extends LikeOptions | DType | undefined = undefined>(a: A, options?: O): NDArray<LikeRank<A, O>, KindFrom<O, KindOf<A>>> {
  return like(a, options, 0) as never;
}

/**
 * Ones shaped like `a`.
 *
 * @example
 * np.ones_like(np.arange(3), { dtype: "float32" }).dtype // "float32"
 */
export function ones_like<A extends ArrayLike, const O extends LikeOptions | DType | undefined = undefined>(a: A, options?: O): NDArray<LikeRank<A, O>, KindFrom<O, KindOf<A>>> {
  return like(a, options, 1) as never;
}

/**
 * `fill_value` everywhere, shaped like `a`, with `a`'s dtype unless told (as NumPy: the value is cast).
 *
 * @example
 * np.full_like(np.arange(3), 2.7).tolist() // [2, 2, 2]
 */
export function full_like<A extends ArrayLike, const O extends LikeOptions | DType | undefined = undefined>(a: A, fill_value: ArrayLike, options?: O): NDArray<LikeRank<A, O>, KindFrom<O, KindOf<A>>> {
  return like(a, options, fill_value) as never;
}

/**
 * A copy of `a` (NumPy's `np.copy(a, order='K')`): new memory, same values.
 *
 * @example
 * const a = np.arange(3);
 * np.copy(a).base // null
 * np.shares_memory(a, np.copy(a)) // false
 */
export function copy<A extends ArrayLike>(a: A, options?: { order?: OrderAK } | OrderAK): NDArray<RankOf<A>, KindOf<A>> {
  const p = asarray(a);
  const out = newLike(p, optOrderAK(typeof options === "string" ? { order: options } : options, "K"));
  copyInto(out, p);
  return out as never;
}
