/**
 * Machine limits of the dtypes: `np.iinfo` for the integer dtypes and `np.finfo` for the float
 * dtypes, with NumPy 1.24's fields, repr (`String`-less display: what a cell shows) and str
 * (`String(info)`), as numpy/core/getlimits.py prints them.
 *
 * Values: int64/uint64 limits are JS `bigint` (exact, as every int64 element read here); other
 * integer limits and every float field are JS numbers (a float32 field is the float32 value,
 * exactly, as a double). The dtype is named by its string, as everywhere in the runtime.
 */
import { DTYPES, toDType, type DType } from "./dtype.js";
import { ValueError } from "./errors.js";

/** The integer dtypes `iinfo` describes. */
export type IntDType = "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64";

/** The float dtypes `finfo` describes. */
export type FloatDType = "float32" | "float64";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const DISPLAY = Symbol.for("Jupyter.display");
const RULE = "---------------------------------------------------------------";


/**
 * Limits of an integer dtype, named by its string (`np.iinfo(a.dtype)` for an array's, as in NumPy).
 *
 * @example
 * const i = np.iinfo("int8");
 * [i.min, i.max, i.bits] // [-128, 127, 8]
 * np.iinfo("uint64").max // 18446744073709551615n
 * np.iinfo(np.arange(3, { dtype: "uint16" }).dtype).max // 65535
 * np.iinfo("float32") // throws ValueError: Invalid integer data type 'f'.
 */
export function iinfo<T extends IntDType>(type: T): IInfo<T>;
export function iinfo(type: DType): IInfo;
export function iinfo(type: DType): IInfo {
  return new IInfo(type as IntDType);
}

/**
 * Limits of a float dtype, named by its string (`np.finfo(a.dtype)` for an array's, as in NumPy).
 *
 * @example
 * np.finfo("float64").eps // 2.220446049250313e-16
 * np.finfo("float32").eps // 1.1920928955078125e-7
 * np.finfo("float32").max // 3.4028234663852886e+38
 * np.finfo(np.zeros(2).dtype).tiny // 2.2250738585072014e-308
 * np.finfo("int32") // throws ValueError: data type <class 'numpy.int32'> not inexact
 */
export function finfo<T extends FloatDType>(type: T): FInfo<T>;
export function finfo(type: DType): FInfo;
export function finfo(type: DType): FInfo {
  return new FInfo(type as FloatDType);
}

/**
 * What `np.iinfo` returns: the limits of an integer dtype.
 *
 * @example
 * np.iinfo("int32") instanceof IInfo // true
 */
export class IInfo<T extends IntDType = IntDType> {
  /** Bits per element. */
  readonly bits: number;
  /** The smallest value (a bigint for int64/uint64). */
  readonly min: T extends "int64" | "uint64" ? bigint : number;
  /** The largest value (a bigint for int64/uint64). */
  readonly max: T extends "int64" | "uint64" ? bigint : number;
  /** The dtype described. */
  readonly dtype: T;
  /** NumPy's kind character: `i` signed, `u` unsigned. */
  readonly kind: "i" | "u";

  /**
   * The limits of the integer dtype `type`.
   *
   * @example
   * new IInfo("int32").max // 2147483647
   */
  constructor(type: T) {
    const dtype = toDType(type);
    const info = DTYPES[dtype];
    if (info.kind !== "i" && info.kind !== "u") throw new ValueError(`Invalid integer data type '${info.kind}'.`);
    this.dtype = dtype as T;
    this.kind = info.kind;
    this.bits = info.itemsize * 8;
    const bits = BigInt(this.bits);
    const lo = info.kind === "u" ? 0n : -(1n << (bits - 1n));
    const hi = info.kind === "u" ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
    const big = dtype === "int64" || dtype === "uint64";
    this.min = (big ? lo : Number(lo)) as this["min"];
    this.max = (big ? hi : Number(hi)) as this["max"];
  }

  /**
   * NumPy's `repr(np.iinfo(t))`, what a cell shows.
   *
   * @example
   * np.iinfo("int16").repr() // "iinfo(min=-32768, max=32767, dtype=int16)"
   */
  repr(): string {
    return `iinfo(min=${this.min}, max=${this.max}, dtype=${this.dtype})`;
  }

  /**
   * NumPy's `str(np.iinfo(t))`.
   *
   * @example
   * String(np.iinfo("uint8")) // "Machine parameters for uint8\n---...\nmin = 0\nmax = 255\n---...\n"
   */
  toString(): string {
    return `Machine parameters for ${this.dtype}\n${RULE}\nmin = ${this.min}\nmax = ${this.max}\n${RULE}\n`;
  }

  /** The repr for `console.log` and Node's inspect. */
  [INSPECT](): string {
    return this.repr();
  }

  /** The repr as a cell's result. */
  [DISPLAY](): Record<string, string> {
    return { "text/plain": this.repr() };
  }
}

/** The fields of one float dtype: NumPy's MachAr numbers. */
interface FloatParams {
  bits: number;
  nmant: number;
  nexp: number;
  minexp: number;
  maxexp: number;
  precision: number;
  /** printf's `%.Ne` digits after the point in NumPy's str (`%24.16e` for double, `%15.7e` for single). */
  strDigits: number;
}

const FLOAT_PARAMS: Readonly<Record<FloatDType, FloatParams>> = {
  float32: { bits: 32, nmant: 23, nexp: 8, minexp: -126, maxexp: 128, precision: 6, strDigits: 7 },
  float64: { bits: 64, nmant: 52, nexp: 11, minexp: -1022, maxexp: 1024, precision: 15, strDigits: 16 },
};

