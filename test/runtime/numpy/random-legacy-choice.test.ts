/**
 * The legacy stream's `choice(a, size=None, replace=True, p=None)` with `replace` and `p` by
 * position, by keyword (one options object) and mixed, `np.random.choice` and a `RandomState`:
 * the same numbers as NumPy 1.24 for generated seeds, and NumPy's TypeError words when a keyword
 * is given twice or too many positions are given.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { numpyBatch, caseSeed } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { mulberry32 as prng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), "legacy choice differential tests against NumPy");

type Form = "positional" | "keywords" | "mixed" | "state";
interface Case {
  seed: number;
  form: Form;
  n: number;
  size: number | null;
  replace: boolean;
  p: number[] | null;
}

const SCRIPT = `
def run(c):
    n, size, replace, p = c['n'], c['size'], c['replace'], c['p']
    if c['form'] == 'state':
        return np.random.RandomState(c['seed']).choice(n, size, replace, p)
    np.random.seed(c['seed'])
    if c['form'] == 'keywords':
        return np.random.choice(n, size=size, replace=replace, p=p)
    if c['form'] == 'mixed':
        return np.random.choice(n, size, replace, p=p)
    return np.random.choice(n, size, replace, p)
`;

function ours(c: Case): unknown {
  let r: number | ReturnType<typeof np.zeros>;
  if (c.form === "state") r = new np.random.RandomState(c.seed).choice(c.n, c.size, c.replace, c.p);
  else {
    np.random.seed(c.seed);
    if (c.form === "keywords") r = np.random.choice(c.n, { size: c.size, replace: c.replace, p: c.p });
    else if (c.form === "mixed") r = np.random.choice(c.n, c.size, c.replace, { p: c.p });
    else r = np.random.choice(c.n, c.size, c.replace, c.p);
  }
  return typeof r === "number" ? r : r.tolist();
}

function weights(r: () => number, n: number): number[] {
  const w: number[] = Array.from({ length: n }, () => (r() < 0.25 ? 0 : r()));
  if (!w.some((x) => x > 0)) w[0] = 1;
  const total = w.reduce((s, x) => s + x, 0);
  const p = w.map((x) => x / total);
  p[n - 1] = 1 - p.slice(0, -1).reduce((s, x) => s + x, 0);
  return p.map((x) => Math.max(0, x));
}

describe.skipIf(!ok)("legacy choice with positional replace and p against NumPy", () => {
  const seed = caseSeed();
  it(`agrees on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const r = prng(seed);
    const forms: Form[] = ["positional", "keywords", "mixed", "state"];
    const cases: Case[] = [];
    for (let i = 0; i < 80; i++) {
      const n = 1 + Math.floor(r() * 8);
      const p = r() < 0.5 ? weights(r, n) : null;
      const nonzero = p === null ? n : p.filter((x) => x > 0).length;
      const replace = r() < 0.5;
      const size = r() < 0.2 ? null : Math.floor(r() * (replace ? 6 : nonzero + 1));
      cases.push({ seed: Math.floor(r() * 2 ** 31), form: forms[i % forms.length], n, size, replace, p });
    }
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(cases, (c, i) => {
      const theirs = answers[i];
      let mine: unknown;
      try {
        mine = ours(c);
      } catch (e) {
        if ("error" in theirs) return (e as Error).message === theirs.message ? null : `${JSON.stringify(c)}: ours raised "${(e as Error).message}", numpy "${theirs.message}"`;
        return `${JSON.stringify(c)}: ours raised ${(e as Error).message}`;
      }
      if ("error" in theirs) return `${JSON.stringify(c)}: numpy raised ${theirs.error}: ${theirs.message}, ours ${JSON.stringify(mine)}`;
      const t = theirs.ok;
      const values = typeof t === "object" && t !== null && "values" in t ? (t as { values: unknown }).values : t;
      return JSON.stringify(mine) === JSON.stringify(values) ? null : `${JSON.stringify(c)}: ours ${JSON.stringify(mine)}, numpy ${JSON.stringify(values)}`;
    }, 6);
    expect(cases.length).toBe(80);
  });
});

describe("legacy choice's argument errors", () => {
  it("says a keyword given twice and too many positions in NumPy's words", () => {
    expect(() => np.random.choice(5, 3, false, { replace: true })).toThrow("choice() got multiple values for keyword argument 'replace'");
    const choice = np.random.choice as (...a: unknown[]) => unknown;
    expect(() => choice(5, 3, true, null, 1)).toThrow("choice() takes at most 4 positional arguments (5 given)");
    expect(() => new np.random.RandomState(0).choice(5, 2, false, [0.5, 0.5, 0, 0, 0], { p: null })).toThrow(
      "choice() got multiple values for keyword argument 'p'",
    );
  });

  it("reads a positional replace=false (distinct picks of range(5))", () => {
    np.random.seed(3);
    const picks = (np.random.choice(5, 5, false) as ReturnType<typeof np.zeros>).tolist() as number[];
    expect([...picks].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
