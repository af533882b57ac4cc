/**
 * np.dot and np.matmul: sums of products over a shared axis.
 *
 * Rules (NumPy): `dot(a, b)` sums over the last axis of `a` and the second-to-last of `b` (the
 * only axis when 1-D): result shape a.shape[:-1] + b.shape[:-2] + b.shape[-1:]; a 0-d operand
 * multiplies; two 1-D give a number. `matmul` treats the last two axes as matrices and
 * broadcasts the leading (stack) axes; a 1-D operand is a row (left) or column (right) that is
 * removed from the result; scalars are refused. Errors are NumPy's texts:
 * `shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)` and
 * `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature
 * (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)`.
 * Unlike NumPy, a 1-D . 1-D product is a 0-d array rather than a scalar (so the return type
 * is always NDArray); `.item()` gives the number.
 * The result dtype is the promotion of the inputs (NEP 50). Each element is accumulated
 * sequentially over k from 0 (integers wrap like NumPy's C loops; int32 uses Math.imul).
 * NumPy hands float32/float64 to BLAS, whose blocking and FMA change the last bits: float
 * results agree with NumPy to rounding, not bit for bit. Results are new C-ordered arrays.
 * Cost: O(n*k*m) per matrix, i-p-j loop order (rows of `b` read contiguously when C-ordered).
 */
import { DTYPES, type DType, type TypedArray } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { broadcastShapes } from "../core/broadcast.js";
import { newArray } from "../core/make.js";
import { allocate } from "../core/alloc.js";
import { NDArray } from "../core/ndarray.js";
import { formatShapeCompact } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { promoteTypes } from "../ufunc/promote.js";
import { multiply } from "../ufunc/ufuncs.js";
import { inLoopDType } from "../reduce/reduce.js";
import { asF64, setNumbers } from "../ufunc/f64.js";
import type { ArithKind, Kind, KindOf, RankDown, RankMax, RankMinus, RankOf, RankPlus } from "../core/rank.js";

/** A matrix inside some array: element index of [0,0] and element strides of rows/columns. */
interface Mat {
  data: Float64Array;
  start: number;
  rs: number;
  cs: number;
}

/** C[n x m] (contiguous at `co` in `c`) = A[n x k] B[k x m], accumulated per element over k. */
function gemm(a: Mat, b: Mat, n: number, k: number, m: number, c: Float64Array, co: number, dtype: DType): void {
  const A = a.data;
  const B = b.data;
  if (dtype === "int32" || dtype === "uint32") {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let acc = 0;
        for (let p = 0, pa = a.start + i * a.rs, pb = b.start + j * b.cs, acs = a.cs, brs = b.rs; p < k; p++, pa += acs, pb += brs) acc = (acc + Math.imul(A[pa], B[pb])) | 0;
        c[co + i * m + j] = acc;
      }
    }
    return;
  }
  if (dtype === "bool") {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let acc = 0;
        for (let p = 0, pa = a.start + i * a.rs, pb = b.start + j * b.cs; p < k && acc === 0; p++, pa += a.cs, pb += b.rs) acc = A[pa] !== 0 && B[pb] !== 0 ? 1 : 0;
        c[co + i * m + j] = acc;
      }
    }
    return;
  }
  const f32 = dtype === "float32";
  const bcs = b.cs;
  const brs = b.rs;
  // each output row accumulates in c itself (contiguous), adding row p of b scaled by a[i, p]
  for (let i = 0; i < n; i++) {
    const c0 = co + i * m;
    const cEnd = c0 + m;
    c.fill(0, c0, cEnd);
    const pa0 = a.start + i * a.rs;
    for (let p = 0; p < k; p++) {
      const x = A[pa0 + p * a.cs];
      let pb = b.start + p * brs;
      if (f32) for (let q = c0; q < cEnd; q++, pb += bcs) c[q] = Math.fround(c[q] + Math.fround(x * B[pb]));
      else for (let q = c0; q < cEnd; q++, pb += bcs) c[q] += x * B[pb];
    }
  }
}

