/**
 * `np.block`: assemble an array from nested lists of blocks (a new array).
 *
 * Rule (numpy/core/shape_base.py, NumPy 1.24): JS arrays are the nesting (NumPy's lists);
 * numbers and NDArrays are the blocks. Every block must sit at the same list depth D (else
 * "List depths are mismatched ..."), no list may be empty; each block gets max(D, its ndim)
 * dimensions by prepending length-1 axes, and the innermost lists are concatenated along the
 * last axis, the next ones along the second-to-last, and so on. A lone array (D = 0) gives a
 * copy. Layout and dtype are concatenate's. Differs from NumPy: results above 2*512*512 elements
 * times D are laid out as concatenate lays them out (NumPy then picks F only when every block is
 * F-contiguous); the values are the same. Cost: O(result size * D).
 */
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { concatenate } from "./join.js";
import { reshapeArray } from "./reshape.js";

/** A block or a nested list of blocks. */
export type BlockNest = number | boolean | NDArray | readonly BlockNest[];

function formatIndex(index: readonly (number | null)[]): string {
  return "arrays" + index.filter((i) => i !== null).map((i) => `[${i}]`).join("");
}

interface DepthInfo {
  index: (number | null)[];
  ndim: number;
}

function checkDepths(arrays: BlockNest, parent: (number | null)[]): DepthInfo {
  if (Array.isArray(arrays)) {
    if (arrays.length === 0) return { index: [...parent, null], ndim: 0 };
    let first: DepthInfo | null = null;
    let maxNdim = 0;
    arrays.forEach((arr, i) => {
      const info = checkDepths(arr as BlockNest, [...parent, i]);
      if (first === null) {
        first = info;
        maxNdim = info.ndim;
        return;
      }
      if (info.ndim > maxNdim) maxNdim = info.ndim;
      if (info.index.length !== first.index.length) {
        throw new ValueError(
          `List depths are mismatched. First element was at depth ${first.index.length}, but there is an element at depth ${info.index.length} (${formatIndex(info.index)})`,
        );
      }
      if (info.index[info.index.length - 1] === null) first = { index: info.index, ndim: first.ndim };
    });
    return { index: first!.index, ndim: maxNdim };
  }
  return { index: parent, ndim: arrays instanceof NDArray ? arrays.ndim : 0 };
}

function atleastNd(a: ArrayLike, ndim: number): NDArray {
  const arr = asarray(a);
  if (arr.ndim >= ndim) return arr;
  return reshapeArray(arr, [...new Array<number>(ndim - arr.ndim).fill(1), ...arr.shape]);
}

function assemble(arrays: BlockNest, maxDepth: number, resultNdim: number, depth: number): NDArray {
  if (depth < maxDepth) {
    const arrs = (arrays as readonly BlockNest[]).map((a) => assemble(a, maxDepth, resultNdim, depth + 1));
    return concatenate(arrs, { axis: -(maxDepth - depth) });
  }
  return atleastNd(arrays as ArrayLike, resultNdim);
}

/**
 * Assemble an array from nested lists of blocks (NumPy's `np.block`): a new array.
 *
 * @example
 * const A = np.eye(2).astype("int32");
 * const B = np.multiply(A, 2);
 * np.block([[A, np.zeros([2, 2], "int32")], [np.ones([2, 2], "int32"), B]]).tolist() // [[1, 0, 0, 0], [0, 1, 0, 0], [1, 1, 2, 0], [1, 1, 0, 2]]
 * np.block([1, 2, 3]) // array([1, 2, 3])
 * np.block([[1, 2], [3, 4]]) // array([[1, 2], [3, 4]])
 */
export function block(arrays: BlockNest): NDArray {
  const info = checkDepths(arrays, []);
  const listNdim = info.index.length;
  if (listNdim > 0 && info.index[listNdim - 1] === null) throw new ValueError(`List at ${formatIndex(info.index)} cannot be empty`);
  const resultNdim = Math.max(info.ndim, listNdim);
  const result = assemble(arrays, listNdim, resultNdim, 0);
  return listNdim === 0 ? result.copy() : result;
}
