/**
 * `.npz` files: `np.savez`, `np.savez_compressed`, and reading them (`np.load` gives an `NpzFile`).
 *
 * Rule (numpy/lib/npyio.py `_savez`, `NpzFile`): an `.npz` is a zip archive holding one `.npy`
 * file per array, named `arr_0.npy`, `arr_1.npy`, ... for arrays passed positionally and
 * `NAME.npy` for named ones; `savez` stores them uncompressed, `savez_compressed` deflates them.
 * `.npz` is appended to a file name that lacks it. The zip is written and read by fflate; NumPy's
 * own archives (zip64 local headers, deflated or stored) read back here.
 * NumPy's `NpzFile` is a lazy mapping from names (without `.npy`) to arrays; here `np.load`
 * returns an `NpzFile`, a `Map` from names to arrays with NumPy's `files` list, read in full
 * when loaded: `z.files`, `z.get("x")`, `for (const [name, a] of z)`.
 * Cost: one copy of every array each way (plus deflate for savez_compressed).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type * as Fflate from "fflate";
import type { Zippable } from "fflate";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { fromNpyBytes, npyBytes } from "./npy.js";

let fflateModule: typeof Fflate | undefined;
/**
 * fflate, loaded on first use: its module makes a `TextDecoder` when it loads (an ICU converter,
 * a native object the kernel's startup snapshot cannot hold), and most sessions never zip.
 */
const fflate = (): typeof Fflate => (fflateModule ??= require("fflate") as typeof Fflate);

/** Arrays by name, the last argument of `np.savez` (NumPy's keyword arguments). */
export type NamedArrays = { readonly [name: string]: ArrayLike };

/**
 * The arrays of an `.npz` file by name (NumPy's NpzFile, read in full): a `Map` with `files`.
 *
 * @example
 * np.savez("/tmp/ab.npz", np.arange(3), { b: np.ones(2) });
 * np.load("/tmp/ab.npz").files // ["b", "arr_0"]
 */
export class NpzFile extends Map<string, NDArray> {
  /** The names of the arrays, in the archive's order (NumPy's `NpzFile.files`). */
  get files(): string[] {
    return [...this.keys()];
  }
  /** Nothing to release (the file is read in full); kept for NumPy's `with`-style code. */
  close(): void {}
}

const isNamed = (x: unknown): x is NamedArrays =>
  typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);

function zipContents(args: readonly (ArrayLike | NamedArrays)[]): Zippable {
  const named = args.length > 0 && isNamed(args[args.length - 1]) ? (args[args.length - 1] as NamedArrays) : {};
  const positional = (isNamed(args[args.length - 1]) ? args.slice(0, -1) : args) as ArrayLike[];
  // NumPy's order: the named arrays, then arr_0, arr_1, ... (a dict of the keywords, extended)
  const entries: [string, ArrayLike][] = Object.entries(named);
  positional.forEach((a, i) => {
    if (Object.prototype.hasOwnProperty.call(named, `arr_${i}`)) throw new ValueError(`Cannot use un-named variables and keyword arr_${i}`);
    entries.push([`arr_${i}`, a]);
  });
  const files: Zippable = {};
  for (const [name, a] of entries) files[`${name}.npy`] = npyBytes(a instanceof NDArray ? a : asarray(a));
  return files;
}

function writeZip(file: string, args: readonly (ArrayLike | NamedArrays)[], level: 0 | 6): void {
  const name = file.endsWith(".npz") ? file : `${file}.npz`;
  writeFileSync(name, fflate().zipSync(zipContents(args), { level }));
}

/**
 * NumPy's `np.savez(file, ...arrays, { name: array })`: several arrays in one uncompressed `.npz`.
 *
 * @example
 * np.savez("/tmp/data", np.arange(3), { y: np.ones(2) });
 * np.load("/tmp/data.npz").files // ["y", "arr_0"]
 */
export function savez(file: string, ...args: (ArrayLike | NamedArrays)[]): void {
  writeZip(file, args, 0);
}

/**
 * NumPy's `np.savez_compressed`: as `savez`, with each array deflated.
 *
 * @example
 * np.savez_compressed("/tmp/z.npz", { x: np.zeros(1000) });
 * np.load("/tmp/z.npz").get("x").shape // [1000]
 */
export function savez_compressed(file: string, ...args: (ArrayLike | NamedArrays)[]): void {
  writeZip(file, args, 6);
}

/**
 * The arrays of `.npz` file contents.
 *
 * @example
 * np.savez("/tmp/strided-doc-example.npz", { y: np.ones(2) });
 * npzFromBytes(readFileSync("/tmp/strided-doc-example.npz")).get("y") // array([1., 1.])
 */
export function npzFromBytes(bytes: Uint8Array): NpzFile {
  const entries = fflate().unzipSync(bytes);
  const z = new NpzFile();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    z.set(name.endsWith(".npy") ? name.slice(0, -4) : name, fromNpyBytes(data));
  }
  return z;
}

/** Whether file contents are a zip archive (NumPy's test: `PK\x03\x04` or an empty archive's `PK\x05\x06`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Read an `.npz` file. @example loadNpz("/tmp/data.npz").files // ["y", "arr_0"] */
export function loadNpz(path: string): NpzFile {
  const buf = readFileSync(path);
  return npzFromBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
