/**
 * The four arithmetic loops (+ - * /) of the float64 ufuncs, unrolled for contiguous runs.
 *
 * Rule: the result is the same IEEE operation on each element as the plain strided loop (one
 * rounding per element, no reassociation), so unrolling changes speed, never bits.
 * Why this shape (measured here, 1e6 float64 elements into a reused buffer, one loaded run):
 * the plain indexed loop `o[io] = a[ia] + b[ib]` took 1.96 ms; unrolled 8x 1.38 ms; over
 * `subarray`s that start at 0, bounded by the subarray's length, 8x 0.86 ms and 16x 0.73 ms,
 * 2.7x the plain loop (V8 then checks bounds far less often). Making three subarrays costs
 * about 0.1-0.2 us, so runs shorter than UNROLL_MIN take the plain loop. An operand with stride
 * 0 (a JS number, `a * 2`) is read once. Each operator has its own loop body so V8 keeps every
 * loop monomorphic (one closure factory would share one feedback vector: megamorphic).
 * Cost: O(n) per run, three subarray objects per long contiguous run.
 */
import type { BinaryLoop } from "./kernels.js";

/** Runs shorter than this take the plain loop (subarrays cost more than they save). */
export const UNROLL_MIN = 64;

/** `o = a + b` over a strided run; contiguous runs (and a stride-0 `b`) unrolled 16x over subarrays. */
export const addLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 16);
    let i = 0;
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (; i < m; i += 16) {
        O[i] = A[i] + B[i]; O[i + 1] = A[i + 1] + B[i + 1]; O[i + 2] = A[i + 2] + B[i + 2]; O[i + 3] = A[i + 3] + B[i + 3];
        O[i + 4] = A[i + 4] + B[i + 4]; O[i + 5] = A[i + 5] + B[i + 5]; O[i + 6] = A[i + 6] + B[i + 6]; O[i + 7] = A[i + 7] + B[i + 7];
        O[i + 8] = A[i + 8] + B[i + 8]; O[i + 9] = A[i + 9] + B[i + 9]; O[i + 10] = A[i + 10] + B[i + 10]; O[i + 11] = A[i + 11] + B[i + 11];
        O[i + 12] = A[i + 12] + B[i + 12]; O[i + 13] = A[i + 13] + B[i + 13]; O[i + 14] = A[i + 14] + B[i + 14]; O[i + 15] = A[i + 15] + B[i + 15];
      }
      for (; i < O.length; i++) O[i] = A[i] + B[i];
    } else {
      const y = b[ib];
      for (; i < m; i += 16) {
        O[i] = A[i] + y; O[i + 1] = A[i + 1] + y; O[i + 2] = A[i + 2] + y; O[i + 3] = A[i + 3] + y;
        O[i + 4] = A[i + 4] + y; O[i + 5] = A[i + 5] + y; O[i + 6] = A[i + 6] + y; O[i + 7] = A[i + 7] + y;
        O[i + 8] = A[i + 8] + y; O[i + 9] = A[i + 9] + y; O[i + 10] = A[i + 10] + y; O[i + 11] = A[i + 11] + y;
        O[i + 12] = A[i + 12] + y; O[i + 13] = A[i + 13] + y; O[i + 14] = A[i + 14] + y; O[i + 15] = A[i + 15] + y;
      }
      for (; i < O.length; i++) O[i] = A[i] + y;
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia] + b[ib];
};

/** `o = a - b` over a strided run; contiguous runs (and a stride-0 `b`) unrolled 16x over subarrays. */
export const subtractLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 16);
    let i = 0;
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (; i < m; i += 16) {
        O[i] = A[i] - B[i]; O[i + 1] = A[i + 1] - B[i + 1]; O[i + 2] = A[i + 2] - B[i + 2]; O[i + 3] = A[i + 3] - B[i + 3];
        O[i + 4] = A[i + 4] - B[i + 4]; O[i + 5] = A[i + 5] - B[i + 5]; O[i + 6] = A[i + 6] - B[i + 6]; O[i + 7] = A[i + 7] - B[i + 7];
        O[i + 8] = A[i + 8] - B[i + 8]; O[i + 9] = A[i + 9] - B[i + 9]; O[i + 10] = A[i + 10] - B[i + 10]; O[i + 11] = A[i + 11] - B[i + 11];
        O[i + 12] = A[i + 12] - B[i + 12]; O[i + 13] = A[i + 13] - B[i + 13]; O[i + 14] = A[i + 14] - B[i + 14]; O[i + 15] = A[i + 15] - B[i + 15];
      }
      for (; i < O.length; i++) O[i] = A[i] - B[i];
    } else {
      const y = b[ib];
      for (; i < m; i += 16) {
        O[i] = A[i] - y; O[i + 1] = A[i + 1] - y; O[i + 2] = A[i + 2] - y; O[i + 3] = A[i + 3] - y;
        O[i + 4] = A[i + 4] - y; O[i + 5] = A[i + 5] - y; O[i + 6] = A[i + 6] - y; O[i + 7] = A[i + 7] - y;
        O[i + 8] = A[i + 8] - y; O[i + 9] = A[i + 9] - y; O[i + 10] = A[i + 10] - y; O[i + 11] = A[i + 11] - y;
        O[i + 12] = A[i + 12] - y; O[i + 13] = A[i + 13] - y; O[i + 14] = A[i + 14] - y; O[i + 15] = A[i + 15] - y;
      }
      for (; i < O.length; i++) O[i] = A[i] - y;
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia] - b[ib];
};

