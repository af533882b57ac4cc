/**
 * The 1-D set routines against NumPy 1.24 with generated cases: in1d (invert, assume_unique),
 * intersect1d (assume_unique, return_indices), union1d, setdiff1d, setxor1d (assume_unique) on
 * C, F, negative strided and transposed views of size 0, 1 and more, 0-d to 3-d, every dtype
 * (mixed dtypes between the two inputs), ties, NaNs and infinities. Values, dtype, shape and
 * strides are compared (NumPy's int64 indices as int32); errors by type and message. With
 * assume_unique the inputs are made truly unique (NumPy's answer is unspecified otherwise).
 * `SEED=n` reproduces a run.
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { promoteTypes } from "../../../runtime/ufunc/promote.js";
import { numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, prng, randomView, type ViewSpec } from "../ufunc/cases.js";
import { describeSeeded } from "./seeded.js";

const ok = requirement(missingPythonModules(["numpy"]), "set routine differential tests against NumPy");

const OPS = ["in1d", "intersect1d", "union1d", "setdiff1d", "setxor1d"] as const;
type Op = (typeof OPS)[number];

interface Case {
  op: Op;
  a: ViewSpec;
  b: ViewSpec;
  kw: Record<string, unknown>;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    a = mk(c['a'])
    b = mk(c['b'])
    r = getattr(np, c['op'])(a, b, **c['kw'])
    return list(r) if isinstance(r, tuple) else r
`;

function ours(c: Case): unknown {
  const a = buildView(c.a);
  const b = buildView(c.b);
  const f = np[c.op] as (x: unknown, y: unknown, o: unknown) => unknown;
  return f(a, b, c.kw);
}

/** Few distinct values (so the sets meet), NaNs and infinities for floats. */
function tieValues(r: () => number, spec: ViewSpec, nanRate: number): void {
  const float = spec.dtype.startsWith("float");
  spec.values = spec.values.map((x) => {
    const u = r();
    if (float && u < nanRate) return NaN;
    if (float && u < nanRate + 0.04) return r() < 0.5 ? Infinity : -Infinity;
    if (spec.dtype === "bool") return r() < 0.5 ? 0 : 1;
    if (float && u < 0.1) return r() < 0.5 ? -0 : 0.5;
    return r() < 0.8 ? Math.floor(r() * 8) - (spec.dtype.startsWith("u") ? 0 : 2) : x;
  });
}

/** Distinct values (a shuffled range), for assume_unique. */
function distinctValues(r: () => number, spec: ViewSpec): void {
  const n = spec.values.length;
  const vals = Array.from({ length: n }, (_, i) => (spec.dtype === "bool" ? i : i * 2 - (spec.dtype.startsWith("u") ? 0 : 3)));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [vals[i], vals[j]] = [vals[j], vals[i]];
  }
  spec.values = vals;
}

function generate(seed: number): Case[] {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < 250; i++) {
    const op = pick(OPS);
    const unique = op !== "union1d" && r() < 0.25;
    const dtypes = unique ? ALL_DTYPES.filter((d) => d !== "bool") : ALL_DTYPES; // two bools are never distinct
    const dtype: DType = pick(dtypes);
    let other: DType = r() < 0.6 ? dtype : pick(dtypes);
    // an int64 result would be read as NumPy's intp (int32 here) by compareTree: the promotion test below covers those
    if (promoteTypes(dtype, other) === "int64") other = dtype;
    const nd = (): number => (unique ? (r() < 0.9 ? 1 : Math.floor(r() * 3)) : Math.floor(r() * 4));
    const na = nd();
    const nb = nd();
    // assume_unique: distinct values must fit int8 (at most 40 elements)
    const maxDim = (n: number): number => (n > 2 || (unique && n === 2) ? 3 : r() < 0.2 ? (unique ? 40 : 30) : 6);
    const a = randomView(r, dtype, na, maxDim(na));
    const b = randomView(r, other, nb, maxDim(nb));
    const kw: Record<string, unknown> = {};
    if (unique) {
      kw.assume_unique = true;
      distinctValues(r, a);
      distinctValues(r, b);
    } else {
      tieValues(r, a, r() < 0.5 ? 0.15 : 0);
      tieValues(r, b, r() < 0.5 ? 0.15 : 0);
      if (r() < 0.1 && op !== "union1d") kw.assume_unique = false;
    }
    if (op === "in1d" && r() < 0.4) kw.invert = true;
    if (op === "in1d" && r() < 0.05) kw.kind = "bogus";
    if (op === "intersect1d" && r() < 0.5) kw.return_indices = true;
    cases.push({ op, a, b, kw });
  }
  return cases;
}

// an empty result's strides depend on NumPy's path inside in1d (table: zeros_like of a stride-0
// ravel; sort: np.empty): not compared
describeSeeded("set routines against NumPy", ok, {
  generate,
  script: SCRIPT,
  ours,
  show: 6,
  strides: (_c, mine) => !("ok" in mine && mine.ok instanceof NDArray && mine.ok.size === 0),
});

describe.skipIf(!ok)("set routines promote as NumPy's concatenate", () => {
  // concatenate had its own promotion table without int64: int32 with uint32 joined as float64
  const pairs: [DType, DType][] = [["int32", "uint32"], ["uint32", "int8"], ["int16", "uint32"], ["int64", "uint64"], ["uint8", "int8"], ["bool", "float32"]];
  it(`union1d, intersect1d, setxor1d of ${pairs.length} dtype pairs give NumPy's dtypes`, async () => {
    const cases = pairs.flatMap(([p, q]) => (["union1d", "intersect1d", "setxor1d"] as const).map((op) => ({ op, p, q })));
    const answers = await numpyBatch("def run(c):\n    return str(getattr(np, c['op'])(np.array([1, 3], c['p']), np.array([1, 2], c['q'])).dtype)", cases);
    expectNoneDiffer(cases, (c, i) => {
      const f = np[c.op] as (x: NDArray, y: NDArray) => NDArray;
      const got = f(np.array([1, 3], { dtype: c.p }), np.array([1, 2], { dtype: c.q })).dtype;
      const want = (answers[i] as { ok: string }).ok;
      return got === want ? null : `${c.op} ${c.p} ${c.q}: ${got}, numpy ${want}`;
    });
  });
});
