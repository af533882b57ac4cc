/**
 * IPython's text for timings, character for character.
 *
 * Rules (IPython 8, IPython/core/magics/execution.py):
 * - `_format_time(t, precision=3)`: t >= 60 s is written as "1h 2min 3s" (whole units, stopping once
 *   less than a second is left); otherwise the unit is chosen by
 *   order = min(-(floor(log10(t)) // 3), 3) over [s, ms, µs, ns] (order 3 when t <= 0) and the number
 *   is written with C's `%.*g`.
 * - `%g` (Python's printf): round to P significant digits (P = 0 means 1), half to even on the
 *   EXACT binary value; exponent X of the rounded value; if -4 <= X < P write fixed with P-1-X
 *   decimals, else `d.ddde±XX` (at least two exponent digits); then strip trailing zeros and a
 *   trailing point. JavaScript's toPrecision rounds ties up, so the digits are made here from the
 *   double's exact decimal expansion (BigInt), cost O(digits) per number.
 * - `TimeitResult.__str__`: "{mean} ± {std} per loop (mean ± std. dev. of {runs} run{s}, {loops:,} loop{s} each)".
 */

/** The exact decimal expansion of a positive finite double: value = 0.digits * 10^point. */
function exactDecimal(x: number): { digits: string; point: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mantissa |= 1n << 52n;
    exp2 = biased - 1075;
  }
  let digits: string;
  let point: number;
  if (exp2 >= 0) {
    digits = (mantissa << BigInt(exp2)).toString();
    point = digits.length;
  } else {
    // m / 2^k = m * 5^k / 10^k
    digits = (mantissa * 5n ** BigInt(-exp2)).toString();
    point = digits.length + exp2;
  }
  const stripped = digits.replace(/^0+/, "");
  point -= digits.length - stripped.length;
  return { digits: stripped.replace(/0+$/, "") || "0", point };
}

/** Round a digit string to `p` digits, half to even. Returns digits (length p) and the point shift. */
function roundDigits(digits: string, point: number, p: number): { digits: string; point: number } {
  if (digits.length <= p) return { digits: digits.padEnd(p, "0"), point };
  const keep = digits.slice(0, p);
  const rest = digits.slice(p);
  const first = rest.charCodeAt(0) - 48;
  const beyond = /[1-9]/.test(rest.slice(1));
  const lastOdd = (keep.charCodeAt(p - 1) - 48) % 2 === 1;
  const up = first > 5 || (first === 5 && (beyond || lastOdd));
  if (!up) return { digits: keep, point };
  const bumped = (BigInt(keep) + 1n).toString();
  if (bumped.length > p) return { digits: bumped.slice(0, p), point: point + 1 };
  return { digits: bumped, point };
}

/**
 * Python's `"%.*g" % (precision, x)`.
 *
 * @example
 * formatG(0.000123456, 3) // "0.000123"
 * formatG(1234.5, 3)      // "1.23e+03"
 * formatG(1.125, 3)       // "1.12" (half to even, as C and Python)
 */
export function formatG(x: number, precision: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const p = precision === 0 ? 1 : precision;
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  const ax = Math.abs(x);
  if (ax === 0) return `${sign}0`;
  const exact = exactDecimal(ax);
  const r = roundDigits(exact.digits, exact.point, p);
  const X = r.point - 1;
  let body: string;
  if (X >= -4 && X < p) {
    if (X >= 0) body = `${r.digits.slice(0, X + 1).padEnd(X + 1, "0")}.${r.digits.slice(X + 1)}`;
    else body = `0.${"0".repeat(-X - 1)}${r.digits}`;
    body = stripZeros(body);
  } else {
    const mant = stripZeros(`${r.digits[0]}.${r.digits.slice(1)}`);
    const e = Math.abs(X).toString().padStart(2, "0");
    body = `${mant}e${X < 0 ? "-" : "+"}${e}`;
  }
  return sign + body;
}

/**
 * Python's `"%.*f" % (decimals, x)` for a finite x (half to even on the exact value).
 *
 * @example
 * formatFixed(4.125, 2) // "4.12"
 * formatFixed(5, 2)     // "5.00"
 */
