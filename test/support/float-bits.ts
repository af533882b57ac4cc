/**
 * Shared by the max/min bit tests (test/runtime/numpy/minmax-*.test.ts): whether NumPy here runs
 * its AVX-512 (SKX) loops, whose zero signs and NaN bits the runtime reproduces, and an array's
 * element bytes in C order, compared as hex with NumPy's.
 */
import { spawnSync } from "node:child_process";
import type { NDArray } from "../../runtime/core/ndarray.js";
import { missingPythonModules, PYTHON } from "./requirements.js";

/** Null when /usr/bin/python3's NumPy dispatches AVX512_SKX loops, else why not. */
export function missingNumpyAvx512(): string | null {
  const missing = missingPythonModules(["numpy"]);
  if (missing !== null) return missing;
  const r = spawnSync(PYTHON, ["-c", "from numpy.core._multiarray_umath import __cpu_features__ as f; print(int(f['AVX512_SKX']))"], { encoding: "utf8" });
  return r.stdout.trim() === "1" ? null : "NumPy does not dispatch AVX512_SKX loops on this CPU (its zero signs and NaN bits then follow narrower lanes)";
}

/** Bytes of a typed-array view as hex. */
export const hexOf = (d: ArrayBufferView): string => Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString("hex");

/** The bytes of `a`'s elements in C order (NaN payloads included), as hex. */
export function cOrderHex(a: NDArray): string {
  const d = a.data as Float64Array | Float32Array;
  const bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  const out = new Uint8Array(a.size * a.itemsize);
  const idx = new Array<number>(a.ndim).fill(0);
  for (let n = 0; n < a.size; n++) {
    let off = a.offset;
    for (let k = 0; k < a.ndim; k++) off += idx[k] * a.strides[k];
    out.set(bytes.subarray(off, off + a.itemsize), n * a.itemsize);
    for (let k = a.ndim - 1; k >= 0; k--) {
      if (++idx[k] < a.shape[k]) break;
      idx[k] = 0;
    }
  }
  return hexOf(out);
}

/**
 * Python (for numpyBatch scripts): `laid_out(c)` builds a case's array as the JS side does: the
 * bytes `c["hex"]` of dtype `c["dtype"]` in shape `c["shape"]`, transposed by `c["perm"]`, then
 * sliced by `c["index"]` ("a:b:s,..." per axis).
 */
export const LAID_OUT_PY = String.raw`
def laid_out(c):
    a = np.frombuffer(bytes.fromhex(c["hex"]), dtype=c["dtype"]).copy().reshape(c["shape"])
    if c["perm"] is not None: a = a.transpose(c["perm"])
    if c["index"]:
        parts = [slice(*[int(v) if v else None for v in p.split(":")]) for p in c["index"].split(",")]
        a = a[tuple(parts)]
    return a
`;
