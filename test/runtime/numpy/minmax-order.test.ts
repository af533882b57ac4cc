/**
 * Differential test of the bits of whole-array np.max / np.min / a.max() / a.min() of float64 and
 * float32 arrays against NumPy 1.24 (runtime/reduce/extremum.ts): which zero (+0 or -0) and which
 * NaN (payload and sign, or NumPy's canonical quiet NaN) comes back, on adversarial arrays: zeros
 * of both signs, NaNs with payloads, infinities, at lengths around NumPy's AVX-512 blocks (8 and 64
 * float64 lanes, 16 and 128 float32 lanes) and its 8192-element buffer, at offsets, reversed,
 * transposed, strided and as 2-D/3-D slices; also through `{ axis: [...] }` and `keepdims`. Every
 * result is compared byte for byte, NaN payloads included. `SEED=n` reproduces a run.
 *
 * NumPy's answers in these cases depend on its SIMD lane width: the runtime follows NumPy built
 * with AVX-512 (SKX) dispatch, so the test requires that NumPy runs its AVX512_SKX loops here.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { requirement } from "../../support/requirements.js";
import { hexOf, LAID_OUT_PY, missingNumpyAvx512 } from "../../support/float-bits.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingNumpyAvx512(), "differential max/min bit tests against NumPy");

type DT = "float64" | "float32";
interface Case {
  dtype: DT;
  hex: string;
  shape: number[];
  perm: number[] | null;
  index: string;
  call: "np.max" | "np.min" | "a.max" | "a.min" | "axes" | "keepdims";
}

const SCRIPT = LAID_OUT_PY + String.raw`
def run(c):
    a = laid_out(c)
    k = c["call"]
    if k == "np.max": r = np.max(a)
    elif k == "np.min": r = np.min(a)
    elif k == "a.max": r = a.max()
    elif k == "a.min": r = a.min()
    elif k == "axes": r = np.max(a, axis=tuple(range(a.ndim)))
    else: r = np.min(a, keepdims=True)
    return np.asarray(r).tobytes().hex()
`;

/** A NaN of the dtype with the given payload bits and sign. */
function nanBits(dtype: DT, payload: number, negative: boolean): ArrayBufferView {
  if (dtype === "float64") return new BigUint64Array([(negative ? 0xfff8000000000000n : 0x7ff8000000000000n) | BigInt(payload & 0xffffffff)]);
  return new Uint32Array([((negative ? 0xffc00000 : 0x7fc00000) | (payload & 0x3fffff)) >>> 0]);
}

function fillValues(r: ReturnType<typeof prng>, dtype: DT, n: number): Uint8Array {
  const size = dtype === "float64" ? 8 : 4;
  const bytes = new Uint8Array(n * size);
  const view = dtype === "float64" ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
  const pool = r.pick(["zeros", "zeros", "zeros-neg", "zeros-pos", "zeros-tail", "zeros-tail", "zeros-nan", "nan", "nan-first", "inf", "plain"] as const);
  // zeros-tail: a zero body, then a run of nonzero values of one sign, so the body's lanes decide the zero's sign
  const tail = n - r.int(1, 40);
  const tailValue = r.pick([-1, 1]);
  const nanRate = r.pick([0.0005, 0.01, 0.1]);
  const neg = r.pick([0.05, 0.5, 0.95]); // share of -0 among the zeros
  const zero = (): number => (r.chance(neg) ? -0 : 0);
  for (let i = 0; i < n; i++) {
    let nan = false;
    if (pool === "zeros") view[i] = zero();
    else if (pool === "zeros-neg") view[i] = r.chance(0.8) ? zero() : -r.rand() - 1; // max is a zero
    else if (pool === "zeros-tail") view[i] = i >= tail ? tailValue : zero();
    else if (pool === "zeros-pos") view[i] = r.chance(0.8) ? zero() : r.rand() + 1; // min is a zero
    else if (pool === "zeros-nan") { nan = r.chance(nanRate); view[i] = zero(); }
    else if (pool === "nan") { nan = r.chance(nanRate); view[i] = r.pick([0, -0, 1, -1, r.rand()]); }
    else if (pool === "nan-first") { nan = i === 0 || r.chance(nanRate / 10); view[i] = zero(); }
    else if (pool === "inf") view[i] = r.pick([Infinity, -Infinity, 0, -0, 1e308, -1e308]);
    else view[i] = (r.rand() - 0.5) * 10 ** r.int(-3, 3);
    if (nan) bytes.set(new Uint8Array(nanBits(dtype, r.int(0, 0xfffff), r.chance(0.5)).buffer), i * size);
  }
  return bytes;
}

