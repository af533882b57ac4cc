import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { attemptNocopyReshape, fixUnknownDimension } from "../../../runtime/views/reshape.js";

const a = () => np.arange(24).reshape(2, 3, 4); // int32, strides [48, 16, 4]

describe("reshape: view or copy (NumPy's _attempt_nocopy_reshape)", () => {
  const cases: [string, () => NDArray, number[], "C" | "F", boolean, number[]][] = [
    ["C array, C order", a, [6, 4], "C", true, [16, 4]],
    ["C array, -1", a, [-1], "C", true, [4]],
    ["C array, F order needs a copy", a, [6, 4], "F", false, [4, 24]],
    ["F array, F order", () => a().T, [4, 6], "F", true, [4, 16]],
    ["transposed to 1-D in C order copies", () => a().T, [24], "C", false, [4]],
    ["split a sliced axis", () => a().get(":, :, ::2") as NDArray, [2, 3, 2, 1], "C", true, [48, 16, 8, 8]],
    ["merge of evenly spaced axes stays a view", () => a().get(":, :, ::2") as NDArray, [12], "C", true, [8]],
    ["merge across a sliced middle axis copies", () => a().get(":, ::2") as NDArray, [16], "C", false, [4]],
    ["negative strides merge", () => a().get("::-1, ::-1") as NDArray, [6, 4], "C", true, [-16, 4]],
    ["size 0", () => np.zeros([0, 3]), [3, 0], "C", true, [8, 8]],
    ["size 1 to 0-d", () => np.zeros([1, 1]), [], "C", true, []],
  ];
  it.each(cases)("%s", (_n, make, shape, order, view, strides) => {
    const x = make();
    const r = x.reshape(shape, { order });
    expect(r.strides).toEqual(strides);
    expect(np.shares_memory(r, x)).toBe(view && r.size > 0);
    expect(r.base === (x.base ?? x)).toBe(view);
    expect(r.flatten(order).tolist()).toEqual(x.flatten(order).tolist());
  });

  it("same shape is a plain view", () => {
    const x = a().T;
    const r = x.reshape(x.shape as number[]);
    expect(r.strides).toEqual(x.strides);
    expect(r.base).toBe(x.base);
  });

  it("attemptNocopyReshape says null when strides cannot merge", () => {
    expect(attemptNocopyReshape(a().T, [24], "C")).toBe(null);
    expect(attemptNocopyReshape(a().T, [24], "F")).toEqual([4]);
  });

  const errors: [number[], number, string][] = [
    [[5], 12, "cannot reshape array of size 12 into shape (5,)"],
    [[5, -1], 12, "cannot reshape array of size 12 into shape (5,newaxis)"],
    [[-1, 0], 0, "cannot reshape array of size 0 into shape (0)"],
    [[-1, -1], 12, "can only specify one unknown dimension"],
  ];
  it.each(errors)("%j of size %s", (dims, size, msg) => expect(() => fixUnknownDimension(dims, size)).toThrow(msg));
  it("order K is refused", () => expect(() => a().reshape([24], { order: "K" as "C" })).toThrow("order 'K' is not permitted for reshaping"));
});
