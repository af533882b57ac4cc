/**
 * The cases of the size sweep (`npm run bench:runtime`, sweep.ts), one definition for the JS side;
 * bench/runtime/numpy_sweep.py holds NumPy's twin of each, under the same name.
 */
import { np } from "../../runtime/np.js";
import type { NDArray } from "../../runtime/core/ndarray.js";

/** The sizes swept (elements). */
export const SIZES = [1e2, 1e3, 1e4, 2e4, 1e5, 1e6, 1e7];

/** A case: its name, NumPy spelling, target ratio to NumPy (null: reported only), and its setup. */
export interface SweepCase {
  readonly name: string;
  readonly numpy: string;
  readonly target: number | null;
  /** Make the operands for size n and return the call to time. */
  readonly make: (n: number) => () => unknown;
}

/** Deterministic floats in (0, 1): a Lehmer generator, as bench/runtime/main.ts. */
export function randArray(n: number, seed = 1): NDArray<1, "number"> {
  const a = np.zeros([n]);
  const d = a.data as Float64Array;
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    d[i] = s / 2147483647;
  }
  return a;
}

/** rows x cols = n with rows the largest divisor of n not above sqrt(n). @example squareish(20000) // [100, 200] */
export function squareish(n: number): [number, number] {
  let r = Math.floor(Math.sqrt(n));
  while (n % r !== 0) r--;
  return [r, n / r];
}

export const CASES: readonly SweepCase[] = [
  { name: "add_out", numpy: "np.add(a, b, out=c)", target: 1.1, make: (n) => { const a = randArray(n, 1), b = randArray(n, 2), c = np.zeros([n]); return () => np.add(a, b, { out: c }); } },
  { name: "add_alloc", numpy: "np.add(a, b)", target: 1.2, make: (n) => { const a = randArray(n, 1), b = randArray(n, 2); return () => np.add(a, b); } },
  { name: "mul_scalar_out", numpy: "np.multiply(a, 2.5, out=c)", target: 1.1, make: (n) => { const a = randArray(n, 1), c = np.zeros([n]); return () => np.multiply(a, 2.5, { out: c }); } },
  { name: "mul_scalar", numpy: "a * 2.5", target: 1.2, make: (n) => { const a = randArray(n, 1); return () => np.multiply(a, 2.5); } },
  { name: "sqrt", numpy: "np.sqrt(a)", target: null, make: (n) => { const a = randArray(n, 1); return () => np.sqrt(a); } },
  { name: "less", numpy: "a < b", target: null, make: (n) => { const a = randArray(n, 1), b = randArray(n, 2); return () => np.less(a, b); } },
  { name: "sum", numpy: "np.sum(a)", target: 1.2, make: (n) => { const a = randArray(n, 1); return () => np.sum(a); } },
  { name: "max", numpy: "np.max(a)", target: null, make: (n) => { const a = randArray(n, 1); return () => np.max(a); } },
  { name: "add_where", numpy: "np.add(a, b, out=c, where=m)", target: null, make: (n) => { const a = randArray(n, 1), b = randArray(n, 2), c = np.zeros([n]), m = np.less(randArray(n, 3), 0.5); return () => np.add(a, b, { out: c, where: m }); } },
  { name: "less_f32", numpy: "a32 < b32", target: null, make: (n) => { const a = randArray(n, 1).astype("float32"), b = randArray(n, 2).astype("float32"); return () => np.less(a, b); } },
  { name: "sum_f32", numpy: "np.sum(a32)", target: null, make: (n) => { const a = randArray(n, 1).astype("float32"); return () => np.sum(a); } },
  { name: "astype_f32", numpy: "a.astype(np.float32)", target: null, make: (n) => { const a = randArray(n, 1); return () => a.astype("float32"); } },
  {
    name: "copy_T",
    numpy: "A.T.copy()",
    target: null,
    make: (n) => {
      const [r, c] = squareish(n);
      const A = randArray(n, 1).reshape(r, c);
      return () => A.T.copy();
    },
  },
  {
    name: "add_T",
    numpy: "A.T + B.T",
    target: 1.3,
    make: (n) => {
      const [r, c] = squareish(n);
      const A = randArray(n, 1).reshape(r, c), B = randArray(n, 2).reshape(r, c);
      return () => np.add(A.T, B.T);
    },
  },
  {
    name: "sum_axis0",
    numpy: "A.sum(axis=0)",
    target: null,
    make: (n) => {
      const [r, c] = squareish(n);
      const A = randArray(n, 1).reshape(r, c);
      return () => A.sum({ axis: 0 });
    },
  },
];
