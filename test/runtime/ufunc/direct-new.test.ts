/**
 * The allocating direct route of the float64 binary ufuncs (ufunc/direct.ts binaryNewF64:
 * `np.add(a, b)`, `a * 2.5`, `2.5 - a`, `a < b`, `A.T + B.T` straight to the wasm loop on a fresh
 * result) gives what applyUFunc's general path gives (forced by an explicit `casting`): the same
 * dtype, shape, strides and bytes; and, value by value, what JavaScript's own operators give (no
 * shared loop), on generated inputs with NaN, ±0, ±inf and subnormals, for every run length around
 * MIN_RUN and the SIMD width, every element offset of the operands, 2-D C and F (transposed)
 * operands, a JS number on either side; bool results of at most 64 bytes (on V8's heap) take the
 * route's JavaScript fallback. The route must also decline (null) what it does not cover.
 * The same for the unary route (unaryNewF64: `np.sqrt(a)`, `np.negative(a)`, `np.absolute(a)`)
 * and for two int32 or two float32 arrays (binaryNewTyped: wrapping int32 arithmetic, float32
 * rounding, comparisons into bool).
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { binaryNewF64, binaryNewTyped, unaryNewF64 } from "../../../runtime/ufunc/direct.js";
import { UFUNCS } from "../../../runtime/ufunc/defs.js";
import { requireOrSkip, seededRandom } from "../wasm/support.js";

const skip = requireOrSkip();
const { rnd } = seededRandom("direct allocating route test");

const OPS = ["add", "subtract", "multiply", "true_divide", "less", "less_equal", "greater", "greater_equal", "equal", "not_equal"] as const;
type Op = (typeof OPS)[number];
const JS: Record<Op, (x: number, y: number) => number | boolean> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  true_divide: (x, y) => x / y,
  less: (x, y) => x < y,
  less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y,
  greater_equal: (x, y) => x >= y,
  equal: (x, y) => x === y,
  not_equal: (x, y) => x !== y,
};
const DEF: Record<Op, (typeof UFUNCS)[keyof typeof UFUNCS]> = {
  add: UFUNCS.add, subtract: UFUNCS.subtract, multiply: UFUNCS.multiply, true_divide: UFUNCS.true_divide, less: UFUNCS.less,
  less_equal: UFUNCS.less_equal, greater: UFUNCS.greater, greater_equal: UFUNCS.greater_equal, equal: UFUNCS.equal, not_equal: UFUNCS.not_equal,
};
const call = (op: Op, x: unknown, y: unknown, general: boolean): NDArray =>
  (np[op] as (a: unknown, b: unknown, o?: object) => NDArray)(x, y, general ? { casting: "same_kind" } : undefined);

const SPECIAL = [NaN, -NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1, -1, 0.5, 3];
const value = (): number => {
  const r = rnd();
  return r < 0.35 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)] : r < 0.5 ? Math.floor(rnd() * 6) - 3 : (rnd() - 0.5) * 1e3;
};
function randomF64(n: number): NDArray {
  const a = np.zeros([n]);
  const d = a.data as Float64Array;
  for (let i = 0; i < n; i++) d[i] = value();
  return a;
}
const bytes = (a: NDArray): string => Buffer.from(a.tobytes()).toString("hex");

/** The route's result equals the general path's (layout and bytes) and JS's operator, value by value (NaN for NaN: its bits are the loop's, checked against the general path). */
/** The route was taken and its result is the general path's and np.<op>'s, layout and bytes. */
function sameAsGeneral(direct: NDArray | null, op: Op, x: NDArray | number, y: NDArray | number, what: string): NDArray {
  expect(direct, `${what}: the route is taken`).not.toBeNull();
  const fast = direct as NDArray;
  const slow = call(op, x, y, true);
  expect([fast.dtype, fast.shape, fast.strides], what).toEqual([slow.dtype, slow.shape, slow.strides]);
  expect(bytes(fast), what).toBe(bytes(slow));
  expect(bytes(call(op, x, y, false)), `${what}: np.${op} itself`).toBe(bytes(slow));
  return fast;
}

