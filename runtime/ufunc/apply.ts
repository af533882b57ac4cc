/**
 * Calling a ufunc: operands, type resolution, broadcasting, `out`, `where`, overlap, K-order output.
 *
 * Rules (NumPy 1.24/2.x ufunc machinery, numpy/core/src/umath/ufunc_object.c):
 * - The result shape is the broadcast of the inputs and `out` (`out` itself never broadcasts:
 *   `non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)`).
 * - The loop result casts into `out` under `casting` (default same_kind), else
 *   `Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'`.
 * - Overlap: NumPy behaves as if every input were read before `out` is written (NPY_ITER_COPY_IF_OVERLAP):
 *   an input whose bytes may meet `out`'s and that is not exactly `out`'s elements in `out`'s
 *   order is copied first. "May meet" is NumPy's test: byte bounds, then the bounded Diophantine
 *   solver with max_work 1 (runtime/memory); interleaved views like a[::2] and a[1::2] need no copy.
 * - `where` (bool, broadcast): where false, `out` keeps its value; with no `out` the result is
 *   ZERO there (NumPy leaves it uninitialised: we fill zeros so results are reproducible).
 * - A new result's layout (NumPy 1.24 `try_trivial_single_output_loop`, else the iterator):
 *   when every input that is not 0-d has the result's shape, is 1-D or C/F-contiguous (relaxed:
 *   length-1 axes ignored) in one common order, and needs no cast, the result is contiguous in
 *   that order (F only when every such input is F and not C); otherwise it follows the inputs'
 *   memory order (NumPy's K order, see nditer.ts).
 * - A float result cast into an integer `out` (casting "unsafe") follows x86 C: NaN, inf and
 *   values past int32's range give INT_MIN for int32 and 0 for the narrower integers.
 * - Inputs that are all JS scalars give a JS scalar (number, or boolean for bool results), as
 *   NumPy gives a scalar; anything with an array gives an NDArray (0-d stays 0-d).
 * - Loops read Float64Array views of the operands only (f64.ts) and write Float64Arrays, or the
 *   Uint8Array of a bool result (comparisons, logical_*), so V8 keeps each loop monomorphic.
 * Cost: O(size) for the loop; O(ndim^2) planning; the fast path for same-dtype contiguous
 * operands without options skips planning (per-call overhead about a microsecond or less).
 */
import { DTYPES, isBigDType, type DType, type TypedArray } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { broadcastShapes } from "../core/broadcast.js";
import { boundsOverlap, contiguousCopy, copyInto, scalarFor } from "../core/iterate.js";
import { allocate, allocateUnfilled } from "../core/alloc.js";
import { NDArray } from "../core/ndarray.js";
import { formatShapeCompact } from "../core/shape.js";
import { asarray, type ArrayLike } from "../create/array.js";
import { UFuncTypeError } from "../core/errors.js";
import { canCast, fitsInteger, isIntegral, resolveLoop, type Casting, type LoopTable, type Resolved, type TypeOperand } from "./promote.js";
import { elementStrides, keepOrderStrides } from "./nditer.js";
import type { BinaryLoop, UnaryLoop } from "./kernels.js";
import { OverflowError } from "./errors.js";
import { contiguous, exactC, isContiguousC, sameElements, sameShape, trivialOrder } from "./layout.js";
import { runContiguousTyped, runLoop, runLoopMasked } from "./run.js";
import { cFloatToInt, maskedCopy } from "./store.js";
import { solveMayShareMemory } from "../memory/overlap.js";
import { MIN_RUN, accelerate, wasmBinaryF64, type WasmBinaryEntry, type WasmUnaryEntry } from "../wasm/loops.js";
import { typedLoop } from "./typed.js";
import { typedCompareLoop } from "./typed-compare.js";
import { inWasmMemory } from "../wasm/heap.js";
import type { F64NewRoute } from "./direct.js";

export type { ArrayLike };
export { maskedCopy };

