/**
 * Where the debugger says a cell's code lives: `<tmpdir>/strided_<pid>/<murmur2(code)>.ts`.
 *
 * Rule (ipykernel's compiler.py, which JupyterLab's debugger mirrors): the front end computes a
 * cell's path itself from `debugInfo`'s hashMethod ("Murmur2"), hashSeed, tmpFilePrefix and
 * tmpFileSuffix, so the hash must be MurmurHash2 (32-bit, x86) over the cell's UTF-8 bytes with
 * seed 0xC70F6907, bit for bit. A cell executed with the same text as a dumped cell has the same
 * path, which is how breakpoints set on a dumped cell find the code that runs.
 */
import { tmpdir } from "node:os";
import { join, sep } from "node:path";

/** The seed ipykernel uses (get_tmp_hash_seed); JupyterLab reads it from debugInfo. */
export const HASH_SEED = 0xc70f6907;

/** The folder dumped cells are written to (one per kernel process, as ipykernel_<pid>). */
export function tmpFilePrefix(): string {
  return join(tmpdir(), `strided_${process.pid}`) + sep;
}

/** The suffix of a dumped cell's file name. */
export const TMP_FILE_SUFFIX = ".ts";

/**
 * MurmurHash2, 32-bit, x86 (Austin Appleby), over the UTF-8 bytes of `text`: ipykernel's
 * `murmur2_x86` and JupyterLab's `murmur2`.
 *
 * @example
 * murmur2("", 0) // 0
 */
export function murmur2(text: string, seed: number): number {
  const data = Buffer.from(text, "utf8");
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (seed ^ length) >>> 0;
  const roundedEnd = length & ~3;
  for (let i = 0; i < roundedEnd; i += 4) {
    let k = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> 0;
    k = Math.imul(k, m) >>> 0;
    k = (k ^ (k >>> 24)) >>> 0;
    k = Math.imul(k, m) >>> 0;
    h = Math.imul(h, m) >>> 0;
    h = (h ^ k) >>> 0;
  }
  const rest = length & 3;
  if (rest > 0) {
    let k = 0;
    if (rest === 3) k = data[roundedEnd + 2] << 16;
    if (rest >= 2) k |= data[roundedEnd + 1] << 8;
    k |= data[roundedEnd];
    h = (h ^ k) >>> 0;
    h = Math.imul(h, m) >>> 0;
  }
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, m) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return h;
}

/**
 * The path a cell's code is shown under in the debugger.
 *
 * @example
 * cellSourcePath("1 + 1") // "/tmp/strided_4242/2497447012.ts" (the pid and hash vary)
 */
export function cellSourcePath(code: string): string {
  return `${tmpFilePrefix()}${murmur2(code, HASH_SEED)}${TMP_FILE_SUFFIX}`;
}
