/**
 * Errors only the compute half raises, with NumPy's names.
 */

/**
 * NumPy 2's `OverflowError`: a Python (JS) integer that does not fit the dtype it must take.
 *
 * @example
 * np.add(np.array([1], { dtype: "uint8" }), 300) // throws OverflowError: Python integer 300 out of bounds for uint8
 */
export class OverflowError extends Error {
  override name = "OverflowError";
}
