/**
 * Error classes with NumPy's names, so a user sees the names NumPy uses.
 * Messages are lower-case, name the values, and where useful the fix.
 */

/** NumPy's `IndexError`: an index out of range or of the wrong kind. */
export class IndexError extends Error {
  override name = "IndexError";
}

/** Python's `AttributeError` as NumPy raises it (`a.shape = ...` that would need a copy). */
export class AttributeError extends Error {
  override name = "AttributeError";
}

/** NumPy's `ValueError`: a value of the right type but the wrong content (shapes, sizes). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** NumPy's `MemoryError`: an allocation that cannot fit. */
export class MemoryError extends Error {
  override name = "MemoryError";
}

/** NumPy's `UFuncTypeError` for casting failures (a TypeError in NumPy). */
export class UFuncTypeError extends TypeError {
  override name = "UFuncTypeError";
}

/** NumPy's `TooHardError`: `shares_memory` gave up past `max_work`. */
export class TooHardError extends Error {
  override name = "TooHardError";
}

/** NumPy's `AxisError`: an axis out of range for the array's ndim. */
export class AxisError extends ValueError {
  override name = "AxisError";
  /**
   * @example
   * new AxisError(2, 2).message // "axis 2 is out of bounds for array of dimension 2"
   */
  constructor(axis: number, ndim: number) {
    super(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
}
