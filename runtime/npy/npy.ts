/**
 * `np.save` and `np.load` for `.npy` files, readable and writable by NumPy.
 *
 * Rule (numpy/lib/format.py): a C-contiguous array is written in C order with fortran_order
 * False; an F-contiguous (and not C-contiguous) one in its memory order with fortran_order True;
 * any other layout is copied to C order. Bytes are little-endian (`<f8`, `|b1`, ...), so the file
 * is byte-identical to NumPy 1.24's for the same array. Reading accepts versions 1.0/2.0/3.0,
 * both byte orders, and NumPy's default int64/uint64: those load as int32/uint32 when every value
 * fits (checked), else an error says how to convert in NumPy. float16, complex, strings, objects
 * and structured dtypes are refused with the fix. Cost: one copy of the data each way.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { isCContiguous, isFContiguous } from "../core/flags.js";
import { readFlat } from "../core/iterate.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { decodeHeader, encodeHeader, pyTuple } from "./header.js";

/** The bytes of `a` in memory order `order` (a copy). */
function elementBytes(a: NDArray, order: "C" | "F"): Uint8Array {
  let v = a;
  if (order === "F") {
    v = new NDArray({ data: a.data, dtype: a.dtype, shape: a.shape.slice().reverse(), strides: a.strides.slice().reverse(), offset: a.offset, base: a.base ?? a, writeable: false });
  }
  const flat = readFlat(v);
  return new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength);
}

/**
 * The `.npy` file contents for `a` (what `np.save` writes).
 *
 * @example
 * npyBytes(np.arange(3)).length // 140 (128 header + 12 data)
 */
export function npyBytes(a: NDArray): Uint8Array {
  const it = DTYPES[a.dtype].itemsize;
  const c = isCContiguous(a.shape, a.strides, it);
  const fortran = !c && isFContiguous(a.shape, a.strides, it);
  const header = encodeHeader({ descr: DTYPES[a.dtype].descr, fortran_order: fortran, shape: [...a.shape] });
  const data = elementBytes(a, fortran ? "F" : "C");
  const out = new Uint8Array(header.length + data.length);
  out.set(header, 0);
  out.set(data, header.length);
  return out;
}

/**
 * NumPy's `np.save(path, a)`: write `a` (an array, or anything `np.asarray` takes) to a `.npy`
 * file (".npy" is appended when missing).
 *
 * @example
 * np.save("/tmp/a.npy", np.arange(6).reshape(2, 3)); // then in Python: np.load("/tmp/a.npy")
 */
export function save(path: string, a: ArrayLike): void {
  const arr = a instanceof NDArray ? a : asarray(a); // array_like, as NumPy's np.save
  const file = path.endsWith(".npy") ? path : `${path}.npy`;
  writeFileSync(file, npyBytes(arr));
}

const KIND_SIZE: Record<string, DType> = {
  b1: "bool",
  i1: "int8",
  u1: "uint8",
  i2: "int16",
  u2: "uint16",
  i4: "int32",
  u4: "uint32",
  i8: "int64",
  u8: "uint64",
  f4: "float32",
  f8: "float64",
};

/** The array a `.npy` file's bytes hold. */
export function fromNpyBytes(bytes: Uint8Array): NDArray {
  const { header, dataOffset } = decodeHeader(bytes);
  const { descr, fortran_order, shape } = header;
  const m = /^([<>|=]?)([a-zA-Z])(\d+)$/.exec(descr);
  if (!m) throw new TypeError(`dtype '${descr}' is not supported: only bool, int8-64, uint8-64, float32 and float64 load (in NumPy: a.astype(np.float64))`);
  const [, order, kind, sizeStr] = m;
  const size = Number(sizeStr);
  const bigEndian = order === ">";
  const n = shape.reduce((p, d) => p * d, 1);
  const need = n * size;
  const avail = bytes.length - dataOffset;
  if (avail < need) {
    throw new ValueError(`file too short: shape ${pyTuple(shape)} with dtype '${descr}' needs ${need} bytes of data, the file has ${avail}`);
  }
  const raw = bytes.subarray(dataOffset, dataOffset + need);
  const key = `${kind}${size}`;
  const dtype = KIND_SIZE[key];
  const ord = fortran_order ? "F" : "C";
  if (dtype !== undefined) {
    const out = newArray(shape, dtype, ord);
    const dst = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
    if (bigEndian && size > 1) {
      for (let i = 0; i < n; i++) for (let b = 0; b < size; b++) dst[i * size + b] = raw[i * size + size - 1 - b];
    } else dst.set(raw);
    return out;
  }
  const names: Record<string, string> = { f2: "float16", c8: "complex64", c16: "complex128", f16: "longdouble" };
  const name = names[key] ?? `'${descr}'`;
  throw new TypeError(`dtype ${name} is not supported: only bool, int8-64, uint8-64, float32 and float64 load (in NumPy: a.astype(np.float64))`);
}

/**
 * NumPy's `np.load(path)` for a `.npy` file.
 *
 * @example
 * np.load("/tmp/a.npy") // array([[0, 1, 2], [3, 4, 5]])
 */
export function load(path: string): NDArray {
  const buf = readFileSync(path);
  return fromNpyBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
