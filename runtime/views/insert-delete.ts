/**
 * `np.append`, `np.insert`, `np.delete`: new arrays with elements added or removed along an axis.
 *
 * Rule (numpy/lib/function_base.py, NumPy 1.24): without an axis the array is raveled first.
 * `obj` is an index, a list/array of indices, a boolean mask (delete), or a slice written as a
 * slice string (`"1:3"`, `"::2"`), as NumPy's `np.s_[1:3]`. The result is a new array laid out
 * F when the input is F- and not C-contiguous, else C (NumPy's `arr.flags.fnc`); removing many
 * indices goes through a boolean mask (fancy indexing, a copy). `insert` casts `values` to the
 * array's dtype; one scalar index inserts `values` as a slab moved to `axis` (NumPy's
 * `moveaxis(values, 0, axis)`), several indices are shifted to their final places (a stable
 * sort). append is `concatenate((arr, values), axis)` (values raveled when no axis).
 * Cost: O(size of the result).
 */
import { IndexError, ValueError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { readFlat } from "../core/iterate.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import type { Order } from "../core/shape.js";
import { array, asarray, type ArrayLike } from "../create/array.js";
import { parseIndex } from "../indexing/parse.js";
import { adjustSlice } from "../indexing/slice.js";
import type { SetValue } from "../indexing/methods.js";
import { isOptions, normalizeAxisIndex } from "./args.js";
import { concatenate } from "./join.js";
import { moveaxis } from "./moveaxis.js";
import { ravelArray } from "./ravel.js";
import { reshapeArray } from "./reshape.js";

/** Where to insert or delete: an index, indices, a boolean mask, or a slice string such as `"1:3"`. */
export type Obj = number | string | readonly (number | boolean)[] | NDArray;

type AxisArg = number | null | { axis?: number | null } | undefined;

function axisOf(axis: AxisArg): number | null {
  if (isOptions(axis)) return (axis.axis as number | null | undefined) ?? null;
  return axis ?? null;
}

/** `arr` raveled when axis is null, the normalised axis, and NumPy's `arrorder`. */
function prepare(arrIn: ArrayLike, axisIn: number | null): { arr: NDArray; axis: number; order: Order } {
  let arr = asarray(arrIn);
  const fnc = isFContiguous(arr.shape, arr.strides, arr.itemsize) && !isCContiguous(arr.shape, arr.strides, arr.itemsize);
  const order: Order = fnc ? "F" : "C";
  if (axisIn === null) {
    if (arr.ndim !== 1) arr = ravelArray(arr, "C");
    return { arr, axis: arr.ndim - 1, order };
  }
  return { arr, axis: normalizeAxisIndex(axisIn, arr.ndim), order };
}

/** `a[start:stop]` along `axis` (Python slice rules), a view. */
function along(a: NDArray, axis: number, start: number | null, stop: number | null): NDArray {
  const s = adjustSlice(start, stop, 1, a.shape[axis]);
  const shape = a.shape.slice();
  shape[axis] = s.length;
  return viewOf(a, shape, a.strides, s.length > 0 ? a.offset + s.start * a.strides[axis] : a.offset);
}

/** The slice string `obj` as Python's `slice.indices(n)`: start, stop, step (CPython's PySlice_AdjustIndices). */
function sliceIndices(obj: string, n: number): [number, number, number] {
  const parts = parseIndex(obj);
  const p = parts[0];
  if (parts.length !== 1 || p.kind !== "slice") {
    throw new IndexError(`'${obj}' is not a slice: give a slice string such as "1:3" or "::2", or an index or a list of indices`);
  }
  const step = p.step ?? 1;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  const fix = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    let x = v;
    if (x < 0) {
      x += n;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= n) x = step < 0 ? n - 1 : n;
    return x;
  };
  return [fix(p.start, step < 0 ? n - 1 : 0), fix(p.stop, step < 0 ? -1 : n), step];
}

