/**
 * Every `method` of np.quantile / np.percentile against NumPy 1.24 (the H&F ones, the discrete
 * ones and the legacy names): generated 1-D and 2-D int32, float64 and float32 inputs (ties,
 * NaNs, size 0 and 1), q as a number, an integer or a list, with and without `axis`; values,
 * dtype and shape compared exactly, errors by type and message (an unknown method too).
 * `SEED=n` reproduces a run.
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import type { QuantileMethod } from "../../../runtime/stats/quantile.js";
import { numpyBatch, unJsonFloats } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "quantile methods against NumPy");

const METHODS = [
  "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull",
  "linear", "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint", "nearest",
] as const;

interface Case {
  fn: "quantile" | "percentile";
  dtype: DType;
  shape: number[];
  values: (number | string)[];
  q: number | number[];
  axis: number | null;
  method: string;
}

const SCRIPT = String.raw`
def run(c):
    vals = [float(v) if isinstance(v, str) else v for v in c["values"]]
    a = np.array(vals, dtype=c["dtype"]).reshape(c["shape"])
    f = np.quantile if c["fn"] == "quantile" else np.percentile
    r = f(a, c["q"], axis=c["axis"], method=c["method"])
    r = np.asarray(r)
    return {"dtype": str(r.dtype), "shape": list(r.shape), "values": enc(r.ravel())["values"]}
`;

/** The length of the lanes a case reduces (the whole size for axis null: close enough to aim q at). */
function c_len(shape: readonly number[]): number {
  return shape[shape.length - 1];
}

describe.skipIf(!ok)("quantile methods against NumPy", () => {
  it("every method, generated inputs", async () => {
    const r = prng(announcedSeed("quantile-methods.test"));
    const cases: Case[] = Array.from({ length: 400 }, () => {
      const dtype = r.pick(["int32", "float64", "float32"] as DType[]);
      const shape = r.chance(0.6) ? [r.int(0, 7)] : [r.int(1, 3), r.int(0, 5)];
      const size = shape.reduce((p, d) => p * d, 1);
      const values = Array.from({ length: size }, () => (dtype !== "int32" && r.chance(0.08) ? "nan" : r.chance(0.5) ? r.int(-5, 5) : Math.round(r.rand() * 2000 - 1000) / 8));
      const fn = r.pick(["quantile", "percentile"] as const);
      const scale = fn === "percentile" ? 100 : 1;
      const n = c_len(shape);
      // k / n puts the H&F virtual index on a whole number, where the discrete methods' rules turn
      const one = (): number => (r.chance(0.3) && n > 0 ? (r.int(0, n) / n) * scale : r.chance(0.3) ? r.pick([0, 1]) * scale : r.chance(0.4) ? r.pick([0.25, 0.5, 0.75, 0.1, 0.9]) * scale : Math.round(r.rand() * 1000) / 1000 * scale);
      const q = r.chance(0.5) ? one() : Array.from({ length: r.int(1, 3) }, one);
      const axis = shape.length === 1 ? r.pick([null, 0]) : r.pick([null, 0, 1, -1]);
      const method = r.chance(0.02) ? "bogus" : r.pick(METHODS);
      return { fn, dtype, shape, values, q, axis, method };
    });
    // Always drawn: empty lanes and empty results, where NumPy's steps (partition, isnan(arr[-1]),
    // take) each raise their own error (CI drew (2, 0) float32 weibull q=1 once: "index 2 is out of
    // bounds", we said "index -1")
    for (const shape of [[2, 0], [0, 3], [0], [3, 0]]) for (const dtype of ["float32", "int32"] as DType[])
      for (const q of [1, [1], 0, 0.5]) for (const method of METHODS) for (const axis of [0, null])
        cases.push({ fn: "quantile", dtype, shape, values: [], q, axis, method });
    const js = cases.map((c) => {
      try {
        const a = np.array(c.values.map((v) => (typeof v === "string" ? Number.NaN : v)), { dtype: c.dtype }).reshape(c.shape);
        const f = c.fn === "quantile" ? np.quantile : np.percentile;
        const res = (f as (a: NDArray, q: number | number[], axis: number | null, o: { method: QuantileMethod }) => NDArray | number)(a, c.q, c.axis, { method: c.method as QuantileMethod });
        const arr = res instanceof NDArray ? res : null;
        return arr === null
          ? { kind: typeof res, value: res }
          : { dtype: arr.dtype, shape: arr.shape, values: Array.from(arr.flatten().tolist() as number[]) };
      } catch (e) {
        return { error: (e as Error).name, message: (e as Error).message };
      }
    });
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue);
    expectNoneDiffer(cases, (c, i) => {
      const want = answers[i] as { dtype: string; shape: number[]; values: unknown[] } | { error: string; message: string };
      const got = js[i];
      const say = (): string => `case ${JSON.stringify(c)}:\n js ${JSON.stringify(got)}\n np ${JSON.stringify(want)}`;
      if ("error" in want || "error" in got) return JSON.stringify(want) === JSON.stringify(got) ? null : say();
      const values = unJsonFloats(want.values) as number[];
      if ("kind" in got) {
        // a number: NumPy's 0-d result with no axis (its dtype cannot be seen in a JS number)
        const same = want.shape.length === 0 && Object.is(got.value, values[0]) || (Number.isNaN(got.value as number) && Number.isNaN(values[0]));
        return same ? null : say();
      }
      // int32 results are NumPy's intp-free int32 (input dtype kept): compare dtype names directly
      const same = got.dtype === want.dtype && JSON.stringify(got.shape) === JSON.stringify(want.shape) && got.values.length === values.length && got.values.every((v, k) => Object.is(v, values[k]) || (v === 0 && values[k] === 0));
      return same ? null : say();
    }, 8);
  });
});
