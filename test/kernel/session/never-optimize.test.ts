/**
 * typecheck/never-optimize.ts: TypeScript's per-cell checker factory is marked so that V8 never
 * hands it to TurboFan (a 4 s, 100 MB compile after ~600 cells, measured on Node 20).
 * Checked on V8 itself: a child node with --trace-opt runs a marked and an unmarked hot function.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../../e2e/support/kernel.js";
import { neverOptimizeChecker } from "../../../kernel/session/typecheck/never-optimize.js";

beforeAll(() => ensureBuilt(), 300_000);

it("a marked hot function is never optimised, an unmarked one is", () => {
  const mod = join(ROOT, "dist", "kernel", "session", "typecheck", "never-optimize.js");
  const script = `
    const { neverOptimize } = require(${JSON.stringify(mod)});
    function markedHot(x) { return x * 2 + 1; }
    function plainHot(x) { return x * 2 + 1; }
    if (!neverOptimize(markedHot)) throw new Error("refused");
    let s = 0;
    for (let i = 0; i < 3e6; i++) s += markedHot(i) + plainHot(i);
  `;
  const r = spawnSync(process.execPath, ["--trace-opt", "--no-concurrent-recompilation", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/completed (compiling|optimizing) [^\n]*plainHot/);
  expect(r.stdout).not.toMatch(/completed (compiling|optimizing) [^\n]*markedHot/);
});

it("marks ts.createTypeChecker and leaves the natives syntax off", () => {
  expect(neverOptimizeChecker()).toBe(true);
  expect(() => vm.runInThisContext("(function (f) { %NeverOptimizeFunction(f); })")).toThrow(SyntaxError);
});
