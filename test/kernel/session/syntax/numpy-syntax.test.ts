/**
 * NumPy's syntax in cells against NumPy itself: each row is a line as a NumPy user writes it in
 * Python and its spelling in a TypeScript cell; the kernel's answer and NumPy 1.24's (with NEP 50
 * weak scalars switched on, as the runtime promotes) must agree on dtype, shape, values, whether
 * the result owns its data (view or copy), identity (`is` / `===`), and on raising.
 * Arrays: C order, F order, a negative-stride view, size 0, size 1, float, bool; int32 throughout
 * (the runtime's default integer).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { numpyBatch, type NumpyAnswer } from "../../../support/numpy.js";
import { missingPythonModules, requirement } from "../../../support/requirements.js";
import { kernelAnswer, numpyAnswer, SETUP, value } from "./cells.js";

const ok = requirement(missingPythonModules(["numpy"]), "NumPy-syntax differential tests against NumPy");

const PY_SETUP = `
np._set_promotion_state('weak')
def fresh():
    i4 = np.int32
    return {"np": np,
        "x": np.arange(4, dtype=i4), "y": np.array([1, 2, 3, 4], dtype=i4), "f": np.array([0.5, -1.5, 2.25, 3.0]),
        "a": np.arange(12, dtype=i4).reshape(3, 4), "F": np.asfortranarray(np.arange(6, dtype=i4).reshape(2, 3)),
        "r": np.arange(8, dtype=i4)[::-2], "e": np.zeros(0, dtype=i4), "s1": np.array([7], dtype=i4),
        "b": np.array([True, False, True, False])}

def run(c):
    env = fresh()
    *stmts, last = c["py"].split(";")
    with np.errstate(all="ignore"):
        for s in stmts: exec(s.strip(), env)
        return eval(last.strip(), env)
`;

/** [TypeScript cell, Python line (statements separated by ';', the last one an expression)] */
const ROWS: [string, string][] = [
  // operators, scalars on either side
  ["x + y", "x + y"],
  ["x - y", "x - y"],
  ["x * 2", "x * 2"],
  ["2 * x", "2 * x"],
  ["x * 2.5", "x * 2.5"],
  ["x / y", "x / y"],
  ["1 / y", "1 / y"],
  ["f / 0", "f / 0"],
  ["x ** 2", "x ** 2"],
  ["2 ** x", "2 ** x"],
  ["f ** 2", "f ** 2"],
  ["x % 3", "x % 3"],
  ["-7 % y", "-7 % y"],
  ["f % -1", "f % -1"],
  ["-x", "-x"],
  ["-f", "-f"],
  ["~x", "~x"],
  ["~b", "~b"],
  ["x < 3", "x < 3"],
  ["3 < x", "3 < x"],
  ["x <= y", "x <= y"],
  ["x > f", "x > f"],
  ["x >= y - 1", "x >= y - 1"],
  ["x & y", "x & y"],
  ["x | 8", "x | 8"],
  ["x ^ y", "x ^ y"],
  ["b & (x > 1)", "b & (x > 1)"],
  ["b | b", "b | b"],
  ["(x + y) * 2 - -x", "(x + y) * 2 - -x"],
  ["a + x", "a + x"],
  ["a.T * 10", "a.T * 10"],
  ["F * 10 + F", "F * 10 + F"],
  ["r - x", "r - x"],
  ["e + 1", "e + 1"],
  ["s1 * x", "s1 * x"],
  // a JS list is int32 here (the runtime's default integer), int64 in NumPy on Linux
  ["x + [10, 20, 30, 40]", "x + np.array([10, 20, 30, 40], dtype=np.int32)"],
  ["a + np.arange(3)", "a + np.arange(3, dtype=np.int32)"],
  // subscripts
  ['a["1:3"]', "a[1:3]"],
  ['a["::-1, 1"]', "a[::-1, 1]"],
  ['a["..., None"]', "a[..., None]"],
  ['a["1, 2"]', "a[1, 2]"],
  ["a[0]", "a[0]"],
  ["x[-1]", "x[-1]"],
  ["F[1]", "F[1]"],
  ['r["1:"]', "r[1:]"],
  ["x[x > 1]", "x[x > 1]"],
  // == and != are NumPy's element-wise comparisons; === stays identity (Python's `is`)
  ["x == 2", "x == 2"],
  ["x != y", "x != y"],
  ["a == np.arange(4)", "a == np.arange(4, dtype=np.int32)"],
  ["const v = x.copy(); v[v == 0] = 9; v", "v = x.copy(); v[v == 0] = 9; v"],
  ["x[x != 1]", "x[x != 1]"],
  ["a[[0, 2]]", "a[[0, 2]]"],
  ['a["1:3"].base === a', "a[1:3].base is a"],
  ["a[5]", "a[5]"],
  ["a[1, 2]", "a[1, 2]"],
  ['a[0, "1:3"]', "a[0, 1:3]"],
  ["const i = 1, j = 3; a[i, j]", "i = 1; j = 3; a[i, j]"],
  ["a[1, 2, 0]", "a[1, 2, 0]"],
  // assignments
  ["const v = x.copy(); v[0] = 99; v", "v = x.copy(); v[0] = 99; v"],
  ['const v = a.copy(); v["::2, 1"] = 0; v', "v = a.copy(); v[::2, 1] = 0; v"],
  ['const v = x.copy(); v["1:3"] = np.array([7, 8]); v', "v = x.copy(); v[1:3] = np.array([7, 8]); v"],
  ["const v = x.copy(); v[v > 1] = -1; v", "v = x.copy(); v[v > 1] = -1; v"],
  ['const v = a.copy(); const w = v["1:3"]; w[0] = 99; v', "v = a.copy(); w = v[1:3]; w[0] = 99; v"],
  ['const v = x.copy(); v["1:3"] = np.array([7, 8, 9]); v', "v = x.copy(); v[1:3] = np.array([7, 8, 9]); v"],
  // compound assignments, in place
  ["const v = x.copy(); v += y; v", "v = x.copy(); v += y; v"],
  ["const v = x.copy(); v -= 1; v", "v = x.copy(); v -= 1; v"],
  ["const v = x.copy(); v *= y; v", "v = x.copy(); v *= y; v"],
  ["const v = f.copy(); v /= 4; v", "v = f.copy(); v /= 4; v"],
  ["const v = x.copy(); v /= 2; v", "v = x.copy(); v /= 2; v"],
  ["const v = x.copy(); v += 1.5; v", "v = x.copy(); v += 1.5; v"],
  ["const v = x.copy(); v **= 2; v", "v = x.copy(); v **= 2; v"],
  ["const v = y.copy(); v %= 3; v", "v = y.copy(); v %= 3; v"],
  ["const v = x.copy(); v &= 6; v", "v = x.copy(); v &= 6; v"],
  ["const v = x.copy(); v |= 8; v", "v = x.copy(); v |= 8; v"],
  ["const v = x.copy(); v ^= y; v", "v = x.copy(); v ^= y; v"],
  ["const v = x.copy(); v += a; v", "v = x.copy(); v += a; v"],
  ["let v = x.copy(); const v0 = v; v += 1; v === v0", "v = x.copy(); v0 = v; v += 1; v is v0"],
  ['const v = a.copy(); v["1:3"] += 1; v', "v = a.copy(); v[1:3] += 1; v"],
  ['const v = a.copy(); v["1:3"] += 1.5; v', "v = a.copy(); v[1:3] += 1.5; v"],
  ["const v = a.copy(); v[1] *= 2; v", "v = a.copy(); v[1] *= 2; v"],
  ["const v = x.copy(); v[0] += 5; v", "v = x.copy(); v[0] += 5; v"],
  ["const v = x.copy(); v[0] += 1.5; v", "v = x.copy(); v[0] += 1.5; v"],
  ["const v = x.copy(); v[v > 1] -= 10; v", "v = x.copy(); v[v > 1] -= 10; v"],
  ['const v = x.copy(); v["::-1"] += v; v', "v = x.copy(); v[::-1] += v; v"],
  ["const v = a.copy(); v[1, 2] += 5; v", "v = a.copy(); v[1, 2] += 5; v"],
  ['const v = a.copy(); v[":", 0] *= 10; v', "v = a.copy(); v[:, 0] *= 10; v"],
  ["const v = a.copy(); v[1, 2] = 99; v", "v = a.copy(); v[1, 2] = 99; v"],
];

describe.skipIf(!ok)("NumPy syntax in cells agrees with NumPy", () => {
  let answers: NumpyAnswer[] = [];
  beforeAll(async () => {
    answers = await numpyBatch(PY_SETUP, ROWS.map(([, py]) => ({ py })));
    await value(SETUP);
  }, 120_000);

  it.each(ROWS.map((row, i) => [...row, i] as const))("%s  (NumPy: %s)", async (cell, _py, i) => {
    const want = numpyAnswer(answers[i], false);
    const got = await kernelAnswer(cell, false);
    if ("error" in want) expect(got, `NumPy raised ${want.error}`).toHaveProperty("error");
    else expect(got).toEqual(want);
  });
});
