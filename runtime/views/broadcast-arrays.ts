/**
 * `np.broadcast_arrays` and `np.broadcast_shapes`.
 *
 * Rule (numpy/lib/stride_tricks.py, NumPy 1.24): the shapes combine by the broadcasting rule
 * (core/broadcast.ts), with `np.broadcast`'s error text naming the first two arguments that
 * disagree. When every input already has the common shape, broadcast_arrays returns the inputs
 * themselves; otherwise each becomes a stride-0 view (`broadcast_to`).
 * Decision: those views are READ-ONLY here. NumPy 1.24 marks them writeable with a "warn on
 * write" flag and a DeprecationWarning (a write through a stride-0 axis changes many elements;
 * NumPy plans to make them read-only); call `.copy()` to get an array you can write.
 * O(ndim) per argument.
 */
import { ValueError } from "../core/errors.js";
import { broadcastStrides } from "../core/broadcast.js";
import { viewOf } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShape, toShape } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";

/** The broadcast shape of `shapes`, or np.broadcast's error (numpy/core/src/multiarray/iterators.c, axis by axis, outermost first). */
function broadcastAll(shapes: readonly (readonly number[])[]): number[] {
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = -1;
    for (let j = 0; j < shapes.length; j++) {
      const k = i + shapes[j].length - nd;
      if (k < 0) continue;
      const tmp = shapes[j][k];
      if (tmp === 1) continue;
      if (out[i] === 1) {
        out[i] = tmp;
        src = j;
      } else if (out[i] !== tmp) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${formatShape(shapes[src])} and arg ${j} with shape ${formatShape(shapes[j])}.`,
        );
      }
    }
  }
  return out;
}

/**
 * The shape arrays of these shapes broadcast to (NumPy's `np.broadcast_shapes`).
 *
 * @example
 * np.broadcast_shapes([1, 2], [3, 1], [3, 2]) // [3, 2]
 * np.broadcast_shapes([6, 7], [5, 6, 1], [7], [5, 1, 7]) // [5, 6, 7]
 * np.broadcast_shapes(3, [2, 1]) // [2, 3]
 */
export function broadcast_shapes(...shapes: (number | readonly number[])[]): number[] {
  return broadcastAll(shapes.map(toShape));
}

/**
 * Broadcast arrays against each other: a list of views (read-only here, see the README), or the
 * inputs themselves when their shapes already agree.
 *
 * @example
 * const [x, y] = np.broadcast_arrays(np.array([[1, 2, 3]]), np.array([[4], [5]]));
 * x // array([[1, 2, 3], [1, 2, 3]])
 * y.strides // [4, 0]
 * x.flags.writeable // false
 */
export function broadcast_arrays(...args: ArrayLike[]): NDArray[] {
  const arrs = args.map((a) => asarray(a));
  const shape = broadcastAll(arrs.map((a) => a.shape));
  if (arrs.every((a) => a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]))) return arrs;
  return arrs.map((a) => viewOf(a, shape, broadcastStrides(a, shape)!, a.offset, false));
}
