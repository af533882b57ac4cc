// The ufunc paths that reach the wasm loops with arrays big enough to live in wasm memory (>= 1 KiB):
// float32/int32 comparisons on the arrays as they are, and `where=`-masked loops, against answers
// made by other routes (comparisons in float64 through astype; np.where over the unmasked result).
// Runs with wasm and, unchanged, under STRIDED_NO_WASM=1 (then both sides are JS loops).
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { seededRandom } from "./support.js";

const { rnd } = seededRandom("wasm ufunc paths test");
const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1e-310, 1, -1, 3];

function randomArray(dtype: "float64" | "float32" | "int32", n: number): NDArray {
  const a = np.zeros([n], { dtype });
  const d = a.data as Float64Array | Float32Array | Int32Array;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (dtype === "int32") d[i] = r < 0.2 ? Math.floor(rnd() * 5) - 2 : Math.floor((rnd() - 0.5) * 2 ** 32);
    else d[i] = r < 0.3 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)] : r < 0.5 ? Math.floor(rnd() * 6) - 3 : (rnd() - 0.5) * 1e3;
  }
  return a;
}
const bytes = (a: NDArray): string => Buffer.from(a.tobytes()).toString("hex");

describe("ufunc paths over wasm-memory arrays", () => {
  it("out= overlapping an input (the direct float64 path) reads the inputs first; in place and disjoint views of one allocation too", () => {
    const n = 1000;
    for (const shift of [1, 2, 999, -1, -3]) {
      const base = randomArray("float64", 2 * n + 10);
      const b = randomArray("float64", n);
      const lo = shift < 0 ? 5 - shift : 5;
      const x = base.get(`${lo}:${lo + n}`);
      const want = np.add(x.copy(), b);
      np.add(x, b, { out: base.get(`${lo + shift}:${lo + shift + n}`) });
      expect(bytes(base.get(`${lo + shift}:${lo + shift + n}`)), `shift ${shift}`).toBe(bytes(want));
    }
    const a = randomArray("float64", n);
    const b = randomArray("float64", n);
    const want = np.add(a, b);
    np.add(a, b, { out: a });
    expect(bytes(a), "in place").toBe(bytes(want));
    const two = randomArray("float64", 2 * n);
    const lo = two.get(`:${n}`);
    const hi = two.get(`${n}:`);
    const want2 = np.multiply(lo, b);
    np.multiply(lo, b, { out: hi });
    expect(bytes(hi), "disjoint halves").toBe(bytes(want2));
  });

  for (const dtype of ["float64", "float32", "int32"] as const) {
    for (const n of [1000, 1037]) {
      it(`comparisons of ${dtype} (n=${n}) give the float64 comparison's answer`, () => {
        const a = randomArray(dtype, n);
        const b = randomArray(dtype, n);
        b.set("::3", a.get("::3")); // ties
        const a64 = a.astype("float64");
        const b64 = b.astype("float64");
        for (const op of ["less", "less_equal", "greater", "greater_equal", "equal", "not_equal"] as const) {
          const f = np[op] as (x: unknown, y: unknown) => NDArray;
          expect(bytes(f(a, b)), `${op}(a, b)`).toBe(bytes(f(a64, b64)));
          expect(bytes(f(a.get("::-2"), b.get("::2"))), `${op} strided`).toBe(bytes(f(a64.get("::-2"), b64.get("::2"))));
          expect(bytes(f(a, 1)), `${op}(a, 1)`).toBe(bytes(f(a64, 1)));
        }
      });

      it(`where= over ${dtype} (n=${n}) gives np.where(mask, result, out)`, () => {
        const a = randomArray(dtype, n);
        const b = randomArray(dtype, n);
        const c = randomArray(dtype, n);
        const m = np.less(randomArray("float64", n), 0.5);
        const ops = dtype === "int32" ? (["add", "subtract", "multiply"] as const) : (["add", "subtract", "multiply", "true_divide"] as const);
        for (const op of ops) {
          const f = np[op] as (x: unknown, y: unknown, o?: object) => NDArray;
          const out = c.copy();
          f(a, b, { out, where: m });
          expect(bytes(out), op).toBe(bytes(np.where(m, f(a, b), c)));
          const out2 = c.copy();
          f(a, 2, { out: out2, where: m });
          expect(bytes(out2), `${op} scalar`).toBe(bytes(np.where(m, f(a, 2), c)));
        }
        const cmpOut = np.zeros([n], { dtype: "bool" });
        np.less(a, b, { out: cmpOut, where: m });
        expect(bytes(cmpOut), "less where").toBe(bytes(np.logical_and(np.less(a, b), m)));
        if (dtype === "float64") {
          const out = c.copy();
          np.sqrt(a, { out, where: m });
          expect(bytes(out), "sqrt where").toBe(bytes(np.where(m, np.sqrt(a), c)));
        }
      });
    }
  }
});
