/**
 * `np.unravel_index` and `np.ravel_multi_index`: between flat positions and coordinates in a shape.
 *
 * Rule (numpy/core/src/multiarray/compiled_base.c, NumPy 1.24): for `dims` (d0, ..., dn-1) in C
 * order the flat position of (i0, ..., in-1) is sum_k i_k * prod_{j>k} d_j (F order: prod_{j<k});
 * unravel_index inverts it for positions in [0, prod(dims)) (`index 42 is out of bounds for
 * array with size 42` otherwise; negative positions too). Indices must be integers (`only int
 * indices permitted`). ravel_multi_index broadcasts the coordinate arrays; `mode` (one, or one per
 * dimension) treats a coordinate outside [0, d): 'raise' (`invalid entry in coordinates array`),
 * 'wrap' (modulo d), 'clip' (clamped). Results are int32 (NumPy's intp is int64): a JS array of
 * arrays of the indices' shape for unravel_index (numbers for a number), an array of the broadcast
 * shape for ravel_multi_index (a number for scalar coordinates); dims whose size does not fit int32
 * are refused with the reason. Cost: O(count * ndim).
 */
import { DTYPES } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { sortedStridePerm } from "../create/layout.js";
import type { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { broadcastShapes, broadcastTo } from "../core/broadcast.js";
import type { ClipMode } from "./take-put.js";

const INT32_MAX = 2147483647;

/** Keywords of unravel_index. */
export interface UnravelOptions {
  /** Row-major ("C", default) or column-major ("F") positions. */
  order?: "C" | "F";
}

/** Keywords of ravel_multi_index. */
export interface RavelMultiIndexOptions {
  /** How coordinates outside [0, d) are treated: one mode, or one per dimension (default "raise"). */
  mode?: ClipMode | readonly ClipMode[];
  /** Row-major ("C", default) or column-major ("F") positions. */
  order?: "C" | "F";
}

/** NumPy's order converter (argument parsing): one of C, F, A, K. */
function parseOrder(order: unknown): string {
  if (order === undefined || order === null) return "C";
  if (order === "C" || order === "F" || order === "A" || order === "K") return order;
  throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
}

/** The orders these functions permit (checked after the arguments are parsed). */
function checkOrder(order: string): "C" | "F" {
  if (order === "C" || order === "F") return order;
  throw new ValueError("only 'C' or 'F' order is permitted");
}

function checkMode(mode: unknown): ClipMode {
  if (mode === "raise" || mode === "wrap" || mode === "clip") return mode;
  throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(mode)}')`);
}

/** The dims as a list (a number is one dimension) and the strides of their C or F walk. */
function dimStrides(dims: number | readonly number[], order: "C" | "F"): { ds: number[]; strides: number[]; size: number } {
  const ds = typeof dims === "number" ? [dims] : [...dims];
  const strides = new Array<number>(ds.length);
  let s = 1;
  const axes = ds.map((_, k) => k);
  if (order === "C") axes.reverse();
  for (const k of axes) {
    strides[k] = s;
    s *= ds[k];
  }
  if (s > INT32_MAX) throw new ValueError(`dims of size ${s} do not fit the runtime's int32 index type (at most ${INT32_MAX} elements)`);
  return { ds, strides, size: s };
}

/** Integer values of an index argument, refusing floats as NumPy does. */
function integers(x: ArrayLike, empty: string): NDArray {
  if (Array.isArray(x) && x.length === 0) throw new TypeError(empty);
  const a = asarray(x);
  if (DTYPES[a.dtype].kind === "f") throw new TypeError("only int indices permitted");
  return a;
}

/**
 * The coordinates in an array of shape `dims` of flat positions `indices`: one int32 array per
 * dimension, of the indices' shape (numbers when `indices` is a number).
 *
 * @example
 * np.unravel_index([22, 41, 37], [7, 6])                 // [array([3, 6, 6]), array([4, 5, 1])]
 * np.unravel_index([31, 41, 13], [7, 6], { order: "F" }) // [array([3, 6, 6]), array([4, 5, 1])]
 * np.unravel_index(1621, [6, 7, 8, 9])                   // [3, 1, 4, 1]
 */
