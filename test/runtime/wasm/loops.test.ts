// Every wasm SIMD loop against the JS loop it stands in for, bit for bit: generated inputs with
// NaN (with payloads and sign), ±0, ±inf, subnormals and extremes, at every start alignment and
// run length around the SIMD width, contiguous, strided, reversed, and with a scalar (stride 0)
// operand on either side. The JS loop runs on ordinary typed arrays, the twin on wasm memory.
// Every byte of every result is compared, except the sign and payload of a NaN result (both
// sides must give a NaN there): IEEE 754 leaves them open, and V8's scalar code and x86's SIMD
// instructions pick differently when both operands are NaN (which payload wins) or for an invalid
// operation (inf * 0: x86's default NaN has the sign bit set, as NumPy's results do).
import { describe, expect, it } from "vitest";
import type { TypedArray } from "../../../runtime/core/dtype.js";
import type { BinaryLoop, UnaryLoop } from "../../../runtime/ufunc/kernels.js";
import { accelerate, maskedBinary, maskedBinaryJS, maskedUnary, maskedUnaryJS, wasmExtremum, wasmExtremumF64, wasmSeen, wasmSumI32, wasmPairwiseSumF32, wasmPairwiseSumF64, wasmTwins, type Twin } from "../../../runtime/wasm/loops.js";
import { wasmAllocate, inWasmMemory } from "../../../runtime/wasm/heap.js";
import { wasm } from "../../../runtime/wasm/instance.js";
import { pairwiseSum, pairwiseSumF32JS } from "../../../runtime/reduce/pairwise.js";
import { requireOrSkip, seededRandom } from "./support.js";

const { seed: SEED, rnd } = seededRandom("wasm loops test");

const f64bits = (hi: number, lo: number): number => new Float64Array(new Uint32Array([lo, hi]).buffer)[0];
const SPECIAL_F = [NaN, -NaN, f64bits(0x7ff80000, 1234), f64bits(0xfff40000, 7), 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1, -1, 0.5, 3, 1e-310, 1.401298464324817e-45, 3.4028234663852886e38];
const SPECIAL_I = [0, 1, -1, 2147483647, -2147483648, 65535, -65536, 46341, 7];

function fill(d: TypedArray, int: boolean): void {
  const sp = int ? SPECIAL_I : SPECIAL_F;
  for (let i = 0; i < d.length; i++) {
    const r = rnd();
    if (r < 0.3) d[i] = sp[Math.floor(rnd() * sp.length)];
    else if (int) d[i] = Math.floor((rnd() - 0.5) * 2 ** 32);
    else if (r < 0.5) d[i] = Math.floor(rnd() * 8) - 4; // ties and equal values for comparisons
    else d[i] = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10);
  }
}

type Ctor = new (n: number) => TypedArray;
function wasmCopy(src: TypedArray, C: Ctor): TypedArray {
  const dtype = C === Float64Array ? "float64" : C === Float32Array ? "float32" : C === Int32Array ? "int32" : "uint8";
  const d = wasmAllocate(dtype, Math.max(src.length, 1), false) as TypedArray | null; // a number dtype
  if (d === null) throw new Error("no wasm memory");
  d.set(src);
  return d;
}
const hex = (d: TypedArray, i: number): string =>
  Array.from(new Uint8Array(d.buffer, d.byteOffset + i * d.BYTES_PER_ELEMENT, d.BYTES_PER_ELEMENT)).reverse().map((x) => x.toString(16).padStart(2, "0")).join("");

/** The first element whose bits differ, described; null when every byte is equal. */
function firstDifference(want: TypedArray, got: TypedArray, a: TypedArray, b: TypedArray): string | null {
  const w = bytesOf(want);
  const g = bytesOf(got).subarray(0, w.length);
  const size = want.BYTES_PER_ELEMENT;
  const isFloat = want instanceof Float64Array || want instanceof Float32Array;
  let i = -1;
  for (let j = 0; j < want.length && i < 0; j++) {
    // a NaN result must be NaN on both sides; its sign and payload are not compared (see the file head)
    if (isFloat && Number.isNaN(want[j]) && Number.isNaN(got[j])) continue;
    for (let k = 0; k < size; k++) if (w[j * size + k] !== g[j * size + k]) i = j;
  }
  if (i < 0) return null;
  return `element ${i}: JS ${want[i]} (${hex(want, i)}) wasm ${got[i]} (${hex(got, i)}); a=[${Array.from(a).map((_, j) => hex(a, j)).join(" ")}] b=[${Array.from(b).map((_, j) => hex(b, j)).join(" ")}]`;
}
const bytesOf = (d: TypedArray): Uint8Array => new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();