/** A Python-like rendering of `obj` for messages: 5, [5]. */
function reprObj(obj: Obj): string {
  if (typeof obj === "number") return String(obj);
  if (typeof obj === "string" || obj instanceof NDArray) return String(obj);
  return `[${obj.map((x) => (typeof x === "boolean" ? (x ? "True" : "False") : String(x))).join(", ")}]`;
}

/** Fill `dst` (shape = slab shape) from `src`: one assignment. */
function put(dst: NDArray, src: SetValue): void {
  dst.set("...", src);
}

/**
 * A new array without the sub-arrays at `obj` along `axis` (the flattened array when no axis).
 *
 * @example
 * const arr = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
 * np.delete(arr, 1, 0) // array([[ 1,  2,  3,  4], [ 9, 10, 11, 12]])
 * np.delete(arr, "::2", 1).tolist() // [[2, 4], [6, 8], [10, 12]]
 * np.delete(arr, [1, 3, 5]).tolist() // [1, 3, 5, 7, 8, 9, 10, 11, 12]
 */
export function delete_(arrIn: ArrayLike, obj: Obj, axis?: AxisArg): NDArray {
  const { arr, axis: ax, order } = prepare(arrIn, axisOf(axis));
  const nd = arr.ndim;
  const N = arr.shape[ax];
  const newshape = arr.shape.slice();
  if (typeof obj === "string") {
    const [start0, stop0, step0] = sliceIndices(obj, N);
    const count = step0 > 0 ? Math.max(0, Math.ceil((stop0 - start0) / step0)) : Math.max(0, Math.ceil((start0 - stop0) / -step0));
    if (count <= 0) return arr.copy(order);
    let start = start0;
    let stop = stop0;
    let step = step0;
    if (step < 0) {
      step = -step;
      start = start0 + (count - 1) * step0;
      stop = start0 + 1;
    }
    newshape[ax] -= count;
    const out = newArray(newshape, arr.dtype, order);
    if (start !== 0) put(along(out, ax, null, start), along(arr, ax, null, start));
    if (stop !== N) put(along(out, ax, stop - count, null), along(arr, ax, stop, null));
    if (step !== 1) {
      const keep = new Array<boolean>(stop - start).fill(true);
      for (let i = 0; i < stop - start; i += step) keep[i] = false;
      const mid = along(arr, ax, start, stop);
      const lead = new Array<string>(ax).fill(":");
      put(along(out, ax, start, stop - count), mid.get(...lead, array(keep)) as NDArray);
    }
    return out;
  }
  let single: number | null = null;
  let idx: NDArray | null = null;
  if (typeof obj === "number") single = obj;
  else {
    idx = obj instanceof NDArray ? obj : asarray(obj.length === 0 ? new Int32Array(0) : (obj as ArrayLike));
    if (idx.size === 1 && (idx.dtype.startsWith("int") || idx.dtype.startsWith("uint"))) single = Number(readFlat(idx)[0]);
  }
  if (single !== null) {
    if (single < -N || single >= N) throw new IndexError(`index ${single} is out of bounds for axis ${ax} with size ${N}`);
    if (single < 0) single += N;
    newshape[ax] -= 1;
    const out = newArray(newshape, arr.dtype, order);
    put(along(out, ax, null, single), along(arr, ax, null, single));
    put(along(out, ax, single, null), along(arr, ax, single + 1, null));
    return out;
  }
  let keep: NDArray;
  if (idx!.dtype === "bool") {
    if (idx!.ndim !== 1 || idx!.shape[0] !== N) {
      throw new ValueError(`boolean array argument obj to delete must be one dimensional and match the axis length of ${N}`);
    }
    keep = array(Array.from(readFlat(idx!) as Iterable<number>, (v) => v === 0), { dtype: "bool" });
  } else {
    keep = newArray([N], "bool");
    keep.fill(true);
    keep.set(idx!, false);
  }
  const lead = new Array<string>(ax).fill(":");
  return arr.get(...lead, keep) as NDArray;
}

