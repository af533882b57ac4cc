import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

// NumPy's fold, element by element in order: the reference for the four-accumulator runs
const seqMax = (xs: number[]): number => xs.reduce((acc, v) => (acc >= v || acc !== acc ? acc : v));
const seqMin = (xs: number[]): number => xs.reduce((acc, v) => (acc <= v || acc !== acc ? acc : v));

const f64 = (xs: number[]): NDArray => {
  const a = np.zeros([xs.length]);
  (a.data as Float64Array).set(xs);
  return a;
};

function series(len: number, seed: number, pool: number[] | null): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < len; i++) {
    s = (s * 16807) % 2147483647;
    out.push(pool === null ? s / 2147483647 - 0.5 : pool[s % pool.length]);
  }
  return out;
}

const CASES: [string, number[]][] = [
  ["random, 1000", series(1000, 3, null)],
  ["random, 67 (tail)", series(67, 5, null)],
  ["NaN in the middle", series(300, 7, null).map((v, i) => (i === 150 ? NaN : v))],
  ["NaN at the end", series(300, 9, null).map((v, i) => (i === 299 ? NaN : v))],
  ["signed zeros only", series(200, 11, [0, -0])],
  ["-0 first, then zeros and negatives", [-0, ...series(199, 13, [0, -0, -1, -2])]],
  ["0 first, then zeros and negatives", [0, ...series(199, 17, [0, -0, -1, -2])]],
  ["zeros and positives (min is a zero)", series(200, 19, [0, -0, 1, 2])],
  ["infinities", series(128, 23, [Infinity, -Infinity, 1, -1])],
];

describe("contiguous max/min runs (four accumulators) equal NumPy's sequential fold", () => {
  it.each(CASES)("%s", (_, xs) => {
    const a = f64(xs);
    expect(Object.is(a.max(), seqMax(xs)) || (Number.isNaN(a.max()) && Number.isNaN(seqMax(xs)))).toBe(true);
    expect(Object.is(a.min(), seqMin(xs)) || (Number.isNaN(a.min()) && Number.isNaN(seqMin(xs)))).toBe(true);
  });

  it.each(CASES)("%s, as rows of a C array reduced along axis 1", (_, xs) => {
    const rows = [xs, [...xs].reverse()];
    const a = f64([...rows[0], ...rows[1]]).reshape(2, xs.length);
    const mx = a.max({ axis: 1 }).tolist() as number[];
    const mn = a.min({ axis: 1 }).tolist() as number[];
    rows.forEach((r, i) => {
      expect(mx[i]).toEqual(seqMax(r)); // toEqual: NaN equals NaN, -0 differs from 0
      expect(mn[i]).toEqual(seqMin(r));
    });
  });
});
