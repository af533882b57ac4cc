/**
 * `np.savetxt` and `np.loadtxt`: arrays to and from text (CSV and whitespace-separated) files.
 *
 * Rules (NumPy 1.24, numpy/lib/npyio.py and its C reader numpy/core/src/multiarray/textreading):
 * - savetxt writes `fmt % tuple(row) + newline` per row with Python's `%` formatting
 *   (pyformat.ts), so the bytes equal NumPy's; a 1-D array is written one element per line; a
 *   single-spec `fmt` is repeated with `delimiter` for each column; a list of specs is joined with
 *   `delimiter`; `header`/`footer` lines get `comments` in front of each line. Text is latin-1, as
 *   NumPy's default. A name ending in `.gz` is gzip-compressed (readable by NumPy; the gzip header
 *   differs from Python's).
 * - loadtxt reads numbers separated by `delimiter` (any whitespace when null), after dropping
 *   `skiprows` lines and everything after a `comments` marker; empty lines are skipped; `usecols`
 *   picks columns (negative from the end); `max_rows` counts data rows. Numbers use Python's float
 *   syntax (`1e3`, `inf`, `nan`); integer dtypes take the value's integer part, wrapped into the
 *   dtype as NumPy's C cast does (NumPy deprecates reading floats as integers); bool reads
 *   integers as non-zero. The rows form a 2-D array, squeezed, then raised to `ndmin` dimensions;
 *   `unpack` returns the transpose. Errors are NumPy's.
 * Cost: O(file size); one BigInt conversion per float written.
 */
import { scalarFor } from "../core/iterate.js";
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { DTYPES, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { squeeze } from "../views/dims.js";
import { transpose } from "../views/transpose.js";
import { formatValue, parseFormat, type FormatPiece, type ScalarKind } from "./pyformat.js";

/** Options of `np.savetxt` (NumPy's keywords). */
export interface SavetxtOptions {
  /** A Python `%` format for every column, one with a spec per column, or a list of specs (default `%.18e`). */
  fmt?: string | readonly string[];
  /** Between columns (default a space). */
  delimiter?: string;
  /** After each line (default `\n`). */
  newline?: string;
  /** Text written first, each line prefixed with `comments`. */
  header?: string;
  /** Text written last, each line prefixed with `comments`. */
  footer?: string;
  /** Prefix of header and footer lines (default `# `). */
  comments?: string;
}

/** Python's AttributeError, which NumPy raises for a list `fmt` of the wrong length. */
export class AttributeError extends Error {
  override name = "AttributeError";
}

const kindOf = (t: DType): ScalarKind => (t === "bool" ? "bool" : t === "float32" ? "float32" : t === "float64" ? "float64" : "int");

/** Python's str() of a list of strings, for NumPy's fmt error. */
const pyList = (xs: readonly string[]): string => `[${xs.map((x) => `'${x}'`).join(", ")}]`;

/**
 * The text `np.savetxt` writes for `X` (a string; `savetxt` encodes it as latin-1).
 *
 * @example
 * savetxtString(np.array([[1, 2], [3, 4]]), { fmt: "%d", delimiter: "," }) // "1,2\n3,4\n"
 */
export function savetxtString(X: ArrayLike, options: SavetxtOptions = {}): string {
  const { fmt = "%.18e", delimiter = " ", newline = "\n", header = "", footer = "", comments = "# " } = options;
  const a = X instanceof NDArray ? X : asarray(X);
  if (a.ndim === 0 || a.ndim > 2) throw new ValueError(`Expected 1D or 2D array, got ${a.ndim}D array instead`);
  const rows = a.shape[0];
  const ncol = a.ndim === 1 ? 1 : a.shape[1];
  let format: string;
  if (Array.isArray(fmt)) {
    if (fmt.length !== ncol) throw new AttributeError(`fmt has wrong shape.  ${pyList(fmt)}`);
    format = fmt.join(delimiter);
  } else if (typeof fmt === "string") {
    const n = fmt.split("%").length - 1;
    if (n === 1) format = new Array<string>(ncol).fill(fmt).join(delimiter);
    else if (n !== ncol) throw new ValueError(`fmt has wrong number of % formats:  ${fmt}`);
    else format = fmt;
  } else throw new ValueError(`invalid fmt: ${String(fmt)}`);
  const pieces: FormatPiece[] = parseFormat(format);
  const specs = pieces.filter((p) => typeof p !== "string").length;
  if (specs !== ncol) throw new TypeError(specs < ncol ? "not all arguments converted during string formatting" : "not enough arguments for format string");
  const kind = kindOf(a.dtype);
  const isz = a.itemsize;
  const s0 = a.strides[0] / isz;
  const s1 = a.ndim === 2 ? a.strides[1] / isz : 0;
  const base = a.offset / isz;
  const parts: string[] = [];
  if (header.length > 0) parts.push(comments + header.split("\n").join("\n" + comments) + newline);
  for (let i = 0; i < rows; i++) {
    let line = "";
    let c = 0;
    for (const p of pieces) {
      if (typeof p === "string") line += p;
      else {
        const raw = a.data[base + i * s0 + c * s1];
        const v = typeof raw === "bigint" ? Number(raw) : raw; // int64/uint64: exact up to 2^53 (formatted as a double past it)
        c++;
        try {
          line += formatValue(p, v, kind);
        } catch (e) {
          if (e instanceof TypeError) throw new TypeError(`Mismatch between array dtype ('${a.dtype}') and format specifier ('${format}')`);
          throw e;
        }
      }
    }
    parts.push(line + newline);
  }
  if (footer.length > 0) parts.push(comments + footer.split("\n").join("\n" + comments) + newline);
  return parts.join("");
}

function latin1(s: string): Buffer {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) throw new ValueError(`'latin-1' codec can't encode character '\\u${c.toString(16).padStart(4, "0")}' in position ${i}: ordinal not in range(256)`);
  }
  return Buffer.from(s, "latin1");
}

