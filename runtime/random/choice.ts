/**
 * `choice` as NumPy 1.24 draws it (mtrand.pyx RandomState.choice, _generator.pyx Generator.choice)
 * for a population given as a count or a 1-D array.
 *
 * Rule: with replacement and no `p`, indices are `randint(0, n, size)` (legacy, masked) or
 * `integers(0, n, size)` (Generator, Lemire). With `p`, cdf = cumsum(p) / its last value and
 * index = searchsorted(cdf, u, "right") for uniform u drawn as `random_sample(size)`. Without
 * replacement (no `p`): legacy takes the first `size` of `permutation(n)`; Generator runs Floyd's
 * algorithm (a linear-probing set of size 2^k >= 1.2 size) and then shuffles the picks, or, when
 * n > 10000 and size > n / 50, shuffles only the tail of arange(n); both draw with Lemire's
 * method one at a time (with `shuffle: false`, Generator skips the final shuffle and tail-shuffles
 * past size > n / 20). Without replacement WITH `p` (both, NumPy's loop): draw size - found
 * uniforms, zero the found entries of p, cdf = cumsum(p) / its last value, searchsorted right,
 * keep the new indices in order of first appearance, until `size` are found. `p` is checked as
 * NumPy checks it (Kahan sum within sqrt(eps) of 1). Generator's `a` may be n-D: the picks are
 * taken along `axis` (`a.take(idx, axis)`: a new C-order array).
 */
import { DTYPES } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike as ArrayInput } from "../create/array.js";
import { reshapeArray } from "../views/reshape.js";
import { boundedFill, genMask, type Uint32Source } from "./bounded.js";
import { drawIntegers } from "./integers.js";
import { permutationOf } from "./shuffle.js";
import { sizeShape, type Size } from "./size.js";

/** What `choice` picks from: a count n (range(n)), an array, or a nested JS array (as np.array). */
export type ChoicePopulation = number | NDArray | readonly ArrayInput[];

/** Options of `choice`. */
export interface ChoiceOptions {
  /** Draw with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each entry of `a` (default uniform). */
  p?: NDArray | readonly number[] | null;
  /** Generator only: the axis of an n-D `a` to pick along (default 0). */
  axis?: number;
  /** Generator only: shuffle picks made without replacement (default true; false is faster). */
  shuffle?: boolean;
}

/** What choice needs from a generator. */
export interface ChoiceSource extends Uint32Source {
  /** The next uniform double in [0, 1). */
  nextDouble(): number;
}

const one = new Uint32Array(1);
/** One Lemire draw in [0, max] (NumPy's random_bounded_uint64(state, 0, max, 0, 0) for max < 2^32). */
function lemire(src: Uint32Source, max: number): number {
  boundedFill(src, 0, max, 32, false, one, 1);
  return one[0];
}

function kahanSum(p: ArrayLike<number>): number {
  if (p.length === 0) return 0;
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** Generator's choice without replacement: indices in draw order. */
function generatorNoReplace(src: Uint32Source, pop: number, size: number, shuffle: boolean): number[] {
  if (pop > 10000 && size > Math.floor(pop / (shuffle ? 50 : 20))) {
    const idx = Array.from({ length: pop }, (_, i) => i);
    const first = Math.max(pop - size, 1);
    for (let i = pop - 1; i >= first; i--) {
      const j = lemire(src, i);
      const t = idx[j];
      idx[j] = idx[i];
      idx[i] = t;
    }
    return idx.slice(pop - size);
  }
  const mask = genMask(Math.floor(1.2 * size));
  const set = new Float64Array(mask + 1).fill(-1);
  const out: number[] = new Array<number>(size);
  for (let j = pop - size; j < pop; j++) {
    const val = lemire(src, j);
    let loc = val & mask;
    while (set[loc] !== -1 && set[loc] !== val) loc = (loc + 1) & mask;
    if (set[loc] === -1) {
      set[loc] = val;
      out[j - pop + size] = val;
    } else {
      loc = j & mask;
      while (set[loc] !== -1) loc = (loc + 1) & mask;
      set[loc] = j;
      out[j - pop + size] = j;
    }
  }
  if (shuffle) {
    for (let i = size - 1; i >= 1; i--) {
      const j = lemire(src, i);
      const t = out[j];
      out[j] = out[i];
      out[i] = t;
    }
  }
  return out;
}

/** NumPy's sampling without replacement with probabilities (mtrand.pyx and _generator.pyx alike). */
/** How many weights are positive (NumPy's `np.count_nonzero(p > 0)`). */
function countNonZero(p: Float64Array): number {
  let nonzero = 0;
  for (const v of p) if (v > 0) nonzero++;
  return nonzero;
}

function weightedNoReplace(src: ChoiceSource, p: Float64Array, size: number): number[] {
  if (countNonZero(p) < size) throw new ValueError("Fewer non-zero entries in p than size");
  const q = Float64Array.from(p);
  const found: number[] = [];
  const cdf = new Float64Array(q.length);
  while (found.length < size) {
    const k = size - found.length;
    const x = new Float64Array(k);
    for (let i = 0; i < k; i++) x[i] = src.nextDouble();
    for (const f of found) q[f] = 0;
    let acc = 0;
    for (let i = 0; i < q.length; i++) cdf[i] = acc += q[i];
    const last = cdf[cdf.length - 1];
    for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
    const seen = new Set<number>();
    for (let i = 0; i < k; i++) {
      const u = x[i];
      let lo = 0;
      let hi = cdf.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid] <= u) lo = mid + 1;
        else hi = mid;
      }
      if (!seen.has(lo)) {
        seen.add(lo); // np.unique(new, return_index=True), indices sorted: first appearances in order
        found.push(lo);
      }
    }
  }
  return found;
}

