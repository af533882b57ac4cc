/**
 * Differential test of indexing against NumPy 1.24: generated basic indices (strings mixed with
 * numbers), fancy indices (integer arrays, 1-D and 2-D, negative, out of range, with slices,
 * integers (in and out of range), None and ... around them, adjacent or not), boolean masks (right and wrong shapes),
 * for both `get` (values, shape, strides, flags, owndata) and `set` (the array after
 * assignment of scalars, floats, nested lists, broadcast rows and overlapping views of the same
 * array, which must be read before writing), and that both sides raise
 * the same errors with the same messages. Index arrays come as lists, F-ordered arrays and
 * reversed views (NumPy lays a fancy result out in their order when the subspace has one
 * element); every stride is compared, length-1 axes' too.
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

/** An integer index array: a nested list, or (lay) an F-ordered array or a reversed view of one. */
type Comp = { s: string } | { n: number } | { arr: unknown; lay?: "F" | "rev" } | { mask: unknown; asArray: boolean };

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
      const u = r.rand();
      // the index arrays' memory order sets the result's when the subspace has one element
      comps.push(u < 0.7 ? { arr: nested(r, sh, leaf) } : { arr: nested(r, sh, leaf), lay: u < 0.85 ? "F" : "rev" });
    } else if (r.chance(0.3) && shape[i] > 0) {
      // now and then out of range: NumPy checks integers before the index arrays, even for an empty result
      comps.push({ n: r.chance(0.06) ? r.pick([-1, 1]) * (shape[i] + r.int(0, 2)) : r.int(-shape[i], shape[i] - 1) });
    }
    else comps.push({ s: randomComponent(r, shape[i], false) });
  }
  if (r.chance(0.2)) comps.push({ s: "..." });
  return comps;
}

/** An int32 array of nested list `arr` laid out as `lay` (F order, or a reversed view of a copy). */
function laidOut(arr: unknown, lay: "F" | "rev"): NDArray {
  const a = np.array(arr as number[], { dtype: "int32" });
  return lay === "F" ? np.asfortranarray(a) : (a.get("::-1") as NDArray).copy().get("::-1");
}

function toArgs(comps: Comp[]): IndexArg[] {
  return comps.map((c) => {
    if ("s" in c) return c.s;
    if ("n" in c) return c.n;
    if ("arr" in c) return c.lay === undefined ? (c.arr as IndexArg) : laidOut(c.arr, c.lay);
    return c.asArray ? np.array(c.mask as boolean[], { dtype: "bool" }) : (c.mask as IndexArg);
  });
}

function runJs(c: Case): unknown {
  const size = c.shape.reduce((a, b) => a * b, 1);
  const a: NDArray = np.arange(size).reshape(c.shape, { order: c.order }).copy(c.order);
  try {
    if (!c.set) {
      const r = a.get(...toArgs(c.comps));
      return { ok: encodeJs(r) };
    }
    const v = c.value;
    const value =
      v !== null && typeof v === "object" && "view" in v
        ? a.get((v as { view: string }).view)
        : v !== null && typeof v === "object" && "lay" in v
          ? laidOut((v as { arr: unknown; lay: "F" | "rev" }).arr, (v as { arr: unknown; lay: "F" | "rev" }).lay)
          : v;
    a.set(...toArgs(c.comps), value as number);
    return { ok: a.tolist() };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

const SCRIPT = String.raw`
def laid(arr, lay, dtype=np.int32):
    x = np.array(arr, dtype=dtype)
    return np.asfortranarray(x) if lay == "F" else x[::-1].copy()[::-1] if lay == "rev" else x

def build(comps):
    parts = []
    for c in comps:
        if "s" in c:
            v = eval("np.s_[" + c["s"] + "]", {"np": np, "None": None})
            if isinstance(v, tuple): parts.extend(v)
            else: parts.append(v)
        elif "n" in c: parts.append(c["n"])
        elif "arr" in c:
            parts.append(laid(c["arr"], c.get("lay"), np.intp))
        else: parts.append(np.array(c["mask"], dtype=bool))
    return tuple(parts)

def run(c):
    size = int(np.prod(c["shape"])) if c["shape"] else 1
    a = np.arange(size, dtype=np.int32).reshape(c["shape"], order=c["order"]).copy(order=c["order"])
    idx = build(c["comps"])
    if not c["set"]:
        return enc(a[idx])
    v = c["value"]
    if isinstance(v, dict) and "view" in v: v = eval("a[" + v["view"] + "]", {"a": a, "None": None})
    elif isinstance(v, dict): v = laid(v["arr"], v["lay"])
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

  it("follows NumPy's order over F-ordered and reversed index arrays and values", async () => {
    // with repeated indices the last write wins in NumPy's iteration order, which follows the
    // index arrays' and the value's memory order when the subspace has one element (C order
    // otherwise); an out-of-bounds index is reported in NumPy's visiting order too
    const lays = [undefined, "F", "rev"] as const;
    const idx = (arr: unknown, lay: (typeof lays)[number]): Comp => (lay === undefined ? { arr } : { arr, lay });
    const cases: Case[] = [];
    const rep = [[0, 1], [1, 0]];
    for (const il of lays) {
      const forms: Comp[][] = [[idx(rep, il)], [idx(rep, il), { n: 0 }], [idx(rep, il), { s: ":1" }], [idx(rep, il), idx(rep, il)], [{ s: ":" }, idx(rep, il)]];
      for (const comps of forms) {
        for (const vl of lays) cases.push({ shape: [3, 3], order: "C", comps, value: vl === undefined ? [[101, 102], [103, 104]] : { arr: [[101, 102], [103, 104]], lay: vl }, set: true });
        cases.push({ shape: [3], order: "C", comps: comps.slice(0, 1), value: { arr: [[101, 102], [103, 104]], lay: "F" }, set: true });
      }
      const bad = [[0, 1, 1], [1, 4, -2], [3, 0, -2]];
      const bad2 = [[0, 1], [9, 1], [7, 2]];
      for (const [shape, comps] of [
        [[2, 3], [idx(bad, il)]],
        [[2, 3], [idx(bad, il), { s: ":" }]],
        [[2, 3], [idx(bad, il), { s: ":1" }]],
        [[2, 3], [{ s: ":" }, idx(bad, il)]],
        [[2, 3], [idx(bad, il), { n: 0 }]],
        [[2, 3], [idx(bad, il), idx(bad, il)]],
        [[2, 3, 4], [idx(bad, il), { n: 0 }]],
        [[2, 3, 4], [idx(bad, il), { s: ":" }, { n: 0 }]],
        [[5], [idx(bad2, il)]],
        [[5, 5], [idx(bad2, il)]],
        [[5, 5], [idx(bad2, il), { s: ":1" }]],
        [[5, 5], [idx(bad2, il), idx([[0, 0], [0, 0], [0, 0]], undefined)]],
        [[5], [idx([0, 1, 5, 7], il)]],
        [[2, 2], [idx([5], il), { n: 7 }]],
        [[2, 2], [idx([], il), { n: 7 }]],
      ] as [number[], Comp[]][]) {
        cases.push({ shape, order: "C", comps, set: false });
        cases.push({ shape, order: "C", comps, value: 1, set: true });
      }
    }
    const js = cases.map(runJs);
    const answers = await numpyBatch(SCRIPT, cases);
    expect(countDifferences(cases, js, answers, 8)).toBe(0);
  });
});