/**
 * NumPy's `np.savetxt(fname, X, { fmt, delimiter, newline, header, footer, comments })`.
 *
 * @example
 * np.savetxt("/tmp/a.csv", np.array([[1.5, 2], [3, 4]]), { delimiter: ",", fmt: "%.3f", header: "x,y" });
 * np.loadtxt("/tmp/a.csv", { delimiter: "," }).tolist() // [[1.5, 2], [3, 4]]
 */
export function savetxt(fname: string, X: ArrayLike, options?: SavetxtOptions): void {
  const bytes = latin1(savetxtString(X, options));
  writeFileSync(fname, fname.endsWith(".gz") ? gzipSync(bytes) : bytes);
}

/** Options of `np.loadtxt` (NumPy's keywords). */
export interface LoadtxtOptions {
  /** The dtype of the result (default float64). */
  dtype?: DType;
  /** The text that starts a comment, several, or null for none (default `#`). */
  comments?: string | readonly string[] | null;
  /** Between values (default: any whitespace). */
  delimiter?: string | null;
  /** Lines to skip at the start, comment lines included (default 0). */
  skiprows?: number;
  /** Columns to read (negative counts from the end). */
  usecols?: number | readonly number[] | null;
  /** Return the transpose (columns first), for `const [x, y] = ...`. */
  unpack?: boolean;
  /** At least this many dimensions: 0, 1 or 2 (default 0). */
  ndmin?: 0 | 1 | 2;
  /** Read at most this many data rows. */
  max_rows?: number | null;
}

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!FLOAT_RE.test(t)) return null;
  const low = t.toLowerCase().replace(/^[+]/, "");
  if (low.endsWith("inf") || low.endsWith("infinity")) return low.startsWith("-") ? -Infinity : Infinity;
  if (low.endsWith("nan")) return NaN;
  return Number(t);
}

const checkCount = (n: number, name: string): void => {
  if (!Number.isInteger(n)) throw new TypeError(`${name} must be an integer`);
  if (n < 0) throw new ValueError(`${name} must be a non-negative integer`);
};

/**
 * The array `np.loadtxt` reads from `text` (the contents of a file).
 *
 * @example
 * loadtxtString("1,2\n3,4\n", { delimiter: "," }).tolist() // [[1, 2], [3, 4]]
 */
