/**
 * Unit tests of the shape routines' own decisions (the NumPy comparisons are in
 * test/runtime/numpy/shapes.test.ts): np.s_ / np.index_exp as index strings, read-only
 * broadcast_arrays views, the in-place a.resize on a new buffer, put on an empty array.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

describe("np.s_ and np.index_exp", () => {
  it("give index strings a.get accepts", () => {
    const a = np.arange(12).reshape(3, 4);
    expect(np.s_["1:3, ::2"]).toBe("1:3, ::2");
    expect((a.get(np.s_["1:3, ::2"]) as NDArray).tolist()).toEqual([[4, 6], [8, 10]]);
    expect(np.index_exp["1:, 0"]).toEqual(["1:", "0"]);
    expect((a.get(...np.index_exp["1:, 0"]) as NDArray).tolist()).toEqual([4, 8]);
    expect(np.s_["..., None"]).toBe("..., None");
    expect(np.s_["None"]).toBe("None");
  });
  it("check the string where it is written", () => {
    expect(() => np.s_["1:x"]).toThrow(/invalid index '1:x'/);
  });
  it("stay ordinary objects for identifiers (await, printing)", async () => {
    expect((np.s_ as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(np.s_)).toBe(np.s_);
    expect(String(np.s_)).toBe("np.s_");
  });
});

describe("np.mgrid / np.ogrid", () => {
  it("reject a part that is not a slice", () => {
    expect(() => np.mgrid["0:3, x"]).toThrow(/invalid grid slice 'x'/);
  });
});

describe("broadcast_arrays", () => {
  it("gives read-only views when it broadcasts, the inputs themselves when not", () => {
    const x = np.arange(3);
    const y = np.zeros([2, 1]);
    const [bx, by] = np.broadcast_arrays(x, y);
    expect(bx.flags.writeable).toBe(false);
    expect(by.flags.writeable).toBe(false);
    expect(() => bx.set(0, 0, 5)).toThrow("assignment destination is read-only");
    const same = np.broadcast_arrays(x, np.ones(3));
    expect(same[0]).toBe(x);
  });
});

describe("a.resize in place", () => {
  it("keeps the buffer when the size is unchanged", () => {
    const a = np.arange(6);
    const data = a.data;
    a.resize(2, 3);
    expect(a.shape).toEqual([2, 3]);
    expect(a.data).toBe(data);
  });
  it("moves to a new buffer when the size changes; earlier views keep the old memory", () => {
    const a = np.arange(4);
    const v = a.get("1:") as NDArray;
    a.resize([6]);
    expect(a.tolist()).toEqual([0, 1, 2, 3, 0, 0]);
    a.set(1, 99);
    expect(v.tolist()).toEqual([1, 2, 3]);
  });
  it("refuses views and non-contiguous arrays in NumPy's words", () => {
    expect(() => (np.arange(4).get(":2") as NDArray).resize(3)).toThrow("cannot resize this array: it does not own its data");
    // NumPy checks one segment (C or F) first, ownership only when the size changes
    expect(() => np.arange(4).reshape(2, 2).T.resize(3)).toThrow("cannot resize this array: it does not own its data");
    expect(() => (np.arange(8).get("::2") as NDArray).resize(3)).toThrow("resize only works on single-segment arrays");
  });
});

describe("put", () => {
  it("raises on an empty array in every mode (NumPy 1.24 loops forever in 'wrap')", () => {
    expect(() => np.put(np.zeros(0), [1], [1])).toThrow("index 1 is out of bounds for axis 0 with size 0");
    expect(() => np.put(np.zeros(0), [1], [1], { mode: "wrap" })).toThrow("cannot replace elements of an empty array");
  });
  it("refuses read-only arrays", () => {
    expect(() => np.put(np.broadcast_to(np.arange(3), [2, 3]), [0], 1)).toThrow("put: output array is read-only");
  });
});
