/**
 * Errors only the compute half raises, with NumPy's names.
 */

/** NumPy 2's `OverflowError`: a Python (JS) integer that does not fit the dtype it must take. */
export class OverflowError extends Error {
  override name = "OverflowError";
}
