/**
 * The out= fast routes give what the rules give: direct.ts (float64 arrays in wasm memory into
 * `out`, called straight from `np.add` and friends) and applyUFunc's typed out= path (int32/float32
 * arithmetic and comparisons into an exactly C-contiguous `out`: one typed loop call). Each case
 * checks that the route is the one meant (binaryIntoF64 says whether it takes a call), then the
 * bits against an element-by-element JS reference (IEEE per element; a NaN result need only be a
 * NaN: its sign and payload are left open, as in test/runtime/wasm/loops.test.ts) and against the
 * general path (forced with an explicit `casting: "same_kind"`, which no fast route takes).
 * Inputs: NaN of both signs, ±0, ±inf, subnormals, extremes; lengths around the SIMD widths.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { UFUNCS } from "../../../runtime/ufunc/defs.js";
import { binaryIntoF64 } from "../../../runtime/ufunc/direct.js";
import { MIN_RUN } from "../../../runtime/wasm/loops.js";
import { inWasmMemory } from "../../../runtime/wasm/heap.js";
import { requireOrSkip, seededRandom } from "../wasm/support.js";

const { rnd } = seededRandom("out-paths test");
const SPECIAL = [NaN, -NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1, -1, 0.5, 3, 1e-310];
const SPECIAL_I = [0, 1, -1, 2147483647, -2147483648, 65535, -65536, 46341, 7];

function fill(a: NDArray, int: boolean): NDArray {
  const d = a.data as Float64Array | Float32Array | Int32Array;
  const i0 = a.offset / a.itemsize;
  for (let i = i0; i < i0 + a.size; i++) {
    const r = rnd();
    if (r < 0.35) d[i] = int ? SPECIAL_I[Math.floor(rnd() * SPECIAL_I.length)] : SPECIAL[Math.floor(rnd() * SPECIAL.length)];
    else if (int) d[i] = Math.floor((rnd() - 0.5) * 2 ** 32);
    else if (r < 0.5) d[i] = Math.floor(rnd() * 8) - 4; // equal values for comparisons
    else d[i] = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10);
  }
  return a;
}

/** Element-by-element equality: bytes, except that a NaN need only meet a NaN. */
function sameValues(got: NDArray, want: ArrayLike<number>): void {
  const g = got.data as unknown as ArrayLike<number>;
  expect(g.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const x = g[i];
    const y = want[i];
    if (y !== y) expect(x !== x, `element ${i}: ${x} where NaN`).toBe(true);
    else expect(Object.is(x, y), `element ${i}: ${x} where ${y}`).toBe(true);
  }
}

type F64Op = "add" | "subtract" | "multiply" | "divide";
const F64_OPS: Record<F64Op, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
};
const DEF = { add: UFUNCS.add, subtract: UFUNCS.subtract, multiply: UFUNCS.multiply, divide: UFUNCS.true_divide };
const ufunc = (op: string) => np[op as "add"] as unknown as (x: unknown, y: unknown, o?: unknown) => NDArray;

/** A float64 array of n elements in wasm memory (a view into a larger one: small arrays are ordinary buffers), starting `off` elements in (alignment). */
function wasmF64(n: number, off: number): NDArray {
  const v = np.empty([n + 300]).get(`${off}:${off + n}`);
  expect(inWasmMemory(v.data.buffer)).toBe(true);
  return v;
}

const LENGTHS = [MIN_RUN, MIN_RUN + 1, 17, 31, 32, 33, 63, 64, 127, 128, 129, 130, 257, 1000, 1027];

