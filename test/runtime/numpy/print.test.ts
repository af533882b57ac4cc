/**
 * Differential tests: repr and str of generated arrays against Debian's NumPy 1.24, text for text.
 * Cases come from a seeded PRNG (seed printed; `SEED=n` reproduces): every dtype, shapes up to 4-D
 * (size 0 and 1, > 1000 elements for summarising), C order, F order and negative strides, values of
 * wild magnitudes with nan, inf and -0. NumPy's repr spells int32 arrays with `, dtype=int32`
 * where ours (int32 being our default integer) omits it, as NumPy omits int64: the script removes
 * that suffix from NumPy's text for int32 arrays of size > 0 (the body is unaffected: the suffix
 * "," and ")" have the same length).
 */
import { describe, expect, it } from "vitest";
import { DTYPES, INTEGER_RANGE, type DType, type IntegerDType } from "../../../runtime/core/dtype.js";
import { array_repr, array_str, set_printoptions } from "../../../runtime/print/index.js";
import { resetPrintOptions } from "../../../runtime/print/options.js";
import { buildArray, PY_BUILD, type Layout } from "../npy/layout.js";
import { caseRng } from "../../support/prng.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

const ok = requirement(missingPythonModules(["numpy"]), "printing against NumPy");

interface Case {
  dtype: DType;
  shape: number[];
  layout: Layout;
  values: (number | string)[]; // C order; "nan", "inf", "-inf", "-0" for the specials
  options?: { precision?: number; suppress?: boolean; linewidth?: number; threshold?: number; edgeitems?: number };
}

const SCRIPT =
  PY_BUILD +
  String.raw`
import re
def run(c):
    a = build(c)
    with np.printoptions(**c.get("options", {})):
        r = repr(a)
        s = str(a)
    if a.dtype == np.int32 and a.size > 0:
        r = re.sub(r",\s*dtype=int32\)$", ")", r)
    return [r, s]
`;

function genCases(seed: number): Case[] {
  const { rand: r, int, pick } = caseRng(seed);
  const dtypes = (Object.keys(DTYPES) as DType[]).filter((d) => d !== "int64" && d !== "uint64"); // int64/uint64: numpy/int64.test.ts
  const cases: Case[] = [];
  const shapes = (): number[] => {
    const u = r();
    if (u < 0.05) return [];
    if (u < 0.1) return pick([[0], [0, 3], [2, 0, 4], [1], [1, 1]]);
    if (u < 0.2) return pick([[1001], [40, 30], [3, 400], [11, 11, 11], [2, 3, 200], [1200, 1]]);
    const nd = int(1, 4);
    return Array.from({ length: nd }, () => int(1, nd <= 2 ? 9 : 4));
  };
  for (let k = 0; k < 800; k++) {
    const dtype = k < 300 ? pick(["float64", "float32"] as DType[]) : pick(dtypes);
    const shape = shapes();
    const n = shape.reduce((a, b) => a * b, 1);
    const layout = pick(["C", "F", "neg", "step"] as Layout[]);
    const values: (number | string)[] = [];
    // one magnitude profile per case so that both positional and scientific modes appear
    const profile = int(0, 5);
    const decimals = int(0, 6);
    const center = int(-12, 20);
    for (let i = 0; i < n; i++) {
      if (dtype === "bool") values.push(r() < 0.5 ? 1 : 0);
      else if (dtype !== "float64" && dtype !== "float32") {
        const [lo, hi] = INTEGER_RANGE[dtype as IntegerDType];
        const small = r() < 0.5;
        values.push(small ? Math.max(lo, Math.min(hi, int(-20, 120))) : int(lo, hi));
      } else {
        const s = r();
        if (s < 0.02) values.push("nan");
        else if (s < 0.03) values.push(r() < 0.5 ? "inf" : "-inf");
        else if (s < 0.04) values.push("-0");
        else if (s < 0.07) values.push(0);
        else {
          let x: number;
          if (profile === 0) x = Math.round((r() - 0.3) * 200 * 10 ** decimals) / 10 ** decimals;
          else if (profile === 1) x = (r() - 0.5) * 10 ** (center + (r() - 0.5) * 4);
          else if (profile === 2) x = (r() - 0.5) * 10 ** int(-30, 30);
          else if (profile === 3) x = int(-1000, 1000) / 512; // exact binary fractions: rounding ties
          else if (profile === 4) x = r() * 1e8 * (r() < 0.5 ? 1 : 0.999);
          else x = r();
          if (dtype === "float32") x = Math.fround(x);
          values.push(Object.is(x, -0) ? "-0" : x);
        }
      }
    }
    const c: Case = { dtype, shape, layout, values };
    if (k >= 600) {
      // print options: each one alone or together
      const o: NonNullable<Case["options"]> = {};
      if (r() < 0.5) o.precision = int(0, 12);
      if (r() < 0.4) o.suppress = true;
      if (r() < 0.4) o.linewidth = int(10, 140);
      if (r() < 0.3) o.threshold = int(0, 60);
      if (r() < 0.3) o.edgeitems = int(1, 5);
      c.options = o;
    }
    cases.push(c);
  }
  return cases;
}

describe.skipIf(!ok)("repr and str against NumPy 1.24", () => {
  it("prints generated arrays exactly as NumPy", async () => {
    const seed = announcedSeed("print.test");
    const cases = genCases(seed);
    const answers = await numpyBatch(SCRIPT, cases);
    let failures = 0;
    cases.forEach((c, i) => {
      const ans = answers[i];
      if (!("ok" in ans)) throw new Error(`numpy raised: ${ans.message}`);
      const [wantRepr, wantStr] = ans.ok as [string, string];
      const a = buildArray(c.dtype, c.shape, c.layout, c.values);
      set_printoptions(c.options ?? {});
      let gotRepr: string;
      let gotStr: string;
      try {
        gotRepr = array_repr(a);
        gotStr = array_str(a);
      } finally {
        resetPrintOptions();
      }
      if (gotRepr !== wantRepr || gotStr !== wantStr) {
        failures++;
        if (failures <= 3) {
          expect({ case: i, dtype: c.dtype, shape: c.shape, repr: gotRepr, str: gotStr }).toEqual({ case: i, dtype: c.dtype, shape: c.shape, repr: wantRepr, str: wantStr });
        }
      }
    });
    expect(failures).toBe(0);
  });
});
