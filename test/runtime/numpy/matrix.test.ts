/**
 * diagonal, diag, trace, outer, inner, tri, tril, triu, identity and vander against NumPy 1.24 on
 * generated cases: random dtypes, 0-D to 4-D strided, reversed and transposed views (size 0 and 1
 * included), offsets and axes in and out of range. Compared: dtype, shape, strides, values,
 * raising (with NumPy's message), whether the result shares memory with the input, and the
 * WRITEABLE flag (diagonal and diag of 2-D are read-only views). `SEED=n` reproduces a run.
 *
 * Mapped, not skipped: NumPy's sums and vander use its int64 (uint64) default integers where
 * this runtime uses int32 (uint32, see the README), so NumPy's int64/uint64 results are compared
 * as int32/uint32 (the generated values are small: no overflow on either side); inner's floats
 * go through BLAS in NumPy, so they are compared to a relative 1e-12 (float32: 1e-5), and its
 * result is compared in C order, as linalg.test.ts does for dot.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { promoteTypes } from "../../../runtime/ufunc/promote.js";
import { numpyBatch, type NumpyAnswer } from "../../support/numpy.js";
import { announcedSeed, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, capture, compareAnswer, prng, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "matrix helper differential tests against NumPy");

interface Case {
  op: string;
  a?: ViewSpec;
  b?: ViewSpec;
  args: (number | boolean | null)[];
  kw?: Record<string, unknown>;
  asF64?: boolean;
  /** Both sides compute in int64 (int32 with uint32): NumPy's int64 result is compared as is. */
  int64?: boolean;
}

const SCRIPT = `${PY_BUILD}
def narrow(r):
    if isinstance(r, np.ndarray) and r.dtype in (np.int64, np.uint64):
        t = np.int32 if r.dtype == np.int64 else np.uint32
        r2 = np.ndarray(r.shape, t, buffer=np.zeros(max(r.size, 1), t), strides=[s // 2 for s in r.strides]) if r.size > 0 else r.astype(t)
        r2[...] = r
        return r2
    if isinstance(r, (np.int64, np.uint64)): return int(r)
    return r
def run(c):
    op = c['op']
    a = mk(c['a']) if 'a' in c else None
    b = mk(c['b']) if 'b' in c else None
    if c.get('asF64'):
        a = a.astype(np.float64); b = b.astype(np.float64)
    kw = dict(c.get('kw', {}))
    args = c['args']
    if op in ('tri', 'identity'): r = getattr(np, op)(*args, **kw)
    elif op in ('outer', 'inner'): r = getattr(np, op)(a, b)
    else: r = getattr(np, op)(a, *args, **kw)
    if op == 'inner':
        r = np.asarray(r)
        if r.dtype == np.int64 and not c.get('int64'): r = r.astype(np.int32)
        r = np.ascontiguousarray(r) if r.ndim > 0 else r
        return [r, False, True]
    shares = bool(np.shares_memory(r, a)) if isinstance(r, np.ndarray) and a is not None else False
    w = bool(r.flags.writeable) if isinstance(r, np.ndarray) else True
    return [r if c.get('int64') else narrow(r), shares, w]
`;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A view of `ndim` axes with small values (sums stay in int32). */
function smallView(r: () => number, dtype: DType, shape: number[]): ViewSpec {
  return viewWithShape(r, dtype, shape, true);
}

function randomShape(r: () => number, lo: number, hi: number): number[] {
  const nd = lo + Math.floor(r() * (hi - lo + 1));
  return Array.from({ length: nd }, () => (r() < 0.1 ? 0 : 1 + Math.floor(r() * 4)));
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const cases: Case[] = [];
  const dtypes = ALL_DTYPES;
  for (let i = 0; i < 500; i++) {
    const op = pick(r, ["diagonal", "diagonal", "diag", "trace", "outer", "inner", "tri", "tril", "triu", "identity", "vander"]);
    const c: Case = { op, args: [] };
    switch (op) {
      case "diagonal":
      case "trace": {
        const shape = randomShape(r, r() < 0.05 ? 1 : 2, 4);
        c.a = smallView(r, pick(r, dtypes), shape);
        const nd = shape.length;
        const axis = (): number => Math.floor(r() * (2 * nd + 1)) - nd - (r() < 0.05 ? 1 : 0);
        c.kw = { offset: Math.floor(r() * 9) - 4 };
        if (r() < 0.5) {
          c.kw.axis1 = axis();
          c.kw.axis2 = axis();
        }
        if (op === "trace" && r() < 0.3) c.kw.dtype = pick(r, ["float64", "int32", "float32"]);
        break;
      }
      case "diag":
        c.a = smallView(r, pick(r, dtypes), randomShape(r, r() < 0.1 ? 0 : 1, r() < 0.1 ? 3 : 2));
        c.args = [Math.floor(r() * 7) - 3];
        break;
      case "outer":
      case "inner": {
        const t1 = pick(r, dtypes);
        const t2 = pick(r, dtypes);
        if (op === "outer") {
          c.a = smallView(r, t1, randomShape(r, 0, 3));
          c.b = smallView(r, t2, randomShape(r, 0, 3));
        } else {
          const k = 1 + Math.floor(r() * 4);
          const sa = [...randomShape(r, 0, 2), k];
          const sb = [...randomShape(r, 0, 2), r() < 0.1 ? k + 1 : k];
          c.a = smallView(r, t1, r() < 0.1 ? [] : sa);
          c.b = smallView(r, t2, sb);
        }
        if (t1 !== t2 && ![t1, t2].some((t) => t.startsWith("float")) && promoteTypes(t1, t2) === "float64") c.asF64 = true;
        if (t1 !== t2 && promoteTypes(t1, t2) === "int64") c.int64 = true; // int64 on both sides now
        break;
      }
      case "tri":
        c.args = [Math.floor(r() * 5)];
        if (r() < 0.6) c.args.push(r() < 0.2 ? null : Math.floor(r() * 5));
        c.kw = { k: Math.floor(r() * 7) - 3 };
        if (r() < 0.5) c.kw.dtype = pick(r, ["bool", "int32", "float32", "uint8"]);
        break;
      case "tril":
      case "triu":
        c.a = smallView(r, pick(r, dtypes), randomShape(r, 1, 4));
        c.args = [Math.floor(r() * 7) - 3];
        break;
      case "identity":
        c.args = [Math.floor(r() * 4)];
        if (r() < 0.5) c.kw = { dtype: pick(r, ["bool", "int16", "float32"]) };
        break;
      case "vander": {
        const t = pick(r, ["int8", "int16", "int32", "uint8", "uint16", "float32", "float64", "bool"] as DType[]);
        c.a = smallView(r, t, [Math.floor(r() * 5)]);
        c.a.values = c.a.values.map((v) => (t.startsWith("float") ? v : Math.max(-9, Math.min(9, v))));
        c.kw = {};
        if (r() < 0.6) c.kw.N = Math.floor(r() * 5);
        if (r() < 0.5) c.kw.increasing = r() < 0.5;
        break;
      }
    }
    cases.push(c);
  }
  return cases;
}

