/**
 * Reductions whose inner runs are elementwise (`m.sum({ axis: 0 })` of a C array, axis 1 of an F
 * array, a middle axis of a 3-D array): each result element adds its inputs one by one in order,
 * as NumPy's `io1 = io1 + in2` loop does. These runs go through the wasm add loop when the arrays
 * live in wasm memory (reduce/walk.ts rowsIntoF64, addIntoF64); the reference here is the
 * sequential JavaScript sum, compared bit for bit (Object.is: -0, NaN), on values with NaN, ±0,
 * ±inf and subnormals, in every layout the walk meets (C, F, reversed, strided views).
 */
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { inWasmMemory } from "../../../runtime/wasm/heap.js";
import { wasm } from "../../../runtime/wasm/instance.js";

const POOL = [0, -0, 1.5, -2.25, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2.2250738585072014e-308, 1e308, -1e308];

function values(n: number, seed: number, special: number): number[] {
  let s = seed;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    out.push(s % 100 < special ? POOL[s % POOL.length] : (s / 2147483647 - 0.5) * 10 ** ((s % 7) - 3));
  }
  return out;
}

/** The sum over `axis` of `a`, element by element in increasing index along the axis: the reference. */
function sequentialSum(a: NDArray, axis: number): number[] {
  const shape = a.shape;
  const outShape = shape.filter((_, k) => k !== axis);
  const outSize = outShape.reduce((p, q) => p * q, 1);
  const ref: number[] = [];
  for (let f = 0; f < outSize; f++) {
    const idx: number[] = [];
    let rest = f;
    for (let k = outShape.length - 1; k >= 0; k--) {
      idx.unshift(rest % outShape[k]);
      rest = Math.floor(rest / outShape[k]);
    }
    let acc = 0;
    for (let r = 0; r < shape[axis]; r++) {
      const full = [...idx.slice(0, axis), r, ...idx.slice(axis)];
      acc += a.get(...full) as number;
    }
    ref.push(acc);
  }
  return ref;
}

/** An array of `shape` in wasm memory (np.zeros allocates there; np.array of a JS list may not). */
function make(shape: number[], order: "C" | "F", seed: number, special: number): NDArray {
  const size = shape.reduce((p, q) => p * q, 1);
  const flat = np.zeros([size]);
  (flat.data as Float64Array).set(values(size, seed, special), flat.offset / 8);
  return flat.reshape(shape, { order });
}

// Results of at least 1 KiB (128 float64), so they too live in wasm memory and the wasm path runs.
const CASES: [string, () => NDArray, number][] = [
  ["C 2-D, axis 0 (rows into one row)", () => make([37, 160], "C", 3, 10), 0],
  ["F 2-D, axis 1", () => make([160, 37], "F", 5, 10), 1],
  ["C 2-D, reversed rows and columns, axis 0", () => make([40, 150], "C", 7, 20).get("::-1, ::-1") as NDArray, 0],
  ["C 2-D, every other column, axis 0", () => make([33, 300], "C", 9, 5).get(":, ::2") as NDArray, 0],
  ["C 3-D, middle axis (runs of 130 inside a 3-D walk)", () => make([3, 9, 130], "C", 11, 15), 1],
  ["C 3-D, middle axis (runs of 17: one past the wasm threshold, odd tail)", () => make([10, 3, 17], "C", 23, 15), 1],
  ["C 3-D, axis 0", () => make([6, 5, 48], "C", 13, 15), 0],
  ["mostly specials, axis 0", () => make([20, 130], "C", 17, 90), 0],
  ["rows of 131 (odd tail), axis 0", () => make([25, 131], "C", 19, 10), 0],
  // add_rows_f64 (contiguous rows into contiguous results): column blocks of 16, 2, 1 and row counts
  ...[16, 17, 18, 19, 31, 32, 33, 34, 47, 50].flatMap((w): [string, () => NDArray, number][] =>
    [1, 2, 3, 7].map((r) => [`C ${r}x${w}, axis 0 (add_rows' column blocks)`, () => make([r, w], "C", 29 + w + r, 30), 0]),
  ),
  ["C 2-D, reversed rows (a negative row step), axis 0", () => make([21, 35], "C", 31, 20).get("::-1") as NDArray, 0],
  ["C 2-D, columns 3: of 40 (rows apart by more than their length), axis 0", () => make([19, 40], "C", 37, 20).get(":, 3:") as NDArray, 0],
  ["F 2-D, 33 columns of 18, axis 1", () => make([18, 33], "F", 41, 20), 1],
];

describe("elementwise reduction runs equal the sequential sum bit for bit", () => {
  it.each(CASES)("%s", (_, build, axis) => {
    const a = build();
    const got = (a.sum({ axis }) as NDArray).ravel().tolist() as number[];
    const ref = sequentialSum(a, axis);
    expect(got.length).toBe(ref.length);
    const bad = got.map((v, i) => (Object.is(v, ref[i]) || (Number.isNaN(v) && Number.isNaN(ref[i])) ? null : `${i}: ${v} vs ${ref[i]}`)).filter((x) => x !== null);
    expect(bad).toEqual([]);
  });

  it("starts each result from `initial` (the rows are added into what the result holds)", () => {
    for (const [r, w] of [[5, 16], [6, 35], [9, 3 * 16 + 1]]) {
      const a = make([r, w], "C", 43 + w, 20);
      for (const initial of [-0, 2.5, -1e308, NaN]) {
        const got = (a.sum({ axis: 0, initial }) as NDArray).tolist() as number[];
        const ref = sequentialSum(a, 0).map((_, j) => {
          let acc = initial;
          for (let i = 0; i < r; i++) acc += a.get(i, j) as number;
          return acc;
        });
        const bad = got.map((v, i) => (Object.is(v, ref[i]) || (Number.isNaN(v) && Number.isNaN(ref[i])) ? null : `${i}: ${v} vs ${ref[i]}`)).filter((x) => x !== null);
        expect(bad, `${r}x${w}, initial ${initial}`).toEqual([]);
      }
    }
  });

  it("runs on arrays in wasm memory (so the wasm path is the one compared)", () => {
    if (wasm() === null) return expect(process.env.STRIDED_NO_WASM).toBe("1");
    const a = make([37, 160], "C", 3, 10);
    expect(inWasmMemory(a.data.buffer)).toBe(true);
    expect(inWasmMemory((a.sum({ axis: 0 }) as NDArray).data.buffer)).toBe(true);
  });
});
