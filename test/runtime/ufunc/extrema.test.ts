import { describe, expect, it } from "vitest";
import { maximumLoop, minimumLoop } from "../../../runtime/ufunc/extrema.js";
import { UNROLL_MIN } from "../../../runtime/ufunc/arith.js";
import type { BinaryLoop } from "../../../runtime/ufunc/kernels.js";

// What NumPy 1.24 returns here (its SIMD loops, loops_minmax.dispatch.c.src; checked against
// /usr/bin/python3 in test/runtime/numpy/ufunc-math.test.ts): NaN from either side, the second
// operand of a tie. Written as branches: the reference for the branch-free loops
const OPS: [string, BinaryLoop, (x: number, y: number) => number][] = [
  ["maximum", maximumLoop, (x, y) => (x > y || Number.isNaN(x) ? x : y)],
  ["minimum", minimumLoop, (x, y) => (x < y || Number.isNaN(x) ? x : y)],
];

function values(len: number, seed: number): Float64Array {
  const pool = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2, 5e-324];
  const d = new Float64Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = pool[s % pool.length];
  }
  return d;
}

const N = [0, 1, UNROLL_MIN - 1, UNROLL_MIN, 100, 1000];
const LAYOUTS: [string, number, number, number, number, number, number][] = [
  ["contiguous", 0, 1, 0, 1, 0, 1],
  ["offsets", 3, 1, 5, 1, 7, 1],
  ["b a number (stride 0)", 2, 1, 9, 0, 1, 1],
  ["a a number (stride 0)", 9, 0, 2, 1, 1, 1],
  ["strided", 1, 2, 0, 3, 2, 2],
  ["negative strides", 2999, -1, 2999, -2, 2999, -1],
];

describe.each(OPS)("%s loop", (_, loop, f) => {
  it.each(LAYOUTS)("picks the operand NumPy picks, bit for bit (NaN, ties of 0 and -0) (%s)", (_l, ia, sa, ib, sb, io, so) => {
    for (const n of N) {
      const a = values(3000, 7);
      const b = values(3000, 11);
      const o = values(3000, 13);
      const expected = Array.from(o);
      for (let k = 0; k < n; k++) expected[io + k * so] = f(a[ia + k * sa], b[ib + k * sb]);
      loop(n, a, ia, sa, b, ib, sb, o, io, so);
      expect(Array.from(o), `n=${n}`).toEqual(expected); // toEqual tells -0 from 0
    }
  });

  it("returns the second of two equal zeros", () => {
    const o = new Float64Array(2);
    loop(2, new Float64Array([-0, 0]), 0, 1, new Float64Array([0, -0]), 0, 1, o, 0, 1);
    expect(Object.is(o[0], 0)).toBe(true);
    expect(Object.is(o[1], -0)).toBe(true);
  });
});
