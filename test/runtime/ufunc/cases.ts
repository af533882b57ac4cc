/**
 * Helpers for the compute tests: a seeded PRNG, arrays and strided views built directly from
 * their four fields (independent of the indexing code under test elsewhere), the same views
 * described for NumPy, and comparison of our results with NumPy's encoded answers.
 */
import { DTYPES, type DType } from "../../../runtime/core/dtype.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { unJsonFloats, type EncodedArray, type NumpyAnswer } from "../../support/numpy.js";
export { mulberry32 as prng } from "../../support/prng.js";

export const ALL_DTYPES: DType[] = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64"];

/** A random value of `dtype` (small integers so products stay readable; floats of mixed scale). */
export function randomValue(r: () => number, dtype: DType, small = false): number {
  switch (dtype) {
    case "bool":
      return r() < 0.5 ? 0 : 1;
    case "int8":
      return Math.floor(r() * 256) - 128;
    case "uint8":
      return Math.floor(r() * 256);
    case "int16":
      return small ? Math.floor(r() * 200) - 100 : Math.floor(r() * 65536) - 32768;
    case "uint16":
      return small ? Math.floor(r() * 200) : Math.floor(r() * 65536);
    case "int32":
      return small ? Math.floor(r() * 2000) - 1000 : Math.floor(r() * 4294967296) - 2147483648;
    case "uint32":
      return small ? Math.floor(r() * 2000) : Math.floor(r() * 4294967296);
    case "int64":
      return Math.floor(r() * 2 ** 40) - 2 ** 39;
    case "uint64":
      return Math.floor(r() * 2 ** 40);
    case "float32":
      return Math.fround((r() - 0.5) * 10 ** Math.floor(r() * 6 - 2));
    case "float64":
      return (r() - 0.5) * 10 ** Math.floor(r() * 8 - 3);
  }
}

/** A slice on one axis, as Python's slice(start, stop, step). */
export type Slice = [number | null, number | null, number];

/** An array description both sides can build: C-ordered base values, then slices, then a transpose. */
export interface ViewSpec {
  dtype: DType;
  shape: number[];
  values: number[];
  slices: Slice[];
  perm: number[];
}

/** Build the base array and the view from a spec. */
export function buildView(spec: ViewSpec): NDArray {
  const info = DTYPES[spec.dtype];
  const size = spec.shape.reduce((p, q) => p * q, 1);
  const data = new info.ctor(size);
  spec.values.forEach((v, i) => (data[i] = v));
  // NumPy's np.array(values).reshape(shape): a reshape's C strides (a 0 length counted as 1), but
  // an empty 1-D base keeps np.array([])'s stride 0 (reshape to the same shape is a plain view)
  const cstr: number[] = [];
  let s = info.itemsize;
  for (let i = spec.shape.length - 1; i >= 0; i--) {
    cstr[i] = s;
    s *= Math.max(spec.shape[i], 1);
  }
  if (spec.shape.length === 1 && spec.shape[0] === 0) cstr[0] = 0;
  const base = new NDArray({ data, dtype: spec.dtype, shape: spec.shape, strides: cstr, offset: 0, base: null, writeable: true });
  let offset = 0;
  const shape: number[] = [];
  const strides: number[] = [];
  spec.shape.forEach((n, ax) => {
    const [b, e, step] = spec.slices[ax] ?? [null, null, 1];
    // Python's slice.indices for the normalised start and length
    let start: number;
    let stop: number;
    if (step > 0) {
      start = b === null ? 0 : b < 0 ? Math.max(b + n, 0) : Math.min(b, n);
      stop = e === null ? n : e < 0 ? Math.max(e + n, 0) : Math.min(e, n);
    } else {
      start = b === null ? n - 1 : b < 0 ? Math.max(b + n, -1) : Math.min(b, n - 1);
      stop = e === null ? -1 : e < 0 ? Math.max(e + n, -1) : Math.min(e, n - 1);
    }
    const len = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((stop - start) / step));
    // an empty slice is NumPy's start 0, step 1 (mapping.c get_view_from_index: "n_steps <= 0"),
    // so it keeps the axis's stride; as the runtime's own slicing (indexing/resolve.ts)
    if (len > 0) offset += start * cstr[ax];
    shape.push(len);
    strides.push(len > 0 ? cstr[ax] * step : cstr[ax]);
  });
  const perm = spec.perm.length === shape.length ? spec.perm : shape.map((_, i) => i);
  return new NDArray({ data, dtype: spec.dtype, shape: perm.map((p) => shape[p]), strides: perm.map((p) => strides[p]), offset, base, writeable: true });
}

/** Python for `mk(spec)`: the same view in NumPy. */
export const PY_BUILD = `
np._set_promotion_state('weak')
def mk(s):
    b = np.array(s['values'], dtype=s['dtype']).reshape(s['shape'])
    v = b[tuple(slice(*x) for x in s['slices'])] if s['slices'] else b
    return v.transpose(s['perm']) if len(s['perm']) == v.ndim else v
`;

/** A random view: random shape (up to maxDim per axis), random slices, maybe a transpose. */
export function randomView(r: () => number, dtype: DType, ndim: number, maxDim: number, small = false): ViewSpec {
  const shape: number[] = [];
  for (let i = 0; i < ndim; i++) shape.push(Math.floor(r() * (maxDim + 1)));
  const size = shape.reduce((p, q) => p * q, 1);
  const values: number[] = [];
  for (let i = 0; i < size; i++) values.push(randomValue(r, dtype, small));
  const slices: Slice[] = shape.map((n) => {
    const u = r();
    if (u < 0.5) return [null, null, 1];
    if (u < 0.65) return [null, null, -1];
    if (u < 0.8) return [1, null, 2];
    if (u < 0.9) return [n > 2 ? n - 2 : null, null, -2];
    return [0, Math.max(1, n - 1), 1];
  });
  let perm = shape.map((_, i) => i);
  if (r() < 0.4) perm = perm.reverse();
  else if (r() < 0.3 && ndim > 1) perm = [...perm.slice(1), perm[0]];
  return { dtype, shape, values, slices, perm };
}

