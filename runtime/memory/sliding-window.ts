/**
 * `np.lib.stride_tricks.sliding_window_view`: every window of a given shape as one view (no copy).
 *
 * Rule (NumPy 1.24, numpy/lib/stride_tricks.py, same checks and words): the view's shape is the
 * array's shape with each windowed axis shortened by `window - 1`, followed by the window's shape;
 * its strides are the array's strides followed by the strides of the windowed axes. It is an
 * `as_strided` view, read-only unless `{ writeable: true }` (then several elements are one byte
 * range: a write reaches every window that holds it). O(ndim).
 */
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { as_strided } from "./as-strided.js";

/** Options of `sliding_window_view`: NumPy's keywords. */
export interface SlidingWindowOptions {
  /** The axes the window runs along (one per entry of `window_shape`); default every axis. */
  axis?: number | readonly number[] | null;
  /** A writeable view (default false, as NumPy). */
  writeable?: boolean;
  subok?: boolean;
}

function integer(v: number, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`'${typeof v === "number" ? "float" : typeof v}' object cannot be interpreted as an integer (${what})`);
  return v;
}

/**
 * A view of `x` holding every window of `window_shape` (a sliding or moving window), without copying:
 * the window's axes come last.
 *
 * @example
 * const x = np.arange(6);
 * const w = np.lib.stride_tricks.sliding_window_view(x, 3);
 * w.shape   // [4, 3]
 * w.tolist() // [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]
 * np.shares_memory(w, x) // true
 * // a moving average of 3
 * w.mean({ axis: -1 }).tolist() // [1, 2, 3, 4]
 * np.lib.stride_tricks.sliding_window_view(np.arange(12).reshape(3, 4), 2, { axis: 1 }).shape // [3, 3, 2]
 * // NumPy's axis may also come third, as in its docs: sliding_window_view(x, 3, 0)
 * np.lib.stride_tricks.sliding_window_view(np.arange(12).reshape(3, 4), 3, 0).shape // [1, 4, 3]
 */
export function sliding_window_view(
  x: NDArray,
  window_shape: number | readonly number[],
  axisOrOptions?: number | readonly number[] | null | SlidingWindowOptions,
  moreOptions: SlidingWindowOptions = {},
): NDArray {
  if (!(x instanceof NDArray)) throw new TypeError("sliding_window_view needs an NDArray (make one with np.asarray)");
  // NumPy's signature is (x, window_shape, axis=None, *, subok=False, writeable=False): axis positional or keyword
  const options: SlidingWindowOptions =
    axisOrOptions === undefined ? moreOptions : axisOrOptions === null || typeof axisOrOptions === "number" || Array.isArray(axisOrOptions) ? { ...moreOptions, axis: axisOrOptions as number | readonly number[] | null } : (axisOrOptions as SlidingWindowOptions);
  const window = (typeof window_shape === "number" ? [window_shape] : [...window_shape]).map((w) => integer(w, "window_shape"));
  if (window.some((w) => w < 0)) throw new ValueError("`window_shape` cannot contain negative values");
  let axes: number[];
  if (options.axis === undefined || options.axis === null) {
    axes = x.shape.map((_, i) => i);
    if (window.length !== axes.length) {
      throw new ValueError(
        `Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${window.length} window_shape elements and \`x.ndim\` is ${x.ndim}.`,
      );
    }
  } else {
    axes = (typeof options.axis === "number" ? [options.axis] : [...options.axis]).map((a) => {
      const ax = integer(a, "axis");
      if (ax < -x.ndim || ax >= x.ndim) throw new AxisError(ax, x.ndim);
      return ax < 0 ? ax + x.ndim : ax;
    });
    if (window.length !== axes.length) {
      throw new ValueError(`Must provide matching length window_shape and axis; got ${window.length} window_shape elements and ${axes.length} axes elements.`);
    }
  }
  const strides = [...x.strides, ...axes.map((a) => x.strides[a])];
  const trimmed = x.shape.slice();
  axes.forEach((a, i) => {
    if (trimmed[a] < window[i]) throw new ValueError("window shape cannot be larger than input array shape");
    trimmed[a] -= window[i] - 1;
  });
  return as_strided(x, [...trimmed, ...window], strides, { writeable: options.writeable ?? false, subok: options.subok });
}
