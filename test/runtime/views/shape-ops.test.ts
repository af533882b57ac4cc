import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const a = () => np.arange(24).reshape(2, 3, 4);

describe("transpose, swapaxes, T", () => {
  const cases: [string, () => NDArray, number[], number[]][] = [
    ["T", () => a().T, [4, 3, 2], [4, 16, 48]],
    ["transpose()", () => a().transpose(), [4, 3, 2], [4, 16, 48]],
    ["transpose(1, 0, 2)", () => a().transpose(1, 0, 2), [3, 2, 4], [16, 48, 4]],
    ["transpose([-1, 0, 1])", () => a().transpose([-1, 0, 1]), [4, 2, 3], [4, 48, 16]],
    ["swapaxes(0, 2)", () => a().swapaxes(0, 2), [4, 3, 2], [4, 16, 48]],
    ["np.transpose", () => np.transpose(a(), [2, 1, 0]), [4, 3, 2], [4, 16, 48]],
    ["np.swapaxes", () => np.swapaxes(a(), -1, 0), [4, 3, 2], [4, 16, 48]],
    ["0-d T", () => np.zeros([]).T, [], []],
  ];
  it.each(cases)("%s", (_n, make, shape, strides) => {
    const v = make();
    expect(v.shape).toEqual(shape);
    expect(v.strides).toEqual(strides);
    expect(v.flags.owndata).toBe(false);
  });
  it("errors", () => {
    expect(() => a().transpose(0, 1)).toThrow("axes don't match array");
    expect(() => a().transpose(0, 0, 1)).toThrow("repeated axis in transpose");
    expect(() => a().swapaxes(0, 3)).toThrow("axis 3 is out of bounds for array of dimension 3");
  });
});

describe("expand_dims and squeeze", () => {
  it("expand_dims positions and strides (via reshape)", () => {
    expect(np.expand_dims(np.arange(3), 0).shape).toEqual([1, 3]);
    expect(np.expand_dims(np.arange(3), -1).shape).toEqual([3, 1]);
    expect(np.expand_dims(np.arange(3), [0, 2]).shape).toEqual([1, 3, 1]);
    expect(np.expand_dims(np.arange(3), 0).base).not.toBe(null);
    expect(() => np.expand_dims(np.arange(3), 3)).toThrow("axis 3 is out of bounds for array of dimension 2");
    expect(() => np.expand_dims(np.arange(3), [0, 0])).toThrow("repeated axis");
  });
  it("squeeze", () => {
    const z = np.zeros([1, 3, 1]);
    expect(z.squeeze().shape).toEqual([3]);
    expect(z.squeeze(0).shape).toEqual([3, 1]);
    expect(np.squeeze(z, [0, 2]).shape).toEqual([3]);
    expect(z.squeeze().base).toBe(z);
    const plain = np.zeros([2, 3]);
    expect(plain.squeeze()).toBe(plain); // NumPy returns the array itself
    expect(() => z.squeeze(1)).toThrow("cannot select an axis to squeeze out which has size not equal to one");
  });
});

describe("broadcast_to, ascontiguousarray, asfortranarray", () => {
  it("broadcast_to is a read-only stride-0 view", () => {
    const b = np.broadcast_to(np.arange(3), [2, 3]);
    expect(b.strides).toEqual([0, 4]);
    expect(b.flags.writeable).toBe(false);
    expect(() => b.set(0, 0, 1)).toThrow("assignment destination is read-only");
    expect(() => np.broadcast_to(np.arange(3), [4])).toThrow("operands could not be broadcast together with remapped shapes");
  });
  it("same object when already contiguous; 0-d becomes 1-d", () => {
    const c = np.arange(6).reshape(2, 3);
    expect(np.ascontiguousarray(c)).toBe(c);
    const f = np.asfortranarray(c);
    expect(f.flags.f_contiguous).toBe(true);
    expect(np.asfortranarray(f)).toBe(f);
    expect(np.ascontiguousarray(c.T).flags.c_contiguous).toBe(true);
    expect(np.ascontiguousarray(np.zeros([])).shape).toEqual([1]);
    expect(np.ascontiguousarray(c, { dtype: "float64" }).dtype).toBe("float64");
  });
});

describe("concatenate and stack", () => {
  it("values, axis, null axis, dtype promotion", () => {
    expect(np.concatenate([np.arange(2), np.arange(3)]).tolist()).toEqual([0, 1, 0, 1, 2]);
    expect(np.concatenate([np.zeros([2, 1]), np.ones([2, 2])], { axis: 1 }).tolist()).toEqual([[0, 1, 1], [0, 1, 1]]);
    expect(np.concatenate([np.arange(4).reshape(2, 2), np.arange(2)], { axis: null }).tolist()).toEqual([0, 1, 2, 3, 0, 1]);
    expect(np.concatenate([np.zeros(1, { dtype: "int8" }), np.zeros(1, { dtype: "uint8" })]).dtype).toBe("int16");
    expect(np.concatenate([np.arange(2), np.array([0.5])]).dtype).toBe("float64");
  });
  it("F-ordered inputs give an F-ordered result", () => {
    const f = np.asfortranarray(np.arange(24).reshape(2, 3, 4));
    expect(np.concatenate([f, f]).strides).toEqual([4, 16, 48]);
    expect(np.stack([f, f]).strides).toEqual([96, 4, 8, 24]);
  });
  it("stack inserts an axis", () => {
    expect(np.stack([np.arange(3), np.arange(3)], { axis: 1 }).tolist()).toEqual([[0, 0], [1, 1], [2, 2]]);
  });
  const errors: [string, () => unknown, string][] = [
    ["empty", () => np.concatenate([]), "need at least one array to concatenate"],
    ["ndim", () => np.concatenate([np.zeros([2, 2]), np.zeros(2)]), "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)"],
    ["sizes", () => np.concatenate([np.zeros([2, 3]), np.zeros([2, 4])]), "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4"],
    ["0-d", () => np.concatenate([np.zeros([]), np.zeros([])]), "zero-dimensional arrays cannot be concatenated"],
    ["stack shapes", () => np.stack([np.zeros(2), np.zeros(3)]), "all input arrays must have the same shape"],
    ["stack empty", () => np.stack([]), "need at least one array to stack"],
  ];
  it.each(errors)("%s", (_n, f, msg) => expect(f).toThrow(msg));
});

describe("a.T shares one frozen reversed shape and strides per source (views/transpose.ts)", () => {
  it("is read-only, right, and unaffected by reshaping another view in place", () => {
    const a = np.arange(24).reshape(2, 3, 4);
    const t1 = a.T;
    const t2 = a.T;
    expect(t1).not.toBe(t2); // a new view each time, as NumPy's a.T is not a.T
    expect(t1.shape).toEqual([4, 3, 2]);
    expect(t1.strides).toEqual([4, 16, 48]);
    expect(Object.isFrozen(t1.shape) && Object.isFrozen(t1.strides)).toBe(true);
    expect(() => (t1.shape as number[]).push(1)).toThrow(TypeError);
    const c = a.T;
    c.shape = [2, 2, 3, 2]; // splits axis 0 (no copy): this view's shape changes in place
    expect(c.shape).toEqual([2, 2, 3, 2]);
    expect(a.T.shape).toEqual([4, 3, 2]); // the shared reversed shape did not
    expect(t1.shape).toEqual([4, 3, 2]);
    expect(t2.T.shape).toEqual([2, 3, 4]);
    expect(t2.T.tolist()).toEqual(a.tolist());
  });
});
