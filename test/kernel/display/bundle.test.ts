import { describe, expect, it } from "vitest";
import { JUPYTER_DISPLAY, plainText, toMimeBundle } from "../../../kernel/display/bundle.js";

class WithToString {
  toString(): string {
    return "custom text";
  }
}

/** An object that displays itself as `text` (as an NDArray shows its repr). */
const shown = (text: string): object => ({ [JUPYTER_DISPLAY]: () => ({ "text/plain": text }) });

describe("toMimeBundle", () => {
  it.each([
    [42, "42"],
    ["s", "'s'"],
    [null, "null"],
    [undefined, "undefined"],
    [[1, 2], "[ 1, 2 ]"],
    [{ a: 1 }, "{ a: 1 }"],
    [10n, "10n"],
    [new WithToString(), "custom text"],
    [new Map([["k", 1]]), "Map(1) { 'k' => 1 }"],
    [[shown("array([0, 1])"), shown("array([2])")], "[array([0, 1]), array([2])]"],
    [[shown("array([[1, 0],\n       [0, 1]])"), 3, "s", [shown("array(5)"), null]], "[array([[1, 0],\n       [0, 1]]), 3, 's', [array(5), null]]"],
    [[[1, 2], { a: 1 }], "[ [ 1, 2 ], { a: 1 } ]"],
  ])("text/plain of %s", (value, text) => {
    expect(toMimeBundle(value)).toEqual({ "text/plain": text });
    expect(plainText(value)).toBe(text);
  });

  it("merges what [Symbol.for('Jupyter.display')]() returns, which wins over text/plain", () => {
    const v = { [JUPYTER_DISPLAY]: () => ({ "text/html": "<b>x</b>", "text/plain": "X" }) };
    expect(toMimeBundle(v)).toEqual({ "text/html": "<b>x</b>", "text/plain": "X" });
  });

  it("never throws: a failing display method falls back to text naming the error", () => {
    const v = {
      [JUPYTER_DISPLAY]: () => {
        throw new Error("broken");
      },
    };
    const b = toMimeBundle(v);
    expect(b["text/plain"]).toMatch(/display failed: broken/);
  });

  it("never throws: a throwing toString", () => {
    class Bad {
      toString(): string {
        throw new Error("no text");
      }
    }
    expect(toMimeBundle(new Bad())["text/plain"]).toMatch(/cannot be shown: no text/);
  });

  it("a big typed array reads as util.inspect shows it (100 elements), not its toString's every element", () => {
    const text = toMimeBundle(new Float64Array(1_000_000))["text/plain"] as string;
    expect(text).toMatch(/^Float64Array\(1000000\) \[/);
    expect(text).toContain("... 999900 more items");
    expect(text.length).toBeLessThan(2000);
  });

  it("a deeply nested JS array reads as util.inspect shows it, not a stack overflow", () => {
    const deep: unknown[] = [];
    let cur = deep;
    for (let i = 0; i < 100_000; i++) {
      const n: unknown[] = [];
      cur.push(n);
      cur = n;
    }
    const text = toMimeBundle(deep)["text/plain"] as string;
    expect(text).not.toMatch(/cannot be shown/);
    expect(text.replace(/\s+/g, " ")).toBe("[ [ [ [ [ [Array] ] ] ] ] ]");
  });
});
