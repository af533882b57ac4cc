/**
 * A cell's lines for the debugger (kernel/debug/cell-lines.ts), on source maps the kernel's own
 * compiler emits for real cells: breakpoints bind on the user's lines, blank and type-only lines
 * move to the next line with code, emitted positions map back to what the user typed.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CellLines, type Segment } from "../../../kernel/debug/cell-lines.js";
import { SourceMap } from "../../../kernel/session/run/sourcemap.js";

/** Emit a cell as the kernel does (ES2022, a source map) and return its line map and JS lines. */
function emit(cell: string): { lines: CellLines; js: string[] } {
  const out = ts.transpileModule(cell, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: true } });
  const map = SourceMap.parse(out.sourceMapText ?? "");
  return { lines: new CellLines(map.segments() as Segment[][]), js: out.outputText.split("\n") };
}

describe("CellLines on emitted cells", () => {
  const cell = ["interface P { x: number }", "", "type Q = P;", "let total = 0;", "function add(p: P): number {", "  total += p.x;", "  return total;", "}", "add({ x: 2 });"].join("\n");
  const { lines, js } = emit(cell);

  it.each([
    { asked: 4, line: 4, text: "let total = 0;" },
    { asked: 6, line: 6, text: "total += p.x;" },
    { asked: 9, line: 9, text: "add({ x: 2 });" },
    { asked: 1, line: 4, text: "let total = 0;" }, // an interface has no code: the next line that has
    { asked: 2, line: 4, text: "let total = 0;" },
  ])("a breakpoint asked on line $asked binds on line $line", ({ asked, line, text }) => {
    const at = lines.breakpoint(asked);
    expect(at?.line).toBe(line);
    expect(js[at!.generated[0]].slice(at!.generated[1])).toContain(text.split(" ")[0] === "let" ? "let total" : text.slice(0, 8));
  });

  it("a breakpoint past the last line with code does not bind", () => {
    expect(lines.breakpoint(10)).toBeNull();
  });

  it("every emitted position of a user line maps back to that line", () => {
    for (let asked = 4; asked <= 9; asked++) {
      const at = lines.breakpoint(asked);
      if (!at) continue;
      expect(lines.user(at.generated[0], at.generated[1])?.line).toBe(at.line);
    }
  });
});

describe("CellLines on hand-made maps", () => {
  it.each([
    { segments: [[[0, 0, 0]], [[2, 2, 2]]] as Segment[][], line: 2, expected: { generated: [1, 2], line: 3 } },
    { segments: [[[0, 1, 0], [5, 0, 0]]] as Segment[][], line: 1, expected: { generated: [0, 5], line: 1 } },
    { segments: [[], [[4, 0, 0]]] as Segment[][], line: 1, expected: { generated: [1, 4], line: 1 } },
  ])("breakpoint($line) on $segments", ({ segments, line, expected }) => {
    expect(new CellLines(segments).breakpoint(line)).toEqual(expected);
  });

  it("a position after the cell's last mapped line (code the kernel added) maps to the last user position", () => {
    const l = new CellLines([[[0, 0, 0], [6, 0, 6]], [[0, 1, 0]], [], []]);
    expect(l.user(3, 0)).toEqual({ line: 2, column: 1 });
    expect(l.user(0, 8)).toEqual({ line: 1, column: 9 });
  });

  it("before any mapped line there is no user position", () => {
    expect(new CellLines([[], [[0, 0, 0]]]).user(0, 0)).toBeNull();
  });
});