function check(op: Op, x: NDArray | number, y: NDArray | number, what: string): void {
  const fast = sameAsGeneral(binaryNewF64(DEF[op], x, y), op, x, y, what);
  const xs = typeof x === "number" ? null : (x.ravel().tolist() as number[]);
  const ys = typeof y === "number" ? null : (y.ravel().tolist() as number[]);
  const got = fast.ravel().tolist() as (number | boolean)[];
  for (let i = 0; i < got.length; i++) {
    const want = JS[op](xs === null ? (x as number) : xs[i], ys === null ? (y as number) : ys[i]);
    const g = got[i];
    if (!(typeof want === "number" && Number.isNaN(want) && typeof g === "number" && Number.isNaN(g))) expect(Object.is(g, want), `${what} [${i}]: ${g} against ${want}`).toBe(true);
  }
}

describe.skipIf(skip)("the allocating direct route (binaryNewF64) against the general path and JS's operators", () => {
  // around MIN_RUN (16), the vector widths (2 float64, 16 bool bytes), the unrolled steps, 64 bool bytes on V8's heap
  const LENGTHS = [16, 17, 18, 19, 23, 31, 32, 33, 47, 63, 64, 65, 66, 79, 127, 129, 255, 1000, 1031];
  it.each(OPS)("%s: two 1-D arrays at every element offset, and with a number on either side", (op) => {
    for (const n of LENGTHS) {
      const a = randomF64(n + 4);
      const b = randomF64(n + 4);
      b.set("::5", a.get("::5")); // ties
      for (let i = 0; i < 4; i++) {
        const x = a.get(`${i}:${i + n}`) as NDArray;
        const y = b.get(`${3 - i}:${3 - i + n}`) as NDArray;
        check(op, x, y, `n=${n} offsets ${i}, ${3 - i}`);
        const v = SPECIAL[(n + i) % SPECIAL.length];
        check(op, x, v, `n=${n} offset ${i}, number ${v}`);
        check(op, v, y, `n=${n} number ${v}, offset ${3 - i}`);
      }
      check(op, a, a, `n=${n} the same array twice`);
    }
  });

  it.each(OPS)("%s: 2-D C operands, and transposed (F) operands give an F result", (op) => {
    for (const [r, c] of [[4, 4], [3, 7], [8, 9], [25, 40], [17, 3]]) {
      const A = randomF64(r * c + 1).get("1:").reshape(r, c) as NDArray;
      const B = randomF64(r * c).reshape(r, c) as NDArray;
      check(op, A, B, `${r}x${c} C`);
      check(op, A, 2.5, `${r}x${c} C with a number`);
      check(op, A.T, B.T, `${r}x${c} transposed`);
      expect(binaryNewF64(DEF[op], A.T, B.T)?.flags.f_contiguous).toBe(true);
    }
  });

  it("declines what it does not cover (applyUFunc decides): other dtypes, short or non-exact layouts, mixed orders, other scalars", () => {
    const a = randomF64(40);
    const m = randomF64(40).reshape(5, 8) as NDArray;
    const declined: [unknown, unknown][] = [
      [a, np.ones(40, { dtype: "int32" })],
      [a.astype("float32"), a.astype("float32")],
      [a.get(":15"), a.get(":15")], // below MIN_RUN
      [a.get("::2"), a.get("::2")], // strided
      [a.get("::-1"), a], // reversed
      [m, m.T.T.copy("F")], // C with F
      [m.T, 2.5], // F with a number
      [a.reshape(40, 1), a.reshape(40, 1).T], // relaxed-contiguous forms: the general path chooses
      [a.reshape(1, 40).T, a.reshape(1, 40).T],
      [a, true],
      [a, 2n],
      [a, a.reshape(5, 8)], // broadcasting
    ];
    for (const [x, y] of declined) expect(binaryNewF64(UFUNCS.add, x, y)).toBeNull();
    expect(binaryNewF64(UFUNCS.maximum, a, a)).toBeNull(); // no float64 wasm twin
    // and np.add itself still gives the general path's answer there
    for (const [x, y] of declined.slice(0, 9)) {
      const fast = np.add(x as NDArray, y as NDArray);
      const slow = np.add(x as NDArray, y as NDArray, { casting: "same_kind" });
      expect([fast.dtype, fast.shape, fast.strides, bytes(fast)]).toEqual([slow.dtype, slow.shape, slow.strides, bytes(slow)]);
    }
  });

  it("a perturbed operand changes the result (the checks above can fail)", () => {
    for (const op of OPS) {
      const a = randomF64(100);
      const b = randomF64(100);
      a.data[99] = 0.25;
      b.data[99] = 0;
      const fast = binaryNewF64(DEF[op], a, b) as NDArray;
      b.data[99] = op === "equal" || op === "not_equal" ? 0.25 : 1; // flips the last element of every op's result
      expect(bytes(fast)).not.toBe(bytes(call(op, a, b, true)));
    }
  });
});

