/**
 * Python's printf-style `%` formatting of one number, as NumPy's `savetxt` uses it
 * (`fmt % tuple(row)` with NumPy scalars), so that text files are byte-identical to NumPy's.
 *
 * Rules (CPython 3.11 Objects/unicodeobject.c and Python/pystrtod.c):
 * - A spec is `%[flags][width][.precision]type`, flags among `-+ 0#`; `%%` is a percent sign.
 *   Types: d i u (an integer: floats are truncated as `int(x)`; NaN and inf raise as Python does),
 *   o x X (integers only: a float raises TypeError), e E f F g G (the float value), s r (`str`),
 *   c is not supported.
 * - Floats are rounded from their EXACT binary value, ties to even, as Python's dtoa: the decimal
 *   digits come from BigInt arithmetic, so `%.18e`, `%.3f`, `%g` match Python digit for digit
 *   (JavaScript's toFixed/toExponential round ties up, which differs on exact ties like 0.125).
 * - `%s`/`%r` of a float is NumPy's scalar str: the shortest digits that read back to the same
 *   float64 (or float32, for float32 arrays), positional when 1e-4 <= |x| < 1e16, else
 *   `1e-05`-style; booleans print `True`/`False`.
 * - inf and nan print `inf`, `-inf`, `nan` (`INF`, `NAN` for E F G), zero-padded like numbers (`00000nan`).
 * Cost: one BigInt product and its decimal string per float (a few hundred digits at most).
 */
import { ValueError } from "../core/errors.js";

/** What kind of NumPy scalar a value came from (decides `%s` and the integer-only specs). */
export type ScalarKind = "bool" | "int" | "float64" | "float32";

/** One parsed piece of a format: literal text, or a conversion spec. */
export type FormatPiece = string | { flags: string; width: number | null; precision: number | null; type: string; text: string };

/**
 * Split a Python format string into literal text and specs; `%%` becomes a literal `%`.
 *
 * @example
 * parseFormat("%.3f, %d").length // 3
 */
export function parseFormat(fmt: string): FormatPiece[] {
  const out: FormatPiece[] = [];
  const re = /%([-+ 0#]*)(\d+)?(?:\.(\d*))?([diouxXeEfFgGsrc%])/g;
  let last = 0;
  let lit = "";
  for (let m = re.exec(fmt); m !== null; m = re.exec(fmt)) {
    lit += fmt.slice(last, m.index);
    last = re.lastIndex;
    if (m[4] === "%" && m[0] === "%%") {
      lit += "%";
      continue;
    }
    if (lit !== "") out.push(lit);
    lit = "";
    out.push({ flags: m[1], width: m[2] === undefined ? null : Number(m[2]), precision: m[3] === undefined ? null : Number(m[3] || "0"), type: m[4], text: m[0] });
  }
  lit += fmt.slice(last);
  if (lit.includes("%")) throw new ValueError(`unsupported format character '${lit[lit.indexOf("%") + 1] ?? ""}' (0x${(lit.charCodeAt(lit.indexOf("%") + 1) || 0).toString(16)}) at index ${fmt.indexOf(lit) + lit.indexOf("%") + 1}`);
  if (lit !== "") out.push(lit);
  return out;
}


/** Python's OverflowError (int() of an infinity). */
export class OverflowError extends Error {
  override name = "OverflowError";
}

// ---- exact decimal digits of a double ----

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** The exact decimal expansion of |x| (finite, non-zero): digits D and point P, |x| = 0.D * 10^P. */
function exactDecimal(x: number): { digits: string; point: number } {
  const ax = Math.abs(x);
  if (Number.isInteger(ax) && ax < 2 ** 53) {
    const s = String(ax);
    return { digits: s, point: s.length };
  }
  F64[0] = ax;
  const hi = U32[1];
  const lo = U32[0];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return { digits: s, point: s.length };
  }
  // strip factors of two so the power of five is as small as possible
  while ((mant & 1n) === 0n && e2 < 0) {
    mant >>= 1n;
    e2++;
  }
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return { digits: s, point: s.length };
  }
  const s = (mant * 5n ** BigInt(-e2)).toString();
  return { digits: s, point: s.length + e2 };
}

