/**
 * complete_request, inspect_request and is_complete_request answered by the cell pipeline.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

let session: StridedCellSession;

beforeAll(async () => {
  session = await createCellSession({ notebookDir: process.cwd() });
  await session.ready();
  const r = await session.execute("const arr = np.zeros([2, 3]); const myLongName = 1; function helperFn(a: number) { return a }", new MemoryPublisher(), OPTS);
  if (r.status !== "ok") throw new Error(r.evalue);
});

describe("complete", () => {
  it.each([
    ["np.zer", "zeros", 3],
    ["np.", "zeros", 3],
    ["arr.sha", "shape", 4],
    ["arr.", "strides", 4],
    ["myLong", "myLongName", 0],
    ["helper", "helperFn", 0],
    ["const localOne = 1; local", "localOne", 20],
    ["Math.fl", "floor", 5],
    ["disp", "display", 0],
    ["%timeit np.on", "ones", 11],
  ])("%s -> %s", (code, expected, start) => {
    const r = session.complete(code, code.length);
    expect(r.matches).toContain(expected);
    expect(r.cursorStart).toBe(start);
    expect(r.cursorEnd).toBe(code.length);
    const typed = code.slice(start);
    for (const m of r.matches) expect(m.startsWith(typed)).toBe(true);
  });

  it("leaves names starting with _ out until _ is typed (NDArray's internal fields), as IPython does", () => {
    const all = session.complete("arr.", 4).matches;
    expect(all).toContain("strides");
    expect(all.filter((m) => m.startsWith("_"))).toEqual([]);
    expect(session.complete("arr._", 5).matches).toContain("_strides");
    expect(session.complete("const _mine = 1; _m", 19).matches).toContain("_mine");
  });

  it("completes in the middle of a cell", () => {
    const code = "np.ze\nconst after = 1";
    const r = session.complete(code, 5);
    expect(r.matches).toContain("zeros");
    expect(r.cursorStart).toBe(3);
  });
});

describe("inspect", () => {
  it.each([
    ["np.zeros", /zeros/],
    ["arr", /NDArray/],
    ["display", /display/],
    ["myLongName", /const myLongName: 1/],
    ["helperFn", /function helperFn\(a: number\): number/],
    // right after a dot: the name before it, not TypeScript's `any` for the member not yet typed
    ["np.lib.", /^\(property\) lib: NpLib/],
    ["arr.", /^const arr: NDArray/],
  ])("%s", (code, signature) => {
    const r = session.inspect(code, code.length, 0);
    expect(r.found).toBe(true);
    expect(String(r.data["text/plain"])).toMatch(signature);
    expect(String(r.data["text/markdown"])).toContain("```typescript");
  });

  it("shows the doc comment with its @example", () => {
    const r = session.inspect("display", 7, 0);
    const text = String(r.data["text/plain"]);
    expect(text).toContain("Publish a rich view");
    expect(text).toContain("Example:");
  });

  it.each([
    ["np.zeros(", /zeros/],
    ["np.zeros([2, 3], ", /zeros/],
    ["helperFn(myLongName + (1 * 2), ", /helperFn/],
  ])("inside the call %j: the function", (code, signature) => {
    const r = session.inspect(code, code.length, 0);
    expect(r.found).toBe(true);
    expect(String(r.data["text/plain"])).toMatch(signature);
  });

  it("finds nothing in whitespace", () => {
    expect(session.inspect("   ", 1, 0).found).toBe(false);
  });
});

describe("is_complete", () => {
  it.each([
    ["", "complete", undefined],
    ["const a = 1", "complete", undefined],
    ["function f() {", "incomplete", "  "],
    ["const a = [1, 2,", "incomplete", "  "],
    ["if (x) {\n  for (;;) {", "incomplete", "    "],
    ["const s = `abc", "incomplete", ""],
    ["const t = `a ${", "incomplete", "  "],
    ["1 +", "incomplete", ""],
    ["/* open comment", "incomplete", ""],
    ["const = 1", "invalid", undefined],
    ["const s = 'abc", "invalid", undefined],
    ["a b c", "invalid", undefined],
    ["%timeit np.ones(", "incomplete", "  "],
    ["%%timeit\nx", "complete", undefined],
    ["if (x)", "incomplete", "  "],
    ["for (const v of xs)", "incomplete", "  "],
    ["function g() {\n  if (y)", "incomplete", "    "],
    ["const h = (a: number) =>", "incomplete", "  "],
    // jupyter console: IPython's help syntax and exit are whole requests; the indent follows the line
    ["np.shares_memory?", "complete", undefined],
    ["m @ m.T", "complete", undefined],
    ["const z = (m @", "incomplete", "  "],
    ["np.zeros??", "complete", undefined],
    ["?np.ones", "complete", undefined],
    ["exit", "complete", undefined],
    ["quit()", "complete", undefined],
    ["if (x) {\n      foo(", "incomplete", "        "],
    ["const a = [\n    1,", "incomplete", "    "],
    // a call statement inside a block keeps its line's indent (it ends in `)` like a header)
    ["for (let i = 0; i < 2; i++) {\n  console.log(i * 10)", "incomplete", "  "],
    ["if (x) {\n  f(1);\n  g(2)", "incomplete", "  "],
    ["if (x) {\n  y()\n} else if (z)", "incomplete", "  "],
    ["while (go())", "incomplete", "  "],
    // IPython's rule: a trailing blank line ends the input (the console then runs it)
    ["function f() {\n  return 1\n", "invalid", undefined],
    ["function f() {\n  return 1\n  ", "invalid", undefined],
  ])("%j -> %s", (code, status, indent) => {
    const r = session.isComplete(code);
    expect(r.status).toBe(status);
    if (indent !== undefined) expect(r.status === "incomplete" && r.indent).toBe(indent);
  });
});
