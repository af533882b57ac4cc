/**
 * `np.mgrid` and `np.ogrid`: dense and open grids from slice subscripts.
 *
 * Rule (numpy/lib/index_tricks.py nd_grid.__getitem__, NumPy 1.24), with the subscript written
 * as a string (`np.mgrid["0:5, 0:3"]`, `np.mgrid["-1:1:5j"]`): each part is start:stop:step with
 * numbers (floats allowed); a step ending in `j` (NumPy's complex step) is a number of points
 * with the stop included. Several parts (or one with a trailing comma): axis k has
 * ceil((stop - start) / step) points (or the `j` count) and values `i * step + start` (a `j`
 * count n > 1 uses step (stop - start) / (n - 1)); the dtype is float64 if any number is
 * fractional or a `j` step appears, else int32 (NumPy's int64). mgrid gives one array of shape
 * (N, *lengths); ogrid gives N arrays, each a view of a 1-d array with length-1, stride-0 axes
 * elsewhere. One part without a comma gives a 1-d array (`arange(start, stop, step)`, or the
 * `j` points). Cost: O(result size).
 */
import { DEFAULT_FLOAT, DEFAULT_INT, type DType } from "../core/dtype.js";
import { IndexError } from "../core/errors.js";
import { newArray, viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { subscriptable } from "../indexing/subscript.js";
import { arange } from "./ranges.js";
import { indices } from "./grids.js";

interface GridSlice {
  start: number | null;
  stop: number | null;
  step: number | null;
  /** The step was written with a `j` suffix (a number of points). */
  points: boolean;
}

const NUM = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function bad(part: string, whole: string): IndexError {
  return new IndexError(
    `invalid grid slice '${part}' in '${whole}': each comma-separated part must be start:stop or start:stop:step with numbers, a step like 5j meaning 5 points (for example np.mgrid["0:5, -1:1:5j"])`,
  );
}

function parseGrid(text: string): { slices: GridSlice[]; tuple: boolean } {
  const pieces = text.split(",");
  const tuple = pieces.length > 1;
  if (tuple && pieces[pieces.length - 1].trim() === "") pieces.pop();
  const slices = pieces.map((raw) => {
    const p = raw.trim();
    const f = p.split(":");
    if (f.length < 2 || f.length > 3) throw bad(p, text);
    const num = (s: string | undefined): number | null => {
      const t = (s ?? "").trim();
      if (t === "") return null;
      if (!NUM.test(t)) throw bad(p, text);
      return Number(t);
    };
    let stepText = (f[2] ?? "").trim();
    const points = /j$/i.test(stepText);
    if (points) stepText = stepText.slice(0, -1);
    return { start: num(f[0]), stop: num(f[1]), step: num(stepText), points };
  });
  return { slices, tuple };
}

function isFrac(x: number | null): boolean {
  return x !== null && !Number.isInteger(x);
}

function single(s: GridSlice): NDArray {
  const start = s.start ?? 0;
  if (s.stop === null) throw new TypeError("unsupported operand type(s) for -: 'NoneType' and 'int'");
  if (s.points) {
    const length = Math.trunc(Math.abs(s.step ?? 0));
    const step = length !== 1 ? (s.stop - start) / (length - 1) : 1;
    const out = newArray([length], DEFAULT_FLOAT, "C", false);
    for (let i = 0; i < length; i++) out.data[i] = i * step + start;
    return out;
  }
  return arange(start, s.stop, s.step ?? 1);
}

function grid(text: string, sparse: boolean): NDArray | NDArray[] {
  const { slices, tuple } = parseGrid(text);
  if (!tuple) return single(slices[0]);
  let float = false;
  const size = slices.map((s) => {
    const start = s.start ?? 0;
    const step = s.step ?? 1;
    if (s.stop === null) throw new TypeError("unsupported operand type(s) for -: 'NoneType' and 'int'");
    if (isFrac(s.start) || isFrac(s.stop) || isFrac(s.step) || s.points) float = true;
    return (s.points ? Math.trunc(Math.abs(step)) : Math.ceil((s.stop - start) / step)) + 0; // + 0: no -0 length
  });
  const typ: DType = float ? DEFAULT_FLOAT : DEFAULT_INT;
  const steps = slices.map((s) => {
    const start = s.start ?? 0;
    let step = s.step ?? 1;
    if (s.points) {
      step = Math.trunc(Math.abs(step));
      if (step !== 1) step = (s.stop! - start) / (step - 1);
    }
    return { start, step };
  });
  const n = slices.length;
  if (sparse) {
    return size.map((wanted, k) => {
      const a = arange(wanted, { dtype: typ }); // a negative length gives an empty arange, as in NumPy
      const len = a.shape[0];
      const { start, step } = steps[k];
      for (let i = 0; i < len; i++) a.data[i] = i * step + start;
      const shape = size.map((_, m) => (m === k ? len : 1));
      const strides = size.map((_, m) => (m === k ? a.strides[0] : 0));
      return viewOf(a, shape, strides, 0);
    });
  }
  const nn = indices(size, { dtype: typ });
  const per = nn.size / Math.max(n, 1);
  for (let k = 0; k < n; k++) {
    const { start, step } = steps[k];
    for (let p = k * per; p < (k + 1) * per; p++) nn.data[p] = (nn.data[p] as number) * step + start;
  }
  return nn;
}

/**
 * NumPy's `np.mgrid`: a dense grid, `np.mgrid["0:2, 0:3"]` has shape [2, 2, 3]; a step `5j` means 5 points.
 *
 * @example
 * np.mgrid["0:2, 0:3"].get(1) // array([[0, 1, 2], [0, 1, 2]])
 * np.mgrid["0:2, 0:3"].shape // [2, 2, 3]
 * np.mgrid["-1:1:5j"] // array([-1. , -0.5,  0. ,  0.5,  1. ])
 */
export const mgrid: { readonly [key: string]: NDArray } = subscriptable("np.mgrid", (key) => grid(key, false) as NDArray);

/** The type of `np.ogrid`: several parts give a list of arrays, one part (no comma) one array. */
export interface OpenGrid {
  readonly [key: `${string},${string}`]: NDArray[];
  readonly [key: string]: NDArray | NDArray[];
}

/**
 * NumPy's `np.ogrid`: an open grid, one array per part, each with length 1 on the other axes.
 *
 * @example
 * const [x, y] = np.ogrid["0:3, 0:2"];
 * x.shape // [3, 1]
 * y // array([[0, 1]])
 * np.ogrid["0:1:3j"] // array([0. , 0.5, 1. ])
 */
export const ogrid: OpenGrid = subscriptable("np.ogrid", (key) => grid(key, true)) as OpenGrid;
