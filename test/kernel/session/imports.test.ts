/**
 * `import` in cells: Node built-ins, a CommonJS and an ES-module package written into a temporary
 * notebook folder's node_modules, packages found only in the kernel's own node_modules, and
 * type-checking that resolves the same way.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
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

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "strided-nb-"));
  write("node_modules/cjs-pkg/package.json", JSON.stringify({ name: "cjs-pkg", main: "lib/main.js" }));
  write("node_modules/cjs-pkg/lib/main.js", "exports.triple = (x) => x * 3; exports.kind = 'cjs';");
  write("node_modules/cjs-pkg/lib/main.d.ts", "export declare function triple(x: number): number; export declare const kind: string;");
  write("node_modules/esm-pkg/package.json", JSON.stringify({ name: "esm-pkg", type: "module", exports: { ".": { types: "./index.d.ts", import: "./index.js" }, "./extra": { import: "./extra.js" } } }));
  write("node_modules/esm-pkg/index.js", "export const greet = (n) => `hi ${n}`; export default 99;");
  write("node_modules/esm-pkg/index.d.ts", "export declare const greet: (n: string) => string; declare const d: number; export default d;");
  write("node_modules/esm-pkg/extra.js", "export const extra = 'x';");
  write("node_modules/untyped/package.json", JSON.stringify({ name: "untyped", main: "index.js" }));
  write("node_modules/untyped/index.js", "module.exports = { value: 5 };");
  write("local.mjs", "export const here = 'local';");
  session = await createCellSession({ notebookDir: dir });
  await session.ready();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function value(code: string): Promise<unknown> {
  const r = await session.execute(code, new MemoryPublisher(), OPTS);
  if (r.status !== "ok") throw new Error(`${r.ename}: ${r.evalue}`);
  return r.value;
}

describe("imports resolve from the notebook's folder, then the kernel's node_modules", () => {
  it.each([
    ["import path from 'node:path'; path.join('a', 'b')", "a/b"],
    ["import { sep } from 'path'; sep", "/"],
    ["import * as os from 'node:os'; typeof os.cpus", "function"],
    ["import { triple, kind } from 'cjs-pkg'; [triple(2), kind]", [6, "cjs"]],
    ["import cjs from 'cjs-pkg'; cjs.triple(3)", 9],
    ["import answer, { greet } from 'esm-pkg'; [answer, greet('a')]", [99, "hi a"]],
    ["import { extra } from 'esm-pkg/extra'; extra", "x"],
    ["import u from 'untyped'; u.value", 5],
    ["import { here } from './local.mjs'; here", "local"],
    ["import { v4 } from 'uuid'; v4().length", 36],
    ["(await import('esm-pkg')).greet('b')", "hi b"],
    ["import fs = require('node:fs'); typeof fs.readFileSync", "function"],
    ["import cjsReq = require('cjs-pkg'); cjsReq.triple(4)", 12],
    ["import type { Stats } from 'node:fs'; const st: Stats | null = null; st", null],
    ["import { type Dirent, existsSync } from 'node:fs'; existsSync('/')", true],
    ["import 'cjs-pkg'; 1", 1],
  ])("%s", async (code, expected) => {
    expect(await value(code)).toEqual(expected);
  });

  it("imported bindings keep their types in later cells", async () => {
    await value("import { triple as t3 } from 'cjs-pkg'");
    const r = await session.execute("const bad: string = t3(1)", new MemoryPublisher(), OPTS);
    expect(r.status === "error" && r.evalue).toMatch(/TS2322/);
    expect(await value("t3(5)")).toBe(15);
  });

  it("a missing package is a type error naming it", async () => {
    const r = await session.execute("import nothing from 'no-such-package'", new MemoryPublisher(), OPTS);
    expect(r.status === "error" && r.evalue).toMatch(/TS2307.*no-such-package/);
  });
});
