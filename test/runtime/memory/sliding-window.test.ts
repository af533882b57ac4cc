/**
 * `np.lib.stride_tricks.sliding_window_view` against NumPy 1.24: the same values, shape, strides
 * (bytes) and writeable flag on C, F, transposed, reversed and sliced arrays, windows along every
 * axis or chosen ones (negative, repeated), empty windows; NumPy's error and words for a
 * negative window, a window too large, a count that does not match the axes, an axis out of range.
 * The result is a view of the array's memory (shares_memory), read-only unless asked.
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";

const ok = requirement(missingPythonModules(["numpy"]), "sliding_window_view differential tests against NumPy");

type Layout = "C" | "F" | "T" | "reversed" | "sliced";
interface Case {
  shape: number[];
  layout: Layout;
  window: number | number[];
  axis?: number | number[];
  writeable?: boolean;
}

const SCRIPT = `
from numpy.lib.stride_tricks import sliding_window_view
def base(c):
    n = int(np.prod(c['shape'])) if c['shape'] else 1
    a = np.arange(n, dtype=np.int32).reshape(c['shape'])
    l = c['layout']
    if l == 'F': return np.asfortranarray(a)
    if l == 'T': return a.T
    if l == 'reversed': return a[::-1]
    if l == 'sliced': return a[..., ::2]
    return a
def run(c):
    a = base(c)
    kw = {}
    if 'axis' in c: kw['axis'] = tuple(c['axis']) if isinstance(c['axis'], list) else c['axis']
    if 'writeable' in c: kw['writeable'] = c['writeable']
    w = c['window']
    v = sliding_window_view(a, tuple(w) if isinstance(w, list) else w, **kw)
    return {'values': v.tolist(), 'shape': list(v.shape), 'strides': list(v.strides), 'writeable': bool(v.flags.writeable), 'shares': bool(np.shares_memory(a, v))}
`;

function base(c: Case): NDArray {
  const n = c.shape.reduce((p, d) => p * d, 1);
  const a = np.arange(n, { dtype: "int32" }).reshape(c.shape);
  switch (c.layout) {
    case "F":
      return np.asfortranarray(a);
    case "T":
      return a.T;
    case "reversed":
      return a.get("::-1") as NDArray;
    case "sliced":
      return a.get("..., ::2") as NDArray;
    default:
      return a;
  }
}

function ours(c: Case): unknown {
  const a = base(c);
  const v = np.lib.stride_tricks.sliding_window_view(a, c.window, { axis: c.axis, writeable: c.writeable });
  return { values: v.tolist(), shape: v.shape, strides: v.strides, writeable: v.flags.writeable, shares: np.shares_memory(a, v) };
}

const CASES: Case[] = [];
for (const layout of ["C", "F", "T", "reversed", "sliced"] as Layout[]) {
  CASES.push(
    { shape: [6], layout: layout === "T" || layout === "F" ? "C" : layout, window: 3 },
    { shape: [6], layout: "C", window: [6] },
    { shape: [6], layout: "C", window: 0 },
    { shape: [3, 4], layout, window: [2, 2] },
    { shape: [3, 4], layout, window: 2, axis: 1 },
    { shape: [3, 4], layout, window: 2, axis: -2 },
    { shape: [3, 4], layout, window: [2, 1], axis: [1, 1] },
    { shape: [3, 4], layout, window: [1, 2], axis: [0, -1] },
    { shape: [2, 3, 4], layout, window: [2, 2], axis: [2, 0] },
    { shape: [2, 3, 4], layout, window: 3, axis: 1, writeable: true },
    // NumPy's errors
    { shape: [3, 4], layout, window: [-1, 2] },
    { shape: [3, 4], layout, window: 5, axis: 1 },
    { shape: [3, 4], layout, window: 2 },
    { shape: [3, 4], layout, window: [2, 2], axis: 0 },
    { shape: [3, 4], layout, window: 2, axis: 2 },
  );
}

describe.skipIf(!ok)("sliding_window_view against NumPy", () => {
  it(`agrees on ${CASES.length} fixed cases (values, shape, strides, writeable, a view; errors in NumPy's words)`, async () => {
    const answers = await numpyBatch(SCRIPT, CASES);
    expectNoneDiffer(CASES, (c, i) => {
      const theirs = answers[i];
      let mine: unknown;
      try {
        mine = ours(c);
      } catch (e) {
        const err = e as Error;
        if ("error" in theirs) return err.name === theirs.error && err.message === theirs.message ? null : `${JSON.stringify(c)}: we raised ${err.name}: ${err.message}, numpy ${theirs.error}: ${theirs.message}`;
        return `${JSON.stringify(c)}: we raised ${err.name}: ${err.message}, numpy answered`;
      }
      if ("error" in theirs) return `${JSON.stringify(c)}: numpy raised ${theirs.error}: ${theirs.message}, we answered`;
      return JSON.stringify(mine) === JSON.stringify(theirs.ok) ? null : `${JSON.stringify(c)}: ours ${JSON.stringify(mine)}, numpy ${JSON.stringify(theirs.ok)}`;
    }, 6);
  });
});

describe("sliding_window_view", () => {
  it("is a view: a write through the array shows in every window that holds the element", () => {
    const x = np.arange(6);
    const w = np.lib.stride_tricks.sliding_window_view(x, 3);
    expect(w.base === x || w.base === x.base).toBe(true);
    x.set(2, 99);
    expect(w.tolist()).toEqual([[0, 1, 99], [1, 99, 3], [99, 3, 4], [3, 4, 5]]);
    expect(() => w.set(0, 0, 1)).toThrow("assignment destination is read-only");
  });
  it("takes a moving average without copying the data", () => {
    const w = np.lib.stride_tricks.sliding_window_view(np.arange(6, { dtype: "float64" }), 3);
    expect(w.mean({ axis: -1 }).tolist()).toEqual([1, 2, 3, 4]);
  });
  it("says what it needs for non-integers", () => {
    expect(() => np.lib.stride_tricks.sliding_window_view(np.arange(6), 2.5)).toThrow(TypeError);
  });
});
