/**
 * Differential test of indexing against NumPy 1.24: generated basic indices (strings mixed with
 * numbers), fancy indices (integer arrays, 1-D and 2-D, negative, out of range, with slices,
 * integers, None and ... around them, adjacent or not), boolean masks (right and wrong shapes),
 * for both `get` (values, shape, strides, flags, owndata) and `set` (the array after
 * assignment of scalars, floats, nested lists, broadcast rows and overlapping views of the same
 * array, which must be read before writing), and that both sides raise
 * the same errors with the same messages. Strides of length-1 axes of fancy results are not
 * compared (NumPy's iterator picks them arbitrarily; they never affect addressing).
 * `SEED=n` reproduces a run.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import type { IndexArg } from "../../../runtime/indexing/resolve.js";
import { numpyBatch } from "../../support/numpy.js";
import { announcedSeed, countDifferences } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { encodeJs, prng, randomComponent, randomIndexString, randomShape, type Rng } from "../core/random-cases.js";

const ok = requirement(missingPythonModules(["numpy"]), "differential indexing tests against NumPy");

type Comp = { s: string } | { n: number } | { arr: unknown } | { mask: unknown; asArray: boolean };

interface Case {
  shape: number[];
  order: "C" | "F";
  comps: Comp[];
  /** for set: the value (number or nested list); absent for get */
  value?: unknown;
  set: boolean;
}

function nested(r: Rng, shape: number[], leaf: () => unknown): unknown {
  if (shape.length === 0) return leaf();
  return Array.from({ length: shape[0] }, () => nested(r, shape.slice(1), leaf));
}

function randomComps(r: Rng, shape: number[]): Comp[] {
  const comps: Comp[] = [];
  const nd = shape.length;
  const mode = r.pick(["basic", "fancy", "fancy", "mask"] as const);
  if (mode === "basic" || nd === 0) {
    const k = r.int(1, 3);
    for (let i = 0; i < k; i++) {
      if (r.chance(0.4) && i < nd) comps.push({ n: r.int(-shape[i] - 1, shape[i]) });
      else comps.push({ s: randomIndexString(r, shape.slice(i, i + 1)) });
    }
    return comps;
  }
  if (mode === "mask") {
    const p = r.int(0, nd - 1);
    for (let i = 0; i < p; i++) comps.push({ s: r.chance(0.5) ? ":" : randomComponent(r, shape[i], false) });
    const k = r.int(1, nd - p);
    const mshape = shape.slice(p, p + k);
    if (r.chance(0.08)) mshape[r.int(0, k - 1)] += 1;
    // an empty JS list is an integer index in NumPy too, so empty masks go as bool NDArrays
    comps.push({ mask: nested(r, mshape, () => r.chance(0.5)), asArray: mshape.includes(0) || r.chance(0.5) });
    if (r.chance(0.3)) comps.push({ s: r.pick(["...", ":", "None"]) });
    return comps;
  }
  // fancy: one or two integer arrays somewhere, other axes sliced / integer / untouched
  const positions = new Set<number>([r.int(0, nd - 1)]);
  if (nd > 1 && r.chance(0.4)) positions.add(r.int(0, nd - 1));
  const last = Math.max(...positions);
  const ashape = r.chance(0.7) ? [r.int(0, 4)] : [r.int(1, 3), r.int(1, 3)];
  for (let i = 0; i <= last; i++) {
    if (r.chance(0.1)) comps.push({ s: "None" });
    if (positions.has(i)) {
      const n = shape[i];
      const leaf = () => (n === 0 || r.chance(0.03) ? n + r.int(0, 2) : r.int(-n, n - 1));
      const sh = r.chance(0.2) ? [ashape[ashape.length - 1]] : ashape; // broadcasting partners
      comps.push({ arr: nested(r, sh, leaf) });
    } else if (r.chance(0.3) && shape[i] > 0) comps.push({ n: r.int(-shape[i], shape[i] - 1) });
    else comps.push({ s: randomComponent(r, shape[i], false) });
  }
  if (r.chance(0.2)) comps.push({ s: "..." });
  return comps;
}

function toArgs(comps: Comp[]): IndexArg[] {
  return comps.map((c) => {
    if ("s" in c) return c.s;
    if ("n" in c) return c.n;
    if ("arr" in c) return c.arr as IndexArg;
    return c.asArray ? np.array(c.mask as boolean[], { dtype: "bool" }) : (c.mask as IndexArg);
  });
}

function dropUnitStrides(x: unknown): unknown {
  if (x && typeof x === "object" && "__ndarray__" in (x as object)) {
    const e = x as { shape: number[]; strides: number[] };
    return { ...e, strides: e.strides.map((s, i) => (e.shape[i] === 1 ? "*" : s)) };
  }
  return x;
}

function runJs(c: Case): unknown {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const a: NDArray = np.arange(size).reshape(c.shape, { order: c.order }).copy(c.order);
  try {
    if (!c.set) {
      const r = a.get(...toArgs(c.comps));
      return { ok: dropUnitStrides(encodeJs(r)) };
    }
    const value = c.value !== null && typeof c.value === "object" && "view" in (c.value as object) ? a.get((c.value as { view: string }).view) : c.value;
    a.set(...toArgs(c.comps), value as number);
    return { ok: a.tolist() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

const SCRIPT = String.raw`
def build(comps):
    parts = []
    for c in comps:
        if "s" in c:
            v = eval("np.s_[" + c["s"] + "]", {"np": np, "None": None})
            if isinstance(v, tuple): parts.extend(v)
            else: parts.append(v)
        elif "n" in c: parts.append(c["n"])
        elif "arr" in c: parts.append(np.array(c["arr"], dtype=np.intp))
        else: parts.append(np.array(c["mask"], dtype=bool))
    return tuple(parts)

def unit(e):
    if isinstance(e, dict) and "__ndarray__" in e:
        e["strides"] = ["*" if n == 1 else s for n, s in zip(e["shape"], e["strides"])]
    return e

def run(c):
    size = int(np.prod(c["shape"])) if c["shape"] else 1
    a = np.arange(size, dtype=np.int32).reshape(c["shape"], order=c["order"]).copy(order=c["order"])
    idx = build(c["comps"])
    if not c["set"]:
        return unit(enc(a[idx]))
    v = c["value"]
    if isinstance(v, dict): v = eval("a[" + v["view"] + "]", {"a": a, "None": None})
    a[idx] = v
    return a.tolist()
`;

describe.skipIf(!ok)("indexing against NumPy", () => {
  it("get and set match NumPy on generated indices", async () => {
    const seed = announcedSeed("indexing.test");
    const r = prng(seed);
    const cases: Case[] = [];
    for (let n = 0; n < 2500; n++) {
      const shape = randomShape(r, 3, 4);
      const comps = randomComps(r, shape);
      const set = r.chance(0.4);
      let value: unknown;
      if (set) {
        const kind = r.int(0, 4);
        // kind 4: another view of the same array (overlapping source and destination)
        value = kind === 4 ? { view: randomIndexString(r, shape) } : kind === 0 ? r.int(-9, 99) : kind === 1 ? r.pick([2.7, -2.7, 0.5]) : kind === 2 ? [r.int(100, 200)] : nested(r, [r.int(1, 4)], () => r.int(100, 200));
      }
      cases.push({ shape, order: r.pick(["C", "F"] as const), comps, value, set });
    }
    const js = cases.map(runJs);
    const answers = await numpyBatch(SCRIPT, cases);
    expect(countDifferences(cases, js, answers, 8)).toBe(0);
  });
});
