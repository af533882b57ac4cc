/**
 * `choice` beyond the seed's cases, against NumPy 1.24: without replacement WITH `p` (legacy
 * RandomState and Generator, NumPy's redraw loop), Generator's `shuffle: false` (and its other
 * tail-shuffle cutoff), Generator's n-D `a` picked along `axis`, and the errors (too few non-zero
 * probabilities, a larger sample than the population). Each case draws, then draws one more
 * double, so the stream position after `choice` is compared too. `SEED=n` reproduces a run.
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { caseRng } from "../../support/prng.js";
import { capture } from "../ufunc/cases.js";
import { compareTree } from "./intp.js";

const ok = requirement(missingPythonModules(["numpy"]), "random choice differential tests against NumPy");

interface Case {
  gen: "legacy" | "pcg";
  seed: number;
  /** a count, or the shape of an int32 arange to pick from */
  a: number | number[];
  size: number | number[] | null;
  replace: boolean;
  p: number[] | null;
  axis?: number;
  shuffle?: boolean;
  /** pass the n-D population as a nested JS array (np.array's input) */
  asList?: boolean;
}

const SCRIPT = String.raw`
def run(c):
    g = np.random.RandomState(c['seed']) if c['gen'] == 'legacy' else np.random.default_rng(c['seed'])
    a = c['a'] if isinstance(c['a'], int) else np.arange(int(np.prod(c['a'])), dtype=np.int32).reshape(c['a'])
    size = tuple(c['size']) if isinstance(c['size'], list) else c['size']
    kw = {'replace': c['replace'], 'p': c['p']}
    if 'axis' in c: kw['axis'] = c['axis']
    if 'shuffle' in c: kw['shuffle'] = c['shuffle']
    r = g.choice(a, size, **kw)
    after = g.random_sample() if c['gen'] == 'legacy' else g.random()
    return [r, after]
`;

function ours(c: Case): unknown {
  const g = c.gen === "legacy" ? new np.random.RandomState(c.seed) : np.random.default_rng(c.seed);
  const arr: number | NDArray = typeof c.a === "number" ? c.a : np.arange(c.a.reduce((x, y) => x * y, 1)).reshape(c.a);
  const a = c.asList && typeof arr !== "number" ? (arr.tolist() as number[][]) : arr;
  const opts: Record<string, unknown> = { replace: c.replace, p: c.p };
  if (c.axis !== undefined) opts.axis = c.axis;
  if (c.shuffle !== undefined) opts.shuffle = c.shuffle;
  const r = (g.choice as (a: unknown, size: unknown, o: unknown) => unknown)(a, c.size, opts);
  const after = c.gen === "legacy" ? (g as InstanceType<typeof np.random.RandomState>).random_sample() : (g as ReturnType<typeof np.random.default_rng>).random();
  return [r, after];
}

function generate(seed: number): Case[] {
  const { rand: r, int, pick } = caseRng(seed);
  const cases: Case[] = [];
  for (let k = 0; k < 160; k++) {
    const gen = pick(["legacy", "pcg"] as const);
    const weighted = r() < 0.6;
    const big = !weighted && gen === "pcg" && r() < 0.3;
    const nd = gen === "pcg" && r() < 0.35;
    let a: number | number[];
    let pop: number;
    let axis: number | undefined;
    if (nd) {
      a = Array.from({ length: int(2, 3) }, () => int(1, 6));
      axis = int(0, a.length - 1) - (r() < 0.3 ? a.length : 0);
      pop = a[(axis + a.length) % a.length];
    } else {
      pop = big ? int(10001, 20000) : int(1, 40);
      a = pop;
    }
    const replace = !weighted || r() < 0.3 ? r() < 0.3 : false;
    let p: number[] | null = null;
    if (weighted) {
      const w = Array.from({ length: pop }, () => (r() < 0.3 ? 0 : r()));
      w[0] += 0.01;
      const sum = w.reduce((x, y) => x + y, 0);
      p = w.map((x) => x / sum);
    }
    const limit = replace ? 30 : pop;
    const sz = big ? (r() < 0.6 ? int(Math.floor(pop / 50) - 5, Math.floor(pop / 20) + 5) : int(0, 1500)) : int(0, Math.min(limit + (r() < 0.1 ? 2 : 0), 30));
    const size = r() < 0.15 ? null : r() < 0.7 ? sz : [int(0, 2), Math.floor(sz / 2)];
    const c: Case = { gen, seed: int(0, 2 ** 31), a, size, replace, p };
    if (axis !== undefined) c.axis = axis;
    if (nd && r() < 0.3) c.asList = true;
    if (gen === "pcg" && (big || r() < 0.4)) c.shuffle = r() < 0.5; // big: both sides of the 1/50 and 1/20 cutoffs
    cases.push(c);
  }
  return cases;
}

