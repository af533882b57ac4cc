/**
 * lexsort against NumPy 1.24 with generated cases: 1 to 3 keys of one shape (C, F, negative
 * strided and transposed views; 0-d to 3-d; size 0 included), every dtype and mixed dtypes
 * between keys, many ties (so later keys decide), NaNs and infinities, keys as a JS array or as
 * one array's rows, axis default, negative and out of range, keys of different shapes, no keys.
 * Values, dtype, shape and strides compared (NumPy's int64 as int32); errors by type and message.
 * `SEED=n` reproduces a run.
 */
import { np } from "../../../runtime/np.js";
import { describeSeeded } from "./seeded.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, prng, randomView, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "lexsort differential tests against NumPy");

interface Case {
  keys: ViewSpec[];
  /** pass the keys as one array (stacked) instead of a list */
  stacked: boolean;
  kw: Record<string, unknown>;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    ks = [mk(k) for k in c['keys']]
    keys = np.stack(ks) if c['stacked'] else tuple(ks)
    r = np.lexsort(keys, **c['kw'])
    return int(r) if np.ndim(r) == 0 else r
`;

function ours(c: Case): unknown {
  const ks = c.keys.map(buildView);
  return np.lexsort(c.stacked ? np.stack(ks) : ks, c.kw);
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 200; i++) {
    const ndim = r() < 0.05 ? 0 : 1 + Math.floor(r() * 3);
    const first = randomView(r, pick(ALL_DTYPES), ndim, ndim > 2 ? 4 : r() < 0.2 ? 30 : 7, true);
    const shape = buildView(first).shape;
    const nk = r() < 0.03 ? 0 : 1 + Math.floor(r() * 3);
    const keys: ViewSpec[] = [first];
    for (let k = 1; k < nk; k++) {
      const target = r() < 0.04 ? [...shape, 2] : shape;
      keys.push(viewWithShape(r, r() < 0.5 ? first.dtype : pick(ALL_DTYPES), target, true));
    }
    for (const key of keys) {
      const float = key.dtype.startsWith("float");
      key.values = key.values.map((x) => {
        const u = r();
        if (float && u < 0.1) return NaN;
        if (float && u < 0.14) return r() < 0.5 ? Infinity : -Infinity;
        if (key.dtype === "bool") return r() < 0.5 ? 0 : 1;
        return r() < 0.8 ? Math.floor(r() * 3) : x;
      });
    }
    const kw: Record<string, unknown> = {};
    const u = r();
    if (u < 0.6 && ndim > 0) kw.axis = Math.floor(r() * ndim) - (r() < 0.3 ? ndim : 0);
    else if (u < 0.65) kw.axis = ndim + 1;
    const sameShape = keys.every((k) => JSON.stringify(buildView(k).shape) === JSON.stringify(shape));
    cases.push({ keys: nk === 0 ? [] : keys, stacked: sameShape && nk > 0 && r() < 0.3, kw });
  }
  return cases;
}

describeSeeded("lexsort against NumPy", ok, { generate, script: SCRIPT, ours, what: "agrees on generated cases", show: 6 });
