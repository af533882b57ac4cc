/**
 * Text edits with maps both ways: insertions at one position come out closings (inner first),
 * openings (outer first), then a replacement; copied text maps one to one; inserted text maps to
 * its anchor; `toNew` puts an old offset before text inserted there.
 */
import { describe, expect, it } from "vitest";
import { applyEdits, lineAndColumn, lineStarts, type Edit } from "../../../../kernel/session/syntax/edits.js";

describe("applyEdits: text", () => {
  it.each<[string, string, Edit[], string]>([
    ["nothing", "x + y", [], "x + y"],
    ["one operator", "x + y", [{ start: 0, end: 0, text: "np.add(", side: "open" }, { start: 2, end: 3, text: "," }, { start: 5, end: 5, text: ")", side: "close" }], "np.add(x , y)"],
    // x * y + 1: inner multiply collected first, outer add second; both open at 0
    [
      "nested openings: outer first",
      "x * y + 1",
      [
        { start: 0, end: 0, text: "np.multiply(", side: "open" },
        { start: 2, end: 3, text: "," },
        { start: 5, end: 5, text: ")", side: "close" },
        { start: 0, end: 0, text: "np.add(", side: "open" },
        { start: 6, end: 7, text: "," },
        { start: 9, end: 9, text: ")", side: "close" },
      ],
      "np.add(np.multiply(x , y) , 1)",
    ],
    // 1 + x * y: both close at 9, inner first
    [
      "nested closings: inner first",
      "1 + x * y",
      [
        { start: 4, end: 4, text: "np.multiply(", side: "open" },
        { start: 6, end: 7, text: "," },
        { start: 9, end: 9, text: ")", side: "close" },
        { start: 0, end: 0, text: "np.add(", side: "open" },
        { start: 2, end: 3, text: "," },
        { start: 9, end: 9, text: ")", side: "close" },
      ],
      "np.add(1 , np.multiply(x , y))",
    ],
    // -x + y: the outer opening at 0 goes before the replacement of '-' at 0
    [
      "opening before a replacement at the same position",
      "-x + y",
      [{ start: 0, end: 1, text: "np.negative(" }, { start: 2, end: 2, text: ")", side: "close" }, { start: 0, end: 0, text: "np.add(", side: "open" }, { start: 3, end: 4, text: "," }, { start: 6, end: 6, text: ")", side: "close" }],
      "np.add(np.negative(x) , y)",
    ],
    ["empty replacement (a deletion)", "a[0]", [{ start: 1, end: 2, text: ".get(" }, { start: 3, end: 4, text: ")" }], "a.get(0)"],
    ["size 0 text", "", [{ start: 0, end: 0, text: "()", side: "open" }], "()"],
  ])("%s", (_name, text, edits, want) => {
    expect(applyEdits(text, edits).text).toBe(want);
  });

  it("refuses overlapping edits", () => {
    expect(() => applyEdits("abcdef", [{ start: 1, end: 4, text: "x" }, { start: 2, end: 3, text: "y" }])).toThrow(/overlapping edits/);
  });
});

describe("applyEdits: maps", () => {
  const text = "x\n + y";
  const edits: Edit[] = [{ start: 0, end: 0, text: "np.add(", side: "open", anchor: 3 }, { start: 3, end: 4, text: "," }, { start: 6, end: 6, text: ")", side: "close", anchor: 3 }];
  const a = applyEdits(text, edits);
  it("keeps the lines", () => {
    expect(a.text).toBe("np.add(x\n , y)");
  });
  it.each([
    // [new offset, old offset]
    [0, 3], // inside "np.add(": the anchor (the operator)
    [6, 3],
    [7, 0], // x
    [8, 1], // newline
    [9, 2], // space
    [10, 3], // "," stands for "+"
    [11, 4], // space after the operator
    [12, 5], // y
    [13, 3], // ")" anchored at the operator
    [14, 6], // end of text
  ])("toOld(%i) = %i", (n, o) => {
    expect(a.toOld(n)).toBe(o);
  });
  it.each([
    [0, 7],
    [1, 8],
    [5, 12],
    [6, 13], // the end of y: before the inserted ")"
  ])("toNew(%i) = %i", (o, n) => {
    expect(a.toNew(o)).toBe(n);
  });
});

describe("lineStarts / lineAndColumn", () => {
  it.each([
    ["", 0, [0, 0]],
    ["ab\ncd", 0, [0, 0]],
    ["ab\ncd", 2, [0, 2]],
    ["ab\ncd", 3, [1, 0]],
    ["ab\ncd", 5, [1, 2]],
    ["\n\n", 2, [2, 0]],
  ] as const)("%j at %i", (text, offset, [line, column]) => {
    expect(lineAndColumn(lineStarts(text), offset)).toEqual({ line, column });
  });
});
