/**
 * The array card and flags: facts of each layout (C, F, negative strides, size 0, size 1, n-D),
 * summarisation, and the flags' text against NumPy's `str(a.flags)`.
 */
import { describe, expect, it } from "vitest";
import { newArray, viewOf } from "../../../runtime/core/make.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { arrayBundle, flagsBundle, memoryText } from "../../../runtime/display/index.js";
import { byteRange } from "../../../runtime/display/walk.js";
import { numpyBatch } from "../../support/numpy.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

function arange(shape: number[], dtype: "int32" | "float64" | "bool" | "uint8" = "int32", order: "C" | "F" = "C"): NDArray {
  const a = newArray(shape, dtype, order);
  for (let i = 0; i < a.data.length; i++) a.data[i] = dtype === "bool" ? i % 2 : i;
  return a;
}

function floats(xs: number[]): NDArray {
  const a = newArray([xs.length], "float64");
  xs.forEach((x, i) => (a.data[i] = x));
  return a;
}

const a10 = arange([10]);
const m34 = arange([3, 4]);
/** Cases: name, array, NumPy expression building the same array from `b = np.arange(n, dtype=...)`, byte range, cells shown. */
const CASES: { name: string; a: NDArray; numpy: string; range: [number, number]; cells: number; owner: boolean }[] = [
  { name: "C 1-D owner", a: a10, numpy: "np.arange(10, dtype=np.int32)", range: [0, 40], cells: 10, owner: true },
  { name: "C 2-D owner", a: m34, numpy: "np.arange(12, dtype=np.int32).reshape(3, 4).copy()", range: [0, 48], cells: 12, owner: true },
  { name: "F 2-D owner", a: arange([3, 4], "int32", "F"), numpy: "np.arange(12, dtype=np.int32).reshape(4, 3).T.copy(order='F')", range: [0, 48], cells: 12, owner: true },
  { name: "transpose view", a: viewOf(m34, [4, 3], [4, 16], 0), numpy: "np.arange(12, dtype=np.int32).reshape(3, 4).T", range: [0, 48], cells: 12, owner: false },
  { name: "negative stride a[7:1:-2]", a: viewOf(a10, [3], [-8], 28), numpy: "np.arange(10, dtype=np.int32)[7:1:-2]", range: [12, 32], cells: 3, owner: false },
  { name: "column m[:, 1]", a: viewOf(m34, [3], [16], 4), numpy: "np.arange(12, dtype=np.int32).reshape(3, 4)[:, 1]", range: [4, 40], cells: 3, owner: false },
  { name: "size 0 a[3:3]", a: viewOf(a10, [0], [4], 12), numpy: "np.arange(10, dtype=np.int32)[3:3]", range: [12, 12], cells: 0, owner: false },
  { name: "size 1 a[4:5]", a: viewOf(a10, [1], [4], 16), numpy: "np.arange(10, dtype=np.int32)[4:5]", range: [16, 20], cells: 1, owner: false },
  { name: "0-d a[2]", a: viewOf(a10, [], [], 8), numpy: "np.arange(10, dtype=np.int32)[2, ...]", range: [8, 12], cells: 1, owner: false },
  { name: "3-D owner", a: arange([2, 3, 4]), numpy: "np.arange(24, dtype=np.int32).reshape(2, 3, 4).copy()", range: [0, 96], cells: 24, owner: true },
  { name: "bool", a: arange([5], "bool"), numpy: "np.arange(5) % 2 == 1", range: [0, 5], cells: 5, owner: true },
  { name: "1-D summarised (2000)", a: arange([2000], "float64"), numpy: "np.arange(2000, dtype=np.float64)", range: [0, 16000], cells: 6, owner: true },
  { name: "2-D summarised (50, 40)", a: arange([50, 40]), numpy: "np.arange(2000, dtype=np.int32).reshape(50, 40).copy()", range: [0, 8000], cells: 36, owner: true },
  { name: "3-D summarised (20, 20, 20)", a: arange([20, 20, 20], "uint8"), numpy: "np.zeros((20, 20, 20), dtype=np.uint8)", range: [0, 8000], cells: 6 * 36, owner: true },
  { name: "floats that print in scientific notation", a: floats([1e-5, 2.5, 1.5e9, -3]), numpy: "np.array([1e-5, 2.5, 1.5e9, -3])", range: [0, 32], cells: 4, owner: true },
  { name: "floats with a nan and an inf", a: floats([0.1, NaN, -Infinity, 100]), numpy: "np.array([0.1, np.nan, -np.inf, 100])", range: [0, 32], cells: 4, owner: true },
  { name: "broadcast (stride 0)", a: viewOf(a10, [4, 3], [0, 4], 0, false), numpy: "np.broadcast_to(np.arange(3, dtype=np.int32), (4, 3))", range: [0, 12], cells: 12, owner: false },
];

