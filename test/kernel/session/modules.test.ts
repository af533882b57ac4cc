/**
 * Import resolution for cells (run/modules.ts): package "exports" with Node's ESM conditions,
 * subpath patterns, "main", index.js, the notebook's folder before the kernel's node_modules.
 */
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveForCell } from "../../../kernel/session/run/modules.js";

let dir: string;

function pkg(name: string, json: Record<string, unknown>, files: string[]): void {
  const root = path.join(dir, "node_modules", name);
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name, ...json }));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), "export {};\n");
  }
}

const url = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "strided-resolve-"));
  pkg("exp-string", { exports: "./main.mjs" }, ["main.mjs"]);
  pkg("exp-cond", { exports: { ".": { require: "./c.cjs", import: "./e.mjs" } } }, ["c.cjs", "e.mjs"]);
  pkg("exp-nested", { exports: { ".": { node: { import: "./n.mjs", default: "./d.js" }, default: "./x.js" } } }, ["n.mjs", "d.js", "x.js"]);
  pkg("exp-sugar", { exports: { import: "./s.mjs", default: "./s.cjs" } }, ["s.mjs", "s.cjs"]);
  pkg("exp-pattern", { exports: { "./features/*": "./src/features/*.js", ".": "./i.js" } }, ["src/features/a.js", "i.js"]);
  pkg("main-only", { main: "lib/entry" }, ["lib/entry.js"]);
  pkg("no-main", {}, ["index.js"]);
  pkg("@scope/pkg", { exports: { "./sub": "./sub.js" } }, ["sub.js"]);
  pkg("array-target", { exports: { ".": [{ worker: "./w.js" }, "./fallback.js"] } }, ["w.js", "fallback.js"]);
  writeFileSync(path.join(dir, "local.mjs"), "export {};\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveForCell", () => {
  it.each([
    ["node:fs", "node:fs"],
    ["path", "path"],
    ["exp-string", "node_modules/exp-string/main.mjs"],
    ["exp-cond", "node_modules/exp-cond/e.mjs"],
    ["exp-nested", "node_modules/exp-nested/n.mjs"],
    ["exp-sugar", "node_modules/exp-sugar/s.mjs"],
    ["exp-pattern/features/a", "node_modules/exp-pattern/src/features/a.js"],
    ["exp-pattern", "node_modules/exp-pattern/i.js"],
    ["main-only", "node_modules/main-only/lib/entry.js"],
    ["no-main", "node_modules/no-main/index.js"],
    ["@scope/pkg/sub", "node_modules/@scope/pkg/sub.js"],
    ["array-target", "node_modules/array-target/fallback.js"],
    ["./local.mjs", "local.mjs"],
  ])("%s", (spec, expected) => {
    const want = expected.startsWith("node_modules") || expected.endsWith(".mjs") ? url(expected) : expected;
    // The notebook's own JavaScript files carry their mtime, so an edited file is imported afresh (run/local-modules.ts).
    const version = spec.startsWith(".") ? `?v=${statSync(path.join(dir, expected)).mtimeMs}` : "";
    expect(resolveForCell(spec, dir)).toBe(want + version);
  });

  it("falls back to the kernel's own node_modules", () => {
    expect(resolveForCell("uuid", dir)).toMatch(/\/node_modules\/uuid\//);
  });

  it.each([
    ["exp-pattern/missing/x", /does not export \.\/missing\/x/],
    ["@scope/pkg", /does not export a main entry/],
    ["not-installed-anywhere", /cannot find package 'not-installed-anywhere'.*npm install not-installed-anywhere/],
    ["./nope.mjs", /cannot find module '\.\/nope\.mjs'/],
  ])("%s fails clearly", (spec, message) => {
    expect(() => resolveForCell(spec, dir)).toThrow(message);
  });
});
