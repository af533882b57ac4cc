/**
 * np.copyto against NumPy 1.24 on generated cases: destinations of every dtype and layout,
 * sources that broadcast (or not), of other dtypes (same_kind failures must raise on both sides),
 * weak JS numbers in range, `where` masks, casting "unsafe", and sources overlapping the
 * destination inside one buffer. The answer compared is the destination afterwards.
 * Not generated: 0-d array sources of another dtype, which NumPy 1.24 casts by value and NumPy 2
 * (and we) by dtype: `np.copyto(uint16_array, np.array(5, dtype=int16))` raises in NumPy 2.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { ALL_DTYPES, PY_BUILD, buildView, capture, compareAnswer, prng, randomValue, viewWithShape, type ViewSpec } from "../ufunc/cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "copyto differential tests against NumPy");

interface Case {
  dst: ViewSpec;
  src: ViewSpec | number | "overlap";
  where?: ViewSpec;
  casting?: string;
}

const SCRIPT = `${PY_BUILD}
def run(c):
    d = mk(c['dst'])
    kw = {}
    if 'where' in c: kw['where'] = mk(c['where'])
    if 'casting' in c: kw['casting'] = c['casting']
    s = c['src']
    if s == 'overlap':
        np.copyto(d[1:], d[:-1], **kw)
        return d
    np.copyto(d, mk(s) if isinstance(s, dict) else s, **kw)
    return d
`;

function generate(seed: number): Case[] {
  const r = prng(seed);
  const cases: Case[] = [];
  for (let i = 0; i < 600; i++) {
    const nd = Math.floor(r() * 4);
    const shape = Array.from({ length: nd }, () => 1 + Math.floor(r() * 4));
    const dt: DType = ALL_DTYPES[Math.floor(r() * ALL_DTYPES.length)];
    const dst = viewWithShape(r, dt, shape);
    const u = r();
    let src: Case["src"];
    if (u < 0.25) {
      const t = dt === "bool" ? "int8" : dt;
      src = r() < 0.5 && dt !== "bool" ? randomValue(r, t === "float32" || t === "float64" ? "int8" : t, true) : (2 * Math.floor(r() * 100) + 1) / 4;
    } else if (u < 0.35 && nd === 1 && shape[0] > 1) {
      src = "overlap";
    } else {
      const st: DType = r() < 0.5 ? dt : ALL_DTYPES[Math.floor(r() * ALL_DTYPES.length)];
      let sshape = shape.slice(Math.floor(r() * (nd + 1))).map((d) => (r() < 0.3 ? 1 : d));
      if (r() < 0.05) sshape = [...sshape, 2];
      // NumPy 1.24 still casts 0-d arrays by value (NumPy 2, like us, by dtype): keep 0-d sources to the dst dtype
      src = viewWithShape(r, sshape.length === 0 ? dt : st, sshape, true);
    }
    const c: Case = { dst, src };
    if (r() < 0.25) c.where = viewWithShape(r, "bool", shape.map((d) => (r() < 0.3 ? 1 : d)));
    if (r() < 0.15) c.casting = "unsafe";
    cases.push(c);
  }
  return cases;
}

function ours(c: Case): NDArray {
  const d = buildView(c.dst);
  const opts: Record<string, unknown> = {};
  if (c.where) opts.where = buildView(c.where);
  if (c.casting) opts.casting = c.casting;
  if (c.src === "overlap") {
    const n = d.shape[0];
    const view = (start: number, len: number): NDArray =>
      new NDArray({ data: d.data, dtype: d.dtype, shape: [len], strides: d.strides, offset: d.offset + start * d.strides[0], base: d.base, writeable: true });
    np.copyto(view(1, n - 1), view(0, n - 1), opts);
    return d;
  }
  np.copyto(d, typeof c.src === "number" ? c.src : buildView(c.src), opts);
  return d;
}

describe.skipIf(!ok)("copyto against NumPy", () => {
  const seed = caseSeed();
  it(`agrees on generated cases (seed ${seed}; SEED=${seed} reproduces)`, async () => {
    const cases = generate(seed).filter((c) => !(c.src === "overlap" && c.where !== undefined));
    const answers = await numpyBatch(SCRIPT, cases);
    const raised = answers.filter((a) => "error" in a).length;
    expectNoneDiffer(
      cases,
      (c, i) => {
        const d = compareAnswer(capture(() => ours(c)), answers[i], 0, false);
        return d === null ? null : `${JSON.stringify(c).slice(0, 500)}: ${d}`;
      },
      6,
    );
    expect(raised).toBeGreaterThan(5);
  });
});
