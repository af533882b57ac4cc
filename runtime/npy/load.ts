/**
 * `np.load(path)`: a `.npy` file gives its array, an `.npz` archive an `NpzFile` (npz.ts).
 *
 * Rule (numpy/lib/npyio.py `load`): the kind is decided by the file's first bytes (a zip's
 * `PK\x03\x04`, else the `.npy` magic), not by its name. The static type follows the name: a path
 * typed as ending in `.npz` gives `NpzFile`, any other `NDArray` (cast a `.npz` read through
 * another name: `np.load(p) as unknown as NpzFile`).
 */
import { readFileSync } from "node:fs";
import type { NDArray } from "../core/ndarray.js";
import { fromNpyBytes } from "./npy.js";
import { isZip, npzFromBytes, type NpzFile } from "./npz.js";

/**
 * NumPy's `np.load`: the array of a `.npy` file, or the arrays of an `.npz` file.
 *
 * @example
 * np.save("/tmp/a.npy", np.arange(3));
 * np.load("/tmp/a.npy") // array([0, 1, 2])
 */
export function load(path: `${string}.npz`): NpzFile;
export function load(path: string): NDArray;
export function load(path: string): NDArray | NpzFile {
  const buf = readFileSync(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return isZip(bytes) ? npzFromBytes(bytes) : fromNpyBytes(bytes);
}
