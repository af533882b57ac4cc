import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { outputPath, parseRunArgs } from "../../../kernel/cli/run.js";

describe("parseRunArgs", () => {
  it.each([
    { argv: ["a.ipynb"], want: { notebooks: ["a.ipynb"], out: null, timeout: 120, kernel: null } },
    { argv: ["a.ipynb", "b.ipynb", "--out", "o", "--timeout", "2.5", "--kernel", "python3"], want: { notebooks: ["a.ipynb", "b.ipynb"], out: "o", timeout: 2.5, kernel: "python3" } },
    { argv: ["--timeout=3", "a.ipynb", "--out=x"], want: { notebooks: ["a.ipynb"], out: "x", timeout: 3, kernel: null } },
  ])("$argv", ({ argv, want }) => {
    expect(parseRunArgs(argv)).toEqual(want);
  });
  it.each([
    { argv: [], err: /no notebook given/ },
    { argv: ["a.ipynb", "--timeout", "0"], err: /--timeout must be a positive number of seconds, got 0/ },
    { argv: ["a.ipynb", "--timeout", "soon"], err: /got soon/ },
    { argv: ["a.ipynb", "--out"], err: /--out needs a value/ },
    { argv: ["a.ipynb", "--fast"], err: /unknown option --fast/ },
  ])("refuses $argv", ({ argv, err }) => {
    expect(() => parseRunArgs(argv)).toThrow(err);
  });
});

describe("outputPath", () => {
  it.each([
    { input: "/n/a.ipynb", out: null, want: "/n/out/a.ipynb" },
    { input: "/n/a.ipynb", out: "/elsewhere", want: "/elsewhere/a.ipynb" },
    { input: "rel/b.ipynb", out: null, want: resolve("rel/out/b.ipynb") },
  ])("$input --out $out", ({ input, out, want }) => {
    expect(outputPath(input, out)).toBe(want);
  });
});

