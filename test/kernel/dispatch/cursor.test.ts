import { describe, expect, it } from "vitest";
import { codePointToUtf16, utf16ToCodePoint } from "../../../kernel/dispatch/cursor.js";

// Expected offsets counted by hand: "é" is 1 unit, "😀" (U+1F600) and "𝑥" (U+1D465) are 2 units each.
const cases: { text: string; cp: number; utf16: number }[] = [
  { text: "", cp: 0, utf16: 0 },
  { text: "abc", cp: 2, utf16: 2 },
  { text: "é=1", cp: 2, utf16: 2 },
  { text: "😀x", cp: 1, utf16: 2 },
  { text: "😀x", cp: 2, utf16: 3 },
  { text: "a😀😀b", cp: 3, utf16: 5 },
  { text: "𝑥 + 1", cp: 2, utf16: 3 },
];

describe("code points ↔ UTF-16 offsets", () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.text)} at ${c.cp}`, () => {
      expect(codePointToUtf16(c.text, c.cp)).toBe(c.utf16);
      expect(utf16ToCodePoint(c.text, c.utf16)).toBe(c.cp);
    });
  }
  it("agrees with Array.from over every position of a mixed string", () => {
    const text = "a😀é𝑥\u{10FFFF}z";
    const cps = Array.from(text);
    for (let cp = 0; cp <= cps.length; cp++) {
      const units = cps.slice(0, cp).join("").length;
      expect(codePointToUtf16(text, cp)).toBe(units);
      expect(utf16ToCodePoint(text, units)).toBe(cp);
    }
  });
  it("clamps past the end", () => {
    expect(codePointToUtf16("😀", 5)).toBe(2);
    expect(utf16ToCodePoint("😀", 9)).toBe(1);
  });
  it("a lone surrogate counts as one code point", () => {
    expect(codePointToUtf16("\ud800a", 1)).toBe(1);
    expect(utf16ToCodePoint("\ud800a", 2)).toBe(2);
  });
});
