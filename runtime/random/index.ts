/**
 * `np.random`: NumPy's legacy functions over one global RandomState (seeded from entropy on first
 * use; NumPy seeds it at import), plus `default_rng`, `Generator`, `RandomState`, `SeedSequence`, `PCG64`.
 */
import type { NDArray } from "../core/ndarray.js";
import { default_rng, Generator } from "./generator.js";
import type { IntegersKind, IntegersOptions } from "./integers.js";
import type { ChoiceOptions, ChoicePopulation } from "./choice.js";
import { RandomState, type LegacySeed, type LegacyState, type LegacyStateInput } from "./legacy.js";
import { PCG64 } from "./pcg64.js";
import { SeedSequence } from "./seed-sequence.js";
import type { ArraySize, Size } from "./size.js";
import type { ShapeRank } from "../core/rank.js";
import type { DType } from "../core/dtype.js";

let globalState: RandomState | undefined;
/**
 * The global legacy generator, made (and seeded from entropy) on first use rather than at load:
 * a startup snapshot of the runtime must not carry one seed into every process started from it.
 */
const global = (): RandomState => (globalState ??= new RandomState());

/**
 * Reseed the global legacy generator (NumPy's `np.random.seed`): an integer in [0, 2^32), an
 * array of them, or nothing for fresh entropy.
 * @example np.random.seed(0); np.random.rand() // 0.5488135039273248
 */
function seed(s?: LegacySeed): void {
  global().seed(s);
}

/**
 * Uniform doubles in [0, 1) of shape (d0, d1, ...) from the legacy stream; a number with no argument.
 * @example np.random.seed(0); np.random.rand(3) // array([0.5488135 , 0.71518937, 0.60276338])
 */
function rand(): number;
function rand<const D extends [number, ...number[]]>(...shape: D): NDArray<D["length"], "number">;
function rand(...shape: number[]): number | NDArray {
  return global().rand(...shape);
}

/**
 * Standard normals of shape (d0, d1, ...) from the legacy stream (NumPy's polar method, glibc's log).
 * @example np.random.seed(0); np.random.randn(3) // array([1.76405235, 0.40015721, 0.97873798])
 */
function randn(): number;
function randn<const D extends [number, ...number[]]>(...shape: D): NDArray<D["length"], "number">;
function randn(...shape: number[]): number | NDArray {
  return global().randn(...shape);
}

/**
 * Integers in [low, high) ([0, low) without high), int32 unless `{ dtype }` says; legacy stream.
 * @example np.random.seed(0); np.random.randint(0, 10, 5) // array([5, 0, 3, 3, 7])
 */
function randint(low: number, high?: number | null, size?: null, opts?: IntegersOptions): number;
function randint<const S extends ArraySize, const D extends DType | undefined = undefined>(low: number, high: number | null | undefined, size: S, opts?: { dtype?: D }): NDArray<ShapeRank<S>, IntegersKind<D>>;
function randint(low: number, high?: number | null, size?: Size, opts?: IntegersOptions): number | NDArray {
  return global().randint(low, high, size, opts);
}

/**
 * Uniform doubles in [0, 1) of `size` from the legacy stream; a number without `size`.
 * @example np.random.seed(0); np.random.random(2) // array([0.5488135 , 0.71518937])
 */
function random_sample(size?: null): number;
function random_sample<const S extends ArraySize>(size: S): NDArray<ShapeRank<S>, "number">;
function random_sample(size?: Size): number | NDArray {
  return global().random_sample(size);
}

/**
 * Standard normals of `size` from the legacy stream (as `randn`).
 * @example np.random.seed(0); np.random.standard_normal(2) // array([1.76405235, 0.40015721])
 */
function standard_normal(size?: null): number;
function standard_normal<const S extends ArraySize>(size: S): NDArray<ShapeRank<S>, "number">;
function standard_normal(size?: Size): number | NDArray {
  return global().standard_normal(size);
}

