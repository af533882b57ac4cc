import { describe, expect, it } from "vitest";
import { History, globMatcher } from "../../../kernel/dispatch/history.js";

describe("globMatcher matches like SQLite GLOB (whole input, case-sensitive)", () => {
  const cases: { glob: string; yes: string[]; no: string[] }[] = [
    { glob: "*", yes: ["", "anything\nmultiline"], no: [] },
    { glob: "np.*", yes: ["np.zeros(3)", "np."], no: ["xnp.zeros", "NP.zeros"] },
    { glob: "a?c", yes: ["abc", "a😀c"], no: ["ac", "abbc"] },
    { glob: "[ab]x", yes: ["ax", "bx"], no: ["cx"] },
    { glob: "[^ab]x", yes: ["cx"], no: ["ax", "bx"] },
    { glob: "[a-c]*", yes: ["b1"], no: ["d1"] },
    { glob: "(1+2)*3", yes: ["(1+2)*3", "(1+2) * 3"], no: ["1+2*3"] },
    { glob: "a[b", yes: ["a[b"], no: ["ab"] },
    { glob: "$^.|\\", yes: ["$^.|\\"], no: ["x"] },
    { glob: "[]a]*", yes: ["]x", "a"], no: ["b"] },
    { glob: "*a*b*a", yes: ["aba", "xaybza", "abba"], no: ["ab", "aab", "bba"] },
    { glob: "a*", yes: ["a"], no: ["", "ba"] },
    { glob: "*a", yes: ["a", "ba"], no: ["", "ab"] },
    { glob: "a**b", yes: ["ab", "axb"], no: ["a", "b"] },
  ];
  for (const c of cases) {
    it(c.glob, () => {
      const re = globMatcher(c.glob);
      for (const s of c.yes) expect(re.test(s), s).toBe(true);
      for (const s of c.no) expect(re.test(s), s).toBe(false);
    });
  }
});

it("a pattern that backtracks exponentially as a RegExp (10,000 stars, then a letter the input lacks) answers at once", () => {
  const input = "x = 1; ".repeat(2000);
  const t0 = performance.now();
  expect(globMatcher("*".repeat(10_000) + "q").test(input)).toBe(false);
  expect(globMatcher("*a".repeat(500) + "*q").test("a".repeat(5000))).toBe(false);
  expect(performance.now() - t0).toBeLessThan(2000);
});

describe("History", () => {
  const h = new History();
  ["a = 1", "b = 2", "a = 1", "c = 3"].forEach((code, i) => h.add(i + 1, code));
  it("range with stop null goes to the end", () => expect(h.range(0, 3, null, false)).toEqual([[1, 3, "a = 1"], [1, 4, "c = 3"]]));
  it("tail larger than the history gives all of it", () => expect(h.tail(99, false)).toHaveLength(4));
  it("search unique with n keeps the latest matches", () => expect(h.search("? = ?", 2, true, false)).toEqual([[1, 3, "a = 1"], [1, 4, "c = 3"]]));
});
