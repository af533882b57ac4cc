/**
 * The `np` namespace: NumPy's names, each implemented in the module that owns its concept.
 *
 * Each section below belongs to one part of the runtime; add a name in your own section only.
 * Modules that add NDArray methods (interface merging) are imported here for their effect.
 */
import { DTYPES, type DType } from "./core/dtype.js";
import { NDArray } from "./core/ndarray.js";
import * as errors from "./core/errors.js";
import { random as randomNs } from "./random/index.js";
import * as ufunc from "./ufunc/index.js";
import * as reduce from "./reduce/index.js";
import * as linalg from "./linalg/index.js";

// ---- section: core (dtypes, errors, the class) ----
const core = {
  NDArray,
  bool: "bool",
  int8: "int8",
  uint8: "uint8",
  int16: "int16",
  uint16: "uint16",
  int32: "int32",
  uint32: "uint32",
  float32: "float32",
  float64: "float64",
  IndexError: errors.IndexError,
  ValueError: errors.ValueError,
  MemoryError: errors.MemoryError,
  AxisError: errors.AxisError,
  TooHardError: errors.TooHardError,
  UFuncTypeError: errors.UFuncTypeError,
} as const satisfies Record<string, unknown>;

// ---- section: creation, indexing, views, memory (runtime/create, indexing, views, memory) ----
const structure = {};

// ---- section: compute (runtime/ufunc, runtime/reduce, runtime/linalg) ----
const compute = { ...ufunc, ...reduce, ...linalg };

// ---- section: printing, random, files (runtime/print, runtime/random, runtime/npy) ----
const io = {
  random: randomNs,
};

/**
 * The array namespace, spelled as NumPy spells it.
 *
 * @example
 * const a = np.arange(10);
 * np.shares_memory(a, a.get("2:6")) // true
 */
export const np = { ...core, ...structure, ...compute, ...io };

/** The type of `np`. */
export type Np = typeof np;

void DTYPES;
export type { DType };
