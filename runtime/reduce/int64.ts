/**
 * Reductions of int64/uint64 arrays: exact BigInt folds (sum and prod wrap modulo 2^64 as
 * NumPy's int64 loops do; max and min compare exactly).
 *
 * Rule: the result (`res`, a BigInt64Array/BigUint64Array) is folded element by element in the
 * reduction's iteration order (walk.ts `reduceSpace`); integer addition and multiplication
 * modulo 2^64 do not depend on that order, so every order gives NumPy's answer. The store into
 * the result's typed array wraps to 64 bits after each step. Inputs of another dtype (an int32
 * array summed with `{ dtype: "int64" }`) are cast first (core/cast.ts).
 * These loops stay JavaScript. Cost: O(size) BigInt operations.
 */
import { isBigDType, type BigDType } from "../core/dtype.js";
import { copyInto } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import { reduceSpace } from "./walk.js";

/** The binary operation of a bigint fold. */
export type BigFold = (acc: bigint, v: bigint) => bigint;

/** Folds by name: sum, prod, max, min. */
export const BIG_FOLDS: Readonly<Record<"sum" | "prod" | "max" | "min", BigFold>> = {
  sum: (p, v) => p + v,
  prod: (p, v) => p * v,
  max: (p, v) => (p >= v ? p : v),
  min: (p, v) => (p <= v ? p : v),
};

/**
 * Fold `x` over the reduced axes `red` into `res` (keepdims shape, int64/uint64). With `seed`,
 * the first element of each result is taken as is (max/min have no identity); without it,
 * `res` already holds the identity (0 for sum, 1 for prod).
 *
 * @example
 * const res = np.zeros([1], { dtype: "int64" });
 * bigFoldInto(np.array([1n, 2n]), res, [true], BIG_FOLDS.sum, null);
 * res // array([3], dtype=int64)
 */
export function bigFoldInto(x0: NDArray, res: NDArray, red: readonly boolean[], f: BigFold, seed: Uint8Array | null): void {
  let x = x0;
  if (x.dtype !== res.dtype) {
    x = newArray(x0.shape, res.dtype as BigDType, "C", false);
    copyInto(x, x0);
  }
  if (!isBigDType(res.dtype)) throw new TypeError(`bigFoldInto needs an int64/uint64 result, got ${res.dtype}`);
  const ins = x.strides.map((s) => s / x.itemsize);
  const outs = res.strides.map((s, i) => (red[i] ? 0 : s / res.itemsize));
  const sp = reduceSpace(x.shape, ins, outs, x.offset / x.itemsize, 0);
  if (sp.size === 0) return;
  const inp = x.data as BigInt64Array; // reads are bigints for BigUint64Array too
  const out = res.data as BigInt64Array; // the store wraps to res's own 64 bits
  const { dims, inStrides: is, outStrides: os } = sp;
  const nd = dims.length;
  const counter = new Array<number>(nd).fill(0);
  let inIdx = sp.inStart;
  let outIdx = sp.outStart;
  for (;;) {
    for (let j = 0, p = inIdx, q = outIdx; j < dims[0]; j++, p += is[0], q += os[0]) {
      if (seed !== null && seed[q] === 0) {
        seed[q] = 1;
        out[q] = inp[p];
      } else out[q] = f(out[q], inp[p]);
    }
    let d = 1;
    for (; d < nd; d++) {
      inIdx += is[d];
      outIdx += os[d];
      if (++counter[d] < dims[d]) break;
      inIdx -= is[d] * dims[d];
      outIdx -= os[d] * dims[d];
      counter[d] = 0;
    }
    if (d >= nd) return;
  }
}
