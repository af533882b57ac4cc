/**
 * Differential test of the bits of max/min over axes against NumPy 1.24 (runtime/reduce/
 * extremum-axes.ts): every result element, byte for byte, so which zero (+0 or -0) and which NaN
 * (payload, sign, or NumPy's canonical quiet NaN) each one is. Adversarial arrays: zeros of both
 * signs, NaNs with payloads and signs, infinities; every layout (C, F, transposed 3-D, strided and
 * negative-stride slices, offsets, broadcast views) and axis choice (an int, a negative int, a
 * tuple, all axes, keepdims, `out=` in C or F order, `initial=`, `where=`), float64 and float32,
 * through `np.max`/`np.min`/`a.max`/`a.min`/`np.amax`/`np.amin`, `np.maximum.reduce`/`np.minimum.reduce`,
 * `np.nanmax`/`np.nanmin` and `np.fmax.reduce`/`np.fmin.reduce` (what nanmax/nanmin run), and `np.ptp`. Rows around NumPy's 8192-element buffer and its AVX-512 blocks
 * (8 and 64 float64 lanes, 16 and 128 float32 lanes). `SEED=n` reproduces a run.
 *
 * NumPy's answers here depend on its SIMD lane width: the runtime follows NumPy built with AVX-512
 * (SKX) dispatch, so the test requires that NumPy runs its AVX512_SKX loops here.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { requirement } from "../../support/requirements.js";
import { cOrderHex, hexOf, LAID_OUT_PY, missingNumpyAvx512 } from "../../support/float-bits.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingNumpyAvx512(), "differential max/min-over-axes bit tests against NumPy");

type DT = "float64" | "float32";
type Call = "np.max" | "np.min" | "a.max" | "a.min" | "np.amax" | "np.amin" | "np.nanmax" | "np.nanmin" | "np.ptp" | "np.maximum.reduce" | "np.minimum.reduce" | "np.fmax.reduce" | "np.fmin.reduce";
interface Case {
  dtype: DT;
  hex: string;
  shape: number[];
  perm: number[] | null;
  index: string;
  bcast: number[] | null;
  call: Call;
  axis: number | number[] | null;
  keepdims: boolean;
  out: "C" | "F" | null;
  initial: string | null;
  where: boolean[] | null;
  /** the reduce methods' `dtype` (float32 input reduced in float64: NumPy casts through its buffer) */
  loop: "float64" | null;
}

const SCRIPT = LAID_OUT_PY + String.raw`
def build(c):
    a = laid_out(c)
    if c["bcast"] is not None: a = np.broadcast_to(a, c["bcast"])
    return a

def run(c):
    a = build(c)
    kw = {}
    if c["axis"] is not None: kw["axis"] = tuple(c["axis"]) if isinstance(c["axis"], list) else c["axis"]
    if c["keepdims"]: kw["keepdims"] = True
    if c["initial"] is not None: kw["initial"] = float(c["initial"])
    if c["where"] is not None: kw["where"] = np.array(c["where"], dtype=bool)
    if c.get("loop") is not None: kw["dtype"] = c["loop"]
    k = c["call"]
    f = {"np.max": np.max, "np.min": np.min, "a.max": lambda x, **kw: x.max(**kw), "a.min": lambda x, **kw: x.min(**kw),
         "np.amax": np.amax, "np.amin": np.amin, "np.nanmax": np.nanmax, "np.nanmin": np.nanmin, "np.ptp": np.ptp,
         "np.maximum.reduce": np.maximum.reduce, "np.minimum.reduce": np.minimum.reduce, "np.fmax.reduce": np.fmax.reduce, "np.fmin.reduce": np.fmin.reduce}[k]
    if c["out"] is not None:
        shape = np.max(a, **{x: v for x, v in kw.items() if x in ("axis", "keepdims")}).shape
        kw["out"] = np.empty(shape, dtype=a.dtype, order=c["out"])
    with np.errstate(all="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = f(a, **kw)
    r = np.asarray(r)
    return [list(r.shape), r.tobytes().hex()]
`;

