/**
 * NumPy's `Generator` over PCG64 (`np.random.default_rng(seed)`): `random`, `integers`,
 * `standard_normal`, `normal`, `uniform`, `shuffle`, `permutation`, `choice`, the same numbers as
 * NumPy for the same seed.
 *
 * Rule: `random` = PCG64 doubles; `integers` = Lemire's method on buffered 32-bit words
 * (./bounded.ts); `standard_normal` = NumPy's 256-layer ziggurat (`random_standard_normal` in
 * distributions.c) with NumPy's own tables (./ziggurat-tables.ts): a 64-bit word gives the layer
 * (8 bits), the sign (1 bit) and a 52-bit magnitude; outside the layer's box, the base layer
 * samples the tail with log1p (glibc's, ./glibc-log1p.ts: the value depends on its last bit) and
 * the others accept by testing against exp(-x^2/2) (V8's exp: only a comparison, and a 1-ulp
 * difference could flip it with probability about 1e-16 per draw).
 */
import type { NDArray } from "../core/ndarray.js";
import { glibcLog1p } from "./glibc-log1p.js";
import { permutationOf, shuffleInPlace } from "./shuffle.js";
import { drawChoice, type ChoiceOptions, type ChoicePopulation } from "./choice.js";
import { drawIntegers, type IntegersOptions } from "./integers.js";
import { PCG64 } from "./pcg64.js";
import { SeedSequence, type Seed } from "./seed-sequence.js";
import { OverflowError, sizedDoubles, type Size } from "./size.js";
import { ValueError } from "../core/errors.js";
import { FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from "./ziggurat-tables.js";

/**
 * NumPy's `np.random.Generator` with a PCG64 bit generator.
 *
 * @example
 * const rng = np.random.default_rng(42);
 * rng.random() // 0.7739560485559633
 */
export class Generator {
  /** The bit generator (NumPy's `rng.bit_generator`). */
  readonly bit_generator: PCG64;

  constructor(bitGenerator: PCG64) {
    this.bit_generator = bitGenerator;
  }

  /**
   * Uniform doubles in [0, 1) of `size` (a number when `size` is absent).
   *
   * @example
   * np.random.default_rng(42).random(3) // array([0.77395605, 0.43887844, 0.85859792])
   */
  random(size?: null): number;
  random(size: number | readonly number[]): NDArray;
  random(size?: Size): number | NDArray;
  random(size?: Size): number | NDArray {
    const bg = this.bit_generator;
    return sizedDoubles(size, () => bg.nextDouble());
  }

  /**
   * Random integers in [low, high) ([low, high] with `endpoint: true`), int32 unless `dtype` says.
   * NumPy's default dtype here is int64; for ranges that fit 32 bits the numbers are the same.
   *
   * @example
   * np.random.default_rng(42).integers(0, 10, 5) // array([0, 7, 6, 4, 4])
   */
  integers(low: number, high?: number | null, size?: null, opts?: IntegersOptions): number;
  integers(low: number, high: number | null | undefined, size: number | readonly number[], opts?: IntegersOptions): NDArray;
  integers(low: number, high?: number | null, size?: Size, opts?: IntegersOptions): number | NDArray;
  integers(low: number, high?: number | null, size?: Size, opts: IntegersOptions = {}): number | NDArray {
    return drawIntegers(this.bit_generator, low, high, size, opts, false);
  }

  /** One standard normal from NumPy's ziggurat. */
  normalOne(): number {
    const bg = this.bit_generator;
    for (;;) {
      bg.next64();
      const hi = bg.outHi;
      const lo = bg.outLo;
      const idx = lo & 0xff;
      const sign = (lo >>> 8) & 1;
      const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9); // bits 9..60: 52 bits
      let x = rabs * WI_DOUBLE[idx];
      if (sign) x = -x;
      if (rabs < KI_DOUBLE[idx]) return x;
      if (idx === 0) {
        for (;;) {
          const xx = -ZIGGURAT_NOR_INV_R * glibcLog1p(-bg.nextDouble());
          const yy = -glibcLog1p(-bg.nextDouble());
          if (yy + yy > xx * xx) return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      } else if ((FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.nextDouble() + FI_DOUBLE[idx] < Math.exp(-0.5 * x * x)) {
        return x;
      }
    }
  }

  /**
   * Standard normal doubles of `size` (a number when `size` is absent).
   *
   * @example
   * np.random.default_rng(42).standard_normal(2) // array([ 0.30471708, -1.03998411])
   */
  standard_normal(size?: null): number;
  standard_normal(size: number | readonly number[]): NDArray;
  standard_normal(size?: Size): number | NDArray;
  standard_normal(size?: Size): number | NDArray {
    return sizedDoubles(size, () => this.normalOne());
  }

  /**
   * Normal doubles with mean `loc` and standard deviation `scale` (loc + scale * ziggurat normal).
   *
   * @example
   * np.random.default_rng(42).normal(10, 2, 2) // array([10.60943416,  7.92003179])
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number | undefined, scale: number | undefined, size: number | readonly number[]): NDArray;
  normal(loc?: number, scale?: number, size?: Size): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size): number | NDArray {
    if (scale < 0) throw new ValueError("scale < 0");
    return sizedDoubles(size, () => loc + scale * this.normalOne());
  }

  /**
   * Uniform doubles in [low, high): low + (high - low) * u.
   *
   * @example
   * np.random.default_rng(42).uniform(-1, 1, 2) // array([ 0.5479121 , -0.12224312])
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number | undefined, high: number | undefined, size: number | readonly number[]): NDArray;
  uniform(low?: number, high?: number, size?: Size): number | NDArray;
  uniform(low = 0, high = 1, size?: Size): number | NDArray {
    const range = high - low;
    if (range < 0) throw new ValueError("high - low < 0");
    if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
    const bg = this.bit_generator;
    return sizedDoubles(size, () => low + range * bg.nextDouble());
  }

  /**
   * Random entries of `a` (a count n for range(n), or an array: picks along `axis`, a new array);
   * `{ replace, p, axis, shuffle }` as NumPy.
   *
   * @example
   * np.random.default_rng(0).choice(5, 3) // array([4, 3, 2])
   * np.random.default_rng(0).choice(5, 3, { replace: false, p: [0.1, 0, 0.3, 0.6, 0] }) // array([3, 2, 0])
   * np.random.default_rng(0).choice(np.arange(6).reshape(2, 3), 2, { axis: 1, replace: false }).tolist() // [[1, 2], [4, 5]]
   */
  choice(a: ChoicePopulation, size?: null, opts?: ChoiceOptions): number;
  choice(a: ChoicePopulation, size: number | readonly number[], opts?: ChoiceOptions): NDArray;
  choice(a: ChoicePopulation, size?: Size, opts?: ChoiceOptions): number | NDArray;
  choice(a: ChoicePopulation, size?: Size, opts: ChoiceOptions = {}): number | NDArray {
    return drawChoice(this.bit_generator, false, a, size, opts);
  }

  /**
   * Shuffle `x` in place along its first axis (does nothing, and draws nothing, for size 0).
   *
   * @example
   * const a = np.arange(5); np.random.default_rng(0).shuffle(a); a // array([2, 4, 3, 0, 1])
   */
  shuffle(x: NDArray): void {
    shuffleInPlace(this.bit_generator, x, true);
  }

  /**
   * A shuffled arange(n) (int32), or a shuffled copy of `x` along its first axis.
   *
   * @example
   * np.random.default_rng(0).permutation(5) // array([2, 4, 3, 0, 1])
   */
  permutation(x: number | NDArray): NDArray {
    return permutationOf(this.bit_generator, x, true);
  }

  /** Shown by console.log. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "Generator(PCG64)";
  }
}

/**
 * NumPy's `np.random.default_rng(seed)`: a Generator over PCG64 seeded through SeedSequence.
 *
 * @example
 * np.random.default_rng(42).random() // 0.7739560485559633
 */
export function default_rng(seed?: Seed | Generator): Generator {
  if (seed instanceof Generator) return seed;
  return new Generator(new PCG64(new SeedSequence(seed)));
}