/** NumPy's ufunc keyword arguments. */
export interface UFuncOptions {
  /** Where to write the result (returned). Its dtype must accept the result under `casting`. */
  out?: NDArray | readonly [NDArray];
  /** Bool mask (broadcast): compute only where true; elsewhere `out` keeps its value (zeros when no `out`). */
  where?: ArrayLike;
  /** The loop's output dtype (inputs are cast to it under `casting`). */
  dtype?: DType;
  /** NumPy's casting rule for inputs and output: "no" | "equiv" | "safe" | "same_kind" (default) | "unsafe". */
  casting?: Casting;
}

/** A ufunc: its loop table plus the inner loop for a resolved loop dtype. */
export interface UFuncDef extends LoopTable {
  readonly nin: 1 | 2;
  readonly loop: (t: DType) => BinaryLoop | UnaryLoop;
  /** Resolutions of strong same-dtype operands, memoised. */
  readonly cache: Map<string, Resolved>;
  /**
   * @internal The raw wasm entry of the float64 + float64 -> float64 loop (wasmBinaryF64), null when
   * there is none (another loop dtype, no wasm), undefined until first asked (f64Entry).
   */
  f64Wasm?: WasmBinaryEntry | null;
  /** @internal The allocating route of direct.ts (binaryNewF64): null when there is none, undefined until first asked. */
  f64New?: F64NewRoute | null;
  /** @internal The allocating route of a unary ufunc (direct.ts unaryNewF64): its float64 wasm entry, null when there is none, undefined until first asked. */
  f64UnaryNew?: WasmUnaryEntry | null;
}

const dt = (t: DType): string => `dtype('${t}')`;

function scalarArray(dtype: DType, value: number | bigint): NDArray {
  const data = new DTYPES[dtype].ctor(1);
  (data as unknown as (number | bigint)[])[0] = scalarFor(value, dtype);
  return new NDArray({ data, dtype, shape: [], strides: [], offset: 0, base: null, writeable: false });
}

/** A cast copy of `a` in `dtype` (NumPy's buffered cast of an input), in `a`'s K order so the result's layout still follows `a`. */
function castCopy(a: NDArray, dtype: DType): NDArray {
  let size = 1;
  for (const d of a.shape) size *= d;
  const strides = keepOrderStrides(a.shape, DTYPES[dtype].itemsize, [elementStrides(a, a.shape) ?? []]);
  const out = new NDArray({ data: allocateUnfilled(dtype, size, a.shape), dtype, shape: a.shape, strides, offset: 0, base: null, writeable: true });
  copyInto(out, a); // writes every element
  return out;
}

function asOut(out: UFuncOptions["out"]): NDArray | undefined {
  if (out === undefined || out === null) return undefined;
  if (out instanceof NDArray) return out;
  if (Array.isArray(out) && out.length === 1 && out[0] instanceof NDArray) return out[0];
  throw new TypeError("return arrays must be of ArrayType");
}

/**
 * Apply a ufunc to its inputs with NumPy's options (see the file head).
 *
 * @example
 * applyUFunc(UFUNCS.add, [np.arange(3), 1]) // array([1, 2, 3])
 */
