/**
 * Differential testing against Debian's NumPy: run a batch of cases through /usr/bin/python3.
 *
 * The Python side gets `cases` (JSON) and a user script that defines `run(case)`; each case's
 * result is JSON-encoded with `enc`, which turns ndarrays into
 * { dtype, shape, strides, values, c_contiguous, f_contiguous, owndata } and non-finite floats
 * into the strings "nan", "inf", "-inf" (JSON has no NaN). An exception in a case becomes
 * { error: "ValueError", message: "..." }, so both sides can be compared on raising too.
 * Floats survive exactly: Python's repr and JSON.parse both round-trip doubles.
 */
import { spawn } from "node:child_process";
import { PYTHON } from "./requirements.js";

const DRIVER = String.raw`
import json, sys, math
import numpy as np

def _f(x):
    if isinstance(x, float):
        if math.isnan(x): return "nan"
        if math.isinf(x): return "inf" if x > 0 else "-inf"
        return x
    if isinstance(x, list): return [_f(v) for v in x]
    return x

def enc(x):
    """Encode a result: ndarrays with their layout, numpy scalars as plain numbers."""
    if isinstance(x, np.ndarray):
        return {"__ndarray__": True, "dtype": str(x.dtype), "shape": list(x.shape), "strides": list(x.strides),
                "values": _f(x.tolist()), "c_contiguous": bool(x.flags.c_contiguous),
                "f_contiguous": bool(x.flags.f_contiguous), "owndata": bool(x.flags.owndata),
                "writeable": bool(x.flags.writeable)}
    if isinstance(x, (np.bool_, bool)): return bool(x)
    if isinstance(x, np.integer): return int(x)
    if isinstance(x, (np.floating, float)): return _f(float(x))
    if isinstance(x, (list, tuple)): return [enc(v) for v in x]
    if isinstance(x, dict): return {k: enc(v) for k, v in x.items()}
    return x

def dec(x):
    """Decode an array sent from JS: { values, dtype } -> np.array."""
    if isinstance(x, dict) and "values" in x and "dtype" in x:
        def unf(v):
            if isinstance(v, list): return [unf(e) for e in v]
            if v == "nan": return float("nan")
            if v == "inf": return float("inf")
            if v == "-inf": return float("-inf")
            return v
        return np.array(unf(x["values"]), dtype=x["dtype"]).reshape(x.get("shape", np.shape(x["values"])))
    return x

payload = json.load(sys.stdin)
ns = {"np": np, "enc": enc, "dec": dec, "json": json, "math": math}
exec(payload["script"], ns)
out = []
for case in payload["cases"]:
    try:
        out.append({"ok": enc(ns["run"](case))})
    except Exception as e:
        out.append({"error": type(e).__name__, "message": str(e)})
json.dump(out, sys.stdout)
`;

/** One case's answer from NumPy. */
export type NumpyAnswer = { ok: unknown } | { error: string; message: string };

/** An ndarray as the driver encodes it. */
export interface EncodedArray {
  __ndarray__: true;
  dtype: string;
  shape: number[];
  strides: number[];
  values: unknown;
  c_contiguous: boolean;
  f_contiguous: boolean;
  owndata: boolean;
  writeable: boolean;
}

/** Longest a NumPy batch may run (under a test's usual 60 s timeout). */
const DRIVER_TIMEOUT_MS = 50_000;

/**
 * Run `script` (which must define `run(case)`) on every case with NumPy; one answer per case.
 *
 * @example
 * const [a] = await numpyBatch("def run(c): return np.arange(c['n'])", [{ n: 3 }]);
 * // a = { ok: { __ndarray__: true, dtype: "int64", shape: [3], strides: [8], values: [0, 1, 2], ... } }
 */
export function numpyBatch(script: string, cases: unknown[]): Promise<NumpyAnswer[]> {
  return new Promise((resolve, reject) => {
    // A case NumPy never finishes (its take/put in 'wrap' mode on an empty axis loop forever) must
    // not outlive the test: killed after DRIVER_TIMEOUT_MS, so the test fails with this message
    // instead of leaving a process spinning a core through the rest of the suite.
    const child = spawn(PYTHON, ["-c", DRIVER], { stdio: ["pipe", "pipe", "pipe"], timeout: DRIVER_TIMEOUT_MS, killSignal: "SIGKILL" });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === null) return reject(new Error(`numpy driver killed after ${DRIVER_TIMEOUT_MS / 1000} s (a case NumPy never finishes?): ${err}`));
      if (code !== 0) return reject(new Error(`numpy driver exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as NumpyAnswer[]);
      } catch (e) {
        reject(new Error(`numpy driver printed bad JSON (${String(e)}): ${out.slice(0, 500)}`));
      }
    });
    child.stdin.end(JSON.stringify({ script, cases }));
  });
}

/** JSON's stand-ins for non-finite floats, back to numbers (nested lists too). */
export function unJsonFloats(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unJsonFloats);
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return v;
}

/** A seed for generated cases: `SEED=123 npx vitest ...` reproduces a run; printed by each suite. */
export function caseSeed(): number {
  const s = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);
  return s;
}
