import { describe, expect, it } from "vitest";
import { broadcastShapes, broadcastTo } from "../../../runtime/core/broadcast.js";
import { newArray } from "../../../runtime/core/make.js";
import { readFlat } from "../../../runtime/core/iterate.js";
import "../../../runtime/core/flags.js";

describe("broadcastShapes", () => {
  const ok: [number[][], number[]][] = [
    [[[3], [3]], [3]],
    [[[2, 1], [3]], [2, 3]],
    [[[], [4]], [4]],
    [[[0], [1]], [0]],
    [[[1, 0], [5, 1]], [5, 0]],
    [[[2, 1, 4], [3, 1], [1]], [2, 3, 4]],
    [[], []],
  ];
  it.each(ok)("%j -> %j", (shapes, want) => expect(broadcastShapes(...shapes)).toEqual(want));
  const bad: [number[][], string][] = [
    [[[3], [4]], "operands could not be broadcast together with shapes (3,) (4,) "],
    [[[2, 3], [4, 1]], "operands could not be broadcast together with shapes (2,3) (4,1) "],
    [[[0], [2]], "operands could not be broadcast together with shapes (0,) (2,) "],
  ];
  it.each(bad)("%j raises", (shapes, msg) => expect(() => broadcastShapes(...shapes)).toThrow(msg));
});

describe("broadcastTo", () => {
  it("repeats with stride 0 and is read-only, a view of the owner", () => {
    const a = newArray([3], "int32");
    (a.data as Int32Array).set([1, 2, 3]);
    const b = broadcastTo(a, [2, 3]);
    expect(b.strides).toEqual([0, 4]);
    expect(b.base).toBe(a);
    expect(b.flags.writeable).toBe(false);
    expect(Array.from(readFlat(b) as ArrayLike<number>)).toEqual([1, 2, 3, 1, 2, 3]);
  });
  it("length-1 axes get stride 0", () => {
    const a = newArray([2, 1], "float64");
    expect(broadcastTo(a, [2, 5]).strides).toEqual([8, 0]);
    expect(broadcastTo(a, [3, 2, 0]).strides).toEqual([0, 8, 0]);
  });
  it("raises NumPy's errors", () => {
    const a = newArray([3], "int32");
    expect(() => broadcastTo(a, [4])).toThrow("operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (4,)");
    expect(() => broadcastTo(newArray([2, 3], "int32"), [3])).toThrow("input operand has more dimensions than allowed by the axis remapping");
  });
});
