import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { ArrayLike } from "../../../runtime/create/array.js";

describe("np.array: dtype and shape inference", () => {
  const cases: [string, ArrayLike, string, number[]][] = [
    ["integers -> int32", [1, 2, 3], "int32", [3]],
    ["a float -> float64", [1, 2.5], "float64", [2]],
    ["booleans -> bool", [true, false], "bool", [2]],
    ["bool mixed with ints -> int32", [true, 2], "int32", [2]],
    ["beyond int32 -> int64", [2 ** 31], "int64", [1]],
    ["beyond 2^53 -> float64", [2 ** 60], "float64", [1]],
    ["a bigint -> int64", [1n, 2], "int64", [2]],
    ["bigints past int64 -> uint64", [2n ** 63n, 2n ** 64n - 1n], "uint64", [2]],
    ["int64 with uint64 values -> float64 (NumPy's promotion)", [-1n, 2n ** 63n], "float64", [2]],
    ["an int64 array with a bigint", [np.arange(2, { dtype: "int64" }), [1n, 2n]], "int64", [2, 2]],
    ["nested 2-D", [[1, 2], [3, 4], [5, 6]], "int32", [3, 2]],
    ["scalar -> 0-d", 7, "int32", []],
    ["empty list -> float64 (0,)", [], "float64", [0]],
    ["empty rows", [[], []], "float64", [2, 0]],
    ["typed array keeps its type", new Float32Array([1, 2]), "float32", [2]],
    ["NDArrays inside a list", [np.arange(2), np.arange(2)], "int32", [2, 2]],
    ["NDArray with a float -> float64", [np.arange(2), [0.5, 1]], "float64", [2, 2]],
  ];
  it.each(cases)("%s", (_n, input, dtype, shape) => {
    const a = np.array(input);
    expect(a.dtype).toBe(dtype);
    expect(a.shape).toEqual(shape);
    expect(a.base).toBe(null);
  });

  it("keeps values, casting to the asked dtype the way NumPy does", () => {
    expect(np.array([1.9, -1.9, 300], { dtype: "int8" }).tolist()).toEqual([1, -1, 44]);
    expect(np.array([0, 0.5, -2], { dtype: "bool" }).tolist()).toEqual([false, true, true]);
    expect(np.array([[1, 2], [3, 4]], { order: "F" }).strides).toEqual([4, 8]);
    expect(np.array([[1, 2], [3, 4]], { order: "F" }).tolist()).toEqual([[1, 2], [3, 4]]);
  });

  it("refuses ragged nests in NumPy's words", () => {
    expect(() => np.array([[1, 2], [3]])).toThrow(
      "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.",
    );
    expect(() => np.array([[1, 2], 3] as never)).toThrow("inhomogeneous shape after 1 dimensions");
  });

  it("copies an NDArray (order K) but asarray does not", () => {
    const a = np.arange(6).reshape(2, 3).T;
    const c = np.array(a);
    expect(c.base).toBe(null);
    expect(c.flags.f_contiguous).toBe(true); // K keeps the F layout of the transposed view
    expect(np.asarray(a)).toBe(a);
    expect(np.asarray(a, { order: "C" })).not.toBe(a);
    expect(np.asarray(a, { dtype: "float64" }).dtype).toBe("float64");
  });
});
