/**
 * Data types: the eleven dtypes of the runtime and the typed arrays that store them.
 *
 * Rule: an array of dtype `d` stores its elements in a `DTYPES[d].ctor` typed array over its
 * buffer; `bool` is stored as one byte per element (0 or 1), as NumPy does; int64 and uint64
 * live in BigInt64Array / BigUint64Array, whose elements are JS `bigint` (exact over the whole
 * range: the lead's element-access decision, see the README). Strides and
 * offsets are in bytes and are always multiples of the itemsize (the typed array cannot
 * address a misaligned element), a restriction NumPy does not have: `as_strided` says so.
 */

/** The name of a dtype, spelled as NumPy spells it. */
export type DType = "bool" | "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32" | "int64" | "uint64" | "float32" | "float64";

/** The dtypes whose elements are JS `bigint` (stored in BigInt64Array / BigUint64Array). */
export type BigDType = "int64" | "uint64";

/** The typed arrays whose elements are JS numbers (every dtype but int64 and uint64). */
export type TypedArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** The typed arrays whose elements are JS bigints (int64, uint64). */
export type BigTypedArray = BigInt64Array | BigUint64Array;

/** Any typed array an NDArray can live in (`a.data`): numbers, or bigints for int64/uint64. */
export type ArrayData = TypedArray | BigTypedArray;

/** A constructor of one of the typed arrays. */
export interface TypedArrayConstructor {
  new (length: number): ArrayData;
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): ArrayData;
  readonly BYTES_PER_ELEMENT: number;
}

/** What the runtime knows about a dtype. */
export interface DTypeInfo {
  readonly name: DType;
  /** Bytes per element. */
  readonly itemsize: number;
  /** NumPy's kind character: `b` bool, `i` signed, `u` unsigned, `f` float. */
  readonly kind: "b" | "i" | "u" | "f";
  /** NumPy's `dtype.str` on a little-endian machine, as written in `.npy` headers. */
  readonly descr: string;
  readonly ctor: TypedArrayConstructor;
}

const info = (name: DType, itemsize: number, kind: DTypeInfo["kind"], descr: string, ctor: TypedArrayConstructor): DTypeInfo =>
  Object.freeze({ name, itemsize, kind, descr, ctor });

/** Every dtype, by name. */
export const DTYPES: Readonly<Record<DType, DTypeInfo>> = Object.freeze({
  bool: info("bool", 1, "b", "|b1", Uint8Array),
  int8: info("int8", 1, "i", "|i1", Int8Array),
  uint8: info("uint8", 1, "u", "|u1", Uint8Array),
  int16: info("int16", 2, "i", "<i2", Int16Array),
  uint16: info("uint16", 2, "u", "<u2", Uint16Array),
  int32: info("int32", 4, "i", "<i4", Int32Array),
  uint32: info("uint32", 4, "u", "<u4", Uint32Array),
  int64: info("int64", 8, "i", "<i8", BigInt64Array),
  uint64: info("uint64", 8, "u", "<u8", BigUint64Array),
  float32: info("float32", 4, "f", "<f4", Float32Array),
  float64: info("float64", 8, "f", "<f8", Float64Array),
});

/** The integer dtypes up to 32 bits, whose ranges are JS numbers (bool is not one: NumPy's `np.iinfo` refuses it). */
export type IntegerDType = "int8" | "uint8" | "int16" | "uint16" | "int32" | "uint32";

/**
 * The smallest and largest value of each integer dtype, NumPy's `np.iinfo(d).min` and `.max`.
 *
 * @example
 * INTEGER_RANGE.uint8 // [0, 255]
 */
export const INTEGER_RANGE: Readonly<Record<IntegerDType, readonly [number, number]>> = Object.freeze({
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
});

/**
 * The smallest and largest value of every integer dtype as bigints (int64 and uint64 included).
 *
 * @example
 * BIG_RANGE.int64 // [-9223372036854775808n, 9223372036854775807n]
 */
export const BIG_RANGE: Readonly<Record<IntegerDType | BigDType, readonly [bigint, bigint]>> = Object.freeze({
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-2147483648n, 2147483647n],
  uint32: [0n, 4294967295n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
});

/**
 * Whether `dtype` stores bigints (int64, uint64).
 *
 * @example
 * isBigDType("int64") // true
 * isBigDType("int32") // false
 */
export function isBigDType(dtype: DType): dtype is BigDType {
  return dtype === "int64" || dtype === "uint64";
}

/** The default dtype for integer data (NumPy on Windows before 2.0 also used int32). */
export const DEFAULT_INT: DType = "int32";
/** The default dtype for floating data. */
export const DEFAULT_FLOAT: DType = "float64";

/**
 * Check a dtype name given by a user and return it as a `DType`.
 *
 * @example
 * toDType("float32") // "float32"
 * toDType("complex") // throws TypeError: data type 'complex' not understood
 */
export function toDType(name: unknown): DType {
  if (typeof name === "string" && Object.prototype.hasOwnProperty.call(DTYPES, name)) return name as DType;
  throw new TypeError(`data type '${String(name)}' not understood`);
}
