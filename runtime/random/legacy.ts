/**
 * NumPy's legacy random stream (`np.random.seed`, `rand`, `randn`, `randint`, `random`, `normal`,
 * `uniform`, `shuffle`, `permutation`, `choice`): a `RandomState` over MT19937 that gives the same
 * numbers as NumPy for the same seed.
 *
 * Rule: uniform doubles are MT19937's 53-bit doubles (./mt19937.ts); normals are NumPy's
 * `legacy_gauss`, Marsaglia's polar method: draw x1, x2 = 2u - 1 until 0 < r2 = x1^2 + x2^2 < 1,
 * f = sqrt(-2 log(r2) / r2), return f*x2 and keep f*x1 for the next call (the cache is cleared by
 * `seed`). `log` must be glibc's (./glibc-log.ts): Math.log differs in the last bit for 7.3% of
 * the r2 values randn meets. Integers: masked rejection (./bounded.ts). Arrays fill in C order.
 */
import { randomFillSync } from "node:crypto";
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { readFlat } from "../core/iterate.js";
import { glibcLog } from "./glibc-log.js";
import { drawIntegers, type IntegersKind, type IntegersOptions } from "./integers.js";
import { MT19937 } from "./mt19937.js";
import { OverflowError, sizedDoubles, sizeShape, type ArraySize, type Size } from "./size.js";
import type { ShapeRank } from "../core/rank.js";
import type { DType } from "../core/dtype.js";
import { permutationOf, shuffleInPlace } from "./shuffle.js";
import { drawChoice, type ChoiceOptions, type ChoicePopulation } from "./choice.js";
import { params } from "./params.js";

/** NumPy's legacy state tuple: name, 624 keys, position, has_gauss, cached_gaussian. */
export type LegacyState = [name: "MT19937", keys: NDArray, pos: number, has_gauss: number, cached_gaussian: number];

/** What `set_state` takes: a `get_state()` tuple, or its first 3 (or 4, 5) entries with plain numbers as keys. */
export type LegacyStateInput = readonly [name: string, keys: NDArray | ArrayLike<number>, pos: number, has_gauss?: number, cached_gaussian?: number];

/** A seed NumPy's RandomState accepts: an integer in [0, 2^32), an array of them, or nothing (entropy). */
export type LegacySeed = number | readonly number[] | null | undefined;

function checkWord(v: number): number {
  if (!Number.isInteger(v)) throw new TypeError(`seed must be an integer or an array of integers, got ${v}`);
  if (v < 0 || v > 4294967295) throw new ValueError("Seed must be between 0 and 2**32 - 1");
  return v;
}

/**
 * NumPy's `np.random.RandomState`: the legacy generator behind `np.random.seed`, `rand`, `randn`.
 *
 * @example
 * const rs = new RandomState(0);
 * rs.rand() // 0.5488135039273248
 */
export class RandomState {
  /** The bit generator. */
  readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  constructor(seed?: LegacySeed) {
    this.seed(seed);
  }

