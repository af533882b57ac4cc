import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const a = () => np.arange(6).reshape(2, 3);

describe("ravel: a view exactly when NumPy's PyArray_Ravel gives one", () => {
  const cases: [string, () => NDArray, "C" | "F" | "A" | "K", boolean, number[]][] = [
    ["C, C", a, "C", true, [0, 1, 2, 3, 4, 5]],
    ["C, F copies", a, "F", false, [0, 3, 1, 4, 2, 5]],
    ["T, C copies", () => a().T, "C", false, [0, 3, 1, 4, 2, 5]],
    ["T, F", () => a().T, "F", true, [0, 1, 2, 3, 4, 5]],
    ["T, A", () => a().T, "A", true, [0, 1, 2, 3, 4, 5]],
    ["T, K (memory order)", () => a().T, "K", true, [0, 1, 2, 3, 4, 5]],
    ["every other: a[::2] copies", () => np.arange(6).get("::2") as NDArray, "C", false, [0, 2, 4]],
    ["negative stride, K copies in logical order", () => np.arange(4).get("::-1") as NDArray, "K", false, [3, 2, 1, 0]],
    ["permuted axes, K", () => np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2), "K", true, Array.from({ length: 24 }, (_, i) => i)],
    ["size 0", () => np.zeros([0, 2]), "C", true, []],
    ["0-d", () => np.zeros([]), "C", true, [0]],
  ];
  it.each(cases)("%s", (_n, make, order, view, values) => {
    const x = make();
    const r = x.ravel(order);
    expect(r.ndim).toBe(1);
    expect(r.tolist()).toEqual(values);
    expect(r.base === (x.base ?? x)).toBe(view);
    const f = x.flatten(order);
    expect(f.base).toBe(null);
    expect(f.tolist()).toEqual(values);
    expect(np.ravel(x, order).tolist()).toEqual(values);
  });
});

describe("copy and astype", () => {
  it("copy orders", () => {
    const t = a().T;
    expect(t.copy().flags.c_contiguous).toBe(true);
    expect(t.copy("F").flags.f_contiguous).toBe(true);
    expect(t.copy("K").strides).toEqual([4, 12]);
    expect(t.copy("A").flags.f_contiguous).toBe(true);
    expect(t.copy().base).toBe(null);
  });
  it("astype casts and keeps the layout (K)", () => {
    const f = np.array([[1.7, -1.7], [2.5, 0]]).T;
    const i = f.astype("int32");
    expect(i.tolist()).toEqual([[1, 2], [-1, 0]]);
    expect(i.flags.f_contiguous).toBe(true);
    expect(f.astype("bool").tolist()).toEqual([[true, true], [true, false]]);
    expect(f.astype("float64", { copy: false })).toBe(f);
    expect(f.astype("float64")).not.toBe(f);
  });
});
