/**
 * The allocating fast paths of applyUFunc for int32/float32 (two contiguous arrays of one dtype;
 * a contiguous array with a JS number) give what the general path gives: same dtype, shape,
 * strides and bits, for arithmetic that wraps or rounds and for comparisons. The general path is
 * forced with an explicit `casting: "same_kind"` (any option skips the fast paths).
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";

type Op = "add" | "subtract" | "multiply" | "true_divide" | "less" | "greater_equal" | "equal" | "maximum";
const OPS: Op[] = ["add", "subtract", "multiply", "true_divide", "less", "greater_equal", "equal", "maximum"];
const call = (op: Op, x: unknown, y: unknown, general: boolean): NDArray =>
  (np[op] as (a: unknown, b: unknown, o?: object) => NDArray)(x, y, general ? { casting: "same_kind" } : undefined);

function same(fast: NDArray, slow: NDArray): void {
  expect([fast.dtype, fast.shape, fast.strides]).toEqual([slow.dtype, slow.shape, slow.strides]);
  expect(new Uint8Array(fast.tobytes())).toEqual(new Uint8Array(slow.tobytes()));
}

const i32 = np.array([2147483647, -2147483648, -1, 0, 1, 65536, -65537, 46341, 7, -9, 12, 3, 100000, -5, 8, 1 << 30, 31, 2, 4], { dtype: "int32" });
const f32 = np.array([0, -0, Infinity, -Infinity, NaN, 1.401298464324817e-45, 3.4028234663852886e38, 0.1, -2.5, 1e-3, 7, 1e6, -1e-38, 3, 5, 0.5, 9, 1, 2], { dtype: "float32" });

describe("int32/float32 fast paths agree with the general path", () => {
  for (const [name, a] of [["int32", i32], ["float32", f32]] as const) {
    const shaped = a.get(":16").reshape(4, 4);
    it.each(OPS)(`${name} arrays, %s`, (op) => {
      same(call(op, a, a.get("::-1").copy(), false), call(op, a, a.get("::-1").copy(), true));
      same(call(op, shaped, shaped.T.copy(), false), call(op, shaped, shaped.T.copy(), true));
    });
    it.each(OPS)(`${name} array with numbers, %s`, (op) => {
      for (const v of [0, 1, -1, 3, 2147483647, -2147483648, 2.5, -0.1, 1e300, NaN, Infinity, 2 ** 40]) {
        for (const [x, y] of [[a, v], [v, a], [shaped, v], [v, shaped]] as const) {
          let fast: NDArray | Error, slow: NDArray | Error;
          try { fast = call(op, x, y, false); } catch (e) { fast = e as Error; }
          try { slow = call(op, x, y, true); } catch (e) { slow = e as Error; }
          if (slow instanceof Error || fast instanceof Error) expect(String(fast)).toBe(String(slow));
          else same(fast, slow);
        }
      }
    });
  }
});

/** Whether two results differ in dtype, shape, strides or bytes (the perturbed inputs' check: `same` can fail). */
function differs(x: NDArray, y: NDArray): boolean {
  if (x.dtype !== y.dtype || String(x.shape) !== String(y.shape) || String(x.strides) !== String(y.strides)) return true;
  const p = new Uint8Array(x.tobytes());
  const q = new Uint8Array(y.tobytes());
  return p.length !== q.length || p.some((v, i) => v !== q[i]);
}

/** Float64 values with the edge cases of comparisons and arithmetic (NaN, ±0, ±inf, subnormals, ties). */
function f64Values(n: number, seed: number): number[] {
  const special = [NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 0.5, 1, -1];
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    out.push(s % 5 === 0 ? special[s % special.length] : s % 7 === 0 ? 0.5 : (s / 2147483647) * 4 - 2);
  }
  return out;
}

describe("float64 fast paths agree with the general path (comparisons into bool; arithmetic)", () => {
  const F64_OPS: Op[] = ["less", "greater_equal", "equal", "add", "multiply", "true_divide"];
  // around the wasm loops' MIN_RUN (16) and vector widths, the 64-byte on-heap limit (8 elements), and wasm-sized arrays
  const SIZES = [0, 1, 7, 8, 9, 15, 16, 17, 33, 100, 257, 1000];
  it.each(F64_OPS)("%s: contiguous arrays of every size, with an offset, 2-d", (op) => {
    for (const n of SIZES) {
      const a = np.array(f64Values(n + 1, 7 + n));
      const b = np.array(f64Values(n + 1, 11 + n));
      b.data[0] = a.data[0]; // a tie
      const head = (x: NDArray): NDArray => x.get(`:${n}`) as NDArray;
      const tail = (x: NDArray): NDArray => x.get("1:") as NDArray;
      const cases: [NDArray, NDArray][] = [[head(a), head(b)], [tail(a), tail(b)], [tail(a), head(b)]];
      if (n % 2 === 0 && n > 0) cases.push([head(a).reshape(2, n / 2), tail(b).reshape(2, n / 2)]);
      for (const [x, y] of cases) {
        const fast = call(op, x, y, false);
        same(fast, call(op, x, y, true));
        if (op === "less") {
          // and against JS's own `<`, element by element (no shared loop)
          const xs = x.ravel().tolist() as number[];
          const ys = y.ravel().tolist() as number[];
          expect(fast.ravel().tolist()).toEqual(xs.map((v, i) => v < ys[i]));
        }
      }
    }
  });
  it.each(F64_OPS)("%s: a perturbed input changes the result (the check above can fail)", (op) => {
    for (const n of [17, 1000]) {
      const a = np.array(f64Values(n, 3));
      const b = np.array(f64Values(n, 5));
      a.data[n - 1] = 0.25;
      b.data[n - 1] = 0;
      const b2 = b.copy();
      b2.data[n - 1] = op === "equal" ? 0.25 : 1; // flips the last element of every op's result
      expect(differs(call(op, a, b2, false), call(op, a, b, true))).toBe(true);
    }
  });
});

describe("astype's contiguous fast path agrees with the general path (copyInto's walk)", () => {
  // the general path: order "F" on a 1-D array (the same layout, through newLike and copyInto)
  const TARGETS = ["float32", "float64", "int32", "int16", "uint8", "uint32"] as const;
  const sources = (): NDArray[] => [
    np.array(f64Values(300, 13).concat([3.4e38, 3.5e38, -3.5e38, 1e-46, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 5, 255.9, -1.5])),
    np.array(f64Values(300, 17)).astype("float32", "F"),
    np.array(Array.from({ length: 300 }, (_, i) => (i * 2654435761) | 0), { dtype: "int32" }),
    np.array(Array.from({ length: 70 }, (_, i) => i % 3 === 0)),
  ];
  it.each(TARGETS)("to %s, 1-D and 2-D, with an offset, and a perturbed input changes the result", (dt) => {
    for (const src of sources()) {
      const n = src.size;
      for (const x of [src, src.get("1:") as NDArray, src.get(`:${n - (n % 2)}`) as NDArray]) {
        same(x.astype(dt), x.astype(dt, "F"));
        if (x.size % 2 === 0) {
          const m = x.reshape(2, x.size / 2);
          same(m.astype(dt), m.astype(dt, "F").copy("C"));
        }
      }
      const y = src.copy();
      (y.data as Float64Array)[n - 1] = src.dtype === "bool" ? +!src.data[n - 1] : (src.data[n - 1] as number) === 7 ? 9 : 7;
      expect(differs(y.astype(dt), src.astype(dt, "F"))).toBe(true);
    }
  });
});
