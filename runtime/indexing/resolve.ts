/**
 * Resolving an index (the arguments of `a.get(...)` / `a.set(...)`) against an array.
 *
 * Rule (NumPy's indexing, numpy/core/src/multiarray/mapping.c `prepare_index`,
 * `get_view_from_index`): at most one `...`; integers, slices and integer arrays consume one
 * axis each, a boolean mask consumes mask.ndim axes, `None` consumes none; more than ndim is
 * "too many indices". `...` (or the end) is filled with full slices. Integers and slices make a
 * view: offset += start*stride, stride *= step, an empty slice keeps stride and start 0.
 * When any integer or boolean ARRAY appears, the index is "advanced": integers become 0-d index
 * arrays, masks become their nonzero() arrays, all index arrays broadcast to one shape B, and
 * the result is a copy of shape B + (the other axes), transposed so B sits where the advanced
 * indices were when they are adjacent and not first (the result is then a view of that copy,
 * as NumPy's is). Bounds: with index arrays, integers are checked first (get_view_from_index
 * applies them to the subspace view before the mapiter exists), even when the result is empty;
 * index arrays only when the result is not empty, and the first bad index reported is the first
 * in NumPy's visiting order (`firstOutOfBounds`). Cost: O(ndim) for a view; O(result size +
 * index size) for an advanced index.
 */
import { DTYPES } from "../core/dtype.js";
import { IndexError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { broadcastStrides } from "../core/broadcast.js";
import { readFlat } from "../core/iterate.js";
import { NDArray } from "../core/ndarray.js";
import { formatShapeCompact } from "../core/shape.js";
import { array } from "../create/array.js";
import { bestAxisOrder } from "../create/layout.js";
import { adjustSlice } from "./slice.js";
import { parseIndex, type BasicPart } from "./parse.js";

/** One argument of `get`/`set`: a number, an index string, `null` (None), an index array, or a mask. */
export type IndexArg = number | string | null | NDArray | readonly (number | boolean | readonly unknown[])[];

type Part = BasicPart | { kind: "array"; arr: NDArray } | { kind: "mask"; arr: NDArray };

const VALID =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

function flatBooleans(x: unknown): boolean {
  if (Array.isArray(x)) return x.length > 0 && x.every(flatBooleans);
  return typeof x === "boolean";
}

/**
 * Turn the user's arguments into index parts.
 *
 * @example
 * toParts(["1:3", 0]) // [{ kind: "slice", start: 1, stop: 3, step: null }, { kind: "int", value: 0 }]
 */
export function toParts(args: readonly IndexArg[]): Part[] {
  const parts: Part[] = [];
  for (const x of args) {
    if (typeof x === "string") parts.push(...parseIndex(x));
    else if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new IndexError(VALID);
      parts.push({ kind: "int", value: x });
    } else if (x === null) parts.push({ kind: "newaxis" });
    else if (x instanceof NDArray) parts.push(arrayPart(x));
    else if (Array.isArray(x)) {
      if (flatBooleans(x)) parts.push({ kind: "mask", arr: array(x as never, { dtype: "bool" }) });
      else {
        const arr = x.length === 0 ? array([], { dtype: "int32" }) : array(x as never);
        parts.push(arrayPart(arr));
      }
    } else throw new IndexError(VALID);
  }
  return parts;
}

function arrayPart(a: NDArray): Part {
  const kind = DTYPES[a.dtype].kind;
  if (kind === "b") return { kind: "mask", arr: a };
  // a 0-d integer array indexes like the integer it holds (NumPy: a[np.array(1)] is a[1])
  if ((kind === "i" || kind === "u") && a.ndim === 0) return { kind: "int", value: Number(a.data[a.offset / a.itemsize]) };
  if (kind === "i" || kind === "u") return { kind: "array", arr: a };
  throw new IndexError(VALID);
}

/** What resolving an index gives: a view, a scalar position, or an advanced (copying) selection. */
export type Resolved =
  | { kind: "view"; view: NDArray; scalar: boolean }
  | { kind: "advanced"; sel: Advanced };

