import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { asF32, asF64, elementSpan } from "../../../runtime/ufunc/f64.js";

describe("float64 views of other dtypes keep the element layout", () => {
  it.each([
    ["C order", () => np.arange(12, { dtype: "int16" }).reshape(3, 4)],
    ["transposed", () => np.arange(12, { dtype: "uint8" }).reshape(3, 4).T],
    ["negative strides", () => np.arange(12, { dtype: "int32" }).reshape(3, 4).get("::-1, ::-2") as NDArray],
    ["size 0", () => np.zeros([0, 3], { dtype: "uint32" })],
    ["size 1", () => np.ones([1], { dtype: "bool" })],
  ])("%s: same values, shape and element strides", (_, make) => {
    const a = make();
    const v = asF64(a).view;
    expect(v.data).toBeInstanceOf(Float64Array);
    expect(v.shape).toEqual(a.shape);
    expect(v.strides).toEqual(a.strides.map((s) => (s / a.itemsize) * 8));
    expect(v.tolist()).toEqual(a.dtype === "bool" ? (a.tolist() as boolean[]).map(Number) : a.tolist());
    expect(asF32(a).tolist()).toEqual(v.tolist());
  });
  it("a float64 array is used as it is", () => {
    const a = np.arange(3, { dtype: "float64" });
    expect(asF64(a).view).toBe(a);
  });
  it("writeBack stores with the C conversion of the dtype, leaving gaps of a strided view alone", () => {
    const base = np.arange(6, { dtype: "int8" });
    const v = base.get("::2") as NDArray; // elements 0, 2, 4
    const s = asF64(v);
    const d = s.view.data as Float64Array;
    const [lo] = elementSpan(v);
    expect(lo).toBe(0);
    d[0] = 130; // wraps to -126 in int8
    d[2] = -1;
    expect(d[1]).toBe(1); // a gap (element 1 of base, not in the view) holds its own value in the copy
    s.writeBack();
    expect(base.tolist()).toEqual([-126, 1, -1, 3, 4, 5]);
  });
});