/** `o = a * b` over a strided run; contiguous runs (and a stride-0 `b`) unrolled 16x over subarrays. */
export const multiplyLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 16);
    let i = 0;
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (; i < m; i += 16) {
        O[i] = A[i] * B[i]; O[i + 1] = A[i + 1] * B[i + 1]; O[i + 2] = A[i + 2] * B[i + 2]; O[i + 3] = A[i + 3] * B[i + 3];
        O[i + 4] = A[i + 4] * B[i + 4]; O[i + 5] = A[i + 5] * B[i + 5]; O[i + 6] = A[i + 6] * B[i + 6]; O[i + 7] = A[i + 7] * B[i + 7];
        O[i + 8] = A[i + 8] * B[i + 8]; O[i + 9] = A[i + 9] * B[i + 9]; O[i + 10] = A[i + 10] * B[i + 10]; O[i + 11] = A[i + 11] * B[i + 11];
        O[i + 12] = A[i + 12] * B[i + 12]; O[i + 13] = A[i + 13] * B[i + 13]; O[i + 14] = A[i + 14] * B[i + 14]; O[i + 15] = A[i + 15] * B[i + 15];
      }
      for (; i < O.length; i++) O[i] = A[i] * B[i];
    } else {
      const y = b[ib];
      for (; i < m; i += 16) {
        O[i] = A[i] * y; O[i + 1] = A[i + 1] * y; O[i + 2] = A[i + 2] * y; O[i + 3] = A[i + 3] * y;
        O[i + 4] = A[i + 4] * y; O[i + 5] = A[i + 5] * y; O[i + 6] = A[i + 6] * y; O[i + 7] = A[i + 7] * y;
        O[i + 8] = A[i + 8] * y; O[i + 9] = A[i + 9] * y; O[i + 10] = A[i + 10] * y; O[i + 11] = A[i + 11] * y;
        O[i + 12] = A[i + 12] * y; O[i + 13] = A[i + 13] * y; O[i + 14] = A[i + 14] * y; O[i + 15] = A[i + 15] * y;
      }
      for (; i < O.length; i++) O[i] = A[i] * y;
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia] * b[ib];
};

/** `o = a / b` over a strided run; contiguous runs (and a stride-0 `b`) unrolled 16x over subarrays. */
export const divideLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 16);
    let i = 0;
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (; i < m; i += 16) {
        O[i] = A[i] / B[i]; O[i + 1] = A[i + 1] / B[i + 1]; O[i + 2] = A[i + 2] / B[i + 2]; O[i + 3] = A[i + 3] / B[i + 3];
        O[i + 4] = A[i + 4] / B[i + 4]; O[i + 5] = A[i + 5] / B[i + 5]; O[i + 6] = A[i + 6] / B[i + 6]; O[i + 7] = A[i + 7] / B[i + 7];
        O[i + 8] = A[i + 8] / B[i + 8]; O[i + 9] = A[i + 9] / B[i + 9]; O[i + 10] = A[i + 10] / B[i + 10]; O[i + 11] = A[i + 11] / B[i + 11];
        O[i + 12] = A[i + 12] / B[i + 12]; O[i + 13] = A[i + 13] / B[i + 13]; O[i + 14] = A[i + 14] / B[i + 14]; O[i + 15] = A[i + 15] / B[i + 15];
      }
      for (; i < O.length; i++) O[i] = A[i] / B[i];
    } else {
      const y = b[ib];
      for (; i < m; i += 16) {
        O[i] = A[i] / y; O[i + 1] = A[i + 1] / y; O[i + 2] = A[i + 2] / y; O[i + 3] = A[i + 3] / y;
        O[i + 4] = A[i + 4] / y; O[i + 5] = A[i + 5] / y; O[i + 6] = A[i + 6] / y; O[i + 7] = A[i + 7] / y;
        O[i + 8] = A[i + 8] / y; O[i + 9] = A[i + 9] / y; O[i + 10] = A[i + 10] / y; O[i + 11] = A[i + 11] / y;
        O[i + 12] = A[i + 12] / y; O[i + 13] = A[i + 13] / y; O[i + 14] = A[i + 14] / y; O[i + 15] = A[i + 15] / y;
      }
      for (; i < O.length; i++) O[i] = A[i] / y;
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = a[ia] / b[ib];
};