/** Our array as NumPy's encoding (values nested in C order). */
export function encode(a: NDArray): EncodedArray {
  const isz = a.itemsize;
  const rec = (ax: number, p: number): unknown => {
    // int64/uint64 elements as numbers, as NumPy's JSON has them (exact below 2^53; the int64
    // suite, numpy/int64.test.ts, compares exact decimal strings instead)
    if (ax === a.ndim) return a.dtype === "bool" ? a.data[p] !== 0 : Number(a.data[p]);
    const out: unknown[] = [];
    for (let i = 0; i < a.shape[ax]; i++) out.push(rec(ax + 1, p + (i * a.strides[ax]) / isz));
    return out;
  };
  return {
    __ndarray__: true,
    dtype: a.dtype,
    shape: a.shape.slice(),
    strides: a.strides.slice(),
    values: rec(0, a.offset / isz),
    c_contiguous: false,
    f_contiguous: false,
    owndata: a.base === null,
    writeable: a._writeable,
  };
}

function sameValues(x: unknown, y: unknown, tol: number): boolean {
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => sameValues(v, y[i], tol));
  if (typeof x === "number" && typeof y === "number") {
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    if (tol === 0) return Object.is(x, y) || x === y;
    return x === y || Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y), 1e-300) || (!Number.isFinite(x) && x === y);
  }
  return x === y;
}

/**
 * Compare our result (array, scalar, or thrown error) with NumPy's answer; returns a message
 * describing the first difference, or null when they agree. `tol` is a relative tolerance for
 * floats (0: bit for bit). Strides are compared when `strides` is true.
 */
export function compareAnswer(ours: { ok: unknown } | { error: string; message: string }, np: NumpyAnswer, tol = 0, strides = true): string | null {
  if ("error" in np) {
    if (!("error" in ours)) return `numpy raised ${np.error}: ${np.message}, we returned ${JSON.stringify(ours.ok instanceof NDArray ? encode(ours.ok) : ours.ok)}`;
    return null;
  }
  if ("error" in ours) return `we raised ${ours.error}: ${ours.message}; numpy returned ${JSON.stringify(np.ok).slice(0, 300)}`;
  const theirs = np.ok as EncodedArray | number | boolean;
  const mine = ours.ok;
  if (typeof theirs === "object" && theirs !== null && "__ndarray__" in theirs) {
    if (!(mine instanceof NDArray)) return `numpy gave an array, we gave ${String(mine)}`;
    const e = encode(mine);
    if (e.dtype !== theirs.dtype) return `dtype ${e.dtype} != numpy ${theirs.dtype}`;
    if (JSON.stringify(e.shape) !== JSON.stringify(theirs.shape)) return `shape ${JSON.stringify(e.shape)} != numpy ${JSON.stringify(theirs.shape)}`;
    if (strides && JSON.stringify(e.strides) !== JSON.stringify(theirs.strides)) return `strides ${JSON.stringify(e.strides)} != numpy ${JSON.stringify(theirs.strides)}`;
    const tv = unJsonFloats(theirs.values);
    if (!sameValues(e.values, tv, tol)) return `values ${JSON.stringify(e.values).slice(0, 400)} != numpy ${JSON.stringify(theirs.values).slice(0, 400)}`;
    return null;
  }
  const tv = unJsonFloats(theirs);
  const mv = mine instanceof NDArray && mine.ndim === 0 ? encode(mine).values : mine;
  if (!sameValues(mv, tv, tol)) return `value ${String(mv)} != numpy ${String(tv)}`;
  return null;
}

/** Run `f`, capturing its result or its error as the harness encodes them. */
export function capture(f: () => unknown): { ok: unknown } | { error: string; message: string } {
  try {
    return { ok: f() };
  } catch (e) {
    const err = e as Error;
    return { error: err.name, message: err.message };
  }
}

/** A random strided/reversed/transposed view whose shape is exactly `target`. */
export function viewWithShape(r: () => number, dtype: DType, target: readonly number[], small = false): ViewSpec {
  const nd = target.length;
  let perm = target.map((_, i) => i);
  const u = r();
  if (nd > 1 && u < 0.3) perm = perm.reverse();
  else if (nd > 2 && u < 0.45) perm = [...perm.slice(1), perm[0]];
  const sliced = new Array<number>(nd);
  perm.forEach((p, i) => (sliced[p] = target[i]));
  const shape: number[] = [];
  const slices: Slice[] = [];
  for (const t of sliced) {
    const k = r();
    if (k < 0.55) {
      shape.push(t);
      slices.push([null, null, 1]);
    } else if (k < 0.7) {
      shape.push(t);
      slices.push([null, null, -1]);
    } else if (k < 0.85) {
      shape.push(2 * t + 1);
      slices.push([1, null, 2]);
    } else {
      shape.push(2 * t);
      slices.push([null, null, -2]);
    }
  }
  const size = shape.reduce((p, q) => p * q, 1);
  const values = Array.from({ length: size }, () => randomValue(r, dtype, small));
  return { dtype, shape, values, slices, perm };
}