describe("direct.ts: float64 into out by the direct route", () => {
  if (requireOrSkip()) {
    it.skip("wasm unavailable", () => {});
    return;
  }
  it("takes the calls it is meant for, and only those", () => {
    const a = fill(np.empty([300]), false), b = fill(np.empty([300]), false), c = np.empty([300]);
    expect(inWasmMemory(a.data.buffer) && inWasmMemory(c.data.buffer)).toBe(true);
    expect(binaryIntoF64(UFUNCS.add, a, b, { out: c })).toBe(c);
    expect(binaryIntoF64(UFUNCS.add, a, b, c)).toBe(c); // positional out
    expect(binaryIntoF64(UFUNCS.add, a, a, { out: a })).toBe(a); // in place: the same elements
    const declined: [string, unknown, unknown, unknown][] = [
      ["no options", a, b, undefined],
      ["null in the place of options", a, b, null],
      ["where", a, b, { out: c, where: true }],
      ["dtype", a, b, { out: c, dtype: "float64" }],
      ["casting", a, b, { out: c, casting: "same_kind" }],
      ["out as a tuple", a, b, { out: [c] }],
      ["a number operand", a, 2, { out: c }],
      ["a strided operand", np.empty([600]).get("::2"), b, { out: c }],
      ["a strided out", a, b, { out: np.empty([600]).get("::2") }],
      ["a reversed operand", a.get("::-1"), b, { out: c }],
      ["int32 operands", np.arange(300), np.arange(300), { out: np.empty([300], { dtype: "int32" }) }],
      ["a float32 out", a, b, { out: np.empty([300], { dtype: "float32" }) }],
      ["shapes that differ", a, b.reshape(3, 100), { out: c }],
      ["fewer than MIN_RUN elements", np.ones([MIN_RUN - 1]), np.ones([MIN_RUN - 1]), { out: np.empty([MIN_RUN - 1]) }],
    ];
    for (const [what, x, y, o] of declined) expect(binaryIntoF64(UFUNCS.add, x, y, o as never), what).toBeNull();
    const ro = np.empty([300]);
    ro.flags.writeable = false;
    expect(binaryIntoF64(UFUNCS.add, a, b, { out: ro })).toBeNull();
    expect(binaryIntoF64(UFUNCS.less, a, b, { out: np.empty([300], { dtype: "bool" }) })).toBeNull(); // no float64 -> float64 loop
    // arrays made before and after the wasm memory grew (a SharedArrayBuffer object each): still the route
    const before = fill(wasmF64(300, 0), false);
    const grow = np.empty([2 ** 23]); // 64 MiB: grows the memory unless an earlier test did
    const after = wasmF64(300, 1);
    expect(grow.size).toBe(2 ** 23);
    expect(binaryIntoF64(UFUNCS.add, before, b, { out: after })).toBe(after);
    expect(binaryIntoF64(UFUNCS.add, after, before, { out: c })).toBe(c);
    sameValues(c.copy(), Float64Array.from(after.copy().data as Float64Array, (x, i) => x + (before.copy().data as Float64Array)[i]));
    // partial overlap: out shares bytes with an operand without being its elements
    const base = fill(np.empty([301]), false);
    expect(binaryIntoF64(UFUNCS.add, base.get("0:300"), b, { out: base.get("1:301") })).toBeNull();
  });

  for (const op of Object.keys(F64_OPS) as F64Op[]) {
    it(`np.${op}(a, b, { out }) bit for bit, every length around the SIMD width`, () => {
      const f = F64_OPS[op];
      for (const n of LENGTHS) {
        const off = n % 3;
        const a = fill(wasmF64(n, off), false), b = fill(wasmF64(n, 2 - off), false);
        const av = a.copy().data as Float64Array, bv = b.copy().data as Float64Array;
        const want = Float64Array.from(av, (x, i) => f(x, bv[i]));
        const c = wasmF64(n, 1);
        expect(binaryIntoF64(DEF[op], a, b, { out: c })).toBe(c); // the route under test
        sameValues(c.copy(), want);
        const c2 = wasmF64(n, 0);
        expect(ufunc(op)(a, b, { out: c2 })).toBe(c2);
        sameValues(c2.copy(), want);
        const g = wasmF64(n, 0);
        ufunc(op)(a, b, { out: g, casting: "same_kind" }); // the general path
        sameValues(g.copy(), want);
        // in place on either side, and both operands the same array
        const a2 = wasmF64(n, off);
        np.copyto(a2, a);
        expect(ufunc(op)(a2, b, a2)).toBe(a2);
        sameValues(a2.copy(), want);
        const b2 = wasmF64(n, 2);
        np.copyto(b2, b);
        ufunc(op)(a, b2, { out: b2 });
        sameValues(b2.copy(), want);
        const sq = wasmF64(n, 1);
        np.copyto(sq, a);
        ufunc(op)(sq, sq, { out: sq });
        sameValues(sq.copy(), Float64Array.from(av, (x) => f(x, x)));
      }
    });
  }

  it("2-D operands and views at an offset, as the general path", () => {
    const A = fill(np.empty([7, 40]), false), B = fill(np.empty([7, 40]), false);
    const big = np.empty([9, 40]);
    const out = big.get("1:8"); // C-contiguous at a byte offset
    np.add(A, B, { out });
    const g = np.add(A, B, { casting: "same_kind" });
    sameValues(out.copy(), g.data as Float64Array);
    sameValues(out.copy(), Float64Array.from(A.data as Float64Array, (x, i) => x + (B.data as Float64Array)[i]));
  });

  it("an out that overlaps an operand in part: as if the operand were read first (NumPy's rule)", () => {
    const n = 300;
    const base = fill(np.empty([n + 1]), false);
    const a = base.get(`0:${n}`), b = fill(np.empty([n]), false);
    const want = Float64Array.from(a.copy().data as Float64Array, (x, i) => x + (b.data as Float64Array)[i]);
    np.add(a, b, { out: base.get(`1:${n + 1}`) });
    sameValues(base.get(`1:${n + 1}`).copy(), want);
  });

  it("errors as the general path: read-only out, out of another shape", () => {
    const a = np.ones([300]), b = np.ones([300]);
    const ro = np.empty([300]);
    ro.flags.writeable = false;
    expect(() => np.add(a, b, { out: ro })).toThrow("output array is read-only");
    expect(() => np.add(a, b, { out: np.empty([299]) })).toThrow("operands could not be broadcast together with shapes (300,) (300,) (299,)");
  });
});

