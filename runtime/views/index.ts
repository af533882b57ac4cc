/** The view/copy functions of `np` (runtime/views); importing this also adds the NDArray methods. */
export { reshape, attemptNocopyReshape } from "./reshape.js";
export { ravel } from "./ravel.js";
import "./copy.js";
import "./dtype-view.js";
export { transpose, swapaxes } from "./transpose.js";
export { expand_dims, squeeze } from "./dims.js";
export { ascontiguousarray, asfortranarray, require_, isfortran, broadcast_to, type Requirement, type RequireOptions } from "./contiguous.js";
export { concatenate, stack, promoteTypes } from "./join.js";