describe.skipIf(!ok)("random choice (without replacement with p, shuffle, axis) against NumPy", () => {
  const seed = caseSeed();
  it(`draws NumPy's numbers (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed);
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(
      cases,
      (c, i) => {
        const d = compareTree(capture(() => ours(c)), answers[i]);
        return d === null ? null : `${JSON.stringify({ ...c, p: c.p?.slice(0, 5) })}: ${d}`;
      },
      8,
    );
  });

  it("gives empty picks NumPy's strides (size 0, (0,), (0, 3), (2, 0), with and without replacement and p)", async () => {
    // NumPy reshapes its index array (`idx.shape = shape`): without replacement and p that is a
    // slice of a permutation (legacy) or a fresh empty array (Generator), so the strides differ
    const cases: Case[] = [];
    for (const gen of ["legacy", "pcg"] as const)
      for (const a of [0, 5, [4, 2]])
        for (const size of [0, [0], [0, 3], [2, 0], [2, 0, 3]])
          for (const [replace, p] of [[true, null], [false, null], [false, [0.2, 0.2, 0.2, 0.2, 0.2]]] as [boolean, number[] | null][]) {
            if (gen === "legacy" && Array.isArray(a)) continue; // (legacy takes 1-D populations only)
            cases.push({ gen, seed: 7, a, size, replace, p: p !== null && a === 5 ? p : null });
          }
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(cases, (c, i) => {
      const d = compareTree(capture(() => ours(c)), answers[i]);
      return d === null ? null : `${JSON.stringify(c)}: ${d}`;
    });
  });

  it("refuses negative lengths in size with NumPy's error for each path (prod(size) first, then the shape)", async () => {
    // NumPy computes size = prod(size) and meets a negative length where it builds the picks: a
    // larger-sample or negative-count error, np.zeros' or random's words, or `idx.shape = size`'s
    // reshape error (legacy capitalises "Negative" in its own check)
    const cases: Case[] = [];
    const sizes: (number | number[])[] = [[0, -3], [-3, 0], [2, -3], [-1], [-2, -2], -1, [0, -1], [1, -2], [-1, -1]];
    for (const gen of ["legacy", "pcg"] as const)
      for (const a of [0, 2, 5, [4, 2]])
        for (const size of sizes)
          for (const [replace, weighted] of [[true, false], [true, true], [false, false], [false, true]] as [boolean, boolean][]) {
            if (gen === "legacy" && Array.isArray(a)) continue;
            const pop = Array.isArray(a) ? a[1] : a;
            const c: Case = { gen, seed: 3, a, size, replace, p: weighted ? Array.from({ length: pop }, () => 1 / pop) : null };
            if (Array.isArray(a)) c.axis = 1;
            cases.push(c);
          }
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(cases, (c, i) => {
      const d = compareTree(capture(() => ours(c)), answers[i]);
      return d === null ? null : `${JSON.stringify(c)}: ${d}`;
    });
  });
});
