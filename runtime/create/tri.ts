/**
 * Triangles and structured matrices: `np.tri`, `np.tril`, `np.triu`, `np.identity`, `np.vander`.
 *
 * Rules (NumPy 1.24, numpy/lib/twodim_base.py):
 * - tri(N, M=N, k=0, dtype=float64): `out[i, j] = j <= i + k` (ones at and below diagonal k).
 * - tril(m, k) / triu(m, k): a NEW array, `where(tri(*m.shape[-2:], k), m, 0)` for tril and
 *   `where(tri(..., k - 1), 0, m)` for triu, in m's dtype; stacks of matrices work on the last two
 *   axes, and a 1-D m of length n gives an (n, n) array (NumPy's broadcasting of the mask). The
 *   result is laid out in NumPy's K order of the mask and m (C for a C or 1-D m).
 * - identity(n, dtype=float64): `eye(n)`.
 * - vander(x, N=len(x), increasing=false): columns are powers of x, highest first unless
 *   `increasing`; the dtype is `promote_types(x.dtype, int)` with this runtime's int, int32 (so
 *   int8..int32 and bool give int32 where NumPy on Linux gives int64, uint32 gives float64), and
 *   the powers are successive products, as NumPy's `multiply.accumulate` (integers wrap).
 * Cost: O(size of the result).
 */
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray, newWithStrides } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { broadcastShapes } from "../core/broadcast.js";
import { copyInto, scalarFor } from "../core/iterate.js";
import { asarray, type ArrayLike } from "./array.js";
import { eye } from "./ranges.js";
import { promoteTypes } from "../ufunc/promote.js";
import { elementStrides, keepOrderStrides } from "../ufunc/nditer.js";
import { maskedCopy } from "../ufunc/store.js";

/** Options of `np.tri`. */
export interface TriOptions {
  M?: number | null;
  k?: number;
  dtype?: DType;
}

/**
 * NumPy's `np.tri`: an N x M array with ones at and below diagonal k.
 *
 * @example
 * np.tri(3, 4, 1).tolist()                          // [[1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
 * np.tri(2, { dtype: "int32" }).tolist()            // [[1, 0], [1, 1]]
 */
export function tri(N: number, M?: number | null | TriOptions, k: number | TriOptions = 0, options?: TriOptions): NDArray {
  let o: TriOptions = options ?? {};
  let m: number | null | undefined;
  let kk = 0;
  if (typeof M === "object" && M !== null) o = M;
  else {
    m = M;
    if (typeof k === "object") o = k;
    else kk = k;
  }
  m = m ?? o.M ?? N;
  kk = o.k ?? kk;
  const dtype = o.dtype ?? "float64";
  if (N === undefined) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const res = newArray([Math.max(N, 0), Math.max(m, 0)], dtype);
  const cols = Math.max(m, 0);
  const one = scalarFor(1, dtype); // 1n for int64/uint64
  const d = res.data as unknown as (number | bigint)[];
  for (let i = 0; i < N; i++) for (let j = 0; j < cols && j <= i + kk; j++) d[i * cols + j] = one;
  return res;
}

/** where(mask, m, 0) (the mask inverted for triu) with NumPy's broadcasting and K-order result. */
function triangle(m: ArrayLike, k: number, lower: boolean): NDArray {
  const a = m instanceof NDArray ? m : asarray(m);
  const last = a.shape.slice(-2);
  if (last.length === 0) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const mask = tri(last[0], last.length > 1 ? last[1] : null, lower ? k : k - 1, { dtype: "bool" });
  const md = mask.data as Uint8Array; // bool
  if (!lower) for (let i = 0; i < md.length; i++) md[i] ^= 1;
  const shape = broadcastShapes(mask.shape, a.shape);
  const strides = keepOrderStrides(shape, a.itemsize, [elementStrides(mask, shape) ?? [], elementStrides(a, shape) ?? []]);
  const res = newWithStrides(shape, a.dtype, strides); // zeros where the mask is false
  maskedCopy(res, a, mask);
  return res;
}

