import { describe, expect, it } from "vitest";
import { addLoop, divideLoop, multiplyLoop, subtractLoop, UNROLL_MIN } from "../../../runtime/ufunc/arith.js";
import type { BinaryLoop } from "../../../runtime/ufunc/kernels.js";

const OPS: [string, BinaryLoop, (x: number, y: number) => number][] = [
  ["add", addLoop, (x, y) => x + y],
  ["subtract", subtractLoop, (x, y) => x - y],
  ["multiply", multiplyLoop, (x, y) => x * y],
  ["divide", divideLoop, (x, y) => x / y],
];

/** Values with awkward bits: fractions, signed zeros, infinities, NaN, subnormals. */
function values(len: number, seed: number): Float64Array {
  const special = [0, -0, Infinity, -Infinity, NaN, 5e-324, -1.5, 0.1, 1e308];
  const d = new Float64Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = i % 11 === 3 ? special[(s >> 3) % special.length] : (s / 2147483647 - 0.5) * 1e3;
  }
  return d;
}

// run lengths around the unrolled path's limits (UNROLL_MIN, multiples of 16, tails), offsets, strides
const N = [0, 1, 15, UNROLL_MIN - 1, UNROLL_MIN, UNROLL_MIN + 1, 127, 128, 200, 1000];
const LAYOUTS: [string, number, number, number, number, number, number][] = [
  // name, ia, sa, ib, sb, io, so
  ["contiguous", 0, 1, 0, 1, 0, 1],
  ["contiguous, offsets", 3, 1, 5, 1, 7, 1],
  ["b a number (stride 0)", 2, 1, 9, 0, 1, 1],
  ["a a number (stride 0)", 9, 0, 2, 1, 1, 1],
  ["strided", 1, 2, 0, 3, 2, 2],
  ["negative strides", 2999, -1, 2999, -2, 2999, -1],
];

describe.each(OPS)("%s loop", (_, loop, f) => {
  it.each(LAYOUTS)("matches the elementwise operation bit for bit (%s)", (_l, ia, sa, ib, sb, io, so) => {
    for (const n of N) {
      const a = values(3000, 7);
      const b = values(3000, 11);
      const o = values(3000, 13); // garbage that must be overwritten exactly where the run writes
      const expected = o.slice();
      for (let k = 0; k < n; k++) expected[io + k * so] = f(a[ia + k * sa], b[ib + k * sb]);
      loop(n, a, ia, sa, b, ib, sb, o, io, so);
      expect(Array.from(o), `n=${n}`).toEqual(Array.from(expected)); // toEqual tells -0 from 0 and NaN equals NaN
    }
  });

  it("in place (o is a) gives the elementwise result", () => {
    for (const n of N) {
      const a = values(n, 3);
      const b = values(n, 5);
      const expected = Array.from(a, (x, k) => f(x, b[k]));
      loop(n, a, 0, 1, b, 0, 1, a, 0, 1);
      expect(Array.from(a), `n=${n}`).toEqual(expected);
    }
  });
});
