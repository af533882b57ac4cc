/**
 * Dragon4's digits (runtime/print/digits.ts). Expected strings are NumPy 1.24's
 * (`numpy.core.arrayprint.dragon4_positional/scientific`, `str(np.float64(x))`).
 */
import { describe, expect, it } from "vitest";
import { floatScalarStr, positional, scientific, shortestDigits } from "../../../runtime/print/digits.js";

describe("positional (precision 8, trim '.')", () => {
  it.each([
    [1.5, "1.5"],
    [1, "1."],
    [1 / 3, "0.33333333"],
    [1 / 512, "0.00195312"], // exact tie at the 8th place: ties to even (JS's toFixed says ...13)
    [0, "0."],
    [-0, "-0."],
    [123456.789, "123456.789"],
    [0.1 + 0.2, "0.3"],
  ])("%s -> %s", (x, want) => {
    expect(positional(x, 8, ".")).toBe(want);
  });
  it("prints float32's integer digits exactly with min_digits 0, as the array printer does", () => {
    expect(positional(Math.fround(88872872), 8, ".", true, 0)).toBe("88872872.");
    expect(positional(Math.fround(88872872), 8, ".", true)).toBe("88872870.");
  });
});

describe("scientific (precision 8, trim '.')", () => {
  it.each([
    [1e-5, "1.e-05"],
    [1.5e20, "1.5e+20"],
    [1 / 3, "3.33333333e-01"],
    [1 / 512, "1.953125e-03"],
    [0, "0.e+00"],
    [12345678901, "1.23456789e+10"],
  ])("%s -> %s", (x, want) => {
    expect(scientific(x, 8, ".")).toBe(want);
  });
  it("fills min_digits from the exact value, not with zeros (float32 0.1)", () => {
    expect(scientific(Math.fround(0.1), 8, "k", true, 8)).toBe("1.00000001e-01");
  });
});

describe("scalar str", () => {
  it.each([
    [0.1, "0.1"],
    [1, "1.0"],
    [1e16, "1e+16"],
    [1e-5, "1e-05"],
    [1.5e-4, "0.00015"],
    [123, "123.0"],
    [-0, "-0.0"],
    [1e15, "1000000000000000.0"],
    [NaN, "nan"],
    [-Infinity, "-inf"],
  ])("float64 %s -> %s", (x, want) => {
    expect(floatScalarStr(x)).toBe(want);
  });
  it.each([
    [0.1, "0.1"],
    [1 / 3, "0.33333334"],
    [16777217, "16777216.0"],
  ])("float32 %s -> %s", (x, want) => {
    expect(floatScalarStr(Math.fround(x), true)).toBe(want);
  });
  it("float32 shortest digits break exact ties to even, as Dragon4", () => {
    // -6889.53125 is halfway between 6889.5312 and 6889.5313 at 8 digits; NumPy prints ...312
    expect(shortestDigits(Math.fround(-6889.53125), true)).toEqual({ digits: "68895312", exp: 3 });
  });
});
