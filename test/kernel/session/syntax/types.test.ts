/**
 * Static types in cells (issue 9): each row is a cell checked by the kernel's own language service
 * (CellHost, the NumPy-syntax rewrite included), with the type the checker gives an expression, as
 * the checker prints it. Errors that must still be reported are rows too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import ts from "typescript";
import { CellHost } from "../../../../kernel/session/typecheck/host.js";
import { applyNumpySyntax } from "../../../../kernel/session/syntax/check.js";

const SETUP = [
  "const v = np.arange(5);",
  "const b = v > 2;",
  "const m = np.arange(12).reshape(3, 4);",
  "const u: NDArray = np.zeros([2, 3]);",
  "const f = np.linspace(0, 1, 5);",
].join("\n");

let host: CellHost;

/** The checked type of `expr` in a cell after SETUP, and the cell's errors. */
function typeOf(expr: string, setup = SETUP): { type: string; errors: string[] } {
  const code = `${setup}\nconst __t = (${expr});\n`;
  host.setCell(code);
  const out = applyNumpySyntax(host, code, host.cellDiagnostics());
  const program = host.program();
  const sf = program.getSourceFile(host.cellFile)!;
  const checker = program.getTypeChecker();
  let type = "?";
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === "__t") type = checker.typeToString(checker.getTypeAtLocation(n.name), undefined, ts.TypeFormatFlags.NoTruncation);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { type, errors: out.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) };
}