/**
 * Draw from `a` (a count n for range(n), or a 1-D array). A number when `size` is absent.
 * `legacy` selects RandomState's algorithms and words.
 */
export function drawChoice(src: ChoiceSource, legacy: boolean, population: ChoicePopulation, size: Size, opts: ChoiceOptions): number | NDArray {
  const a = typeof population === "number" ? population : asarray(population);
  const q = (s: string) => (legacy ? `'${s}'` : s);
  let pop: number;
  if (legacy && (opts.axis !== undefined || opts.shuffle !== undefined)) {
    throw new TypeError(`choice() got an unexpected keyword argument '${opts.axis !== undefined ? "axis" : "shuffle"}'`);
  }
  let axis = 0;
  if (typeof a === "number") {
    if (!Number.isInteger(a)) throw new TypeError(`a must be an integer or a 1-D array, got ${a}`);
    pop = a;
  } else if (legacy || a.ndim === 0) {
    if (a.ndim !== 1) throw new ValueError(legacy ? "a must be 1-dimensional" : "a must be a sequence or an integer, not <class 'numpy.ndarray'>");
    pop = a.shape[0];
  } else {
    const ax = opts.axis ?? 0;
    if (!Number.isInteger(ax) || ax < -a.ndim || ax >= a.ndim) throw new IndexError("tuple index out of range"); // NumPy's a.shape[axis]
    axis = ax < 0 ? ax + a.ndim : ax;
    pop = a.shape[axis];
  }
  // NumPy takes size = prod(size) first and meets a negative length only where it builds an array
  // of that shape (or `idx.shape = size`), so which error a negative length gives depends on the path
  const shape = sizeShape(size, true);
  const n = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
  const negative = shape !== null && shape.some((d) => d < 0);
  if (pop <= 0 && n !== 0) {
    if (typeof a !== "number") throw new ValueError(`${q("a")} cannot be empty unless no samples are taken`);
    throw new ValueError(legacy ? "a must be greater than 0 unless no samples are taken" : "a must be a positive integer unless no samples are taken");
  }
  let p: Float64Array | null = null;
  if (opts.p !== undefined && opts.p !== null) {
    p = opts.p instanceof NDArray ? Float64Array.from(readFlat(opts.p.astype("float64")) as Float64Array) : Float64Array.from(opts.p);
    if (opts.p instanceof NDArray && opts.p.ndim !== 1) throw new ValueError(`${q("p")} must be 1-dimensional`);
    if (p.length !== pop) throw new ValueError(`${q("a")} and ${q("p")} must have same size`);
    const sum = kahanSum(p);
    if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
    if (p.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
    if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) throw new ValueError("probabilities do not sum to 1");
  }
  const replace = opts.replace ?? true;
  let idx: ArrayLike<number>;
  if (replace && negative) {
    throw new ValueError("negative dimensions are not allowed"); // random(size) / integers(size)
  } else if (replace && n === 0) {
    idx = [];
  } else if (replace) {
    if (p !== null) {
      const cdf = new Float64Array(p.length);
      let acc = 0;
      for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
      const last = cdf[cdf.length - 1];
      for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
      const out = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        const u = src.nextDouble();
        let lo = 0;
        let hi = cdf.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cdf[mid] <= u) lo = mid + 1;
          else hi = mid;
        }
        out[k] = lo;
      }
      idx = out;
    } else {
      const r = drawIntegers(src, 0, pop, shape === null ? [1] : [n], { dtype: "int32" }, legacy) as NDArray;
      idx = r.data as Int32Array;
    }
  } else {
    if (n > pop) {
      throw new ValueError(legacy ? "Cannot take a larger sample than population when 'replace=False'" : "Cannot take a larger sample than population when replace is False");
    }
    if (n < 0) throw new ValueError(legacy ? "Negative dimensions are not allowed" : "negative dimensions are not allowed");
    if (p !== null && negative) {
      if (countNonZero(p) < n) throw new ValueError("Fewer non-zero entries in p than size");
      throw new ValueError("negative dimensions are not allowed"); // np.zeros(size) for the picks
    }
    if (p !== null) idx = weightedNoReplace(src, p, n);
    else idx = legacy ? (permutationOf(src, pop, true).data as Int32Array).subarray(0, n) : generatorNoReplace(src, pop, n, opts.shuffle ?? true);
  }
  if (negative) {
    // the picks are drawn, then `idx.shape = size` refuses the shape (NumPy's reshape words)
    const flat = new NDArray({ data: Int32Array.from(idx), dtype: "int32", shape: [n], strides: [4], offset: 0, base: null, writeable: true });
    reshapeArray(flat, shape);
    throw new ValueError("negative dimensions are not allowed");
  }
  if (typeof a === "number") {
    if (shape === null) return idx[0];
    if (!replace && p === null && n === 0) {
      // NumPy returns its empty index array after `idx.shape = shape`: legacy's is
      // permutation(pop)[:0] (stride: the itemsize, 0 when pop is 0), Generator's a fresh empty
      // array (stride 0); the same 1-D shape keeps that stride, another shape gets a reshape's C strides
      const flat = new NDArray({ data: new Int32Array(0), dtype: "int32", shape: [0], strides: [legacy && pop > 0 ? 4 : 0], offset: 0, base: null, writeable: true });
      return reshapeArray(flat, shape);
    }
    const out = newArray(shape, "int32");
    for (let i = 0; i < n; i++) out.data[i] = idx[i];
    return out;
  }
  if (a.ndim > 1) return takeAlong(a, axis, idx, shape);
  const it = DTYPES[a.dtype].itemsize;
  const first = a.offset / it;
  const st = a.strides[0] / it;
  if (shape === null) {
    const v = a.data[first + idx[0] * st];
    if (typeof v === "bigint") throw new TypeError("choice of one element of an int64/uint64 array: pass size: 1 and read it with .item() (a bigint)");
    return v;
  }
  const out = newArray(shape, a.dtype);
  const od = out.data as Float64Array; // out has a's dtype: the same element kind on both sides
  const ad = a.data as Float64Array;
  for (let i = 0; i < n; i++) od[i] = ad[first + idx[i] * st];
  return out;
}

