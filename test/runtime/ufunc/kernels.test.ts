import { describe, expect, it } from "vitest";
import { absoluteLoop, float32FloorDivide, float32Remainder, floatFloorDivide, floatRemainder, intFloorDivide, intPower, intRemainder, maximum, minimum, negativeLoop, sqrtLoop, type UnaryLoop } from "../../../runtime/ufunc/kernels.js";

// Python's // and % are the reference for the sign conventions (values checked by hand).
describe("floor_divide and remainder follow Python's signs", () => {
  it.each([
    [7, 2, 3, 1],
    [-7, 2, -4, 1],
    [7, -2, -4, -1],
    [-7, -2, 3, -1],
    [6, 3, 2, 0],
    [0, 5, 0, 0],
  ])("%i // %i = %i, remainder %i", (a, b, q, r) => {
    expect(intFloorDivide(a, b)).toBe(q);
    expect(intRemainder(a, b)).toBe(r);
    expect(floatFloorDivide(a, b)).toBe(q);
    expect(floatRemainder(a, b)).toBe(r);
    expect(float32FloorDivide(a, b)).toBe(q);
    expect(float32Remainder(a, b)).toBe(r);
  });
  it("integer division by zero gives 0; float gives inf/nan", () => {
    expect(intFloorDivide(5, 0)).toBe(0);
    expect(intRemainder(5, 0)).toBe(0);
    expect(floatFloorDivide(5, 0)).toBe(Infinity);
    expect(floatFloorDivide(-5, 0)).toBe(-Infinity);
    expect(Number.isNaN(floatRemainder(5, 0))).toBe(true);
  });
  it("float remainder of zero takes the divisor's sign; floor of a fraction snaps", () => {
    expect(Object.is(floatRemainder(6, -3), -0)).toBe(true);
    expect(Object.is(floatRemainder(-6, 3), 0)).toBe(true);
    expect(floatFloorDivide(1, 0.1)).toBe(9); // Python: 1 // 0.1 == 9.0
    expect(floatRemainder(1, 0.1)).toBe(0.09999999999999995); // Python: 1 % 0.1
  });
});

describe("integer power wraps like C", () => {
  it.each([
    [2, 10, 1024],
    [3, 0, 1],
    [-2, 3, -8],
    [2, 31, -2147483648],
    [2, 32, 0],
    [7, 20, -1199696159], // 7**20 mod 2**32 as int32 (Python: 7**20 % 2**32 - 2**32)
  ])("%i ** %i = %i (int32)", (b, e, r) => {
    expect(intPower(b, e) | 0).toBe(r);
  });
});

describe("maximum/minimum propagate NaN and keep the first of ties", () => {
  it("NaN wins from either side", () => {
    expect(maximum(NaN, 1)).toBeNaN();
    expect(maximum(1, NaN)).toBeNaN();
    expect(minimum(NaN, 1)).toBeNaN();
    expect(minimum(1, NaN)).toBeNaN();
  });
  it("ties keep the first operand (signed zeros)", () => {
    expect(Object.is(maximum(-0, 0), -0)).toBe(true);
    expect(Object.is(minimum(0, -0), 0)).toBe(true);
  });
});

describe("unrolled unary loops equal the elementwise function bit for bit", () => {
  const ops: [string, UnaryLoop, (x: number) => number][] = [
    ["sqrt", sqrtLoop, Math.sqrt],
    ["negative", negativeLoop, (x) => -x],
    ["absolute", absoluteLoop, Math.abs],
  ];
  const layouts: [string, number, number, number, number][] = [
    ["contiguous", 0, 1, 0, 1],
    ["offsets", 3, 1, 5, 1],
    ["strided", 1, 2, 2, 3],
    ["negative strides", 2999, -1, 2999, -2],
  ];
  const pool = [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, 5e-324, 4];
  it.each(ops)("%s", (_, loop, f) => {
    for (const [, ia, sa, io, so] of layouts) {
      for (const n of [0, 1, 63, 64, 65, 200, 1000]) {
        const a = Float64Array.from({ length: 3000 }, (_, i) => pool[(i * 7) % pool.length] * (1 + i / 3000));
        const o = new Float64Array(3000).fill(9);
        const expected = Array.from(o);
        for (let k = 0; k < n; k++) expected[io + k * so] = f(a[ia + k * sa]);
        loop(n, a, ia, sa, o, io, so);
        expect(Array.from(o)).toEqual(expected);
      }
    }
  });
});