export function applyUFunc(def: UFuncDef, args: readonly ArrayLike[], opts?: UFuncOptions | NDArray): NDArray | number | boolean | bigint {
  // NumPy takes `out` positionally after the inputs: np.isinf(x, y) is np.isinf(x, out=y)
  const options: UFuncOptions | undefined = opts instanceof NDArray ? { out: opts } : opts;
  // fast path: arrays of one dtype and shape, C-contiguous, no options
  if (options === undefined) {
    const a = args[0];
    const b = def.nin === 2 ? args[1] : a;
    if (a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && sameShape(a.shape, b.shape) && isContiguousC(a) && isContiguousC(b)) {
      let r = def.cache.get(a.dtype);
      if (r === undefined) {
        r = resolveLoop(def, def.nin === 2 ? [{ dtype: a.dtype }, { dtype: a.dtype }] : [{ dtype: a.dtype }]);
        def.cache.set(a.dtype, r);
      }
      if (r.loopIn === a.dtype) {
        const size = a.size;
        const o = freshResult(a, r.loopOut);
        const data = o.data;
        if (size > 0) {
          if (data instanceof Float64Array && a.data instanceof Float64Array && b.data instanceof Float64Array) {
            if (def.nin === 2) binaryF64(def, size, a, b, data);
            else (def.loop(a.dtype) as UnaryLoop)(size, a.data, a.offset / 8, 1, data, 0, 1);
          } else if (def.nin === 1 || !runContiguousTyped(def, a.dtype, size, a, b, o)) runLoop(def, a.dtype, a.shape, def.nin === 2 ? [a, b] : [a], o);
        }
        return o;
      }
    }
    // the same for arrays of one dtype and shape, both exactly F-contiguous (A.T + B.T): NumPy's
    // trivial loop gives an F-contiguous result, walked in memory order like the operands
    if (a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && a.data instanceof Float64Array && b.data instanceof Float64Array && sameShape(a.shape, b.shape) && exactF(a) && exactF(b)) {
      let r = def.cache.get(a.dtype);
      if (r === undefined) {
        r = resolveLoop(def, def.nin === 2 ? [{ dtype: a.dtype }, { dtype: a.dtype }] : [{ dtype: a.dtype }]);
        def.cache.set(a.dtype, r);
      }
      if (r.loopIn === "float64" && r.loopOut === "float64") {
        const size = a.size;
        const data = allocateUnfilled("float64", size, a.shape) as Float64Array; // the loop writes every element
        // a's strides are exactly the F strides of the result (exactF, 8-byte items): share the frozen array (empty: all-zero strides)
        const o = new NDArray({ data, dtype: "float64", shape: a.shape, strides: size > 0 ? a.strides : contiguous(a.shape, 8, "F"), offset: 0, base: null, writeable: true });
        if (size > 0) {
          if (def.nin === 2) binaryF64(def, size, a, b, data);
          else (def.loop("float64") as UnaryLoop)(size, a.data, a.offset / 8, 1, data, 0, 1);
        }
        return o;
      }
    }
  }
  // fast path: a float64 C-contiguous array with a JS number (a * 2, a < 0.5, a += 1), no options but `out`
  const onlyOut = options !== undefined && options.out instanceof NDArray && options.where === undefined && options.dtype === undefined && options.casting === undefined;
  // fast path: arrays of one dtype and shape, C-contiguous, into an `out` of the loop's output dtype,
  // each input apart from `out` or exactly `out` (no read-first copy needed), no options but `out`
  if (onlyOut) {
    const a = args[0];
    const b = def.nin === 2 ? args[1] : a;
    const out = options.out as NDArray;
    if (a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && out._writeable && sameShape(a.shape, b.shape) && sameShape(a.shape, out.shape) && exactC(out) && exactC(a) && exactC(b)) {
      const size = a.size;
      if (def.nin === 2 && size >= MIN_RUN && a.data instanceof Float64Array && b.data instanceof Float64Array && out.data instanceof Float64Array) {
        // float64 into float64: each operand's buffer and address read once, the wasm loop called directly
        const entry = def.f64Wasm !== undefined ? def.f64Wasm : f64Entry(def);
        const A = a.data;
        const B = b.data;
        const O = out.data;
        const mem = O.buffer;
        const po = O.byteOffset + out.offset;
        const pa = A.byteOffset + a.offset;
        const pb = B.byteOffset + b.offset;
        const bytes = size * 8;
        if (entry !== null && A.buffer === mem && B.buffer === mem && inWasmMemory(mem) && (pa === po || pa + bytes <= po || po + bytes <= pa) && (pb === po || pb + bytes <= po || po + bytes <= pb)) {
          entry(size, pa, 8, pb, 8, po, 8);
          return out;
        }
      }
      const r = def.cache.get(a.dtype) ?? resolveLoop(def, def.nin === 2 ? [{ dtype: a.dtype }, { dtype: a.dtype }] : [{ dtype: a.dtype }]);
      if (!def.cache.has(a.dtype)) def.cache.set(a.dtype, r);
      if (r.loopIn === a.dtype && r.loopOut === out.dtype && size > 0 && apartOrSame(out, a, size) && apartOrSame(out, b, size)) {
        // float64: its loop; int32/float32 arithmetic and comparisons: one typed (wasm) loop call
        // (runContiguousTyped), where runLoop planned a walk per call (`np.less(a32, b32, { out })` at 1e4: 12 -> 1.4 us, load 7-10)
        if (out.data instanceof Float64Array && a.data instanceof Float64Array && b.data instanceof Float64Array) {
          if (def.nin === 2) (def.loop(a.dtype) as BinaryLoop)(size, a.data, a.offset / 8, 1, b.data, b.offset / 8, 1, out.data, out.offset / 8, 1);
          else (def.loop(a.dtype) as UnaryLoop)(size, a.data, a.offset / 8, 1, out.data, out.offset / 8, 1);
        } else if (def.nin === 1 || !runContiguousTyped(def, a.dtype, size, a, b, out)) runLoop(def, a.dtype, a.shape, def.nin === 2 ? [a, b] : [a], out);
        return out;
      }
    }
  }
  if ((options === undefined || onlyOut) && def.nin === 2) {
    const x = args[0];
    const y = args[1];
    const first = x instanceof NDArray && typeof y === "number";
    const arr = first ? (x as NDArray) : y instanceof NDArray && typeof x === "number" ? y : null;
    if (arr !== null && arr.data instanceof Float64Array && isContiguousC(arr)) {
      let r = def.cache.get("float64+weak");
      if (r === undefined) {
        r = resolveLoop(def, [{ dtype: "float64" }, { weak: 0.5 }]);
        def.cache.set("float64+weak", r);
      }
      const out = onlyOut ? (options.out as NDArray) : undefined;
      if (out !== undefined && r.loopIn === "float64" && r.loopOut === out.dtype && out._writeable && out.data instanceof Float64Array && exactC(out) && sameShape(out.shape, arr.shape)) {
        // in place or into another buffer; any other overlap takes the general path (read-first copy)
        if (apartOrSame(out, arr, arr.size)) {
          SCALAR[0] = (first ? y : x) as number;
          const loop = def.loop("float64") as BinaryLoop;
          const n = arr.size;
          if (n > 0) {
            if (first) loop(n, arr.data, arr.offset / 8, 1, SCALAR, 0, 0, out.data, out.offset / 8, 1);
            else loop(n, SCALAR, 0, 0, arr.data, arr.offset / 8, 1, out.data, out.offset / 8, 1);
          }
          return out;
        }
      }
      if (out === undefined && r.loopIn === "float64") {
        const size = arr.size;
        const itemsize = DTYPES[r.loopOut].itemsize;
        const data = allocateUnfilled(r.loopOut, size, arr.shape); // the loop writes every element
        const strides = size > 0 && itemsize === 8 && exactC(arr) ? arr.strides : contiguous(arr.shape, itemsize, "C");
        const o = new NDArray({ data, dtype: r.loopOut, shape: arr.shape, strides, offset: 0, base: null, writeable: true });
        SCALAR[0] = (first ? y : x) as number;
        const loop = def.loop("float64") as BinaryLoop;
        const start = arr.offset / 8;
        if (size > 0) {
          if (first) loop(size, arr.data, start, 1, SCALAR, 0, 0, data as TypedArray, 0, 1);
          else loop(size, SCALAR, 0, 0, arr.data, start, 1, data as TypedArray, 0, 1);
        }
        return o;
      }
    }
  }
  if (options === undefined && def.nin === 2) {
    const r = int32OrFloat32WithNumber(def, args[0], args[1]);
    if (r !== null) return r;
  }
  return applyGeneral(def, args, options ?? {});
}

