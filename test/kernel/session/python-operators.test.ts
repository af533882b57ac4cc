/**
 * NumPy's `a @ b` and `a // 2` in a cell: the first runs as np.matmul(a, b) (and where it cannot,
 * `2 @ 3`, `a @= b`, the error says why); the second runs (it is valid TypeScript: `a` and a
 * comment) with a note on stderr.
 * Decorators, e-mail-like strings, templates, regular expressions and prose comments are left alone.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import { floorDivisionComments, matmulOperator } from "../../../kernel/session/syntax/python-operators.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

describe("finding NumPy's @ and // in a cell", () => {
  it.each([
    ["a @ b", { line: 1, column: 3, inPlace: false }],
    ["const c = m@m.T", { line: 1, column: 12, inPlace: false }],
    ["x = f(a) @ g[0]", { line: 1, column: 10, inPlace: false }],
    ["const k = 1\nk2 = (a + b) @ c", { line: 2, column: 14, inPlace: false }],
    ["x @= y", { line: 1, column: 3, inPlace: true }],
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

  it("a @ b runs as np.matmul(a, b), also chained, in functions and beside other operators", async () => {
    const value = async (code: string): Promise<unknown> => {
      const r = await session.execute(code, new MemoryPublisher(), OPTS);
      if (r.status !== "ok") throw new Error(`${code}: ${r.evalue}`);
      return (r.value as { tolist(): unknown }).tolist();
    };
    expect(await value("m @ m.T")).toEqual([[5, 14], [14, 50]]);
    expect(await value("const z = m @ m.T; z @ z")).toEqual([[221, 770], [770, 2696]]);
    expect(await value("const sq = (x: NDArray) => x @ x.T; sq(m)")).toEqual([[5, 14], [14, 50]]);
    // Python's precedence: @ binds as * does, tighter than +
    expect(await value("m @ m.T + 1")).toEqual([[6, 15], [15, 51]]);
    expect(await value("m.T @ np.ones(2)")).toEqual([3, 5, 7]);
  });

  it("completion and Shift-Tab understand @ (the result is an array; Shift-Tab on @ shows np.matmul)", () => {
    const code = "const mm = m @ m.T; mm.sha";
    expect(session.complete(code, code.length).matches).toContain("shape");
    const tip = session.inspect("m @ m.T", 3, 0);
    expect(String(tip.data["text/plain"])).toMatch(/matmul/);
  });

  it("a @ b on numbers, a @= b and shapes that do not match say so", async () => {
    const numbers = await session.execute("2 @ 3", new MemoryPublisher(), OPTS);
    expect(numbers.status === "error" && numbers.evalue).toBe("TS90001: operator '@' (np.matmul) needs an NDArray operand: for numbers write * (line 1, column 3)");
    const inPlace = await session.execute("let sq2 = np.ones([2, 2]);\nsq2 @= sq2", new MemoryPublisher(), OPTS);
    expect(inPlace.status === "error" && inPlace.ename).toBe("SyntaxError");
    expect(inPlace.status === "error" && inPlace.evalue).toBe("`@=` (line 2, column 5): in-place matrix multiplication is not supported (NumPy 1.24 refuses it too): write a = a @ b");
    const shapes = await session.execute("m @ m", new MemoryPublisher(), OPTS);
    expect(shapes.status === "error" && shapes.evalue).toContain("matmul: Input operand 1 has a mismatch in its core dimension 0");
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