function ours(c: Case): unknown {
  const a = c.a ? buildView(c.a) : undefined;
  const b = c.b ? buildView(c.b) : undefined;
  const kw = c.kw ?? {};
  let res: unknown;
  switch (c.op) {
    case "diagonal":
      res = np.diagonal(a as NDArray, kw);
      break;
    case "trace":
      res = np.trace(a as NDArray, kw);
      break;
    case "diag":
      res = np.diag(a as NDArray, c.args[0] as number);
      break;
    case "outer":
      res = np.outer(a as NDArray, b as NDArray);
      break;
    case "inner": {
      const x = np.inner(a as NDArray, b as NDArray);
      return [x.ndim > 0 ? np.ascontiguousarray(x) : x, false, true];
    }
    case "tri":
      res = c.args.length > 1 ? np.tri(c.args[0] as number, c.args[1] as number | null, kw) : np.tri(c.args[0] as number, kw);
      break;
    case "tril":
      res = np.tril(a as NDArray, c.args[0] as number);
      break;
    case "triu":
      res = np.triu(a as NDArray, c.args[0] as number);
      break;
    case "identity":
      res = np.identity(c.args[0] as number, kw);
      break;
    case "vander":
      res = np.vander(a as NDArray, kw);
      break;
  }
  const shares = res instanceof NDArray && a !== undefined ? np.shares_memory(res, a) : false;
  return [res, shares, res instanceof NDArray ? res.flags.writeable : true];
}

describe.skipIf(!ok)("matrix helpers against NumPy", () => {
  const seed = announcedSeed("matrix.test");
  it(`agree on generated cases (SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed);
    const answers = await numpyBatch(SCRIPT, cases);
    let raised = 0;
    expectNoneDiffer(
      cases,
      (c, i) => {
        const theirs = answers[i];
        const mine = capture(() => ours(c));
        const where = `${c.op} ${JSON.stringify({ ...c, a: c.a && { dtype: c.a.dtype, shape: c.a.shape, slices: c.a.slices, perm: c.a.perm } }).slice(0, 400)}`;
        if ("error" in theirs) {
          raised++;
          if (!("error" in mine)) return `numpy raised ${theirs.error}: ${theirs.message}, we did not in ${where}`;
          return mine.message === theirs.message ? null : `message '${mine.message}' != numpy '${theirs.message}' in ${where}`;
        }
        if ("error" in mine) return `we raised ${mine.error}: ${mine.message} in ${where}`;
        const [res, shares, writeable] = mine.ok as [unknown, boolean, boolean];
        const [tres, tshares, twriteable] = theirs.ok as [unknown, boolean, boolean];
        const float = c.op === "inner" && [c.a, c.b].some((x) => x?.dtype.startsWith("float"));
        const tol = float ? ([c.a, c.b].some((x) => x?.dtype === "float32") ? 1e-5 : 1e-12) : 0;
        const d = compareAnswer({ ok: res }, { ok: tres } as NumpyAnswer, tol, !c.asF64);
        if (d !== null) return `${d} in ${where}`;
        if (shares !== tshares) return `shares_memory ${shares} != numpy ${tshares} in ${where}`;
        if (writeable !== twriteable) return `writeable ${writeable} != numpy ${twriteable} in ${where}`;
        return null;
      },
      8,
    );
    expect(raised).toBeGreaterThan(3);
    expect(raised).toBeLessThan(cases.length / 5);
  });
});
