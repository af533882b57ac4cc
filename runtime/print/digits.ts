/**
 * Decimal digits of floats as NumPy's Dragon4 prints them (numpy/core/src/multiarray/dragon4.c).
 *
 * Rule: "unique" digits are the shortest string that reads back as the same float (float32
 * values: the same float32), choosing the closest such string; JS's `toExponential()` gives
 * exactly that for doubles (the ECMAScript Number-to-String algorithm), float32 searches lengths
 * 1..9 with `Math.fround`. With a precision p the digits stop at p places when uniqueness needs
 * more, rounding the EXACT binary value to nearest with ties to the even digit (Dragon4); JS's
 * `toFixed`/`toExponential(p)` also round the exact value but send ties up, so a tie (exact value
 * ending in 5 just past the cut, e.g. 1/512 = 0.001953125 at 8 places) is detected and fixed.
 * Cost: a few number-to-string conversions per element.
 */

/** Shortest round-trip digits of |x| (x finite, non-zero): x = 0.d1d2... no: d1.d2d3... x 10^exp. */
export interface Digits {
  /** significant digits, no leading/trailing zeros (except "0" for zero) */
  digits: string;
  /** decimal exponent of the first digit */
  exp: number;
}

function parseExp(s: string): Digits {
  const e = s.indexOf("e");
  const mant = s.slice(0, e).replace(".", "");
  const digits = mant.replace(/0+$/, "") || "0";
  return { digits, exp: Number(s.slice(e + 1)) };
}

/**
 * Shortest digits of |x| that read back as x (as a float32 when `f32`).
 *
 * @example
 * shortestDigits(0.1, false) // { digits: "1", exp: -1 }
 * shortestDigits(Math.fround(0.1), true) // { digits: "1", exp: -1 }
 */
export function shortestDigits(x: number, f32: boolean): Digits {
  const a = Math.abs(x);
  if (a === 0) return { digits: "0", exp: 0 };
  if (!f32) {
    const d = parseExp(a.toExponential());
    // the shortest length, its last digit rounded ties-to-even as Dragon4 (JS sends a tie up)
    if (!mayTieExp(a, Math.max(0, d.digits.length - 1))) return d;
    const [mant, exp] = toExponentialEven(a, Math.max(0, d.digits.length - 1));
    const even = parseExp(`${mant}e${exp}`);
    return Number(`${mant}e${exp}`) === a ? even : d;
  }
  for (let k = 0; k < 9; k++) {
    const [mant, exp] = toExponentialEven(a, k);
    const s = `${mant}e${exp}`;
    if (Math.fround(Number(s)) === a) return parseExp(s);
  }
  return parseExp(a.toExponential(8));
}

/** Is the exact value of `a` (>= 0) exactly halfway at the cut? `long` is its expansion to many more places. */
function isTieAt(long: string, cutEnd: number): boolean {
  // long: digits string; position cutEnd is the first dropped digit
  if (long[cutEnd] !== "5") return false;
  for (let i = cutEnd + 1; i < long.length; i++) if (long[i] !== "0") return false;
  return true;
}

/** Decrement the last digit of a digit string that was rounded up on a tie: take the truncation instead. */
function evenFix(rounded: string, truncated: string): string {
  const lastDigit = (s: string) => Number(s.replace(/[^0-9]/g, "").slice(-1));
  return lastDigit(truncated) % 2 === 0 ? truncated : rounded;
}

/** |x| rounded to `p` fractional digits, ties to even: "0.00195312". */
function toFixedEven(a: number, p: number): string {
  const s = a.toFixed(p);
  // a tie has exactly p+1 places ending in 5, so toFixed(p+1) is exact and ends in 5: else no tie
  if (!a.toFixed(p + 1).endsWith("5")) return s;
  const long = a.toFixed(Math.min(100, p + 40));
  const point = long.indexOf(".");
  const cut = point + 1 + p; // index of the first dropped digit
  if (!isTieAt(long, cut)) return s;
  const trunc = p === 0 ? long.slice(0, point) : long.slice(0, cut);
  return evenFix(s, trunc);
}

/** Could |x| be exactly halfway at p digits after the point? (toExponential(p+1) is then exact and ends in 5.) */
function mayTieExp(a: number, p: number): boolean {
  const t = a.toExponential(p + 1);
  return t[t.indexOf("e") - 1] === "5";
}