/**
 * Keep the first `keep` digits of D (value 0.D * 10^P), rounding half to even on the exact rest.
 * Returns the kept digits (exactly `keep` of them, or `keep + 1` after a carry into a new digit,
 * reported as point + 1).
 */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
  if (keep >= digits.length) return { digits: digits + "0".repeat(keep - digits.length), point };
  if (keep < 0) return { digits: "", point }; // below half a unit: rounds to zero
  const next = digits.charCodeAt(keep) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else {
    let rest = false;
    for (let i = keep + 1; i < digits.length; i++) if (digits.charCodeAt(i) !== 48) {
      rest = true;
      break;
    }
    up = rest || (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  let kept = digits.slice(0, keep);
  if (!up) return { digits: kept, point };
  // add one unit in the last kept place
  const arr = kept.split("");
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === "9") arr[i--] = "0";
  if (i < 0) {
    kept = "1" + arr.join("");
    return { digits: kept.slice(0, Math.max(keep, 1)), point: point + 1 };
  }
  arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
  return { digits: arr.join(""), point };
}

/** `%.{p}f` digits of a finite x (no sign). */
function fixed(x: number, p: number): string {
  if (x === 0) return p > 0 ? "0." + "0".repeat(p) : "0";
  const { digits, point } = exactDecimal(x);
  const r = roundDigits(digits, point, point + p);
  // r.digits holds the digits from 10^(point-1) down to 10^-p
  let intPart: string;
  let frac: string;
  const all = r.digits;
  const P = r.point;
  if (P <= 0) {
    const padded = "0".repeat(-P) + all;
    intPart = "0";
    frac = padded.padEnd(p, "0").slice(0, p);
  } else {
    intPart = all.slice(0, P).padEnd(P, "0");
    frac = all.slice(P).padEnd(p, "0").slice(0, p);
  }
  intPart = intPart.replace(/^0+(?=\d)/, "");
  return p > 0 ? `${intPart}.${frac}` : intPart;
}

/** Mantissa digits (p + 1 of them) and decimal exponent of x rounded to p + 1 significant digits. */
function scientificDigits(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: "0".repeat(p + 1), exp: 0 };
  const { digits, point } = exactDecimal(x);
  const r = roundDigits(digits, point, p + 1);
  return { digits: r.digits.slice(0, p + 1), exp: r.point - 1 };
}

