import { describe, expect, it } from "vitest";
import { pairwiseSum, pairwiseSumF32, pairwiseSumF64 } from "../../../runtime/reduce/pairwise.js";
import { checkReduceSize } from "../../../runtime/reduce/walk.js";

/** The reference: NumPy's pairwise_sum written out recursively over a plain array. */
function reference(x: number[]): number {
  const n = x.length;
  if (n < 8) return x.reduce((s, v) => s + v, 0);
  if (n <= 128) {
    const r = x.slice(0, 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let k = 0; k < 8; k++) r[k] += x[i + k];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += x[i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return reference(x.slice(0, n2)) + reference(x.slice(n2));
}

describe("pairwise summation", () => {
  const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 1.3) * 10 ** ((i % 7) - 3));
  it.each([0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 136, 255, 256, 257, 264, 1000, 5000])("n = %i matches the reference bit for bit", (n) => {
    const x = values.slice(0, n);
    const d = new Float64Array(x);
    expect(pairwiseSum(d, 0, n, 1)).toBe(reference(x));
    expect(pairwiseSumF64(d, 0, n)).toBe(reference(x));
  });
  it("strided and offset runs read the right elements", () => {
    const d = new Float64Array(values.slice(0, 3000));
    const picked = Array.from({ length: 1000 }, (_, i) => d[5 + 3 * i]);
    expect(pairwiseSum(d, 5, 1000, 3)).toBe(reference(picked));
    const back = Array.from({ length: 1000 }, (_, i) => d[2999 - 2 * i]);
    expect(pairwiseSum(d, 2999, 1000, -2)).toBe(reference(back));
  });
  it("differs from a plain left-to-right sum (so the order matters)", () => {
    const x = values.slice(0, 5000);
    const plain = x.reduce((s, v) => s + v, 0);
    expect(pairwiseSum(new Float64Array(x), 0, 5000, 1)).not.toBe(plain);
  });
  it("float32 rounds every addition", () => {
    const d = new Float32Array([0.1, 0.2, 0.3]);
    expect(pairwiseSumF32(d, 0, 3, 1)).toBe(Math.fround(Math.fround(Math.fround(0 + d[0]) + d[1]) + d[2]));
  });
});

describe("npyiter_checkreducesize", () => {
  it.each([
    // dims (fastest first), result strides, coords, count -> [inner, transfer]
    [[100000], [0], [0], 8192, [8192, 8192]],
    [[5000, 3], [0, 1], [0, 0], 8192, [5000, 5000]],
    [[12000, 3], [0, 1], [0, 0], 8192, [8192, 8192]],
    [[12000, 3], [0, 1], [8192, 0], 8192, [3808, 3808]],
    [[5000, 3], [0, 0], [0, 0], 8192, [8192, 8192]],
    [[100, 300], [0, 1], [0, 0], 8192, [100, 8100]],
    [[50, 3], [1, 0], [0, 0], 150, [50, 150]],
  ])("dims %j out strides %j at %j, count %i -> %j", (dims, os, coords, count, r) => {
    expect(checkReduceSize(dims, os, coords, count)).toEqual(r);
  });
});
