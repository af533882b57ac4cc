/**
 * A ufunc's `out` given positionally after its inputs (`np.isinf(x, y)`, `np.add(a, b, c)`), as
 * NumPy allows, against NumPy 1.24 on generated cases: every dtype of `out` (a predicate's bool
 * result cast into an int or float `out`, and the casts NumPy refuses), broadcasting inputs. The
 * answer compared is the result, `out` afterwards, and whether the result is `out` itself.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, capture, compareAnswer, prng, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "positional out differential tests against NumPy");

const UNARY = ["isinf", "isfinite", "isnan", "floor", "negative", "sqrt", "logical_not", "sign"] as const;
const BINARY = ["add", "multiply", "less", "hypot", "logical_and", "maximum", "fmod"] as const;

interface Case {
  fn: (typeof UNARY)[number] | (typeof BINARY)[number];
  inputs: ViewSpec[];
  out: ViewSpec;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    out = mk(c['out'])
    r = getattr(np, c['fn'])(*[mk(i) for i in c['inputs']], out)
    return [r, out, r is out]
`;

function generate(seed: number): Case[] {
  const r = prng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < 300; i++) {
    const unary = r() < 0.5;
    const fn = unary ? UNARY[Math.floor(r() * UNARY.length)] : BINARY[Math.floor(r() * BINARY.length)];
    const nd = 1 + Math.floor(r() * 2);
    const shape = Array.from({ length: nd }, () => 1 + Math.floor(r() * 4));
    const pick = (): DType => (r() < 0.5 ? "float64" : ALL_DTYPES[Math.floor(r() * ALL_DTYPES.length)]);
    const inputs = Array.from({ length: unary ? 1 : 2 }, () => viewWithShape(r, pick(), shape.map((d) => (r() < 0.2 ? 1 : d)), true));
    cases.push({ fn, inputs, out: viewWithShape(r, pick(), shape) });
  }
  return cases;
}

function ours(c: Case): [unknown, NDArray, boolean] {
  const out = buildView(c.out);
  const inputs = c.inputs.map(buildView);
  const f = np[c.fn] as unknown as (...a: unknown[]) => unknown;
  const res = f(...inputs, out);
  return [res, out, res === out];
}

describe.skipIf(!ok)("ufuncs take out positionally, as NumPy", () => {
  const seed = caseSeed();
  it(`agrees on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed);
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(
      cases,
      (c, i) => {
        const mine = capture(() => ours(c));
        const theirs = answers[i];
        if ("error" in theirs || "error" in mine) {
          const d = compareAnswer(mine, theirs, 0, false);
          return d === null ? null : `${JSON.stringify(c).slice(0, 400)}: ${d}`;
        }
        const [r, o, same] = mine.ok as [unknown, NDArray, boolean];
        const [nr, no, nsame] = theirs.ok as [unknown, unknown, boolean];
        const d = compareAnswer({ ok: r }, { ok: nr }, 2, false) ?? compareAnswer({ ok: o }, { ok: no }, 2, false) ?? (same === nsame ? null : `result is out: ours ${same}, numpy ${nsame}`);
        return d === null ? null : `${JSON.stringify(c).slice(0, 400)}: ${d}`;
      },
      6,
    );
    expect(answers.filter((a) => "error" in a).length).toBeGreaterThan(3);
  });
});
