/**
 * Comparing results that hold NumPy's index type: NumPy gives intp (int64 on Linux) where the
 * runtime gives int32 (its default integer), so an int64 answer is compared as int32 with its
 * strides halved (the same layout in elements). Trees of results (JS arrays for NumPy's tuples,
 * records) are compared leaf by leaf; errors must agree by type AND message.
 */
import type { EncodedArray, NumpyAnswer } from "../../support/numpy.js";
import { compareAnswer } from "../ufunc/cases.js";

/** NumPy's answer with int64 arrays read as int32 (strides halved). */
export function intpAsInt32(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(intpAsInt32);
  if (typeof x === "object" && x !== null) {
    if ("__ndarray__" in x) {
      const e = x as EncodedArray;
      return e.dtype === "int64" ? { ...e, dtype: "int32", strides: e.strides.map((s) => s / 2) } : e;
    }
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, intpAsInt32(v)]));
  }
  return x;
}

/**
 * How our result tree differs from NumPy's (null when it agrees): arrays by dtype, shape, strides
 * (when `strides`), values (relative tolerance `tol`); errors by type and message.
 */
export function compareTree(ours: { ok: unknown } | { error: string; message: string }, theirs: NumpyAnswer, tol = 0, strides = true): string | null {
  if ("error" in theirs || "error" in ours) {
    if ("error" in theirs && "error" in ours) {
      if (ours.error !== theirs.error || ours.message !== theirs.message) return `we raised ${ours.error}: ${ours.message}; numpy raised ${theirs.error}: ${theirs.message}`;
      return null;
    }
    return compareAnswer(ours, theirs, tol, strides);
  }
  const rec = (m: unknown, t: unknown, path: string): string | null => {
    if (Array.isArray(t)) {
      if (!Array.isArray(m) || m.length !== t.length) return `${path}: numpy gave a list of ${t.length}, we gave ${Array.isArray(m) ? `a list of ${m.length}` : String(m)}`;
      for (let i = 0; i < t.length; i++) {
        const d = rec(m[i], t[i], `${path}[${i}]`);
        if (d !== null) return d;
      }
      return null;
    }
    if (typeof t === "object" && t !== null && !("__ndarray__" in t)) {
      for (const [k, v] of Object.entries(t)) {
        const d = rec((m as Record<string, unknown>)?.[k], v, `${path}.${k}`);
        if (d !== null) return d;
      }
      return null;
    }
    const d = compareAnswer({ ok: m }, { ok: t }, tol, strides);
    return d === null ? null : `${path}: ${d}`;
  };
  return rec(ours.ok, intpAsInt32(theirs.ok), "result");
}

/** Cases as JSON can carry them: NaN and infinities as NumPy's strings "nan", "inf", "-inf" (np.array parses them). */
export function jsonSafe<T>(x: T): T {
  const rec = (v: unknown): unknown => {
    if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    if (Array.isArray(v)) return v.map(rec);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, rec(w)]));
    return v;
  };
  return rec(x) as T;
}
