/**
 * Broadcasting: NumPy's rule for combining shapes, and read-only stride-0 views.
 *
 * Rule (NumPy's general broadcasting rules): align shapes at their last axis; along each axis the
 * lengths must be equal or one of them 1 (a missing axis counts as 1); the result takes the
 * length that is not 1. A broadcast view repeats an element by giving its axis stride 0, so it
 * costs O(ndim) and no memory; it is read-only because writing one element would change many.
 * Reference: numpy/core/src/multiarray/nditer_constr.c (`npyiter_fill_axisdata` error text),
 * numpy/lib/stride_tricks.py (`broadcast_to`).
 */
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";
import { viewOf } from "./make.js";
import { formatShapeCompact, toShape } from "./shape.js";

/**
 * The shape that `shapes` broadcast to, or NumPy's ufunc error (which ends in a space).
 *
 * @example
 * broadcastShapes([2, 1], [3]) // [2, 3]
 * broadcastShapes([3], [4]) // throws ValueError: operands could not be broadcast together with shapes (3,) (4,)
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const lead = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[lead + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[lead + i] = d;
      else {
        const text = shapes.map((x) => formatShapeCompact(x) + " ").join("");
        throw new ValueError(`operands could not be broadcast together with shapes ${text}`);
      }
    }
  }
  return out;
}

/**
 * Strides (bytes) that make `a` look like `shape` (stride 0 on repeated axes), or null if it cannot.
 *
 * @example
 * broadcastStrides(np.arange(3), [2, 3]) // [0, 4]
 */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] | null {
  const lead = shape.length - a.ndim;
  if (lead < 0) return null;
  const strides = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const d = a.shape[i];
    if (d === shape[lead + i]) strides[lead + i] = d === 1 ? 0 : a.strides[i];
    else if (d === 1) strides[lead + i] = 0;
    else return null;
  }
  return strides;
}

/**
 * A read-only view of `a` broadcast to `shape` (NumPy's `np.broadcast_to`): repeated axes have stride 0.
 *
 * @example
 * const b = broadcastTo(np.arange(3), [2, 3]);
 * b.strides // [0, 4]
 * b.flags.writeable // false
 */
export function broadcastTo(a: NDArray, shape: number | readonly number[]): NDArray {
  const target = toShape(shape);
  if (target.length < a.ndim) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
  const strides = broadcastStrides(a, target);
  if (strides === null) {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShapeCompact(a.shape)}  and requested shape ${formatShapeCompact(target)}`,
    );
  }
  return viewOf(a, target, strides, a.offset, false);
}

/**
 * `could not broadcast input array from shape (4,) into shape (3,)`, NumPy's assignment error.
 *
 * @example
 * assignBroadcastError([4], [3]).message // "could not broadcast input array from shape (4,) into shape (3,)"
 */
export function assignBroadcastError(from: readonly number[], into: readonly number[]): ValueError {
  return new ValueError(`could not broadcast input array from shape ${formatShapeCompact(from)} into shape ${formatShapeCompact(into)}`);
}

