/**
 * One element to text, as NumPy's FloatingFormat, IntegerFormat and BoolFormat
 * (numpy/core/arrayprint.py, NumPy 1.24, floatmode "maxprec", sign "-").
 *
 * Rule (floats): over the finite values shown, scientific notation is used when the largest
 * non-zero |x| >= 1e8, or (unless `suppress`) the smallest non-zero |x| < 1e-4 or max/min > 1e3.
 * Positional: every value gets unique digits cut at `precision` places, trailing zeros dropped;
 * all are padded to the widest integer part (left) and fractional part (right, with spaces).
 * Scientific: all values get as many mantissa digits as the longest needs (zero padded) and
 * exponents padded to the same width. nan/inf are right-aligned in the common width.
 * Integers: right-aligned to the widest of str(max), str(min). Bools: " True"/"False" ("True" 0-d).
 */
import type { DType } from "../core/dtype.js";
import type { PrintOptions } from "./options.js";
import { positional, scientific } from "./digits.js";

/** Formats one element (given as a number, bools as 0/1; a bigint for int64/uint64). */
export type ElementFormatter = (x: number | bigint) => string;

function floatFormatter(values: readonly number[], f32: boolean, opts: Readonly<PrintOptions>): ElementFormatter {
  const finite = values.filter(Number.isFinite);
  let expFormat = false;
  let maxVal = 0;
  let minVal = Infinity;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a === 0) continue;
    if (a > maxVal) maxVal = a;
    if (a < minVal) minVal = a;
  }
  if (minVal !== Infinity) {
    if (maxVal >= 1e8 || (!opts.suppress && (minVal < 0.0001 || maxVal / minVal > 1000))) expFormat = true;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = opts.precision;
  let expSize = -1;
  if (finite.length > 0) {
    if (expFormat) {
      for (const v of finite) {
        const s = scientific(v, precision, ".", f32);
        const e = s.indexOf("e");
        const dot = s.indexOf(".");
        padLeft = Math.max(padLeft, dot);
        padRight = Math.max(padRight, e - dot - 1);
        expSize = Math.max(expSize, s.length - e - 2);
      }
      precision = padRight; // every mantissa gets the longest one's digits
      padRight = expSize + 2 + precision;
    } else {
      for (const v of finite) {
        const s = positional(v, precision, ".", f32);
        const dot = s.indexOf(".");
        padLeft = Math.max(padLeft, dot);
        padRight = Math.max(padRight, s.length - dot - 1);
      }
    }
  }
  if (finite.length !== values.length) {
    const negInf = values.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, opts.nanstr.length - offset, opts.infstr.length + (negInf ? 1 : 0) - offset);
  }
  const width = padLeft + padRight + 1;
  return (x0: number | bigint): string => {
    const x = Number(x0);
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? opts.nanstr : (x < 0 ? "-" : "") + opts.infstr;
      return ret.padStart(width);
    }
    if (expFormat) {
      const s = scientific(x, precision, "k", f32, precision, expSize);
      return " ".repeat(Math.max(0, padLeft - s.indexOf("."))) + s;
    }
    const s = positional(x, precision, ".", f32, 0);
    const dot = s.indexOf(".");
    return " ".repeat(Math.max(0, padLeft - dot)) + s + " ".repeat(Math.max(0, padRight - (s.length - dot - 1)));
  };
}

/**
 * The formatter NumPy would choose for these values (the shown ones, after summarising).
 *
 * @example
 * makeFormatter([1, 2.5], "float64", np.get_printoptions(), false)(1) // "1. "
 */
export function makeFormatter(values: readonly (number | bigint)[], dtype: DType, opts: Readonly<PrintOptions>, zeroD: boolean): ElementFormatter {
  if (dtype === "bool") {
    const t = zeroD ? "True" : " True";
    return (x) => (x ? t : "False");
  }
  if (dtype === "float64" || dtype === "float32") return floatFormatter(values as readonly number[], dtype === "float32", opts);
  let w = 0;
  if (values.length > 0) {
    let max: number | bigint = -Infinity;
    let min: number | bigint = Infinity;
    for (const v of values) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    w = Math.max(String(max).length, String(min).length);
  }
  return (x) => String(x).padStart(w);
}
