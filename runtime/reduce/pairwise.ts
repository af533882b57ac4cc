/**
 * NumPy's pairwise summation, bit for bit.
 *
 * Rule (numpy/core/src/umath/loops_utils.h.src `@TYPE@_pairwise_sum`): for n < 8 a plain loop
 * from 0; for n <= 128 (PW_BLOCKSIZE) eight accumulators r[0..7] seeded with the first eight
 * elements, each adding every eighth element, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)),
 * then the tail added one by one; above 128 the run splits at n2 = floor(n/2) rounded down to a
 * multiple of 8 and the two halves' sums are added. Error grows as O(log n) instead of O(n).
 * float32 runs round every addition to float32 (Math.fround), as NumPy's float loop does.
 * Integer values (|sum| < 2^53 per run of <= 8192) are summed exactly.
 * Cost: O(n), no allocation, recursion depth O(log n).
 */
import type { TypedArray } from "../core/dtype.js";
import { MIN_RUN, wasmPairwiseSumF32, wasmPairwiseSumF64 } from "../wasm/loops.js";

const PW_BLOCKSIZE = 128;

/**
 * Sum of d[i0], d[i0+s], ..., d[i0+(n-1)s] in NumPy's pairwise order, in double precision.
 *
 * @example
 * pairwiseSum(new Float64Array([1, 2, 3]), 0, 3, 1) // 6
 */
export function pairwiseSum(d: TypedArray, i0: number, n: number, s: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[i0 + i * s];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = d[i0];
    let r1 = d[i0 + s];
    let r2 = d[i0 + 2 * s];
    let r3 = d[i0 + 3 * s];
    let r4 = d[i0 + 4 * s];
    let r5 = d[i0 + 5 * s];
    let r6 = d[i0 + 6 * s];
    let r7 = d[i0 + 7 * s];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = i0 + i * s;
      r0 += d[p];
      r1 += d[p + s];
      r2 += d[p + 2 * s];
      r3 += d[p + 3 * s];
      r4 += d[p + 4 * s];
      r5 += d[p + 5 * s];
      r6 += d[p + 6 * s];
      r7 += d[p + 7 * s];
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += d[i0 + i * s];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(d, i0, n2, s) + pairwiseSum(d, i0 + n2 * s, n - n2, s);
}

/**
 * The same sum on contiguous float64 data (stride 1): the hot path of `np.sum`.
 *
 * @example
 * pairwiseSumF64(new Float64Array([0.1, 0.2, 0.3]), 0, 3) // 0.6000000000000001
 */
export function pairwiseSumF64(d: Float64Array, i0: number, n: number): number {
  if (n >= MIN_RUN) {
    // the same additions in the same order, in wasm SIMD when the run lives in wasm memory (runtime/wasm/loops.ts)
    const r = wasmPairwiseSumF64(d, i0, n);
    if (r !== undefined) return r;
  }
  return pairwiseSumF64JS(d, i0, n);
}

/** pairwiseSumF64 in JavaScript (the recursion). */
function pairwiseSumF64JS(d: Float64Array, i0: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += d[i0 + i];
    return res;
  }
  if (n <= PW_BLOCKSIZE) return leafF64(d, i0, n);
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  // both halves are leaves (8 <= length <= 128): sum them here, one call fewer per pair of
  // leaves (measured: 1e6 elements 505 -> 445 us); the additions are the same, in the same order
  if (n - n2 <= PW_BLOCKSIZE) return leafF64(d, i0, n2) + leafF64(d, i0 + n2, n - n2);
  return pairwiseSumF64JS(d, i0, n2) + pairwiseSumF64JS(d, i0 + n2, n - n2);
}

/** NumPy's leaf for 8 <= n <= 128: eight accumulators, combined pairwise, then the tail. */
function leafF64(d: Float64Array, i0: number, n: number): number {
  let r0 = d[i0];
  let r1 = d[i0 + 1];
  let r2 = d[i0 + 2];
  let r3 = d[i0 + 3];
  let r4 = d[i0 + 4];
  let r5 = d[i0 + 5];
  let r6 = d[i0 + 6];
  let r7 = d[i0 + 7];
  const end = i0 + n - (n % 8);
  let p = i0 + 8;
  for (; p < end; p += 8) {
    r0 += d[p];
    r1 += d[p + 1];
    r2 += d[p + 2];
    r3 += d[p + 3];
    r4 += d[p + 4];
    r5 += d[p + 5];
    r6 += d[p + 6];
    r7 += d[p + 7];
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (; p < i0 + n; p++) res += d[p];
  return res;
}

/**
 * The pairwise sum in float32 arithmetic (every addition rounded to float32).
 *
 * @example
 * pairwiseSumF32(new Float32Array([0.1, 0.2]), 0, 2, 1) // 0.30000001192092896
 */
export function pairwiseSumF32(d: Float32Array, i0: number, n: number, s: number): number {
  if (s === 1 && n >= MIN_RUN) {
    // the same float32 additions in the same order, in wasm SIMD when the run lives in wasm memory
    const r = wasmPairwiseSumF32(d, i0, n);
    if (r !== undefined) return r;
  }
  return pairwiseSumF32JS(d, i0, n, s);
}

/** pairwiseSumF32 in JavaScript (the recursion). @example pairwiseSumF32JS(new Float32Array([1, 2]), 0, 2, 1) // 3 */
export function pairwiseSumF32JS(d: Float32Array, i0: number, n: number, s: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + d[i0 + i * s]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = d[i0];
    let r1 = d[i0 + s];
    let r2 = d[i0 + 2 * s];
    let r3 = d[i0 + 3 * s];
    let r4 = d[i0 + 4 * s];
    let r5 = d[i0 + 5 * s];
    let r6 = d[i0 + 6 * s];
    let r7 = d[i0 + 7 * s];
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = i0 + i * s;
      r0 = f(r0 + d[p]);
      r1 = f(r1 + d[p + s]);
      r2 = f(r2 + d[p + 2 * s]);
      r3 = f(r3 + d[p + 3 * s]);
      r4 = f(r4 + d[p + 4 * s]);
      r5 = f(r5 + d[p + 5 * s]);
      r6 = f(r6 + d[p + 6 * s]);
      r7 = f(r7 + d[p + 7 * s]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + d[i0 + i * s]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSumF32JS(d, i0, n2, s) + pairwiseSumF32JS(d, i0 + n2 * s, n - n2, s));
}
