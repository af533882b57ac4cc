/**
 * `np.ascontiguousarray`, `np.asfortranarray`, `np.require`, `np.isfortran`, `np.broadcast_to`.
 *
 * Rule (NumPy 1.24: `np.array(a, dtype, copy=False, order=..., ndmin=1)`): the SAME object when
 * it already has the dtype and is contiguous in that order; otherwise a copy in that order.
 * A 0-d input becomes a 1-d array of length 1 (a view of it, as NumPy's ndmin=1 does).
 * require (numpy/core/_asarray.py): `np.array(a, dtype, order, copy=False)` with order C or F when
 * asked ('A' otherwise), then one copy in that order if a flag asked for (OWNDATA, WRITEABLE,
 * ALIGNED) is missing. ENSUREARRAY changes nothing here (no subclasses).
 * broadcast_to: see core/broadcast.ts. Cost: O(1) or one copy.
 */
import { toDType, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { broadcastTo } from "../core/broadcast.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { copyInto } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { type Order } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { isFortran } from "../create/layout.js";
import type { KindFrom, KindOf, RankMax, RankOf, ShapeRank } from "../core/rank.js";

function asOrdered(x: ArrayLike, order: Order, options?: { dtype?: DType }): NDArray {
  let a = asarray(x);
  const dtype = options?.dtype === undefined ? a.dtype : toDType(options.dtype);
  const fits = order === "C" ? isCContiguous(a.shape, a.strides, a.itemsize) : isFContiguous(a.shape, a.strides, a.itemsize);
  if (!fits || dtype !== a.dtype) {
    const out = newArray(a.shape, dtype, order, false); // unfilled: copyInto writes every element
    copyInto(out, a);
    a = out;
  }
  if (a.ndim === 0) return viewOf(a, [1], [a.itemsize], a.offset);
  return a;
}

/**
 * `a` itself when C-contiguous (row-major) with the dtype asked, else a C-contiguous copy.
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * np.ascontiguousarray(a) === a // true
 * np.ascontiguousarray(a.T).flags.c_contiguous // true (a copy)
 */
export function ascontiguousarray<A extends ArrayLike, O extends { dtype?: DType } | DType | undefined = undefined>(a: A, options?: O): NDArray<RankMax<RankOf<A>, 1>, KindFrom<O, KindOf<A>>> {
  return asOrdered(a, "C", typeof options === "string" ? { dtype: options } : options) as never;
}

/**
 * `a` itself when F-contiguous (column-major) with the dtype asked, else an F-contiguous copy.
 *
 * @example
 * const a = np.arange(6).reshape(2, 3);
 * np.asfortranarray(a.T) === a.T // false (a.T makes a new view object each time)
 * np.asfortranarray(a).flags.f_contiguous // true
 */
export function asfortranarray<A extends ArrayLike, O extends { dtype?: DType } | DType | undefined = undefined>(a: A, options?: O): NDArray<RankMax<RankOf<A>, 1>, KindFrom<O, KindOf<A>>> {
  return asOrdered(a, "F", typeof options === "string" ? { dtype: options } : options) as never;
}

/**
 * Whether `a` is Fortran-ordered and not also C-ordered (NumPy's `np.isfortran`, `a.flags.fnc`):
 * false for 1-D arrays, which are both.
 *
 * @example
 * np.isfortran(np.array([[1, 2, 3], [4, 5, 6]], { order: "F" })) // true
 * np.isfortran(np.array([[1, 2, 3], [4, 5, 6]]).T) // true
 * np.isfortran(np.array([1, 2], { order: "F" })) // false
 */
export function isfortran(a: NDArray): boolean {
  if (!(a instanceof NDArray)) throw new TypeError("isfortran needs an NDArray (NumPy: 'list' object has no attribute 'flags')");
  return isFortran(a);
}

/** A flag `np.require` can ask for, NumPy's names and letters (any case is accepted). */
export type Requirement = "C" | "C_CONTIGUOUS" | "CONTIGUOUS" | "F" | "F_CONTIGUOUS" | "FORTRAN" | "A" | "ALIGNED" | "W" | "WRITEABLE" | "O" | "OWNDATA" | "E" | "ENSUREARRAY";
/** `np.require`'s keywords. */
export interface RequireOptions {
  dtype?: DType | null;
  /** Flags the result must have; a string is read letter by letter, as NumPy does. */
  requirements?: string | readonly (Requirement | Lowercase<Requirement>)[] | null;
}

const REQUIREMENT_LETTER: Record<string, string> = {
  C: "C", C_CONTIGUOUS: "C", CONTIGUOUS: "C", F: "F", F_CONTIGUOUS: "F", FORTRAN: "F", A: "A", ALIGNED: "A",
  W: "W", WRITEABLE: "W", O: "O", OWNDATA: "O", E: "E", ENSUREARRAY: "E",
};

/**
 * `a` as an array with the dtype and flags asked for, copying only when it must (NumPy's `np.require`).
 *
 * @example
 * const x = np.arange(6).reshape(2, 3);
 * const y = np.require(x, { dtype: np.float32, requirements: ["A", "O", "W", "F"] });
 * [y.flags.f_contiguous, y.flags.owndata, y.dtype] // [true, true, "float32"]
 * np.require(x, null, ["C"]) === x // true (already C-contiguous)
 * np.require(x, null, "O").flags.owndata // true (x is a view: copied)
 */
export function require_<A extends ArrayLike, const O extends RequireOptions | DType | null | undefined = undefined>(
  a: A,
  dtypeOrOptions?: O,
  requirements?: RequireOptions["requirements"],
): NDArray<RankOf<A>, KindFrom<O, KindOf<A>>> {
  const opts: RequireOptions = dtypeOrOptions !== null && typeof dtypeOrOptions === "object" ? dtypeOrOptions : { dtype: dtypeOrOptions ?? null, requirements };
  const dtype = opts.dtype === undefined || opts.dtype === null ? undefined : toDType(opts.dtype);
  const asked = opts.requirements ?? [];
  if (asked.length === 0) return asarray(a, { dtype }) as never;
  const flags = new Set<string>();
  for (const name of typeof asked === "string" ? [...asked] : asked) {
    const letter = REQUIREMENT_LETTER[String(name).toUpperCase()];
    if (letter === undefined) throw new ValueError(`unknown requirement '${String(name)}' (expected one of ${Object.keys(REQUIREMENT_LETTER).join(", ")})`);
    flags.add(letter);
  }
  if (flags.has("C") && flags.has("F")) throw new ValueError('Cannot specify both "C" and "F" order');
  const order = flags.has("C") ? "C" : flags.has("F") ? "F" : "A";
  const arr = asarray(a, { dtype, order });
  const missing = (flags.has("O") && !arr.flags.owndata) || (flags.has("W") && !arr.flags.writeable) || (flags.has("A") && !arr.flags.aligned);
  return (missing ? arr.copy(order) : arr) as never;
}

/**
 * A read-only view of `a` repeated to `shape` (stride 0 on repeated axes), NumPy's `np.broadcast_to`.
 *
 * @example
 * const b = np.broadcast_to(np.arange(3), [2, 3]);
 * b.strides // [0, 4]
 * b.set(0, 0, 5) // throws ValueError: assignment destination is read-only
 */
export function broadcast_to<A extends ArrayLike, const S extends number | readonly number[]>(a: A, shape: S | { shape: S }): NDArray<ShapeRank<S>, KindOf<A>> {
  const sh = typeof shape === "object" && !Array.isArray(shape) ? (shape as { shape: S }).shape : (shape as S);
  return broadcastTo(asarray(a), sh) as never;
}
