/**
 * `np.split`, `np.array_split`, `np.hsplit`, `np.vsplit`, `np.dsplit`: lists of views.
 *
 * Rule (numpy/lib/shape_base.py, NumPy 1.24): a number of sections N cuts the axis (length L)
 * into `L % N` pieces of `floor(L / N) + 1` then pieces of `floor(L / N)` (split insists that
 * N divides L); a list of indices cuts at those indices, each piece being the Python slice
 * `[previous:next]` (so out-of-range or decreasing indices give empty pieces). Each piece is
 * `swapaxes(swapaxes(a, axis, 0)[start:stop], axis, 0)`: a view of `a` with `a`'s strides. An
 * axis out of range is Python's `tuple index out of range` (NumPy reads `a.shape[axis]` first).
 * hsplit splits along axis 1 (axis 0 for 1-d), vsplit along 0 (needs >= 2-d), dsplit along 2
 * (needs >= 3-d). O(pieces * ndim).
 */
import { IndexError, ValueError } from "../core/errors.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { readFlat } from "../core/iterate.js";
import { adjustSlice } from "../indexing/slice.js";
import { ZeroDivisionError } from "../create/ranges.js";
import { isOptions } from "./args.js";

/** Sections (a number) or split points (integers, as a JS array or an integer NDArray). */
export type SplitSpec = number | readonly number[] | NDArray;

function axisArg(axis: number | { axis?: number } | undefined): number {
  if (isOptions(axis)) return (axis.axis as number | undefined) ?? 0;
  return axis ?? 0;
}

/** The piece [start:stop] (Python slice rules) along `axis`, with `a`'s strides. */
function piece(a: NDArray, axis: number, start: number, stop: number): NDArray {
  const s = adjustSlice(start, stop, 1, a.shape[axis]);
  const shape = a.shape.slice();
  shape[axis] = s.length;
  return viewOf(a, shape, a.strides, s.length > 0 ? a.offset + s.start * a.strides[axis] : a.offset);
}

function pieces(ary: ArrayLike, spec: SplitSpec, axisIn: number, equal: boolean): NDArray[] {
  const a = asarray(ary);
  if (!Number.isInteger(axisIn) || axisIn >= a.ndim || axisIn < -a.ndim) throw new IndexError("tuple index out of range");
  const axis = axisIn < 0 ? axisIn + a.ndim : axisIn;
  const total = a.shape[axis];
  let points: number[];
  if (typeof spec === "number") {
    const n = Math.trunc(spec);
    if (equal && spec === 0) throw new ZeroDivisionError("integer modulo by zero");
    if (equal && total % spec !== 0) throw new ValueError("array split does not result in an equal division");
    if (n <= 0) throw new ValueError("number sections must be larger than 0.");
    const each = Math.floor(total / n);
    const extras = total % n;
    points = [0];
    for (let i = 0; i < n; i++) points.push(points[i] + (i < extras ? each + 1 : each));
  } else {
    const list = spec instanceof NDArray ? Array.from(readFlat(spec), Number) : spec.slice();
    points = [0, ...list, total];
  }
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) out.push(piece(a, axis, points[i], points[i + 1]));
  return out;
}

/**
 * Split into equal sections (a number that must divide the axis) or at indices: a list of views.
 *
 * @example
 * const x = np.arange(9);
 * np.split(x, 3).map((p) => p.tolist()) // [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
 * np.split(x, [3, 5, 6, 10]).map((p) => p.size) // [3, 2, 1, 3, 0]
 * np.split(x, 3)[1].base === x // true
 */
export function split(ary: ArrayLike, indices_or_sections: SplitSpec, axis?: number | { axis?: number }): NDArray[] {
  return pieces(ary, indices_or_sections, axisArg(axis), true);
}

/**
 * Like `split`, but a number of sections need not divide the axis (the first pieces get one more).
 *
 * @example
 * np.array_split(np.arange(8), 3).map((p) => p.tolist()) // [[0, 1, 2], [3, 4, 5], [6, 7]]
 */
export function array_split(ary: ArrayLike, indices_or_sections: SplitSpec, axis?: number | { axis?: number }): NDArray[] {
  return pieces(ary, indices_or_sections, axisArg(axis), false);
}

/**
 * Split column-wise (axis 1; axis 0 for 1-d arrays): a list of views.
 *
 * @example
 * np.hsplit(np.arange(8).reshape(2, 4), 2).map((p) => p.tolist()) // [[[0, 1], [4, 5]], [[2, 3], [6, 7]]]
 */
export function hsplit(ary: ArrayLike, indices_or_sections: SplitSpec): NDArray[] {
  const a = asarray(ary);
  if (a.ndim === 0) throw new ValueError("hsplit only works on arrays of 1 or more dimensions");
  return pieces(a, indices_or_sections, a.ndim > 1 ? 1 : 0, true);
}

/**
 * Split row-wise (axis 0; needs at least 2 dimensions): a list of views.
 *
 * @example
 * np.vsplit(np.arange(8).reshape(4, 2), 2)[1].tolist() // [[4, 5], [6, 7]]
 */
export function vsplit(ary: ArrayLike, indices_or_sections: SplitSpec): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 2) throw new ValueError("vsplit only works on arrays of 2 or more dimensions");
  return pieces(a, indices_or_sections, 0, true);
}

/**
 * Split along the third axis (needs at least 3 dimensions): a list of views.
 *
 * @example
 * np.dsplit(np.arange(8).reshape(1, 2, 4), [1])[1].shape // [1, 2, 3]
 */
export function dsplit(ary: ArrayLike, indices_or_sections: SplitSpec): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 3) throw new ValueError("dsplit only works on arrays of 3 or more dimensions");
  return pieces(a, indices_or_sections, 2, true);
}
