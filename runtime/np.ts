/**
 * The `np` namespace: NumPy's names, each implemented in the module that owns its concept.
 *
 * Each section below belongs to one part of the runtime; add a name in your own section only.
 * Modules that add NDArray methods (interface merging) are imported here for their effect.
 */
import { DTYPES, type DType } from "./core/dtype.js";
import { NDArray } from "./core/ndarray.js";
import * as errors from "./core/errors.js";
import { iinfo, finfo } from "./core/limits.js";
import { asrank } from "./core/asrank.js";
import "./core/flags.js";
import "./indexing/methods.js";
import * as create from "./create/index.js";
import * as views from "./views/index.js";
import * as memory from "./memory/index.js";
import { random as randomNs } from "./random/index.js";
import * as print from "./print/index.js";
import * as npy from "./npy/index.js";
import { savetxt, loadtxt } from "./textio/text.js";
import * as ufunc from "./ufunc/index.js";
import "./ufunc/methods.js";
import * as reduce from "./reduce/index.js";
import * as linalg from "./linalg/index.js";
import "./linalg/matrix-methods.js";
import { diagonal, diag } from "./views/diagonal.js";
import { tri, tril, triu, identity, vander } from "./create/tri.js";
import * as sorting from "./sorting/index.js";
import * as stats from "./stats/index.js";
import * as shaping from "./views/shaping.js";

// ---- section: core (dtypes, errors, the class) ----
const core = {
  NDArray,
  /** NumPy's constants: `np.nan`, `np.inf`, `np.pi`, `np.e`, `np.euler_gamma` (plain JS numbers). */
  nan: NaN,
  inf: Infinity,
  pi: Math.PI,
  e: Math.E,
  euler_gamma: 0.5772156649015329,
  asrank,
  bool: "bool",
  int8: "int8",
  uint8: "uint8",
  int16: "int16",
  uint16: "uint16",
  int32: "int32",
  uint32: "uint32",
  int64: "int64",
  uint64: "uint64",
  float32: "float32",
  float64: "float64",
  IndexError: errors.IndexError,
  ValueError: errors.ValueError,
  AttributeError: errors.AttributeError,
  MemoryError: errors.MemoryError,
  AxisError: errors.AxisError,
  TooHardError: errors.TooHardError,
  UFuncTypeError: errors.UFuncTypeError,
  iinfo,
  finfo,
} as const satisfies Record<string, unknown>;

/**
 * `np.lib.stride_tricks`: views with chosen shapes and strides over an array's memory.
 *
 * @example
 * np.lib.stride_tricks.sliding_window_view(np.arange(5), 2).shape // [4, 2]
 */
// Interfaces (here and NpLib), so a type error names them instead of spelling out their members.
export interface StrideTricks {
  as_strided: typeof memory.as_strided;
  sliding_window_view: typeof memory.sliding_window_view;
}

/**
 * `np.lib`: NumPy's lib namespace (only `stride_tricks`).
 *
 * @example
 * np.lib.stride_tricks.as_strided(np.arange(6), [2, 3], [12, 4]).shape // [2, 3]
 */
export interface NpLib {
  stride_tricks: StrideTricks;
}

// ---- section: creation, indexing, views, memory (runtime/create, indexing, views, memory) ----
const structure = {
  array: create.array,
  asarray: create.asarray,
  asanyarray: create.asanyarray,
  empty: create.empty,
  zeros: create.zeros,
  ones: create.ones,
  full: create.full,
  arange: create.arange,
  linspace: create.linspace,
  eye: create.eye,
  empty_like: create.empty_like,
  zeros_like: create.zeros_like,
  ones_like: create.ones_like,
  full_like: create.full_like,
  copy: create.copy,
  frombuffer: create.frombuffer,
  reshape: views.reshape,
  ravel: views.ravel,
  transpose: views.transpose,
  swapaxes: views.swapaxes,
  expand_dims: views.expand_dims,
  squeeze: views.squeeze,
  broadcast_to: views.broadcast_to,
  ascontiguousarray: views.ascontiguousarray,
  asfortranarray: views.asfortranarray,
  require: views.require_,
  isfortran: views.isfortran,
  concatenate: views.concatenate,
  stack: views.stack,
  shares_memory: memory.shares_memory,
  may_share_memory: memory.may_share_memory,
  byte_bounds: memory.byte_bounds,
  lib: { stride_tricks: { as_strided: memory.as_strided, sliding_window_view: memory.sliding_window_view } as StrideTricks } as NpLib,
  newaxis: null,
  ZeroDivisionError: create.ZeroDivisionError,
  diagonal,
  diag,
  tri,
  tril,
  triu,
  identity,
  vander,
};

// ---- section: shapes, joining, splitting, grids, take/put (runtime/views/shaping.ts) ----
const { delete_, ...shapingRest } = shaping;
const shapes = { ...shapingRest, delete: delete_ };

// ---- section: compute (runtime/ufunc, runtime/reduce, runtime/linalg) ----
const compute = { ...ufunc, ...reduce, ...linalg };

// ---- section: printing, random, files (runtime/print, runtime/random, runtime/npy) ----
const io = {
  random: randomNs,
  array2string: print.array2string,
  array_repr: print.array_repr,
  array_str: print.array_str,
  set_printoptions: print.set_printoptions,
  get_printoptions: print.get_printoptions,
  save: npy.save,
  load: npy.load,
  savez: npy.savez,
  savez_compressed: npy.savez_compressed,
  NpzFile: npy.NpzFile,
  savetxt,
  loadtxt,
};

// ---- section: searching, sorting, statistics (runtime/sorting, runtime/stats) ----
const sortstats = { ...sorting, ...stats };

const members = { ...core, ...structure, ...shapes, ...compute, ...io, ...sortstats };

/**
 * The array namespace, spelled as NumPy spells it (the type of `np`).
 *
 * @example
 * const a = np.arange(10);
 * np.shares_memory(a, a.get("2:6")) // true
 */
// An interface, so a type error names it (`Property 'linalg' does not exist on type 'Np'`)
// instead of spelling out all of its members.
export interface Np extends NpMembers {}
type NpMembers = typeof members;

/**
 * The array namespace, spelled as NumPy spells it.
 *
 * @example
 * const a = np.arange(10);
 * np.shares_memory(a, a.get("2:6")) // true
 */
export const np: Np = members;

void DTYPES;
export type { DType };
