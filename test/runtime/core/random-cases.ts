/**
 * Seeded generators for differential and property tests of the structure half: shapes, slice
 * strings, chains of view/copy operations. `SEED=n` reproduces a run (see test/support/numpy.ts).
 */
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { caseRng, type CaseRng } from "../../support/prng.js";

/** The seeded draws of test/support/prng.ts (mulberry32): `rand()` in [0, 1), `int`, `pick`, `chance`. */
export const prng = caseRng;

export type Rng = CaseRng;

/** A random shape of 0..maxNd axes with lengths 0..maxLen (size 0 and length 1 both occur). */
export function randomShape(r: Rng, maxNd = 4, maxLen = 4): number[] {
  const nd = r.int(0, maxNd);
  return Array.from({ length: nd }, () => (r.chance(0.05) ? 0 : r.chance(0.2) ? 1 : r.int(1, maxLen)));
}

function randomBound(r: Rng, n: number): string {
  if (r.chance(0.35)) return "";
  if (r.chance(0.15)) return String(r.int(-n - 3, n + 3) * (r.chance(0.5) ? 1 : 5));
  return String(r.int(-n, n));
}

/** One slice component for an axis of length n, e.g. `"1:"`, `"::-2"`, `"-1"`. */
export function randomComponent(r: Rng, n: number, allowInt = true): string {
  if (allowInt && n > 0 && r.chance(0.2)) return String(r.int(-n, n - 1));
  const start = randomBound(r, n);
  const stop = randomBound(r, n);
  if (r.chance(0.5)) return `${start}:${stop}`;
  const step = r.pick(["", "1", "2", "3", "-1", "-2", "-3"]);
  return `${start}:${stop}:${step}`;
}

/** A basic index string for `shape`, sometimes with `...` and `None`, sometimes too long or out of range. */
export function randomIndexString(r: Rng, shape: readonly number[]): string {
  const parts: string[] = [];
  const k = r.chance(0.1) ? shape.length + 1 : r.int(0, shape.length);
  for (let i = 0; i < k; i++) {
    const n = shape[i] ?? 2;
    if (r.chance(0.03)) parts.push(String(n + r.int(0, 2))); // out of bounds
    else parts.push(randomComponent(r, n));
  }
  if (r.chance(0.25)) parts.splice(r.int(0, parts.length), 0, "...");
  if (r.chance(0.02)) parts.push("...");
  if (r.chance(0.25)) parts.splice(r.int(0, parts.length), 0, "None");
  if (parts.length === 0) parts.push(":");
  return parts.join(", ");
}

/** A random factorisation of `size` into 1..4 lengths, sometimes with -1, sometimes wrong. */
export function randomReshape(r: Rng, size: number): number[] {
  const nd = r.int(1, 4);
  const dims: number[] = [];
  let rest = size;
  for (let i = 0; i < nd - 1; i++) {
    const divs: number[] = [];
    for (let d = 1; d <= Math.max(rest, 1); d++) if (rest === 0 ? d <= 3 : rest % d === 0) divs.push(d);
    const d = rest === 0 && r.chance(0.3) ? 0 : r.pick(divs);
    dims.push(d);
    rest = d === 0 ? 0 : rest / d;
  }
  dims.push(rest);
  if (size === 0 && !dims.includes(0)) dims[0] = 0;
  if (r.chance(0.3)) dims[r.int(0, dims.length - 1)] = -1;
  if (r.chance(0.05)) dims[0] += 1;
  return dims;
}

/** One view/copy operation, as data both JS and the Python driver can apply. */
export type ViewOp =
  | { op: "reshape"; shape: number[]; order: "C" | "F" | "A" }
  | { op: "ravel"; order: "C" | "F" | "A" | "K" }
  | { op: "flatten"; order: "C" | "F" | "A" | "K" }
  | { op: "copy"; order: "C" | "F" | "A" | "K" }
  | { op: "T" }
  | { op: "transpose"; axes: number[] }
  | { op: "swapaxes"; a1: number; a2: number }
  | { op: "squeeze"; axis: number | null }
  | { op: "expand_dims"; axis: number }
  | { op: "index"; index: string }
  | { op: "ascontiguousarray" }
  | { op: "asfortranarray" }
  | { op: "astype"; dtype: "int32" | "int16" | "float64" | "bool"; order: "C" | "F" | "A" | "K"; copy: boolean };

