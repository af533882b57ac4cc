/**
 * Cells checked by a kept program (kernel/session/typecheck/kept-program.ts) give what a program
 * made for each cell gives: the same errors, the same JavaScript, the same prelude, cell after
 * cell, whatever earlier cells declared, re-declared or got wrong.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CellCompiler } from "../../../kernel/session/compiler.js";
import { CHECK_LIMIT, RECENT_LIMIT } from "../../../kernel/session/typecheck/kept-program.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), "strided-kept-"));
  dirs.push(d);
  return d;
}

/** What a compile gives, comparable across compilers (hidden prelude names carry a process-wide counter). */
function outcome(c: CellCompiler, code: string): unknown {
  const r = c.compile(code, code, (l) => l);
  const prelude = c.preludeText().replace(/__strided_hidden_\d+_/g, "__strided_hidden_N_");
  return r.ok ? { ok: true, js: r.emitted.js, declares: r.declares, prelude } : { ok: false, ...r.outcome, prelude };
}

/** In a list of cells: the kept program is made again here (so the names before are in its prelude, not recent). */
const REMAKE = "<remake>";

/** Run `cells` through a kept-program compiler and a full-path one; every outcome must be the same. */
function same(cells: string[]): CellCompiler {
  const kept = new CellCompiler(folder());
  const full = new CellCompiler(folder(), true, false);
  for (const cell of cells)
    if (cell === REMAKE) kept.dropKeptPrograms();
    else expect({ cell, ...(outcome(kept, cell) as object) }).toEqual({ cell, ...(outcome(full, cell) as object) });
  expect(full.counts.kept).toBe(0);
  return kept;
}

describe("a kept program checks cells as a program made for each cell does", () => {
  it.each([
    ["re-declared values", ["const a = 1", "const b: number = a", REMAKE, "const a = 'x'", "const c: number = a", "a.length", "const a = 2", "a + 1"]],
    ["an interface re-declared after a value was typed by it", ["interface Foo { a: number }", "const y: Foo = { a: 1 }", REMAKE, "interface Foo { b: string }", "y.a", "const z: Foo = { b: 's' }; z.b", "y.b"]],
    ["a value typed by another's type", ["const base1 = { a: 1 }", "const der: typeof base1 = { a: 2 }", REMAKE, "const base1 = 5", "der.a", "const d2: number = der.a", "base1.toFixed()"]],
    ["functions re-declared", ["function f(x: number) { return x * 2 }", "f(2)", "const g = f", REMAKE, "function f(x: string) { return x }", "g(3)", "f('s')", "f(3)"]],
    ["a class, then a type of its name", ["class A { x = 1 }", "const a1 = new A()", REMAKE, "type A = number", "const n: A = 3", "new A().x", "a1.x", "const bad: A = 's'"]],
    ["a recent class's value re-declared, its type used", ["class K { x = 1 }", "const K = 5; let kk: K | undefined = undefined; kk", "const k2: K = { x: 2 }; k2.x", "K + 1"]],
    ["enums and namespaces", ["enum E { A, B }", "E.A", "let E = null", "E", "namespace N { export const v = 1 }", "N.v", "const q: typeof N.v = 1", "enum N { Z }", "N.Z"]],
    ["recent declarations naming each other", ["interface P1 { a: number }", "interface P2 { p: P1 }", "const o: P2 = { p: { a: 1 } }", "o.p.a", REMAKE, "interface P1 { a: string }", "o.p.a.toFixed()", "const w: P1 = o.p; w", "const w2: P2 = { p: { a: 's' } }"]],
    ["errors, syntax errors and ts-expect-error", ["const e1: number = 'x'", "e1", "const e2 = ;", "e2", "// @ts-expect-error\nconst e3: number = 's'", "e3", "// @ts-expect-error\nconst e4 = 1", "const e5 = 1", "e5"]],
    ["let and const", ["let m = 1", "m = 2", "m = 's'", "const m = 3", "m = 4", "var m = 5", "m"]],
    ["globals and augmentations", ["var gv = 1", "globalThis.gv", "interface Array<T> { first2(): T }", "[1].first2()", "declare global { interface Q1 { a: number } }", "const q1: Q1 = { a: 1 }"]],
    ["a lib name declared by a cell", ["const fetch = 1", "fetch + 1", "interface Error { extra: number }", "new Error('x').extra"]],
    ["imports between kept cells", ["import { cpus } from 'os'", "type cpus = number", "cpus().length", "const k: cpus = 1", "import os from 'node:os'", "os.cpus().length"]],
    ["NumPy syntax", ["const x = np.arange(3)", "x + x", "const y2 = x * 2; y2", "x['1:']", "const s: number = x.sum(); s", "const t: number = x + 1"]],
    ["top-level await", ["const p = Promise.resolve(1)", "await p", "const v = await p; v", "const bad: string = await p"]],
  ])("%s", (_name, cells) => {
    same(cells);
  });

  it("beyond the kept program's limits (recent names, cells per program)", () => {
    const cells: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 10; i++) cells.push(`const v${i}: number = ${i};`);
    for (let j = 0; j < CHECK_LIMIT + 10; j++) cells.push(j % 7 === 3 ? `const w${j}: string = v${j % 40}` : `const s${j}: number = v1 + v${j % 40} * ${j}; s${j}`);
    cells.push("const v3 = 'now a string'", "const bad: number = v3", "v3.length");
    const kept = same(cells);
    expect(kept.counts.kept).toBeGreaterThan(cells.length / 2);
    expect(kept.counts.made).toBeGreaterThanOrEqual(3);
  });
});

