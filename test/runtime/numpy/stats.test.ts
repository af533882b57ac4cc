/**
 * Cumulative and statistics routines against NumPy 1.24 with generated cases: cumsum/cumprod
 * (axis incl. null, dtype, out, the methods), diff (n, axis, prepend/append), median,
 * percentile/quantile (methods, q scalar or list, axes, keepdims), average (weights along an axis
 * or whole, returned, keepdims), ptp, nansum/nanmean/nanmin/nanmax/nanvar/nanstd (NaN-only
 * slices, ddof) on C, F, negative-strided and transposed views of size 0, 1 and more, every
 * dtype. Values bit for bit, dtype, shape, strides and shares_memory with the input are compared
 * (NumPy's int64 as int32: integer sums are asked in int32 on both sides, the runtime's default);
 * errors by type and message. `SEED=n` reproduces a run.
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, capture, prng, randomView, type ViewSpec } from "../ufunc/cases.js";
import { compareTree, jsonSafe } from "./intp.js";

const ok = requirement(missingPythonModules(["numpy"]), "statistics differential tests against NumPy");

const OPS = ["cumsum", "cumprod", "cumsum_method", "diff", "median", "percentile", "quantile", "average", "ptp", "nansum", "nanmean", "nanmin", "nanmax", "nanvar", "nanstd"] as const;
type Op = (typeof OPS)[number];

interface Case {
  op: Op;
  view: ViewSpec;
  kw: Record<string, unknown>;
  q?: number | number[];
  /** weights / prepend / append as views */
  arrays?: Record<string, ViewSpec | number>;
  outShape?: number[];
  outDType?: DType;
  /** median/percentile/quantile: call again with a float64 `out` of the result's shape */
  useOut?: boolean;
}

const SCRIPT = `${PY_BUILD}
import warnings
warnings.simplefilter('ignore')
def run(c):
    v = mk(c['view'])
    op = c['op']
    kw = dict(c['kw'])
    if 'axis' in kw and isinstance(kw['axis'], list): kw['axis'] = tuple(kw['axis'])
    for k, x in c.get('arrays', {}).items():
        # a Python number as the runtime takes a JS number: weak (NEP 50), in v's dtype when it fits
        kw[k] = mk(x) if isinstance(x, dict) else (np.asarray(x, np.result_type(v, x)) if k in ('prepend', 'append') else x)
    if op in ('cumsum', 'cumprod', 'cumsum_method') and 'dtype' not in kw and 'outDType' not in c and v.dtype.kind in 'biu':
        kw['dtype'] = 'uint32' if v.dtype.kind == 'u' else 'int32'
    if op in ('nansum',) and 'dtype' not in kw and v.dtype.kind in 'biu':
        kw['dtype'] = 'uint32' if v.dtype.kind == 'u' else 'int32'
    if 'outDType' in c:
        o = np.zeros(c['outShape'], dtype=c['outDType'])
        kw['out'] = o
    if op == 'cumsum_method': r = v.cumsum(**kw)
    elif op in ('percentile', 'quantile'): r = getattr(np, op)(v, c['q'], **kw)
    else: r = getattr(np, op)(v, **kw)
    if c.get('useOut'):
        o2 = np.zeros(np.shape(r))
        r2 = getattr(np, op)(v, c['q'], out=o2, **kw) if op in ('percentile', 'quantile') else getattr(np, op)(v, out=o2, **kw)
        assert r2 is o2
        r = o2
    if 'outDType' in c:
        assert r is o
    if isinstance(r, tuple): r = list(r)
    shares = [bool(np.shares_memory(x, v)) for x in (r if isinstance(r, list) else [r]) if isinstance(x, np.ndarray) and x.ndim > 0]
    return {'r': r, 'shares': shares}
`;

function ours(c: Case): unknown {
  const v = buildView(c.view);
  const kw: Record<string, unknown> = { ...c.kw };
  for (const [k, x] of Object.entries(c.arrays ?? {})) kw[k] = typeof x === "number" ? x : buildView(x);
  let o: NDArray | undefined;
  if (c.outDType !== undefined) {
    o = np.zeros(c.outShape ?? [], { dtype: c.outDType });
    kw.out = o;
  }
  const f = (np as unknown as Record<string, (...a: unknown[]) => unknown>)[c.op];
  let r: unknown;
  if (c.op === "cumsum_method") r = v.cumsum(kw);
  else if (c.op === "percentile" || c.op === "quantile") r = f(v, c.q, kw);
  else r = f(v, kw);
  if (o !== undefined && r !== o) throw new Error("out was not returned");
  if (c.useOut) {
    const o2 = np.zeros(r instanceof NDArray ? r.shape : []);
    const r2 = c.op === "percentile" || c.op === "quantile" ? f(v, c.q, { ...kw, out: o2 }) : f(v, { ...kw, out: o2 });
    if (r2 !== o2) throw new Error("out was not returned");
    r = o2;
  }
  const shares = (Array.isArray(r) ? r : [r]).filter((x): x is NDArray => x instanceof NDArray && x.ndim > 0).map((x) => np.shares_memory(x, v));
  return { r, shares };
}

