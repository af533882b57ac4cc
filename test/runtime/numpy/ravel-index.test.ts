/**
 * unravel_index and ravel_multi_index against NumPy 1.24 with generated cases: dims of 0 to 4
 * axes (a length 0 included, a number for unravel_index), C and F order (and 'A', 'X'), index
 * arrays of several integer dtypes and shapes (0-d: numbers back), out-of-bounds and negative
 * positions, float indices; coordinates broadcast together, modes raise/wrap/clip one or per
 * dimension (wrong lengths), wrong counts of coordinates. Values, dtype, shape and (for
 * ravel_multi_index) strides compared (NumPy's int64 as int32); errors by type and message. `SEED=n` reproduces a run.
 */
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { describeSeeded } from "./seeded.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { PY_BUILD, buildView, prng, randomView, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "unravel_index/ravel_multi_index differential tests against NumPy");

interface Case {
  op: "unravel" | "ravel";
  idx: ViewSpec[];
  /** indices as a plain number (unravel) or numbers (ravel) */
  scalar: boolean;
  dims: number[] | number;
  kw: Record<string, unknown>;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    if c['op'] == 'unravel':
        i = c['idx'][0]['values'][0] if c['scalar'] else mk(c['idx'][0])
        r = np.unravel_index(i, c['dims'] if isinstance(c['dims'], int) else tuple(c['dims']), **c['kw'])
        return [int(x) if np.ndim(x) == 0 else x for x in r]
    kw = dict(c['kw'])
    if isinstance(kw.get('mode'), list): kw['mode'] = tuple(kw['mode'])
    co = tuple(s['values'][0] for s in c['idx']) if c['scalar'] else tuple(mk(s) for s in c['idx'])
    r = np.ravel_multi_index(co, tuple(c['dims']), **kw)
    return int(r) if np.ndim(r) == 0 else r
`;

function ours(c: Case): unknown {
  if (c.op === "unravel") {
    const i = c.scalar ? c.idx[0].values[0] : buildView(c.idx[0]);
    return np.unravel_index(i, c.dims, c.kw);
  }
  const co = c.scalar ? c.idx.map((s) => s.values[0]) : c.idx.map(buildView);
  return np.ravel_multi_index(co, c.dims as number[], c.kw);
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 200; i++) {
    const op = r() < 0.5 ? "unravel" : "ravel";
    const nd = r() < 0.05 ? 0 : 1 + Math.floor(r() * 4);
    const dims = Array.from({ length: nd }, () => (r() < 0.04 ? 0 : 1 + Math.floor(r() * 6)));
    const size = dims.reduce((p, q) => p * q, 1);
    const kw: Record<string, unknown> = {};
    if (r() < 0.4) kw.order = pick(["C", "F", "F", "A", "X"]);
    const scalar = r() < 0.25;
    const idtype = (): DType => (r() < 0.04 ? "float64" : pick(["int32", "int8", "int16", "uint8", "uint16"] as DType[]));
    if (op === "unravel") {
      const spec = randomView(r, idtype(), scalar ? 0 : Math.floor(r() * 3), 5, true);
      const unsigned = spec.dtype.startsWith("u");
      spec.values = spec.values.map(() => (r() < 0.05 ? pick([size, size + 3, unsigned ? size : -1]) : Math.floor(r() * Math.max(size, 1))));
      if (spec.dtype === "int8" || spec.dtype === "uint8") spec.values = spec.values.map((v) => Math.min(v, 127));
      if (spec.dtype === "float64") spec.values = spec.values.map((v) => v + 0.5);
      cases.push({ op, idx: [spec], scalar, dims: nd === 1 && r() < 0.3 ? dims[0] : dims, kw });
    } else {
      const ncoord = r() < 0.05 ? nd + 1 : nd;
      const shape = Array.from({ length: Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 4));
      const idx = Array.from({ length: ncoord }, (_, k) => {
        const sh = scalar ? [] : r() < 0.05 ? [...shape, 2] : shape.map((d) => (r() < 0.3 ? 1 : d));
        const dt = idtype();
        const d = dims[k] ?? 3;
        const vals = Array.from({ length: sh.reduce((p, q) => p * q, 1) }, () =>
          r() < 0.1 ? pick([d, d + 2, dt.startsWith("u") ? d : -1, dt.startsWith("u") ? d + 1 : -3]) : Math.floor(r() * Math.max(d, 1)),
        );
        return { dtype: dt, shape: sh, values: dt === "float64" ? vals.map((v) => v + 0.5) : vals, slices: [], perm: [] } as ViewSpec;
      });
      const u = r();
      if (u < 0.3) kw.mode = pick(["raise", "wrap", "clip", "bogus"]);
      else if (u < 0.5) kw.mode = Array.from({ length: r() < 0.1 ? nd + 1 : nd }, () => pick(["raise", "wrap", "clip"]));
      if (kw.mode === "wrap" || Array.isArray(kw.mode)) if (dims.includes(0)) delete kw.mode;
      cases.push({ op, idx, scalar, dims, kw });
    }
  }
  return cases;
}

describeSeeded("unravel_index and ravel_multi_index against NumPy", ok, { generate, script: SCRIPT, ours, show: 6, strides: (c) => c.op === "ravel" /* unravel_index's layout (NumPy's iterator allocates it) is not compared: README */ });
