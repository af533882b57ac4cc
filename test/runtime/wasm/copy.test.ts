// The wasm copy and cast loops (runtime/wasm/copy.ts) against the JavaScript element store they
// stand in for, bit for bit: every typed-array pair with a twin, generated values (NaN with
// payloads, ±0, ±inf, subnormals, values that round differently to float32, int32 extremes),
// every start alignment, run lengths around the vector widths, strided and reversed runs, and
// 2-D blocks (transposes) around the 32 x 32 tile. Then the routines that reach them: copy(),
// ascontiguousarray, astype, with wasm-memory arrays. A NaN's payload is not compared (as in
// loops.test.ts).
import { describe, expect, it } from "vitest";
import type { ArrayData } from "../../../runtime/core/dtype.js";
import { wasmAllocate } from "../../../runtime/wasm/heap.js";
import { copyKind, wasmCopy2d, wasmCopyRun } from "../../../runtime/wasm/copy.js";
import { np } from "../../../runtime/np.js";
import { requireOrSkip, seededRandom } from "./support.js";

const { seed: SEED, rnd } = seededRandom("wasm copy test");
const f64bits = (hi: number, lo: number): number => new Float64Array(new Uint32Array([lo, hi]).buffer)[0];
const SPECIAL = [NaN, -NaN, f64bits(0x7ff80000, 1234), 0, -0, Infinity, -Infinity, 5e-324, 1e-310, 1.401298464324817e-45, 7e-46, 3.4028235677973366e38, 3.4028234663852886e38, 1e39, 16777217, 0.1, -2147483648, 2147483647];

type Ctor = { new (n: number): ArrayData; BYTES_PER_ELEMENT: number; name: string };
const DTYPE: Record<string, string> = { Float64Array: "float64", Float32Array: "float32", Int32Array: "int32", Uint8Array: "uint8", Int16Array: "int16", BigInt64Array: "int64" };
const PAIRS: [Ctor, Ctor][] = [
  [Float64Array, Float64Array], [Float32Array, Float32Array], [Int32Array, Int32Array], [Uint8Array, Uint8Array], [Int16Array, Int16Array], [BigInt64Array, BigInt64Array],
  [Float64Array, Float32Array], [Float32Array, Float64Array], [Int32Array, Float64Array], [Int32Array, Float32Array],
];

function fill(d: ArrayData): void {
  for (let i = 0; i < d.length; i++) {
    if (d instanceof BigInt64Array) d[i] = BigInt(Math.floor((rnd() - 0.5) * 2 ** 53)) * 1025n;
    else if (d instanceof Float64Array || d instanceof Float32Array) d[i] = rnd() < 0.4 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)] : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 80 - 40);
    else d[i] = Math.floor((rnd() - 0.5) * 2 ** 32); // the store wraps to the kind
  }
}
function inWasm(src: ArrayData, C: Ctor): ArrayData {
  const d = wasmAllocate(DTYPE[C.name] as "float64", Math.max(src.length, 1), false) as ArrayData | null;
  if (d === null) throw new Error("no wasm memory");
  (d as Float64Array).set(src as Float64Array);
  return d;
}
/** Index of the first element whose bytes differ (NaN against NaN not compared), or -1. */
function differs(want: ArrayData, got: ArrayData): number {
  const size = want.BYTES_PER_ELEMENT;
  const w = new Uint8Array(want.buffer, want.byteOffset, want.byteLength);
  const g = new Uint8Array(got.buffer, got.byteOffset, want.byteLength);
  const isFloat = want instanceof Float64Array || want instanceof Float32Array;
  for (let j = 0; j < want.length; j++) {
    if (isFloat && Number.isNaN(want[j] as number) && Number.isNaN(got[j] as number)) continue;
    for (let k = 0; k < size; k++) if (w[j * size + k] !== g[j * size + k]) return j;
  }
  return -1;
}

const skip = requireOrSkip();

