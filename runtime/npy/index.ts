/** `.npy` files: `np.save`, `np.load`. */
export { save, load, npyBytes, fromNpyBytes } from "./npy.js";
