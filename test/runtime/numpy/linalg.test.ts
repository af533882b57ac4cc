/**
 * dot and matmul against NumPy 1.24 on generated cases: 1-D/2-D/stacked operands of random
 * dtypes and strided/transposed layouts, aligned and misaligned shapes (both must raise).
 * Integers are compared exactly; floats to a relative 1e-12 (NumPy hands floats to BLAS, whose
 * summation order differs from our sequential one). `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { PY_BUILD, buildView, capture, compareAnswer, prng, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "dot/matmul differential tests against NumPy");

const SCRIPT = `${PY_BUILD}
def run(c):
    a = mk(c['a']); b = mk(c['b'])
    r = getattr(np, c['op'])(a, b)
    if not isinstance(r, np.ndarray): r = np.asarray(r)
    if r.dtype == np.int64: r = r.astype(np.int32)
    return np.ascontiguousarray(r) if r.ndim > 0 else r
`;

interface Case {
  op: "dot" | "matmul";
  a: ViewSpec;
  b: ViewSpec;
}

const DTYPES: DType[] = ["int32", "float64", "float32", "int16", "uint8", "bool"];

function generate(seed: number): Case[] {
  const r = prng(seed);
  const cases: Case[] = [];
  const dim = (): number => 1 + Math.floor(r() * 5);
  for (let i = 0; i < 400; i++) {
    const op = r() < 0.5 ? "dot" : "matmul";
    const t1 = DTYPES[Math.floor(r() * DTYPES.length)];
    const t2 = r() < 0.7 ? t1 : DTYPES[Math.floor(r() * DTYPES.length)];
    const n = dim();
    const k = dim();
    const m = dim();
    const kind = Math.floor(r() * 5);
    let sa: number[];
    let sb: number[];
    if (kind === 0) [sa, sb] = [[k], [k]];
    else if (kind === 1) [sa, sb] = [[n, k], [k, m]];
    else if (kind === 2) [sa, sb] = [[k], [k, m]];
    else if (kind === 3) [sa, sb] = [[n, k], [k]];
    else [sa, sb] = op === "matmul" ? [[2, n, k], [r() < 0.5 ? 2 : 1, k, m]] : [[2, n, k], [k, m]];
    if (r() < 0.08) sb = sb.map((d) => d + 1); // misaligned: both raise
    cases.push({ op, a: viewWithShape(r, t1, sa, true), b: viewWithShape(r, t2, sb, true) });
  }
  return cases;
}

describe.skipIf(!ok)("dot and matmul against NumPy", () => {
  const seed = caseSeed();
  it(`agree on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed);
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(
      cases,
      (c, i) => {
        const float = c.a.dtype.startsWith("float") || c.b.dtype.startsWith("float");
        const tol = float ? (c.a.dtype === "float32" || c.b.dtype === "float32" ? 1e-5 : 1e-12) : 0;
        const mine = capture(() => np[c.op](buildView(c.a), buildView(c.b)));
        const theirs = answers[i];
        if ("error" in theirs && "error" in mine) expect(mine.message).toBe(theirs.message);
        const d = compareAnswer(mine, theirs, tol);
        return d === null ? null : `${c.op} ${JSON.stringify(c.a.shape)}/${c.a.dtype} ${JSON.stringify(c.b.shape)}/${c.b.dtype}: ${d}`;
      },
      8,
    );
  });
});
