import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { allocationStats } from "../../../runtime/core/alloc.js";

describe("zeros / ones / empty / full", () => {
  const cases: [string, () => ReturnType<typeof np.zeros>, string, number[], number[], unknown][] = [
    ["zeros C", () => np.zeros([2, 3]), "float64", [2, 3], [24, 8], [[0, 0, 0], [0, 0, 0]]],
    ["zeros F", () => np.zeros([2, 3], { order: "F" }), "float64", [2, 3], [8, 16], [[0, 0, 0], [0, 0, 0]]],
    ["ones int32 from a number shape", () => np.ones(3, { dtype: "int32" }), "int32", [3], [4], [1, 1, 1]],
    ["ones dtype string", () => np.ones(2, "uint8"), "uint8", [2], [1], [1, 1]],
    ["full int -> int32", () => np.full([2], 7), "int32", [2], [4], [7, 7]],
    ["full float -> float64", () => np.full([2], 0.5), "float64", [2], [8], [0.5, 0.5]],
    ["full bool -> bool", () => np.full([1], true), "bool", [1], [1], [true]],
    ["size 0 has zero strides", () => np.zeros([0, 3]), "float64", [0, 3], [0, 0], []],
    ["0-d", () => np.empty([]), "float64", [], [], 0],
  ];
  it.each(cases)("%s", (_n, make, dtype, shape, strides, values) => {
    const a = make();
    expect(a.dtype).toBe(dtype);
    expect(a.shape).toEqual(shape);
    expect(a.strides).toEqual(strides);
    expect(a.tolist()).toEqual(values);
    expect(a.flags.owndata).toBe(true);
  });

  it("counts the bytes it allocates", () => {
    const before = allocationStats().bytes;
    np.zeros([10, 10]);
    expect(allocationStats().bytes - before).toBe(800);
  });

  it("rejects bad shapes and orders in NumPy's words", () => {
    expect(() => np.zeros([2, -1])).toThrow("negative dimensions are not allowed");
    expect(() => np.zeros(2.5)).toThrow("expected a sequence of integers or a single integer, got '2.5'");
    expect(() => np.zeros(3, { order: "X" as "C" })).toThrow("order must be one of 'C' or 'F' (got 'X')");
    expect(() => np.zeros(1e12)).toThrow("Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64");
  });
});
