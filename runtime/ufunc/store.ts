/**
 * Storing a computed result into `out`: a masked copy (`where`), and the x86 C conversion of
 * out-of-range floats into integers where JS's modular store would differ (see apply.ts).
 * Cost: O(size).
 */
import { isBigDType, type DType, type TypedArray } from "../core/dtype.js";
import { converter } from "../core/cast.js";
import type { NDArray } from "../core/ndarray.js";
import { eachRun, elementStrides, planWalk, type WalkOp } from "./nditer.js";

/**
 * Copy `src` into `dst` where `mask` is true (both broadcast to dst's shape), casting.
 *
 * @example
 * const out = np.zeros(2), temp = np.ones(2);
 * maskedCopy(out, temp, np.array([true, false]));
 * out // array([1., 0.])
 */
export function maskedCopy(dst: NDArray, src: NDArray, mask: NDArray): void {
  const shape = dst.shape;
  const ops: WalkOp[] = [dst, src, mask].map((a) => ({ data: a.data, start: a.offset / a.itemsize, strides: elementStrides(a, shape) ?? [] }));
  const w = planWalk(shape, ops);
  const conv = converter(src.dtype, dst.dtype) ?? ((x: number | bigint) => x); // bigint <-> number casts (core/cast.ts)
  const D = dst.data as unknown as (number | bigint)[];
  const S = src.data as unknown as (number | bigint)[];
  const M = mask.data as Uint8Array;
  const toBool = dst.dtype === "bool" && !isBigDType(src.dtype);
  const [sd, ss, sm] = w.innerStrides;
  const n = w.inner;
  eachRun(w, (idx) => {
    let d = idx[0];
    let s = idx[1];
    let m = idx[2];
    for (let i = 0; i < n; i++, d += sd, s += ss, m += sm) {
      if (M[m] !== 0) D[d] = toBool ? (S[s] !== 0 ? 1 : 0) : conv(S[s]);
    }
  });
}

/** x86 C conversion of doubles to an integer dtype, applied where JS's modular store differs. 
 *
 * @example
 * const d = new Float64Array([NaN, 1.5]);
 * cFloatToInt(d, "int32");
 * d // Float64Array(2) [-2147483648, 1.5]
 */
export function cFloatToInt(d: TypedArray, to: DType): void {
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (to === "uint32") {
      if (!(Math.abs(x) < 2 ** 63)) d[i] = 0;
    } else if (!(x > -2147483649 && x < 2147483648)) d[i] = to === "int32" ? -2147483648 : 0;
  }
}

