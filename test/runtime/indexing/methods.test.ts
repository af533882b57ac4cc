import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const a34 = () => np.arange(12).reshape(3, 4);

describe("get: basic indexing gives views of the owner", () => {
  const cases: [string, () => NDArray, unknown[], number[], number[], unknown][] = [
    ["row", a34, [1], [4], [4], [4, 5, 6, 7]],
    ["column", a34, [":, 1"], [3], [16], [1, 5, 9]],
    ["reversed rows", a34, ["::-1"], [3, 4], [-16, 4], [[8, 9, 10, 11], [4, 5, 6, 7], [0, 1, 2, 3]]],
    ["mixed args", a34, ["1:", 2], [2], [16], [6, 10]],
    ["ellipsis + None", a34, ["..., None"], [3, 4, 1], [16, 4, 0], [[[0], [1], [2], [3]], [[4], [5], [6], [7]], [[8], [9], [10], [11]]]],
    ["null is None", a34, [null, 0], [1, 4], [0, 4], [[0, 1, 2, 3]]],
    ["F order column", () => np.arange(12).reshape([3, 4], { order: "F" }), [":, 0"], [3], [4], [0, 1, 2]],
    ["empty slice keeps the stride", a34, ["2:1"], [0, 4], [16, 4], []],
    ["size-1 array", () => np.arange(1), [":"], [1], [4], [0]],
  ];
  it.each(cases)("%s", (_n, make, index, shape, strides, values) => {
    const a = make();
    const v = a.get(...(index as [string])) as NDArray;
    expect(v.shape).toEqual(shape);
    expect(v.strides).toEqual(strides);
    expect(v.tolist()).toEqual(values);
    expect(v.base).toBe(a.base ?? a);
    expect(np.shares_memory(v, a)).toBe(v.size > 0);
  });

  it("all-integer indices give a JS number (boolean for bool arrays)", () => {
    expect(a34().get(1, 2)).toBe(6);
    expect(a34().get("-1, -1")).toBe(11);
    expect(np.array([true, false]).get(1)).toBe(false);
    expect(np.zeros([]).get()).toBe(0);
    expect((a34().get("1, ...") as NDArray).shape).toEqual([4]);
    expect(a34().get(np.array(1), np.array(2))).toBe(6); // 0-d integer arrays index like integers
    expect((a34().get(np.array(1), [0, 1]) as NDArray).tolist()).toEqual([4, 5]);
  });

  const errors: [string, () => unknown, string][] = [
    ["out of bounds", () => np.arange(4).get(5), "index 5 is out of bounds for axis 0 with size 4"],
    ["negative out of bounds", () => np.arange(4).get(-5), "index -5 is out of bounds for axis 0 with size 4"],
    ["too many", () => np.arange(3).get(1, 2), "too many indices for array: array is 1-dimensional, but 2 were indexed"],
    ["two ellipses", () => a34().get("..., ..."), "an index can only have a single ellipsis ('...')"],
    ["non-integer number", () => a34().get(1.5), "only integers, slices"],
    ["float index array", () => a34().get(np.array([0.5])), "only integers, slices"],
  ];
  it.each(errors)("%s", (_n, f, msg) => expect(f).toThrow(msg));
});

describe("get: fancy indexing gives copies", () => {
  it("integer lists, negative indices, NDArray indices", () => {
    const a = a34();
    const r = a.get([2, -3]) as NDArray;
    expect(r.tolist()).toEqual([[8, 9, 10, 11], [0, 1, 2, 3]]);
    expect(r.base).toBe(null);
    expect(np.shares_memory(r, a)).toBe(false);
    expect((a.get(":", np.array([3, 0])) as NDArray).tolist()).toEqual([[3, 0], [7, 4], [11, 8]]);
    expect((a.get([0, 1], [1, 2]) as NDArray).tolist()).toEqual([1, 6]);
  });
  it("masks", () => {
    const a = a34();
    const m = np.array([true, false, true]);
    expect((a.get(m) as NDArray).tolist()).toEqual([[0, 1, 2, 3], [8, 9, 10, 11]]);
    expect(() => a.get(np.array([true, false]))).toThrow(
      "boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 2",
    );
  });
  it("errors in NumPy's words", () => {
    expect(() => a34().get([5])).toThrow("index 5 is out of bounds for axis 0 with size 3");
    expect(() => a34().get([0, 1], [0, 1, 2])).toThrow("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) ");
  });
});