export function loadtxtString(text: string, options: LoadtxtOptions = {}): NDArray {
  const { dtype = "float64", delimiter = null, skiprows = 0, usecols = null, unpack = false, ndmin = 0, max_rows = null } = options;
  let comments = options.comments === undefined ? ["#"] : options.comments === null ? [] : typeof options.comments === "string" ? [options.comments] : [...options.comments];
  if (comments.includes("")) throw new ValueError("comments cannot be an empty string. Use comments=None to disable comments.");
  if (ndmin !== 0 && ndmin !== 1 && ndmin !== 2) throw new ValueError(`Illegal value of ndmin keyword: ${String(ndmin)}`);
  checkCount(skiprows, "skiprows");
  if (max_rows !== null) checkCount(max_rows, "max_rows");
  if (delimiter !== null && comments.includes(delimiter) && comments.length > 1) {
    throw new TypeError(`Comment characters '${comments.join("', '")}' cannot include the delimiter '${delimiter}'`);
  }
  comments = comments.filter((c) => c.length > 0);
  const cols = usecols === null || usecols === undefined ? null : typeof usecols === "number" ? [usecols] : [...usecols];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  // values row by row, converted as each row is read (NumPy raises at the first bad row)
  const values: number[] = [];
  const isInt = DTYPES[dtype].kind !== "f";
  let nrows = 0;
  let ncols = -1;
  for (let li = skiprows; li < lines.length; li++) {
    if (max_rows !== null && nrows >= max_rows) break;
    let line = lines[li];
    let cut = line.length;
    for (const c of comments) {
      const k = line.indexOf(c);
      if (k >= 0 && k < cut) cut = k;
    }
    line = line.slice(0, cut);
    const fields = delimiter === null ? line.split(/[ \t\v\f]+/).filter((f) => f !== "") : line === "" ? [] : line.split(delimiter);
    if (fields.length === 0) continue;
    const rowNumber = nrows + 1;
    if (cols !== null) {
      for (const c of cols) {
        if (c >= fields.length || c < -fields.length) throw new ValueError(`invalid column index ${c} at row ${rowNumber} with ${fields.length} columns`);
      }
    }
    const index = cols === null ? fields.map((_, k) => k) : cols.map((c) => (c < 0 ? c + fields.length : c));
    if (ncols === -1) ncols = index.length;
    else if (cols === null && index.length !== ncols) {
      throw new ValueError(`the number of columns changed from ${ncols} to ${index.length} at row ${rowNumber}; use \`usecols\` to select a subset and avoid this error`);
    }
    for (const k of index) {
      const f = fields[k];
      const v = parseNumber(f);
      if (v === null || (isInt && !Number.isFinite(v))) throw new ValueError(`could not convert string '${f}' to ${dtype} at row ${nrows}, column ${k + 1}.`);
      values.push(dtype === "bool" ? (v !== 0 ? 1 : 0) : isInt ? Math.trunc(v) : v);
    }
    nrows++;
  }
  let arr: NDArray;
  if (nrows === 0) arr = newArray([0, cols === null ? 1 : cols.length], dtype);
  else {
    arr = newArray([nrows, ncols], dtype);
    const d = arr.data as unknown as (number | bigint)[];
    for (let i = 0; i < values.length; i++) d[i] = scalarFor(values[i], dtype); // a bigint for int64/uint64
  }
  if (arr.ndim > ndmin) arr = squeeze(arr);
  if (arr.ndim < ndmin) {
    if (ndmin === 1) arr = arr.reshape([1]);
    else if (ndmin === 2) arr = transpose(arr.ndim === 0 ? arr.reshape([1, 1]) : arr.reshape([1, arr.size]));
  }
  return unpack ? transpose(arr) : arr;
}

/**
 * NumPy's `np.loadtxt(fname, { dtype, comments, delimiter, skiprows, usecols, unpack, ndmin, max_rows })`.
 * `fname` is a path, or the lines themselves as a list of strings (NumPy also takes a list of str).
 *
 * @example
 * np.savetxt("/tmp/b.txt", np.array([1, 2, 3]), { fmt: "%d" });
 * np.loadtxt("/tmp/b.txt", { dtype: "int32" }) // array([1, 2, 3])
 * np.loadtxt(["0 1", "2 3"]).tolist() // [[0, 1], [2, 3]]
 */
export function loadtxt(fname: string | readonly string[], options?: LoadtxtOptions): NDArray {
  if (typeof fname !== "string") return loadtxtString(fname.map((line) => line.replace(/\r?\n$/, "")).join("\n"), options);
  let buf = readFileSync(fname);
  if (fname.endsWith(".gz")) buf = gunzipSync(buf);
  return loadtxtString(buf.toString("utf8"), options);
}