export function unravel_index(indices: number, shape: number | readonly number[], options?: UnravelOptions): number[];
export function unravel_index(indices: ArrayLike, shape: number | readonly number[], options?: UnravelOptions): NDArray<number, "number">[];
export function unravel_index(indices: ArrayLike, shape: number | readonly number[], options?: UnravelOptions): NDArray<number, "number">[] | number[] {
  const parsed = parseOrder(options?.order);
  const idx = integers(indices, "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'");
  const { ds, strides, size } = dimStrides(shape, checkOrder(parsed));
  const flat = Array.from(readFlat(idx) as Iterable<number | bigint | boolean>, Number);
  if (idx.ndim === 0) {
    const v = flat[0];
    if (v < 0 || v >= size) throw new ValueError(`index ${v} is out of bounds for array with size ${size}`);
    return ds.map((d, k) => Math.floor(v / strides[k]) % d);
  }
  const coords = flat.map((v) => ds.map((d, k) => Math.floor(v / strides[k]) % d));
  // NumPy's layout: one (…indices.shape, ndim) array in the indices' memory order (K), the
  // coordinates innermost; the results are its [..., k] views
  const m = ds.length;
  const owner = newArray([flat.length * m], "int32");
  const perm = sortedStridePerm(idx.strides);
  const es = new Array<number>(idx.ndim);
  let step = m;
  for (let j = perm.length - 1; j >= 0; j--) {
    es[perm[j]] = step;
    step *= Math.max(idx.shape[perm[j]], 1);
  }
  // C-order position i of the indices -> element offset in the owner
  const ishape = idx.shape;
  const at = new Array<number>(ishape.length).fill(0);
  let bad = -1; // NumPy walks the indices in memory order: the first bad one there is reported
  let badOff = Infinity;
  coords.forEach((c, i) => {
    let off = 0;
    for (let j = 0; j < ishape.length; j++) off += at[j] * es[j];
    if ((flat[i] < 0 || flat[i] >= size) && off < badOff) {
      bad = flat[i];
      badOff = off;
    }
    for (let k = 0; k < m; k++) owner.data[off + k] = c[k];
    for (let j = ishape.length - 1; j >= 0; j--) {
      if (++at[j] < ishape[j]) break;
      at[j] = 0;
    }
  });
  if (badOff !== Infinity) throw new ValueError(`index ${bad} is out of bounds for array with size ${size}`);
  if (m === 0) throw new ValueError("multiple indices are not supported for 0d arrays");
  const bytes = es.map((e) => e * 4);
  return ds.map((_, k) => viewOf(owner, ishape, bytes, k * 4)) as NDArray<number, "number">[];
}

/**
 * The flat positions in an array of shape `dims` of the coordinates `multi_index` (one array-like
 * per dimension, broadcast together): int32, or a number for scalar coordinates.
 *
 * @example
 * np.ravel_multi_index([[3, 6, 6], [4, 5, 1]], [7, 6])                   // array([22, 41, 37])
 * np.ravel_multi_index([[3, 6, 6], [4, 5, 1]], [4, 6], { mode: "clip" }) // array([22, 23, 19])
 * np.ravel_multi_index([3, 1, 4, 1], [6, 7, 8, 9])                       // 1621
 */
export function ravel_multi_index(multi_index: readonly number[], dims: readonly number[], options?: RavelMultiIndexOptions): number;
export function ravel_multi_index(multi_index: readonly ArrayLike[] | NDArray, dims: readonly number[], options?: RavelMultiIndexOptions): NDArray<number, "number"> | number;
export function ravel_multi_index(multi_index: readonly ArrayLike[] | NDArray, dims: readonly number[], options?: RavelMultiIndexOptions): NDArray<number, "number"> | number {
  // NumPy's order of checks: order and modes parsed, the modes' count, order C/F, the coordinates
  // (count, integers, broadcasting), the dims
  const n = dims.length;
  const parsed = parseOrder(options?.order);
  const rawMode = options?.mode ?? "raise";
  if (typeof rawMode === "string") checkMode(rawMode);
  else rawMode.forEach(checkMode);
  const modes = typeof rawMode === "string" ? dims.map(() => rawMode) : rawMode;
  if (modes.length !== n) throw new ValueError(`list of clipmodes has wrong length (${modes.length} instead of ${n})`);
  const order = checkOrder(parsed);
  const coords: ArrayLike[] = Array.isArray(multi_index) ? [...(multi_index as readonly ArrayLike[])] : Array.from({ length: (multi_index as NDArray).shape[0] ?? 0 }, (_, k) => (multi_index as NDArray).get(k, "...") as NDArray);
  if (coords.length !== n) throw new ValueError(`parameter multi_index must be a sequence of length ${n}`);
  const ints = coords.map((c) => integers(c, "only int indices permitted"));
  const bshape = broadcastShapes(...ints.map((a) => a.shape)); // the iterator's message: operands could not be broadcast ...
  if (dims.includes(0)) throw new ValueError("cannot unravel if shape has zero entries (is empty).");
  const { ds, strides } = dimStrides(dims, order);
  if (n === 0) return 0;
  const arrs = ints.map((a) => broadcastTo(a, bshape));
  const cols = arrs.map((a) => Array.from(readFlat(a) as Iterable<number | bigint | boolean>, Number));
  const out = newArray(arrs[0].shape, "int32");
  for (let i = 0; i < out.size; i++) {
    let pos = 0;
    for (let k = 0; k < n; k++) {
      let c = cols[k][i];
      const d = ds[k];
      if (c < 0 || c >= d) {
        if (modes[k] === "raise") throw new ValueError("invalid entry in coordinates array");
        c = modes[k] === "wrap" ? ((c % d) + d) % d : c < 0 ? 0 : d - 1;
      }
      pos += c * strides[k];
    }
    out.data[i] = pos;
  }
  if (out.ndim === 0) return out.data[0] as number;
  return out as NDArray<number, "number">;
}