export function formatFixed(x: number, decimals: number): string {
  const sign = x < 0 ? "-" : "";
  const ax = Math.abs(x);
  if (ax === 0) return `${sign}${(0).toFixed(decimals)}`;
  const exact = exactDecimal(ax);
  const p = exact.point + decimals;
  if (p <= 0) {
    // below the last decimal place: 0, or one unit there when p === 0 and x is above half of it
    const up = p === 0 && (exact.digits[0] > "5" || (exact.digits[0] === "5" && /[1-9]/.test(exact.digits.slice(1))));
    const units = (up ? "1" : "0").padStart(decimals + 1, "0");
    return `${sign}${units.slice(0, units.length - decimals)}${decimals > 0 ? "." + units.slice(units.length - decimals) : ""}`;
  }
  const { digits, point } = roundDigits(exact.digits, exact.point, p);
  // digits now has p digits (or p digits with point moved by a carry): write them as fixed
  const all = point > 0 ? digits.padEnd(point + decimals, "0") : "0".repeat(-point) + digits;
  const intLen = Math.max(point, 0);
  const intPart = intLen > 0 ? all.slice(0, intLen) : "0";
  const frac = (intLen > 0 ? all.slice(intLen) : all).padEnd(decimals, "0").slice(0, decimals);
  return `${sign}${intPart}${decimals > 0 ? "." + frac : ""}`;
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * IPython's `_format_time`: a duration in seconds as IPython writes it.
 *
 * @example
 * formatTime(0.00123)   // "1.23 ms"
 * formatTime(4.56e-5)   // "45.6 µs"
 * formatTime(3725.2)    // "1h 2min 5s"
 * formatTime(0.9997)    // "1e+03 ms" (IPython picks the unit before rounding)
 */
export function formatTime(seconds: number, precision = 3): string {
  if (seconds >= 60) {
    const parts: [string, number][] = [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]];
    const out: string[] = [];
    let leftover = seconds;
    for (const [suffix, length] of parts) {
      const value = Math.trunc(leftover / length);
      if (value > 0) {
        leftover = leftover % length;
        out.push(`${value}${suffix}`);
      }
      if (leftover < 1) break;
    }
    return out.join(" ");
  }
  const units = ["s", "ms", "\u00b5s", "ns"];
  const scaling = [1, 1e3, 1e6, 1e9];
  // IPython: min(-int(floor(log10(t)) // 3), 3), with Python's floor division; t < 60 keeps order >= 0.
  const order = seconds > 0 ? Math.min(-Math.floor(Math.floor(Math.log10(seconds)) / 3), 3) : 3;
  return `${formatG(seconds * scaling[order], precision)} ${units[order]}`;
}

/**
 * Python's `"{:,}".format(n)` for an integer.
 *
 * @example
 * thousands(1000000) // "1,000,000"
 */
export function thousands(n: number): string {
  const s = Math.abs(Math.trunc(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * The line IPython prints for a TimeitResult (its `__str__`, with the Unicode ±).
 *
 * @example
 * timeitLine({ average: 0.00123, stdev: 4.56e-5, repeat: 7, loops: 1000 })
 * // "1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)"
 */
export function timeitLine(r: { average: number; stdev: number; repeat: number; loops: number }, precision = 3): string {
  const runs = r.repeat === 1 ? "run" : "runs";
  const loops = r.loops === 1 ? "loop" : "loops";
  return (
    `${formatTime(r.average, precision)} \u00b1 ${formatTime(r.stdev, precision)} per loop ` +
    `(mean \u00b1 std. dev. of ${r.repeat} ${runs}, ${thousands(r.loops)} ${loops} each)`
  );
}

/**
 * IPython's caching warning, or null when IPython prints none
 * (it warns when worst > 4 * best, best > 0 and worst > 1e-6, times per loop).
 *
 * @example
 * cachingWarning(1e-3, 5e-3) // "The slowest run took 5.00 times longer than the fastest. This could mean that an intermediate result is being cached."
 */
export function cachingWarning(best: number, worst: number): string | null {
  if (!(worst > 4 * best && best > 0 && worst > 1e-6)) return null;
  return (
    `The slowest run took ${formatFixed(worst / best, 2)} times longer than the fastest. ` +
    "This could mean that an intermediate result is being cached."
  );
}