  /**
   * Reseed: an integer in [0, 2^32) (NumPy's init_genrand), an array (init_by_array), or nothing
   * for fresh entropy. Clears the cached normal.
   *
   * @example
   * np.random.seed(0); np.random.rand() // 0.5488135039273248
   */
  seed(seed?: LegacySeed): void {
    if (seed === null || seed === undefined) {
      const words = new Uint32Array(624);
      randomFillSync(words);
      this.mt.seedByArray(words);
    } else if (typeof seed === "number") {
      this.mt.seed(checkWord(seed));
    } else {
      if (seed.length === 0) throw new ValueError("Seed must be non-empty");
      this.mt.seedByArray(seed.map(checkWord));
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /**
   * The generator's state as NumPy's `get_state()` tuple: ["MT19937", keys (uint32, 624),
   * pos, has_gauss, cached_gaussian]. `set_state` takes it back.
   *
   * @example
   * np.random.seed(0); np.random.get_state()[2] // 624
   */
  get_state(): LegacyState {
    const keys = newArray([624], "uint32");
    (keys.data as Uint32Array).set(this.mt.key);
    return ["MT19937", keys, this.mt.pos, this.hasGauss ? 1 : 0, this.gauss];
  }

  /**
   * Restore a state from `get_state()` (NumPy's `set_state`); a 3-element state clears the cached normal.
   *
   * @example
   * const s = np.random.get_state(); const x = np.random.rand(); np.random.set_state(s); np.random.rand() === x // true
   */
  set_state(state: LegacyStateInput): void {
    const [name, keys, pos] = state;
    if (name !== "MT19937") throw new ValueError(`set_state can only be used with legacy MT19937 state instances, got '${name}'`);
    const k = keys instanceof NDArray ? readFlat(keys) : keys;
    if (k.length !== 624) throw new ValueError(`state must be 624 elements, got ${k.length}`);
    if (!Number.isInteger(pos) || pos < 0 || pos > 624) throw new ValueError(`pos must be in [0, 624], got ${pos}`);
    for (let i = 0; i < 624; i++) this.mt.key[i] = Number(k[i]);
    this.mt.pos = pos;
    this.hasGauss = Boolean(state[3] ?? 0);
    this.gauss = state[4] ?? 0;
  }

  /**
   * Uniform doubles in [0, 1) of shape (d0, d1, ...); a number with no arguments.
   *
   * @example
   * np.random.seed(0); np.random.rand(2) // array([0.5488135 , 0.71518937])
   */
  rand(): number;
  rand<const D extends [number, ...number[]]>(...shape: D): NDArray<D["length"], "number">;
  rand(...shape: number[]): number | NDArray;
  rand(...shape: number[]): number | NDArray {
    return this.random_sample(shape.length === 0 ? undefined : shape);
  }

  /**
   * Uniform doubles in [0, 1) of `size` (a number, a shape, or nothing for one number).
   *
   * @example
   * np.random.seed(0); np.random.random_sample([2, 2]).shape // [2, 2]
   */
  random_sample(size?: null): number;
  random_sample<const S extends ArraySize>(size: S): NDArray<ShapeRank<S>, "number">;
  random_sample(size?: Size): number | NDArray;
  random_sample(size?: Size): number | NDArray {
    const shape = sizeShape(size);
    if (shape === null) return this.mt.nextDouble();
    const out = newArray(shape, "float64");
    this.mt.fillDoubles(out.data as Float64Array, out.size);
    return out;
  }

  /** Same as `random_sample` (NumPy's alias). @example np.random.random(3).shape // [3] */
  random(size?: null): number;
  random<const S extends ArraySize>(size: S): NDArray<ShapeRank<S>, "number">;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    return this.random_sample(size);
  }

  /** One standard normal from NumPy's legacy polar method (bit for bit). */
  gaussOne(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const g = this.gauss;
      this.gauss = 0;
      return g;
    }
    const mt = this.mt;
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * mt.nextDouble() - 1;
      x2 = 2 * mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * Standard normal doubles of shape (d0, d1, ...); a number with no arguments.
   *
   * @example
   * np.random.seed(0); np.random.randn(2) // array([1.76405235, 0.40015721])
   */
  randn(): number;
  randn<const D extends [number, ...number[]]>(...shape: D): NDArray<D["length"], "number">;
  randn(...shape: number[]): number | NDArray;
  randn(...shape: number[]): number | NDArray {
    return this.standard_normal(shape.length === 0 ? undefined : shape);
  }

  /** Standard normals of `size` (legacy stream, as `randn`). @example np.random.standard_normal(3).shape // [3] */
  standard_normal(size?: null): number;
  standard_normal<const S extends ArraySize>(size: S): NDArray<ShapeRank<S>, "number">;
  standard_normal(size?: Size): number | NDArray;
  standard_normal(size?: Size): number | NDArray {
    return sizedDoubles(size, () => this.gaussOne());
  }

  /**
   * Normal doubles with mean `loc` and standard deviation `scale` (NumPy's legacy_normal:
   * loc + scale * gauss, from the same stream as randn).
   *
   * @example
   * np.random.seed(0); np.random.normal(10, 2, 2) // array([13.52810469, 10.80031442])
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal<const S extends ArraySize>(loc: number | undefined, scale: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    if (scale < 0) throw new ValueError("scale < 0");
    return sizedDoubles(size, () => loc + scale * this.gaussOne());
  }

  /**
   * Uniform doubles in [low, high) (NumPy's random_uniform: low + (high - low) * u).
   *
   * @example
   * np.random.seed(0); np.random.uniform(-1, 1, 2) // array([0.09762701, 0.43037873])
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform<const S extends ArraySize>(low: number | undefined, high: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const range = high - low;
    if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
    const mt = this.mt;
    return sizedDoubles(size, () => low + range * mt.nextDouble());
  }

  /**
   * Random entries of `a` (a count n for range(n), or a 1-D array); NumPy's
   * `choice(a, size=None, replace=True, p=None)`: `replace` and `p` by position or in `{ replace, p }`.
   *
   * @example
   * np.random.seed(0); np.random.choice(5, 3) // array([4, 0, 3])
   * np.random.seed(0); np.random.choice(5, 3, false) // array([2, 0, 1])
   * np.random.seed(0); np.random.choice(5, 3, true, [0.1, 0, 0.3, 0.6, 0]) // array([3, 3, 3])
   */
  choice(a: ChoicePopulation, size?: null, opts?: ChoiceOptions): number;
  choice(a: ChoicePopulation, size: number | readonly number[], opts?: ChoiceOptions): NDArray;
  choice(a: ChoicePopulation, opts: ChoiceOptions & { size?: Size }): number | NDArray;
  choice(a: ChoicePopulation, size: Size, replace: boolean, opts?: ChoiceOptions): number | NDArray;
  choice(a: ChoicePopulation, size: Size, replace: boolean, p?: ChoiceOptions["p"], opts?: ChoiceOptions): number | NDArray;
  choice(a: ChoicePopulation, size?: Size, opts?: ChoiceOptions): number | NDArray;
  choice(...args: unknown[]): number | NDArray {
    const { a, size, ...opts } = params<ChoiceOptions & { a: ChoicePopulation; size: Size }>("choice", ["a", "size", "replace", "p"], args);
    return drawChoice(this.mt, true, a as ChoicePopulation, size, opts);
  }

  /**
   * Shuffle `x` in place along its first axis (NumPy's legacy Fisher-Yates).
   *
   * @example
   * np.random.seed(0); const a = np.arange(5); np.random.shuffle(a); a // array([2, 0, 1, 3, 4])
   */
  shuffle(x: NDArray): void {
    shuffleInPlace(this.mt, x, true);
  }

  /**
   * A shuffled arange(n) (int32), or a shuffled copy of `x` along its first axis.
   *
   * @example
   * np.random.seed(0); np.random.permutation(5) // array([2, 0, 1, 3, 4])
   */
  permutation(x: number | NDArray): NDArray {
    return permutationOf(this.mt, x, true);
  }

  /**
   * Random integers in [low, high) (or [0, low) when high is absent), int32 unless `dtype` says.
   *
   * @example
   * np.random.seed(0); np.random.randint(10, null, 5) // array([5, 0, 3, 3, 7])
   */
  randint(low: number, high?: number | null, size?: null, opts?: IntegersOptions): number;
  randint<const S extends ArraySize, const D extends DType | undefined = undefined>(low: number, high: number | null | undefined, size: S, opts?: { dtype?: D }): NDArray<ShapeRank<S>, IntegersKind<D>>;
  randint(low: number, high?: number | null, size?: Size, opts?: IntegersOptions): number | NDArray;
  randint(low: number, high?: number | null, size?: Size, opts: IntegersOptions = {}): number | NDArray {
    if (opts.endpoint !== undefined) throw new TypeError("randint() got an unexpected keyword argument 'endpoint'");
    return drawIntegers(this.mt, low, high, size, opts, true);
  }
}
