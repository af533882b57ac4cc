/**
 * `np.copyto(dst, src, { where, casting })`: NumPy's copy into an existing array.
 *
 * Rule (numpy/core/src/multiarray/multiarraymodule.c `array_copyto`): `src` broadcasts to
 * `dst.shape`; its dtype must cast to `dst.dtype` under `casting` (default same_kind; a JS number
 * is a weak scalar, NEP 50: an integer beside an integer dtype must fit it); where `where` is
 * false `dst` keeps its value; `src` overlapping `dst` is read completely first. Returns nothing.
 * Cost: O(dst.size).
 */
import { DTYPES } from "../core/dtype.js";
import { scalarFor } from "../core/iterate.js";
import { ValueError } from "../core/errors.js";
import { assignBroadcastError, broadcastStrides } from "../core/broadcast.js";
import { boundsOverlap, contiguousCopy, copyInto } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { maskedCopy } from "./apply.js";
import { canCast, weakScalarDType, type Casting } from "./promote.js";

/** Options of `np.copyto`. */
export interface CopytoOptions {
  /** NumPy's casting rule (default "same_kind"). */
  casting?: Casting;
  /** Bool mask broadcast to `dst`: copy only where true. */
  where?: ArrayLike;
}

/**
 * Copy `src` into `dst` with broadcasting, NumPy's casting check and an optional mask.
 *
 * @example
 * const a = np.zeros(3, { dtype: "int32" });
 * np.copyto(a, 7);                    // a is [7 7 7]
 * np.copyto(a, np.array([1, 2, 3]), { where: np.array([true, false, true]) }); // a is [1 7 3]
 * np.copyto(a, 2.5)                   // throws TypeError: Cannot cast scalar from dtype('float64') to dtype('int32') according to the rule 'same_kind'
 */
export function copyto(dst: NDArray, src: ArrayLike, options?: CopytoOptions): void {
  const casting = options?.casting ?? "same_kind";
  if (!dst._writeable) throw new ValueError("assignment destination is read-only");
  let s: NDArray;
  if (typeof src === "number" || typeof src === "bigint") {
    const t = weakScalarDType(src, [dst.dtype]);
    if (!canCast(t, dst.dtype, casting)) throw new TypeError(`Cannot cast scalar from dtype('${t}') to dtype('${dst.dtype}') according to the rule '${casting}'`);
    const data = new DTYPES[t].ctor(1);
    (data as unknown as (number | bigint)[])[0] = scalarFor(src, t);
    s = new NDArray({ data, dtype: t, shape: [], strides: [], offset: 0, base: null, writeable: false });
  } else {
    s = asarray(src);
    if (!canCast(s.dtype, dst.dtype, casting)) {
      throw new TypeError(`Cannot cast array data from dtype('${s.dtype}') to dtype('${dst.dtype}') according to the rule '${casting}'`);
    }
  }
  const where = options?.where;
  if (where === undefined || where === true) {
    copyInto(dst, s);
    return;
  }
  const mask = where === false ? asarray(false) : asarray(where);
  if (mask.dtype !== "bool") throw new TypeError(`Cannot cast array data from dtype('${mask.dtype}') to dtype('bool') according to the rule 'safe'`);
  // NumPy drops leading length-1 axes of a source with more axes than the destination
  while (s.ndim > dst.ndim && s.shape[0] === 1) {
    s = new NDArray({ data: s.data, dtype: s.dtype, shape: s.shape.slice(1), strides: s.strides.slice(1), offset: s.offset, base: s.base ?? s, writeable: false });
  }
  if (broadcastStrides(s, dst.shape) === null) throw assignBroadcastError(s.shape, dst.shape);
  if (broadcastStrides(mask, dst.shape) === null) throw assignBroadcastError(mask.shape, dst.shape);
  if (boundsOverlap(s, dst)) s = contiguousCopy(s);
  maskedCopy(dst, s, boundsOverlap(mask, dst) ? contiguousCopy(mask) : mask);
}
