/**
 * Lanes: the 1-D runs along one axis of an array (what sort, argsort, cumsum and diff work on).
 *
 * Rule: lane (i0..î_axis..i{n-1}) of `a` starts at element index
 *   first(a) + sum over j != axis of i_j * strides[j] / itemsize
 * and steps by strides[axis] / itemsize. The other axes are visited in C order with strided
 * iteration (core/iterate.ts), so a lane costs O(1) to find. Several operands of the same shape
 * are walked together (an input and its result). No lane is visited when any other axis has
 * length 0; with a zero-length `axis` every lane has n = 0.
 */
import { forEachRow } from "../core/iterate.js";
import { elementStrides, firstIndex } from "../core/make.js";
import type { NDArray } from "../core/ndarray.js";

/** Called per lane: `starts[k]` is operand k's first element index, `steps[k]` its step, `n` the length. */
export type LaneVisitor = (starts: readonly number[], steps: readonly number[], n: number) => void;

/**
 * Visit the lanes along `axis` of same-shaped arrays, in C order of the other axes.
 *
 * @example
 * const s: number[] = [];
 * forEachLane([np.arange(6).reshape(2, 3)], 1, (st) => s.push(st[0]));
 * s // [0, 3]
 */
export function forEachLane(arrays: readonly NDArray[], axis: number, visit: LaneVisitor): void {
  const a = arrays[0];
  const n = a.shape[axis];
  const shape = a.shape.filter((_, j) => j !== axis);
  const es = arrays.map((x) => elementStrides(x));
  const steps = es.map((s) => s[axis]);
  const rest = es.map((s) => s.filter((_, j) => j !== axis));
  const starts = arrays.map((x) => firstIndex(x));
  const cur = starts.slice();
  forEachRow(shape, rest, starts, (offs, len, st) => {
    for (let k = 0; k < len; k++) {
      for (let m = 0; m < cur.length; m++) cur[m] = offs[m] + k * st[m];
      visit(cur, steps, n);
    }
  });
}
