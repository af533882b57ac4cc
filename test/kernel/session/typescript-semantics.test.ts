/**
 * TypeScript as tsc and peer kernels accept it, in process: the notebook's own modules (every
 * form bundler resolution allows, type-checked, imported afresh after an edit), the runtime by
 * its package name, re-declarations of any kind, a value and a type of one name across cells,
 * and a tsconfig.json beside (or above) the notebook. (A notebook module importing "strided"
 * needs the built runtime: test/e2e/typescript.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

let dir: string;
let session: StridedCellSession;

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}

async function value(s: StridedCellSession, code: string): Promise<unknown> {
  const r = await s.execute(code, new MemoryPublisher(), OPTS);
  if (r.status !== "ok") throw new Error(`${code}\n-> ${r.ename}: ${r.evalue}`);
  return r.value;
}

async function error(s: StridedCellSession, code: string): Promise<string> {
  const r = await s.execute(code, new MemoryPublisher(), OPTS);
  if (r.status === "ok") throw new Error(`${code}\n-> ok ${String(r.value)}, expected an error`);
  return `${r.ename}: ${r.evalue}`;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "strided-ts-"));
  write("util.ts", "export const inc = (x: number): number => x + 1;\nexport interface Pt { x: number }\n");
  write("pkg/b.ts", 'import { inc } from "../util";\nexport const b: string = "b" + inc(1);\n');
  write("pkg/index.ts", 'export { b } from "./b";\nexport const fromIndex = true;\n');
  write("m.mts", "export function m(): number { return 42; }\n");
  write("plain.js", "export const plain = 'js';\n");
  write("bad.ts", 'export const bad: number = "x";\n');
  write("edit.ts", "export const version = 1;\n");
  session = await createCellSession({ notebookDir: dir });
  await session.ready();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the notebook's own modules", () => {
  it.each([
    ['import { inc } from "./util"; inc(1)', 2],
    ['import { inc as i2 } from "./util.js"; i2(2)', 3],
    ['import { inc as i3 } from "./util.ts"; i3(3)', 4],
    ['import { b } from "./pkg/b"; b', "b2"],
    ['import { fromIndex, b as b2 } from "./pkg"; [fromIndex, b2]', [true, "b2"]],
    ['import { m } from "./m.mjs"; m()', 42],
    ['import { plain } from "./plain.js"; plain', "js"],
    ['import * as U from "./util"; U.inc(10)', 11],
    ['const { inc: i4 } = await import("./util"); i4(4)', 5],
    ['import type { Pt } from "./util"; const pt: Pt = { x: 1 }; pt.x', 1],
  ])("%s", async (code, expected) => {
    expect(await value(session, code)).toEqual(expected);
  });

  it("are type-checked: the cell's use and the module's own errors", async () => {
    expect(await error(session, 'import { inc as i5 } from "./util"; const s: string = i5(1)')).toMatch(/TS2322/);
    expect(await error(session, 'import { bad } from "./bad"; bad')).toMatch(/TS2322.*bad\.ts, line 1, column 14/);
    expect(await error(session, 'import { nothing } from "./no-such-file"')).toMatch(/TS2307/);
  });

  it("are imported afresh after an edit, and are the same instance while unchanged", async () => {
    expect(await value(session, 'import { version } from "./edit"; version')).toBe(1);
    expect(await value(session, 'import * as E1 from "./edit"; import * as E2 from "./edit"; E1 === E2')).toBe(true);
    write("edit.ts", "export const version: string = 'two';\n");
    utimesSync(path.join(dir, "edit.ts"), new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on a coarse clock
    expect(await value(session, 'import { version as v2 } from "./edit"; v2')).toBe("two");
    expect(await error(session, 'import { version as v3 } from "./edit"; const n: number = v3')).toMatch(/TS2322/);
  });
});

describe('import from "strided" gives the preloaded runtime', () => {
  it.each([
    ['import { np as np2, NDArray as ND } from "strided"; [np2 === np, ND === NDArray]', [true, true]],
    ['import * as S from "strided"; S.np === np', true],
    ['import { np as np3, type NDArray as T } from "strided"; const t: T = np3.arange(4); t.sum()', 6],
  ])("%s", async (code, expected) => {
    expect(await value(session, code)).toEqual(expected);
  });
});

describe("re-declarations that type-check run", () => {
  it.each([
    [["enum Direction { Up, Down }", "Direction.Down"], 1],
    [["let Direction = null", "Direction"], null],
    [["class A1 { x = 1 }", "enum A1 { P = 5 }", "A1.P"], 5],
    [["enum E2 { Q }", "class E2 { y = 2 }", "new E2().y"], 2],
    [["namespace N1 { export const v = 3 }", "N1.v"], 3],
    [["const N1 = 4", "N1"], 4],
    [["function f1() { return 1 }", "const f1 = 2", "f1"], 2],
    [["const f2 = 2", "function f2() { return 3 }", "f2()"], 3],
    [["namespace T1 { export type X = number }", "const T1 = 1; T1"], 1],
    [["const enum CE { a = 1 }", "CE.a"], 1],
    [["let CE = 2; CE"], 2],
    [["var vv = 1", "class vv {}", "typeof vv"], "function"],
  ])("%j", async (cells, expected) => {
    let last: unknown;
    for (const c of cells) last = await value(session, c);
    expect(last).toEqual(expected);
  });
});

describe("a value and a type of one name coexist across cells", () => {
  it.each([
    [['import { cpus } from "os"', "type cpus = number", "const k: cpus = 3; [k, cpus().length > 0]"], [3, true]],
    [["class C1 { x = 1 }", "type C1 = number", "const c: C1 = 3; [c, new C1().x]"], [3, 1]],
    [["interface P1 { x: number }", "const P1 = 5", "const p: P1 = { x: P1 }; p.x"], 5],
    [["const V1 = 'v'", "interface V1 { a: string }", "const w: V1 = { a: V1 }; w.a"], "v"],
  ])("%j", async (cells, expected) => {
    let last: unknown;
    for (const c of cells) last = await value(session, c);
    expect(last).toEqual(expected);
  });

  it("the type keeps its meaning too", async () => {
    await value(session, "class C2 { x = 1 }");
    await value(session, "type C2 = number");
    expect(await error(session, 'const bad2: C2 = "s"')).toMatch(/TS2322/);
  });
});

describe("a tsconfig.json beside or above the notebook sets compiler options", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "strided-tsconfig-"));
    mkdirSync(path.join(root, "loose", "deeper"), { recursive: true });
    writeFileSync(path.join(root, "loose", "tsconfig.json"), '{ // comments, as tsc allows\n "compilerOptions": { "strict": false, "noLib": false } }\n');
    mkdirSync(path.join(root, "strict"), { recursive: true });
    writeFileSync(path.join(root, "strict", "tsconfig.json"), '{ "compilerOptions": { "noUncheckedIndexedAccess": true } }\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ["loose", "function g(x) { return x } g(1)", 1, null],
    [path.join("loose", "deeper"), "let n: number = null; n", null, null],
    ["strict", "const xs = [1, 2]; const y: number = xs[0]; y", null, /TS2322/],
    [".", "function g(x) { return x }", null, /TS7006/],
  ])("in %s: %s", async (sub, code, expected, failure) => {
    const s = await createCellSession({ notebookDir: path.join(root, sub) });
    await s.ready();
    if (failure) expect(await error(s, code)).toMatch(failure);
    else expect(await value(s, code)).toEqual(expected);
  });
});
