/**
 * What a cell's result is, in the form numpy_docs.py records NumPy's result in, and the comparison.
 *
 * An array is compared by the text the kernel displays for it (NumPy's repr, from the array's
 * `Symbol.for("Jupyter.display")` bundle) against NumPy's `repr`; numbers by value (a JS number
 * cannot say 2.0, and NumPy 1.24's scalars print as Python's floats and ints); a tuple or list as
 * the JS array API.md turns it into, element by element; a dtype by its name (our `a.dtype` is
 * the name string). Printed text (`print(x)` -> `console.log(x)`) is compared as text.
 *
 * One rule is a README decision, applied only after the exact comparison fails and counted apart:
 * the default integer is int32 here and int64 in NumPy on Linux, so `dtype=int32` / `dtype=int64`
 * suffixes and the names int32/int64 are taken as the same ("default integer").
 */
import { toMimeBundle, plainText } from "../../../kernel/display/bundle.js";

export type Canon =
  | null
  | { array: string }
  | { bool: boolean }
  | { num: string }
  | { seq: Canon[] }
  | { dtype: string }
  | { str: string }
  | { bytes: string }
  | { other: string };

/** NumPy's side of one example, as numpy_docs.py ran it. */
export interface Expected {
  stdout: string;
  value: Canon;
  error: string | null;
  shown?: string;
}

const DISPLAY = Symbol.for("Jupyter.display");

function isNDArray(v: object): boolean {
  return DISPLAY in v && v.constructor?.name === "NDArray";
}

/** A cell's value in the comparison's form. */
export function canon(v: unknown): Canon {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return { bool: v };
  if (typeof v === "number") return { num: String(v) };
  if (typeof v === "bigint") return { num: v.toString() };
  if (typeof v === "string") return { str: v };
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex") };
  if (Array.isArray(v)) return { seq: v.map(canon) };
  if (typeof v === "object" && isNDArray(v)) return { array: String(toMimeBundle(v)["text/plain"]) };
  return { other: plainText(v) };
}

/** The text a canonical value stands for, for failure reports. */
export function show(c: Canon): string {
  if (c === null) return "(nothing)";
  if ("array" in c) return c.array;
  if ("bool" in c) return String(c.bool);
  if ("num" in c) return c.num;
  if ("seq" in c) return `[${c.seq.map(show).join(", ")}]`;
  if ("dtype" in c) return `dtype(${c.dtype})`;
  if ("str" in c) return JSON.stringify(c.str);
  if ("bytes" in c) return `bytes ${c.bytes}`;
  return c.other;
}

function pyNumber(s: string): number {
  if (s === "nan") return NaN;
  if (s === "inf") return Infinity;
  if (s === "-inf") return -Infinity;
  return Number(s);
}

const INTEGER = /^-?\d+$/;

function numbersEqual(py: string, ts: string): boolean {
  if (INTEGER.test(py) && INTEGER.test(ts)) return BigInt(py) === BigInt(ts);
  return Object.is(pyNumber(py), pyNumber(ts));
}

/** The default-integer rule: dtype=int32/int64 suffixes dropped, int64 named int32. */
export function defaultInt(text: string): string {
  return text.replace(/,\s*dtype=int(32|64)\)/g, ")").replace(/\bint64\b/g, "int32");
}

/** Is NumPy's canonical value `py` the cell's `ts`? `loose` applies the default-integer rule. */
export function same(py: Canon, ts: Canon, loose: boolean): boolean {
  const t = (s: string): string => (loose ? defaultInt(s) : s);
  if (py === null || ts === null) return py === ts;
  if ("array" in py) return "array" in ts && t(py.array) === t(ts.array);
  if ("bool" in py) return "bool" in ts && py.bool === ts.bool;
  if ("num" in py) return "num" in ts && numbersEqual(py.num, ts.num);
  if ("seq" in py) return "seq" in ts && py.seq.length === ts.seq.length && py.seq.every((x, i) => same(x, ts.seq[i], loose));
  if ("dtype" in py) return ("str" in ts || "dtype" in ts) && t(py.dtype) === t("str" in ts ? ts.str : (ts as { dtype: string }).dtype);
  if ("str" in py) return "str" in ts && py.str === ts.str;
  if ("bytes" in py) return "bytes" in ts && py.bytes === ts.bytes;
  return "other" in ts && py.other === ts.other;
}
