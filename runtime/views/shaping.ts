/**
 * The joining, splitting, rearranging and grid routines of `np` (issue 10's "shape and joining"
 * part), gathered for np.ts; importing this also adds the `repeat`, `take`, `put` and `resize`
 * methods to NDArray.
 */
export { moveaxis, rollaxis } from "./moveaxis.js";
export { flip, fliplr, flipud, rot90 } from "./flip.js";
export { roll } from "./roll.js";
export { atleast_1d, atleast_2d, atleast_3d } from "./atleast.js";
export { vstack, hstack, dstack, column_stack, row_stack } from "./stacking.js";
export { split, array_split, hsplit, vsplit, dsplit } from "./split.js";
export { tile, repeat } from "./repeat.js";
export { append, insert, delete_ } from "./insert-delete.js";
export { resize } from "./resize.js";
export { block } from "./block.js";
export { broadcast_arrays, broadcast_shapes } from "./broadcast-arrays.js";
export { meshgrid, indices, fromfunction, ix_ } from "../create/grids.js";
export { mgrid, ogrid } from "../create/nd-grid.js";
export { logspace, geomspace } from "../create/logspace.js";
export { s_, index_exp } from "../indexing/index-exp.js";
export { take, put } from "../indexing/take-put.js";
export { take_along_axis, put_along_axis } from "../indexing/along-axis.js";
export { choose } from "../indexing/choose.js";
export { compress } from "../indexing/compress.js";
export { unravel_index, ravel_multi_index } from "../indexing/ravel-index.js";