/** A NaN of the dtype with the given payload bits and sign. */
function nanBits(dtype: DT, payload: number, negative: boolean): ArrayBufferView {
  if (dtype === "float64") return new BigUint64Array([(negative ? 0xfff8000000000000n : 0x7ff8000000000000n) | BigInt(payload & 0xffffffff)]);
  return new Uint32Array([((negative ? 0xffc00000 : 0x7fc00000) | (payload & 0x3fffff)) >>> 0]);
}

type R = ReturnType<typeof prng>;

function fillValues(r: R, dtype: DT, n: number): Uint8Array {
  const size = dtype === "float64" ? 8 : 4;
  const bytes = new Uint8Array(n * size);
  const view = dtype === "float64" ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
  const pool = r.pick(["zeros", "zeros", "zeros-neg", "zeros-pos", "zeros-nan", "zeros-nan", "nan", "mostly-nan", "inf", "plain"] as const);
  const nanRate = r.pick([0.001, 0.01, 0.1]);
  const neg = r.pick([0.05, 0.5, 0.95]); // share of -0 among the zeros
  const zero = (): number => (r.chance(neg) ? -0 : 0);
  for (let i = 0; i < n; i++) {
    let nan = false;
    if (pool === "zeros") view[i] = zero();
    else if (pool === "zeros-neg") view[i] = r.chance(0.8) ? zero() : -r.rand() - 1; // max is a zero
    else if (pool === "zeros-pos") view[i] = r.chance(0.8) ? zero() : r.rand() + 1; // min is a zero
    else if (pool === "zeros-nan") { nan = r.chance(nanRate); view[i] = zero(); }
    else if (pool === "nan") { nan = r.chance(nanRate); view[i] = r.pick([0, -0, 1, -1, r.rand()]); }
    else if (pool === "mostly-nan") { nan = r.chance(0.9); view[i] = zero(); } // all-NaN slices for nanmax/nanmin
    else if (pool === "inf") view[i] = r.pick([Infinity, -Infinity, 0, -0, 1e30, -1e30]);
    else view[i] = (r.rand() - 0.5) * 10 ** r.int(-3, 3);
    if (nan) bytes.set(new Uint8Array(nanBits(dtype, r.int(0, 0xfffff), r.chance(0.5)).buffer), i * size);
  }
  return bytes;
}

/** A base shape: small, rows around the SIMD blocks, rows across the 8192 buffer, many short rows, 3-D. */
function baseShape(r: R, dtype: DT): number[] {
  const w = dtype === "float64" ? 8 : 16;
  const near = (n: number): number => Math.max(1, n + r.int(-3, 3));
  return r.pick([
    () => [r.int(1, 9), r.int(1, 9)],
    () => [r.int(1, 6), near(r.pick([w, 8 * w, 8 * w + w, 2 * 8 * w + 3]))],
    () => [near(r.pick([w, 8 * w, 3 * 8 * w])), r.int(1, 6)],
    () => [r.int(2, 3), near(r.pick([8192, 9000]))],
    () => [near(r.pick([8192, 9000])), 2],
    () => [r.int(20, 200), r.int(20, 60)],
    () => [r.int(1, 5), r.int(1, 6), near(r.pick([w, 8 * w + 1, 300]))],
    () => [r.int(2, 40), r.int(1, 4), r.int(2, 40)],
    () => [near(r.pick([8 * w, 300, 3000]))],
  ])();
}

