/**
 * Differential test of array creation and layout against NumPy 1.24, on generated cases:
 * arange (int and float arguments, negative steps, empty ranges, float32), linspace (endpoint,
 * num 0/1, integer dtype), eye (k, M), full/zeros/ones with order, *_like / copy / astype with
 * every order on C, F, transposed, negatively strided and sliced prototypes (NumPy's K layout),
 * concatenate/stack layouts, ascontiguousarray/asfortranarray identity, and the flags text.
 * `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, countDifferences } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { encodeJs, PY_APPLY_OP, prng, randomIndexString, randomShape, type Rng, type ViewOp } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential creation tests against NumPy");

type Case =
  | { f: "arange"; args: number[]; dtype?: string }
  | { f: "linspace"; start: number; stop: number; num: number; endpoint: boolean; dtype?: string }
  | { f: "eye"; N: number; M: number | null; k: number; dtype?: string }
  | { f: "full"; shape: number[]; value: number; order: "C" | "F"; dtype?: string }
  | { f: "like"; which: "empty_like" | "zeros_like" | "ones_like" | "full_like" | "copy" | "np.copy" | "astype" | "array" | "flags" | "ascontiguousarray" | "asfortranarray" | "concatenate" | "stack"; shape: number[]; order: "C" | "F"; ops: ViewOp[]; arg: string; axis: number };

function proto(shape: number[], order: "C" | "F", ops: ViewOp[]): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  let x: NDArray = np.arange(size).reshape(shape, { order }).copy(order);
  for (const op of ops) {
    if (op.op === "T") x = x.T;
    else if (op.op === "index") x = x.get(op.index) as NDArray;
    else if (op.op === "transpose") x = x.transpose(op.axes);
  }
  return x;
}

function runJs(c: Case): unknown {
  try {
    switch (c.f) {
      case "arange":
        return encodeJs(c.dtype ? np.arange(...c.args, { dtype: c.dtype as "int32" }) : np.arange(...c.args));
      case "linspace":
        return encodeJs(np.linspace(c.start, c.stop, c.num, { endpoint: c.endpoint, dtype: c.dtype as "float64" | undefined }));
      case "eye":
        return encodeJs(np.eye(c.N, c.M, { k: c.k, dtype: c.dtype as "float64" | undefined }));
      case "full":
        return encodeJs(np.full(c.shape, c.value, { order: c.order, dtype: c.dtype as "float64" | undefined }));
      case "like": {
        const p = proto(c.shape, c.order, c.ops);
        const o = c.arg as "K";
        switch (c.which) {
          case "empty_like":
            return encodeJs(np.empty_like(p, { order: o }));
          case "zeros_like":
            return encodeJs(np.zeros_like(p, { order: o, dtype: "float64" }));
          case "ones_like":
            return encodeJs(np.ones_like(p, { order: o }));
          case "full_like":
            return encodeJs(np.full_like(p, 2.5, { order: o }));
          case "copy":
            return encodeJs(p.copy(o));
          case "np.copy":
            return encodeJs(np.copy(p, { order: o }));
          case "astype":
            return encodeJs(p.astype("float32", { order: o }));
          case "array":
            return encodeJs(np.array(p, { order: o }));
          case "flags":
            return String(p.flags);
          case "ascontiguousarray": {
            const r = np.ascontiguousarray(p);
            return [encodeJs(r), r === p, r.base === p.base && r.base !== null ? "same-base" : r.base === p ? "p" : r.base === null ? "none" : "other"];
          }
          case "asfortranarray": {
            const r = np.asfortranarray(p);
            return [encodeJs(r), r === p, r.base === p.base && r.base !== null ? "same-base" : r.base === p ? "p" : r.base === null ? "none" : "other"];
          }
          case "concatenate":
            return encodeJs(np.concatenate([p, p.copy("K"), p], { axis: c.axis }));
          case "stack":
            return encodeJs(np.stack([p, p], { axis: c.axis }));
        }
      }
    }
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
  return null;
}

const SCRIPT =
  PY_APPLY_OP +
  String.raw`
def proto(c):
    size = int(np.prod(c["shape"])) if c["shape"] else 1
    x = np.arange(size, dtype=np.int32).reshape(c["shape"], order=c["order"]).copy(order=c["order"])
    for op in c["ops"]: x = apply_op(x, op)
    return x

def rel(r, p):
    if r.base is not None and r.base is p.base: return "same-base"
    if r.base is p: return "p"
    if r.base is None: return "none"
    return "other"

def run(c):
    f = c["f"]
    try:
        if f == "arange":
            dt = c.get("dtype")
            if dt is None:
                dt = np.int32 if all(float(v).is_integer() for v in c["args"]) else np.float64
            return np.arange(*c["args"], dtype=dt)
        if f == "linspace": return np.linspace(c["start"], c["stop"], c["num"], endpoint=c["endpoint"], dtype=c.get("dtype"))
        if f == "eye": return np.eye(c["N"], c["M"], k=c["k"], dtype=c.get("dtype") or float)
        if f == "full":
            dt = c.get("dtype") or (np.int32 if float(c["value"]).is_integer() else np.float64)
            return np.full(c["shape"], c["value"], order=c["order"], dtype=dt)
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}
    p = proto(c)
    o = c["arg"]
    w = c["which"]
    try:
        if w == "empty_like": return np.zeros_like(p, order=o)
        if w == "zeros_like": return np.zeros_like(p, order=o, dtype=np.float64)
        if w == "ones_like": return np.ones_like(p, order=o)
        if w == "full_like": return np.full_like(p, 2.5, order=o)
        if w == "copy": return p.copy(order=o)
        if w == "np.copy": return np.copy(p, order=o)
        if w == "astype": return p.astype(np.float32, order=o)
        if w == "array": return np.array(p, order=o)
        if w == "flags": return str(p.flags)
        if w == "ascontiguousarray":
            r = np.ascontiguousarray(p); return [r, r is p, rel(r, p)]
        if w == "asfortranarray":
            r = np.asfortranarray(p); return [r, r is p, rel(r, p)]
        if w == "concatenate": return np.concatenate([p, p.copy(order="K"), p], axis=c["axis"])
        if w == "stack": return np.stack([p, p], axis=c["axis"])
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}
`;

function num(r: Rng): number {
  return (r.chance(0.6) ? r.int(-10, 10) : Math.round((r.rand() * 20 - 10) * 8) / 8) + 0; // + 0: no -0 (JSON sends it as 0)
}

function genCase(r: Rng): Case {
  switch (r.int(0, 6)) {
    case 0: {
      const n = r.int(1, 3);
      const args = Array.from({ length: n }, () => num(r));
      if (n === 3 && args[2] === 0) args[2] = r.pick([0.1, -0.3, 3]);
      if (n === 3 && r.chance(0.3)) args[2] = r.pick([0.1, 0.2, 0.3, -0.1, 1 / 3]);
      return { f: "arange", args, dtype: r.chance(0.15) ? r.pick(["float32", "float64"]) : undefined };
    }
    case 1:
      return { f: "linspace", start: num(r), stop: num(r), num: r.pick([0, 1, 2, 5, 7, 50]), endpoint: r.chance(0.7), dtype: r.chance(0.2) ? r.pick(["int32", "float32"]) : undefined };
    case 2:
      return { f: "eye", N: r.int(0, 5), M: r.chance(0.5) ? r.int(0, 5) : null, k: r.int(-4, 4), dtype: r.chance(0.3) ? "int32" : undefined };
    case 3:
      return { f: "full", shape: randomShape(r, 3), value: num(r), order: r.pick(["C", "F"] as const) };
    default: {
      const shape = randomShape(r, 4);
      const ops: ViewOp[] = [];
      if (r.chance(0.4)) ops.push({ op: "T" });
      if (r.chance(0.5)) {
        const cur = ops.length ? shape.slice().reverse() : shape;
        const idx = randomIndexString(r, cur).replace(/, *-?\d+(?=,|$)/g, ", :");
        if (!/^\s*-?\d+\s*$/.test(idx)) ops.push({ op: "index", index: idx });
      }
      const which = r.pick(["empty_like", "zeros_like", "ones_like", "full_like", "copy", "np.copy", "astype", "array", "flags", "ascontiguousarray", "asfortranarray", "concatenate", "stack"] as const);
      return { f: "like", which, shape, order: r.pick(["C", "F"] as const), ops, arg: r.pick(["C", "F", "A", "K"]), axis: r.int(-2, 2) };
    }
  }
}

/** float32 aranges with fractional start and step, where NumPy rounds the fill's delta to float32. */
function float32Range(r: Rng): Case {
  const frac = (): number => Math.round((r.rand() * 2 - 1) * 400) / 100 + 0;
  const start = frac();
  let step = r.pick([0.1, 0.3, -0.3, 1 / 3, 0.7, frac()]);
  if (step === 0) step = 0.3;
  return { f: "arange", args: [start, start + step * r.int(0, 40), step], dtype: "float32" };
}

describe.skipIf(!ok)("creation and layout against NumPy", () => {
  it("matches NumPy on generated cases", async () => {
    const seed = announcedSeed("create.test");
    const r = prng(seed);
    const cases = [...Array.from({ length: 2000 }, () => genCase(r)), ...Array.from({ length: 200 }, () => float32Range(r))];
    const js = cases.map(runJs);
    const answers = await numpyBatch(SCRIPT, cases);
    expect(countDifferences(cases, js, answers.map(answerValue), 8)).toBe(0);
  });
});