/** |x| with `p` digits after the point in scientific notation, ties to even: ["1.95312", -3]. */
function toExponentialEven(a: number, p: number): [string, number] {
  const s = a.toExponential(p);
  const e = s.indexOf("e");
  const rounded: [string, number] = [s.slice(0, e), Number(s.slice(e + 1))];
  if (!mayTieExp(a, p)) return rounded;
  const long = a.toExponential(Math.min(100, p + 40));
  const le = long.indexOf("e");
  const d = long.slice(0, le).replace(".", ""); // all digits, first one before the point
  if (!isTieAt(d, p + 1)) return rounded;
  const truncDigits = d.slice(0, p + 1);
  const trunc = p === 0 ? truncDigits : `${truncDigits[0]}.${truncDigits.slice(1)}`;
  if (Number(truncDigits.slice(-1)) % 2 !== 0) return rounded;
  return [trunc, Number(long.slice(le + 1))];
}

/** Trim modes, as Dragon4's: "." drop trailing zeros keep the point, "0" keep one zero, "-" drop zeros and point, "k" keep all. */
export type Trim = "." | "0" | "-" | "k";

function applyTrim(intPart: string, frac: string, trim: Trim, minDigits: number): string {
  let f = frac;
  if (trim !== "k") f = f.replace(/0+$/, "");
  if (f.length < minDigits) f = f.padEnd(minDigits, "0");
  if (f.length === 0) {
    if (trim === "0") return `${intPart}.0`;
    if (trim === "-") return intPart;
    return `${intPart}.`;
  }
  return `${intPart}.${f}`;
}

/**
 * Dragon4 positional: unique digits, at most `precision` fractional digits (null: no limit),
 * trimmed as `trim`. With `minDigits` >= 0 (as the array printer passes), digits past the unique
 * ones are printed from the exact value down to that many places, and always through the units
 * digit: float32 88872872 prints "88872872." where its unique digits alone give "88872870.".
 *
 * @example
 * positional(1.5, 8, "."); // "1.5"
 * positional(1, 8, "."); // "1."
 * positional(1 / 3, 8, "."); // "0.33333333"
 */
export function positional(x: number, precision: number | null, trim: Trim, f32 = false, minDigits = -1): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  const { digits, exp } = shortestDigits(a, f32);
  const fracNeeded = Math.max(0, digits.length - 1 - exp);
  let intPart: string;
  let frac: string;
  let s: string | null = null;
  if (precision !== null && fracNeeded > precision) s = toFixedEven(a, precision);
  else if (minDigits >= 0 && a !== 0 && (fracNeeded < minDigits || exp >= digits.length)) s = toFixedEven(a, Math.max(fracNeeded, minDigits));
  if (s !== null) {
    const dot = s.indexOf(".");
    intPart = dot < 0 ? s : s.slice(0, dot);
    frac = dot < 0 ? "" : s.slice(dot + 1);
  } else if (a === 0) {
    intPart = "0";
    frac = "";
  } else if (exp >= 0) {
    intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    frac = digits.slice(exp + 1);
  } else {
    intPart = "0";
    frac = "0".repeat(-exp - 1) + digits;
  }
  return (neg ? "-" : "") + applyTrim(intPart, frac, trim, minDigits);
}

/**
 * Dragon4 scientific: unique digits, at most `precision` after the point, at least `minDigits`
 * (taken from the exact value, rounded), exponent with at least `expDigits` digits (2 by default).
 *
 * @example
 * scientific(1e-5, 8, "."); // "1.e-05"
 * scientific(1.5e20, 8, "-"); // "1.5e+20"
 */
export function scientific(x: number, precision: number | null, trim: Trim, f32 = false, minDigits = -1, expDigits = 2): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let mant: string;
  let exp: number;
  const { digits, exp: e0 } = shortestDigits(a, f32);
  if (precision !== null && digits.length - 1 > precision) [mant, exp] = toExponentialEven(a, precision);
  else if (minDigits > digits.length - 1 && a !== 0) [mant, exp] = toExponentialEven(a, minDigits);
  else {
    mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    exp = a === 0 ? 0 : e0;
  }
  const dot = mant.indexOf(".");
  const intPart = dot < 0 ? mant : mant.slice(0, dot);
  const frac = dot < 0 ? "" : mant.slice(dot + 1);
  const m = applyTrim(intPart, frac, trim, minDigits);
  const es = String(Math.abs(exp)).padStart(expDigits, "0");
  return `${neg ? "-" : ""}${m}e${exp < 0 ? "-" : "+"}${es}`;
}

/**
 * NumPy's `str`/`repr` of a float scalar: positional when 1e-4 <= |x| < 1e16 (or 0), unique
 * digits, "1.0"; else scientific "1e+16", "1.5e-05"; "nan", "inf", "-inf".
 *
 * @example
 * floatScalarStr(0.1) // "0.1"
 * floatScalarStr(1) // "1.0"
 * floatScalarStr(1e16) // "1e+16"
 */
export function floatScalarStr(x: number, f32 = false): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < 1e16)) return positional(x, null, "0", f32);
  return scientific(x, null, "-", f32);
}