function layout(r: R, shape: number[]): { perm: number[] | null; index: string; bcast: number[] | null; shown: number[] } {
  const nd = shape.length;
  const kind = r.pick(["C", "C", "F", "perm", "slice", "reversed", "offset", "bcast"] as const);
  const ident = shape.map((_, i) => i);
  let perm: number[] | null = null;
  let shown = [...shape];
  if (kind === "F") perm = [...ident].reverse();
  if (kind === "perm") {
    perm = [...ident];
    for (let i = perm.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
  }
  if (perm !== null) shown = perm.map((p) => shape[p]);
  let index = "";
  if (kind === "slice") index = shown.map((n) => (n > 2 && r.chance(0.6) ? r.pick(["::2", "1::2", "::-1", "::-2", "1:", ":-1", "::3"]) : ":")).join(",");
  if (kind === "reversed") index = shown.map(() => "::-1").join(",");
  if (kind === "offset") index = shown.map((n, i) => (i === nd - 1 && n > 1 ? "1:" : ":")).join(",");
  let bcast: number[] | null = null;
  if (kind === "bcast") {
    // a new leading axis, or a length-1 axis stretched
    const one = shown.findIndex((n) => n === 1);
    bcast = one >= 0 && r.chance(0.5) ? shown.map((n, i) => (i === one ? r.int(2, 5) : n)) : [r.int(2, 4), ...shown];
  }
  return { perm, index, bcast, shown };
}


/** The result's bytes in C order (a number: its bits in the dtype; an array: each element's bytes, NaN payloads included). */
function resultBytes(got: unknown, dtype: DT): [number[], string] {
  if (typeof got === "number") return [[], hexOf(dtype === "float64" ? Float64Array.of(got) : Float32Array.of(got))];
  const a = got as NDArray;
  return [[...a.shape], cOrderHex(a)];
}

function makeCases(r: R, count: number): { cases: Case[]; arrays: NDArray[] } {
  const cases: Case[] = [];
  const arrays: NDArray[] = [];
  while (cases.length < count) {
    const dtype = r.pick(["float64", "float32"] as const);
    const shape = baseShape(r, dtype);
    const n = shape.reduce((p, q) => p * q, 1);
    const lay = layout(r, shape);
    const bytes = fillValues(r, dtype, n);
    const base = np.zeros([n], { dtype });
    const d = base.data as Float64Array | Float32Array;
    new Uint8Array(d.buffer, d.byteOffset, d.byteLength).set(bytes);
    let a: NDArray = base.reshape(shape);
    if (lay.perm !== null) a = np.transpose(a, lay.perm);
    if (lay.index !== "") a = a.get(lay.index) as NDArray;
    if (lay.bcast !== null) a = np.broadcast_to(a, lay.bcast) as NDArray;
    if (a.size === 0) continue;
    const nd = a.ndim;
    const call = r.pick(["np.max", "np.min", "a.max", "a.min", "np.amax", "np.amin", "np.nanmax", "np.nanmin", "np.ptp", "np.maximum.reduce", "np.minimum.reduce", "np.fmax.reduce", "np.fmin.reduce"] as const);
    const ax = r.int(0, nd - 1);
    const axis: number | number[] | null = r.pick([
      () => ax,
      () => ax - nd, // negative
      () => ax,
      () => (nd >= 2 ? [ax, (ax + 1 + r.int(0, nd - 2)) % nd].sort((p, q) => p - q) : [ax]),
      () => Array.from({ length: nd }, (_, i) => i),
    ])();
    const keepdims = r.chance(0.25);
    const out = r.chance(0.2) ? r.pick(["C", "F"] as const) : null;
    const plainMinMax = call !== "np.ptp";
    const initial = plainMinMax && r.chance(0.15) ? r.pick(["0.0", "-0.0", "-1.0", "1.0", "nan", "-inf"]) : null;
    const where = initial !== null && r.chance(0.5) ? Array.from({ length: a.shape[nd - 1] }, () => r.chance(0.7)) : null;
    const loop = dtype === "float32" && out === null && (call === "np.maximum.reduce" || call === "np.minimum.reduce") && r.chance(0.4) ? "float64" : null;
    arrays.push(a);
    cases.push({ dtype, hex: hexOf(bytes), shape, perm: lay.perm, index: lay.index, bcast: lay.bcast, call, axis, keepdims, out, initial, where, loop });
  }
  return { cases, arrays };
}

function runCase(c: Case, a: NDArray): unknown {
  const opts: Record<string, unknown> = {};
  if (c.axis !== null) opts.axis = c.axis;
  if (c.keepdims) opts.keepdims = true;
  if (c.initial !== null) opts.initial = Number(c.initial === "nan" ? NaN : c.initial === "-inf" ? -Infinity : c.initial);
  if (c.where !== null) opts.where = np.array(c.where);
  if (c.loop !== null) opts.dtype = c.loop;
  if (c.out !== null) {
    const shape = (np.max(a, { axis: c.axis ?? null, keepdims: c.keepdims }) as NDArray | number);
    opts.out = np.zeros(typeof shape === "number" ? [] : [...shape.shape], { dtype: c.dtype, order: c.out });
  }
  const o = opts as never;
  switch (c.call) {
    case "np.max": return np.max(a, o);
    case "np.min": return np.min(a, o);
    case "a.max": return a.max(o);
    case "a.min": return a.min(o);
    case "np.amax": return np.amax(a, o);
    case "np.amin": return np.amin(a, o);
    case "np.nanmax": return np.nanmax(a, o);
    case "np.nanmin": return np.nanmin(a, o);
    case "np.ptp": return np.ptp(a, o);
    case "np.maximum.reduce": return np.maximum.reduce(a, o);
    case "np.minimum.reduce": return np.minimum.reduce(a, o);
    case "np.fmax.reduce": return np.fmax.reduce(a, o);
    case "np.fmin.reduce": return np.fmin.reduce(a, o);
  }
}

describe.skipIf(!ok)("max/min over axes: bits (zero sign, NaN payload) against NumPy", () => {
  it("whole arrays whose rows of 8192 or more are read in place with a stride other than 1 (m[:, ::-1])", async () => {
    const r = prng(announcedSeed("minmax-axes.test rows"));
    const cases: Case[] = [];
    const arrays: NDArray[] = [];
    for (let t = 0; t < 40; t++) {
      const dtype = r.pick(["float64", "float32"] as const);
      const shape = [r.int(2, 3), 8192 + r.int(0, 200)];
      const n = shape[0] * shape[1];
      const call = r.pick(["np.max", "np.min"] as const);
      const base = np.zeros([n], { dtype });
      const d = base.data as Float64Array | Float32Array;
      const neg = r.pick([0.1, 0.5, 0.9]);
      // sparse zeros of both signs among values on the far side of zero, so the zeros tie for the result
      for (let i = 0; i < n; i++) d[i] = r.chance(0.01) ? (r.chance(neg) ? -0 : 0) : (call === "np.max" ? -1 : 1) * (1 + r.rand());
      const index = r.pick([":,::-1", ":,::-2", ":,::2", "::-1,::2"]);
      arrays.push(base.reshape(shape).get(index) as NDArray);
      cases.push({ dtype, hex: hexOf(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)), shape, perm: null, index, bcast: null, call, axis: null, keepdims: false, out: null, initial: null, where: null, loop: null });
    }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as [number[], string][];
    expectNoneDiffer(cases, (c, i) => {
      const mine = resultBytes(runCase(c, arrays[i]), c.dtype);
      return mine[1] === answers[i][1] ? null : `${c.call} ${c.dtype} ${JSON.stringify(c.shape)}[${c.index}]: js ${mine[1]} np ${answers[i][1]}`;
    }, 6);
  }, 120_000);

  it("match NumPy byte for byte", async () => {
    const r = prng(announcedSeed("minmax-axes.test"));
    const { cases, arrays } = makeCases(r, Number(process.env.MINMAX_AXES_CASES ?? 400));
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as [number[], string][];
    let zeros = 0;
    let nans = 0;
    expectNoneDiffer(cases, (c, i) => {
      const a = arrays[i];
      const want = answers[i];
      let mine: [number[], string];
      try {
        mine = resultBytes(runCase(c, a), c.dtype);
      } catch (e) {
        return `${c.call} threw ${String(e)}`;
      }
      const size = c.dtype === "float64" || c.loop === "float64" ? 8 : 4;
      const wantBytes = Buffer.from(want[1], "hex");
      for (let k = 0; k < wantBytes.length; k += size) {
        const v = size === 8 ? wantBytes.readDoubleLE(k) : wantBytes.readFloatLE(k);
        if (v === 0) zeros++;
        if (Number.isNaN(v)) nans++;
      }
      const same = mine[1] === want[1] && (mine[0].length === 0 ? want[0].length === 0 : JSON.stringify(mine[0]) === JSON.stringify(want[0]));
      if (same) return null;
      const { hex: _, ...shown } = c;
      return `${JSON.stringify(shown)} on shape ${JSON.stringify(a.shape)} strides ${JSON.stringify(a.strides)}:\n js ${JSON.stringify(mine[0])} ${mine[1].slice(0, 400)}\n np ${JSON.stringify(want[0])} ${want[1].slice(0, 400)}`;
    }, 6);
    // the generated cases did reach the order-dependent results
    console.log(`minmax-axes: ${cases.length} cases, ${zeros} zero result elements, ${nans} NaN result elements`);
    expect(zeros).toBeGreaterThan(500);
    expect(nans).toBeGreaterThan(200);
  }, 240_000);

  it("float32 reduced with dtype=float64 runs the float64 loop's 8 lanes, not float32's 16 (fixed cases)", async () => {
    // minmax-axes SEED=1121498968: rows of 13 and 33 float32 gave a NaN's payload for NumPy's canonical NaN and a wrong zero sign
    const cases: Case[] = [];
    const arrays: NDArray[] = [];
    for (const n of [9, 13, 17, 24, 33, 40])
      for (const call of ["np.maximum.reduce", "np.minimum.reduce"] as const)
        for (const pool of ["nan", "zeros"] as const) {
          const rows = 3;
          const base = np.zeros([rows * n], { dtype: "float32" });
          const d = base.data as Float32Array;
          const bits = new Uint32Array(d.buffer, d.byteOffset, d.length);
          for (let i = 0; i < rows * n; i++) {
            if (pool === "zeros") d[i] = (i * 7) % 5 < 2 ? -0 : 0;
            else if (i % n === Math.floor(i / n) + 2) bits[i] = 0xffc12345 + i; // a NaN with a payload in each row
          }
          arrays.push(base.reshape(rows, n));
          cases.push({ dtype: "float32", hex: hexOf(d), shape: [rows, n], perm: null, index: "", bcast: null, call, axis: -1, keepdims: n % 2 === 0, out: null, initial: null, where: null, loop: "float64" });
        }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as [number[], string][];
    expectNoneDiffer(cases, (c, i) => {
      const mine = resultBytes(runCase(c, arrays[i]), c.dtype);
      return mine[1] === answers[i][1] ? null : `${c.call} ${JSON.stringify(c.shape)} dtype=float64: js ${mine[1]} np ${answers[i][1]}`;
    });
  });

  it("ptp with out= takes the maximum walking out's layout, as NumPy's _ptp (fixed cases)", async () => {
    // minmax-axes SEED=1892509325 (2000 cases): ptp of an F-ordered [4,2,66] over axis -2 into a C out kept other NaNs
    const cases: Case[] = [];
    const arrays: NDArray[] = [];
    for (const dtype of ["float64", "float32"] as const)
      for (const out of ["C", "F"] as const)
        for (const shape of [[4, 2, 66], [3, 5, 17]]) {
          const n = shape[0] * shape[1] * shape[2];
          const base = np.zeros([n], { dtype });
          const d = base.data as Float64Array | Float32Array;
          const bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
          for (let i = 0; i < n; i++) {
            if ((i * 37) % 7 < 3) bytes.set(new Uint8Array(nanBits(dtype, 0x1234 + i, i % 2 === 1).buffer), i * base.itemsize);
            else d[i] = i % 3 === 0 ? -0 : 0;
          }
          const perm = [2, 1, 0];
          arrays.push(np.transpose(base.reshape(shape), perm));
          cases.push({ dtype, hex: hexOf(d), shape, perm, index: "", bcast: null, call: "np.ptp", axis: -2, keepdims: false, out, initial: null, where: null, loop: null });
        }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as [number[], string][];
    expectNoneDiffer(cases, (c, i) => {
      const mine = resultBytes(runCase(c, arrays[i]), c.dtype);
      return mine[1] === answers[i][1] ? null : `ptp ${c.dtype} ${JSON.stringify(c.shape)} out ${c.out}: js ${mine[1].slice(0, 200)} np ${answers[i][1].slice(0, 200)}`;
    });
  });
});