/** An advanced selection: where each result element comes from. */
export interface Advanced {
  /** The basic-indexed view whose axes are `axes` (advanced axes kept at full length). */
  view: NDArray;
  /** Shape the index arrays broadcast to. */
  bshape: number[];
  /** For each flat position in B (C order), the element offset (in data elements) it adds. */
  boffsets: Float64Array;
  /** Each index array's element strides broadcast to `bshape` (0 on broadcast axes): their memory order. */
  bstrides: number[][];
  /** Axes of `view` not indexed by arrays (the subspace), in order. */
  sub: number[];
  /** Where B goes in the result: 0 when the advanced axes were not adjacent or came first. */
  bpos: number;
  /** The out-of-bounds index `get` reports (raised by gather). */
  error: IndexError | null;
  /** The out-of-bounds index `set` reports (raised by scatter after the value's shape is checked). */
  setError: IndexError | null;
  /** The index is one boolean mask of the array's full shape (NumPy's HAS_BOOL assignment path). */
  pureBool: boolean;
  /** One 1-D index array: NumPy's outer iterator then never walks B backwards (DONT_NEGATE_STRIDES). */
  dontNegate: boolean;
}

function outOfBounds(i: number, axis: number, size: number): IndexError {
  return new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${size}`);
}

/**
 * Resolve `args` against `a`.
 *
 * @example
 * const r = resolveIndex(np.arange(10), ["2:8:2"]);
 * r.kind // "view"
 * r.kind === "view" ? r.view : null // array([2, 4, 6])
 */
export function resolveIndex(a: NDArray, args: readonly IndexArg[]): Resolved {
  const parts = toParts(args);
  let ellipses = 0;
  let consumed = 0;
  let advanced = false;
  for (const p of parts) {
    if (p.kind === "ellipsis") ellipses++;
    else if (p.kind === "int" || p.kind === "slice") consumed++;
    else if (p.kind === "array") {
      consumed++;
      advanced = true;
    } else if (p.kind === "mask") {
      consumed += p.arr.ndim;
      advanced = true;
    }
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > a.ndim) {
    throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const onlyInts = parts.every((p) => p.kind === "int");
  const it = a.itemsize;
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  // advanced bookkeeping: view axis -> [index array, original axis]
  // (fancy: an index array or a mask's nonzero() array; not an integer, which NumPy applies to
  // the subspace view and checks first)
  const adv: { vaxis: number; arr: NDArray; axis: number; fancy: boolean }[] = [];
  let intError: IndexError | null = null;
  let axis = 0;
  const full = { kind: "slice", start: null, stop: null, step: null } as const;
  const expanded: Part[] = [];
  for (const p of parts) {
    if (p.kind === "ellipsis") for (let k = 0; k < a.ndim - consumed; k++) expanded.push(full);
    else expanded.push(p);
  }
  if (ellipses === 0) for (let k = 0; k < a.ndim - consumed; k++) expanded.push(full);
  for (const p of expanded) {
    switch (p.kind) {
      case "newaxis":
        shape.push(1);
        strides.push(0);
        break;
      case "int": {
        const n = a.shape[axis];
        let i = p.value;
        if (advanced) {
          // checked after every mask's shape (prepare_index) and before the index arrays broadcast
          if (i < -n || i >= n) intError ??= outOfBounds(i, axis, n);
          adv.push({ vaxis: shape.length, arr: array(i), axis, fancy: false });
          shape.push(n);
          strides.push(a.strides[axis]);
        } else {
          if (i < -n || i >= n) throw outOfBounds(i, axis, n);
          if (i < 0) i += n;
          offset += i * a.strides[axis];
        }
        axis++;
        break;
      }
      case "slice": {
        const s = adjustSlice(p.start, p.stop, p.step, a.shape[axis]);
        if (s.length > 0) {
          offset += s.start * a.strides[axis];
          strides.push(a.strides[axis] * s.step);
        } else strides.push(a.strides[axis]);
        shape.push(s.length);
        axis++;
        break;
      }
      case "array":
        adv.push({ vaxis: shape.length, arr: p.arr, axis, fancy: true });
        shape.push(a.shape[axis]);
        strides.push(a.strides[axis]);
        axis++;
        break;
      case "mask": {
        const m = p.arr;
        for (let k = 0; k < m.ndim; k++) {
          if (m.shape[k] !== a.shape[axis + k]) {
            throw new IndexError(
              `boolean index did not match indexed array along dimension ${axis + k}; dimension is ${a.shape[axis + k]} but corresponding boolean dimension is ${m.shape[k]}`,
            );
          }
        }
        for (const [k, idx] of nonzero(m).entries()) {
          adv.push({ vaxis: shape.length, arr: idx, axis: axis + k, fancy: true });
          shape.push(a.shape[axis + k]);
          strides.push(a.strides[axis + k]);
        }
        axis += m.ndim;
        break;
      }
      default:
        break;
    }
  }
  const view = new NDArray({ data: a.data, dtype: a.dtype, shape, strides, offset, base: a.base ?? a, writeable: a._writeable });
  if (!advanced) return { kind: "view", view, scalar: onlyInts && consumed === a.ndim };
  if (intError !== null) throw intError;

  // broadcast the index arrays
  let bshape: number[] = [];
  for (const { arr } of adv) {
    const nd = Math.max(bshape.length, arr.ndim);
    const out: number[] = [];
    for (let k = 0; k < nd; k++) {
      const x = k - (nd - bshape.length) >= 0 ? bshape[k - (nd - bshape.length)] : 1;
      const y = k - (nd - arr.ndim) >= 0 ? arr.shape[k - (nd - arr.ndim)] : 1;
      if (x !== y && x !== 1 && y !== 1) {
        throw new IndexError(
          `shape mismatch: indexing arrays could not be broadcast together with shapes ${adv.map((e) => formatShapeCompact(e.arr.shape) + " ").join("")}`,
        );
      }
      out.push(x === 1 ? y : x);
    }
    bshape = out;
  }
  let bsize = 1;
  for (const d of bshape) bsize *= d;
  const vaxes = adv.map((e) => e.vaxis);
  let resultSize = bsize;
  for (let k = 0; k < shape.length; k++) if (!vaxes.includes(k)) resultSize *= shape[k];
  const bstrides = adv.map(({ arr }) => broadcastStrides(arr, bshape)!.map((st) => st / arr.itemsize));
  const boffsets = new Float64Array(bsize);
  for (const { vaxis, arr, axis: ax } of resultSize === 0 ? [] : adv) {
    const bs = broadcastStrides(arr, bshape)!;
    const b = new NDArray({ data: arr.data, dtype: arr.dtype, shape: bshape, strides: bs, offset: arr.offset, base: arr, writeable: false });
    const flat = readFlat(b);
    const n = view.shape[vaxis];
    const st = view.strides[vaxis] / it;
    for (let j = 0; j < bsize; j++) {
      let i = Number(flat[j]); // an int64 index is exact here up to 2^53, far past any axis
      if (i < -n || i >= n) continue; // reported below, in NumPy's order
      if (i < 0) i += n;
      boffsets[j] += i * st;
    }
  }
  const adjacent = vaxes.every((v, k) => k === 0 || v === vaxes[k - 1] + 1);
  const sub: number[] = [];
  for (let k = 0; k < shape.length; k++) if (!vaxes.includes(k)) sub.push(k);
  const bpos = adjacent ? vaxes[0] : 0;
  const pureBool = parts.length === 1 && parts[0].kind === "mask" && parts[0].arr.ndim === a.ndim;
  const fancy = adv.filter((e) => e.fancy).map((e) => ({ arr: e.arr, axis: e.axis, n: view.shape[e.vaxis] }));
  const dontNegate = fancy.length === 1 && fancy[0].arr.ndim === 1;
  let error: IndexError | null = null;
  let setError: IndexError | null = null;
  if (resultSize > 0) {
    const subSize = resultSize / bsize;
    // get: one index array is checked as the mapiter's outer iterator visits it (C order when a
    // subspace of more than one element is iterated, else KEEPORDER); several are checked first
    // by PyArray_MapIterCheckIndices, as every assignment is
    setError = firstOutOfBounds(fancy, "check");
    error = fancy.length > 1 ? setError : firstOutOfBounds(fancy, subSize !== 1 ? "C" : "K");
  }
  return { kind: "advanced", sel: { view, bshape, boffsets, bstrides, sub, bpos, error, setError, pureBool, dontNegate } };
}

/**
 * The indices of the true elements of a bool array, one int32 array per axis (NumPy's nonzero).
 *
 * @example
 * nonzero(np.array([false, true, true]))[0].tolist() // [1, 2]
 */
export function nonzero(m: NDArray): NDArray[] {
  const flat = readFlat(m);
  let count = 0;
  for (let i = 0; i < flat.length; i++) if (flat[i]) count++;
  const outs = m.shape.map(() => array(new Int32Array(count)));
  if (m.ndim === 0) return outs;
  const idx = new Array<number>(m.ndim).fill(0);
  let c = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i]) {
      for (let k = 0; k < m.ndim; k++) outs[k].data[c] = idx[k];
      c++;
    }
    for (let k = m.ndim - 1; k >= 0; k--) {
      if (++idx[k] < m.shape[k]) break;
      idx[k] = 0;
    }
  }
  return outs;
}

/**
 * The first out-of-bounds index of `arrays` (each against its axis length `n`), visiting each
 * array in NumPy 1.24's order: "C" (C order), "K" (nditer KEEPORDER: axes by |stride|, each walked
 * forwards), or "check" (PyArray_MapIterCheckIndices: a 0-d, 1-D, C- or F-contiguous array in
 * memory order as PyArray_PREPARE_TRIVIAL_ITERATION walks it (a reversed 1-D array forwards),
 * any other in KEEPORDER with negative-stride axes walked backwards, as nditer flips them).
 *
 * @example
 * const f = np.asfortranarray(np.array([[0, 7], [5, 0]]));
 * firstOutOfBounds([{ arr: f, axis: 0, n: 2 }], "check")?.message // "index 5 is out of bounds for axis 0 with size 2"
 * firstOutOfBounds([{ arr: f, axis: 0, n: 2 }], "C")?.message // "index 7 is out of bounds for axis 0 with size 2"
 */
export function firstOutOfBounds(arrays: readonly { arr: NDArray; axis: number; n: number }[], order: "C" | "K" | "check"): IndexError | null {
  for (const { arr, axis, n } of arrays) {
    const nd = arr.ndim;
    const st = arr.strides.map((x) => x / arr.itemsize);
    const axes = arr.shape.map((_, k) => k);
    let perm = axes; // outermost first
    let flip = false;
    if (order === "K") perm = bestAxisOrder(arr.shape, [st], axes);
    else if (order === "check" && nd > 1 && !isCContiguous(arr.shape, arr.strides, arr.itemsize)) {
      if (isFContiguous(arr.shape, arr.strides, arr.itemsize)) perm = axes.slice().reverse();
      else {
        perm = bestAxisOrder(arr.shape, [st], axes);
        flip = true;
      }
    }
    if (arr.size === 0) continue;
    const idx = new Array<number>(nd).fill(0);
    const dir = perm.map((k) => (flip && st[k] < 0 ? -1 : 1));
    perm.forEach((k, j) => (idx[j] = dir[j] < 0 ? arr.shape[k] - 1 : 0));
    for (let left = arr.size; left > 0; left--) {
      let at = arr.offset / arr.itemsize;
      perm.forEach((k, j) => (at += idx[j] * st[k]));
      const i = Number(arr.data[at]);
      if (i < -n || i >= n) return outOfBounds(i, axis, n);
      for (let j = nd - 1; j >= 0; j--) {
        const len = arr.shape[perm[j]];
        idx[j] += dir[j];
        if (idx[j] >= 0 && idx[j] < len) break;
        idx[j] = dir[j] < 0 ? len - 1 : 0;
      }
    }
  }
  return null;
}