/**
 * A new array with `values` inserted before the index or indices `obj` along `axis` (the
 * flattened array when no axis); `values` are cast to the array's dtype.
 *
 * @example
 * const a = np.array([[1, 1], [2, 2], [3, 3]]);
 * np.insert(a, 1, 5) // array([1, 5, 1, 2, 2, 3, 3])
 * np.insert(a, 1, 5, { axis: 1 }).tolist() // [[1, 5, 1], [2, 5, 2], [3, 5, 3]]
 * np.insert(a, [1], [[1], [2], [3]], 1).tolist() // [[1, 1, 1], [2, 2, 2], [3, 3, 3]]
 * np.insert(np.arange(5), [2, 2], [6, 7]).tolist() // [0, 1, 6, 7, 2, 3, 4]
 */
export function insert(arrIn: ArrayLike, obj: Obj, values: ArrayLike, axis?: AxisArg): NDArray {
  const { arr, axis: ax, order } = prepare(arrIn, axisOf(axis));
  const N = arr.shape[ax];
  const newshape = arr.shape.slice();
  let indices: NDArray;
  if (typeof obj === "string") {
    const [start, stop, step] = sliceIndices(obj, N);
    const list: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) list.push(i);
    indices = array(new Int32Array(list));
  } else {
    indices = typeof obj === "number" ? array(obj) : obj instanceof NDArray ? obj.copy() : asarray(obj.length === 0 ? new Int32Array(0) : (obj as ArrayLike)).copy();
    if (indices.dtype === "bool") indices = indices.astype("int32");
    else if (indices.ndim > 1) throw new ValueError("index array argument obj to insert must be one dimensional or scalar");
  }
  if (indices.size === 1) {
    let index = Number(readFlat(indices)[0]);
    if (index < -N || index > N) throw new IndexError(`index ${reprObj(obj)} is out of bounds for axis ${ax} with size ${N}`);
    if (index < 0) index += N;
    let vals = asarray(values, { dtype: arr.dtype });
    if (vals.ndim < arr.ndim) vals = reshapeArray(vals, [...new Array<number>(arr.ndim - vals.ndim).fill(1), ...vals.shape]);
    if (indices.ndim === 0) vals = moveaxis(vals, 0, ax);
    const numnew = vals.shape[ax];
    newshape[ax] += numnew;
    const out = newArray(newshape, arr.dtype, order);
    put(along(out, ax, null, index), along(arr, ax, null, index));
    put(along(out, ax, index, index + numnew), vals);
    put(along(out, ax, index + numnew, null), along(arr, ax, index, null));
    return out;
  }
  const list = Array.from(readFlat(indices), Number).map((i) => (i < 0 ? i + N : i));
  const numnew = list.length;
  const order2 = list.map((_, i) => i).sort((x, y) => list[x] - list[y] || x - y);
  order2.forEach((pos, k) => (list[pos] += k));
  newshape[ax] += numnew;
  const oldMask = newArray([newshape[ax]], "bool");
  oldMask.fill(true);
  const idxArr = array(new Int32Array(list));
  oldMask.set(idxArr, false);
  const out = newArray(newshape, arr.dtype, order);
  const lead = new Array<string>(ax).fill(":");
  out.set(...lead, idxArr, values as SetValue);
  out.set(...lead, oldMask, arr);
  return out;
}

/**
 * `arr` with `values` appended along `axis` (both flattened when no axis): a new array.
 *
 * @example
 * np.append([1, 2, 3], [[4, 5, 6], [7, 8, 9]]) // array([1, 2, 3, 4, 5, 6, 7, 8, 9])
 * np.append([[1, 2, 3], [4, 5, 6]], [[7, 8, 9]], { axis: 0 }).shape // [3, 3]
 */
export function append(arrIn: ArrayLike, values: ArrayLike, axis?: AxisArg): NDArray {
  let arr = asarray(arrIn);
  const ax = axisOf(axis);
  if (ax === null) {
    if (arr.ndim !== 1) arr = ravelArray(arr, "C");
    return concatenate([arr, ravelArray(asarray(values), "C")], { axis: arr.ndim - 1 });
  }
  return concatenate([arr, values], { axis: ax });
}
