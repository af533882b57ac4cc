/**
 * `as_strided` with NumPy's keywords as one options object (`as_strided(x, { shape, strides })`,
 * `as_strided(x, shape, { strides })`, `{ writeable: false }` after the positional ones): the same
 * views as NumPy 1.24 gives for the same keywords, on generated windows that stay inside the
 * buffer; a keyword given twice is NumPy's TypeError.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch, caseSeed } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { mulberry32 as prng } from "../../support/prng.js";

const ok = requirement(missingPythonModules(["numpy"]), "as_strided keyword differential tests against NumPy");

type Form = "keywords" | "mixed" | "strides-only" | "shape-only";
interface Case {
  n: number;
  shape: number[];
  strides: number[];
  form: Form;
}

const SCRIPT = `
from numpy.lib.stride_tricks import as_strided
def run(c):
    a = np.arange(c['n'], dtype=np.int32)
    shape, strides = tuple(c['shape']), tuple(c['strides'])
    f = c['form']
    if f == 'keywords': v = as_strided(a, shape=shape, strides=strides)
    elif f == 'mixed': v = as_strided(a, shape, strides=strides)
    elif f == 'strides-only': v = as_strided(a[:c['n'] // 2], strides=(8,))
    else: v = as_strided(a, shape=(min(shape[0], c['n']),))
    return v
`;

function ours(c: Case): NDArray {
  const a = np.arange(c.n, { dtype: "int32" });
  const st = np.lib.stride_tricks;
  switch (c.form) {
    case "keywords":
      return st.as_strided(a, { shape: c.shape, strides: c.strides });
    case "mixed":
      return st.as_strided(a, c.shape, { strides: c.strides });
    case "strides-only":
      return st.as_strided(a.get(`:${Math.floor(c.n / 2)}`) as NDArray, { strides: [8] });
    case "shape-only":
      return st.as_strided(a, { shape: [Math.min(c.shape[0], c.n)] });
  }
}

describe.skipIf(!ok)("as_strided with keywords against NumPy", () => {
  const seed = caseSeed();
  it(`agrees on generated windows (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const r = prng(seed);
    const forms: Form[] = ["keywords", "mixed", "strides-only", "shape-only"];
    const cases: Case[] = [];
    for (let i = 0; i < 40; i++) {
      const n = 4 + Math.floor(r() * 20);
      const window = 1 + Math.floor(r() * Math.min(4, n));
      const step = 1 + Math.floor(r() * 2);
      const rows = Math.max(1, Math.floor((n - window) / step) + 1);
      cases.push({ n, shape: [rows, window], strides: [4 * step, 4], form: forms[i % forms.length] });
    }
    const answers = await numpyBatch(SCRIPT, cases);
    expectNoneDiffer(cases, (c, i) => {
      const theirs = answers[i];
      if ("error" in theirs) return `${JSON.stringify(c)}: numpy raised ${theirs.message}`;
      const t = theirs.ok as { values: unknown; shape: number[]; strides: number[] };
      const v = ours(c);
      const mine = { values: v.tolist(), shape: v.shape, strides: v.strides };
      const want = { values: t.values, shape: t.shape, strides: t.strides };
      return JSON.stringify(mine) === JSON.stringify(want) ? null : `${JSON.stringify(c)}: ours ${JSON.stringify(mine)}, numpy ${JSON.stringify(want)}`;
    }, 6);
    expect(cases.length).toBe(40);
  });
});

describe("as_strided's options", () => {
  const a = np.arange(6, { dtype: "int32" });
  it("takes writeable after positional shape and strides", () => {
    const v = np.lib.stride_tricks.as_strided(a, [2], [4], { writeable: false });
    expect(v.flags.writeable).toBe(false);
    expect(np.lib.stride_tricks.as_strided(a, { shape: [2] }).flags.writeable).toBe(true);
  });
  it("says a keyword given twice in NumPy's words", () => {
    expect(() => np.lib.stride_tricks.as_strided(a, [4, 3], { shape: [4, 3] })).toThrow("as_strided() got multiple values for argument 'shape'");
    expect(() => np.lib.stride_tricks.as_strided(a, [3], [4], { strides: [4] })).toThrow("as_strided() got multiple values for argument 'strides'");
  });
  it("still refuses a footprint outside the buffer when given by keywords", () => {
    expect(() => np.lib.stride_tricks.as_strided(a, { shape: [7], strides: [4] })).toThrow("as_strided would reach bytes [0, 28)");
  });
});
