/**
 * The doc-example runner can fail: wrong results, wrong errors, missing errors, statements that
 * throw and undocumented functions are reported; right ones are not.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../runtime/np.js";
import { NDArray } from "../../runtime/core/ndarray.js";
import { array_repr } from "../../runtime/print/array2string.js";
import { compareResult, extractExamples, parseLiteral, splitLine } from "./doc-examples.js";
import { blockFailures, documentedNames, errorMismatch, undocumentedFunctions } from "./doc-examples-run.js";

const FIXTURE = `
/**
 * Right.
 *
 * @example
 * const a = np.arange(3);
 * a.get("1:") // array([1, 2])
 * a.shape // [3]
 * np.zeros(2) // array([0., 0.])
 * a.reshape(5) // throws ValueError: cannot reshape array of size 3 into shape (5,)
 */
export function right(): void {}

/**
 * Wrong.
 *
 * @example
 * const b = np.arange(3);
 * b.sum() // 4
 * b // array([0, 1, 3])
 * b.reshape(5) // throws ValueError: another message
 * b.reshape(3) // throws ValueError: never thrown
 * b.size === 3 // false
 */
export function wrong(): void {}

/** No example here. */
export function bare(): void {}

/**
 * A statement that throws ends the block.
 *
 * @example
 * const c = undefinedName;
 * c // 1
 */
export function broken(): void {}
`;

const ORDER = ["right", "wrong", "broken"] as const;

async function run(name: (typeof ORDER)[number]): Promise<string[]> {
  const block = extractExamples("fixture.ts", FIXTURE)[ORDER.indexOf(name)];
  return blockFailures(block, { np, NDArray }, array_repr);
}

describe("doc-example runner", () => {
  it("extracts every block with its lines", () => {
    const blocks = extractExamples("fixture.ts", FIXTURE);
    expect(blocks.map((b) => b.lines.length)).toEqual([5, 6, 2]);
  });

  it("passes right examples", async () => {
    expect(await run("right")).toEqual([]);
  });

  it("reports each wrong claim with its line and what the value was", async () => {
    const failures = await run("wrong");
    expect(failures).toHaveLength(5);
    expect(failures[0]).toMatch(/^fixture\.ts:\d+ {2}b\.sum\(\) \/\/ 4 {2}-> {2}3$/);
    expect(failures[1]).toContain("repr is array([0, 1, 2])");
    expect(failures[2]).toContain("threw ValueError: cannot reshape array of size 3 into shape (5,)");
    expect(failures[3]).toContain("did not throw");
    expect(failures[4]).toContain("b.size === 3 // false  ->  true");
  });

  it("reports a block whose statement throws", async () => {
    const failures = await run("broken");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain("block stopped: ReferenceError");
  });

  it("compares values, arrays of arrays, elided strings and errors", () => {
    const repr = array_repr;
    expect(compareResult(np.arange(2), "array([0, 1])", repr)).toBeNull();
    expect(compareResult(np.arange(2), "array([0, 2])", repr)).not.toBeNull();
    expect(compareResult(np.arange(2), "[0 1]", repr)).toBeNull(); // str
    expect(compareResult([np.arange(2)], "[array([0, 1])]", repr)).toBeNull();
    expect(compareResult([np.arange(2)], "[array([0, 9])]", repr)).not.toBeNull();
    expect(compareResult("<b x>y</b>", "'<b ...>y</b>'", repr)).toBeNull();
    expect(compareResult("<b x>z</b>", "'<b ...>y</b>'", repr)).not.toBeNull();
    expect(compareResult(Number.NaN, "NaN", repr)).toBeNull();
    expect(compareResult(3n, "3n", repr)).toBeNull();
    expect(compareResult(3, "3n", repr)).not.toBeNull();
    expect(compareResult(new Int32Array([1, 2]), "Int32Array(2) [1, 2]", repr)).toBeNull();
    expect(compareResult(new Float64Array([1, 2]), "Int32Array(2) [1, 2]", repr)).not.toBeNull();
    expect(compareResult({ a: [1, 2] }, "{ a: [1, 2] }", repr)).toBeNull();
    expect(compareResult({ a: [1, 2] }, "{ a: [1, 3] }", repr)).not.toBeNull();
    expect(errorMismatch(new TypeError("x is bad: y"), "throws TypeError: x is bad...")).toBeNull();
    expect(errorMismatch(new TypeError("x is bad"), "throws ValueError: x is bad")).not.toBeNull();
  });

  it("splits code, result and remark", () => {
    expect(splitLine("a.ravel() // array([1, 2]) (a view)")).toEqual({ code: "a.ravel()", expected: "array([1, 2])" });
    expect(splitLine("a.base === b // true (a view)")).toEqual({ code: "a.base === b", expected: "true" });
    expect(splitLine("const a = f(); // a remark")).toEqual({ code: "const a = f();", expected: null });
    expect(splitLine('s.split("//") // ["a", "b"]')).toEqual({ code: 's.split("//")', expected: '["a", "b"]' });
    expect(parseLiteral("[1, -2.5e3, 'x', true, null]")).toEqual([1, -2500, "x", true, null]);
    expect(() => parseLiteral("a loop")).toThrow(SyntaxError);
  });

  it("names the np functions without a documented example", () => {
    const fns = documentedNames({ right: () => 0, bare: () => 0, nested: { x: 1 }, random: { bare: () => 0 } });
    expect(fns.map((f) => f.path)).toEqual(["np.right", "np.bare", "np.random.bare"]);
    expect(undocumentedFunctions(fns, [{ file: "fixture.ts", text: FIXTURE }])).toEqual(["np.bare", "np.random.bare"]);
  });

  it("the real np has functions to check", () => {
    expect(documentedNames(np as unknown as Record<string, unknown>).length).toBeGreaterThan(200);
  });
});