const UNARY = { sqrt: [UFUNCS.sqrt, Math.sqrt], negative: [UFUNCS.negative, (v: number) => -v], absolute: [UFUNCS.absolute, Math.abs] } as const;
type UOp = keyof typeof UNARY;
const callUnary = (op: UOp, x: NDArray, general: boolean): NDArray =>
  (np[op] as (a: unknown, o?: object) => NDArray)(x, general ? { casting: "same_kind" } : undefined);

function checkUnary(op: UOp, x: NDArray, what: string): void {
  const direct = unaryNewF64(UNARY[op][0], x);
  expect(direct, `${what}: the route is taken`).not.toBeNull();
  const fast = direct as NDArray;
  const slow = callUnary(op, x, true);
  expect([fast.dtype, fast.shape, fast.strides], what).toEqual([slow.dtype, slow.shape, slow.strides]);
  expect(bytes(fast), what).toBe(bytes(slow));
  expect(bytes(callUnary(op, x, false)), `${what}: np.${op} itself`).toBe(bytes(slow));
  const xs = x.ravel().tolist() as number[];
  const got = fast.ravel().tolist() as number[];
  for (let i = 0; i < got.length; i++) {
    const want = UNARY[op][1](xs[i]);
    if (!(Number.isNaN(want) && Number.isNaN(got[i]))) expect(Object.is(got[i], want), `${what} [${i}]: ${got[i]} against ${want}`).toBe(true);
  }
}

describe.skipIf(skip)("the unary allocating route (unaryNewF64) against the general path and JS's Math", () => {
  const LENGTHS = [16, 17, 18, 19, 31, 32, 33, 63, 64, 65, 129, 1000, 1031];
  it.each(Object.keys(UNARY) as UOp[])("%s: 1-D at every element offset, 2-D C and transposed", (op) => {
    for (const n of LENGTHS) {
      const a = randomF64(n + 3);
      for (let i = 0; i < 4; i++) checkUnary(op, a.get(`${i}:${i + n}`) as NDArray, `n=${n} offset ${i}`);
    }
    for (const [r, c] of [[4, 4], [3, 7], [25, 40]]) {
      const A = randomF64(r * c + 1).get("1:").reshape(r, c) as NDArray;
      checkUnary(op, A, `${r}x${c} C`);
      checkUnary(op, A.T, `${r}x${c} transposed`);
    }
  });

  it("declines what it does not cover, and a perturbed operand changes the result", () => {
    const a = randomF64(40);
    for (const x of [a.get(":15"), a.get("::2"), a.get("::-1"), a.astype("float32"), np.arange(40), a.reshape(1, 40).T]) expect(unaryNewF64(UFUNCS.sqrt, x)).toBeNull();
    expect(unaryNewF64(UFUNCS.exp, a)).toBeNull(); // no wasm twin
    for (const op of Object.keys(UNARY) as UOp[]) {
      const x = randomF64(100);
      x.data[99] = 4;
      const fast = unaryNewF64(UNARY[op][0], x) as NDArray;
      x.data[99] = 9;
      expect(bytes(fast)).not.toBe(bytes(callUnary(op, x, true)));
    }
  });
});

/** JS's own answer for int32 (wrapping) and float32 (rounded) operands. */
function typedJS(op: Op, dtype: "int32" | "float32", x: number, y: number): number | boolean {
  const v = JS[op](x, y);
  if (typeof v === "boolean") return v;
  if (dtype === "float32") return Math.fround(v);
  return op === "multiply" ? Math.imul(x, y) : v | 0;
}

