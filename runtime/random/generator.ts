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
import { drawIntegers, type IntegersKind, type IntegersOptions } from "./integers.js";
import { PCG64 } from "./pcg64.js";
import { SeedSequence, type Seed } from "./seed-sequence.js";
import { OverflowError, sizedDoubles, type ArraySize, type Size } from "./size.js";
import type { ShapeRank } from "../core/rank.js";
import type { DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray as NDArrayClass } from "../core/ndarray.js";
import { params } from "./params.js";
import { normalizeAxisIndex } from "../views/args.js";
import { swapaxes } from "../views/transpose.js";
import { take } from "../indexing/take-put.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { FI_DOUBLE, KI_DOUBLE, WI_DOUBLE, ZIGGURAT_NOR_INV_R, ZIGGURAT_NOR_R } from "./ziggurat-tables.js";

/**
 * NumPy's `np.random.Generator` with a PCG64 bit generator.
 *
 * @example
 * const rng = np.random.default_rng(42);
 * rng.random() // 0.7739560485559633
 */
/** NumPy's keyword `size` as an options field (for `rng.normal({ size: 3 })` and the like). */
export interface SizeOption {
  size?: Size;
}

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
  random<const S extends ArraySize>(size: S | { size: S }): NDArray<ShapeRank<S>, "number">;
  random(size?: Size | SizeOption): number | NDArray;
  random(...args: unknown[]): number | NDArray {
    const { size } = params<{ size: Size }>("random", ["size"], args);
    const bg = this.bit_generator;
    return sizedDoubles(size, () => bg.nextDouble());
  }

  /**
   * Random integers in [low, high) ([low, high] with `endpoint: true`), int32 unless `dtype` says.
   * NumPy's default dtype here is int64; for ranges that fit 32 bits the numbers are the same.
   *
   * @example
   * np.random.default_rng(42).integers(0, 10, 5) // array([0, 7, 6, 4, 4])
   * np.random.default_rng(42).integers(10, { size: 5 }) // array([0, 7, 6, 4, 4])
   */
  integers(low: number, high?: number | null, size?: null, opts?: IntegersOptions): number;
  integers<const S extends ArraySize, const D extends DType | undefined = undefined>(low: number, high: number | null | undefined, size: S, opts?: { dtype?: D; endpoint?: boolean }): NDArray<ShapeRank<S>, IntegersKind<D>>;
  integers<const S extends ArraySize, const D extends DType | undefined = undefined>(low: number, opts: { high?: number | null; size: S; dtype?: D; endpoint?: boolean }): NDArray<ShapeRank<S>, IntegersKind<D>>;
  integers<const S extends ArraySize, const D extends DType | undefined = undefined>(low: number, high: number | null | undefined, opts: { size: S; dtype?: D; endpoint?: boolean }): NDArray<ShapeRank<S>, IntegersKind<D>>;
  integers(low: number, high?: number | null | (IntegersOptions & { high?: number | null; size?: Size }), size?: Size | (IntegersOptions & { size?: Size }), opts?: IntegersOptions): number | NDArray;
  integers(...args: unknown[]): number | NDArray {
    const p = params<IntegersOptions & { low: number; high: number | null; size: Size }>("integers", ["low", "high", "size"], args);
    const opts: IntegersOptions = {};
    if (p.dtype !== undefined) opts.dtype = p.dtype;
    if (p.endpoint !== undefined) opts.endpoint = p.endpoint;
    return drawIntegers(this.bit_generator, p.low as number, p.high, p.size, opts, false);
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
  standard_normal<const S extends ArraySize>(size: S | { size: S }): NDArray<ShapeRank<S>, "number">;
  standard_normal(size?: Size | SizeOption): number | NDArray;
  standard_normal(...args: unknown[]): number | NDArray {
    const { size } = params<{ size: Size }>("standard_normal", ["size"], args);
    return sizedDoubles(size, () => this.normalOne());
  }

  /**
   * Normal doubles with mean `loc` and standard deviation `scale` (loc + scale * ziggurat normal).
   *
   * @example
   * np.random.default_rng(42).normal(10, 2, 2) // array([10.60943416,  7.92003179])
   * np.random.default_rng(42).normal(10, { scale: 2, size: 2 }) // array([10.60943416,  7.92003179])
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal<const S extends ArraySize>(loc: number | undefined, scale: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
  normal<const S extends ArraySize>(opts: { loc?: number; scale?: number; size: S }): NDArray<ShapeRank<S>, "number">;
  normal<const S extends ArraySize>(loc: number, opts: { scale?: number; size: S }): NDArray<ShapeRank<S>, "number">;
  normal<const S extends ArraySize>(loc: number, scale: number, opts: { size: S }): NDArray<ShapeRank<S>, "number">;
  normal(loc?: number | { loc?: number; scale?: number; size?: Size }, scale?: number | { scale?: number; size?: Size }, size?: Size | SizeOption): number | NDArray;
  normal(...args: unknown[]): number | NDArray {
    const { loc = 0, scale = 1, size } = params<{ loc: number; scale: number; size: Size }>("normal", ["loc", "scale", "size"], args);
    if (scale < 0) throw new ValueError("scale < 0");
    return sizedDoubles(size, () => loc + scale * this.normalOne());
  }

  /**
   * Uniform doubles in [low, high): low + (high - low) * u.
   *
   * @example
   * np.random.default_rng(42).uniform(-1, 1, 2) // array([ 0.5479121 , -0.12224312])
   * np.random.default_rng(42).uniform(-1, 1, { size: 2 }) // array([ 0.5479121 , -0.12224312])
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform<const S extends ArraySize>(low: number | undefined, high: number | undefined, size: S): NDArray<ShapeRank<S>, "number">;
  uniform<const S extends ArraySize>(opts: { low?: number; high?: number; size: S }): NDArray<ShapeRank<S>, "number">;
  uniform<const S extends ArraySize>(low: number, opts: { high?: number; size: S }): NDArray<ShapeRank<S>, "number">;
  uniform<const S extends ArraySize>(low: number, high: number, opts: { size: S }): NDArray<ShapeRank<S>, "number">;
  uniform(low?: number | { low?: number; high?: number; size?: Size }, high?: number | { high?: number; size?: Size }, size?: Size | SizeOption): number | NDArray;
  uniform(...args: unknown[]): number | NDArray {
    const { low = 0, high = 1, size } = params<{ low: number; high: number; size: Size }>("uniform", ["low", "high", "size"], args);
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
  choice(a: ChoicePopulation, opts: ChoiceOptions & { size: number | readonly number[] }): NDArray;
  choice(a: ChoicePopulation, size?: Size | (ChoiceOptions & SizeOption), opts?: ChoiceOptions): number | NDArray;
  choice(...args: unknown[]): number | NDArray {
    const { a, size, ...opts } = params<ChoiceOptions & { a: ChoicePopulation; size: Size }>("choice", ["a", "size", "replace", "p", "axis", "shuffle"], args);
    return drawChoice(this.bit_generator, false, a as ChoicePopulation, size, opts);
  }

  /**
   * Shuffle `x` in place along its first axis (does nothing, and draws nothing, for size 0).
   *
   * @example
   * const a = np.arange(5); np.random.default_rng(0).shuffle(a); a // array([2, 4, 3, 0, 1])
   * const m = np.arange(6).reshape(2, 3); np.random.default_rng(0).shuffle(m, { axis: 1 }); m.tolist() // [[2, 0, 1], [5, 3, 4]]
   */
  shuffle(x: NDArray, axis?: number | { axis?: number }): void {
    const ax = typeof axis === "object" ? (axis.axis ?? 0) : (axis ?? 0);
    if (!(x instanceof NDArrayClass)) throw new TypeError("shuffle expects an NDArray");
    if (x.ndim === 0) throw new TypeError("len() of unsized object");
    const k = normalizeAxisIndex(ax, x.ndim);
    // NumPy shuffles np.swapaxes(x, 0, axis) along its first axis: the same draws, in place
    shuffleInPlace(this.bit_generator, k === 0 ? x : swapaxes(x, 0, k), true);
  }

  /**
   * A shuffled arange(n) (int32), or a shuffled copy of `x` along its first axis.
   *
   * @example
   * np.random.default_rng(0).permutation(5) // array([2, 4, 3, 0, 1])
   * np.random.default_rng(0).permutation([1, 4, 9, 12, 15]) // array([ 9, 15, 12,  1,  4])
   * np.random.default_rng(0).permutation(np.arange(6).reshape(2, 3), { axis: 1 }).tolist() // [[2, 0, 1], [5, 3, 4]]
   */
  permutation(x: number | ArrayLike, axis?: number | { axis?: number }): NDArray {
    const ax = typeof axis === "object" ? (axis.axis ?? 0) : (axis ?? 0);
    if (typeof x === "number") return permutationOf(this.bit_generator, x, true);
    const arr = x instanceof NDArrayClass ? x : asarray(x);
    if (arr.ndim === 0) normalizeAxisIndex(ax, 0); // NumPy's AxisError, before drawing
    if (arr.ndim === 0 || ax === 0) return permutationOf(this.bit_generator, arr, true);
    x = arr;
    // NumPy: shuffle arange(shape[axis]) and index along the axis with it (a copy)
    const k = normalizeAxisIndex(ax, x.ndim);
    const idx = permutationOf(this.bit_generator, x.shape[k], true);
    return take(x, idx, k) as NDArray;
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
