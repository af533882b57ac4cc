import ts from "typescript";
import { describe, expect, it } from "vitest";
import { decodeVlq, SourceMap } from "../../../kernel/session/run/sourcemap.js";

describe("decodeVlq", () => {
  it.each([
    ["A", [0]],
    ["C", [1]],
    ["D", [-1]],
    ["gB", [16]],
    ["AAAA", [0, 0, 0, 0]],
    ["AACL", [0, 0, 1, -5]],
    ["2Hwc", [123, 456]], // 123 -> 246 = 0b111_10110 -> "2" (54 = 32 + 22), "H" (7); 456 -> 912 -> "w" (48 = 32 + 16), "c" (28),
  ])("%s", (seg, values) => {
    expect(decodeVlq(seg)).toEqual(values);
  });
});

describe("SourceMap.lookup against TypeScript's own maps", () => {
  it.each([
    ["const a: number = 1;\nconst b: string = 'x';\nthrow new Error(b);", "throw", 2, 0],
    ["interface I { x: number }\n\nconst c = { x: 1 } as I;\nc.x;", "c.x", 3, 0],
    ["type T = number;\nfunction f(n: T): T {\n  return n * 2;\n}", "return", 2, 2],
  ])("%j finds %s", (source, token, line, column) => {
    const out = ts.transpileModule(source, { compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2022 }, fileName: "cell.ts" });
    const map = SourceMap.parse(out.sourceMapText ?? "");
    const jsLines = out.outputText.split("\n");
    const jsLine = jsLines.findIndex((l) => l.includes(token));
    const pos = map.lookup(jsLine, jsLines[jsLine].indexOf(token));
    expect(pos).toEqual({ line, column });
  });

  it("an empty map finds nothing", () => {
    expect(SourceMap.parse("").lookup(0, 0)).toBeUndefined();
  });
});
