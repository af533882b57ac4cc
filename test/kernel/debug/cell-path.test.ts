/**
 * The debugger's cell paths (kernel/debug/cell-path.ts): MurmurHash2 as ipykernel and JupyterLab
 * compute it. Vectors: ipykernel 6.17's compiler.murmur2_x86 (the live comparison against
 * ipykernel itself is in test/e2e/debugger.test.ts).
 */
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { cellSourcePath, HASH_SEED, murmur2 } from "../../../kernel/debug/cell-path.js";

describe("murmur2", () => {
  it.each([
    { text: "", seed: HASH_SEED, hash: 3990065800 },
    { text: "a", seed: HASH_SEED, hash: 2167009006 },
    { text: "ab", seed: HASH_SEED, hash: 2805137849 },
    { text: "abc", seed: HASH_SEED, hash: 3350977461 },
    { text: "abcd", seed: HASH_SEED, hash: 804720481 },
    { text: "def f(a, b):\n    c = a + b\n    return c\n\nf(2, 3)", seed: HASH_SEED, hash: 1440027060 },
    { text: "é∑😀 x", seed: HASH_SEED, hash: 3615912458 },
    { text: "a", seed: 0, hash: 2456313694 },
    { text: "é∑😀 x", seed: 0, hash: 1553946806 },
  ])("murmur2($text, $seed) is $hash", ({ text, seed, hash }) => {
    expect(murmur2(text, seed)).toBe(hash);
  });
});

describe("cellSourcePath", () => {
  it("is <tmpdir>/strided_<pid>/<hash>.ts", () => {
    expect(cellSourcePath("abc")).toBe(`${tmpdir()}/strided_${process.pid}/3350977461.ts`);
  });
});
