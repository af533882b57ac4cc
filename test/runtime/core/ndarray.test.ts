import { describe, expect, it } from "vitest";
import { NDArray } from "../../../runtime/core/ndarray.js";

const make = (shape: readonly number[], strides: readonly number[], offset = 0): NDArray =>
  new NDArray({ data: new Float64Array(16), dtype: "float64", shape, strides, offset, base: null, writeable: true });

describe("NDArray constructor", () => {
  it("copies and freezes a caller's plain arrays (later changes to them do not reach the array)", () => {
    const shape = [2, 3];
    const strides = [24, 8];
    const a = make(shape, strides);
    shape[0] = 5;
    strides[0] = 0;
    expect(a.shape).toEqual([2, 3]);
    expect(a.strides).toEqual([24, 8]);
    expect(Object.isFrozen(a.shape)).toBe(true);
    expect(Object.isFrozen(a.strides)).toBe(true);
  });

  it("shares frozen arrays as they are (another array's shape and strides)", () => {
    const a = make([2, 3], [24, 8]);
    const b = make(a.shape, a.strides);
    expect(b.shape).toBe(a.shape);
    expect(b.strides).toBe(a.strides);
  });

  // -0 arises as 0 * a negative step; strides and offset never keep it, frozen or not
  const negZero: [string, readonly number[]][] = [
    ["plain", [-0, 8]],
    ["frozen", Object.freeze([-0, 8])],
    ["frozen, last axis", Object.freeze([8, -0])],
  ];
  it.each(negZero)("turns -0 strides into 0 (%s)", (_, strides) => {
    const a = make([1, 2], strides, -0);
    expect(a.strides.some((s) => Object.is(s, -0))).toBe(false);
    expect(Object.is(a.offset, -0)).toBe(false);
    expect(Object.isFrozen(a.strides)).toBe(true);
  });

  it.each([[[]], [[0]], [[1]], [[4, 0, 2]]])("keeps shape %j (0-d, size 0, size 1)", (shape) => {
    const strides = shape.map(() => 8);
    const a = make(shape, strides);
    expect(a.shape).toEqual(shape);
    expect(a.ndim).toBe(shape.length);
  });
});