/**
 * A fresh C-ordered result of `like`'s shape in `dtype`, unfilled (the loop writes every element),
 * sharing `like`'s frozen strides when they are exactly the result's C strides (the common case).
 */
function freshResult(like: NDArray, dtype: DType): NDArray {
  const size = like.size;
  const itemsize = DTYPES[dtype].itemsize;
  const data = allocateUnfilled(dtype, size, like.shape);
  const strides = size > 0 && itemsize === like.itemsize && exactC(like) ? like.strides : contiguous(like.shape, itemsize, "C");
  return new NDArray({ data, dtype, shape: like.shape, strides, offset: 0, base: null, writeable: true });
}

const SCALAR_I32 = new Int32Array(1);
const SCALAR_F32 = new Float32Array(1);

/**
 * The allocating fast path of a C-contiguous int32 or float32 array with a JS number (`x * 2`,
 * `x + 1`, `x < 5` on np.arange's int32): the loop applyGeneral would pick (the array's own dtype:
 * an integer that fits beside int32, any number beside float32, NEP 50) run directly with the
 * number as a stride-0 operand of the array's dtype. Null, having done nothing, when another
 * path must decide (a non-integer or out-of-range number beside int32, no own-dtype loop).
 */
function int32OrFloat32WithNumber(def: UFuncDef, x: ArrayLike, y: ArrayLike): NDArray | null {
  const first = x instanceof NDArray && typeof y === "number";
  const arr = first ? (x as NDArray) : y instanceof NDArray && typeof x === "number" ? y : null;
  if (arr === null || (arr.dtype !== "int32" && arr.dtype !== "float32") || !isContiguousC(arr)) return null;
  const v = (first ? y : x) as number;
  const isInt = arr.dtype === "int32";
  if (isInt && !(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)) return null;
  const key = isInt ? "int32+weakint" : "float32+weak";
  let r = def.cache.get(key);
  if (r === undefined) {
    r = resolveLoop(def, [{ dtype: arr.dtype }, { weak: isInt ? 1 : 0.5 }]);
    def.cache.set(key, r);
  }
  if (r.loopIn !== arr.dtype) return null;
  const js = r.loopOut === arr.dtype ? typedLoop(def.name, arr.dtype) : def.comparison === true && r.loopOut === "bool" ? typedCompareLoop(def.name, arr.dtype) : undefined;
  if (js === undefined) return null;
  const size = arr.size;
  const o = freshResult(arr, r.loopOut);
  const data = o.data;
  if (size > 0) {
    const S = isInt ? SCALAR_I32 : SCALAR_F32;
    S[0] = v;
    const loop = accelerate(js);
    const start = arr.offset / arr.itemsize;
    if (first) loop(size, arr.data as TypedArray, start, 1, S, 0, 0, data as TypedArray, 0, 1);
    else loop(size, S, 0, 0, arr.data as TypedArray, start, 1, data as TypedArray, 0, 1);
  }
  return o;
}

