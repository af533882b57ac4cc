/**
 * `randint` / `integers`: argument checks in NumPy's words, then the bounded draws of ./bounded.ts.
 *
 * Rule (numpy/random/_bounded_integers.pyx, `_rand_{dtype}` with scalar bounds): high defaults to
 * low with low = 0; with `endpoint` false the draw is in [low, high - 1]; low below the dtype's
 * minimum, high above its maximum, or an empty range raise ValueError; off = low, rng = high - low.
 */
import { DTYPES, INTEGER_RANGE, type DType, type IntegerDType as CoreIntegerDType, type TypedArray } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";
import type { KindOfDType } from "../core/rank.js";
import { boundedBoolFill, boundedFill, type Uint32Source } from "./bounded.js";
import { sizeShape, type Size } from "./size.js";

/** Integer dtypes (and bool) random integers can be drawn in. */
export type IntegerDType = "bool" | CoreIntegerDType;

const RANGE: Readonly<Record<IntegerDType, readonly [number, number]>> = { bool: [0, 1], ...INTEGER_RANGE };

/** The element kind of integers drawn as `dtype` D (this runtime's int32 when absent). */
export type IntegersKind<D> = D extends string ? KindOfDType<D> : "number";

/** Options of `randint` and `integers`. */
export interface IntegersOptions {
  /** Result dtype (default int32, this runtime's default integer). */
  dtype?: DType;
  /** Include `high` (Generator.integers only). */
  endpoint?: boolean;
}

/**
 * Draw integers in [low, high) (or [low, high] with endpoint) of `dtype`; a number when `size` is
 * absent (0/1 for bool), else an array. `masked` selects the legacy algorithm.
 */
export function drawIntegers(
  src: Uint32Source,
  low: number,
  high: number | null | undefined,
  size: Size,
  opts: IntegersOptions,
  masked: boolean,
): number | NDArray {
  const dtype = (opts.dtype ?? "int32") as DType;
  if (!(dtype in RANGE)) {
    throw new TypeError(`Unsupported dtype ${JSON.stringify(dtype)} for randint: use one of ${Object.keys(RANGE).join(", ")}`);
  }
  const dt = dtype as IntegerDType;
  let lo = low;
  let hi = high;
  if (hi === null || hi === undefined) {
    hi = lo;
    lo = 0;
  }
  if (typeof hi !== "number" || typeof lo !== "number") {
    throw new TypeError(`low and high must be numbers, got high=${JSON.stringify(hi)}: for NumPy's randint(n, size=k) write randint(n, null, k)`);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new ValueError(`bounds must be finite numbers, got low=${lo}, high=${hi}`);
  lo = Math.ceil(lo) === lo ? lo : Math.trunc(lo);
  hi = Math.ceil(hi) === hi ? hi : Math.trunc(hi);
  const closed = opts.endpoint === true;
  if (!closed) hi -= 1;
  const [min, max] = RANGE[dt];
  if (lo < min) throw new ValueError(`low is out of bounds for ${dt}`);
  if (hi > max) {
    const hint = opts.dtype === undefined ? ` (int32 is this runtime's default integer; NumPy's is int64: pass { dtype: "uint32" } for up to 2**32)` : "";
    throw new ValueError(`high is out of bounds for ${dt}${hint}`);
  }
  if (lo > hi) throw new ValueError(closed ? "low > high" : "low >= high");
  const rng = hi - lo;
  const shape = sizeShape(size);
  const n = shape === null ? 1 : shape.reduce((a, b) => a * b, 1);
  const out: NDArray | null = shape === null ? null : newArray(shape, dt);
  const data = (out === null ? new DTYPES[dt].ctor(1) : out.data) as TypedArray; // dt is a dtype of at most 32 bits (RANGE)
  if (dt === "bool") boundedBoolFill(src, lo, rng, data, n);
  else {
    const bits = DTYPES[dt].itemsize * 8;
    // off as C's unsigned: the typed array's wrap-around gives off + draw in the dtype
    boundedFill(src, lo, rng, bits as 8 | 16 | 32, masked, data, n);
  }
  if (out !== null) return out;
  return data[0]; // bool dtype: 0 or 1
}
