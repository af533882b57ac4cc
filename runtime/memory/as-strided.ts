/**
 * `np.lib.stride_tricks.as_strided`: a view with any shape and strides over an array's buffer.
 *
 * Rule: the footprint [lowest byte, highest byte + itemsize) of the requested view, measured
 * from the array's first element, must lie inside the typed array over the buffer; NumPy does
 * not check (it reads foreign memory), we refuse with a ValueError naming the byte range and the
 * buffer size. Strides must be multiples of the itemsize (typed arrays cannot address misaligned
 * elements). Defaults: the array's own shape and strides. The view is writeable when asked
 * (default true, NumPy's default) and the source is. O(ndim).
 */
import { ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShape, toShape } from "../core/shape.js";

/** Options of `as_strided`: NumPy's keywords (`shape` and `strides` may also come by position). */
export interface AsStridedOptions {
  shape?: number | readonly number[] | null;
  strides?: readonly number[] | null;
  writeable?: boolean;
  subok?: boolean;
}

/** A trailing options object (not a shape: an array or a number). */
function isOptions(v: unknown): v is AsStridedOptions {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A view of `x`'s memory with the given shape and strides (bytes). Writing through a view whose
 * elements overlap writes several elements at once: prefer `{ writeable: false }`. NumPy's
 * keywords as one options object, after any positional ones (`as_strided(x, { shape, strides })`).
 *
 * @example
 * const a = np.arange(6);                                   // int32, 24 bytes
 * const w = np.lib.stride_tricks.as_strided(a, [4, 3], [4, 4]); // sliding windows of 3
 * w.tolist() // [[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]
 * np.lib.stride_tricks.as_strided(a, { shape: [3], strides: [8] }).tolist() // [0, 2, 4]
 * np.lib.stride_tricks.as_strided(a, [7], [4]) // throws ValueError: as_strided would reach bytes [0, 28) ...
 */
export function as_strided(x: NDArray, options?: AsStridedOptions): NDArray;
export function as_strided(x: NDArray, shape: number | readonly number[] | null | undefined, options?: AsStridedOptions): NDArray;
export function as_strided(
  x: NDArray,
  shape: number | readonly number[] | null | undefined,
  strides: readonly number[] | null | undefined,
  options?: AsStridedOptions,
): NDArray;
export function as_strided(
  x: NDArray,
  shapeArg?: number | readonly number[] | null | AsStridedOptions,
  stridesArg?: readonly number[] | null | AsStridedOptions,
  optionsArg?: AsStridedOptions,
): NDArray {
  const given = [shapeArg, stridesArg, optionsArg];
  let last = given.length;
  while (last > 0 && given[last - 1] === undefined) last--;
  const options: AsStridedOptions = last > 0 && isOptions(given[last - 1]) ? (given[last - 1] as AsStridedOptions) : {};
  const positional = last > 0 && isOptions(given[last - 1]) ? given.slice(0, last - 1) : given.slice(0, last);
  if (positional.some(isOptions)) throw new TypeError("as_strided: the options object comes last");
  if (positional.length > 2) throw new TypeError("as_strided: give subok and writeable in the options object (as_strided(x, shape, strides, { writeable: false }))");
  (["shape", "strides"] as const).forEach((name, i) => {
    if (positional[i] !== undefined && options[name] !== undefined) throw new TypeError(`as_strided() got multiple values for argument '${name}'`);
  });
  const shape = (positional[0] ?? options.shape) as number | readonly number[] | null | undefined;
  const strides = (positional[1] ?? options.strides) as readonly number[] | null | undefined;
  if (!(x instanceof NDArray)) throw new TypeError("as_strided needs an NDArray (make one with np.asarray)");
  const shp = shape === undefined || shape === null ? x.shape.slice() : toShape(shape);
  const str = strides === undefined || strides === null ? x.strides.slice() : strides.slice();
  if (str.length !== shp.length) {
    throw new ValueError(`as_strided: shape ${formatShape(shp)} and strides ${formatShape(str)} must have the same length`);
  }
  const it = x.itemsize;
  for (const s of str) {
    if (!Number.isInteger(s) || s % it !== 0) {
      throw new ValueError(
        `as_strided: stride ${s} is not a multiple of the itemsize ${it} of ${x.dtype}; typed arrays can only address whole elements`,
      );
    }
  }
  const total = x.data.byteLength;
  const start = x.offset;
  let lo = start;
  let hi = start;
  let empty = false;
  for (let i = 0; i < shp.length; i++) {
    if (shp[i] === 0) empty = true;
    const span = (shp[i] - 1) * str[i];
    if (span < 0) lo += span;
    else hi += span;
  }
  hi += it;
  if (!empty && (lo < 0 || hi > total)) {
    throw new ValueError(
      `as_strided would reach bytes [${lo}, ${hi}) of a buffer of ${total} bytes (valid: [0, ${total})); ` +
        `shape ${formatShape(shp)} with strides ${formatShape(str)} starting at byte ${start} is outside the memory; choose a smaller shape or strides`,
    );
  }
  const writeable = (options.writeable ?? true) && x._writeable;
  return viewOf(x, shp, str, x.offset, writeable);
}