/**
 * o[0 .. size) = a OP b over contiguous float64 operands (same memory order) into a fresh result
 * `o` (no overlap possible): the wasm loop called directly when all three live in wasm memory
 * (each buffer and address read once), else the loop.
 */
function binaryF64(def: UFuncDef, size: number, a: NDArray, b: NDArray, o: Float64Array): void {
  const A = a.data as Float64Array;
  const B = b.data as Float64Array;
  if (size >= MIN_RUN) {
    const mem = o.buffer;
    if (A.buffer === mem && B.buffer === mem && inWasmMemory(mem)) {
      const entry = def.f64Wasm !== undefined ? def.f64Wasm : f64Entry(def);
      if (entry !== null) {
        entry(size, A.byteOffset + a.offset, 8, B.byteOffset + b.offset, 8, o.byteOffset, 8);
        return;
      }
    }
  }
  (def.loop("float64") as BinaryLoop)(size, A, a.offset / 8, 1, B, b.offset / 8, 1, o, 0, 1);
}

/**
 * The wasm entry of `def`'s float64 loop when float64 operands resolve to it and it writes float64
 * (def.f64Wasm, memoised on the def: a property read per call where the resolution cache, the
 * accelerate table and the entry table were three Map lookups), else null.
 *
 * @example
 * typeof f64Entry(UFUNCS.add) // "function" (null under STRIDED_NO_WASM=1)
 */
