/**
 * repr / str / array2string (runtime/print/array2string.ts): a table of layouts and dtypes.
 * Expected texts are NumPy 1.24's, with `, dtype=int32` dropped from int32 arrays of size > 0
 * (int32 is this runtime's default integer, as int64 is NumPy's).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DType } from "../../../runtime/core/dtype.js";
import { array2string, array_repr, array_str, get_printoptions, set_printoptions } from "../../../runtime/print/index.js";
import { resetPrintOptions } from "../../../runtime/print/options.js";
import { buildArray, type Layout } from "../npy/layout.js";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

afterEach(() => resetPrintOptions());

describe("array_repr", () => {
  it.each<[string, DType, number[], Layout, (number | string)[], string]>([
    ["int32 C", "int32", [4], "C", [1, 99, 3, 4], "array([ 1, 99,  3,  4])"],
    ["floats pad right", "float64", [2], "C", [1.5, 2.25], "array([1.5 , 2.25])"],
    ["scientific for small", "float64", [2], "C", [0.1, 1e-5], "array([1.e-01, 1.e-05])"],
    ["scientific at 1e8", "float64", [2], "C", [1e8, 1], "array([1.e+08, 1.e+00])"],
    ["nan and inf", "float64", [3], "C", ["nan", "-inf", 1], "array([ nan, -inf,   1.])"],
    ["negative zero", "float64", [2], "C", ["-0", 1], "array([-0.,  1.])"],
    ["only nan", "float64", [1], "C", ["nan"], "array([nan])"],
    ["only infinities", "float64", [2], "C", ["inf", "-inf"], "array([ inf, -inf])"],
    ["nan beside scientific", "float64", [2], "C", ["nan", 1e-10], "array([   nan, 1.e-10])"],
    ["-inf beside scientific", "float64", [2], "C", ["-inf", 1e20], "array([  -inf, 1.e+20])"],
    ["three-digit exponents", "float64", [2], "C", [1e-300, 1e300], "array([1.e-300, 1.e+300])"],
    ["0-d nan", "float64", [], "C", ["nan"], "array(nan)"],
    ["float32 nan", "float32", [1], "C", ["nan"], "array([nan], dtype=float32)"],
    ["zeros", "float64", [2], "C", [0, 0], "array([0., 0.])"],
    ["size 0", "float64", [0], "C", [], "array([], dtype=float64)"],
    ["size 0 2-D", "float64", [0, 3], "C", [], "array([], shape=(0, 3), dtype=float64)"],
    ["size 0 int8", "int8", [2, 0], "F", [], "array([], shape=(2, 0), dtype=int8)"],
    ["0-d", "float64", [], "C", [3.5], "array(3.5)"],
    ["0-d bool", "bool", [], "C", [1], "array(True)"],
    ["bools", "bool", [2], "neg", [1, 0], "array([ True, False])"],
    ["ties to even", "float64", [2], "step", [1 / 512, 3 / 512], "array([0.00195312, 0.00585938])"],
    ["float32 suffix", "float32", [2], "C", [Math.fround(0.1), Math.fround(1e-5)], "array([1.e-01, 1.e-05], dtype=float32)"],
    ["negative strides, 2-D", "uint16", [3, 1], "neg", [2, 1, 0], "array([[2],\n       [1],\n       [0]], dtype=uint16)"],
    [
      "wraps at 75 with dtype",
      "int8",
      [30],
      "C",
      range(30),
      "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], dtype=int8)",
    ],
    [
      "3-D, F order: blank line between blocks",
      "int32",
      [2, 3, 4],
      "F",
      range(24),
      "array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]],\n\n       [[12, 13, 14, 15],\n        [16, 17, 18, 19],\n        [20, 21, 22, 23]]])",
    ],
    [
      "summarised past 1000",
      "float64",
      [2000],
      "C",
      range(2000),
      "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03])",
    ],
  ])("%s", (_name, dtype, shape, layout, values, want) => {
    expect(array_repr(buildArray(dtype, shape, layout, values))).toBe(want);
  });
});

describe("array_str and toString", () => {
  it.each<[string, DType, number[], (number | string)[], string]>([
    ["ints", "int32", [4], [1, 99, 3, 4], "[ 1 99  3  4]"],
    ["0-d float is the scalar's str", "float64", [], [3.5], "3.5"],
    ["0-d 1e16", "float64", [], [1e16], "1e+16"],
    ["0-d float32", "float32", [], [Math.fround(0.1)], "0.1"],
    ["0-d bool", "bool", [], [0], "False"],
  ])("%s", (_name, dtype, shape, values, want) => {
    const a = buildArray(dtype, shape, "C", values);
    expect(array_str(a)).toBe(want);
    expect(String(a)).toBe(want);
  });
});

describe("options", () => {
  it("set_printoptions changes precision and get_printoptions reports it", () => {
    set_printoptions({ precision: 3 });
    expect(get_printoptions().precision).toBe(3);
    expect(array_str(buildArray("float64", [1], "C", [Math.PI]))).toBe("[3.142]");
  });
  it("array2string takes a separator and per-call options", () => {
    expect(array2string(buildArray("int32", [3], "C", [1, 2, 3]), { separator: ", " })).toBe("[1, 2, 3]");
    expect(array2string(buildArray("float64", [1], "C", [Math.PI]), { precision: 2 })).toBe("[3.14]");
    // NumPy: np.array2string(np.array([1e-16, 1, 2, 3]), precision=2, separator=',', suppress_small=True) == '[0.,1.,2.,3.]'
    expect(array2string(buildArray("float64", [4], "C", [1e-16, 1, 2, 3]), { precision: 2, separator: ",", suppress_small: true })).toBe("[0.,1.,2.,3.]");
  });
  it("rejects a negative precision", () => {
    expect(() => set_printoptions({ precision: -1 })).toThrow("precision must be >= 0");
  });
});

describe("console.log", () => {
  it("shows NumPy's str through util.inspect", async () => {
    const { inspect } = await import("node:util");
    const a = buildArray("int32", [2, 2], "F", [1, 2, 3, 40]);
    expect(inspect(a)).toBe("[[ 1  2]\n [ 3 40]]");
  });
});
