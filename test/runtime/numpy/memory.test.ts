/**
 * Differential test of memory overlap against NumPy 1.24: pairs of views of one buffer made by
 * generated chains (basic slices incl. negative steps, T, reshape, as_strided with overlapping
 * and zero strides; chains that copy are included: they must share nothing), over dtypes of itemsize 1, 2, 4, 8. Compared: shares_memory (exact),
 * shares_memory with max_work 1 and 0 (answer or TooHardError), may_share_memory (bounds and
 * exact), and byte_bounds measured from the buffer's start. `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import type { DType } from "../../../runtime/core/dtype.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, answerValue, countDifferences } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { prng, randomIndexString, randomReshape, type Rng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential memory-overlap tests against NumPy");

type MemOp =
  | { op: "index"; index: string }
  | { op: "T" }
  | { op: "reshape"; shape: number[] }
  | { op: "as_strided"; shape: number[]; strides: number[] };

function apply(x: NDArray, op: MemOp): NDArray {
  switch (op.op) {
    case "index": {
      const r = x.get(op.index);
      if (typeof r !== "object") throw new Error("scalar");
      return r;
    }
    case "T":
      return x.T;
    case "reshape":
      return x.reshape(op.shape);
    case "as_strided":
      return np.lib.stride_tricks.as_strided(x, op.shape, op.strides);
  }
}

function randomMemOp(r: Rng, x: NDArray): MemOp {
  const k = r.int(0, 5);
  if (k <= 1) return { op: "index", index: randomIndexString(r, x.shape) };
  if (k === 2) return { op: "T" };
  if (k === 3) return { op: "reshape", shape: randomReshape(r, x.size).map((d) => (d < 0 ? -1 : d)) };
  const nd = r.int(1, 3);
  const it = x.itemsize;
  return {
    op: "as_strided",
    shape: Array.from({ length: nd }, () => r.int(1, 5)),
    strides: Array.from({ length: nd }, () => r.int(-3, 4) * it * r.pick([1, 1, 2, 3])),
  };
}

/** Build a chain of ops that JS accepts (ops that throw are dropped: this test is about overlap). */
function chain(r: Rng, base: NDArray): MemOp[] {
  const ops: MemOp[] = [];
  let x = base;
  const n = r.int(1, 3);
  for (let tries = 0; ops.length < n && tries < 12; tries++) {
    const op = randomMemOp(r, x);
    try {
      x = apply(x, op);
      ops.push(op);
    } catch {
      /* out of bounds, bad reshape, scalar: try another */
    }
  }
  return ops;
}

interface Case {
  dtype: DType;
  n: number;
  shape: number[];
  a: MemOp[];
  b: MemOp[];
}

function outcome(f: () => boolean): unknown {
  try {
    return f();
  } catch (e) {
    return (e as Error).name;
  }
}

function runJs(c: Case): unknown {
  const base = np.zeros(c.n, { dtype: c.dtype }).reshape(c.shape);
  const x = c.a.reduce(apply, base);
  const y = c.b.reduce(apply, base);
  const start = base.data.byteOffset + base.offset;
  // a chain that copied (reshape of a non-contiguous view) lives in other memory (another `data`;
  // in wasm memory it may share the buffer, the whole memory): no offsets to compare
  const bb = (v: NDArray) => (v.data === base.data ? np.byte_bounds(v).map((p) => p - start) : "other");
  return [
    np.shares_memory(x, y),
    outcome(() => np.shares_memory(x, y, { max_work: 1 })),
    outcome(() => np.shares_memory(x, y, { max_work: 0 })),
    np.may_share_memory(x, y),
    np.may_share_memory(x, y, { max_work: -1 }),
    bb(x),
    bb(y),
  ];
}

const SCRIPT = String.raw`
from numpy.lib.stride_tricks import as_strided
def apply(x, op):
    k = op["op"]
    if k == "index": return eval("x[" + op["index"] + "]", {"x": x, "None": None})
    if k == "T": return x.T
    if k == "reshape": return x.reshape(op["shape"])
    return as_strided(x, op["shape"], op["strides"])

def outcome(f):
    try: return bool(f())
    except Exception as e: return type(e).__name__

def run(c):
    base = np.zeros(c["n"], dtype=c["dtype"]).reshape(c["shape"])
    x = base
    for op in c["a"]: x = apply(x, op)
    y = base
    for op in c["b"]: y = apply(y, op)
    start = base.__array_interface__["data"][0]
    def bb(v):
        lo, hi = [p - start for p in np.byte_bounds(v)]
        return [lo, hi] if 0 <= lo <= hi <= base.nbytes else "other"
    return [bool(np.shares_memory(x, y)),
            outcome(lambda: np.shares_memory(x, y, max_work=1)),
            outcome(lambda: np.shares_memory(x, y, max_work=0)),
            bool(np.may_share_memory(x, y)),
            bool(np.may_share_memory(x, y, max_work=-1)),
            bb(x), bb(y)]
`;

describe.skipIf(!ok)("memory overlap against NumPy", () => {
  it("shares_memory, may_share_memory, byte_bounds match on generated view pairs", async () => {
    const seed = announcedSeed("memory.test");
    const r = prng(seed);
    const cases: Case[] = [];
    for (let k = 0; k < 2000; k++) {
      const dtype = r.pick(["uint8", "int16", "int32", "float64"] as const);
      const n = r.int(1, 48);
      const shape = randomReshape(r, n).map((d) => Math.max(d, 0));
      if (shape.reduce((a, b) => a * b, 1) !== n) shape.splice(0, shape.length, n);
      const base = np.zeros(n, { dtype }).reshape(shape);
      cases.push({ dtype, n, shape, a: chain(r, base), b: r.chance(0.2) ? [] : chain(r, base) });
    }
    const js = cases.map(runJs);
    const answers = await numpyBatch(SCRIPT, cases);
    const wants = answers.map(answerValue);
    const sharedYes = wants.filter((w) => (w as unknown[])[0] === true).length;
    expect(countDifferences(cases, js, wants, 8)).toBe(0);
    // the generator must exercise both answers
    expect(sharedYes).toBeGreaterThan(cases.length / 10);
    expect(sharedYes).toBeLessThan(cases.length * 0.9);
  });
});