describe.skipIf(skip)("wasm copy loops agree with the JS store bit for bit", () => {
  for (const [S, D] of PAIRS) {
    it(`${S.name} -> ${D.name} runs (copy_${copyKind(new S(1), new D(1))})`, () => {
      const ns = [...Array.from({ length: 41 }, (_, i) => i), 63, 64, 65, 127, 128, 129, 1000, 1031];
      let ran = 0;
      for (const n of ns) {
        for (const [ss, ds] of [[1, 1], [2, 1], [1, 2], [-1, 1], [3, -2]]) {
          for (let start = 0; start < 4; start++) {
            const s = new S(start + n * Math.abs(ss) + 2);
            const d = new D(start + n * Math.abs(ds) + 2);
            fill(s);
            fill(d);
            const ws = inWasm(s, S);
            const wd = inWasm(d, D);
            const si = ss < 0 ? start + (n - 1) * -ss : start;
            const di = ds < 0 ? (start + 1) % 3 + (n - 1) * -ds : (start + 1) % 3;
            for (let k = 0, a = si, b = di; k < n; k++, a += ss, b += ds) (d as Float64Array)[b] = (s as Float64Array)[a];
            const did = wasmCopyRun(n, wd, di, ds, ws, si, ss);
            expect(did).toBe(n >= 16);
            if (!did) for (let k = 0, a = si, b = di; k < n; k++, a += ss, b += ds) (wd as Float64Array)[b] = (ws as Float64Array)[a];
            const at = differs(d, wd);
            if (at >= 0) throw new Error(`${S.name}->${D.name} n=${n} strides ${ss},${ds} start ${start}: element ${at}: JS ${d[at]} wasm ${wd[at]} (SEED=${SEED})`);
            if (did) ran++;
          }
        }
      }
      expect(ran).toBeGreaterThan(100);
    });

    it(`${S.name} -> ${D.name} 2-D blocks and transposes (copy2d)`, () => {
      for (let trial = 0; trial < 60; trial++) {
        const ni = 1 + Math.floor(rnd() * 70);
        const nj = 1 + Math.floor(rnd() * 70);
        const s = new S(ni * nj + 3);
        const d = new D(ni * nj + 3);
        fill(s);
        fill(d);
        const ws = inWasm(s, S);
        const wd = inWasm(d, D);
        // source read transposed (column-major walk) into a C-ordered destination, or the reverse
        const t = rnd() < 0.5;
        const [si, sj] = t ? [1, ni] : [nj, 1];
        const [di, dj] = t ? [nj, 1] : [1, ni];
        const s0 = trial % 3;
        const d0 = (trial + 1) % 3;
        for (let i = 0; i < ni; i++) for (let j = 0; j < nj; j++) (d as Float64Array)[d0 + i * di + j * dj] = (s as Float64Array)[s0 + i * si + j * sj];
        const did = wasmCopy2d(ni, nj, wd, d0, di, dj, ws, s0, si, sj);
        expect(did).toBe(ni * nj >= 16);
        if (!did) for (let i = 0; i < ni; i++) for (let j = 0; j < nj; j++) (wd as Float64Array)[d0 + i * di + j * dj] = (ws as Float64Array)[s0 + i * si + j * sj];
        const at = differs(d, wd);
        if (at >= 0) throw new Error(`${S.name}->${D.name} 2-D ${ni}x${nj} ${t ? "transposed" : "C"}: element ${at}: JS ${d[at]} wasm ${wd[at]} (SEED=${SEED})`);
      }
    });
  }

  it("pairs without a twin answer false (float -> int wraps modulo 2^32 in JS; bool; bigint casts)", () => {
    const f = inWasm(new Float64Array(64), Float64Array);
    expect(wasmCopyRun(64, inWasm(new Int32Array(64), Int32Array), 0, 1, f, 0, 1)).toBe(false);
    expect(wasmCopyRun(64, inWasm(new Uint8Array(64), Uint8Array), 0, 1, f, 0, 1)).toBe(false);
    expect(wasmCopyRun(64, inWasm(new BigInt64Array(64), BigInt64Array), 0, 1, f, 0, 1)).toBe(false);
    expect(wasmCopyRun(64, new Float64Array(64), 0, 1, f, 0, 1)).toBe(false); // not in wasm memory
  });
});

describe("copies and casts of wasm-memory arrays keep values, layout and bits", () => {
  const A = np.arange(60 * 70, { dtype: "float64" }).reshape(60, 70);
  const d = A.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = i % 7 === 0 ? NaN : (i - 2000) / 3 + (i % 11 === 0 ? 1e-310 : 0);
  const flat = (x: { tolist(): unknown }): unknown[] => (x.tolist() as unknown[]).flat(3);
  it("A.T.copy() and np.ascontiguousarray(A.T) are A's transpose, C-contiguous", () => {
    const want = flat(A.T);
    for (const c of [A.T.copy(), np.ascontiguousarray(A.T)]) {
      expect(c.flags.c_contiguous).toBe(true);
      expect(flat(c)).toEqual(want);
    }
    expect(flat(A.get("::-2", "1::3").copy())).toEqual(flat(A.get("::-2", "1::3")));
  });
  it("astype float64 -> float32 -> float64 and int32 -> float32/float64 give Math.fround and exact values", () => {
    const f32 = A.astype("float32");
    expect(flat(f32)).toEqual(Array.from(d, (x) => Math.fround(x)));
    expect(flat(f32.astype("float64"))).toEqual(Array.from(d, (x) => Math.fround(x)));
    expect(flat(A.T.astype("float32"))).toEqual(flat(A.T).map((x) => Math.fround(x as number)));
    const i = np.arange(-2000, 2000, { dtype: "int32" }).reshape(40, 100);
    const iv = flat(i) as number[];
    expect(flat(i.astype("float64"))).toEqual(iv);
    expect(flat(i.T.astype("float32"))).toEqual((flat(i.T) as number[]).map((x) => Math.fround(x)));
    const big = np.array(Array.from({ length: 300 }, (_, k) => [16777217, 2147483647, -2147483648, 16777219][k % 4]), { dtype: "int32" });
    expect(flat(big.astype("float32"))).toEqual((flat(big) as number[]).map((x) => Math.fround(x)));
  });
});
