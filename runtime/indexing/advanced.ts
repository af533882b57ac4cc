/**
 * Advanced (fancy) indexing: gathering a copy and scattering values, from a resolved selection.
 *
 * Rule: the result is built as a C-contiguous array of shape B + (subspace axes), element
 * [b..., s...] = view[offset of b + offsets of s]; when B belongs in the middle (adjacent
 * advanced indices not first) the returned array is the transposed view of it, as NumPy's
 * mapiter result is. Scattering visits the same positions in the same order (so with repeated
 * indices the last write wins, as in NumPy). Cost: O(result size).
 */
import { DTYPES } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { broadcastStrides } from "../core/broadcast.js";
import { boundsOverlap, contiguousCopy, forEachRow } from "../core/iterate.js";
import { elementStrides, firstIndex, newArray } from "../core/make.js";
import { NDArray } from "../core/ndarray.js";
import { formatShapeCompact } from "../core/shape.js";
import type { Advanced } from "./resolve.js";

/** Shape of the copy before moving B (B first), and the axis order of the final result. */
function layout(sel: Advanced): { tmpShape: number[]; perm: number[] } {
  const subShape = sel.sub.map((k) => sel.view.shape[k]);
  const tmpShape = [...sel.bshape, ...subShape];
  const nb = sel.bshape.length;
  const perm: number[] = [];
  // result axes: sub[0:bpos], B, sub[bpos:]   -> indices into tmp axes
  for (let k = 0; k < sel.bpos; k++) perm.push(nb + k);
  for (let k = 0; k < nb; k++) perm.push(k);
  for (let k = sel.bpos; k < sel.sub.length; k++) perm.push(nb + k);
  return { tmpShape, perm };
}

/** Per-axis strides over the tmp layout: source strides (elements) and B-position strides. */
function walkers(sel: Advanced, tmpShape: readonly number[]): [number[], number[]] {
  const nb = sel.bshape.length;
  const vs = elementStrides(sel.view);
  const src: number[] = [];
  const bpos: number[] = [];
  let bs = 1;
  const bstr = new Array<number>(nb);
  for (let k = nb - 1; k >= 0; k--) {
    bstr[k] = bs;
    bs *= sel.bshape[k];
  }
  for (let k = 0; k < tmpShape.length; k++) {
    if (k < nb) {
      src.push(0);
      bpos.push(bstr[k]);
    } else {
      src.push(vs[sel.sub[k - nb]]);
      bpos.push(0);
    }
  }
  return [src, bpos];
}

/**
 * The copy an advanced index selects.
 *
 * @example
 * gather(resolved.sel) // for np.arange(5).get([0, 2]): [0, 2]
 */
export function gather(sel: Advanced): NDArray {
  const { tmpShape, perm } = layout(sel);
  const out = newArray(tmpShape, sel.view.dtype, "C");
  const [src, bp] = walkers(sel, tmpShape);
  const d = sel.view.data;
  const o = out.data;
  const boff = sel.boffsets;
  let w = 0;
  forEachRow(tmpShape, [src, bp], [firstIndex(sel.view), 0], (offs, n, steps) => {
    let s = offs[0];
    let b = offs[1];
    const ss = steps[0];
    const bs = steps[1];
    for (let k = 0; k < n; k++, s += ss, b += bs) o[w++] = d[s + boff[b]];
  });
  if (perm.every((p, k) => p === k)) return out;
  return new NDArray({
    data: out.data,
    dtype: out.dtype,
    shape: perm.map((p) => out.shape[p]),
    strides: perm.map((p) => out.strides[p]),
    offset: 0,
    base: out,
    writeable: true,
  });
}

/**
 * Write `value` (broadcast to the selection's shape) into the selected elements.
 *
 * @example
 * scatter(resolved.sel, np.array([7, 8])) // for np.arange(5).set([0, 2], [7, 8]): [7, 1, 8, 3, 4]
 */
export function scatter(sel: Advanced, value: NDArray, isMask: boolean): void {
  if (!sel.view._writeable) throw new ValueError("assignment destination is read-only");
  const { tmpShape, perm } = layout(sel);
  const resultShape = perm.map((p) => tmpShape[p]);
  let v = value;
  let vs = broadcastStrides(v, resultShape);
  if (vs === null) {
    if (isMask && v.ndim === 1 && sel.bshape.length === 1 && resultShape.length === 1) {
      throw new ValueError(
        `NumPy boolean array indexing assignment cannot assign ${v.size} input values to the ${sel.bshape[0]} output values where the mask is true`,
      );
    }
    throw new ValueError(
      `shape mismatch: value array of shape ${formatShapeCompact(v.shape)} could not be broadcast to indexing result of shape ${formatShapeCompact(resultShape)}`,
    );
  }
  if (boundsOverlap(v, sel.view) || v.data.buffer === sel.view.data.buffer) {
    v = contiguousCopy(v);
    vs = broadcastStrides(v, resultShape)!;
  }
  // value strides in tmp axis order (inverse of perm)
  const vtmp = new Array<number>(tmpShape.length);
  for (let k = 0; k < perm.length; k++) vtmp[perm[k]] = vs[k] / v.itemsize;
  const [src, bp] = walkers(sel, tmpShape);
  const d = sel.view.data;
  const x = v.data;
  const boff = sel.boffsets;
  const toBool = sel.view.dtype === "bool" && v.dtype !== "bool";
  void DTYPES;
  forEachRow(tmpShape, [src, bp, vtmp], [firstIndex(sel.view), 0, firstIndex(v)], (offs, n, steps) => {
    let s = offs[0];
    let b = offs[1];
    let q = offs[2];
    const [ss, bs, qs] = steps;
    if (toBool) for (let k = 0; k < n; k++, s += ss, b += bs, q += qs) d[s + boff[b]] = x[q] !== 0 ? 1 : 0;
    else for (let k = 0; k < n; k++, s += ss, b += bs, q += qs) d[s + boff[b]] = x[q];
  });
}