/** C's `%.{d}e` of a finite double: the exponent has at least two digits. @example printfExp(1e-15, 16) // "1.0000000000000001e-15" */
export function printfExp(x: number, digits: number): string {
  const [m, e] = x.toExponential(digits).split("e");
  const sign = e.startsWith("-") ? "-" : "+";
  const abs = e.replace(/^[+-]/, "");
  return `${m}e${sign}${abs.padStart(2, "0")}`;
}

/**
 * What `np.finfo` returns: the limits of a float dtype.
 *
 * @example
 * np.finfo("float32").precision // 6
 */
export class FInfo<T extends FloatDType = FloatDType> {
  /** Bits per element. */
  readonly bits: number;
  /** The gap between 1 and the next larger float: 2^machep. */
  readonly eps: number;
  /** The gap between 1 and the next smaller float: 2^negep. */
  readonly epsneg: number;
  /** Bits of the exponent (NumPy's `iexp`, the same as `nexp`). */
  readonly iexp: number;
  /** The exponent of `eps`. */
  readonly machep: number;
  /** The largest finite value. */
  readonly max: number;
  /** The smallest power of two that overflows. */
  readonly maxexp: number;
  /** The most negative finite value, `-max`. */
  readonly min: number;
  /** The exponent of the smallest normal value. */
  readonly minexp: number;
  /** The exponent of `epsneg`. */
  readonly negep: number;
  /** Bits of the exponent. */
  readonly nexp: number;
  /** Bits of the mantissa. */
  readonly nmant: number;
  /** Decimal digits of precision: floor(-log10(eps)). */
  readonly precision: number;
  /** 10^-precision (in the dtype). */
  readonly resolution: number;
  /** The smallest positive normal value. */
  readonly smallest_normal: number;
  /** The smallest positive subnormal value. */
  readonly smallest_subnormal: number;
  /** The smallest positive normal value (NumPy's older name for `smallest_normal`). */
  readonly tiny: number;
  /** The dtype described. */
  readonly dtype: T;
  readonly #digits: number;

  /**
   * The limits of the float dtype `type`.
   *
   * @example
   * new FInfo("float64").nmant // 52
   */
  constructor(type: T) {
    const dtype = toDType(type);
    if (dtype !== "float32" && dtype !== "float64") {
      throw new ValueError(`data type <class 'numpy.${dtype === "bool" ? "bool_" : dtype}'> not inexact`);
    }
    const p = FLOAT_PARAMS[dtype];
    const round = dtype === "float32" ? Math.fround : (x: number): number => x;
    this.dtype = dtype as T;
    this.bits = p.bits;
    this.nmant = p.nmant;
    this.nexp = p.nexp;
    this.iexp = p.nexp;
    this.machep = -p.nmant;
    this.negep = -p.nmant - 1;
    this.minexp = p.minexp;
    this.maxexp = p.maxexp;
    this.precision = p.precision;
    this.eps = 2 ** this.machep;
    this.epsneg = 2 ** this.negep;
    this.max = (2 - this.eps) * 2 ** (p.maxexp - 1);
    this.min = -this.max;
    this.tiny = 2 ** p.minexp;
    this.smallest_normal = this.tiny;
    this.smallest_subnormal = 2 ** (p.minexp - p.nmant);
    this.resolution = round(10 ** -p.precision);
    this.#digits = p.strDigits;
  }

  /**
   * NumPy's `repr(np.finfo(t))`, what a cell shows.
   *
   * @example
   * np.finfo("float64").repr() // "finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)"
   */
  repr(): string {
    const max = printfExp(this.max, this.#digits);
    const resolution = `1e-${String(this.precision).padStart(2, "0")}`; // NumPy's shortest repr of 10^-precision
    return `finfo(resolution=${resolution}, min=-${max}, max=${max}, dtype=${this.dtype})`;
  }

  /**
   * NumPy's `str(np.finfo(t))`.
   *
   * @example
   * String(np.finfo("float32")).split("\n")[3] // "machep =    -23   eps =        1.1920929e-07"
   */
  toString(): string {
    const f = (x: number): string => printfExp(x, this.#digits);
    const r = (x: number, w: number): string => String(x).padStart(w);
    return (
      `Machine parameters for ${this.dtype}\n${RULE}\n` +
      `precision = ${r(this.precision, 3)}   resolution = ${f(this.resolution)}\n` +
      `machep = ${r(this.machep, 6)}   eps =        ${f(this.eps)}\n` +
      `negep =  ${r(this.negep, 6)}   epsneg =     ${f(this.epsneg)}\n` +
      `minexp = ${r(this.minexp, 6)}   tiny =       ${f(this.tiny)}\n` +
      `maxexp = ${r(this.maxexp, 6)}   max =        ${f(this.max)}\n` +
      `nexp =   ${r(this.nexp, 6)}   min =        -max\n` +
      `smallest_normal = ${f(this.smallest_normal)}   smallest_subnormal = ${f(this.smallest_subnormal)}\n` +
      `${RULE}\n`
    );
  }

  /** The repr for `console.log` and Node's inspect. */
  [INSPECT](): string {
    return this.repr();
  }

  /** The repr as a cell's result. */
  [DISPLAY](): Record<string, string> {
    return { "text/plain": this.repr() };
  }
}
