/**
 * The prelude: what the checker keeps of each cell's declarations for the next cells.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CellCompiler } from "../../../kernel/session/compiler.js";

let compiler: CellCompiler;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "strided-prelude-"));
  compiler = new CellCompiler(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function declare(code: string): string {
  const r = compiler.compile(code, code, (l) => l);
  if (!r.ok) throw new Error(r.outcome.evalue);
  return compiler.preludeText();
}

describe("declarations kept for later cells", () => {
  it.each([
    ["const n1 = 5", "declare const n1: 5;"],
    ["let n2 = 5", "declare let n2: number;"],
    ["var n3 = 'a'", "declare var n3: string;"],
    ["const { p1, q: [p2] } = { p1: 1, q: ['s'] }", "declare const p2: string;"],
    ["function fn1(a: number, b = 2): number { return a + b }", "declare function fn1(a: number, b?: number): number;"],
    ["function gen1<T>(x: T): T { return x }", "declare function gen1<T>(x: T): T;"],
    ["interface If1 { a: number }", "interface If1 { a: number }"],
    ["export type Ty1 = string | number", "type Ty1 = string | number"],
    ["class Cl1 { x = 1 }", "class Cl1 { x = 1 }"],
    ["const Anon1 = class { v = 1 }", "const Anon1 = class { v = 1 };"],
    ["import { join } from 'node:path'", 'declare const join: typeof import("node:path", { with: { "resolution-mode": "import" } }).join;'],
  ])("%s", (code, line) => {
    expect(declare(code).split("\n")).toContain(line);
  });

  it("a class expression keeps its members' types", () => {
    declare("const Anon2 = class { w = 'text' }");
    const r = compiler.compile("const wrong: number = new Anon2().w", "", (l) => l);
    expect(r.ok === false && r.outcome.evalue).toMatch(/TS2322/);
  });

  it("a re-declared name keeps only its last declaration", () => {
    declare("const again = 1");
    const text = declare("const again = 'two'");
    expect(text).toContain('declare const again: "two";');
    expect(text).not.toContain("declare const again: 1;");
  });

  it("a cell that fails to check declares nothing", () => {
    const r = compiler.compile("const never1: number = 'x'", "", (l) => l);
    expect(r.ok).toBe(false);
    expect(compiler.preludeText()).not.toContain("never1");
  });
});
