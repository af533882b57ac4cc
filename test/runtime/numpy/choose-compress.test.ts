/**
 * choose and compress against NumPy 1.24 with generated cases. choose: index arrays (several
 * integer dtypes, bool; floats refused) broadcast with 1 to 4 choices of mixed dtypes and
 * shapes (C, F, negative strided, transposed views; size 0 included), choices as a JS array or
 * one stacked array, modes raise/wrap/clip/bogus with indices out of range both ways, shape
 * mismatches. compress: conditions (bool and int, shorter, longer with false or true tails, 2-D)
 * on views of 0-d to 3-d along every axis (negative, null, out of range). Values, dtype, shape and
 * strides compared (NumPy's int64 as int32 where it is an index type); errors by type and message.
 * `SEED=n` reproduces a run.
 */
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { promoteTypes } from "../../../runtime/ufunc/promote.js";
import { describeSeeded } from "./seeded.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, prng, randomView, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "choose/compress differential tests against NumPy");

interface Case {
  op: "choose" | "compress";
  a: ViewSpec;
  choices?: ViewSpec[];
  stacked?: boolean;
  cond?: unknown;
  kw: Record<string, unknown>;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    a = mk(c['a'])
    if c['op'] == 'choose':
        cs = [mk(x) for x in c['choices']]
        return np.choose(a, np.stack(cs) if c['stacked'] else cs, **c['kw'])
    return np.compress(c['cond'], a, **c['kw'])
`;

function ours(c: Case): unknown {
  const a = buildView(c.a);
  if (c.op === "choose") {
    const cs = (c.choices as ViewSpec[]).map(buildView);
    return np.choose(a, c.stacked ? np.stack(cs) : cs, c.kw);
  }
  return np.compress(c.cond as number[], a, c.kw);
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 200; i++) {
    if (r() < 0.5) {
      const ndim = Math.floor(r() * 3);
      const nc = r() < 0.03 ? 0 : 1 + Math.floor(r() * 4);
      const idtype: DType = r() < 0.05 ? pick(["float64", "bool"] as DType[]) : pick(["int32", "int8", "uint8", "int16"] as DType[]);
      const a = randomView(r, idtype, ndim, 5, true);
      const shape = buildView(a).shape;
      a.values = a.values.map(() => (r() < 0.05 ? pick([-1, nc, nc + 3]) : Math.floor(r() * Math.max(nc, 1))));
      if (idtype === "bool" || idtype === "uint8") a.values = a.values.map((v) => (idtype === "bool" ? (v > 0 ? 1 : 0) : Math.abs(v)));
      const cdtype: DType = pick(ALL_DTYPES);
      // two dtypes at most: NumPy's common type of three (uint16, int16, float32: float32) is not
      // the pairwise promotion the runtime uses (float64); README
      let other: DType = pick(ALL_DTYPES);
      if (promoteTypes(cdtype, other) === "int64") other = cdtype;
      const choices: ViewSpec[] = [];
      let sameShapes = true;
      for (let k = 0; k < nc; k++) {
        const tail = shape.slice(Math.floor(r() * (shape.length + 1))).map((d) => (r() < 0.25 ? 1 : d));
        const target = r() < 0.05 ? [...tail, 3] : tail;
        const d: DType = r() < 0.6 ? cdtype : other;
        const spec = viewWithShape(r, d, target, true);
        if (k > 0 && JSON.stringify(target) !== JSON.stringify(buildView(choices[0]).shape)) sameShapes = false;
        choices.push(spec);
      }
      const kw: Record<string, unknown> = {};
      if (r() < 0.6) kw.mode = pick(["raise", "wrap", "clip", "clip", "wrap", "bogus"]);
      cases.push({ op: "choose", a, choices, stacked: nc > 0 && sameShapes && r() < 0.25, kw });
    } else {
      const ndim = Math.floor(r() * 4);
      const a = randomView(r, pick(ALL_DTYPES), ndim, ndim > 2 ? 4 : 6, true);
      const shape = buildView(a).shape;
      const kw: Record<string, unknown> = {};
      const u = r();
      if (u < 0.6 && ndim > 0) kw.axis = Math.floor(r() * ndim) - (r() < 0.3 ? ndim : 0);
      else if (u < 0.65) kw.axis = ndim + 1;
      else if (u < 0.8) kw.axis = null;
      const ax = typeof kw.axis === "number" ? (kw.axis < 0 ? kw.axis + ndim : kw.axis) : -1;
      const n = typeof kw.axis === "number" ? (shape[ax] ?? 0) : shape.reduce((p, q) => p * q, 1);
      const len = Math.max(0, n + pick([0, 0, 0, -1, -2, 1, 2]));
      let cond: unknown = Array.from({ length: len }, (_, k) => (k >= n && r() < 0.7 ? 0 : r() < 0.5 ? 1 : 0));
      if (r() < 0.5) cond = (cond as number[]).map((x) => x === 1);
      else if (r() < 0.3) cond = (cond as number[]).map((x) => x * Math.floor(1 + r() * 5));
      if (r() < 0.04) cond = [cond];
      cases.push({ op: "compress", a, cond, kw });
    }
  }
  return cases;
}

describeSeeded("choose and compress against NumPy", ok, { generate, script: SCRIPT, ours, show: 6 });
