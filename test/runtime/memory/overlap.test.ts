import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { simplify, solveDiophantine } from "../../../runtime/memory/overlap.js";

/** Brute force: is sum a_k z_k == b solvable with 0 <= z_k <= ub_k? */
function brute(terms: { a: number; ub: number }[], b: number): boolean {
  const rec = (k: number, rest: number): boolean => {
    if (k === terms.length) return rest === 0;
    for (let z = 0; z <= terms[k].ub && z * terms[k].a <= rest; z++) if (rec(k + 1, rest - z * terms[k].a)) return true;
    return false;
  };
  return rec(0, b);
}

describe("solveDiophantine (mem_overlap.c)", () => {
  const cases: [{ a: number; ub: number }[], number][] = [
    [[], 0],
    [[], 3],
    [[{ a: 8, ub: 3 }], 16],
    [[{ a: 8, ub: 3 }], 17],
    [[{ a: 8, ub: 3 }, { a: 1, ub: 7 }], 20],
    [[{ a: 6, ub: 2 }, { a: 4, ub: 5 }], 11],
    [[{ a: 6, ub: 2 }, { a: 4, ub: 5 }], 26],
    [[{ a: 15, ub: 3 }, { a: 10, ub: 3 }, { a: 6, ub: 3 }], 31],
    [[{ a: 15, ub: 1 }, { a: 10, ub: 1 }, { a: 6, ub: 1 }], 29],
    [[{ a: 7, ub: 4 }, { a: 5, ub: 4 }, { a: 3, ub: 4 }, { a: 2, ub: 1 }], 23],
  ];
  it.each(cases)("%j = %s agrees with brute force", (terms, b) => {
    const big = terms.map((t) => ({ a: BigInt(t.a), ub: BigInt(t.ub) }));
    const r = solveDiophantine(simplify(big, BigInt(b)), BigInt(b), -1);
    expect(r).toBe(brute(terms, b) ? "yes" : "no");
  });
  it("gives up past max_work", () => {
    const terms = [{ a: 97n, ub: 50n }, { a: 89n, ub: 50n }, { a: 83n, ub: 50n }];
    expect(solveDiophantine(terms, 1n, 1)).not.toBe("yes");
    expect(["no", "too-hard"]).toContain(solveDiophantine(terms, 4000n, 1));
  });
});

describe("shares_memory / may_share_memory / byte_bounds", () => {
  const x = () => np.arange(12); // int32
  const cases: [string, (a: NDArray) => [NDArray, NDArray], boolean, boolean][] = [
    ["a view and its base", (a) => [a, a.get("2:6") as NDArray], true, true],
    ["interleaved halves", (a) => [a.get("::2") as NDArray, a.get("1::2") as NDArray], false, true],
    ["disjoint halves", (a) => [a.get(":6") as NDArray, a.get("6:") as NDArray], false, false],
    ["reversed view", (a) => [a.get("::-1") as NDArray, a.get("5:6") as NDArray], true, true],
    ["a copy", (a) => [a, a.copy()], false, false],
    ["empty slice", (a) => [a, a.get("3:3") as NDArray], false, false],
    ["rows vs columns of a 2-D view", (a) => [a.reshape(3, 4).get(0) as NDArray, a.reshape(3, 4).get(":, 1") as NDArray], true, true],
    ["stride-3 vs stride-6 that never meet", (a) => [a.get("1::3") as NDArray, a.get("::6") as NDArray], false, true],
    ["stride-3 vs stride-4 that meet at 4", (a) => [a.get("1::3") as NDArray, a.get("::4") as NDArray], true, true],
  ];
  it.each(cases)("%s", (_n, make, shares, may) => {
    const [p, q] = make(x());
    expect(np.shares_memory(p, q)).toBe(shares);
    expect(np.shares_memory(q, p)).toBe(shares);
    expect(np.may_share_memory(p, q)).toBe(may);
  });
  it("max_work 0 raises TooHardError when the extents overlap", () => {
    const a = x();
    expect(() => np.shares_memory(a.get("::2") as NDArray, a.get("1::2") as NDArray, { max_work: 0 })).toThrow("Exceeded max_work");
    expect(() => np.shares_memory(a, a, { max_work: -5 })).toThrow("Invalid value for max_work");
  });
  it("byte_bounds are offsets into the buffer", () => {
    const a = x();
    expect(np.byte_bounds(a)).toEqual([0, 48]);
    expect(np.byte_bounds(a.get("2:5") as NDArray)).toEqual([8, 20]);
    expect(np.byte_bounds(a.get("::-1") as NDArray)).toEqual([0, 48]);
    expect(np.byte_bounds(a.get("1::3") as NDArray)).toEqual([4, 44]);
  });
});

describe("as_strided", () => {
  it("makes windows that share memory with the source", () => {
    const a = np.arange(6);
    const w = np.lib.stride_tricks.as_strided(a, [4, 3], [4, 4]);
    expect(w.tolist()).toEqual([[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
    expect(w.base).toBe(a);
    expect(np.shares_memory(w.get(0) as NDArray, w.get(1) as NDArray)).toBe(true);
    expect(np.shares_memory(w.get(0) as NDArray, w.get(3) as NDArray)).toBe(false);
    expect(np.lib.stride_tricks.as_strided(a, [2], [8], { writeable: false }).flags.writeable).toBe(false);
    expect(np.lib.stride_tricks.as_strided(a).strides).toEqual([4]);
  });
  it("works from a view's offset, with negative strides", () => {
    const a = np.arange(6);
    const v = a.get("5:") as NDArray;
    expect(np.lib.stride_tricks.as_strided(v, [6], [-4]).tolist()).toEqual([5, 4, 3, 2, 1, 0]);
  });
  const errors: [string, () => unknown, RegExp][] = [
    ["past the end", () => np.lib.stride_tricks.as_strided(np.arange(6), [7], [4]), /as_strided would reach bytes \[0, 28\) of a buffer of 24 bytes/],
    ["before the start", () => np.lib.stride_tricks.as_strided(np.arange(6), [2], [-4]), /as_strided would reach bytes \[-4, 4\) of a buffer of 24 bytes/],
    ["misaligned stride", () => np.lib.stride_tricks.as_strided(np.arange(6), [2], [2]), /stride 2 is not a multiple of the itemsize 4 of int32/],
    ["lengths differ", () => np.lib.stride_tricks.as_strided(np.arange(6), [2, 2], [4]), /must have the same length/],
  ];
  it.each(errors)("%s", (_n, f, msg) => expect(f).toThrow(msg));
  it("a size-0 view may have any strides", () => {
    expect(np.lib.stride_tricks.as_strided(np.arange(2), [0, 5], [400, 4]).size).toBe(0);
  });
});
