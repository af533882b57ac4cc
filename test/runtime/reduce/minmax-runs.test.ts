import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";
import { numpyExtremum } from "../../../runtime/reduce/extremum.js";

// The element-by-element fold keeping the first of two equal zeros: the value of every result. A
// result that is a zero or a NaN has the bits of NumPy's own order instead (runtime/reduce/extremum.ts
// and extremum-axes.ts, checked against NumPy in test/runtime/numpy/minmax-order.test.ts and
// minmax-axes.test.ts): `whole` is the reference there.
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

const same = (got: unknown, want: number): boolean => Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
/** The whole-array reference: the fold's value, with NumPy's order's bits when that value is a zero or a NaN. */
function whole(a: NDArray, kind: "max" | "min", fold: number): number {
  if (fold === 0 || fold !== fold) return numpyExtremum(a, kind);
  return fold;
}

describe("contiguous max/min runs (four accumulators): the sequential fold's value", () => {
  it.each(CASES)("%s", (_, xs) => {
    const a = f64(xs);
    expect(same(a.max(), whole(a, "max", seqMax(xs)))).toBe(true);
    expect(same(a.min(), whole(a, "min", seqMin(xs)))).toBe(true);
  });

  it.each(CASES)("%s, as rows of a C array reduced along axis 1", (_, xs) => {
    const rows = [xs, [...xs].reverse()];
    const a = f64([...rows[0], ...rows[1]]).reshape(2, xs.length);
    const mx = a.max({ axis: 1 }).tolist() as number[];
    const mn = a.min({ axis: 1 }).tolist() as number[];
    rows.forEach((r, i) => {
      // each row is one reduction run, as the whole of that row alone (a zero or NaN: NumPy's order's bits)
      const row = a.get(i) as NDArray;
      expect(mx[i]).toEqual(whole(row, "max", seqMax(r))); // toEqual: NaN equals NaN, -0 differs from 0
      expect(mn[i]).toEqual(whole(row, "min", seqMin(r)));
    });
  });
});

// The whole-array fast path (runtime/reduce/reduce.ts: the wasm max_T/min_T over the array's span)
// for float64, float32 and int32, in memory order and reversed; long enough to live in wasm memory
const LONG: [string, number[]][] = [
  ...CASES.map(([name, xs]): [string, number[]] => [`${name}, x4`, [...xs, ...xs, ...xs, ...xs]]),
  ["random, 5000", series(5000, 29, null)],
  ["NaN last of 4099", series(4099, 31, null).map((v, i) => (i === 4098 ? NaN : v))],
];

describe("whole-array max/min of float64, float32 and int32: the fold's value, NumPy's order's bits", () => {
  for (const dtype of ["float64", "float32", "int32"] as const) {
    it.each(LONG)(`${dtype}: %s`, (_, xs0) => {
      const xs = dtype === "float32" ? xs0.map(Math.fround) : dtype === "int32" ? xs0.map((v) => (Number.isFinite(v) ? Math.round(v * 1e6) | 0 : 7) + 0) : xs0;
      const a = np.array(xs, { dtype });
      const r = a.get("::-1");
      const rev = [...xs].reverse();
      for (const [arr, vals] of [[a, xs], [r, rev]] as const) {
        const [mx, mn] = dtype === "int32" ? [seqMax(vals), seqMin(vals)] : [whole(arr, "max", seqMax(vals)), whole(arr, "min", seqMin(vals))];
        expect(same(np.max(arr), mx), `max ${np.max(arr)} vs ${mx}`).toBe(true);
        expect(same(np.min(arr), mn), `min ${np.min(arr)} vs ${mn}`).toBe(true);
        // the general path (keepdims) agrees
        expect(same(np.max(arr, { keepdims: true }).item(), mx)).toBe(true);
      }
    });
  }
});