describe("types in cells", () => {
  beforeAll(() => {
    host = new CellHost(process.cwd());
  });
  it.each([
    ["v", 'NDArray<1, "number">'],
    ["np.unique(v, { return_counts: true })[1]", 'NDArray<1, "number">'],
    ["np.unique(v, { return_counts: true })[1].sum()", "number"],
    ["v[2]", "number"],
    ["v.item(2)", "number"],
    ["m", 'NDArray<2, "number">'],
    ["m[1]", 'NDArray<1, "number">'],
    ["m[2][3]", "number"],
    ["m[1, 2]", "number"],
    ['m[0, ":"]', 'NDArray<1, "number">'],
    ['v[np.newaxis, ":"]', 'NDArray<2, "number">'],
    ['m["..., None"]', 'NDArray<3, "number">'],
    ["m.sum()", "number"],
    ["b[0]", "boolean"],
    ["u[0]", 'number | bigint | boolean | NDArray<number, Kind>'],
    ["np.asrank(u, 2)[0]", 'NDArray<1, Kind>'],
    ["(u as NDArray<2>)[0, 1]", 'number | bigint | boolean'],
    ["v + m", 'NDArray<2, "number">'],
    ["v == 1", 'NDArray<1, "boolean">'],
    ["m[1].tolist()", "number[]"],
    ["m.sum({ axis: 0 })", 'NDArray<1, "number">'],
    ["m.sum(1)", 'NDArray<1, "number">'],
    ["m.sum({ axis: 0, keepdims: true })", 'NDArray<2, "number">'],
    ["m.max({ axis: [0, 1] })", 'NDArray<0, "number">'],
    ["b.item(0)", "boolean"],
    ["b.sum()", "number"],
    ['np.arange(3, { dtype: "int64" })[1]', "bigint"],
    ['np.arange(3, { dtype: "int64" }).item(1)', "bigint"],
    ['np.zeros([2, 3], { dtype: "bool" })[0, 1]', "boolean"],
    ["np.intersect1d(v, [1, 2])", 'NDArray<1, "number">'],
    ["np.intersect1d(v, m, { return_indices: true })[2]", 'NDArray<1, "number">'],
    ["np.in1d(m, [1])", 'NDArray<1, "boolean">'],
    ["np.setxor1d(b, b)", 'NDArray<1, "boolean">'],
    ["np.take_along_axis(m, np.argsort(m, { axis: 1 }), { axis: 1 })", 'NDArray<2, "number">'],
    ["np.take_along_axis(m, v, null)", 'NDArray<1, "number">'],
    ["np.partition(m, 1)", 'NDArray<2, "number">'],
    ["np.partition(m, [0, 2], { axis: null })", 'NDArray<1, "number">'],
    ["np.argpartition(v, 2)", 'NDArray<1, "number">'],
    ["m.partition(1, { axis: 0 })", "void"],
    ["np.lexsort([v, v])", 'NDArray<1, "number">'],
    ["np.choose([0, 1], [v, v])", "NDArray<number, Kind>"],
    ["np.compress([true, false], m, { axis: 0 })", "NDArray<number, Kind>"],
    ["np.unravel_index(7, [3, 4])", "number[]"],
    ["np.ravel_multi_index([v, v], [5, 5], { mode: \"clip\" })", 'number | NDArray<number, "number">'],
    ["np.sqrt(m)", 'NDArray<2, "number">'],
    ["np.add(v, 1)", 'NDArray<1, "number">'],
    ["np.multiply(np.zeros([2, 3, 4]), v)", 'NDArray<3, "number">'],
    ["np.less(m, v)", 'NDArray<2, "boolean">'],
    ["np.add(m, 1, { out: m })", 'NDArray<2, "number">'],
    ['m[":, 0"]', 'NDArray<1, "number">'],
    ['m["1, 2"]', "number"],
    ['m["::2, 1:, None"]', 'NDArray<3, "number">'],
    ['u["1:3"]', "NDArray<number, Kind>"],
    ["m.T.copy()", 'NDArray<2, "number">'],
    ['m.astype("bool")', 'NDArray<2, "boolean">'],
    ["np.ones_like(m)", 'NDArray<2, "number">'],
    ["np.array([[1, 2], [3, 4]])", 'NDArray<2, "number">'],
    ["np.array([true, false])", 'NDArray<1, "boolean">'],
    ["np.expand_dims(v, { axis: 0 })", 'NDArray<2, "number">'],
    ["m[m > 2]", 'NDArray<1, "number">'],
    ["f.mean()", "number"],
    ["np.dot(3, 4)", "number"],
    ['np.asrank(u, 2, "number")[0, 1]', "number"],
    ['(u as NDArray<2, "number">)[1]', 'NDArray<1, "number">'],
    // random arrays: rank from `size`, float elements (np.max(rng.random([3, 3])) <= 1 was a type error)
    ["np.random.default_rng(1).random([3, 4])", 'NDArray<2, "number">'],
    ["np.random.default_rng(1).random({ size: [2, 2, 2] })", 'NDArray<3, "number">'],
    ["np.max(np.random.default_rng(1).random([3, 3]))", "number"],
    ["np.random.default_rng(1).random()", "number"],
    ["np.random.default_rng(1).standard_normal(5)", 'NDArray<1, "number">'],
    ["np.random.default_rng(1).normal(0, 1, [2, 3])", 'NDArray<2, "number">'],
    ["np.random.default_rng(1).normal({ size: [2, 3] })", 'NDArray<2, "number">'],
    ["np.random.default_rng(1).uniform(0, 1, { size: 4 })", 'NDArray<1, "number">'],
    ["np.random.default_rng(1).integers(0, 10, [2, 5])", 'NDArray<2, "number">'],
    ['np.random.default_rng(1).integers(0, 10, [2, 5], { dtype: "int64" })', 'NDArray<2, "bigint">'],
    ['np.random.default_rng(1).integers(10, { size: 3, dtype: "bool" })', 'NDArray<1, "boolean">'],
    ["np.random.default_rng(1).integers(0, 10, { size: [1, 2, 3] })", 'NDArray<3, "number">'],
    ["np.random.rand(2, 3)", 'NDArray<2, "number">'],
    ["np.random.randn(4)", 'NDArray<1, "number">'],
    ["np.random.randint(0, 5, [3, 3])", 'NDArray<2, "number">'],
    ["np.random.uniform(0, 1, [2])", 'NDArray<1, "number">'],
    ["new np.random.RandomState(0).rand(2, 2, 2)", 'NDArray<3, "number">'],
    ["new np.random.RandomState(0).random_sample([5, 1])", 'NDArray<2, "number">'],
  ])("%s is %s", (expr, expected) => {
    const r = typeOf(expr);
    expect(r.errors).toEqual([]);
    expect(r.type).toBe(expected);
  });
});

describe("errors that must still be reported", () => {
  beforeAll(() => {
    host ??= new CellHost(process.cwd());
  });
  it.each([
    ['v + "a"', "operator '+' (np.add) cannot be applied to an NDArray"],
    ["(5)[0]", "can't be used to index type"],
    ["v.get(0).shape", "Property 'shape' does not exist on type 'number'"],
    ["np.arange(3).sum().shape", "Property 'shape' does not exist on type 'number'"],
  ])("%s is refused (%s)", (expr, message) => {
    const r = typeOf(expr);
    expect(r.errors.join("\n")).toContain(message);
  });
});