describe("set", () => {
  it("basic, with broadcasting, through views", () => {
    const a = np.zeros([3, 4], { dtype: "int32" });
    a.set("::2", 1);
    a.set(1, [5, 6, 7, 8]);
    a.set(":, 0", np.array([9, 9, 9]));
    expect(a.tolist()).toEqual([[9, 1, 1, 1], [9, 6, 7, 8], [9, 1, 1, 1]]);
    const v = a.get("1:") as NDArray;
    v.set(0, 0, -1);
    expect(a.get(1, 0)).toBe(-1);
  });
  it("fancy and mask, last write wins on repeats", () => {
    const a = np.arange(5);
    a.set([0, 0, 4], [7, 8, 9]);
    expect(a.tolist()).toEqual([8, 1, 2, 3, 9]);
    const m = a.get(":") as NDArray;
    a.set(np.array([true, false, true, false, false]), 0);
    expect(m.tolist()).toEqual([0, 1, 0, 3, 9]);
  });
  it("casts floats into ints toward zero", () => {
    const a = np.zeros(2, { dtype: "int32" });
    a.set(0, 2.9);
    a.set(1, -2.9);
    expect(a.tolist()).toEqual([2, -2]);
  });
  it("overlapping values: basic indices read first, fancy ones as NumPy's mapiter does", () => {
    const a = np.arange(5);
    a.set("1:", a.get(":-1") as NDArray);
    expect(a.tolist()).toEqual([0, 0, 1, 2, 3]);
    const b = np.arange(4);
    // fancy destination: NumPy's mapiter does NOT read an overlapping value first (a[[1,2,3]] = a[:3])
    b.set([1, 2, 3], b.get(":3") as NDArray);
    expect(b.tolist()).toEqual([0, 0, 0, 0]);
    // ...but a run of true mask elements moves as one block (memmove), as NumPy's boolean path does
    const c = np.arange(5);
    c.set(np.array([false, true, true, true, true]), c.get(":4") as NDArray);
    expect(c.tolist()).toEqual([0, 0, 1, 2, 3]);
    const d = np.arange(4);
    d.set(np.array([true, true, true, true]), d.get("::-1") as NDArray);
    expect(d.tolist()).toEqual([3, 2, 2, 3]);
  });
  const errors: [string, () => void, string][] = [
    ["read-only broadcast", () => np.broadcast_to(np.arange(3), [2, 3]).set(0, 0, 1), "assignment destination is read-only"],
    ["read-only after flags", () => { const a = np.arange(3); a.flags.writeable = false; a.set(0, 1); }, "assignment destination is read-only"],
    ["bad broadcast", () => np.zeros(3).set(":", [1, 2]), "could not broadcast input array from shape (2,) into shape (3,)"],
    ["sequence into a scalar", () => np.zeros(3).set(0, [1]), "setting an array element with a sequence."],
    ["fancy shape mismatch", () => np.zeros([3, 4]).set([0, 1], np.zeros(3)), "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,4)"],
    ["mask count", () => np.arange(4).set(np.array([true, true, false, false]), [1, 2, 3]), "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true"],
  ];
  it.each(errors)("%s", (_n, f, msg) => expect(f).toThrow(msg));
});

describe("item, tolist, fill", () => {
  it("item: none, flat, per axis", () => {
    const a = np.arange(6).reshape(2, 3);
    expect(a.item(4)).toBe(4);
    expect(a.item(-1)).toBe(5);
    expect(a.item(1, 0)).toBe(3);
    expect(a.T.item(1)).toBe(3);
    expect(np.full([1, 1], 7).item()).toBe(7);
    expect(() => a.item()).toThrow("can only convert an array of size 1 to a Python scalar");
    expect(() => a.item(20)).toThrow("index 20 is out of bounds for size 6");
    expect(() => a.item(1, 2, 3)).toThrow("incorrect number of indices for array");
  });
  it("tolist follows the view's layout; 0-d gives a scalar", () => {
    expect(np.arange(6).reshape(2, 3).T.tolist()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(np.zeros([]).tolist()).toBe(0);
    expect(np.zeros([2, 0]).tolist()).toEqual([[], []]);
  });
  it("fill casts and respects views", () => {
    const a = np.zeros(4, { dtype: "int8" });
    (a.get("::2") as NDArray).fill(300);
    expect(a.tolist()).toEqual([44, 0, 44, 0]);
  });
});