/**
 * NumPy's `np.tril`: a copy with the elements above diagonal k zeroed.
 *
 * @example
 * np.tril(np.arange(1, 10).reshape(3, 3)).tolist()     // [[1, 0, 0], [4, 5, 0], [7, 8, 9]]
 * np.tril(np.arange(1, 10).reshape(3, 3), -1).tolist() // [[0, 0, 0], [4, 0, 0], [7, 8, 0]]
 */
export function tril(m: ArrayLike, k: number | { k?: number } = 0): NDArray {
  return triangle(m, typeof k === "object" ? (k.k ?? 0) : k, true);
}

/**
 * NumPy's `np.triu`: a copy with the elements below diagonal k zeroed.
 *
 * @example
 * np.triu(np.arange(1, 10).reshape(3, 3)).tolist()    // [[1, 2, 3], [0, 5, 6], [0, 0, 9]]
 * np.triu(np.arange(1, 10).reshape(3, 3), 1).tolist() // [[0, 2, 3], [0, 0, 6], [0, 0, 0]]
 */
export function triu(m: ArrayLike, k: number | { k?: number } = 0): NDArray {
  return triangle(m, typeof k === "object" ? (k.k ?? 0) : k, false);
}

/**
 * NumPy's `np.identity`: the n x n identity matrix (float64 unless `dtype`).
 *
 * @example
 * np.identity(2).tolist()                      // [[1, 0], [0, 1]]
 * np.identity(2, { dtype: "int32" }).dtype     // "int32"
 */
export function identity(n: number, dtype?: DType | { dtype?: DType }): NDArray {
  const t = typeof dtype === "object" ? dtype.dtype : dtype;
  return eye(n, { dtype: t ?? "float64" });
}

/** Options of `np.vander`. */
export interface VanderOptions {
  N?: number | null;
  increasing?: boolean;
}

/**
 * NumPy's `np.vander`: the Vandermonde matrix of x (powers of x in the columns).
 *
 * @example
 * np.vander(np.array([1, 2, 3]), 3).tolist()                       // [[1, 1, 1], [4, 2, 1], [9, 3, 1]]
 * np.vander(np.array([1, 2, 3]), { increasing: true }).tolist()    // [[1, 1, 1], [1, 2, 4], [1, 3, 9]]
 */
export function vander(x: ArrayLike, N?: number | null | VanderOptions, increasing?: boolean): NDArray {
  let o: VanderOptions = {};
  if (typeof N === "object" && N !== null) o = N;
  else o = { N, increasing };
  const a = x instanceof NDArray ? x : asarray(x);
  if (a.ndim !== 1) throw new ValueError("x must be a one-dimensional array or sequence.");
  const n = a.shape[0];
  const cols = o.N ?? n;
  if (cols < 0) throw new ValueError(`negative dimensions are not allowed`);
  const dtype = promoteTypes(a.dtype, "int32");
  const v = newArray([n, cols], dtype);
  const xs = new NDArray({ data: new DTYPES[dtype].ctor(n), dtype, shape: [n], strides: [DTYPES[dtype].itemsize], offset: 0, base: null, writeable: true });
  copyInto(xs, a);
  const isInt32 = dtype === "int32" || dtype === "uint32";
  for (let i = 0; i < n; i++) {
    const xi = xs.data[i] as number;
    let p = 1;
    for (let j = 0; j < cols; j++) {
      const col = o.increasing ? j : cols - 1 - j;
      if (j === 1) p = xi;
      else if (j > 1) p = isInt32 ? Math.imul(p, xi) : p * xi;
      v.data[i * cols + col] = p;
      p = v.data[i * cols + col] as number; // the stored (wrapped or rounded) value, as NumPy's accumulate
    }
  }
  return v;
}
