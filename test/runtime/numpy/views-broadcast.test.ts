/**
 * Differential test of order-K copies and ravels of arrays with zero and negative strides
 * (broadcast_to and as_strided views) against NumPy 1.24: flatten/ravel/copy in every order,
 * *_like layouts, values and strides. These exercise NumPy's iterator axis ordering where a
 * zero stride is "ambiguous" (nditer_constr.c npyiter_find_best_axis_ordering).
 * `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, countDifferences } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { encodeJs, prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential order-K tests against NumPy");

interface Case {
  n: number;
  shape: number[];
  strides: number[]; // in elements
  offset: number;
  op: "flatten" | "ravel" | "copy" | "empty_like";
  order: "C" | "F" | "A" | "K";
}

const SCRIPT = String.raw`
from numpy.lib.stride_tricks import as_strided
def run(c):
    base = np.arange(c["n"], dtype=np.int32)
    v = as_strided(base[c["offset"]:], c["shape"], [4 * s for s in c["strides"]])
    o = c["order"]
    if c["op"] == "flatten": r = v.flatten(o)
    elif c["op"] == "ravel": r = v.ravel(o)
    elif c["op"] == "copy": r = v.copy(o)
    else: r = np.zeros_like(v, order=o)
    return [r, bool(np.shares_memory(r, base))]
`;

describe.skipIf(!ok)("order K with zero and negative strides against NumPy", () => {
  it("flatten/ravel/copy/zeros_like match", async () => {
    const seed = announcedSeed("views-broadcast.test");
    const r = prng(seed);
    const cases: Case[] = [];
    const js: unknown[] = [];
    while (cases.length < 600) {
      const nd = r.int(1, 4);
      const shape = Array.from({ length: nd }, () => r.int(1, 4));
      const strides = Array.from({ length: nd }, () => r.pick([0, 0, 1, -1, 2, 3, -3, 4, 6, 12]));
      const n = 40;
      const offset = r.int(0, n - 1);
      let v: NDArray;
      try {
        v = np.lib.stride_tricks.as_strided(np.arange(n).get(`${offset}:`) as NDArray, shape, strides.map((s) => 4 * s));
      } catch {
        continue; // outside the buffer
      }
      const c: Case = { n, shape, strides, offset, op: r.pick(["flatten", "ravel", "copy", "empty_like"] as const), order: r.pick(["C", "F", "A", "K"] as const) };
      const base = v.base as NDArray;
      const res = c.op === "flatten" ? v.flatten(c.order) : c.op === "ravel" ? v.ravel(c.order) : c.op === "copy" ? v.copy(c.order) : np.zeros_like(v, { order: c.order });
      cases.push(c);
      js.push([encodeJs(res), np.shares_memory(res, base)]);
    }
    const answers = await numpyBatch(SCRIPT, cases);
    expect(countDifferences(cases, js, answers.map(answerValue), 6)).toBe(0);
  });
});