/**
 * Normals with mean `loc` and standard deviation `scale`, legacy stream (loc + scale * randn).
 * @example np.random.seed(0); np.random.normal(10, 2, 2) // array([13.52810469, 10.80031442])
 */
function normal(loc?: number, scale?: number, size?: null): number;
function normal<const S extends ArraySize>(loc: number | undefined, scale: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
function normal(loc?: number, scale?: number, size?: Size): number | NDArray {
  return global().normal(loc, scale, size);
}

/**
 * Uniform doubles in [low, high), legacy stream.
 * @example np.random.seed(0); np.random.uniform(-1, 1, 2) // array([0.09762701, 0.43037873])
 */
function uniform(low?: number, high?: number, size?: null): number;
function uniform<const S extends ArraySize>(low: number | undefined, high: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
function uniform(low?: number, high?: number, size?: Size): number | NDArray {
  return global().uniform(low, high, size);
}

/**
 * Shuffle `x` in place along its first axis, legacy stream.
 * @example np.random.seed(0); const a = np.arange(5); np.random.shuffle(a); a // array([2, 0, 1, 3, 4])
 */
function shuffle(x: NDArray): void {
  global().shuffle(x);
}

/**
 * A shuffled arange(n) (int32) or a shuffled copy of `x` along its first axis, legacy stream.
 * @example np.random.seed(0); np.random.permutation(5) // array([2, 0, 1, 3, 4])
 */
function permutation(x: number | NDArray): NDArray {
  return global().permutation(x);
}

/**
 * Random entries of `a` (a count n for range(n), or a 1-D array), legacy stream; `{ replace, p }` as NumPy
 * (also together: without replacement, weighted, by NumPy's redraw loop).
 * @example
 * np.random.seed(0); np.random.choice(5, 3) // array([4, 0, 3])
 * np.random.seed(0); np.random.choice(5, 3, { replace: false, p: [0.1, 0, 0.3, 0.6, 0] }) // array([3, 2, 0])
 * np.random.seed(0); np.random.choice(5, 3, false, [0.1, 0, 0.3, 0.6, 0]) // array([3, 2, 0])
 */
function choice(a: ChoicePopulation, size?: null, opts?: ChoiceOptions): number;
function choice(a: ChoicePopulation, size: number | readonly number[], opts?: ChoiceOptions): NDArray;
function choice(a: ChoicePopulation, opts: ChoiceOptions & { size?: Size }): number | NDArray;
function choice(a: ChoicePopulation, size: Size, replace: boolean, opts?: ChoiceOptions): number | NDArray;
function choice(a: ChoicePopulation, size: Size, replace: boolean, p?: ChoiceOptions["p"], opts?: ChoiceOptions): number | NDArray;
function choice(a: ChoicePopulation, size?: Size, opts?: ChoiceOptions): number | NDArray;
function choice(...args: unknown[]): number | NDArray {
  const g = global();
  return (g.choice as (...a: unknown[]) => number | NDArray).apply(g, args);
}

/**
 * The global legacy generator's state, NumPy's tuple ["MT19937", keys, pos, has_gauss, cached_gaussian].
 * @example np.random.seed(0); np.random.get_state()[2] // 624
 */
function get_state(): LegacyState {
  return global().get_state();
}

/**
 * Restore the global legacy generator from `get_state()`.
 * @example const s = np.random.get_state(); const x = np.random.rand(); np.random.set_state(s); np.random.rand() === x // true
 */
function set_state(state: LegacyStateInput): void {
  global().set_state(state);
}

/** NumPy's `np.random` namespace. */
export const random = {
  seed,
  rand,
  randn,
  randint,
  random: random_sample,
  random_sample,
  standard_normal,
  normal,
  uniform,
  shuffle,
  permutation,
  choice,
  get_state,
  set_state,
  default_rng,
  Generator,
  RandomState,
  SeedSequence,
  PCG64,
};
