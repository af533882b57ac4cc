/**
 * NumPy's `a @ b` and `a // 2` in a cell: the first is a SyntaxError that says what `@` is and what
 * to write; the second runs (it is valid TypeScript: `a` and a comment) with a note on stderr.
 * Decorators, e-mail-like strings, templates, regular expressions and prose comments are left alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import { floorDivisionComments, matmulOperator } from "../../../kernel/session/syntax/python-operators.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

describe("finding NumPy's @ and // in a cell", () => {
  it.each([
    ["a @ b", { line: 1, column: 3 }],
    ["const c = m@m.T", { line: 1, column: 12 }],
    ["x = f(a) @ g[0]", { line: 1, column: 10 }],
    ["const k = 1\nk2 = (a + b) @ c", { line: 2, column: 14 }],
  ])("%j: a binary @ at %j", (code, at) => {
    expect(matmulOperator(code)).toEqual(at);
  });

  it.each([
    "@sealed\nclass A {}",
    "class B { @dec method() {} }",
    "const s = 'a @ b'",
    "const t = `${a} @ ${b}`",
    "// a @ b in a comment",
    "/* x @ y */ 1",
    "const r = /a@b/g",
  ])("%j: none", (code) => {
    expect(matmulOperator(code)).toBeNull();
  });

  it.each([
    ["m // 2", [{ line: 1, column: 3, operand: "2" }]],
    ["const h = n // 2.5", [{ line: 1, column: 13, operand: "2.5" }]],
    ["f(x) // a.shape[0]", [{ line: 1, column: 6, operand: "a.shape[0]" }]],
    ["x\ny // 3", [{ line: 2, column: 3, operand: "3" }]],
  ])("%j: a floor division", (code, found) => {
    expect(floorDivisionComments(code)).toEqual(found);
  });

  it.each([
    "// 2",
    "x = 1; // 2 of them",
    "m // half of it",
    "m // TODO",
    "const u = 'a // 2'",
    "const v = `${m} // 2`",
    "const w = /a\\/\\/ 2/",
    "m; // 2",
    "m\n// 2",
  ])("%j: none", (code) => {
    expect(floorDivisionComments(code)).toEqual([]);
  });
});

describe("in a cell", () => {
  let session: StridedCellSession;
  beforeAll(async () => {
    session = await createCellSession({ notebookDir: process.cwd() });
    await session.ready();
    const r = await session.execute("const m = np.arange(6).reshape(2, 3)", new MemoryPublisher(), OPTS);
    if (r.status !== "ok") throw new Error(r.evalue);
  });

  it("a @ b is a SyntaxError naming np.matmul, at the @", async () => {
    const r = await session.execute("const k = 1;\nm @ m.T", new MemoryPublisher(), OPTS);
    expect(r.status).toBe("error");
    if (r.status !== "error") return;
    expect(r.ename).toBe("SyntaxError");
    expect(r.evalue).toBe("`@` (line 2, column 3) is Python's matrix multiplication, which TypeScript does not have: write np.matmul(a, b) (or np.dot(a, b))");
    // and np.matmul is what it says
    const ok = await session.execute("np.matmul(m, m.T).tolist()", new MemoryPublisher(), OPTS);
    expect(ok.status === "ok" && ok.value).toEqual([[5, 14], [14, 50]]);
  });

  it("a decorator's syntax errors stay TypeScript's", async () => {
    const r = await session.execute("@oops\nconst z = 1", new MemoryPublisher(), OPTS);
    expect(r.status === "error" && r.evalue).not.toContain("matrix multiplication");
  });

  it("m // 2 runs as m, with a note on stderr naming np.floor_divide", async () => {
    const io = new MemoryPublisher();
    const r = await session.execute("m // 2", io, OPTS);
    expect(r.status).toBe("ok");
    expect(r.status === "ok" && (r.value as { tolist(): unknown }).tolist()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(io.text("stderr")).toBe(
      "strided: `// 2` on line 1 is a comment in TypeScript, so that line stops before it; NumPy's floor division is np.floor_divide(x, 2) (Math.floor(x / 2) for a number)\n",
    );
    const quiet = new MemoryPublisher();
    await session.execute("m // the array", quiet, OPTS);
    expect(quiet.text("stderr")).toBe("");
  });
});