function withNans(r: () => number, spec: ViewSpec, rate: number): void {
  if (spec.dtype !== "float32" && spec.dtype !== "float64") return;
  spec.values = spec.values.map((x) => (r() < rate ? NaN : x));
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 900; i++) {
    const op = pick(OPS);
    const nan = op.startsWith("nan");
    const dtype: DType = nan && r() < 0.8 ? pick(["float32", "float64"] as DType[]) : pick(ALL_DTYPES);
    const ndim = Math.floor(r() * 4);
    const view = randomView(r, dtype, ndim, ndim > 2 ? 4 : 7, op === "cumprod");
    if (r() < 0.4) withNans(r, view, nan ? pick([0.2, 0.6, 1]) : 0.1);
    if (op === "ptp" && dtype === "bool" && r() < 0.8) view.dtype = "int16";
    const shape = buildView(view).shape;
    const c: Case = { op, view, kw: {} };
    const oneAxis = (): number => Math.floor(r() * ndim) - (r() < 0.3 ? ndim : 0);
    const axes = (): number | number[] | undefined => {
      const u = r();
      if (u < 0.35 || ndim === 0) return undefined;
      if (u < 0.8) return oneAxis();
      return [...new Set(Array.from({ length: 1 + Math.floor(r() * ndim) }, () => Math.floor(r() * ndim)))];
    };
    if (op === "cumsum" || op === "cumprod" || op === "cumsum_method") {
      if (r() < 0.7 && ndim > 0) c.kw.axis = oneAxis();
      if (r() < 0.03) c.kw.axis = ndim + 2;
      if (r() < 0.2) c.kw.dtype = pick(["float64", "float32", "int32", "int16", "uint8"] as DType[]);
      if (r() < 0.15 && c.kw.dtype === undefined) {
        c.outDType = pick(["float64", "int32", "float32"] as DType[]);
        c.outShape = c.kw.axis === undefined ? [shape.reduce((p, q) => p * q, 1)] : shape.slice();
      }
    } else if (op === "diff") {
      if (r() < 0.8) c.kw.n = pick([0, 1, 1, 2, 3, -1]);
      if (r() < 0.5 && ndim > 0) c.kw.axis = oneAxis();
      for (const k of ["prepend", "append"]) {
        if (r() < 0.25) {
          if (r() < 0.5) c.arrays = { ...c.arrays, [k]: pick(view.dtype.startsWith("u") || view.dtype === "bool" ? [0, 5] : [0, 5, -2]) };
          else if (ndim > 0) {
            const ax = (((c.kw.axis as number | undefined) ?? -1) % ndim + ndim) % ndim;
            const s = shape.map((d, j) => (j === ax ? 1 + Math.floor(r() * 2) : d));
            c.arrays = { ...c.arrays, [k]: { dtype: view.dtype, shape: s, values: Array.from({ length: s.reduce((p, q) => p * q, 1) }, () => Math.floor(r() * (view.dtype === "bool" ? 2 : 3))), slices: [], perm: [] } };
          }
        }
      }
    } else if (op === "median" || op === "percentile" || op === "quantile") {
      const ax = axes();
      if (ax !== undefined) c.kw.axis = ax;
      if (r() < 0.25) c.kw.keepdims = true;
      if (r() < 0.15) c.useOut = true;
      if (op !== "median") {
        const scale = op === "percentile" ? 100 : 1;
        c.q = r() < 0.5 ? pick([0, 0.25, 0.5, 0.7, 1, 0.333]) * scale : Array.from({ length: 1 + Math.floor(r() * 3) }, () => Math.round(r() * 1000) / 1000 * scale);
        if (r() < 0.03) c.q = 1.5 * scale;
        if (r() < 0.4) c.kw.method = pick(["linear", "lower", "higher", "midpoint", "nearest", "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "hazen", "weibull", "median_unbiased", "normal_unbiased", "interpolated_inverted_cdf"]);
      }
    } else if (op === "average") {
      if (r() < 0.6 && ndim > 0) {
        c.kw.axis = oneAxis();
        if (r() < 0.6) {
          const n = shape[((c.kw.axis as number) % ndim + ndim) % ndim];
          c.arrays = { weights: { dtype: pick(["int32", "float64", "float32"] as DType[]), shape: [n], values: Array.from({ length: n }, () => 1 + Math.floor(r() * 4)), slices: [], perm: [] } };
        }
      } else if (r() < 0.5) {
        const w = randomView(r, pick(["float64", "int32"] as DType[]), 0, 0);
        w.shape = shape.slice();
        w.values = Array.from({ length: shape.reduce((p, q) => p * q, 1) }, () => Math.floor(r() * 3));
        c.arrays = { weights: w };
      }
      if (r() < 0.3) c.kw.returned = true;
      if (r() < 0.2) c.kw.keepdims = true;
    } else {
      const ax = axes();
      if (ax !== undefined) c.kw.axis = ax;
      if (r() < 0.25) c.kw.keepdims = true;
      if ((op === "nanvar" || op === "nanstd") && r() < 0.3) c.kw.ddof = 1;
    }
    cases.push(c);
  }
  return cases;
}

describe.skipIf(!ok)("cumulative and statistics routines against NumPy", () => {
  const seed = caseSeed();
  it(`agree on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed);
    const answers = await numpyBatch(SCRIPT, jsonSafe(cases));
    expectNoneDiffer(
      cases,
      (c, i) => {
        const d = compareTree(capture(() => ours(c)), answers[i], 0);
        return d === null ? null : `${c.op} ${JSON.stringify({ ...c, view: { ...c.view, values: c.view.values.slice(0, 30) } })}: ${d}`;
      },
      8,
    );
  });
});