function randomTyped(dtype: "int32" | "float32", n: number): NDArray {
  const a = np.zeros([n], { dtype });
  const d = a.data as Int32Array | Float32Array;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (dtype === "int32") d[i] = r < 0.2 ? Math.floor(rnd() * 5) - 2 : r < 0.3 ? [2147483647, -2147483648, 65536, -65537][Math.floor(rnd() * 4)] : Math.floor((rnd() - 0.5) * 2 ** 32);
    else d[i] = r < 0.35 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)] : r < 0.5 ? Math.floor(rnd() * 6) - 3 : (rnd() - 0.5) * 1e3;
  }
  return a;
}

function checkTyped(op: Op, dtype: "int32" | "float32", x: NDArray, y: NDArray, what: string): void {
  const fast = sameAsGeneral(binaryNewTyped(DEF[op], x, y), op, x, y, what);
  const xs = x.ravel().tolist() as number[];
  const ys = y.ravel().tolist() as number[];
  const got = fast.ravel().tolist() as (number | boolean)[];
  for (let i = 0; i < got.length; i++) {
    const want = typedJS(op, dtype, xs[i], ys[i]);
    const g = got[i];
    if (!(typeof want === "number" && Number.isNaN(want) && typeof g === "number" && Number.isNaN(g))) expect(Object.is(g, want), `${what} [${i}]: ${xs[i]} ${op} ${ys[i]}: ${g} against ${want}`).toBe(true);
  }
}

describe.skipIf(skip)("the int32/float32 allocating route (binaryNewTyped) against the general path and JS's operators", () => {
  const LENGTHS = [16, 17, 18, 19, 31, 32, 33, 35, 63, 64, 65, 67, 129, 1000, 1003];
  for (const dtype of ["int32", "float32"] as const) {
    const ops = OPS.filter((op) => dtype === "float32" || op !== "true_divide");
    it.each(ops)(`${dtype} %s: 1-D at every element offset, and 2-D`, (op) => {
      for (const n of LENGTHS) {
        const a = randomTyped(dtype, n + 4);
        const b = randomTyped(dtype, n + 4);
        b.set("::5", a.get("::5")); // ties
        for (let i = 0; i < 4; i++) checkTyped(op, dtype, a.get(`${i}:${i + n}`) as NDArray, b.get(`${3 - i}:${3 - i + n}`) as NDArray, `n=${n} offsets ${i}, ${3 - i}`);
      }
      const A = randomTyped(dtype, 7 * 9 + 1).get("1:").reshape(7, 9) as NDArray;
      checkTyped(op, dtype, A, (randomTyped(dtype, 63).reshape(7, 9)) as NDArray, "7x9 C");
    });
  }

  it("declines what it does not cover, and a perturbed operand changes the result", () => {
    const x = randomTyped("int32", 40);
    const f = randomTyped("float32", 40);
    const declined: [unknown, unknown][] = [[x, f], [x, x.astype("float64")], [x.get(":15"), x.get(":15")], [x.get("::2"), x.get("::2")], [x.get("::-1"), x], [x.reshape(5, 8).T, x.reshape(5, 8).T], [x, 2], [np.ones(40, { dtype: "int16" }), np.ones(40, { dtype: "int16" })]];
    for (const [a, b] of declined) expect(binaryNewTyped(UFUNCS.add, a, b)).toBeNull();
    expect(binaryNewTyped(UFUNCS.true_divide, x, x)).toBeNull(); // int32 / int32 is float64
    expect(binaryNewTyped(UFUNCS.maximum, f, f)).toBeNull(); // no wasm twin
    for (const dtype of ["int32", "float32"] as const) {
      for (const op of ["add", "less", "equal", "not_equal"] as const) {
        const a = randomTyped(dtype, 100);
        const b = randomTyped(dtype, 100);
        a.data[99] = 3;
        b.data[99] = 0;
        const fast = binaryNewTyped(DEF[op], a, b) as NDArray;
        b.data[99] = op === "equal" || op === "not_equal" ? 3 : 5; // flips the last element of the result
        expect(bytes(fast)).not.toBe(bytes(call(op, a, b, true)));
      }
    }
  });
});
