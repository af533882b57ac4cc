/**
 * np.maximum / np.minimum loops over float64 runs, branch-free.
 *
 * Rule (NumPy 1.24's loops, checked on this machine for every length, stride and a scalar
 * operand): maximum(a, b) = `a > b || isnan(a) ? a : b`, minimum(a, b) = `a < b || isnan(a) ? a : b`:
 * NaN propagates from either side (the first NaN when both are), and of two equal values the
 * second is returned, which shows for 0 and -0: `np.maximum(0.0, -0.0)` is -0.0 and
 * `np.maximum(-0.0, 0.0)` is 0.0 (minimum alike). The loops compute the index of the chosen operand with
 * comparisons only, `+!(x > y) & +(x === x)` (1 picks y), and read it from a 2-element
 * Float64Array: the value is exactly x or y, bit for bit.
 * Why (measured here, 1e6 random float64 against 0.5): `x >= y ? x : y` and Math.max both
 * compile to branches that random data mispredicts, 6.5-6.9 ms; the indexed pick takes 2.2 ms
 * on any data (1.5 ms for the branch on sorted data). The previous per-element call through
 * `binaryFrom` took about 8 ms.
 * Cost: O(n) per run, no allocation (PICK is shared: loops run synchronously).
 */
import { UNROLL_MIN } from "./arith.js";
import type { BinaryLoop } from "./kernels.js";

const PICK = new Float64Array(2);

/** `o = maximum(a, b)` over a strided run (NumPy's NaN and tie rules). */
export const maximumLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  const T = PICK;
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (let i = 0; i < O.length; i++) {
        const x = A[i];
        const y = B[i];
        T[0] = x;
        T[1] = y;
        O[i] = T[+!(x > y) & +(x === x)];
      }
    } else {
      const y = b[ib];
      T[1] = y;
      for (let i = 0; i < O.length; i++) {
        const x = A[i];
        T[0] = x;
        O[i] = T[+!(x > y) & +(x === x)];
      }
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
    const x = a[ia];
    const y = b[ib];
    T[0] = x;
    T[1] = y;
    o[io] = T[+!(x > y) & +(x === x)];
  }
};

/** `o = minimum(a, b)` over a strided run (NumPy's NaN and tie rules). */
export const minimumLoop: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  const T = PICK;
  if (n >= UNROLL_MIN && sa === 1 && so === 1 && (sb === 1 || sb === 0)) {
    const A = a.subarray(ia, ia + n);
    const O = o.subarray(io, io + n);
    if (sb === 1) {
      const B = b.subarray(ib, ib + n);
      for (let i = 0; i < O.length; i++) {
        const x = A[i];
        const y = B[i];
        T[0] = x;
        T[1] = y;
        O[i] = T[+!(x < y) & +(x === x)];
      }
    } else {
      const y = b[ib];
      T[1] = y;
      for (let i = 0; i < O.length; i++) {
        const x = A[i];
        T[0] = x;
        O[i] = T[+!(x < y) & +(x === x)];
      }
    }
    return;
  }
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) {
    const x = a[ia];
    const y = b[ib];
    T[0] = x;
    T[1] = y;
    o[io] = T[+!(x < y) & +(x === x)];
  }
};
