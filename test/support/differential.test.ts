import { describe, expect, it, vi } from "vitest";
import { answerValue, countDifferences, expectNoneDiffer } from "./differential.js";

describe("countDifferences", () => {
  it.each([
    { name: "all equal", ours: [1, [2, 3], { a: 1 }], theirs: [1, [2, 3], { a: 1 }], want: 0 },
    { name: "one differs", ours: [1, [2, 3]], theirs: [1, [2, 4]], want: 1 },
    { name: "all differ", ours: [1, 2, 3], theirs: [0, 0, 0], want: 3 },
    { name: "no cases", ours: [], theirs: [], want: 0 },
  ])("$name", ({ ours, theirs, want }) => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(countDifferences(ours, ours, theirs, 2)).toBe(want);
    expect(err).toHaveBeenCalledTimes(Math.min(want, 2));
    err.mockRestore();
  });

  it("prints explain(i) when given", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    countDifferences(["c0", "c1"], [1, 2], [1, 3], 5, (i) => `case number ${i}`);
    expect(err).toHaveBeenCalledWith("case number 1");
    err.mockRestore();
  });
});

describe("expectNoneDiffer", () => {
  it("passes when every case agrees", () => {
    expect(() => expectNoneDiffer([1, 2, 3], () => null)).not.toThrow();
  });
  it("fails naming the count and the first `show` differences", () => {
    const differ = (c: number): string | null => (c % 2 === 0 ? `${c} is even` : null);
    expect(() => expectNoneDiffer([1, 2, 3, 4, 6], differ, 2)).toThrow(/3 of 5 differ/);
    expect(() => expectNoneDiffer([1, 2, 3, 4, 6], differ, 2)).toThrow(/4 is even/);
    expect(() => expectNoneDiffer([1, 2, 3, 4, 6], differ, 2)).not.toThrow(/6 is even/);
  });
});

describe("answerValue", () => {
  it.each([
    [{ ok: [1, 2] }, [1, 2]],
    [{ error: "ValueError", message: "m" }, { error: "ValueError", message: "m" }],
  ])("%j -> %j", (a, want) => expect(answerValue(a)).toEqual(want));
});
