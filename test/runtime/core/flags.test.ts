import { describe, expect, it } from "vitest";
import { isCContiguous, isFContiguous } from "../../../runtime/core/flags.js";
import { newArray, viewOf } from "../../../runtime/core/make.js";

describe("relaxed contiguity (flagsobject.c _UpdateContiguousFlags)", () => {
  const cases: [string, number[], number[], number, boolean, boolean][] = [
    ["C 2x3", [2, 3], [24, 8], 8, true, false],
    ["F 2x3", [2, 3], [8, 16], 8, false, true],
    ["1-D", [5], [8], 8, true, true],
    ["0-d", [], [], 8, true, true],
    ["size 0 with odd strides", [3, 0, 2], [999, 5, -7], 8, true, true],
    ["length-1 axis ignored", [2, 1, 3], [24, 12345, 8], 8, true, false],
    ["all length-1", [1, 1], [77, -3], 4, true, true],
    ["negative stride", [3], [-8], 8, false, false],
    ["stride 0", [3], [0], 8, false, false],
    ["step 2", [3], [16], 8, false, false],
  ];
  it.each(cases)("%s", (_n, shape, strides, it, c, f) => {
    expect(isCContiguous(shape, strides, it)).toBe(c);
    expect(isFContiguous(shape, strides, it)).toBe(f);
  });
});

describe("a.flags", () => {
  it("prints like NumPy", () => {
    expect(String(newArray([2, 3], "float64").flags)).toBe(
      "  C_CONTIGUOUS : True\n  F_CONTIGUOUS : False\n  OWNDATA : True\n  WRITEABLE : True\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n",
    );
  });
  it("owndata is false for views", () => {
    const a = newArray([4], "int32");
    expect(a.flags.owndata).toBe(true);
    expect(viewOf(a, [2], [4], 4).flags.owndata).toBe(false);
  });
  it("writeable: false always allowed, true only when the owner is writeable", () => {
    const a = newArray([4], "int32");
    const v = viewOf(a, [2], [4], 4);
    v.flags.writeable = false;
    expect(v.flags.writeable).toBe(false);
    v.flags.writeable = true;
    expect(v.flags.writeable).toBe(true);
    a.flags.writeable = false;
    expect(() => (v.flags.writeable = true)).toThrow("cannot set WRITEABLE flag to True of this array");
    a.flags.writeable = true;
    expect(a.flags.writeable).toBe(true);
  });
  it("reads in NumPy's mapping spelling too", () => {
    const a = newArray([2, 3], "float64", "F");
    expect([a.flags.C_CONTIGUOUS, a.flags.F_CONTIGUOUS, a.flags.OWNDATA, a.flags.WRITEABLE]).toEqual([false, true, true, true]);
    a.flags.WRITEABLE = false;
    expect(a.flags.writeable).toBe(false);
  });
});
