import { describe, expect, it } from "vitest";
import { typedLoop } from "../../../runtime/ufunc/typed.js";
import { UNROLL_MIN } from "../../../runtime/ufunc/arith.js";
import { np } from "../../../runtime/np.js";

/** int32 values near the wrap-around edges, and ordinary ones. */
function ints(len: number, seed: number): Int32Array {
  const edges = [2147483647, -2147483648, -1, 0, 1, 65536, -65537, 46341];
  const d = new Int32Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = i % 5 === 0 ? edges[s % edges.length] : s - 1073741824;
  }
  return d;
}
function floats(len: number, seed: number): Float32Array {
  const special = [0, -0, Infinity, -Infinity, NaN, 1.401298464324817e-45, 3.4028234663852886e38, 0.1];
  const d = new Float32Array(len);
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = i % 7 === 2 ? special[s % special.length] : (s / 2147483647 - 0.5) * 1e6;
  }
  return d;
}

// references computed another way: BigInt for the int32 wrap, Math.fround for one float32 rounding
const wrap = (x: bigint): number => Number(BigInt.asIntN(32, x));
const INT32: [string, (x: number, y: number) => number][] = [
  ["add", (x, y) => wrap(BigInt(x) + BigInt(y))],
  ["subtract", (x, y) => wrap(BigInt(x) - BigInt(y))],
  ["multiply", (x, y) => wrap(BigInt(x) * BigInt(y))],
];
const FLOAT32: [string, (x: number, y: number) => number][] = [
  ["add", (x, y) => Math.fround(x + y)],
  ["subtract", (x, y) => Math.fround(x - y)],
  ["multiply", (x, y) => Math.fround(x * y)],
  ["true_divide", (x, y) => Math.fround(x / y)],
];
const N = [0, 1, UNROLL_MIN - 1, UNROLL_MIN, 100, 1000];
const LAYOUTS: [string, number, number, number, number, number, number][] = [
  ["contiguous", 0, 1, 0, 1, 0, 1],
  ["offsets", 3, 1, 5, 1, 7, 1],
  ["b broadcast (stride 0)", 2, 1, 9, 0, 1, 1],
  ["strided", 1, 2, 0, 3, 2, 2],
  ["negative strides", 2999, -1, 2999, -2, 2999, -1],
];

describe.each([
  ["int32", INT32, ints] as const,
  ["float32", FLOAT32, floats] as const,
])("%s loops", (dtype, ops, make) => {
  describe.each(ops)("%s", (name, f) => {
    it.each(LAYOUTS)("equals the C operation bit for bit (%s)", (_l, ia, sa, ib, sb, io, so) => {
      const loop = typedLoop(name, dtype);
      expect(loop).toBeDefined();
      for (const n of N) {
        const a = make(3000, 7);
        const b = make(3000, 11);
        const o = make(3000, 13);
        const expected = Array.from(o);
        for (let k = 0; k < n; k++) expected[io + k * so] = f(a[ia + k * sa], b[ib + k * sb]);
        loop!(n, a, ia, sa, b, ib, sb, o, io, so);
        expect(Array.from(o), `n=${n}`).toEqual(expected);
      }
    });
  });
});

describe("typedLoop", () => {
  it.each([["add", "uint8"], ["add", "float64"], ["maximum", "int32"], ["true_divide", "int32"]] as const)("has no loop for %s of %s", (name, dtype) => {
    expect(typedLoop(name, dtype)).toBeUndefined();
  });

  it("np.add / np.multiply of int32 arrays wrap as NumPy's int32 loops (C and F order, views)", () => {
    const a = np.array([2147483647, -2147483648, 7, 46341], { dtype: "int32" }).reshape(2, 2);
    const b = np.array([1, -1, 3, 46341], { dtype: "int32" }).reshape(2, 2);
    expect(np.add(a, b).tolist()).toEqual([[-2147483648, 2147483647], [10, 92682]]); // NumPy 1.24 gives these (checked)
    expect(np.multiply(a.T, b.T).tolist()).toEqual([[2147483647, 21], [-2147483648, -2147479015]]);
    expect(np.subtract(a.get("::-1"), 1).tolist()).toEqual([[6, 46340], [2147483646, 2147483647]]);
  });
});
