/**
 * partition, a.partition() (in place) and argpartition against NumPy 1.24 with generated cases:
 * C, F, negative strided and transposed views of size 0, 1 and more, 0-d to 3-d, every dtype,
 * ties, NaNs and infinities; kth an integer or a list (negative, out of bounds, float, nested),
 * axis default, negative, null and out of range, bad kind and order.
 * NumPy's arrangement inside each side of a kth is implementation-defined (introselect; the
 * runtime sorts), so what is compared is what NumPy guarantees: the values at every kth position
 * (`np.take(p, kth, axis)`), each lane's values (`np.sort(p, axis)`: also dtype, shape and layout
 * of the result), and for argpartition that its indices are a permutation of each lane
 * (`np.sort(idx, axis)`) and the values they take (`take_along_axis`) at every kth; plus, on the
 * runtime's side only, the partition property itself on every lane. Errors by type and message.
 * `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { less } from "../../../runtime/sorting/introsort.js";
import { describeSeeded } from "./seeded.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, prng, randomView, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "partition differential tests against NumPy");

interface Case {
  op: "partition" | "method" | "argpartition";
  view: ViewSpec;
  kth: unknown;
  kw: Record<string, unknown>;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    v = mk(c['view'])
    kw = c['kw']
    kth = c['kth']
    if c['op'] == 'partition': p = np.partition(v, kth, **kw)
    elif c['op'] == 'method':
        v.partition(kth, **kw); p = v
    else:
        idx = np.argpartition(v, kth, **kw)
        src = v.ravel() if kw.get('axis', -1) is None or v.ndim == 0 else v
        ax = 0 if kw.get('axis', -1) is None or v.ndim == 0 else kw.get('axis', -1)
        p = np.take_along_axis(src, idx, ax)
        return {'perm': np.sort(idx, ax), 'sorted': np.sort(p, ax), 'kvals': np.take(p, kth, ax)}
    ax = -1 if kw.get('axis', -1) is None else kw.get('axis', -1)
    return {'sorted': np.sort(p, ax), 'kvals': np.take(p, kth, ax)}
`;

/** Whether every lane of `p` along `ax` is partitioned around each of `ks` (NaN last). */
function partitioned(p: NDArray, ks: number[], ax: number): boolean {
  const m = np.moveaxis(p, ax, -1);
  const n = m.shape[m.ndim - 1];
  const lanes = m.reshape(-1, n).tolist() as number[][];
  return lanes.every((lane) =>
    ks.map((k) => (k < 0 ? k + n : k)).every((k) => lane.every((x, i) => (i < k ? !less(lane[k], x) : i > k ? !less(x, lane[k]) : true))),
  );
}

function ours(c: Case): unknown {
  const v = buildView(c.view);
  const kw = c.kw as { axis?: number | null };
  const kth = c.kth as number[];
  const flat = kw.axis === null || v.ndim === 0;
  const ks = typeof kth === "number" ? [kth] : kth;
  if (c.op === "argpartition") {
    const idx = np.argpartition(v, kth, kw);
    const src = flat ? np.ravel(v) : v;
    const ax = flat ? 0 : (kw.axis ?? -1);
    const p = np.take_along_axis(src, idx, ax);
    if (p.size > 0 && !partitioned(p, ks, ax)) throw new Error("not partitioned");
    return { perm: np.sort(idx, ax), sorted: np.sort(p, ax), kvals: np.take(p, kth, { axis: ax }) };
  }
  let p: NDArray;
  if (c.op === "partition") p = np.partition(v, kth, kw);
  else {
    v.partition(kth, kw as { axis?: number });
    p = v;
  }
  const ax = kw.axis === null ? -1 : (kw.axis ?? -1);
  if (p.size > 0 && !partitioned(p, ks, ax)) throw new Error("not partitioned");
  return { sorted: np.sort(p, ax), kvals: np.take(p, kth, { axis: ax }) };
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 250; i++) {
    const op = pick(["partition", "method", "argpartition"] as const);
    const dtype: DType = pick(ALL_DTYPES);
    const ndim = r() < 0.08 ? 0 : 1 + Math.floor(r() * 3);
    const view = randomView(r, dtype, ndim, ndim > 2 ? 4 : r() < 0.2 ? 40 : 7);
    const float = dtype.startsWith("float");
    if (r() < 0.7) {
      view.values = view.values.map((x) => {
        const u = r();
        if (float && u < 0.12) return NaN;
        if (float && u < 0.16) return r() < 0.5 ? Infinity : -Infinity;
        if (dtype === "bool") return r() < 0.5 ? 0 : 1;
        return r() < 0.7 ? Math.floor(r() * 5) : x;
      });
    }
    const kw: Record<string, unknown> = {};
    const u = r();
    if (u < 0.15 && op !== "method") kw.axis = null;
    else if (u < 0.8 && ndim > 0) kw.axis = Math.floor(r() * ndim) - (r() < 0.3 ? ndim : 0);
    else if (u < 0.83 && (ndim > 0 || r() < 0.1)) kw.axis = ndim + 1;
    const shape = buildView(view).shape;
    const size = shape.reduce((p, q) => p * q, 1);
    const ax = kw.axis === null || ndim === 0 ? -1 : ((kw.axis as number | undefined) ?? -1);
    const n = kw.axis === null || ndim === 0 ? size : (shape[ax < 0 ? ax + ndim : ax] ?? 1);
    const one = (): number => (r() < 0.03 ? n + Math.floor(r() * 2) : Math.floor(r() * Math.max(n, 1)) - (r() < 0.3 ? n : 0));
    const w = r();
    let kth: unknown = w < 0.5 ? one() : Array.from({ length: 1 + Math.floor(r() * 3) }, one);
    if (w > 0.97) kth = pick([1.5, [[0]], [0.5]]);
    if (r() < 0.02) kw.kind = "quick";
    if (r() < 0.02) kw.order = "x";
    cases.push({ op, view, kth, kw });
  }
  return cases;
}

describeSeeded("partition and argpartition against NumPy", ok, { generate, script: SCRIPT, ours, show: 6, what: "agree on what NumPy guarantees, generated cases" });

describe("partition's property on lanes NumPy would arrange differently", () => {
  it("every kth of a shuffled lane holds its sorted value, with no larger before and no smaller after", () => {
    const r = prng(7);
    for (let t = 0; t < 50; t++) {
      const n = 1 + Math.floor(r() * 60);
      const vals = Array.from({ length: n }, () => (r() < 0.1 ? NaN : Math.floor(r() * 10)));
      const a = np.array(vals, { dtype: "float64" });
      const k = Math.floor(r() * n);
      const p = np.partition(a, k);
      const sorted = np.sort(a);
      expect(Object.is(p.get(k), sorted.get(k))).toBe(true);
      expect(partitioned(p, [k], 0)).toBe(true);
      expect(partitioned(np.take_along_axis(a, np.argpartition(a, k), 0), [k], 0)).toBe(true);
    }
  });
});