describe("array card", () => {
  it.each(CASES)("$name", ({ a, range, cells, owner }) => {
    expect(byteRange(a)).toEqual(range);
    const html = arrayBundle(a)["text/html"];
    expect((html.match(/class="v"/g) ?? []).length).toBe(cells);
    expect(html).toContain(`class="strided-card strided-${owner ? "owner" : "view"}"`);
    expect(html).toContain(`(${a.strides.join(", ")}${a.strides.length === 1 ? "," : ""}) <span`);
    expect(memoryText(a)).toContain(a.size === 0 ? "reaches no bytes" : `reaches bytes [${range[0]}, ${range[1]})`);
    expect(memoryText(a)).toContain(owner ? "owner" : "view of array");
    expect(html).toContain(`of its buffer of ${a.data.byteLength} bytes`);
    expect(html).not.toMatch(/<script|<style|on\w+=/i);
    expect((html.match(/class="flag flag-/g) ?? []).length).toBe(6);
    expect(arrayBundle(a)["text/plain"]).toMatch(/^array\(/);
  });

  it("a view names its owner's shape and dtype", () => {
    expect(memoryText(viewOf(m34, [4, 3], [4, 16], 0))).toBe("view of array (3, 4) int32 \u2014 reaches bytes [0, 48) of its buffer of 48 bytes");
  });

  it("a summarised grid shows NumPy's gap between 3 head and 3 tail indices", () => {
    const html = arrayBundle(arange([50, 40]))["text/html"];
    for (const label of [">0<", ">1<", ">2<", ">37<", ">38<", ">39<", ">47<", ">48<", ">49<"]) expect(html).toContain(label);
    expect(html).not.toContain(">3<");
    expect(html).toContain("\u22f1");
  });

  it("a long 1-D array wraps into rows of 16 headed by their first index", () => {
    const html = arrayBundle(arange([40]))["text/html"];
    expect((html.match(/class="v"/g) ?? []).length).toBe(40);
    const rowHeads = [...html.matchAll(/<tr[^>]*><th[^>]*>(\d+)<\/th>/g)].map((m) => Number(m[1]));
    expect(rowHeads).toEqual([0, 16, 32]);
    // a row of at most 16 stays one row with its indices above
    const values16 = arrayBundle(arange([16]))["text/html"].split('class="strided-values"')[1];
    expect((values16.match(/<tr/g) ?? []).length).toBe(2);
  });

  it("a 1000-element row keeps its HTML small per cell", () => {
    const html = arrayBundle(arange([1000]))["text/html"];
    expect((html.match(/class="v"/g) ?? []).length).toBe(1000);
    expect(html.length / 1000).toBeLessThan(150);
  });

  it("the card never grows with the array: a 1e6-element array draws at most 36 cells", () => {
    const html = arrayBundle(arange([1000, 1000], "float64"))["text/html"];
    expect((html.match(/class="v"/g) ?? []).length).toBe(36);
    expect(html.length).toBeLessThan(40_000);
    expect(Math.abs(html.length - arrayBundle(arange([50, 40], "float64"))["text/html"].length)).toBeLessThan(2_000);
  });

});

const ok = requirement(missingPythonModules(["numpy"]), "flags text against NumPy");

describe.skipIf(!ok)("against NumPy", () => {
  it("the cells read as NumPy's repr writes the same values", async () => {
    const answers = await numpyBatch("def run(c):\n    return repr(eval(c, {'np': np}))", CASES.map((c) => c.numpy));
    CASES.forEach((c, i) => {
      const want = answers[i];
      if (!("ok" in want)) throw new Error(`${c.name}: ${JSON.stringify(want)}`);
      if (c.a.ndim > 2 && c.a.size > 1000) return; // blocks are capped on screen
      const tokens = (want.ok as string)
        .replace(/^array\(/, "")
        .replace(/,\s*dtype=\w+\)$|\)$/, "")
        .replace(/[[\]]/g, " ")
        .split(/[\s,]+/)
        .filter((t) => t !== "" && t !== "...");
      const cells = [...arrayBundle(c.a)["text/html"].matchAll(/class="v"[^>]*>([^<]*)</g)].map((m) => m[1]);
      expect(cells, c.name).toEqual(tokens);
    });
  });


  it("text/plain is NumPy's text for every case; html has the same True/False", async () => {
    const answers = await numpyBatch("def run(c):\n    return str(eval(c, {'np': np}).flags)", CASES.map((c) => c.numpy));
    CASES.forEach((c, i) => {
      const want = answers[i];
      if (!("ok" in want)) throw new Error(`${c.name}: ${JSON.stringify(want)}`);
      const b = flagsBundle(c.a.flags);
      // OWNDATA/WRITEABLE of NumPy's reconstruction follow the same view/owner status as ours
      expect(b["text/plain"], c.name).toBe(want.ok);
      const values = [...(want.ok as string).matchAll(/: (True|False)/g)].map((m) => m[1]);
      const html = [...b["text/html"].matchAll(/class="flag-(on|off)"/g)].map((m) => (m[1] === "on" ? "True" : "False"));
      expect(html, c.name).toEqual(values);
    });
  });
});
