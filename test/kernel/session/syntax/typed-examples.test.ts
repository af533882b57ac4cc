/**
 * Issue 9's examples in the kernel's cell pipeline against NumPy 1.24: each row is a cell as a
 * student writes it (no casts: a cell that fails the type check fails the row, and annotations
 * such as `const n: number = v[2]` make the checker assert the static type) and the same lines in
 * Python; the kernel's value and NumPy's must agree on dtype, shape, values and owndata, or both
 * must raise. NumPy runs with NEP 50 weak scalars and int32 arrays (the runtime's defaults).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { numpyBatch, type NumpyAnswer } from "../../../support/numpy.js";
import { missingPythonModules, requirement } from "../../../support/requirements.js";
import { kernelAnswer, numpyAnswer, value } from "./cells.js";

const ok = requirement(missingPythonModules(["numpy"]), "typed examples against NumPy");

const PY_SETUP = `
np._set_promotion_state('weak')
def fresh():
    i4 = np.int32
    return {"np": np, "i4": i4,
        "v": np.arange(5, dtype=i4), "m": np.arange(12, dtype=i4).reshape(3, 4), "x": np.arange(4, dtype=i4),
        "f": np.array([0.5, -1.5, 2.25, 3.0])}

def run(c):
    env = fresh()
    *stmts, last = c["py"].split(";")
    with np.errstate(all="ignore"):
        for s in stmts: exec(s.strip(), env)
        return eval(last.strip(), env)
`;

const SETUP = [
  "const v = np.arange(5);",
  "const m = np.arange(12).reshape(3, 4);",
  "const x = np.arange(4);",
  "const f = np.array([0.5, -1.5, 2.25, 3]);",
].join("\n");

/** [TypeScript cell, Python line (statements separated by ';', the last one an expression)] */
const ROWS: [string, string][] = [
  // the seed lines, without casts
  ["const n: number = v[2]; n", "v[2].item()"],
  ["Math.sqrt(v[4])", "float(np.sqrt(v[4]))"],
  ["const y: number = v.item(2); y", "v.item(2)"],
  ["const r: number[] = m[1].tolist(); r", "m[1].tolist()"],
  ["const e: number = m[2][3]; e", "m[2][3].item()"],
  ["const e: number = m[1, 2]; e", "m[1, 2].item()"],
  ['const row = m[0, ":"]; row', "row = m[0, :]; row"],
  ['v[np.newaxis, ":"].shape', "list(v[np.newaxis, :].shape)"],
  ['v[null, ":"].shape', "list(v[None, :].shape)"],
  ["const t: boolean = (v > 2)[3]; t", "bool((v > 2)[3])"],
  ["const s: number = m.sum(); s", "m.sum().item()"],
  ["m.sum({ axis: 0 })", "m.sum(axis=0, dtype=i4)"],
  ["m.sum(-1)", "m.sum(-1, dtype=i4)"],
  ["m.sum({ axis: 1, keepdims: true })", "m.sum(axis=1, keepdims=True, dtype=i4)"],
  ["np.ones_like(m)[2]", "np.ones_like(m)[2]"],
  ["m.T[1]", "m.T[1]"],
  ["m.reshape([4, 3])[3][2]", "m.reshape([4, 3])[3][2].item()"],
  ["m.astype(\"bool\")[0][0]", "bool(m.astype(bool)[0][0])"],
  ["np.array([[1, 2], [3, 4]])[1][0]", "np.array([[1, 2], [3, 4]], dtype=i4)[1][0].item()"],
  ["np.zeros([2, 3])[1]", "np.zeros([2, 3])[1]"],
  ["(m + v[\"1:\"])[2]", "(m + v[1:])[2]"],
  // == and != are NumPy's
  ["const z = v.copy(); z[z == 0] = 9; z", "z = v.copy(); z[z == 0] = 9; z"],
  ["m != 3", "m != 3"],
  // the shape setter
  ["const s = np.arange(10); s.shape = [2, 5]; s", "s = np.arange(10, dtype=i4); s.shape = (2, 5); s"],
  ["const s = np.arange(12).reshape(3, 4)[\":, ::2\"]; s.shape = [6]; s", "s = np.arange(12, dtype=i4).reshape(3, 4)[:, ::2]; s.shape = (6,); s"],
  ["const s = np.arange(10).reshape(2, 5).T; s.shape = [10]; s", "s = np.arange(10, dtype=i4).reshape(2, 5).T; s.shape = (10,); s"],
  ["const s = np.arange(10); s.shape = [3, 3]; s", "s = np.arange(10, dtype=i4); s.shape = (3, 3); s"],
  // NumPy's keywords as one options object, and positionally
  ["np.expand_dims(x, { axis: 0 })", "np.expand_dims(x, axis=0)"],
  ["np.linspace(2, 3, { num: 5, endpoint: false, retstep: true })[0]", "np.linspace(2, 3, num=5, endpoint=False, retstep=True)[0]"],
  ["np.linspace(2, 3, { num: 5, endpoint: false, retstep: true })[1]", "np.linspace(2, 3, num=5, endpoint=False, retstep=True)[1]"],
  ["np.linspace(2, 3, 5, false)", "np.linspace(2, 3, 5, False)"],
  ["np.reshape(x, { newshape: [1, 4], order: \"C\" })", "np.reshape(x, newshape=(1, 4), order='C')"],
  ["m.ravel({ order: \"F\" })", "m.ravel(order='F')"],
  ["np.sum([10], { initial: 5 })", "int(np.sum([10], initial=5))"],
  ["np.sum(m, { where: m > 4 })", "int(np.sum(m, where=m > 4))"],
  ["np.sum(m, { axis: 0, where: m > 4, initial: 1 })", "np.sum(m, axis=0, where=m > 4, initial=1, dtype=i4)"],
  ["np.max(m, { axis: 1, where: m > 4, initial: -1 })", "np.max(m, axis=1, where=m > 4, initial=-1)"],
  ["np.max(m, { where: m > 4 })", "np.max(m, where=m > 4)"],
  ["np.min(np.zeros([0]), { initial: 3 })", "float(np.min(np.zeros(0), initial=3))"],
  ["np.prod(m, { axis: 1, where: m > 4 })", "np.prod(m, axis=1, where=m > 4, dtype=i4)"],
  ["np.all(m, { where: m > 4 })", "bool(np.all(m, where=m > 4))"],
  ["np.full([2, 2], [1, 2])", "np.full((2, 2), np.array([1, 2], dtype=i4))"],
  ["np.dot(3, 4)", "int(np.dot(3, 4))"],
  // an axis that leaves no axes gives a 0-d array here (README: Compute), a scalar in NumPy
  ["np.mean(f, 0)", "np.array(np.mean(f, 0))"],
  ["np.argmax(m, 1)", "np.argmax(m, 1).astype(i4)"],
  ["np.concatenate([x, x], 0)", "np.concatenate([x, x], 0)"],
  ["np.stack([x, x], 1)", "np.stack([x, x], 1)"],
  ["np.transpose(m, { axes: [1, 0] })", "np.transpose(m, axes=(1, 0))"],
  ["np.squeeze(np.zeros([1, 3, 1]), { axis: 0 })", "np.squeeze(np.zeros([1, 3, 1]), axis=0)"],
  ["m.copy({ order: \"F\" })", "m.copy(order='F')"],
  ["f.astype(\"int32\", \"F\")", "f.astype('int32', 'F')"],
  ["np.array([1, 2], \"float32\")", "np.array([1, 2], 'float32')"],
  ["np.asarray(x, \"float64\")", "np.asarray(x, 'float64')"],
  ["np.arange(1, 5, 2, \"int8\")", "np.arange(1, 5, 2, 'int8')"],
  ["np.zeros([2, 3], \"float32\", \"F\").strides", "list(np.zeros([2, 3], 'float32', 'F').strides)"],
  ["np.ones(3, \"int8\")", "np.ones(3, 'int8')"],
  ["np.eye(3, 4, 1)", "np.eye(3, 4, 1)"],
  ["np.eye(3, 4, 1, \"int8\")", "np.eye(3, 4, 1, 'int8')"],
  ["np.eye(3, { M: 4, k: -1 })", "np.eye(3, M=4, k=-1)"],
  ["np.shares_memory(x, x[\"1:\"], 10)", "bool(np.shares_memory(x, x[1:], 10))"],
  ["np.add(x, x, np.zeros(4, { dtype: \"int32\" }))", "np.add(x, x, np.zeros(4, dtype=i4))"],
  ["const r = np.array([[0, 1], [2, 3]]); r.resize(2, 3); r", "r = np.array([[0, 1], [2, 3]], dtype=i4); r.resize((2, 3)); r"],
  ["const k: number = m.sum({ axis: 1, keepdims: true })[2][0]; k", "m.sum(axis=1, keepdims=True)[2][0].item()"],
  ["const c: boolean = (m > 4).item(5); c", "(m > 4).item(5)"],
  ["const w: NDArray = m; const q: number = np.asrank(w, 2, \"number\")[1, 2]; q", "m[1, 2].item()"],
];

describe.skipIf(!ok)("issue 9's examples type-check without casts and agree with NumPy", () => {
  let answers: NumpyAnswer[] = [];
  beforeAll(async () => {
    answers = await numpyBatch(PY_SETUP, ROWS.map(([, py]) => ({ py })));
    await value(SETUP);
  }, 120_000);

  it.each(ROWS.map((row, i) => [...row, i] as const))("%s  (NumPy: %s)", async (cell, _py, i) => {
    const want = numpyAnswer(answers[i], true);
    const got = await kernelAnswer(cell, true);
    if ("error" in want) {
      expect(got, `NumPy raised ${want.error}`).toHaveProperty("error");
      if ("error" in got) expect(got.error).toBe(want.error);
    } else expect(got).toEqual(want);
  });
});
