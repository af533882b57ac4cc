/** `.npy` and `.npz` files: `np.save`, `np.load`, `np.savez`, `np.savez_compressed`. */
export { save, npyBytes, fromNpyBytes } from "./npy.js";
export { load } from "./load.js";
export { savez, savez_compressed, NpzFile } from "./npz.js";
