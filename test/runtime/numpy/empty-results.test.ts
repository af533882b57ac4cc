/**
 * Fresh results of size 0 against NumPy 1.24: NumPy gives every new empty array all-zero strides
 * (PyArray_NewFromDescr), whatever the operands' layout. Generated shapes with a 0 somewhere, the
 * operands C, F, reversed, strided or transposed (made as NumPy makes them: a fresh empty array,
 * then sliced or transposed), through unary and binary ufuncs (broadcasting, weak scalars,
 * `dtype`, `where`), clip, divmod, where, cumsum, sort, and sum, prod and count_nonzero with keepdims (whose result
 * may be non-empty, as count_nonzero's (4, 1, 1) of a (4, 0, 2) array); shape, dtype and strides
 * compared (NumPy's int64 counts as int32). `SEED=n` reproduces a run.
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { prng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "strides of empty results against NumPy");

const OPS = ["negative", "sqrt", "add", "add_scalar", "multiply_bcast", "less", "add_dtype", "add_where", "clip", "divmod", "where3", "cumsum", "sort", "sum_keepdims", "count_nonzero", "prod_keepdims"] as const;
type Op = (typeof OPS)[number];

interface Case {
  op: Op;
  dtype: DType;
  shape: number[];
  layout: "C" | "F" | "reversed" | "strided" | "T";
  axis: number | number[] | null;
}

const SCRIPT = String.raw`
def make(c):
    sh = tuple(c["shape"])
    if c["layout"] == "C": return np.zeros(sh, dtype=c["dtype"])
    if c["layout"] == "F": return np.zeros(sh, dtype=c["dtype"], order="F")
    if c["layout"] == "reversed": return np.zeros(sh, dtype=c["dtype"])[..., ::-1]
    if c["layout"] == "strided": return np.zeros(tuple(2 * d for d in sh), dtype=c["dtype"])[tuple(slice(None, None, 2) for _ in sh)]
    return np.zeros(sh[::-1], dtype=c["dtype"]).T

def run(c):
    a = make(c)
    op = c["op"]
    ax = tuple(c["axis"]) if isinstance(c["axis"], list) else c["axis"]
    if op == "negative": r = np.negative(a)
    elif op == "sqrt": r = np.sqrt(a)
    elif op == "add": r = np.add(a, a)
    elif op == "add_scalar": r = np.add(a, 1)
    elif op == "multiply_bcast": r = np.multiply(a, np.ones(a.shape[-1:], dtype=a.dtype))
    elif op == "less": r = np.less(a, a)
    elif op == "add_dtype": r = np.add(a, a, dtype="float32")
    elif op == "add_where": r = np.add(a, a, where=np.ones(a.shape, dtype=bool))
    elif op == "clip": r = np.clip(a, 0, 1)
    elif op == "divmod": r = np.divmod(a, 2)[1]
    elif op == "where3": r = np.where(a > 0, a, a)
    elif op == "cumsum": r = np.cumsum(a, axis=ax, dtype="float64")
    elif op == "sort": r = np.sort(a, axis=ax)
    elif op == "sum_keepdims": r = np.sum(a, axis=ax, keepdims=True, dtype="float64")
    elif op == "count_nonzero": r = np.count_nonzero(a, axis=ax, keepdims=True)
    else: r = np.prod(a, axis=ax, keepdims=True, dtype="float64")
    isz = 4 if r.dtype == np.int64 else r.dtype.itemsize
    return {"shape": list(r.shape), "dtype": "int32" if r.dtype == np.int64 else str(r.dtype), "strides": [s // r.dtype.itemsize * isz for s in r.strides]}
`;

function make(c: Case): NDArray {
  const opts = { dtype: c.dtype };
  if (c.layout === "C") return np.zeros(c.shape, opts);
  if (c.layout === "F") return np.zeros(c.shape, { ...opts, order: "F" });
  if (c.layout === "reversed") return np.zeros(c.shape, opts).get("..., ::-1");
  if (c.layout === "strided") return np.zeros(c.shape.map((d) => 2 * d), opts).get(c.shape.map(() => "::2").join(", ")) as NDArray;
  return np.zeros(c.shape.slice().reverse(), opts).T;
}

function run(c: Case): NDArray {
  const a = make(c);
  const axis = c.axis;
  switch (c.op) {
    case "negative": return np.negative(a);
    case "sqrt": return np.sqrt(a);
    case "add": return np.add(a, a);
    case "add_scalar": return np.add(a, 1);
    case "multiply_bcast": return np.multiply(a, np.ones(a.shape.slice(-1), { dtype: a.dtype }));
    case "less": return np.less(a, a);
    case "add_dtype": return np.add(a, a, { dtype: "float32" });
    case "add_where": return np.add(a, a, { where: np.ones(a.shape, { dtype: "bool" }) });
    case "clip": return np.clip(a, 0, 1);
    case "divmod": return np.divmod(a, 2)[1];
    case "where3": return np.where(np.greater(a, 0), a, a);
    case "cumsum": return np.cumsum(a, { axis: axis as number | null, dtype: "float64" });
    case "sort": return np.sort(a, { axis: axis as number | null });
    case "sum_keepdims": return np.sum(a, { axis, keepdims: true, dtype: "float64" }) as NDArray;
    case "count_nonzero": return np.count_nonzero(a, { axis, keepdims: true });
    default: return np.prod(a, { axis, keepdims: true, dtype: "float64" }) as NDArray;
  }
}

describe.skipIf(!ok)("empty results against NumPy", () => {
  it("shape, dtype and strides of fresh results of size 0 (and of reductions over them)", async () => {
    const r = prng(announcedSeed("empty-results.test"));
    const cases: Case[] = Array.from({ length: 300 }, () => {
      const nd = r.int(1, 3);
      const shape = Array.from({ length: nd }, () => r.int(1, 4));
      shape[r.int(0, nd - 1)] = 0;
      const op = r.pick(OPS);
      const dtype = op === "sqrt" ? r.pick(["float64", "float32"] as DType[]) : r.pick(["float64", "float32", "int32", "int16", "uint8"] as DType[]);
      const oneAxis = r.int(-nd, nd - 1);
      const axes = Array.from({ length: nd }, (_, i) => i).filter(() => r.chance(0.5));
      const axis = op === "cumsum" || op === "sort" ? r.pick([null, oneAxis]) : op.endsWith("keepdims") || op === "count_nonzero" ? r.pick([null, oneAxis, axes]) : null;
      return { op, dtype, shape, layout: r.pick(["C", "F", "reversed", "strided", "T"] as const), axis };
    });
    const answers = (await numpyBatch(SCRIPT, cases)).map(answerValue);
    expectNoneDiffer(cases, (c, i) => {
      let got: unknown;
      try {
        const res = run(c);
        const dtype = res.dtype === "int64" ? "int32" : res.dtype;
        got = { shape: res.shape, dtype, strides: res.strides.map((s) => (s / res.itemsize) * (res.dtype === "int64" ? 4 : res.itemsize)) };
      } catch (e) {
        got = { error: (e as Error).name, message: (e as Error).message };
      }
      return JSON.stringify(got) === JSON.stringify(answers[i]) ? null : `${JSON.stringify(c)}: js ${JSON.stringify(got)} np ${JSON.stringify(answers[i])}`;
    }, 10);
  });
});
