/**
 * Comparison loops over int32 and float32 arrays as they are (< <= > >= == !=, bool bytes out),
 * without the float64 copies of f64.ts: each reads its own Int32Array / Float32Array.
 *
 * Rule: o = 1 where the comparison holds, else 0; the values of int32 and float32 are exact in a
 * double, so comparing them as JS numbers gives NumPy's int/float comparison (NaN false, != true).
 * They are the JavaScript twins of the wasm loops compare_OP_i32/f32 (runtime/wasm/loops.ts),
 * which run instead when the arrays live in wasm memory; these run on small ordinary arrays and
 * under STRIDED_NO_WASM=1. One function literal per operator (branch-free `+(x < y)`, as
 * compare.ts), its body shared by the two dtypes: V8 sees two input kinds per loop (polymorphic,
 * fast), where one closure over an operator callback was megamorphic (about 80 ns per element,
 * measured). Each (operator, dtype) is its own small function object calling that body.
 * Cost: O(n) per run, no allocation.
 */
import type { DType } from "../core/dtype.js";
import type { BinaryLoop } from "./kernels.js";

const less: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] < b[ib]);
};
const lessEqual: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] <= b[ib]);
};
const greater: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] > b[ib]);
};
const greaterEqual: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] >= b[ib]);
};
const equal: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] === b[ib]);
};
const notEqual: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, so) => {
  for (let k = 0; k < n; k++, ia += sa, ib += sb, io += so) o[io] = +(a[ia] !== b[ib]);
};

const OPS: Readonly<Record<string, BinaryLoop>> = { less, less_equal: lessEqual, greater, greater_equal: greaterEqual, equal, not_equal: notEqual };

/** A function object of its own per (operator, dtype), calling the shared body: the wasm twin table (runtime/wasm/loops.ts) keys twins by function object. */
const own = (body: BinaryLoop): BinaryLoop => (n, a, ia, sa, b, ib, sb, o, io, so) => body(n, a, ia, sa, b, ib, sb, o, io, so);
const TABLE = new Map<string, BinaryLoop>();
for (const t of ["int32", "float32"]) for (const [name, body] of Object.entries(OPS)) TABLE.set(`${name} ${t}`, own(body));

/**
 * The comparison loop of ufunc `name` over two `dtype` arrays (int32 or float32) into bool bytes, if there is one.
 *
 * @example
 * typedCompareLoop("less", "float32") !== undefined // true
 */
export function typedCompareLoop(name: string, dtype: DType): BinaryLoop | undefined {
  return TABLE.get(`${name} ${dtype}`);
}