/** A length around the SIMD blocks of the dtype or NumPy's 8192 buffer. */
function length(r: ReturnType<typeof prng>, dtype: DT): number {
  const w = dtype === "float64" ? 8 : 16;
  const around = r.pick([1, 2, w, 8 * w, 2 * 8 * w, 3 * 8 * w + w, 8192, 8192, 16384, 20000]);
  if (r.chance(0.3)) return r.int(1, 40) * 8 * w + 1 + r.pick([0, w, 2 * w]); // no tail after the vectors
  return Math.max(1, around + r.int(-3, 3) + (r.chance(0.3) ? r.int(0, 2 * w) : 0));
}

function layout(r: ReturnType<typeof prng>, n: number): { shape: number[]; perm: number[] | null; index: string } {
  const kind = r.pick(["flat", "offset", "reversed", "strided", "transposed", "rows", "cube"] as const);
  if (kind === "flat") return { shape: [n], perm: null, index: "" };
  if (kind === "offset") return { shape: [n], perm: null, index: `${Math.min(n - 1, r.int(1, 3))}:` };
  if (kind === "reversed") return { shape: [n], perm: null, index: "::-1" };
  if (kind === "strided") return { shape: [n], perm: null, index: r.pick(["::2", "::3", "1::2", "::-2"]) };
  const rows = r.pick([2, 3, 4, 5, 7]);
  const cols = Math.max(1, Math.floor(n / rows));
  if (kind === "transposed") return { shape: [rows, cols], perm: [1, 0], index: "" };
  if (kind === "rows") return { shape: [rows, cols], perm: null, index: r.pick([":,1:", ":-1,:", "::-1,::-1", ":,::2", "::-1,:"]) };
  const c3 = Math.max(1, Math.floor(cols / 2));
  return { shape: [rows, 2, c3], perm: r.pick([[2, 0, 1], [1, 2, 0], [0, 2, 1]]), index: "" };
}


/** The bits of a result: a number written into an array of the dtype (a NaN keeps its payload), or an array's one element. */
function resultHex(got: unknown, dtype: DT): string {
  if (typeof got === "number") return hexOf(dtype === "float64" ? Float64Array.of(got) : Float32Array.of(got));
  const a = got as NDArray;
  const d = a.data as Float64Array | Float32Array;
  return hexOf(d.subarray(a.offset / a.itemsize, a.offset / a.itemsize + 1));
}

describe.skipIf(!ok)("whole-array max/min bits (zero sign, NaN payload) against NumPy", () => {
  it("match NumPy byte for byte", async () => {
    const r = prng(announcedSeed("minmax-order.test"));
    const cases: Case[] = [];
    const arrays: NDArray[] = [];
    while (cases.length < 300) {
      const dtype = r.pick(["float64", "float32"] as const);
      const lay = layout(r, length(r, dtype));
      const n = lay.shape.reduce((p, q) => p * q, 1);
      const bytes = fillValues(r, dtype, n);
      const base = np.zeros([n], { dtype });
      const d = base.data as Float64Array | Float32Array;
      new Uint8Array(d.buffer, d.byteOffset, d.byteLength).set(bytes);
      let a: NDArray = base.reshape(lay.shape);
      if (lay.perm !== null) a = np.transpose(a, lay.perm);
      if (lay.index !== "") a = a.get(lay.index) as NDArray;
      if (a.size === 0) continue;
      arrays.push(a);
      cases.push({ dtype, hex: hexOf(bytes), ...lay, call: r.pick(["np.max", "np.min", "a.max", "a.min", "axes", "keepdims"] as const) });
    }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as string[];
    let zeros = 0;
    let nans = 0;
    expectNoneDiffer(cases, (c, i) => {
      const a = arrays[i];
      const all = Array.from({ length: a.ndim }, (_, k) => k);
      const got =
        c.call === "np.max" ? np.max(a)
        : c.call === "np.min" ? np.min(a)
        : c.call === "a.max" ? a.max()
        : c.call === "a.min" ? a.min()
        : c.call === "axes" ? np.max(a, { axis: all })
        : np.min(a, { keepdims: true });
      const want = answers[i];
      const mine = resultHex(got, c.dtype);
      const wantBytes = Uint8Array.from(Buffer.from(want, "hex")).buffer;
      const back = c.dtype === "float64" ? new Float64Array(wantBytes)[0] : new Float32Array(wantBytes)[0];
      if (back === 0) zeros++;
      if (Number.isNaN(back)) nans++;
      return mine === want ? null : `${c.call} of ${c.dtype} shape ${JSON.stringify(a.shape)} strides ${JSON.stringify(a.strides)} (${JSON.stringify(c.shape)} perm ${JSON.stringify(c.perm)} [${c.index}]): js ${mine} np ${want}`;
    }, 8);
    // the generated cases did reach the order-dependent results
    console.log(`minmax-order: ${cases.length} cases, ${zeros} zero results, ${nans} NaN results`);
    expect(zeros).toBeGreaterThan(60);
    expect(nans).toBeGreaterThan(30);
  }, 120_000);
});