export function f64Entry(def: UFuncDef): WasmBinaryEntry | null {
  let e: WasmBinaryEntry | null = null;
  if (def.nin === 2) {
    const r = def.cache.get("float64") ?? resolveLoop(def, [{ dtype: "float64" }, { dtype: "float64" }]);
    if (!def.cache.has("float64")) def.cache.set("float64", r);
    if (r.loopIn === "float64" && r.loopOut === "float64") e = wasmBinaryF64(def.loop("float64") as BinaryLoop);
  }
  def.f64Wasm = e;
  return e;
}

/** Whether `a`'s strides are exactly the F-contiguous strides of its shape (no length-1 freedom). */
function exactF(a: NDArray): boolean {
  let s = a.itemsize;
  for (let i = 0; i < a.shape.length; i++) {
    if (a.strides[i] !== s) return false;
    s *= Math.max(a.shape[i], 1);
  }
  return true;
}

/**
 * Whether two C-contiguous arrays (exactC) of one size either touch no common byte or are exactly
 * the same elements, so a loop may write `out` while reading `x` (NumPy's overlap rule needs no copy).
 * Arrays in wasm memory share one buffer (runtime/wasm/heap.ts): compare byte ranges, not buffers.
 */
function apartOrSame(out: NDArray, x: NDArray, size: number): boolean {
  const od = out.data;
  const xd = x.data;
  if (od === xd && out.offset === x.offset && out.dtype === x.dtype) return true; // the same elements (in place)
  if (od.buffer !== xd.buffer) return true;
  const o = od.byteOffset + out.offset;
  const p = xd.byteOffset + x.offset;
  if (o === p) return out.itemsize === x.itemsize;
  return o + size * out.itemsize <= p || p + size * x.itemsize <= o;
}

/** The JS number of the scalar fast path, as a float64 operand with stride 0 (loops are synchronous). */
const SCALAR = new Float64Array(1);

