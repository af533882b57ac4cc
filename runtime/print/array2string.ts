/**
 * NumPy's `array2string`, `array_repr` and `array_str` (numpy/core/arrayprint.py, NumPy 1.24).
 *
 * Rule: past `threshold` elements only `edgeitems` items at each end of every long axis are shown,
 * with "..." between; the element formatter is chosen from the shown values only. Rows wrap at
 * `linewidth` (minus 1 for the ")" or "," that follows in a repr), continuation lines indented
 * under the first element; nested axes are separated by one blank line per extra axis level. The
 * repr omits `dtype=` for the dtypes a literal implies: float64, bool, and int32 (this runtime's
 * default integer; NumPy omits int64 instead), and always shows it for size 0; `dtype=` goes on
 * its own line when it would pass the line width. The str of a 0-d array is the scalar's str.
 * Cost: O(shown elements) formatting; a summarised array formats at most ~2*edgeitems per axis.
 */
import { DTYPES, type DType } from "../core/dtype.js";
import type { NDArray } from "../core/ndarray.js";
import { floatScalarStr } from "./digits.js";
import { makeFormatter, type ElementFormatter } from "./formatters.js";
import { printOptions, type PrintOptions } from "./options.js";

/** Options of `array2string` (NumPy's keyword names; unspecified ones come from the print options). */
export interface Array2StringOptions extends Partial<PrintOptions> {
  /** NumPy's `max_line_width` (same as linewidth). */
  max_line_width?: number;
  /** NumPy's `suppress_small` (same as suppress). */
  suppress_small?: boolean;
  /** Between elements (default " "). */
  separator?: string;
  /** Text the result will follow, for the indentation of continuation lines (default ""). */
  prefix?: string;
  /** Text that will follow the result (its length is taken off the line width; default ""). */
  suffix?: string;
}

/** Element reader: value at a full index tuple (bools as 0/1). */
function reader(a: NDArray): (idx: readonly number[]) => number | bigint {
  const it = DTYPES[a.dtype].itemsize;
  const start = a.offset / it;
  const st = a.strides.map((s) => s / it);
  const data = a.data;
  return (idx) => {
    let k = start;
    for (let j = 0; j < idx.length; j++) k += idx[j] * st[j];
    return data[k];
  };
}

/** The indices shown along an axis of length n. */
function shownIndices(n: number, summarise: boolean, edge: number): number[] {
  if (summarise && n > 2 * edge) {
    const out: number[] = [];
    for (let i = 0; i < edge; i++) out.push(i);
    for (let i = n - edge; i < n; i++) out.push(i);
    return out;
  }
  return Array.from({ length: n }, (_, i) => i);
}

function shownValues(a: NDArray, get: (idx: readonly number[]) => number | bigint, summarise: boolean, edge: number): (number | bigint)[] {
  const axes = a.shape.map((n) => shownIndices(n, summarise, edge));
  const out: (number | bigint)[] = [];
  const idx: number[] = new Array<number>(a.ndim).fill(0);
  const rec = (ax: number): void => {
    if (ax === a.ndim) {
      out.push(get(idx));
      return;
    }
    for (const i of axes[ax]) {
      idx[ax] = i;
      rec(ax + 1);
    }
  };
  rec(0);
  return out;
}

function extendLine(s: string, line: string, word: string, lineWidth: number, nextLinePrefix: string): [string, string] {
  let needsWrap = line.length + word.length > lineWidth;
  if (line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    s += line.trimEnd() + "\n";
    line = nextLinePrefix;
  }
  return [s, line + word];
}