const expText = (e: number): string => (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");

/** `%.{p}e` of a finite x (no sign). */
function exponential(x: number, p: number, alt: boolean): string {
  const { digits, exp } = scientificDigits(x, p);
  const mant = p > 0 || alt ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  return `${mant}e${expText(exp)}`;
}

/** `%.{p}g` of a finite x (no sign). */
function general(x: number, pIn: number, alt: boolean): string {
  const p = pIn === 0 ? 1 : pIn;
  const { exp } = scientificDigits(x, p - 1);
  let s: string;
  if (exp >= -4 && exp < p) s = fixed(x, p - 1 - exp);
  else s = exponential(x, p - 1, alt);
  if (!alt) {
    const [m, e] = s.split("e");
    let mm = m;
    if (mm.includes(".")) mm = mm.replace(/0+$/, "").replace(/\.$/, "");
    s = e === undefined ? mm : `${mm}e${e}`;
  } else if (!s.includes(".")) {
    const [m, e] = s.split("e");
    s = e === undefined ? `${m}.` : `${m}.e${e}`;
  }
  return s;
}

/**
 * NumPy's str of a float scalar: shortest round-trip digits (float32's own shortest for float32),
 * positional for 1e-4 <= |x| < 1e16 (and 0), else scientific with a 2-digit exponent.
 *
 * @example
 * floatStr(0.1, false)  // "0.1"
 * floatStr(1e-5, false) // "1e-05"
 * floatStr(3, false)    // "3.0"
 */
export function floatStr(x: number, f32: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let sci: string;
  if (f32) {
    let p = 1;
    while (p < 9 && Math.fround(Number(ax.toPrecision(p))) !== ax) p++;
    sci = ax === 0 ? "0e+0" : ax.toExponential(p - 1);
  } else sci = ax.toExponential();
  const [m, e] = sci.split("e");
  const exp = Number(e);
  const digits = m.replace(".", "");
  let body: string;
  if (ax === 0 || (ax >= 1e-4 && ax < 1e16)) {
    const point = exp + 1;
    if (point <= 0) body = `0.${"0".repeat(-point)}${digits}`;
    else if (point >= digits.length) body = `${digits}${"0".repeat(point - digits.length)}.0`;
    else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  } else body = `${digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${expText(exp)}`;
  return (neg ? "-" : "") + body;
}

/** Pad `body` (with its sign) to `width` per the flags: left (`-`), zeros after the sign (`0`), else spaces. */
function pad(sign: string, body: string, width: number | null, flags: string, zeroOk: boolean): string {
  const len = sign.length + body.length;
  if (width === null || len >= width) return sign + body;
  if (flags.includes("-")) return sign + body + " ".repeat(width - len);
  if (flags.includes("0") && zeroOk) return sign + "0".repeat(width - len) + body;
  return " ".repeat(width - len) + sign + body;
}

const typeName = (kind: ScalarKind): string => (kind === "float64" ? "float" : kind === "float32" ? "numpy.float32" : kind === "bool" ? "numpy.bool_" : "int");

/**
 * Format one value with one spec, as Python's `spec % value` for a NumPy scalar of `kind`.
 *
 * @example
 * formatValue({ flags: "", width: null, precision: 18, type: "e", text: "%.18e" }, 0.1, "float64") // "1.000000000000000056e-01"
 * formatValue({ flags: "", width: null, precision: 2, type: "f", text: "%.2f" }, 0.125, "float64") // "0.12"
 */
export function formatValue(spec: Exclude<FormatPiece, string>, x: number, kind: ScalarKind): string {
  const { flags, width, type } = spec;
  const signOf = (neg: boolean): string => (neg ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "");
  switch (type) {
    case "d":
    case "i":
    case "u": {
      if (Number.isNaN(x)) throw new ValueError("cannot convert float NaN to integer");
      if (!Number.isFinite(x)) throw new OverflowError("cannot convert float infinity to integer");
      const t = Math.trunc(x);
      const digits = Number.isSafeInteger(t) ? String(Math.abs(t)) : (BigInt(t) < 0n ? -BigInt(t) : BigInt(t)).toString();
      const body = spec.precision !== null ? digits.padStart(spec.precision, "0") : digits;
      return pad(signOf(t < 0), body, width, flags, true);
    }
    case "o":
    case "x":
    case "X": {
      if (kind === "float64" || kind === "float32") throw new TypeError(`%${type} format: an integer is required, not ${typeName(kind)}`);
      let body = Math.abs(x).toString(type === "o" ? 8 : 16);
      if (type === "X") body = body.toUpperCase();
      if (spec.precision !== null) body = body.padStart(spec.precision, "0");
      if (flags.includes("#")) body = (type === "o" ? "0o" : type === "x" ? "0x" : "0X") + body;
      return pad(signOf(x < 0), body, width, flags, true);
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      const neg = x < 0 || Object.is(x, -0);
      const upper = type === "E" || type === "F" || type === "G";
      if (!Number.isFinite(x)) {
        let body = Number.isNaN(x) ? "nan" : "inf";
        if (upper) body = body.toUpperCase();
        return pad(signOf(x === -Infinity), body, width, flags, true);
      }
      const p = spec.precision ?? 6;
      const ax = Math.abs(x);
      const alt = flags.includes("#");
      let body = type === "f" || type === "F" ? fixed(ax, p) : type === "e" || type === "E" ? exponential(ax, p, alt) : general(ax, p, alt);
      if ((type === "f" || type === "F") && alt && p === 0) body += ".";
      if (upper) body = body.toUpperCase();
      return pad(signOf(neg), body, width, flags, true);
    }
    case "s":
    case "r": {
      let s = kind === "bool" ? (x !== 0 ? "True" : "False") : kind === "int" ? String(x) : floatStr(x, kind === "float32");
      if (spec.precision !== null) s = s.slice(0, spec.precision);
      return pad("", s, width, flags.replace("0", ""), false);
    }
    default:
      throw new ValueError(`unsupported format character '${type}'`);
  }
}