/** The runs to try: [n, start, stride] per operand; n around multiples of the SIMD width. */
function layouts(): { n: number; starts: number[]; strides: number[] }[] {
  const out: { n: number; starts: number[]; strides: number[] }[] = [];
  const ns = [...Array.from({ length: 41 }, (_, i) => i), 63, 64, 65, 127, 128, 129, 1000, 1031];
  for (const n of ns) {
    for (const stride of [1, 2, -1, 3]) {
      for (let s = 0; s < 4; s++) out.push({ n, starts: [s, (s + 1) % 4, (s + 2) % 4], strides: [stride, stride, stride] });
    }
    out.push({ n, starts: [0, 0, 0], strides: [1, 0, 1] }); // a scalar second operand
    out.push({ n, starts: [0, 0, 0], strides: [0, 1, 1] }); // a scalar first operand
    out.push({ n, starts: [1, 2, 3], strides: [1, 1, 2] }); // strided output
  }
  return out;
}

const skip = requireOrSkip();

describe.skipIf(skip)("wasm twins agree with their JS loops bit for bit", () => {
  const twins = [...wasmTwins().entries()];
  it("every twin is registered and wasm is on", () => {
    expect(wasm()).not.toBeNull();
    expect(twins.length).toBeGreaterThanOrEqual(32);
  });
  for (const [js, twin] of twins) {
    it(`${twin.name}`, () => {
      const I = twin.input as unknown as Ctor;
      const O = twin.output as unknown as Ctor;
      const int = I === Int32Array;
      const fast = accelerate(js as BinaryLoop);
      let tried = 0;
      let ranWasm = 0;
      for (const { n, starts, strides } of layouts()) {
        const span = (k: number): number => starts[k] + Math.max(1, n) * Math.max(1, Math.abs(strides[k])) + 1;
        const a = new I(span(0));
        const b = new I(span(1));
        const o = new O(span(2));
        fill(a, int);
        fill(b, int);
        fill(o, int);
        const at = (k: number): number => (strides[k] < 0 ? starts[k] + (n - 1) * -strides[k] : starts[k]);
        const wa = wasmCopy(a, I);
        const wb = wasmCopy(b, I);
        const wo = wasmCopy(o, O);
        expect(inWasmMemory(wo.buffer)).toBe(true);
        if (twin.kind === "binary") {
          (js as BinaryLoop)(n, a, at(0), strides[0], b, at(1), strides[1], o, at(2), strides[2]);
          fast(n, wa, at(0), strides[0], wb, at(1), strides[1], wo, at(2), strides[2]);
        } else {
          (js as UnaryLoop)(n, a, at(0), strides[0] || 1, o, at(2), strides[2]);
          (fast as unknown as UnaryLoop)(n, wa, at(0), strides[0] || 1, wo, at(2), strides[2]);
        }
        const want = bytesOf(o);
        const got = bytesOf(wo).subarray(0, want.length);
        const bad = firstDifference(o, wo, a, b);
        if (bad !== null) throw new Error(`${twin.name}: n=${n} starts=${starts} strides=${strides}: ${bad} (SEED=${SEED})`);
        tried++;
        if (n >= 16) ranWasm++;
      }
      expect(tried).toBeGreaterThan(500);
      expect(ranWasm).toBeGreaterThan(100);
    });
  }

  for (const [js, twin] of twins) {
    it(`masked_${twin.name} (where=)`, () => {
      const I = twin.input as unknown as Ctor;
      const O = twin.output as unknown as Ctor;
      const int = I === Int32Array;
      let ranWasm = 0;
      for (const { n, starts, strides } of layouts()) {
        for (const ms of [1, 2, 0]) {
          const span = (k: number): number => starts[k] + Math.max(1, n) * Math.max(1, Math.abs(strides[k])) + 1;
          const a = new I(span(0));
          const b = new I(span(1));
          const o = new O(span(2));
          const mstart = starts[0] % 3;
          const m = new Uint8Array(mstart + Math.max(1, n) * Math.max(1, ms) + 1);
          fill(a, int);
          fill(b, int);
          fill(o, int);
          // mask bytes: mostly 0/1, some other non-zero bytes (a bool view of other data), runs of all-set and all-clear
          const dense = rnd();
          for (let i = 0; i < m.length; i++) m[i] = rnd() < dense ? (rnd() < 0.1 ? 1 + Math.floor(rnd() * 255) : 1) : 0;
          const at = (k: number): number => (strides[k] < 0 ? starts[k] + (n - 1) * -strides[k] : starts[k]);
          const wa = wasmCopy(a, I);
          const wb = wasmCopy(b, I);
          const wo = wasmCopy(o, O);
          const wm = wasmCopy(m, Uint8Array as unknown as Ctor) as Uint8Array;
          if (twin.kind === "binary") {
            maskedBinaryJS(js as BinaryLoop)(n, a, at(0), strides[0], b, at(1), strides[1], o, at(2), strides[2], m, mstart, ms);
            maskedBinary(js as BinaryLoop)(n, wa, at(0), strides[0], wb, at(1), strides[1], wo, at(2), strides[2], wm, mstart, ms);
          } else {
            maskedUnaryJS(js as UnaryLoop)(n, a, at(0), strides[0] || 1, o, at(2), strides[2], m, mstart, ms);
            maskedUnary(js as UnaryLoop)(n, wa, at(0), strides[0] || 1, wo, at(2), strides[2], wm, mstart, ms);
          }
          const bad = firstDifference(o, wo, a, b);
          if (bad !== null) throw new Error(`masked ${twin.name}: n=${n} starts=${starts} strides=${strides} mask stride ${ms}: ${bad} (SEED=${SEED})`);
          if (n >= 16 && ms !== 0) ranWasm++;
        }
      }
      expect(ranWasm).toBeGreaterThan(100);
    });
  }

  it("pairwise sum: wasm and JS give the same bits at every length up to 300 and on long runs", () => {
    const lengths = [...Array.from({ length: 301 }, (_, i) => i), 1000, 8191, 8192, 8193, 20000];
    for (const n of lengths) {
      for (const start of [0, 1, 3]) {
        const d = new Float64Array(n + start);
        fill(d, false);
        // keep some runs finite so the sums carry rounding, not only NaN/inf
        if (rnd() < 0.6) for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) d[i] = rnd();
        const w = wasmCopy(d, Float64Array) as Float64Array;
        const js = pairwiseSum(d, start, n, 1);
        const got = wasmPairwiseSumF64(w, start, n);
        if (n < 16) expect(got).toBeUndefined();
        else if (!Object.is(got, js) && !(Number.isNaN(got) && Number.isNaN(js))) throw new Error(`sum n=${n} start=${start}: wasm ${got} JS ${js} (SEED=${SEED})`);
      }
    }
  });

  it("float32 pairwise sum: wasm and JS give the same bits at every length up to 300 and on long runs", () => {
    const lengths = [...Array.from({ length: 301 }, (_, i) => i), 1000, 8191, 8192, 8193, 20000];
    for (const n of lengths) {
      for (const start of [0, 1, 3]) {
        const d = new Float32Array(n + start);
        fill(d, false);
        if (rnd() < 0.6) for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) d[i] = rnd();
        const w = wasmCopy(d, Float32Array) as Float32Array;
        const js = pairwiseSumF32JS(d, start, n, 1);
        const got = wasmPairwiseSumF32(w, start, n);
        if (n < 16) expect(got).toBeUndefined();
        else if (!Object.is(got, js) && !(Number.isNaN(got) && Number.isNaN(js))) throw new Error(`f32 sum n=${n} start=${start}: wasm ${got} JS ${js} (SEED=${SEED})`);
      }
    }
  });

  it("max/min: the wasm value is the sequential fold's, or NaN to make the caller fold (NaN or zero)", () => {
    for (let trial = 0; trial < 400; trial++) {
      const n = 16 + Math.floor(rnd() * 200);
      const d = new Float64Array(n);
      fill(d, false);
      if (rnd() < 0.7) for (let i = 0; i < n; i++) if (Number.isNaN(d[i])) d[i] = 0;
      const w = wasmCopy(d, Float64Array) as Float64Array;
      for (const kind of ["max", "min"] as const) {
        let acc = d[0];
        for (let i = 1; i < n; i++) {
          const v = d[i];
          acc = kind === "max" ? (acc >= v || acc !== acc ? acc : v) : acc <= v || acc !== acc ? acc : v;
        }
        const got = wasmExtremumF64(kind, w, 0, n);
        if (Number.isNaN(got)) expect(Number.isNaN(acc) || acc === 0).toBe(true);
        else expect(Object.is(got, acc)).toBe(true);
      }
    }
  });

  it("max/min of float64, float32 and int32 runs: the sequential fold's value at every length and alignment (NaN: NumPy's order decides)", () => {
    const lengths = [...Array.from({ length: 60 }, (_, i) => i), 63, 64, 65, 127, 128, 129, 1000, 1031, 8193];
    const kinds = [Float64Array, Float32Array, Int32Array] as const;
    let answered = 0;
    for (const C of kinds) {
      const int = C === Int32Array;
      for (const n of lengths) {
        for (const start of [0, 1, 2, 3]) {
          const d = new C(n + start);
          fill(d, int);
          const r = rnd();
          if (!int && r < 0.5) for (let i = 0; i < d.length; i++) if (Number.isNaN(d[i])) d[i] = 0.25; // most runs without NaN
          if (!int && r < 0.25) for (let i = 0; i < d.length; i++) if (d[i] === 0) d[i] = -1.5; // and some without zeros
          const w = wasmCopy(d, C) as Float64Array | Float32Array | Int32Array;
          for (const kind of ["max", "min"] as const) {
            let acc = d[start];
            for (let i = start + 1; i < start + n; i++) {
              const v = d[i];
              acc = kind === "max" ? (acc >= v || acc !== acc ? acc : v) : acc <= v || acc !== acc ? acc : v;
            }
            const got = wasmExtremum(kind, w, start, n);
            const where = `${C.name} ${kind} n=${n} start=${start} (SEED=${SEED})`;
            if (n < 16) expect(got, where).toBe(undefined);
            else if (got === undefined) expect.unreachable(`${where}: the loop did not run`);
            else if (int) expect(Object.is(got, acc), `${where}: wasm ${got} JS ${acc}`).toBe(true);
            else if (Number.isNaN(got)) expect(Number.isNaN(acc) || acc === 0, `${where}: wasm NaN, JS ${acc}`).toBe(true);
            else expect(Object.is(got, acc), `${where}: wasm ${got} JS ${acc}`).toBe(true);
            if (n >= 16 && !Number.isNaN(got)) answered++;
          }
        }
      }
    }
    expect(answered).toBeGreaterThan(300); // the wasm loops did answer (not only NaN)
  });

  it("seen_f64/seen_f32: the zero signs and NaN bits of a run, at every length and alignment", () => {
    const lengths = [...Array.from({ length: 41 }, (_, i) => i), 63, 64, 65, 1000];
    let nonzero = 0;
    for (const C of [Float64Array, Float32Array] as const) {
      for (const n of lengths) {
        for (const start of [0, 1, 2, 3]) {
          const d = new C(n + start);
          const pool = rnd();
          for (let i = 0; i < d.length; i++) {
            const r = rnd();
            d[i] = r < 0.4 * pool ? 0 : r < 0.8 * pool ? -0 : r < 0.9 ? 1.5 : -2;
          }
          const u = C === Float64Array ? new BigUint64Array(d.buffer) : new Uint32Array(d.buffer);
          if (rnd() < 0.5 && n > 0) u[start + Math.floor(rnd() * n)] = C === Float64Array ? 0x7ff8000000000000n : 0x7fc00000; // canonical NaN
          if (rnd() < 0.3 && n > 0) u[start + Math.floor(rnd() * n)] = C === Float64Array ? 0xfff8000000000005n : 0xffc00005; // another NaN
          const w = wasmCopy(d, C) as Float64Array | Float32Array;
          let want = 0;
          for (let i = start; i < start + n; i++) {
            const v = d[i];
            const neg = C === Float64Array ? (u[i] as bigint) >> 63n === 1n : (u[i] as number) >>> 31 === 1;
            if (v === 0) want |= neg ? 2 : 1;
            else if (v !== v) want |= (C === Float64Array ? u[i] === 0x7ff8000000000000n : u[i] === 0x7fc00000) ? 4 : 12;
          }
          const got = wasmSeen(w, start, n);
          const where = `${C.name} n=${n} start=${start} (SEED=${SEED})`;
          if (n < 16) expect(got, where).toBe(undefined);
          else expect(got, where).toBe(want);
          if (want !== 0) nonzero++;
        }
      }
    }
    expect(nonzero).toBeGreaterThan(100);
  });

  it("int32 sum: wasm wraps modulo 2^32 exactly as the Int32Array store of the exact sum, at every length and alignment", () => {
    const lengths = [...Array.from({ length: 60 }, (_, i) => i), 63, 64, 65, 127, 128, 129, 1000, 1031, 8193, 100003];
    for (const n of lengths) {
      for (const start of [0, 1, 2, 3]) {
        const d = new Int32Array(n + start);
        fill(d, true);
        const w = wasmCopy(d, Int32Array) as Int32Array;
        let exact = 0n;
        for (let i = start; i < start + n; i++) exact += BigInt(d[i]);
        const want = Number(BigInt.asIntN(32, exact));
        const got = wasmSumI32(w, start, n);
        if (n < 16) expect(got).toBeUndefined();
        else expect(got, `n=${n} start=${start} (SEED=${SEED})`).toBe(want);
      }
    }
  });
});
