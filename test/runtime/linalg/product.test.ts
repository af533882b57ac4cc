import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

describe("dot", () => {
  it.each([
    ["1-D . 1-D", [1, 2, 3], [4, 5, 6], 32],
    ["2-D . 2-D", [[1, 2], [3, 4]], [[5, 6], [7, 8]], [[19, 22], [43, 50]]],
    ["2-D . 1-D", [[1, 2], [3, 4]], [1, 1], [3, 7]],
    ["1-D . 2-D", [1, 1], [[1, 2], [3, 4]], [4, 6]],
  ])("%s", (_, a, b, r) => {
    expect(np.dot(np.array(a as number[]), np.array(b as number[])).tolist()).toEqual(r);
  });
  it("works on transposed and negative-stride views", () => {
    const a = np.arange(6).reshape(2, 3);
    expect(np.dot(a, a.T).tolist()).toEqual([[5, 14], [14, 50]]);
    expect(np.dot(a.get(":, ::-1"), np.array([1, 0, 0])).tolist()).toEqual([2, 5]);
    expect(a.dot(np.ones([3, 1], { dtype: "int32" })).tolist()).toEqual([[3], [12]]);
  });
  it("size 0 inner axis gives zeros", () => {
    expect(np.dot(np.zeros([2, 0]), np.zeros([0, 3])).tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });
  it("promotes dtypes and wraps int32", () => {
    expect(np.dot(np.array([1, 2]), np.array([0.5, 0.25])).dtype).toBe("float64");
    expect(np.dot(np.array([65536]), np.array([65536])).item()).toBe(0);
  });
  it("refuses misaligned shapes in NumPy's words", () => {
    expect(() => np.dot(np.ones([2, 3]), np.ones([2, 3]))).toThrow("shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)");
  });
});

describe("matmul", () => {
  it("stacks broadcast", () => {
    const a = np.ones([4, 2, 3]);
    const b = np.ones([3, 5]);
    const r = np.matmul(a, b);
    expect(r.shape).toEqual([4, 2, 5]);
    expect((r.get(0) as NDArray).tolist()).toEqual([[3, 3, 3, 3, 3], [3, 3, 3, 3, 3]]);
  });
  it("1-D operands are promoted and removed", () => {
    expect(np.matmul(np.array([[1, 2], [3, 4]]), np.array([1, 1])).tolist()).toEqual([3, 7]);
    expect(np.matmul(np.array([1, 1]), np.array([[1, 2], [3, 4]])).tolist()).toEqual([4, 6]);
    expect(np.matmul(np.array([1, 2]), np.array([3, 4])).shape).toEqual([]);
  });
  it("NumPy's errors", () => {
    expect(() => np.matmul(np.ones([2, 3]), np.ones([2, 3]))).toThrow(
      "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)",
    );
    expect(() => np.matmul(np.ones(3), 2)).toThrow("matmul: Input operand 1 does not have enough dimensions");
  });
});
