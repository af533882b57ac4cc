/**
 * Unit tables for reductions: axes (negative, lists, keepdims), dtypes of results, layouts,
 * size 0 and 1, errors, methods, out. Expected values are computed from `tolist()` by hand-written
 * reference folds, or are NumPy facts written out.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const m = (): NDArray => np.arange(24, { dtype: "float64" }).reshape(2, 3, 4);
const LAYOUTS: [string, () => NDArray][] = [
  ["C order", m],
  ["F order", () => np.asfortranarray(m())],
  ["transposed", () => m().T],
  ["negative strides", () => m().get("::-1, ::-1")],
  ["size 1", () => np.ones([1, 1, 1])],
];

const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [Number(x)]);

describe("layouts", () => {
  it.each(LAYOUTS)("%s: sum/prod/min/max/mean over everything agree with folds over tolist()", (_, make) => {
    const a = make();
    const v = flat(a.tolist());
    expect(a.sum()).toBe(v.reduce((s, x) => s + x, 0)); // small integers: exact in any order
    expect(np.min(a)).toBe(Math.min(...v));
    expect(np.max(a)).toBe(Math.max(...v));
    expect(a.mean()).toBe(v.reduce((s, x) => s + x, 0) / v.length);
  });
  it.each(LAYOUTS)("%s: sum over each axis equals summing the slices", (_, make) => {
    const a = make();
    for (let ax = 0; ax < a.ndim; ax++) {
      const r = a.sum({ axis: ax });
      expect(r.shape).toEqual(a.shape.filter((_, i) => i !== ax));
      expect(flat(r.tolist()).reduce((s, x) => s + x, 0)).toBe(a.sum());
    }
  });
});

describe("axes and keepdims", () => {
  const a = np.arange(6).reshape(2, 3);
  it.each([
    [0, [3, 5, 7]],
    [1, [3, 12]],
    [-1, [3, 12]],
    [[0, 1], 15],
  ] as [number | number[], unknown][])("axis %j", (axis, r) => {
    const s = np.sum(a, { axis });
    expect(typeof r === "number" ? s.tolist() : s.tolist()).toEqual(r);
  });
  it("keepdims keeps length-1 axes", () => {
    expect(a.sum({ axis: 1, keepdims: true }).shape).toEqual([2, 1]);
    expect(a.sum({ keepdims: true }).shape).toEqual([1, 1]);
    expect(a.max({ axis: 0, keepdims: true }).tolist()).toEqual([[3, 4, 5]]);
  });
  it("bad axes raise NumPy's errors", () => {
    expect(() => a.sum({ axis: 2 })).toThrow("axis 2 is out of bounds for array of dimension 2");
    expect(() => a.sum({ axis: -3 })).toThrow("axis -3 is out of bounds for array of dimension 2");
    expect(() => a.sum({ axis: [0, 0] })).toThrow("duplicate value in 'axis'");
  });
});

describe("result dtypes (the int32 decision)", () => {
  it.each([
    ["bool", "int32"],
    ["int8", "int32"],
    ["int16", "int32"],
    ["int32", "int32"],
    ["uint8", "uint32"],
    ["uint16", "uint32"],
    ["uint32", "uint32"],
    ["float32", "float32"],
    ["float64", "float64"],
  ] as const)("sum of %s is %s", (t, r) => {
    expect(np.ones([3], { dtype: t }).sum({ axis: 0 }).dtype).toBe(r);
  });
  it("int32 sums wrap like NumPy's int32 loop; dtype float64 avoids it", () => {
    const a = np.array([2147483647, 1]);
    expect(a.sum()).toBe(-2147483648);
    expect(a.sum({ dtype: "float64" })).toBe(2147483648);
    expect(np.array([1, 2, 3, 4], { dtype: "int8" }).sum()).toBe(10);
  });
  it("mean of integers is float64; of float32 is float32", () => {
    expect(np.mean(np.arange(4), { axis: 0 }).dtype).toBe("float64");
    expect(np.mean(np.ones(4, { dtype: "float32" }), { axis: 0 }).dtype).toBe("float32");
  });
  it("any/all give bools; argmax gives int32", () => {
    expect(np.any(np.array([0, 0, 2]))).toBe(true);
    expect(np.all(np.array([1, 0]))).toBe(false);
    expect(np.any(np.zeros([2, 2]), { axis: 0 }).dtype).toBe("bool");
    expect(np.argmax(np.array([[1, 9], [8, 2]]), { axis: 0 }).dtype).toBe("int32");
  });
});

describe("empty and special values", () => {
  it("empty sums and products give the identity; min/max/argmax raise", () => {
    expect(np.sum(np.zeros(0))).toBe(0);
    expect(np.prod(np.zeros(0))).toBe(1);
    expect(np.sum(np.zeros([0, 3]), { axis: 0 }).tolist()).toEqual([0, 0, 0]);
    expect(() => np.max(np.zeros(0))).toThrow("zero-size array to reduction operation maximum which has no identity");
    expect(() => np.min(np.zeros([3, 0]), { axis: 1 })).toThrow("zero-size array to reduction operation minimum which has no identity");
    expect(np.max(np.zeros([0, 3]), { axis: 1 }).shape).toEqual([0]);
    expect(() => np.argmax(np.zeros(0))).toThrow("attempt to get argmax of an empty sequence");
  });
  it("NaN propagates through max and wins argmax at its first position", () => {
    const a = np.array([1, NaN, 3, NaN]);
    expect(np.max(a)).toBeNaN();
    expect(np.argmax(a)).toBe(1);
    expect(np.argmin(a)).toBe(1);
    expect(np.argmax(np.array([3, 7, 7]))).toBe(1);
  });
  it("sum of -0.0 is 0.0 (the identity starts the sum, as in NumPy)", () => {
    expect(Object.is(np.sum(np.array([-0.0, -0.0], { dtype: "float64" })), 0)).toBe(true);
  });
});

describe("statistics", () => {
  it("var and std with ddof", () => {
    const a = np.array([1, 2, 3, 4]);
    expect(a.var()).toBe(1.25);
    expect(a.var({ ddof: 1 })).toBe(5 / 3);
    expect(a.std()).toBe(Math.sqrt(1.25));
    expect(np.std(np.array([[1, 2], [3, 5]]), { axis: 1 }).tolist()).toEqual([0.5, 1]);
  });
  it("argmax along an axis of a transposed view", () => {
    const a = np.array([[1, 9, 3], [8, 2, 7]]).T; // [[1, 8], [9, 2], [3, 7]]
    expect(a.argmax({ axis: 1 }).tolist()).toEqual([1, 0, 1]);
    expect(a.argmin({ axis: 0 }).tolist()).toEqual([0, 1]);
    expect(a.argmax()).toBe(2); // flattened in C order: [1, 8, 9, 2, 3, 7]
  });
});

describe("out", () => {
  it("the result is written into out and out is returned", () => {
    const o = np.zeros(3);
    const r = np.sum(np.ones([2, 3]), { axis: 0, out: o });
    expect(r).toBe(o);
    expect(o.tolist()).toEqual([2, 2, 2]);
    expect(() => np.sum(np.ones([2, 3]), { axis: 0, out: np.zeros(2) })).toThrow("wrong shape");
  });
});

describe("sum over axis 0 of a C array accumulates whole rows in order (unrolled for long rows)", () => {
  it.each([[3, 200], [5, 67], [2, 64], [4, 63], [1, 100]])("%i x %i", (r, c) => {
    const vals = Array.from({ length: r * c }, (_, i) => Math.sin(i * 0.7) * 10 ** ((i % 5) - 2));
    const a = np.zeros([r, c]);
    (a.data as Float64Array).set(vals);
    const expected = Array.from({ length: c }, (_, j) => {
      let s = 0; // NumPy: out = 0, then out += row 0, out += row 1, ...
      for (let i = 0; i < r; i++) s += vals[i * c + j];
      return s;
    });
    expect(a.sum({ axis: 0 }).tolist()).toEqual(expected);
  });
});

describe("int32 sums over every axis wrap modulo 2^32 like NumPy's int32 accumulation", () => {
  // reference: BigInt sum, wrapped to int32
  const wrapSum = (xs: number[]): number => Number(BigInt.asIntN(32, xs.reduce((s, v) => s + BigInt(v), 0n)));
  const big = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 2147483647 : i % 3 === 1 ? -2147483648 + i : 1 << 30));
  const int32 = (xs: number[]): NDArray => {
    const a = np.zeros([xs.length], { dtype: "int32" });
    (a.data as Int32Array).set(xs);
    return a;
  };
  const layouts: [string, (a: NDArray) => NDArray][] = [
    ["C order", (a) => a.reshape(10, 100)],
    ["F order (a transpose)", (a) => a.reshape(10, 100).T],
    ["reversed", (a) => a.get("::-1")],
    ["strided (gaps: the general path)", (a) => a.get("::3")],
    ["size 0", (a) => a.get("0:0")],
    ["size 1", (a) => a.get("0:1")],
  ];
  it.each(layouts)("%s", (_, make) => {
    const v = make(int32(big));
    const expected = wrapSum(v.ravel().tolist() as number[]);
    expect(v.sum()).toBe(expected);
    expect((v.sum({ keepdims: true }) as NDArray).tolist()).toEqual(v.ndim === 2 ? [[expected]] : [expected]);
  });
});
