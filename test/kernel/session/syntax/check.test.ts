/**
 * The NumPy-syntax stage as the user meets it: the rewritten text of each form (what runs), cells
 * without arrays left untouched, errors with their message, cell line and column, tracebacks at
 * the operator that failed, and completion / inspect on code that uses the syntax.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CellHost, MODULE_SUFFIX } from "../../../../kernel/session/typecheck/host.js";
import { applyNumpySyntax } from "../../../../kernel/session/syntax/check.js";
import { cellSession, failure, SETUP, value } from "./cells.js";

const DECLS = "declare const x: NDArray; declare const y: NDArray; declare const a: NDArray; let s = 0; let t = 'text'; let u: NDArray | number = 0;\n";

describe("the rewritten cell (what runs)", () => {
  let host: CellHost;
  beforeAll(() => {
    host = new CellHost(process.cwd());
  });
  const rewrite = (line: string): string => {
    const code = DECLS + line;
    host.setCell(code);
    const out = applyNumpySyntax(host, code, host.cellDiagnostics());
    expect(out.diagnostics.map((d) => d.messageText)).toEqual([]);
    const text = host.program().getSourceFile(host.cellFile)!.text;
    expect(text.split("\n").length, "the rewrite keeps the cell's lines").toBe((code + MODULE_SUFFIX).split("\n").length);
    return text.slice(DECLS.length, text.length - MODULE_SUFFIX.length).replace(/ +,/g, ",");
  };
  it.each([
    ["x + y", "np.add(x, y)"],
    ["x - 1", "np.subtract(x, 1)"],
    ["2 * x", "np.multiply(2, x)"],
    ["x / y", "np.true_divide(x, y)"],
    ["x ** 2", "np.power(x, 2)"],
    ["x % y", "np.remainder(x, y)"],
    ["x < 3", "np.less(x, 3)"],
    ["x >= y", "np.greater_equal(x, y)"],
    ["x & y", "np.bitwise_and(x, y)"],
    ["x | y", "np.bitwise_or(x, y)"],
    ["x ^ y", "np.bitwise_xor(x, y)"],
    ["-x", "np.negative(x)"],
    ["~x", "np.invert(x)"],
    ["(x + y) * 2", "np.multiply((np.add(x, y)), 2)"],
    ["x * y + 1", "np.add(np.multiply(x, y), 1)"],
    ["1 + x * y", "np.add(1, np.multiply(x, y))"],
    ["-x + y", "np.add(np.negative(x), y)"],
    ["x += y", "np.add(x, y, { out: x })"],
    ["x **= 2", "np.power(x, 2, { out: x })"],
    ["u += x", "u = np.add(u, x)"],
    ['a["1:3"]', 'a.get("1:3")'],
    ["a[0]", "a.get(0)"],
    ["a[1, 2]", "a.get(1, 2)"],
    ["a?.[0]", "a?.get(0)"],
    ["a[0] = 99", "a.set(0, 99)"],
    ['a["::2, 1"] = x', 'a.set("::2, 1", x)'],
    ['a["1:3"] += 1', '__strided_syntax__.updateAt(np.add, a, ["1:3"], 1)'],
    ["a[x > 1] *= 2", "__strided_syntax__.updateAt(np.multiply, a, [np.greater(x, 1)], 2)"],
    ["const z = x + y; z * 2", "const z = np.add(x, y); np.multiply(z, 2)"],
    // JavaScript's meanings kept, and code without arrays untouched
    ["x === y", "x === y"],
    ["x == y", "np.equal(x, y)"],
    ["x != 0", "np.not_equal(x, 0)"],
    ["a[a == 0] = 9", "a.set(np.equal(a, 0), 9)"],
    ["x === y || x !== y", "x === y || x !== y"],
    ["x == null || x != undefined", "x == null || x != undefined"],
    ["x && y", "x && y"],
    ["a.shape[0] + 1", "a.shape[0] + 1"],
    ["a['shape']", "a['shape']"],
    ["s += 1; s * 2 - 3", "s += 1; s * 2 - 3"],
    ["t + '!'", "t + '!'"],
    ["`${x}`", "`${x}`"],
  ])("%s", (line, want) => {
    expect(rewrite(line)).toBe(want);
  });

  it("a cell without arrays is not re-checked: the program stays the same", () => {
    const code = DECLS + "let k = 1; k += 2; const m = [1, 2][0] * 3 < 10; x.shape[0] - 1";
    host.setCell(code);
    const diagnostics = host.cellDiagnostics();
    const before = host.program();
    const out = applyNumpySyntax(host, code, diagnostics);
    expect(out.rewritten).toBe(false);
    expect(host.program()).toBe(before);
  });

  it("names declared from rewritten expressions are arrays in the same pass (one rewrite, one re-check)", () => {
    const code = DECLS + 'const z = x + y; z * 2; z += 1; const v = a["1:3"]; v *= 2; const w = a[0]; w + 1';
    host.setCell(code);
    const diagnostics = host.cellDiagnostics();
    let texts = 0;
    const setCell = host.setCell.bind(host);
    host.setCell = (c: string) => {
      texts++;
      setCell(c);
    };
    try {
      const out = applyNumpySyntax(host, code, diagnostics);
      expect(out.diagnostics.map((d) => d.messageText)).toEqual([]);
    } finally {
      host.setCell = setCell;
    }
    expect(texts).toBe(1);
    const text = host.program().getSourceFile(host.cellFile)!.text.replace(/ +,/g, ",");
    // w may be an element (a[0] on 1-D): rebinding is not possible for a const, so it stays a ufunc call
    expect(text).toContain('const z = np.add(x, y); np.multiply(z, 2); np.add(z, 1, { out: z }); const v = a.get("1:3"); np.multiply(v, 2, { out: v }); const w = a.get(0); np.add(w, 1)');
  });
});

/** Line and column from an error's evalue `(line L, column C)`. */
function where(evalue: string): [number, number] {
  const m = /\(line (\d+), column (\d+)\)/.exec(evalue);
  if (!m) throw new Error(`no position in: ${evalue}`);
  return [Number(m[1]), Number(m[2])];
}

