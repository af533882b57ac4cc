/**
 * Generator methods with NumPy's keywords as one options object (`rng.integers(10, { size })`,
 * `rng.normal(0, { scale, size })`, `rng.choice(a, { size, replace })`), `shuffle` and
 * `permutation` along an `axis` (NumPy shuffles `np.swapaxes(x, 0, axis)` in place; permutation
 * indexes with a shuffled arange), and `permutation` of a plain JS array: the same numbers as
 * NumPy 1.24 for generated seeds, shapes and axes.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { numpyBatch, caseSeed } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { mulberry32 as prng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), "Generator keyword differential tests against NumPy");

type Op = "shuffle" | "permutation" | "permutation-list" | "integers" | "normal" | "uniform" | "choice";
interface Case {
  seed: number;
  op: Op;
  shape: number[];
  axis: number;
}

const SCRIPT = `
def run(c):
    rng = np.random.default_rng(c['seed'])
    op, shape, axis = c['op'], tuple(c['shape']), c['axis']
    a = np.arange(int(np.prod(shape)), dtype=np.int32).reshape(shape)
    if op == 'shuffle':
        rng.shuffle(a, axis=axis); return a
    if op == 'permutation': return rng.permutation(a, axis=axis)
    if op == 'permutation-list': return rng.permutation(a.ravel().tolist())
    if op == 'integers': return rng.integers(7, size=shape, endpoint=True, dtype=np.int32)
    if op == 'normal': return rng.normal(1.5, scale=2.0, size=shape)
    if op == 'uniform': return rng.uniform(-1.0, size=shape)
    return rng.choice(a.ravel(), size=min(3, a.size), replace=False)
`;

function ours(c: Case): unknown {
  const rng = np.random.default_rng(c.seed);
  const size = c.shape.reduce((p, q) => p * q, 1);
  const a = np.arange(size, { dtype: "int32" }).reshape(c.shape);
  switch (c.op) {
    case "shuffle":
      rng.shuffle(a, { axis: c.axis });
      return a.tolist();
    case "permutation":
      return rng.permutation(a, { axis: c.axis }).tolist();
    case "permutation-list":
      return rng.permutation(a.ravel().tolist() as number[]).tolist();
    case "integers":
      return rng.integers(7, { size: c.shape, endpoint: true, dtype: "int32" }).tolist();
    case "normal":
      return rng.normal(1.5, { scale: 2, size: c.shape }).tolist();
    case "uniform":
      return rng.uniform(-1, { size: c.shape }).tolist();
    case "choice":
      return rng.choice(a.ravel(), { size: Math.min(3, size), replace: false }).tolist();
  }
}

const OPS: Op[] = ["shuffle", "permutation", "permutation-list", "integers", "normal", "uniform", "choice"];

describe.skipIf(!ok)("Generator keywords and axis against NumPy", () => {
  const seed = caseSeed();
  it(`agrees on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const r = prng(seed);
    const cases: Case[] = [];
    for (let i = 0; i < 150; i++) {
      const nd = 1 + Math.floor(r() * 3);
      const shape = Array.from({ length: nd }, () => 1 + Math.floor(r() * 4));
      cases.push({ seed: Math.floor(r() * 1e6), op: OPS[i % OPS.length], shape, axis: Math.floor(r() * nd) - (r() < 0.3 ? nd : 0) });
    }
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(cases, (c, i) => {
      const theirs = answers[i];
      if ("error" in theirs) return `${JSON.stringify(c)}: numpy raised ${theirs.error}: ${theirs.message}`;
      const t = theirs.ok as { values: unknown };
      const mine = ours(c);
      return JSON.stringify(mine) === JSON.stringify(t.values) ? null : `${JSON.stringify(c)}: ours ${JSON.stringify(mine)}, numpy ${JSON.stringify(t.values)}`;
    }, 6);
    expect(cases.length).toBe(150);
  });
});
