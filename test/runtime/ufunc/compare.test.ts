import { describe, expect, it } from "vitest";
import { equalLoop, greaterEqualLoop, greaterLoop, lessEqualLoop, lessLoop, notEqualLoop } from "../../../runtime/ufunc/compare.js";
import { UNROLL_MIN } from "../../../runtime/ufunc/arith.js";
import type { BinaryLoop } from "../../../runtime/ufunc/kernels.js";

const OPS: [string, BinaryLoop, (x: number, y: number) => boolean][] = [
  ["less", lessLoop, (x, y) => x < y],
  ["less_equal", lessEqualLoop, (x, y) => x <= y],
  ["greater", greaterLoop, (x, y) => x > y],
  ["greater_equal", greaterEqualLoop, (x, y) => x >= y],
  ["equal", equalLoop, (x, y) => x === y],
  ["not_equal", notEqualLoop, (x, y) => x !== y],
];

/** Few distinct values (so equal pairs occur), with NaN, infinities and both zeros. */
function values(len: number, seed: number): Float64Array {
  const pool = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2, 0.25];
  const d = new Float64Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = pool[s % pool.length];
  }
  return d;
}

const N = [0, 1, 7, UNROLL_MIN - 1, UNROLL_MIN, UNROLL_MIN + 1, 100, 1000];
const LAYOUTS: [string, number, number, number, number, number, number][] = [
  ["contiguous", 0, 1, 0, 1, 0, 1],
  ["offsets", 3, 1, 5, 1, 7, 1],
  ["b a number (stride 0)", 2, 1, 9, 0, 1, 1],
  ["a a number (stride 0)", 9, 0, 2, 1, 1, 1],
  ["strided", 1, 2, 0, 3, 2, 2],
  ["negative strides", 2999, -1, 2999, -2, 2999, -1],
];

describe.each(OPS)("%s loop", (_, loop, f) => {
  it.each(LAYOUTS)("writes 1 where the comparison holds and 0 elsewhere, only in the run (%s)", (_l, ia, sa, ib, sb, io, so) => {
    for (const n of N) {
      const a = values(3000, 7);
      const b = values(3000, 11);
      const o = new Uint8Array(3000).fill(9); // 9 = untouched
      const expected = Array.from(o);
      for (let k = 0; k < n; k++) expected[io + k * so] = f(a[ia + k * sa], b[ib + k * sb]) ? 1 : 0;
      loop(n, a, ia, sa, b, ib, sb, o, io, so);
      expect(Array.from(o), `n=${n}`).toEqual(expected);
    }
  });
});
