/**
 * Index grids: `np.meshgrid`, `np.indices`, `np.fromfunction`, `np.ix_`.
 *
 * Rule (numpy/lib/function_base.py meshgrid, numpy/core/numeric.py indices and fromfunction,
 * numpy/lib/index_tricks.py ix_, NumPy 1.24): meshgrid reshapes input i (flattened) to length
 * -1 on axis i and 1 elsewhere ('xy' indexing swaps the first two axes), then, unless sparse,
 * broadcasts them (`broadcast_arrays`: read-only stride-0 views here, see views/
 * broadcast-arrays.ts) and, when `copy` (the default), copies each in C order. indices fills
 * an (N, *dims) array (sparse: N reshaped aranges, views). fromfunction calls `fn` with the N
 * views `indices(shape, dtype)[i]` (float64 by default). ix_ reshapes each 1-d sequence to
 * length n on its own axis (a boolean one becomes its nonzero indices): views of NDArray inputs.
 * Integer grids are int32 (the default integer here; NumPy's is int64). Cost: O(result size).
 */
import { DEFAULT_FLOAT, DEFAULT_INT, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { nonzero } from "../indexing/resolve.js";
import { reshapeArray } from "../views/reshape.js";
import { broadcast_arrays } from "../views/broadcast-arrays.js";
import { isOptions } from "../views/args.js";
import { asarray, type ArrayLike } from "./array.js";
import { arange } from "./ranges.js";

/** Options of `np.meshgrid`. */
export interface MeshgridOptions {
  indexing?: "xy" | "ij";
  sparse?: boolean;
  copy?: boolean;
}

/**
 * Coordinate matrices from coordinate vectors (NumPy's `np.meshgrid`); options last.
 *
 * @example
 * const [xv, yv] = np.meshgrid(np.array([0, 1, 2]), np.array([0, 1]));
 * xv // array([[0, 1, 2], [0, 1, 2]])
 * yv // array([[0, 0, 0], [1, 1, 1]])
 * np.meshgrid([0, 1, 2], [0, 1], { indexing: "ij" })[0].shape // [3, 2]
 * np.meshgrid([0, 1, 2], [0, 1], { sparse: true })[1].shape // [2, 1]
 */
export function meshgrid(...args: (ArrayLike | MeshgridOptions)[]): NDArray[] {
  let opts: MeshgridOptions = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) opts = args.pop() as MeshgridOptions;
  const xi = args as ArrayLike[];
  const indexing = opts.indexing ?? "xy";
  if (indexing !== "xy" && indexing !== "ij") throw new ValueError("Valid values for `indexing` are 'xy' and 'ij'.");
  const ndim = xi.length;
  const ones = (i: number, n: number): number[] => Array.from({ length: ndim }, (_, k) => (k === i ? n : 1));
  let output = xi.map((x, i) => reshapeArray(asarray(x), ones(i, -1)));
  if (indexing === "xy" && ndim > 1) {
    const rest = new Array<number>(ndim - 2).fill(1);
    output[0] = reshapeArray(output[0], [1, -1, ...rest]);
    output[1] = reshapeArray(output[1], [-1, 1, ...rest]);
    // NumPy sets `.shape` on the reshaped views: the base stays the input's owner
  }
  if (!(opts.sparse ?? false)) output = broadcast_arrays(...output);
  if (opts.copy ?? true) output = output.map((x) => x.copy());
  return output;
}

/** Options of `np.indices`. */
export interface IndicesOptions {
  dtype?: DType;
  sparse?: boolean;
}

/**
 * An array of grid indices: result[i] holds the index along axis i (sparse: one array per axis).
 *
 * @example
 * const grid = np.indices([2, 3]);
 * grid.shape // [2, 2, 3]
 * grid.get(0) // array([[0, 0, 0], [1, 1, 1]])
 * grid.get(1) // array([[0, 1, 2], [0, 1, 2]])
 * np.indices([2, 3], { sparse: true }).map((a) => a.shape) // [[2, 1], [1, 3]]
 */
export function indices(dimensions: readonly number[], options?: IndicesOptions & { sparse?: false }): NDArray;
export function indices(dimensions: readonly number[], options: IndicesOptions & { sparse: true }): NDArray[];
export function indices(dimensions: readonly number[], options?: IndicesOptions | DType): NDArray | NDArray[];
export function indices(dimensions: readonly number[], options?: IndicesOptions | DType): NDArray | NDArray[] {
  const opts: IndicesOptions = typeof options === "string" ? { dtype: options } : (options ?? {});
  const dtype = opts.dtype ?? DEFAULT_INT;
  const N = dimensions.length;
  if (dimensions.some((d) => d < 0)) throw new ValueError("negative dimensions are not allowed");
  const parts = dimensions.map((dim, i) => reshapeArray(arange(dim, { dtype }), dimensions.map((d, k) => (k === i ? dim : 1))));
  if (opts.sparse) return parts;
  const res = newArray([N, ...dimensions], dtype, "C", false); // every res[i] is written below
  parts.forEach((p, i) => {
    const slab = viewOf(res, dimensions, res.strides.slice(1), i * (res.strides[0] ?? 0));
    slab.set("...", p);
  });
  return res;
}

/** Options of `np.fromfunction`. */
export interface FromfunctionOptions {
  dtype?: DType;
}

/**
 * Call `fn` with one index array per axis of `shape` (float64 unless `dtype`), NumPy's `np.fromfunction`.
 *
 * @example
 * np.fromfunction((i, j) => np.equal(i, j), [3, 3], { dtype: "int32" }).tolist() // [[true, false, false], [false, true, false], [false, false, true]]
 * np.fromfunction((i, j) => np.add(i, j), [2, 2]) // array([[0., 1.], [1., 2.]])
 */
export function fromfunction<R>(fn: (...idx: NDArray[]) => R, shape: readonly number[], options?: FromfunctionOptions): R {
  const dtype = options?.dtype ?? DEFAULT_FLOAT;
  const grid = indices(shape, { dtype });
  const args = shape.map((_, i) => viewOf(grid, grid.shape.slice(1), grid.strides.slice(1), grid.offset + i * grid.strides[0]));
  return fn(...args);
}

/**
 * Open-mesh index arrays from 1-d sequences, for `a.get(...np.ix_(rows, cols))` (NumPy's `np.ix_`).
 *
 * @example
 * const a = np.arange(10).reshape(2, 5);
 * const [rows, cols] = np.ix_([0, 1], [2, 4]);
 * rows.shape // [2, 1]
 * a.get(rows, cols) // array([[2, 4], [7, 9]])
 * np.ix_([true, false, true])[0].tolist() // [0, 2]
 */
export function ix_(...args: ArrayLike[]): NDArray[] {
  const nd = args.length;
  return args.map((x, k) => {
    let a: NDArray;
    if (x instanceof NDArray) a = x;
    else {
      a = asarray(x);
      if (a.size === 0) a = a.astype("int32");
    }
    if (a.ndim !== 1) throw new ValueError("Cross index must be 1 dimensional");
    if (a.dtype === "bool") a = nonzero(a)[0];
    return reshapeArray(a, Array.from({ length: nd }, (_, i) => (i === k ? a.size : 1)));
  });
}
