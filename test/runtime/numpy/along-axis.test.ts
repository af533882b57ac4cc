/**
 * take_along_axis and put_along_axis against NumPy 1.24 with generated cases: C, F, negative
 * strided and transposed views of 0 to 3 dimensions (size 0 included), every dtype, index arrays
 * of several integer dtypes whose axes are the array's or 1 (broadcasting both ways), negative and
 * out-of-bounds indices, axis negative, null (the flattening) and out of range, float/bool
 * indices and the wrong ndim; put with scalar and broadcast values. Values, dtype, shape and
 * strides are compared (put: the array after the write); errors by type and message.
 * `SEED=n` reproduces a run.
 */
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { describeSeeded } from "./seeded.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, prng, randomView, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "take/put_along_axis differential tests against NumPy");

interface Case {
  op: "take" | "put";
  arr: ViewSpec;
  idx: ViewSpec;
  axis: number | null;
  values?: ViewSpec | number;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    a = mk(c['arr'])
    i = mk(c['idx'])
    if c['op'] == 'take': return np.take_along_axis(a, i, c['axis'])
    v = c['values']
    np.put_along_axis(a, i, mk(v) if isinstance(v, dict) else v, c['axis'])
    return a
`;

function ours(c: Case): unknown {
  const a = buildView(c.arr);
  const i = buildView(c.idx);
  if (c.op === "take") return np.take_along_axis(a, i, c.axis);
  np.put_along_axis(a, i, typeof c.values === "number" ? c.values : buildView(c.values as ViewSpec), c.axis);
  return a;
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let k = 0; k < 200; k++) {
    const op = r() < 0.5 ? "take" : "put";
    const ndim = r() < 0.06 ? 0 : 1 + Math.floor(r() * 3);
    const arr = randomView(r, pick(ALL_DTYPES), ndim, ndim > 2 ? 4 : 6, true);
    const a = buildView(arr);
    const u = r();
    const axis = u < 0.15 ? null : u < 0.97 ? (ndim === 0 ? 0 : Math.floor(r() * ndim) - (r() < 0.3 ? ndim : 0)) : ndim + 1;
    const ax = axis === null ? 0 : axis < 0 ? axis + ndim : axis;
    const base = axis === null ? [a.size] : a.shape.slice();
    let ishape = base.map((d, j) => (j === ax ? Math.floor(r() * 5) : r() < 0.3 ? 1 : d));
    if (r() < 0.1 && ishape.length > 0) ishape = ishape.map((d) => (d === 1 ? 2 : d)); // maybe a shape mismatch
    if (r() < 0.04) ishape = [...ishape, 1]; // the wrong ndim
    const n = axis === null ? a.size : (a.shape[ax] ?? 1);
    const idtype: DType = r() < 0.05 ? pick(["float64", "bool"] as DType[]) : pick(["int32", "int8", "int16", "uint8", "uint32"] as DType[]);
    const size = ishape.reduce((p, q) => p * q, 1);
    const values = Array.from({ length: size }, () => {
      if (r() < 0.02) return n + Math.floor(r() * 3); // out of bounds
      const v = Math.floor(r() * Math.max(n, 1));
      return idtype.startsWith("u") || idtype === "bool" || r() < 0.6 ? v : v - n;
    });
    const idx: ViewSpec = { dtype: idtype, shape: ishape, values: idtype === "bool" ? values.map((v) => (v ? 1 : 0)) : values, slices: [], perm: [] };
    const c: Case = { op, arr, idx, axis };
    if (op === "put") {
      if (r() < 0.4) c.values = Math.floor(r() * 50);
      else {
        const vshape = ishape.slice(Math.floor(r() * (ishape.length + 1))).map((d) => (r() < 0.3 ? 1 : d));
        c.values = randomView(r, pick(ALL_DTYPES), 0, 1, true);
        c.values.shape = vshape;
        c.values.values = Array.from({ length: vshape.reduce((p, q) => p * q, 1) }, () => Math.floor(r() * 100));
        c.values.slices = [];
        c.values.perm = [];
        if (c.values.dtype === "bool") c.values.values = c.values.values.map((v) => v % 2);
      }
    }
    cases.push(c);
  }
  return cases;
}

describeSeeded("take_along_axis and put_along_axis against NumPy", ok, { generate, script: SCRIPT, ours, show: 6 });
