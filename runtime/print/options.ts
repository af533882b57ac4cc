/**
 * Print options, NumPy's `np.set_printoptions` / `np.get_printoptions` (numpy/core/arrayprint.py).
 * Defaults are NumPy's: precision 8, threshold 1000, edgeitems 3, linewidth 75, suppress false,
 * nanstr "nan", infstr "inf", floatmode "maxprec", sign "-".
 */
import { ValueError } from "../core/errors.js";

/** The options that change how arrays print. */
export interface PrintOptions {
  /** Digits after the point for floats (default 8). */
  precision: number;
  /** Arrays with more elements than this are summarised with `...` (default 1000). */
  threshold: number;
  /** Items kept at each edge of a summarised axis (default 3). */
  edgeitems: number;
  /** Characters per line before wrapping (default 75). */
  linewidth: number;
  /** Never use scientific notation for small numbers (default false). */
  suppress: boolean;
  /** Text for NaN (default "nan"). */
  nanstr: string;
  /** Text for infinity (default "inf"). */
  infstr: string;
}

const DEFAULTS: PrintOptions = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  nanstr: "nan",
  infstr: "inf",
});

let current: PrintOptions = { ...DEFAULTS };

/**
 * The print options in force (a copy).
 *
 * @example
 * np.get_printoptions().precision // 8
 */
export function get_printoptions(): PrintOptions {
  return { ...current };
}

/** @internal The options in force, not copied. */
export function printOptions(): Readonly<PrintOptions> {
  return current;
}

/**
 * Change how arrays print from now on (only the options given); `{}` changes nothing.
 * Pass `{ legacy: false }`-style NumPy names: precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr.
 *
 * @example
 * np.set_printoptions({ precision: 3 });
 * String(np.array([Math.PI])) // "[3.142]"
 */
export function set_printoptions(opts: Partial<PrintOptions> = {}): void {
  const next = { ...current };
  for (const key of ["precision", "threshold", "edgeitems", "linewidth"] as const) {
    const v = opts[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || Number.isNaN(v)) throw new TypeError(`${key} must be a number, got ${String(v)}`);
    if (key === "precision" && (!Number.isInteger(v) || v < 0)) throw new ValueError("precision must be >= 0");
    next[key] = v;
  }
  if (opts.suppress !== undefined) next.suppress = Boolean(opts.suppress);
  if (opts.nanstr !== undefined) next.nanstr = String(opts.nanstr);
  if (opts.infstr !== undefined) next.infstr = String(opts.infstr);
  current = next;
}

/** @internal Back to NumPy's defaults (tests). */
export function resetPrintOptions(): void {
  current = { ...DEFAULTS };
}
