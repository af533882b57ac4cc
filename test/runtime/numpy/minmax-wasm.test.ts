/**
 * Differential test of whole-array np.max / np.min of float64, float32 and int32 arrays long
 * enough to live in wasm memory (the wasm max_T/min_T loops of runtime/reduce/reduce.ts) against
 * NumPy 1.24: generated values with NaN, ±0, ±inf, subnormals and ties, in memory order, reversed,
 * and as a transposed 2-D view. The result must be NumPy's bit for bit (a zero's sign included),
 * except a NaN's payload (a NaN must be NaN on both sides). `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential wasm max/min tests against NumPy");

type DT = "float64" | "float32" | "int32";
interface Case {
  dtype: DT;
  hex: string;
  layout: "flat" | "reversed" | "transposed";
  rows: number;
  op: "max" | "min";
}

const SCRIPT = String.raw`
def run(c):
    a = np.frombuffer(bytes.fromhex(c["hex"]), dtype=c["dtype"]).copy()
    if c["layout"] == "reversed": a = a[::-1]
    if c["layout"] == "transposed": a = a.reshape(c["rows"], -1).T
    r = np.max(a) if c["op"] == "max" else np.min(a)
    return r.tobytes().hex()
`;

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 5e-324, -5e-324, 1.401298464324817e-45, 1, -1];

function values(r: ReturnType<typeof prng>, dtype: DT, n: number): number[] {
  const pool = r.pick(["plain", "zeros", "nan", "ties"] as const);
  return Array.from({ length: n }, () => {
    if (dtype === "int32") return r.chance(0.2) ? r.pick([0, -1, 2147483647, -2147483648]) : r.int(-1000, 1000) * (r.chance(0.5) ? 1 : 1000);
    if (pool === "zeros" && r.chance(0.7)) return r.pick([0, -0, -1, -2]);
    if (pool === "nan" && r.chance(0.01)) return NaN;
    if (pool === "ties" && r.chance(0.5)) return r.pick([3, -3]);
    if (r.chance(0.05)) return r.pick(SPECIAL.filter((v) => !Number.isNaN(v)));
    return (r.rand() - 0.5) * 10 ** r.int(-5, 5);
  });
}

function typed(dtype: DT, xs: number[]): Float64Array | Float32Array | Int32Array {
  return dtype === "float64" ? Float64Array.from(xs) : dtype === "float32" ? Float32Array.from(xs) : Int32Array.from(xs);
}
const hexOf = (d: ArrayBufferView): string => Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString("hex");

describe.skipIf(!ok)("whole-array max/min of float64, float32, int32 against NumPy", () => {
  it("match NumPy bit for bit (a NaN's payload aside)", async () => {
    const r = prng(announcedSeed("minmax-wasm.test"));
    const cases: Case[] = [];
    const arrays: NDArray[] = [];
    for (let k = 0; k < 240; k++) {
      const dtype = r.pick(["float64", "float32", "int32"] as const);
      const rows = r.int(1, 8);
      const n = rows * r.int(40, 400); // >= 256 elements mostly: in wasm memory
      const d = typed(dtype, values(r, dtype, n));
      const layout = r.pick(["flat", "reversed", "transposed"] as const);
      const base = np.zeros([n], { dtype });
      (base.data as Float64Array | Float32Array | Int32Array).set(d);
      arrays.push(layout === "flat" ? base : layout === "reversed" ? base.get("::-1") : base.reshape(rows, n / rows).T);
      cases.push({ dtype, hex: hexOf(d), layout, rows, op: r.pick(["max", "min"] as const) });
    }
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue) as string[];
    expectNoneDiffer(cases, (c, i) => {
      const got = c.op === "max" ? np.max(arrays[i]) : np.min(arrays[i]);
      const mine = hexOf(typed(c.dtype, [Number(got)]));
      const want = answers[i];
      const back = c.dtype === "float64" ? new Float64Array(Buffer.from(want, "hex").buffer.slice(0)) : c.dtype === "float32" ? new Float32Array(Buffer.from(want, "hex").buffer.slice(0)) : null;
      if (back !== null && Number.isNaN(back[0]) && Number.isNaN(Number(got))) return null;
      return mine === want ? null : `${c.op} of ${c.dtype} (${c.layout}, ${c.hex.length / 2} bytes): js ${String(got)} (${mine}) np ${want}`;
    }, 10);
    expect(cases.length).toBe(240);
  });
});
