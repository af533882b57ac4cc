/**
 * Comparison loops over int32 and float32 arrays as they are (< <= > >= == !=, bool bytes out),
 * without the float64 copies of f64.ts: each reads its own Int32Array / Float32Array.
 *
 * Rule: o = 1 where the comparison holds, else 0; the values of int32 and float32 are exact in a
 * double, so comparing them as JS numbers gives NumPy's int/float comparison (NaN false, != true).
 * They are the JavaScript twins of the wasm loops compare_OP_i32/f32 (runtime/wasm/loops.ts),
 * which run instead when the arrays live in wasm memory; these run on small ordinary arrays and
 * under STRIDED_NO_WASM=1. One closure per (operator, dtype) from one body per operator.
 * Cost: O(n) per run, no allocation.
 */
import type { DType } from "../core/dtype.js";
import type { BinaryLoop } from "./kernels.js";

/** The comparison ufuncs' names and their operator as a two-argument test. */
const OPS: Readonly<Record<string, (x: number, y: number) => boolean>> = {
  less: (x, y) => x < y,
  less_equal: (x, y) => x <= y,
  greater: (x, y) => x > y,
  greater_equal: (x, y) => x >= y,
  equal: (x, y) => x === y,
  not_equal: (x, y) => x !== y,
};

function make(test: (x: number, y: number) => boolean): BinaryLoop {
  return (n, a, ia, sa, b, ib, sb, o, io, so) => {
    for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +test(a[ia] as number, b[ib] as number);
  };
}

const TABLE = new Map<string, BinaryLoop>();
for (const t of ["int32", "float32"] as const) for (const [name, test] of Object.entries(OPS)) TABLE.set(`${name} ${t}`, make(test));

/**
 * The comparison loop of ufunc `name` over two `dtype` arrays into bool bytes, if there is one.
 *
 * @example
 * typedCompareLoop("less", "float32") !== undefined // true
 */
export function typedCompareLoop(name: string, dtype: DType): BinaryLoop | undefined {
  return TABLE.get(`${name} ${dtype}`);
}
