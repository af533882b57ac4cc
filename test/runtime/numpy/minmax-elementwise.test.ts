/**
 * Differential test of the bits of elementwise np.maximum / np.minimum / np.fmax / np.fmin against NumPy 1.24: which
 * of two equal zeros (+0, -0) and which NaN (payload, sign) each element is, for float64 and
 * float32 operands of every length around the SIMD widths (in and out of wasm memory), contiguous,
 * strided, reversed and transposed, a JS number on either side, `out=` and `where=`. Every element is compared byte for byte. `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { cOrderHex, hexOf } from "../../support/float-bits.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential maximum/minimum/fmax/fmin bit tests against NumPy");

type DT = "float64" | "float32";
type Scalar = "0" | "-0" | "nan" | "1" | null;
interface Case {
  dtype: DT;
  call: "maximum" | "minimum" | "fmax" | "fmin";
  n: number;
  a: string;
  b: string;
  index: string;
  /** a JS number instead of the first / second operand */
  sa: Scalar;
  sb: Scalar;
  out: boolean;
  where: boolean[] | null;
}

const SCRIPT = String.raw`
def arr(c, h):
    a = np.frombuffer(bytes.fromhex(h), dtype=c["dtype"]).copy()
    if c["index"] == "T": return a.reshape(2, -1).T
    if c["index"]: a = a[slice(*[int(v) if v else None for v in c["index"].split(":")])]
    return a

def run(c):
    f = getattr(np, c["call"])
    x = float(c["sa"]) if c["sa"] is not None else arr(c, c["a"])
    y = float(c["sb"]) if c["sb"] is not None else arr(c, c["b"])
    kw = {}
    shape = np.broadcast(x, y).shape
    if c["out"] or c["where"] is not None:
        kw["out"] = np.full(shape, 7, dtype=c["dtype"])
    if c["where"] is not None: kw["where"] = np.array(c["where"], dtype=bool).reshape(shape)
    r = np.asarray(f(x, y, **kw))
    if isinstance(x, float) and isinstance(y, float): r = r.astype(c["dtype"])
    return r.tobytes().hex()
`;

function nanBytes(dtype: DT, payload: number, negative: boolean): Uint8Array {
  if (dtype === "float64") return new Uint8Array(new BigUint64Array([(negative ? 0xfff8000000000000n : 0x7ff8000000000000n) | BigInt(payload)]).buffer);
  return new Uint8Array(new Uint32Array([((negative ? 0xffc00000 : 0x7fc00000) | (payload & 0x3fffff)) >>> 0]).buffer);
}

function values(r: ReturnType<typeof prng>, dtype: DT, n: number): Uint8Array {
  const size = dtype === "float64" ? 8 : 4;
  const bytes = new Uint8Array(n * size);
  const view = dtype === "float64" ? new Float64Array(bytes.buffer) : new Float32Array(bytes.buffer);
  for (let i = 0; i < n; i++) {
    const k = r.int(0, 5);
    if (k <= 2) view[i] = r.chance(0.5) ? -0 : 0;
    else if (k === 3) bytes.set(nanBytes(dtype, r.int(0, 0xfffff), r.chance(0.5)), i * size);
    else view[i] = r.pick([1, -1, Infinity, -Infinity]);
  }
  return bytes;
}


function load(dtype: DT, bytes: Uint8Array, index: string): NDArray {
  const a = np.zeros([bytes.length / (dtype === "float64" ? 8 : 4)], { dtype });
  const d = a.data as Float64Array | Float32Array;
  new Uint8Array(d.buffer, d.byteOffset, d.byteLength).set(bytes);
  if (index === "T") return a.reshape(2, -1).T as NDArray;
  return index === "" ? a : (a.get(index) as NDArray);
}

/** The bytes of a result in C order (a number: its bits in the dtype). */
function resultHex(got: unknown, dtype: DT): string {
  if (typeof got === "number") return hexOf(dtype === "float64" ? Float64Array.of(got) : Float32Array.of(got));
  return cOrderHex(got as NDArray);
}

const scalarOf = (s: Exclude<Scalar, null>): number => (s === "nan" ? NaN : Number(s));

describe.skipIf(!ok)("elementwise maximum/minimum/fmax/fmin bits (zero sign, NaN payload) against NumPy", () => {
  it("match NumPy byte for byte", async () => {
    const r = prng(announcedSeed("minmax-elementwise.test"));
    const cases: Case[] = [];
    while (cases.length < 400) {
      const dtype = r.pick(["float64", "float32"] as const);
      const n = 2 * r.pick([1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 64, 100, 1000]);
      const index = r.pick(["", "", "::2", "::-1", "1:", "T"]);
      // a JS number on one side (a weak scalar: the array's dtype); two JS numbers are not compared, as
      // integer-valued JS numbers are ints (API.md), so `np.maximum(-0, 0)` is int32 where Python's is float
      const side = r.int(0, 4);
      const sa: Scalar = side === 0 ? r.pick(["0", "-0", "nan", "1"] as const) : null;
      const sb: Scalar = side === 1 ? r.pick(["0", "-0", "nan", "1"] as const) : null;
      const out = r.chance(0.2);
      const len = load(dtype, new Uint8Array(n * (dtype === "float64" ? 8 : 4)), index).size;
      const where = r.chance(0.15) ? Array.from({ length: len }, () => r.chance(0.6)) : null;
      cases.push({ dtype, call: r.pick(["maximum", "minimum", "fmax", "fmin"] as const), n, a: hexOf(values(r, dtype, n)), b: hexOf(values(r, dtype, n)), index, sa, sb, out, where });
    }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as string[];
    expectNoneDiffer(cases, (c, i) => {
      const x = c.sa !== null ? scalarOf(c.sa) : load(c.dtype, Buffer.from(c.a, "hex"), c.index);
      const y = c.sb !== null ? scalarOf(c.sb) : load(c.dtype, Buffer.from(c.b, "hex"), c.index);
      const f = { maximum: np.maximum, minimum: np.minimum, fmax: np.fmax, fmin: np.fmin }[c.call];
      const opts: Record<string, unknown> = {};
      const like = typeof x === "number" ? y : x;
      if ((c.out || c.where !== null) && typeof like !== "number") opts.out = np.full([...like.shape], 7, { dtype: c.dtype });
      if (c.where !== null && typeof like !== "number") opts.where = np.array(c.where).reshape([...like.shape]);
      const got = f(x as never, y as never, opts as never) as unknown;
      const mine = resultHex(got, c.dtype);
      return mine === answers[i] ? null : `${JSON.stringify({ ...c, a: undefined, b: undefined })}:\n js ${mine.slice(0, 300)}\n np ${answers[i].slice(0, 300)}`;
    }, 6);
    expect(cases.length).toBe(400);
  }, 120_000);
});
