import { describe, expect, it } from "vitest";
import { caseRng, mulberry32 } from "./prng.js";

describe("mulberry32", () => {
  it("is a function of its seed, in [0, 1), and differs between seeds", () => {
    const a = Array.from({ length: 1000 }, mulberry32(5));
    expect(Array.from({ length: 1000 }, mulberry32(5))).toEqual(a);
    expect(Array.from({ length: 1000 }, mulberry32(6))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBe(1000);
  });
});

describe("caseRng", () => {
  it.each([0, 1, 99])("seed %i: int stays in [lo, hi] and reaches both ends; pick reaches every entry", (seed) => {
    const { int, pick, chance } = caseRng(seed);
    const ints = Array.from({ length: 2000 }, () => int(-2, 3));
    expect(new Set(ints)).toEqual(new Set([-2, -1, 0, 1, 2, 3]));
    const picks = Array.from({ length: 500 }, () => pick(["a", "b", "c"]));
    expect(new Set(picks)).toEqual(new Set(["a", "b", "c"]));
    const heads = Array.from({ length: 2000 }, () => chance(0.25)).filter(Boolean).length;
    expect(heads).toBeGreaterThan(350);
    expect(heads).toBeLessThan(650);
  });
});