/** NumPy's `a.take(idx, axis)` for picks `idx` of shape `shape` (null: one pick, the axis dropped). */
function takeAlong(a: NDArray, axis: number, idx: ArrayLike<number>, shape: number[] | null): NDArray {
  const before = a.shape.slice(0, axis);
  const after = a.shape.slice(axis + 1);
  const picks = shape === null ? [] : shape;
  const nIdx = shape === null ? 1 : idx.length;
  const out = newArray([...before, ...picks, ...after], a.dtype);
  const outer = before.reduce((x, y) => x * y, 1);
  const inner = after.reduce((x, y) => x * y, 1);
  const it = DTYPES[a.dtype].itemsize;
  const el = a.strides.map((s) => s / it);
  const first = a.offset / it;
  let w = 0;
  const bIdx = new Array<number>(before.length).fill(0);
  for (let o = 0; o < outer; o++) {
    let base = first;
    for (let d = 0; d < before.length; d++) base += bIdx[d] * el[d];
    for (let k = 0; k < nIdx; k++) {
      const start = base + idx[k] * el[axis];
      const aIdx = new Array<number>(after.length).fill(0);
      for (let m = 0; m < inner; m++) {
        let pos = start;
        for (let d = 0; d < after.length; d++) pos += aIdx[d] * el[axis + 1 + d];
        out.data[w++] = a.data[pos];
        for (let d = after.length - 1; d >= 0; d--) {
          if (++aIdx[d] < after[d]) break;
          aIdx[d] = 0;
        }
      }
    }
    for (let d = before.length - 1; d >= 0; d--) {
      if (++bIdx[d] < before[d]) break;
      bIdx[d] = 0;
    }
  }
  return out;
}
