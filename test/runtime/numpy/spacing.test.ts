/**
 * Differential test of np.logspace and np.geomspace against NumPy 1.24: generated start, stop,
 * num, endpoint, base and dtype; shape, dtype and errors must match exactly, values to within
 * 4 ulp (relative 1e-15) for float results, because powers and logarithms are V8's Math.pow and
 * Math.log10 rather than glibc's (README, Compute); integer dtypes (which truncate those values)
 * are covered by the doc examples only. `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch, unJsonFloats, type EncodedArray } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential logspace/geomspace tests against NumPy");

interface Case {
  fn: "logspace" | "geomspace";
  start: number;
  stop: number;
  num: number;
  endpoint: boolean;
  base: number;
  dtype: "float64" | "float32" | null;
}

const SCRIPT = String.raw`
def run(c):
    kw = {"endpoint": c["endpoint"]}
    if c["dtype"] is not None: kw["dtype"] = c["dtype"]
    if c["fn"] == "logspace": return np.logspace(c["start"], c["stop"], c["num"], base=c["base"], **kw)
    return np.geomspace(c["start"], c["stop"], c["num"], **kw)
`;

function close(x: number, y: number): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return true;
  return Math.abs(x - y) <= 1e-15 * 4 * Math.max(Math.abs(x), Math.abs(y));
}

describe.skipIf(!ok)("logspace and geomspace against NumPy", () => {
  it("match NumPy (values to a few ulp)", async () => {
    const r = prng(announcedSeed("spacing.test"));
    const cases: Case[] = Array.from({ length: 300 }, () => {
      const fn = r.pick(["logspace", "geomspace"] as const);
      const v = (): number => (r.chance(0.5) ? r.int(-6, 6) : Math.round((r.rand() * 12 - 6) * 100) / 100);
      const start = fn === "geomspace" && r.chance(0.9) ? (r.chance(0.7) ? 1 : -1) * 10 ** v() * (r.chance(0.5) ? 1 : 3) : v();
      const stop = fn === "geomspace" && r.chance(0.9) ? (r.chance(0.7) ? 1 : -1) * 10 ** v() * (r.chance(0.5) ? 1 : 7) : v();
      return { fn, start, stop, num: r.int(0, 9), endpoint: r.chance(0.7), base: r.pick([10, 2, Math.E, 0.5]), dtype: r.pick([null, "float64", "float32"] as const) };
    });
    const js = cases.map((c) => {
      try {
        const opts = c.dtype === null ? { endpoint: c.endpoint } : { endpoint: c.endpoint, dtype: c.dtype };
        const a: NDArray = c.fn === "logspace" ? np.logspace(c.start, c.stop, c.num, { ...opts, base: c.base }) : np.geomspace(c.start, c.stop, c.num, opts);
        return { a };
      } catch (e) {
        return { error: (e as Error).name, message: (e as Error).message };
      }
    });
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue);
    expectNoneDiffer(cases, (c, i) => {
      const want = answers[i] as EncodedArray | { error: string; message: string };
      const got = js[i];
      if ("error" in want || "error" in got) {
        return JSON.stringify(want) === JSON.stringify(got) ? null : `case ${JSON.stringify(c)}: js ${JSON.stringify(got)} np ${JSON.stringify(want)}`;
      }
      const a = got.a;
      const values = unJsonFloats(want.values) as number[];
      const mine = a.tolist() as number[];
      const same = a.dtype === want.dtype && JSON.stringify(a.shape) === JSON.stringify(want.shape) && values.every((x, k) => close(mine[k], x));
      return same ? null : `case ${JSON.stringify(c)}: js ${a.dtype} ${JSON.stringify(mine)} np ${want.dtype} ${JSON.stringify(values)}`;
    }, 10);
  });
});
