import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const base = () => np.arange(24).reshape(2, 3, 4);

describe("*_like and np.copy keep the prototype's layout (order K)", () => {
  const cases: [string, () => NDArray, number[]][] = [
    ["C", base, [48, 16, 4]],
    ["F (transposed)", () => base().T, [4, 16, 48]],
    ["axes permuted", () => base().transpose(1, 0, 2), [16, 48, 4]],
    ["negative stride", () => base().get("::-1") as NDArray, [48, 16, 4]],
    ["sliced", () => base().get(":, ::2") as NDArray, [32, 16, 4]],
    ["size 0", () => np.zeros([0, 3]), [0, 0]],
    ["size 1", () => np.zeros([1, 1]), [8, 8]],
  ];
  it.each(cases)("%s", (_n, make, strides) => {
    const p = make();
    for (const f of [np.empty_like, np.zeros_like, np.ones_like] as const) {
      const a = f(p);
      expect(a.strides).toEqual(strides);
      expect(a.shape).toEqual(p.shape);
      expect(a.dtype).toBe(p.dtype);
      expect(a.base).toBe(null);
    }
    const c = np.copy(p);
    expect(c.strides).toEqual(strides);
    expect(c.tolist()).toEqual(p.tolist());
    expect(np.shares_memory(c, p)).toBe(false);
  });

  it("order C/F/A override the layout; dtype and shape can change", () => {
    const p = base().T;
    expect(np.zeros_like(p, { order: "C" }).flags.c_contiguous).toBe(true);
    expect(np.zeros_like(p, { order: "A" }).flags.f_contiguous).toBe(true);
    expect(np.ones_like(p, { dtype: "float32" }).dtype).toBe("float32");
    expect(np.zeros_like(p, { shape: [5] }).shape).toEqual([5]);
    expect(np.full_like(np.arange(3), 2.7).tolist()).toEqual([2, 2, 2]);
    expect(np.ones_like(p).get(0, 0, 0)).toBe(1);
  });
});
