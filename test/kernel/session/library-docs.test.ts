/**
 * The startup snapshot's library declarations without doc comments (typecheck/host.ts,
 * stripLibraryDocComments): @types/node's files are parsed with their doc comments
 * blanked, cells type-check as before, and inspect_request reads a file's comments back on demand.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspect } from "../../../kernel/session/editor/inspect.js";
import { LIB_BUNDLE_FILE_NAME } from "../../../kernel/session/typecheck/lib-bundle.js";
import { blankDocComments, CellHost, isLibraryDeclaration, stripLibraryDocComments } from "../../../kernel/session/typecheck/host.js";

let host: CellHost;

/** How many JSDoc nodes a parsed file holds. */
function jsDocCount(sf: ts.SourceFile): number {
  let n = 0;
  const visit = (node: ts.Node): void => {
    n += (node as unknown as { jsDoc?: unknown[] }).jsDoc?.length ?? 0;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return n;
}

function libraryFile(suffix: string): ts.SourceFile {
  const sf = host.program().getSourceFiles().find((f) => f.fileName.endsWith(suffix));
  if (!sf) throw new Error(`no ${suffix} in the program`);
  return sf;
}

function docOf(code: string, cursor = code.length): string {
  const r = inspect(host, code, cursor);
  expect(r.found).toBe(true);
  return String(r.data["text/plain"]);
}

let dir: string;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  stripLibraryDocComments(true);
  dir = mkdtempSync(join(tmpdir(), "strided-libdocs-"));
  host = new CellHost(dir);
  host.setCell("1 + 1");
  host.cellDiagnostics();
});

describe("blankDocComments", () => {
  it("blanks the doc comments, keeps the length, the line breaks and everything else", () => {
    const text = "/// <reference types=\"x\" />\n/** One.\n * @since 1 */\ndeclare const a: number; /* plain */\n// line\ninterface B {\n  /** Two. */\n  c: string;\n}\n";
    const out = blankDocComments("t.d.ts", text);
    expect(out.length).toBe(text.length);
    expect(out).not.toContain("One.");
    expect(out).not.toContain("Two.");
    expect(out).toContain("/* plain */");
    expect(out).toContain("/// <reference types=\"x\" />");
    expect(out.split("\n").length).toBe(text.split("\n").length);
    expect(out.replace(/\s+/g, " ")).toBe("/// <reference types=\"x\" /> declare const a: number; /* plain */ // line interface B { c: string; } ");
  });
});

describe("library declarations without doc comments", () => {
  it("are parsed without JSDoc nodes: @types/node, not the ES lib", () => {
    expect(isLibraryDeclaration(LIB_BUNDLE_FILE_NAME)).toBe(false);
    expect(jsDocCount(libraryFile("__strided_lib.es2022.bundle.d.ts"))).toBeGreaterThan(1000);
    expect(jsDocCount(libraryFile("/@types/node/os.d.ts"))).toBe(0);
    expect(jsDocCount(libraryFile("/@types/node/process.d.ts"))).toBe(0);
  });

  it("keep the ES lib's and the runtime's own doc comments (Math.max, np.* Shift-Tab)", () => {
    expect(docOf("Math.max")).toContain("Returns the larger of a set of supplied numeric expressions");
    const rt = host.program().getSourceFiles().filter((f) => f.fileName.includes("/runtime/") && !isLibraryDeclaration(f.fileName));
    expect(rt.length).toBeGreaterThan(0);
    expect(rt.reduce((n, f) => n + jsDocCount(f), 0)).toBeGreaterThan(100);
    const text = docOf("np.zeros");
    expect(text).toContain("Example:");
  });

  it.each([
    ["import { cpus } from \"os\"; const n: number = cpus().length; n", []],
    ["import fs from \"fs\"; const t: string = fs.readFileSync(\"/x\", \"utf8\"); t", []],
    ["const b: Buffer = Buffer.from(\"a\"); const t = setTimeout(() => {}, 1); clearTimeout(t); process.cwd().length + b.length", []],
    ["import { cpus } from \"os\"; const s: string = cpus();", [2322]],
    ["const n: number = process.cwd();", [2322]],
    ["Math.max(1, \"2\")", [2345]],
  ])("type-check cells as before: %s", (code, codes) => {
    host.setCell(code);
    expect(host.cellDiagnostics().map((d) => d.code)).toEqual(codes);
  });

  it.each([
    ["import { cpus } from \"os\"; cpus", "logical CPU core", "/@types/node/os.d.ts"],
    ["process.cwd", "current working directory", "/@types/node/process.d.ts"],
  ])("Shift-Tab on %s reads its file's doc comments back", (code, doc, file) => {
    expect(docOf(code)).toContain(doc);
    expect(jsDocCount(libraryFile(file))).toBeGreaterThan(10);
    host.setCell(code);
    expect(host.cellDiagnostics()).toEqual([]);
  });
});