function operands(x: ArrayLike, y: ArrayLike): [NDArray, NDArray, DType] {
  const a0 = asarray(x);
  const b0 = asarray(y);
  const dtype = promoteTypes(a0.dtype, b0.dtype);
  // float64 views: the products stay monomorphic (ufunc/f64.ts); every value is exact in a double
  return [asF64(inLoopDType(a0, dtype)).view, asF64(inLoopDType(b0, dtype)).view, dtype];
}

/**
 * What `np.dot` gives for operands of ranks RA and RB: a scalar operand multiplies (the larger
 * rank), otherwise the rank is RA + RB - 2 (1-D with 1-D is a 0-d array here).
 */
export type DotResult<RA extends number, RB extends number, K extends Kind> = NDArray<RA extends 0 ? RB : RB extends 0 ? RA : RankMinus<RankPlus<RA, RB>, 2>, K>;
/** `np.matmul`'s result rank: vectors lose their axis, stacks broadcast. */
export type MatmulRank<RA extends number, RB extends number> =
  number extends RA | RB ? number : RA extends 1 ? RankDown<RB> : RB extends 1 ? RankDown<RA> : RankMax<RA, RB>;

const es = (a: NDArray, i: number): number => a.strides[i] / a.itemsize;

/**
 * NumPy's `np.dot`: inner product of 1-D arrays, matrix product of 2-D arrays, and in general
 * a sum over the last axis of `a` and the second-to-last of `b`.
 *
 * @example
 * np.dot(np.array([1, 2, 3]), np.array([4, 5, 6]))        // array(32) (0-d; `.item()` gives 32)
 * np.dot(np.array([[1, 2], [3, 4]]), np.array([[5], [6]])) // array([[17], [39]])
 * np.dot(np.ones([2, 3]), np.ones([2, 3]))                  // throws ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)
 */
export function dot(x: number, y: number): number;
export function dot<X extends ArrayLike, Y extends ArrayLike>(x: X, y: Y): DotResult<RankOf<X>, RankOf<Y>, ArithKind<KindOf<X>, KindOf<Y>>>;
export function dot(x: ArrayLike, y: ArrayLike): NDArray | number {
  if (typeof x === "number" && typeof y === "number") return multiply(x, y);
  const x0 = asarray(x);
  const y0 = asarray(y);
  if (x0.ndim === 0 || y0.ndim === 0) return multiply(x0, y0);
  const [a, b, dtype] = operands(x0, y0);
  const ka = a.ndim - 1;
  const kb = b.ndim === 1 ? 0 : b.ndim - 2;
  const k = a.shape[ka];
  if (k !== b.shape[kb]) {
    throw new ValueError(`shapes ${formatShapeCompact(a.shape)} and ${formatShapeCompact(b.shape)} not aligned: ${k} (dim ${ka}) != ${b.shape[kb]} (dim ${kb})`);
  }
  // a as (n x k) over its flattened leading axes, b as a stack of (k x m) over its leading axes
  const aLead = a.shape.slice(0, -1);
  const bLead = b.ndim >= 2 ? b.shape.slice(0, -2) : [];
  const m = b.ndim >= 2 ? b.shape[b.ndim - 1] : 1;
  const outShape = [...aLead, ...bLead, ...(b.ndim >= 2 ? [m] : [])];
  const out = newArray(outShape, dtype, "C");
  const nA = aLead.reduce((p, q) => p * q, 1);
  const nB = bLead.reduce((p, q) => p * q, 1);
  const aRows = rowStarts(a, aLead.length);
  const bMats = rowStarts(b, bLead.length);
  const bm: Mat = { data: b.data as Float64Array, start: 0, rs: es(b, kb), cs: b.ndim >= 2 ? es(b, b.ndim - 1) : 0 };
  const am: Mat = { data: a.data as Float64Array, start: 0, rs: 0, cs: es(a, ka) };
  const acc = out.data instanceof Float64Array ? out.data : (allocate("float64", out.size, out.shape) as Float64Array);
  let o = 0;
  for (let i = 0; i < nA; i++) {
    am.start = aRows[i];
    for (let j = 0; j < nB; j++) {
      bm.start = bMats[j];
      gemm(am, bm, 1, k, m, acc, o, dtype);
      o += m;
    }
  }
  if (acc !== out.data) setNumbers(out.data, acc);
  return out;
}