describe("errors name the misuse at the cell's line and column, before the cell runs", () => {
  beforeAll(async () => {
    await value(SETUP);
  }, 120_000);
  it.each([
    ['x + "a"', 1, 3, /operator '\+' \(np\.add\) cannot be applied to an NDArray and '"a"'.*template literal/],
    ['const q = 1;\nconst t = x *\n  "b";', 2, 13, /operator '\*' \(np\.multiply\) cannot be applied to an NDArray and '"b"'/],
    ['"n = " + x', 1, 8, /operator '\+' \(np\.add\)/],
    ["x - {}", 1, 3, /operator '-' \(np\.subtract\) cannot be applied to an NDArray and '\{\}'/],
    ['a["1:3:x"]', 1, 3, /invalid index '1:3:x' in '1:3:x'.*a\["1:3, ::-1"\]/],
    ['a[0, "::z"]', 1, 6, /invalid index '::z'/],
    ['const q2 = 1;\n  a["1;3"] = 0', 2, 5, /invalid index '1;3'/],
    ['a["1:3"] = "s"', 1, 3, /cannot assign '"s"' to a\["1:3"\]: the value must be a number, a boolean, an NDArray or nested arrays/],
    ["x++", 1, 1, /operator '\+\+' cannot be applied to an NDArray.*x \+= 1/],
    ["x[0]--", 1, 1, /operator '--'/],
    ["+x", 1, 1, /unary \+ .*x\.copy\(\)/],
    ["x << 1", 1, 3, /operator '<<'.*left_shift/],
    ["let n = 0; n += x", 1, 12, /Type 'NDArray<1, "number">' is not assignable to type 'number'/],
    ["const m = x + 1;\nm.nope", 2, 3, /Property 'nope' does not exist on type 'NDArray<1, "number">'/],
    ["a[(0, 2)]", 1, 4, /comma operator/],
    // an array of unknown rank (a plain `NDArray`): an integer index may give an element
    ["const un: NDArray = a;\nun[0][1]", 2, 6, /un\[0\] may be a number or a boolean .*a\[0, 1\].*np\.asrank\(a, 2\).*\(un\[0\] as NDArray\)/],
    ["const un: NDArray = a;\nconst row = un[1];\nrow[0] = 5", 3, 4, /row may be a number or a boolean/],
    // indexing an element of a known rank is an error (two[0][1] is a number)
    ["const two = np.zeros([2, 3]);\ntwo[0][1][2]", 2, 1, /expression of type '2' can't be used to index type 'Number'/],
  ])("%s", async (cell, line, column, message) => {
    const e = await failure(cell);
    expect(e.ename).toBe("TSError");
    expect(e.evalue).toMatch(message);
    expect(where(e.evalue)).toEqual([line, column]);
  });

  it("every error of a cell is listed at its own line", async () => {
    const e = await failure('const ok1 = x * 2;\nx + "a";\n  ok1 - "b"');
    expect(e.evalue).toMatch(/\(line 2, column 3\) and 1 more$/);
    expect(e.traceback).toHaveLength(2);
    expect(e.traceback[0]).toContain("at line 2, column 3");
    expect(e.traceback[1]).toContain("at line 3, column 7");
    expect(e.traceback[1]).toMatch(/operator '-' \(np\.subtract\) cannot be applied to an NDArray and '"b"'/);
  });

  it("a cell that fails to check does not run (nothing is changed in place)", async () => {
    await value("const keep = np.arange(3);");
    await failure('keep += 1; keep + "a"');
    expect(await value("keep.tolist()")).toEqual([0, 1, 2]);
  });
});

describe("tracebacks point at the operator that failed", () => {
  it.each([
    ["const big = np.arange(3);\nconst z9 = big +\n  np.arange(4);", "ValueError", "line 2, column 16"],
    ["const v9 = np.arange(3);\nv9 /= 2;", "UFuncTypeError", "line 2, column 4"],
    ['const w9 = np.arange(3);\n  w9["5"] = 1;', "IndexError", "line 2, column"],
  ])("%s", async (cell, ename, at) => {
    const e = await failure(cell);
    expect(e.ename).toBe(ename);
    expect(e.traceback.join("\n")).toContain(at);
  });
});

describe("completion and inspect see the rewritten cell", () => {
  beforeAll(async () => {
    await value(SETUP);
  }, 120_000);
  it.each([
    ['const q5 = a["1:3"]; q5.sh', "shape"],
    ["const w5 = x + y; w5.sh", "shape"],
    ["(x * 2).res", "reshape"],
    ["x += 1; const u5 = -x; u5.", "strides"],
    ['a["1:3"].fl', "flags"],
    // half-typed cells that do not parse yet
    ["const w7 = x * 2; w7.", "shape"],
    ["const w8 = -x;\nw8.res", "reshape"],
    ["const w9 = x + y; foo(w9.", "strides"],
  ])("%s completes %s", async (code, name) => {
    const s = await cellSession();
    const r = s.complete(code, code.length);
    expect(r.matches).toContain(name);
    const typed = /[\w$]*$/.exec(code)![0];
    expect([r.cursorStart, r.cursorEnd]).toEqual([code.length - typed.length, code.length]);
  });
  it.each([
    ["const w6 = x + y; w6", "const w6: NDArray"],
    ['const q6 = a["1:3"]; q6', "const q6: NDArray"],
    ["const c6 = x < 2; c6", "const c6: NDArray"],
  ])("%s hovers as %s", async (code, signature) => {
    const s = await cellSession();
    const r = s.inspect(code, code.length, 0);
    expect(r.found).toBe(true);
    expect(String(r.data["text/plain"])).toContain(signature);
  });
  // Shift-Tab on an operator of arrays (cursor just after it, or on it): the ufunc it runs, with its docs
  it.each([
    ["x + y", 3, "Elementwise `x + y`"],
    ["x + y", 2, "Elementwise `x + y`"],
    ["const d6 = x\n  ** 2", 17, "Elementwise `x ** y`"],
    ["x += y", 4, "Elementwise `x + y`"],
    ["x < 2", 3, "Elementwise `x < y`"],
  ])("%s at %i shows %s", async (code, cursor, doc) => {
    const s = await cellSession();
    const r = s.inspect(code, cursor, 0);
    expect(r.found).toBe(true);
    expect(String(r.data["text/plain"])).toContain(doc);
  });
  it("an operator on plain numbers shows nothing of np", async () => {
    const s = await cellSession();
    expect(String(s.inspect("1 + 2", 3, 0).data["text/plain"] ?? "")).not.toContain("Elementwise");
  });
});