/** A random operation that makes sense (mostly) for an array of `shape`. */
export function randomOp(r: Rng, shape: readonly number[]): ViewOp {
  const nd = shape.length;
  const size = shape.reduce((a, b) => a * b, 1);
  const ord = () => r.pick(["C", "F", "A", "K"] as const);
  switch (r.int(0, 12)) {
    case 0:
    case 1:
      return { op: "reshape", shape: randomReshape(r, size), order: r.pick(["C", "F", "A"] as const) };
    case 2:
      return { op: "ravel", order: ord() };
    case 3:
      return { op: "flatten", order: ord() };
    case 4:
      return { op: "copy", order: ord() };
    case 5:
      return { op: "T" };
    case 6: {
      const axes = Array.from({ length: nd }, (_, i) => i);
      for (let i = nd - 1; i > 0; i--) {
        const j = r.int(0, i);
        [axes[i], axes[j]] = [axes[j], axes[i]];
      }
      if (r.chance(0.3) && nd > 0) axes[0] = axes[0] - nd; // negative spelling
      return { op: "transpose", axes };
    }
    case 7:
      return nd === 0 ? { op: "T" } : { op: "swapaxes", a1: r.int(-nd, nd - 1), a2: r.int(-nd, nd - 1) };
    case 8: {
      const ones = shape.flatMap((d, i) => (d === 1 ? [i] : []));
      if (ones.length > 0 && r.chance(0.6)) return { op: "squeeze", axis: r.pick(ones) };
      return { op: "squeeze", axis: r.chance(0.8) || nd === 0 ? null : r.int(0, nd - 1) };
    }
    case 9:
      return { op: "expand_dims", axis: r.int(-nd - 1, nd) };
    case 10:
      return r.chance(0.5) ? { op: "ascontiguousarray" } : { op: "asfortranarray" };
    case 11:
      return { op: "astype", dtype: r.pick(["int32", "int16", "float64", "bool"] as const), order: ord(), copy: r.chance(0.5) };
    default:
      return { op: "index", index: randomIndexString(r, shape) };
  }
}

/** The Python side of `ViewOp` (for numpyBatch scripts). */
export const PY_APPLY_OP = String.raw`
def apply_op(x, op):
    k = op["op"]
    if k == "reshape": return x.reshape(op["shape"], order=op["order"])
    if k == "ravel": return x.ravel(order=op["order"])
    if k == "flatten": return x.flatten(order=op["order"])
    if k == "copy": return x.copy(order=op["order"])
    if k == "T": return x.T
    if k == "transpose": return x.transpose(op["axes"])
    if k == "swapaxes": return x.swapaxes(op["a1"], op["a2"])
    if k == "squeeze": return x.squeeze(axis=op["axis"])
    if k == "expand_dims": return np.expand_dims(x, op["axis"])
    if k == "index": return eval("x[" + op["index"] + "]", {"x": x, "None": None})
    if k == "ascontiguousarray": return np.ascontiguousarray(x)
    if k == "asfortranarray": return np.asfortranarray(x)
    if k == "astype": return x.astype(op["dtype"], order=op["order"], copy=op["copy"])
    raise RuntimeError("unknown op " + k)
`;

/** Encode a JS result the way the Python driver encodes NumPy's (see test/support/numpy.ts). */
export function encodeJs(x: unknown): unknown {
  if (x !== null && typeof x === "object" && "strides" in (x as object)) {
    const a = x as NDArray;
    return {
      __ndarray__: true,
      dtype: a.dtype,
      shape: [...a.shape],
      strides: [...a.strides],
      values: a.tolist(),
      c_contiguous: a.flags.c_contiguous,
      f_contiguous: a.flags.f_contiguous,
      owndata: a.flags.owndata,
      writeable: a.flags.writeable,
    };
  }
  return x;
}