describe("what the kept program keeps", () => {
  it("simple cells are checked by it, cells naming a file are not", () => {
    const c = new CellCompiler(folder());
    c.compile("const k1: number = 1", "", (l) => l);
    c.compile("k1 + 1", "", (l) => l);
    expect(c.counts).toMatchObject({ kept: 2, full: 0 });
    c.compile("import { sep } from 'node:path'", "", (l) => l);
    expect(c.counts).toMatchObject({ kept: 2, full: 1 });
  });

  it("is made again after CHECK_LIMIT cells, so what its checker keeps of each cell is bounded", () => {
    const c = new CellCompiler(folder());
    const checkers = new Set<unknown>();
    for (let i = 0; i < 3 * CHECK_LIMIT; i++) {
      c.compile(`${i} * 2 + 1`, "", (l) => l);
      checkers.add(c.keptProgram()?.getTypeChecker());
    }
    expect(c.counts.kept).toBe(3 * CHECK_LIMIT);
    expect(c.counts.made).toBe(3);
    expect(checkers.size).toBe(3); // a new checker each time, not the last one's again
  });

  it("released when the kernel is quiet: the compiler drops it and the language service no longer holds it (it held its current program); the next cell makes one", () => {
    const c = new CellCompiler(folder());
    c.compile("const r1: number = 1", "", (l) => l);
    for (let i = 0; i < 5; i++) c.compile(`r1 + ${i}`, "", (l) => l);
    const kept = c.keptProgram();
    expect(kept).not.toBeNull();
    // the service's current program, read without making one (getCurrentProgram: at run time, not in the public types)
    const current = (): unknown => (c.host.service as unknown as { getCurrentProgram(): unknown }).getCurrentProgram();
    expect(current()).toBe(kept); // what the release has to undo
    c.releaseKeptPrograms();
    expect(c.keptProgram()).toBeNull();
    expect(current()).not.toBe(kept);
    const r = c.compile("r1 + 2", "", (l) => l);
    expect(r.ok).toBe(true);
    expect(c.keptProgram()).not.toBeNull();
  });

  it("an edited notebook module is seen by the next cell that uses it, though that cell names no file", () => {
    const dir = folder();
    const m = path.join(dir, "m.ts");
    writeFileSync(m, "export function f(): number { return 1 }\n");
    const c = new CellCompiler(dir);
    expect(c.compile("import { f } from './m'", "", (l) => l).ok).toBe(true);
    expect(c.compile("const a: number = f()", "", (l) => l).ok).toBe(true);
    writeFileSync(m, "export function f(): string { return 's' }\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(m, later, later);
    const r = c.compile("const b: number = f()", "", (l) => l);
    expect(r.ok === false && r.outcome.evalue).toMatch(/TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it("a cell that fails leaves nothing behind for the next", () => {
    const c = new CellCompiler(folder());
    expect(c.compile("const good1 = 1", "", (l) => l).ok).toBe(true);
    expect(c.compile("const bad1: string = good1; const bad2 = 1", "", (l) => l).ok).toBe(false);
    const r = c.compile("bad2", "", (l) => l);
    expect(r.ok === false && r.outcome.evalue).toMatch(/TS2304: Cannot find name 'bad2'/);
    expect(c.compile("const good2: number = good1; good2", "", (l) => l).ok).toBe(true);
    expect(c.counts.full).toBe(0);
  });
});
