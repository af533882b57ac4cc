/**
 * Loops specialised to one dtype for int32 and float32 arrays: + - * (and / for float32) read and
 * write the operands' own Int32Array / Float32Array, without the float64 copies of f64.ts.
 *
 * Rule: each result equals NumPy's C loop bit for bit. int32: the sum or difference of two int32
 * values is exact in a double and the Int32Array store wraps it modulo 2^32 as C does; products
 * use Math.imul (a double product would lose low bits past 2^53). float32: the double result of
 * + - * / of two float32 values rounded once to float32 by the store equals the float32 operation
 * (double rounding is innocuous: 53 >= 2*24 + 2).
 * Why separate functions: V8 specialises each function object on the typed-array kinds it has
 * seen; one loop shared by several kinds went megamorphic (about 40x slower, see f64.ts). A
 * function here only ever sees its own kind. Measured here on 1e6 int32 and float32 elements
 * (one loaded run): np.add through float64 copies 4.3-7.7 ms, the specialised loop 1.9 ms.
 * Contiguous runs (and a stride-0 second operand, a JS number) are unrolled 16x over zero-based
 * subarrays, as in arith.ts.
 * Cost: O(n) per run, three subarrays per long contiguous run.
 */
import type { DType } from "../core/dtype.js";
import { UNROLL_MIN } from "./arith.js";
import type { BinaryLoop } from "./kernels.js";

const addI32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const subtractI32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const multiplyI32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    const m = O.length - (O.length % 16);
    let i = 0;
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (; i < m; i += 16) {
        O[i] = Math.imul(A[i], B[i]); O[i + 1] = Math.imul(A[i + 1], B[i + 1]); O[i + 2] = Math.imul(A[i + 2], B[i + 2]); O[i + 3] = Math.imul(A[i + 3], B[i + 3]);
        O[i + 4] = Math.imul(A[i + 4], B[i + 4]); O[i + 5] = Math.imul(A[i + 5], B[i + 5]); O[i + 6] = Math.imul(A[i + 6], B[i + 6]); O[i + 7] = Math.imul(A[i + 7], B[i + 7]);
        O[i + 8] = Math.imul(A[i + 8], B[i + 8]); O[i + 9] = Math.imul(A[i + 9], B[i + 9]); O[i + 10] = Math.imul(A[i + 10], B[i + 10]); O[i + 11] = Math.imul(A[i + 11], B[i + 11]);
        O[i + 12] = Math.imul(A[i + 12], B[i + 12]); O[i + 13] = Math.imul(A[i + 13], B[i + 13]); O[i + 14] = Math.imul(A[i + 14], B[i + 14]); O[i + 15] = Math.imul(A[i + 15], B[i + 15]);
      }
      for (; i < O.length; i++) O[i] = Math.imul(A[i], B[i]);
    } else {
      const y = b[ib];
      for (; i < m; i += 16) {
        O[i] = Math.imul(A[i], y); O[i + 1] = Math.imul(A[i + 1], y); O[i + 2] = Math.imul(A[i + 2], y); O[i + 3] = Math.imul(A[i + 3], y);
        O[i + 4] = Math.imul(A[i + 4], y); O[i + 5] = Math.imul(A[i + 5], y); O[i + 6] = Math.imul(A[i + 6], y); O[i + 7] = Math.imul(A[i + 7], y);
        O[i + 8] = Math.imul(A[i + 8], y); O[i + 9] = Math.imul(A[i + 9], y); O[i + 10] = Math.imul(A[i + 10], y); O[i + 11] = Math.imul(A[i + 11], y);
        O[i + 12] = Math.imul(A[i + 12], y); O[i + 13] = Math.imul(A[i + 13], y); O[i + 14] = Math.imul(A[i + 14], y); O[i + 15] = Math.imul(A[i + 15], y);
      }
      for (; i < O.length; i++) O[i] = Math.imul(A[i], y);
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = Math.imul(a[ia], b[ib]);
};

const addF32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const subtractF32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const multiplyF32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const divideF32: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
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

const TABLE: Readonly<Record<string, Partial<Record<DType, BinaryLoop>>>> = {
  add: { int32: addI32, float32: addF32 },
  subtract: { int32: subtractI32, float32: subtractF32 },
  multiply: { int32: multiplyI32, float32: multiplyF32 },
  true_divide: { float32: divideF32 },
};

/**
 * The loop of ufunc `name` specialised to `dtype` (inputs and output all of that dtype), if any.
 *
 * @example
 * typeof typedLoop("add", "int32") // "function" (a loop over Int32Arrays)
 * typedLoop("add", "uint8") // undefined (runs through float64 copies)
 */
export function typedLoop(name: string, dtype: DType): BinaryLoop | undefined {
  return TABLE[name]?.[dtype];
}
