/**
 * Unit tables for calling ufuncs: layouts (C, F, negative strides, size 0, size 1), every dtype,
 * broadcasting, out/where/dtype/casting, overlapping out, scalars, errors. Expected values come
 * from an independent elementwise reference over `tolist()` (or from NumPy facts written out).
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { allocationStats } from "../../../runtime/core/alloc.js";
import type { DType } from "../../../runtime/core/dtype.js";

type Nested = number | boolean | Nested[];
const zip = (a: Nested, b: Nested, f: (x: number, y: number) => number): Nested =>
  Array.isArray(a) ? a.map((v, i) => zip(v, Array.isArray(b) ? b[i] : b, f)) : f(Number(a), Number(b));

const base = (): NDArray => np.arange(24, { dtype: "float64" }).reshape(2, 3, 4);
const LAYOUTS: [string, () => NDArray][] = [
  ["C order", () => base()],
  ["F order", () => np.asfortranarray(base())],
  ["transposed", () => base().T],
  ["negative strides", () => base().get("::-1, :, ::-1")],
  ["strided", () => np.arange(48, { dtype: "float64" }).reshape(2, 3, 8).get(":, :, ::2")],
  ["size 0", () => np.zeros([2, 0, 4])],
  ["size 1", () => np.full([1, 1, 1], 5, { dtype: "float64" })],
];

describe("layouts", () => {
  it.each(LAYOUTS)("%s: add/multiply/negative/sqrt agree with an elementwise reference", (_, make) => {
    const a = make();
    const b = make();
    expect(np.add(a, b).tolist()).toEqual(zip(a.tolist() as Nested, b.tolist() as Nested, (x, y) => x + y));
    expect(np.multiply(a, 3).tolist()).toEqual(zip(a.tolist() as Nested, 3, (x, y) => x * y));
    expect(np.negative(a).tolist()).toEqual(zip(a.tolist() as Nested, 0, (x) => -x));
    expect(np.sqrt(a).tolist()).toEqual(zip(a.tolist() as Nested, 0, (x) => Math.sqrt(x)));
    expect(np.add(a, b).shape).toEqual(a.shape);
  });
  it("results follow the inputs' memory order (K): F inputs give F, mixed give C", () => {
    const c = base();
    const f = np.asfortranarray(base());
    expect(np.add(f, f).flags.f_contiguous).toBe(true);
    expect(np.add(c.T, c.T).strides).toEqual([8, 32, 96]);
    expect(np.add(c, f).flags.c_contiguous).toBe(true);
    // negative strides give a positive-strided result in the same order
    expect(np.add(c.get("::-1"), 1).strides).toEqual([96, 32, 8]);
  });
});

const ALL: DType[] = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64"];

describe("every dtype", () => {
  it.each(ALL)("%s: add with itself keeps the dtype (bool: or) and wraps integers", (t) => {
    const a = np.array([0, 1, 100, 127], { dtype: t });
    const r = np.add(a, a);
    expect(r.dtype).toBe(t);
    const expected = (a.tolist() as number[]).map((x) => {
      const v = new (a.data.constructor as Float64ArrayConstructor)(1);
      v[0] = t === "bool" ? Number(Boolean(x) || Boolean(x)) : Number(x) + Number(x);
      return t === "bool" ? v[0] !== 0 : v[0];
    });
    expect(r.tolist()).toEqual(expected);
  });
  it.each(ALL)("%s: comparisons give bool", (t) => {
    const a = np.array([0, 1, 2], { dtype: t });
    expect(np.less(a, 1).dtype).toBe("bool");
    expect(np.less(a, 1).tolist()).toEqual([true, false, false]);
  });
  it("int32 overflow wraps like C; int32 multiply keeps the low 32 bits", () => {
    expect(np.add(np.array([2147483647]), 1).tolist()).toEqual([-2147483648]);
    expect(np.multiply(np.array([65536]), 65536).tolist()).toEqual([0]);
    expect(np.multiply(np.array([123456789]), 987654321).tolist()).toEqual([Math.imul(123456789, 987654321)]);
    expect(np.negative(np.array([1], { dtype: "uint8" })).tolist()).toEqual([255]);
  });
  it("integer division by zero gives 0 (NumPy also warns)", () => {
    expect(np.floor_divide(np.array([5, -5]), 0).tolist()).toEqual([0, 0]);
    expect(np.remainder(np.array([5, -5]), 0).tolist()).toEqual([0, 0]);
  });
});

describe("broadcasting", () => {
  it.each([
    [[3, 1], [4], [3, 4]],
    [[2, 1, 4], [3, 1], [2, 3, 4]],
    [[], [5], [5]],
    [[0], [1], [0]],
  ])("%j with %j -> %j", (s1, s2, r) => {
    expect(np.add(np.ones(s1), np.ones(s2)).shape).toEqual(r);
  });
  it("refuses NumPy's way", () => {
    expect(() => np.add(np.ones(3), np.ones(4))).toThrow("operands could not be broadcast together with shapes (3,) (4,) ");
  });
});

describe("out, where, dtype, casting", () => {
  it("out is written and returned", () => {
    const a = np.arange(4);
    const r = np.add(a, 10, { out: a });
    expect(r).toBe(a);
    expect(a.tolist()).toEqual([10, 11, 12, 13]);
  });
  it("float64 with a number (the fast path): new result, in place, into another array, overlapping", () => {
    const a = np.arange(4, { dtype: "float64" });
    expect(np.multiply(a, 2).tolist()).toEqual([0, 2, 4, 6]);
    expect(np.subtract(10, a).tolist()).toEqual([10, 9, 8, 7]);
    expect(np.less(a, 1.5).tolist()).toEqual([true, true, false, false]);
    expect(np.add(a, 1, { out: a })).toBe(a);
    expect(a.tolist()).toEqual([1, 2, 3, 4]);
    const o = np.zeros(4);
    np.true_divide(a, 2, { out: o });
    expect(o.tolist()).toEqual([0.5, 1, 1.5, 2]);
    const b = np.arange(5, { dtype: "float64" });
    np.multiply(b.get(":-1") as NDArray, 10, { out: b.get("1:") as NDArray }); // overlapping: read first
    expect(b.tolist()).toEqual([0, 0, 10, 20, 30]);
  });
  it("out must accept the result under same_kind", () => {
    expect(() => np.add(np.ones(3), 1.5, { out: np.zeros(3, { dtype: "int32" }) })).toThrow(
      "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
    );
    const o = np.zeros(3, { dtype: "int32" });
    np.add(np.ones(3), 1.5, { out: o, casting: "unsafe" });
    expect(o.tolist()).toEqual([2, 2, 2]);
  });
  it("out of another float dtype and a wider out", () => {
    const o32 = np.zeros(2, { dtype: "float32" });
    np.multiply(np.array([0.1, 0.2]), 3, { out: o32 });
    expect(o32.tolist()).toEqual([Math.fround(0.1 * 3), Math.fround(0.2 * 3)]);
    const wide = np.zeros([2, 3]);
    np.add(np.ones(3), 1, { out: wide });
    expect(wide.tolist()).toEqual([[2, 2, 2], [2, 2, 2]]);
  });
  it("out never broadcasts, and must be writeable", () => {
    expect(() => np.add(np.ones([2, 3]), 1, { out: np.zeros(3) })).toThrow("non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)");
    expect(() => np.add(np.ones(3), 1, { out: np.broadcast_to(np.zeros(3), [3]) })).toThrow("output array is read-only");
  });
  it("where keeps out's values where false, zeros without out", () => {
    const o = np.full(4, -1, { dtype: "float64" });
    np.add(np.arange(4), 100, { out: o, where: np.array([true, false, true, false]) });
    expect(o.tolist()).toEqual([100, -1, 102, -1]);
    expect(np.add(np.arange(3), 1, { where: np.array([false, true, false]) }).tolist()).toEqual([0, 2, 0]);
    // a broadcast mask
    const m = np.zeros([2, 2]);
    np.add(np.ones([2, 2]), 1, { out: m, where: np.array([true, false]) });
    expect(m.tolist()).toEqual([[2, 0], [2, 0]]);
  });
  it("where never computes the masked-out elements (no error from them)", () => {
    expect(np.power(np.array([2, 2]), np.array([2, -1]), { where: np.array([true, false]) }).tolist()).toEqual([4, 0]);
  });
  it("dtype picks the loop", () => {
    const r = np.add(np.array([1, 2], { dtype: "int8" }), np.array([3, 4], { dtype: "int8" }), { dtype: "float32" });
    expect(r.dtype).toBe("float32");
    expect(r.tolist()).toEqual([4, 6]);
    expect(() => np.add(np.ones(2), 1, { dtype: "int32" })).toThrow("Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32')");
  });
});

describe("out overlapping an input behaves as if the inputs were read first", () => {
  const seq = (): NDArray => np.arange(6);
  it("shifted views", () => {
    const a = seq();
    np.add(a.get("1:"), a.get(":-1"), { out: a.get("1:") });
    expect(a.tolist()).toEqual([0, 1, 3, 5, 7, 9]); // [0, 0+1, 1+2, 2+3, 3+4, 4+5]
    const b = seq();
    np.multiply(b.get(":-1"), 2, { out: b.get("1:") });
    expect(b.tolist()).toEqual([0, 0, 2, 4, 6, 8]); // each out element = OLD left neighbour * 2 (a naive loop gives zeros)
    const c = seq();
    np.add(c.get("1:"), 10, { out: c.get(":-1") });
    expect(c.tolist()).toEqual([11, 12, 13, 14, 15, 5]);
  });
  it("a reversed view of the output", () => {
    const a = seq();
    np.add(a.get("::-1"), 0, { out: a });
    expect(a.tolist()).toEqual([5, 4, 3, 2, 1, 0]);
  });
  it("the same elements in place need no copy and give the same answer", () => {
    const a = seq();
    np.multiply(a, a, { out: a });
    expect(a.tolist()).toEqual([0, 1, 4, 9, 16, 25]);
  });
  it("copies an input only when the solver cannot rule out a shared element (NumPy's max_work 1)", () => {
    const a = np.arange(8, { dtype: "float64" });
    let before = allocationStats().bytes;
    np.multiply(a.get("::2") as NDArray, 10, { out: a.get("1::2") as NDArray }); // interleaved: no common element
    expect(allocationStats().bytes - before).toBe(0);
    expect(a.tolist()).toEqual([0, 0, 2, 20, 4, 40, 6, 60]);
    before = allocationStats().bytes;
    np.add(a.get(":-1") as NDArray, 1, { out: a.get("1:") as NDArray }); // shifted: the input is copied (7 float64) and read first
    expect(allocationStats().bytes - before).toBe(7 * 8);
    expect(a.tolist()).toEqual([0, 1, 1, 3, 21, 5, 41, 7]);
  });
  it("a transposed view of a square output", () => {
    const a = np.arange(9).reshape(3, 3);
    np.add(a, a.T, { out: a });
    expect(a.tolist()).toEqual([[0, 4, 8], [4, 8, 12], [8, 12, 16]]);
  });
});

describe("scalars and nested arrays", () => {
  it("two numbers give a number, comparisons a boolean", () => {
    expect(np.add(2, 3)).toBe(5);
    expect(np.true_divide(1, 4)).toBe(0.25);
    expect(np.less(1, 2)).toBe(true);
    expect(np.sqrt(16)).toBe(4);
  });
  it("nested arrays are arrays", () => {
    const r = np.add([[1, 2], [3, 4]], [10, 20]);
    expect(r.tolist()).toEqual([[11, 22], [13, 24]]);
    expect(r.dtype).toBe("int32");
  });
  it("NEP 50: weak numbers keep the array's dtype or overflow", () => {
    expect(np.add(np.array([1], { dtype: "uint8" }), 2).dtype).toBe("uint8");
    expect(np.add(np.array([1], { dtype: "float32" }), 2.5).dtype).toBe("float32");
    expect(np.add(np.array([1], { dtype: "int32" }), 2.5).dtype).toBe("float64");
    expect(() => np.add(np.array([1], { dtype: "uint8" }), 300)).toThrow("Python integer 300 out of bounds for uint8");
  });
  it("comparisons with out-of-range integers answer exactly (NumPy 2)", () => {
    expect(np.less(np.array([1, 255], { dtype: "uint8" }), 300).tolist()).toEqual([true, true]);
    expect(np.equal(np.array([1], { dtype: "uint8" }), -1).tolist()).toEqual([false]);
  });
});

describe("copyto", () => {
  it("broadcasts, casts under same_kind and masks", () => {
    const a = np.zeros([2, 3], { dtype: "int32" });
    np.copyto(a, np.array([1, 2, 3]));
    expect(a.tolist()).toEqual([[1, 2, 3], [1, 2, 3]]);
    np.copyto(a, 7, { where: np.array([true, false, true]) });
    expect(a.tolist()).toEqual([[7, 2, 7], [7, 2, 7]]);
    expect(() => np.copyto(a, 2.5)).toThrow("Cannot cast scalar from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    expect(() => np.copyto(a, np.ones(3))).toThrow("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    expect(() => np.copyto(a, np.ones(4, { dtype: "int32" }))).toThrow("could not broadcast input array from shape (4,) into shape (2,3)");
  });
  it("reads an overlapping source first", () => {
    const a = np.arange(5);
    np.copyto(a.get("1:"), a.get(":-1"));
    expect(a.tolist()).toEqual([0, 0, 1, 2, 3]);
    const b = np.arange(5);
    np.copyto(b.get("1:"), b.get(":-1"), { where: np.array([true, true, false, true]) });
    expect(b.tolist()).toEqual([0, 0, 1, 3, 3]);
  });
});