function formatArray(
  a: NDArray,
  get: (idx: readonly number[]) => number | bigint,
  fmt: ElementFormatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edgeItems: number,
  summaryInsert: string,
): string {
  const recurser = (index: number[], hangingIndent: string, currWidth: number): string => {
    const axis = index.length;
    const axesLeft = a.ndim - axis;
    if (axesLeft === 0) return fmt(get(index));
    const nextHanging = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const aLen = a.shape[axis];
    const showSummary = summaryInsert !== "" && 2 * edgeItems < aLen;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : aLen;
    let s = "";
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      for (let i = 0; i < leading; i++) {
        const word = recurser([...index, i], nextHanging, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      if (showSummary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hangingIndent);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        const word = recurser([...index, aLen - i], nextHanging, nextWidth);
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
        line += separator;
      }
      const word = recurser([...index, aLen - 1], nextHanging, nextWidth);
      [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + recurser([...index, i], nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + recurser([...index, aLen - i], nextHanging, nextWidth) + lineSep;
      s += hangingIndent + recurser([...index, aLen - 1], nextHanging, nextWidth);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurser([], nextLinePrefix, lineWidth);
}

/**
 * NumPy's `np.array2string(a, {...})`: the bracketed text of the elements.
 *
 * @example
 * np.array2string(np.array([1, 2, 3]), { separator: ", " }) // "[1, 2, 3]"
 */
export function array2string(a: NDArray, opts: Array2StringOptions = {}): string {
  const o: PrintOptions = { ...printOptions(), ...definedOnly(opts) };
  if (opts.max_line_width !== undefined) o.linewidth = opts.max_line_width;
  if (opts.suppress_small !== undefined) o.suppress = opts.suppress_small;
  const separator = opts.separator ?? " ";
  const prefix = opts.prefix ?? "";
  const suffix = opts.suffix ?? "";
  const lineWidth = o.linewidth - suffix.length;
  if (a.size === 0) return "[]";
  const get = reader(a);
  const summarise = a.size > o.threshold;
  const values = shownValues(a, get, summarise, o.edgeitems);
  const fmt = makeFormatter(values, a.dtype, o, a.ndim === 0);
  return formatArray(a, get, fmt, lineWidth, " " + " ".repeat(prefix.length), separator, o.edgeitems, summarise ? "..." : "");
}

function definedOnly(opts: Array2StringOptions): Partial<PrintOptions> {
  const out: Partial<PrintOptions> = {};
  for (const k of ["precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr"] as const) {
    if (opts[k] !== undefined) (out as Record<string, unknown>)[k] = opts[k];
  }
  return out;
}

/** Dtypes whose repr needs no `dtype=` (the ones a literal gives). */
const IMPLIED: ReadonlySet<DType> = new Set<DType>(["float64", "int32", "bool"]);

/**
 * NumPy's `repr(a)`: `array([1, 2, 3])`, with `dtype=` unless implied.
 *
 * @example
 * np.array_repr(np.arange(3)) // "array([0, 1, 2])"
 * np.array_repr(np.zeros(2, { dtype: "float32" })) // "array([0., 0.], dtype=float32)"
 */
export function array_repr(a: NDArray, opts: { max_line_width?: number; precision?: number; suppress_small?: boolean } = {}): string {
  const o = printOptions();
  const maxLineWidth = opts.max_line_width ?? o.linewidth;
  const skipDtype = IMPLIED.has(a.dtype) && a.size > 0;
  const prefix = "array(";
  const suffix = skipDtype ? ")" : ",";
  let lst: string;
  if (a.size > 0 || (a.ndim === 1 && a.shape[0] === 0)) {
    lst = array2string(a, { max_line_width: maxLineWidth, precision: opts.precision, suppress: opts.suppress_small, separator: ", ", prefix, suffix });
  } else {
    lst = `[], shape=${shapeRepr(a.shape)}`;
  }
  const arrStr = prefix + lst + suffix;
  if (skipDtype) return arrStr;
  const dtypeStr = `dtype=${a.dtype})`;
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf("\n") + 1);
  const spacer = lastLineLen + dtypeStr.length + 1 > maxLineWidth ? "\n" + " ".repeat(prefix.length) : " ";
  return arrStr + spacer + dtypeStr;
}

/** Python's repr of a shape tuple: (3,), (2, 3), (). */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * NumPy's `str(a)`: `[1 2 3]`; a 0-d array prints as its scalar (`1.5`, `True`).
 *
 * @example
 * np.array_str(np.array([1.5, 2])) // "[1.5 2. ]"
 */
export function array_str(a: NDArray, opts: { max_line_width?: number; precision?: number; suppress_small?: boolean } = {}): string {
  if (a.ndim === 0) {
    const v = a.data[a.offset / DTYPES[a.dtype].itemsize];
    if (a.dtype === "bool") return v ? "True" : "False";
    if (a.dtype === "float64" || a.dtype === "float32") return floatScalarStr(Number(v), a.dtype === "float32");
    return String(v);
  }
  return array2string(a, { max_line_width: opts.max_line_width, precision: opts.precision, suppress: opts.suppress_small, separator: " ", prefix: "" });
}

/** The text a front end shows for an array (NumPy's repr). Same as `array_repr`. */
export const repr = (a: NDArray): string => array_repr(a);
