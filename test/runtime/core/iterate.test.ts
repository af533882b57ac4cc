import { describe, expect, it } from "vitest";
import { copyInto, forEachRow, readFlat, byteExtent } from "../../../runtime/core/iterate.js";
import { newArray, viewOf } from "../../../runtime/core/make.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

/** A C-ordered int32 array 0..n-1 reshaped (by hand, to test only this module). */
function iota(shape: number[], order: "C" | "F" = "C"): NDArray {
  const a = newArray(shape, "int32", order);
  // fill in C order of the logical index
  const idx: number[] = [];
  let k = 0;
  const rec = (d: number, off: number) => {
    if (d === shape.length) {
      a.data[off] = k++;
      return;
    }
    for (let i = 0; i < shape[d]; i++) rec(d + 1, off + (i * a.strides[d]) / 4);
  };
  rec(0, 0);
  void idx;
  return a;
}

describe("forEachRow", () => {
  it("coalesces a contiguous array into one row", () => {
    const rows: number[] = [];
    forEachRow([2, 3, 4], [[12, 4, 1]], [0], (_o, n) => rows.push(n));
    expect(rows).toEqual([24]);
  });
  it("visits nothing for size 0 and one element for 0-d", () => {
    let calls = 0;
    forEachRow([3, 0], [[1, 1]], [0], () => calls++);
    expect(calls).toBe(0);
    forEachRow([], [[]], [7], (o, n) => {
      calls++;
      expect(o[0]).toBe(7);
      expect(n).toBe(1);
    });
    expect(calls).toBe(1);
  });
  it("walks a transposed layout in C order of its axes", () => {
    const out: number[] = [];
    forEachRow([3, 2], [[1, 3]], [0], (o, n, s) => {
      for (let i = 0; i < n; i++) out.push(o[0] + i * s[0]);
    });
    expect(out).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe("readFlat over layouts", () => {
  const cases: [string, () => NDArray, number[]][] = [
    ["C order", () => iota([2, 3]), [0, 1, 2, 3, 4, 5]],
    ["F order", () => iota([2, 3], "F"), [0, 1, 2, 3, 4, 5]],
    ["negative stride", () => { const a = iota([5]); return viewOf(a, [5], [-4], 16); }, [4, 3, 2, 1, 0]],
    ["size 0", () => iota([0, 3]), []],
    ["size 1", () => iota([1, 1]), [0]],
    ["stride 0", () => { const a = iota([2]); return viewOf(a, [2, 3], [4, 0], 0); }, [0, 0, 0, 1, 1, 1]],
  ];
  it.each(cases)("%s", (_n, make, want) => expect(Array.from(readFlat(make()) as ArrayLike<number>)).toEqual(want));
});

describe("copyInto", () => {
  it("broadcasts a row into every row", () => {
    const d = newArray([2, 3], "int32");
    copyInto(d, iota([3]));
    expect(Array.from(readFlat(d) as ArrayLike<number>)).toEqual([0, 1, 2, 0, 1, 2]);
  });
  it("copies C into F order", () => {
    const d = newArray([2, 3], "int32", "F");
    copyInto(d, iota([2, 3]));
    expect(Array.from(readFlat(d) as ArrayLike<number>)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(d.data as ArrayLike<number>)).toEqual([0, 3, 1, 4, 2, 5]);
  });
  it("casts float to int toward zero and to bool as != 0", () => {
    const f = newArray([4], "float64");
    (f.data as Float64Array).set([-1.7, 2.9, 0, NaN]);
    const i = newArray([4], "int32");
    copyInto(i, f);
    expect(Array.from(i.data as ArrayLike<number>)).toEqual([-1, 2, 0, 0]);
    const b = newArray([4], "bool");
    copyInto(b, f);
    expect(Array.from(b.data as ArrayLike<number>)).toEqual([1, 1, 0, 1]);
  });
  it("scalars fill with the cast value", () => {
    const i = newArray([3], "int8");
    copyInto(i, 300.7);
    expect(Array.from(i.data as ArrayLike<number>)).toEqual([44, 44, 44]);
    const b = newArray([2], "bool");
    copyInto(b, 0.5);
    expect(Array.from(b.data as ArrayLike<number>)).toEqual([1, 1]);
    copyInto(b, false);
    expect(Array.from(b.data as ArrayLike<number>)).toEqual([0, 0]);
  });
  it("reads the whole source first when it overlaps the destination (shift right)", () => {
    const a = iota([5]);
    copyInto(viewOf(a, [4], [4], 4), viewOf(a, [4], [4], 0));
    expect(Array.from(a.data as ArrayLike<number>)).toEqual([0, 0, 1, 2, 3]);
  });
  it("reverses in place", () => {
    const a = iota([5]);
    copyInto(a, viewOf(a, [5], [-4], 16));
    expect(Array.from(a.data as ArrayLike<number>)).toEqual([4, 3, 2, 1, 0]);
  });
  it("refuses read-only destinations and bad shapes in NumPy's words", () => {
    const a = iota([3]);
    a._writeable = false;
    expect(() => copyInto(a, 1)).toThrow("assignment destination is read-only");
    expect(() => copyInto(newArray([2, 3], "int32"), iota([3, 3]))).toThrow("could not broadcast input array from shape (3,3) into shape (2,3)");
  });
  it("drops leading length-1 source axes", () => {
    const d = newArray([3], "int32");
    copyInto(d, iota([1, 1, 3]));
    expect(Array.from(d.data as ArrayLike<number>)).toEqual([0, 1, 2]);
  });
  it("byteExtent spans negative strides", () => {
    const a = iota([5]);
    expect(byteExtent(viewOf(a, [5], [-4], 16))).toEqual([0, 20]);
    expect(byteExtent(viewOf(a, [0], [4], 8))).toEqual([8, 8]);
  });
});