/** Element index of the first element of each sub-array indexed by the first `lead` axes (C order). */
function rowStarts(a: NDArray, lead: number): number[] {
  const starts = [a.offset / a.itemsize];
  for (let ax = lead - 1; ax >= 0; ax--) {
    // expand: for each existing start (inner axes), add offsets of axis ax (outer) in front
    const st = es(a, ax);
    const next: number[] = [];
    for (let i = 0; i < a.shape[ax]; i++) for (const s of starts) next.push(s + i * st);
    starts.splice(0, starts.length, ...next);
  }
  return starts;
}

const SIG = "(n?,k),(k,m?)->(n?,m?)";

/**
 * NumPy's `np.matmul` (the `@` operator): matrix product of the last two axes, broadcasting stacks.
 *
 * @example
 * np.matmul(np.array([[1, 2], [3, 4]]), np.array([1, 1])) // array([3, 7])
 * np.matmul(np.ones([4, 2, 3]), np.ones([3, 5])).shape     // [4, 2, 5]
 */
export function matmul<X extends ArrayLike, Y extends ArrayLike>(x: X, y: Y): NDArray<MatmulRank<RankOf<X>, RankOf<Y>>, ArithKind<KindOf<X>, KindOf<Y>>>;
export function matmul(x: ArrayLike, y: ArrayLike): NDArray {
  const [a0, b0, dtype] = operands(x, y);
  [a0, b0].forEach((t, i) => {
    if (t.ndim === 0) throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIG} requires 1)`);
  });
  const vecA = a0.ndim === 1;
  const vecB = b0.ndim === 1;
  const a = vecA ? new NDArray({ data: a0.data, dtype: a0.dtype, shape: [1, a0.shape[0]], strides: [0, a0.strides[0]], offset: a0.offset, base: null, writeable: false }) : a0;
  const b = vecB ? new NDArray({ data: b0.data, dtype: b0.dtype, shape: [b0.shape[0], 1], strides: [b0.strides[0], 0], offset: b0.offset, base: null, writeable: false }) : b0;
  const n = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const m = b.shape[b.ndim - 1];
  if (b.shape[b.ndim - 2] !== k) {
    throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIG} (size ${b.shape[b.ndim - 2]} is different from ${k})`);
  }
  const sa = a.shape.slice(0, -2);
  const sb = b.shape.slice(0, -2);
  const stack = broadcastShapes(sa, sb);
  const full = [...stack, n, m];
  const out = newArray(full, dtype, "C");
  const nStack = stack.reduce((p, q) => p * q, 1);
  const idx = new Array<number>(stack.length).fill(0);
  const startOf = (t: NDArray, s: readonly number[]): number => {
    let p = t.offset / t.itemsize;
    const lead = stack.length - s.length;
    for (let i = 0; i < s.length; i++) if (s[i] !== 1) p += idx[lead + i] * es(t, i);
    return p;
  };
  const am: Mat = { data: a.data as Float64Array, start: 0, rs: es(a, a.ndim - 2), cs: es(a, a.ndim - 1) };
  const bm: Mat = { data: b.data as Float64Array, start: 0, rs: es(b, b.ndim - 2), cs: es(b, b.ndim - 1) };
  const acc = out.data instanceof Float64Array ? out.data : (allocate("float64", out.size, out.shape) as Float64Array);
  for (let s = 0; s < nStack; s++) {
    am.start = startOf(a, sa);
    bm.start = startOf(b, sb);
    gemm(am, bm, n, k, m, acc, s * n * m, dtype);
    for (let j = stack.length - 1; j >= 0; j--) {
      if (++idx[j] < stack[j]) break;
      idx[j] = 0;
    }
  }
  if (acc !== out.data) setNumbers(out.data, acc);
  let shape = full;
  if (vecA && vecB) shape = [...stack];
  else if (vecA) shape = [...stack, m];
  else if (vecB) shape = [...stack, n];
  if (shape === full) return out;
  return new NDArray({ data: out.data, dtype, shape, strides: contiguous(shape, DTYPES[dtype].itemsize), offset: 0, base: null, writeable: true });
}

function contiguous(shape: readonly number[], itemsize: number): number[] {
  const st = new Array<number>(shape.length);
  let s = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return st;
}
