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
 * method one at a time. `p` is checked as NumPy checks it (Kahan sum within sqrt(eps) of 1).
 * Not covered: `replace: false` together with `p`, and Generator's n-D `a` with `axis`.
 */
import { DTYPES } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { boundedFill, genMask, type Uint32Source } from "./bounded.js";
import { drawIntegers } from "./integers.js";
import { permutationOf } from "./shuffle.js";
import { sizeShape, type Size } from "./size.js";

/** Options of `choice`. */
export interface ChoiceOptions {
  /** Draw with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each entry of `a` (default uniform). */
  p?: NDArray | readonly number[];
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
function generatorNoReplace(src: Uint32Source, pop: number, size: number): number[] {
  if (pop > 10000 && size > Math.floor(pop / 50)) {
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
  for (let i = size - 1; i >= 1; i--) {
    const j = lemire(src, i);
    const t = out[j];
    out[j] = out[i];
    out[i] = t;
  }
  return out;
}

/**
 * Draw from `a` (a count n for range(n), or a 1-D array). A number when `size` is absent.
 * `legacy` selects RandomState's algorithms and words.
 */
export function drawChoice(src: ChoiceSource, legacy: boolean, a: number | NDArray, size: Size, opts: ChoiceOptions): number | NDArray {
  const q = (s: string) => (legacy ? `'${s}'` : s);
  let pop: number;
  if (typeof a === "number") {
    if (!Number.isInteger(a)) throw new TypeError(`a must be an integer or a 1-D array, got ${a}`);
    pop = a;
  } else {
    if (a.ndim !== 1) throw new ValueError("a must be 1-dimensional");
    pop = a.shape[0];
  }
  const shape = sizeShape(size);
  const n = shape === null ? 1 : shape.reduce((x, y) => x * y, 1);
  if (pop <= 0 && n !== 0) {
    if (typeof a !== "number") throw new ValueError(`${q("a")} cannot be empty unless no samples are taken`);
    throw new ValueError(legacy ? "a must be greater than 0 unless no samples are taken" : "a must be a positive integer unless no samples are taken");
  }
  let p: Float64Array | null = null;
  if (opts.p !== undefined) {
    p = opts.p instanceof NDArray ? Float64Array.from(readFlat(opts.p)) : Float64Array.from(opts.p);
    if (opts.p instanceof NDArray && opts.p.ndim !== 1) throw new ValueError(`${q("p")} must be 1-dimensional`);
    if (p.length !== pop) throw new ValueError(`${q("a")} and ${q("p")} must have same size`);
    const sum = kahanSum(p);
    if (Number.isNaN(sum)) throw new ValueError("probabilities contain NaN");
    if (p.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
    if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) throw new ValueError("probabilities do not sum to 1");
  }
  const replace = opts.replace ?? true;
  let idx: ArrayLike<number>;
  if (replace && n === 0) {
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
      idx = r.data;
    }
  } else {
    if (n > pop) {
      throw new ValueError(legacy ? "Cannot take a larger sample than population when 'replace=False'" : "Cannot take a larger sample than population when replace is False");
    }
    if (p !== null) throw new TypeError("choice with replace: false and p is not supported: draw with replace: true, or without p");
    idx = legacy ? permutationOf(src, pop, true).data.subarray(0, n) : generatorNoReplace(src, pop, n);
  }
  if (typeof a === "number") {
    if (shape === null) return idx[0];
    const out = newArray(shape, "int32");
    for (let i = 0; i < n; i++) out.data[i] = idx[i];
    return out;
  }
  const it = DTYPES[a.dtype].itemsize;
  const first = a.offset / it;
  const st = a.strides[0] / it;
  if (shape === null) return a.data[first + idx[0] * st];
  const out = newArray(shape, a.dtype);
  for (let i = 0; i < n; i++) out.data[i] = a.data[first + idx[i] * st];
  return out;
}