describe("applyUFunc's typed out= path: int32/float32 arithmetic and comparisons into out", () => {
  const OPS = ["add", "subtract", "multiply", "less", "less_equal", "greater", "greater_equal", "equal", "not_equal"] as const;
  for (const dtype of ["int32", "float32"] as const) {
    for (const op of OPS) {
      it(`${dtype} np.${op}(a, b, { out }) as the general path, every length around the SIMD width`, () => {
        const cmp = op !== "add" && op !== "subtract" && op !== "multiply";
        for (const n of [...LENGTHS, 5, 300]) {
          const a = fill(np.empty([n], { dtype }), dtype === "int32"), b = fill(np.empty([n], { dtype }), dtype === "int32");
          const outDtype = cmp ? "bool" : dtype;
          const c = np.empty([n], { dtype: outDtype });
          expect(ufunc(op)(a, b, { out: c })).toBe(c);
          const g = ufunc(op)(a, b, { casting: "same_kind" });
          expect(g.dtype).toBe(outDtype);
          sameValues(c, g.data as unknown as ArrayLike<number>);
          // in place (arithmetic): out is the first operand
          if (!cmp) {
            const a2 = a.copy();
            ufunc(op)(a2, b, { out: a2 });
            sameValues(a2, g.data as unknown as ArrayLike<number>);
          }
        }
      });
    }
  }
  it("an int32 out that overlaps an operand in part still reads the operand first", () => {
    const n = 300;
    const base = fill(np.empty([n + 1], { dtype: "int32" }), true);
    const a = base.get(`0:${n}`), b = fill(np.empty([n], { dtype: "int32" }), true);
    const want = np.add(a.copy(), b, { casting: "same_kind" });
    np.add(a, b, { out: base.get(`1:${n + 1}`) });
    sameValues(base.get(`1:${n + 1}`).copy(), want.data as Int32Array);
  });
});