function applyGeneral(def: UFuncDef, args: readonly ArrayLike[], options: UFuncOptions): NDArray | number | boolean | bigint {
  const casting: Casting = options.casting ?? "same_kind";
  const out = asOut(options.out);
  let allScalar = true;
  const arrays: (NDArray | null)[] = [];
  const typeOps: TypeOperand[] = [];
  for (const x of args) {
    if (typeof x === "number" || typeof x === "bigint") {
      arrays.push(null);
      typeOps.push({ weak: x });
    } else if (typeof x === "boolean") {
      const s = scalarArray("bool", x ? 1 : 0);
      arrays.push(s);
      typeOps.push({ dtype: "bool" });
    } else {
      allScalar = false;
      const a = asarray(x);
      arrays.push(a);
      typeOps.push({ dtype: a.dtype });
    }
  }
  const res = resolveLoop(def, typeOps, options.dtype, casting);
  let loopIn = res.loopIn;
  // NumPy 2 compares out-of-range Python integers exactly: compare in float64
  if (def.comparison) {
    for (const o of typeOps) if ("weak" in o && isIntegral(o.weak) && !fitsInteger(o.weak, loopIn)) loopIn = "float64";
  }
  const loopOut = loopIn === res.loopIn ? res.loopOut : def.out(loopIn);
  // the inputs in the loop's dtype
  const ins: NDArray[] = arrays.map((a, i) => {
    if (a === null) {
      const v = (typeOps[i] as { weak: number | bigint }).weak;
      if (DTYPES[loopIn].kind !== "f" && loopIn !== "bool" && isIntegral(v) && !fitsInteger(v, loopIn)) {
        throw new OverflowError(`Python integer ${v} out of bounds for ${loopIn}`);
      }
      return scalarArray(loopIn, v);
    }
    if (a.dtype === loopIn || canCast(a.dtype, loopIn, "safe")) return a;
    return castCopy(a, loopIn);
  });
  const shapes = ins.map((a) => a.shape);
  if (out !== undefined) shapes.push(out.shape);
  const shape = broadcastShapes(...shapes);
  if (out !== undefined) {
    if (!sameShape(shape, out.shape)) {
      throw new ValueError(`non-broadcastable output operand with shape ${formatShapeCompact(out.shape)} doesn't match the broadcast shape ${formatShapeCompact(shape)}`);
    }
    if (!out._writeable) throw new ValueError("output array is read-only");
    if (!canCast(loopOut, out.dtype, casting)) {
      throw new UFuncTypeError(`Cannot cast ufunc '${def.name}' output from ${dt(loopOut)} to ${dt(out.dtype)} with casting rule '${casting}'`);
    }
  }
  let mask: NDArray | null = null;
  if (options.where !== undefined && options.where !== true) {
    mask = options.where === false ? scalarArray("bool", 0) : asarray(options.where);
    if (mask.dtype !== "bool") throw new UFuncTypeError(`Cannot cast array data from ${dt(mask.dtype)} to dtype('bool') according to the rule 'safe'`);
    if (elementStrides(mask, shape) === null) {
      throw new ValueError(`operands could not be broadcast together with shapes ${[...shapes, mask.shape].map((s) => formatShapeCompact(s) + " ").join("")}`);
    }
  }
  if (out !== undefined) {
    for (let i = 0; i < ins.length; i++) {
      const a = ins[i];
      // NumPy asks solve_may_share_memory with max_work 1: only a proven "no" avoids the copy
      if (a.data.buffer === out.data.buffer && boundsOverlap(a, out) && !sameElements(a, out, shape) && solveMayShareMemory(a, out, 1) !== "no") ins[i] = contiguousCopy(a);
    }
    if (mask !== null && boundsOverlap(mask, out)) mask = contiguousCopy(mask);
  }
  // straight into `out` when it has the loop's dtype (NumPy too): masked, the loop writes only where `mask` is true
  const direct = out !== undefined && (out.dtype === loopOut || (mask === null && loopOut === "float64" && out.dtype === "float32"));
  if (direct) {
    if (mask === null) runLoop(def, loopIn, shape, ins, out);
    else runLoopMasked(def, loopIn, shape, ins, out, mask);
    return out;
  }
  const itemsize = DTYPES[loopOut].itemsize;
  const trivial = trivialOrder(arrays.map((a, i) => a ?? ins[i]), shape, loopIn);
  const strides = trivial !== null ? contiguous(shape, itemsize, trivial) : keepOrderStrides(shape, itemsize, ins.map((a) => elementStrides(a, shape) ?? []));
  // unfilled when the loop writes every element; zero-filled for a masked result (zeros where false)
  const fresh = (filled: boolean): NDArray => {
    let size = 1;
    for (const d of shape) size *= d;
    const data = filled ? allocate(loopOut, size, shape) : allocateUnfilled(loopOut, size, shape);
    return new NDArray({ data, dtype: loopOut, shape, strides, offset: 0, base: null, writeable: true });
  };
  const temp = fresh(mask !== null);
  if (mask === null) runLoop(def, loopIn, shape, ins, temp);
  else runLoopMasked(def, loopIn, shape, ins, temp, mask);
  if (out !== undefined) {
    // (int64/uint64 outputs get the x86 conversion from copyInto itself: core/cast.ts)
    if (DTYPES[loopOut].kind === "f" && DTYPES[out.dtype].kind !== "f" && out.dtype !== "bool" && !isBigDType(out.dtype)) cFloatToInt(temp.data as TypedArray, out.dtype);
    if (mask === null) copyInto(out, temp);
    else maskedCopy(out, temp, mask);
    return out;
  }
  // masked without `out`: temp was zero-filled and the loop wrote only where `mask` is true
  const result = temp;
  if (allScalar && result.ndim === 0) {
    const v = result.data[0];
    return result.dtype === "bool" ? v !== 0 : v;
  }
  return result;
}
