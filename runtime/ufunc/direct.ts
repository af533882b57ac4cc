/**
 * The direct route of a binary ufunc called with `out` on float64 arrays in wasm memory
 * (`np.add(a, b, { out: c })`, `np.add(a, b, c)`, `np.multiply(x, y, { out: x })`): the wasm loop
 * called straight from the public function, before applyUFunc builds its argument array and
 * normalises its options.
 *
 * Rule: it runs when applyUFunc's own float64 out= fast path would run the wasm loop (and also for
 * arrays made over different SharedArrayBuffer objects of the wasm memory, before and after a grow,
 * where that path declines and the general path runs the same wasm loop), and then does what that
 * path does: `out` is the only option (no `where`, `dtype`, `casting`), the
 * operands and `out` are float64 NDArrays of one shape, each with exactly C-contiguous strides
 * (8-byte items), `out` writeable, at least MIN_RUN elements, all three in wasm memory, the ufunc's
 * float64 loop writes float64 and has a wasm twin (f64Entry), and each operand either touches no
 * byte of `out` or is exactly `out`'s elements (NumPy's overlap rule then needs no copy). Anything
 * else returns null having done nothing, and the caller runs applyUFunc (same result, same bits:
 * the same wasm loop on the same bytes).
 * Cost: about a dozen field reads and comparisons, three WeakMap lookups (addressOf) and one call
 * into wasm.
 */
import { NDArray } from "../core/ndarray.js";
import { allocateUnfilled } from "../core/alloc.js";
import { inWasmMemory } from "../wasm/heap.js";
import { MIN_RUN, wasmBinaryF64Entries, wasmBinaryTypedEntries, wasmUnaryF64, type WasmBinaryF64Entries, type WasmBinaryTypedEntries, type WasmUnaryEntry } from "../wasm/loops.js";
import { exactCStrides, sameShape } from "./layout.js";
import { typedLoop } from "./typed.js";
import { typedCompareLoop } from "./typed-compare.js";
import { f64Entry, type UFuncDef, type UFuncOptions } from "./apply.js";
import { resolveLoop } from "./promote.js";
import type { BinaryLoop, UnaryLoop } from "./kernels.js";
import type { DType, TypedArray } from "../core/dtype.js";

/**
 * Each float64 data array's wasm address (its byteOffset), or -1 when it is not in wasm memory,
 * remembered per typed array: neither ever changes for a typed array, and the getters `buffer` and
 * `byteOffset` of arrays over the memory's SharedArrayBuffer cost more than this lookup (at 256
 * elements, in one process, interleaved, load 9: the call 167-174 ns with the getters, 115 with
 * the lookup; the bare wasm call 70). Each SharedArrayBuffer object of the memory (a new one after
 * every grow) spans it from address 0, so byteOffset is the wasm address whichever object an array
 * was made over. Weak: an entry goes with its typed array.
 */
const ADDRESS = new WeakMap<Float64Array, number>();

function addressOf(d: Float64Array): number {
  let p = ADDRESS.get(d);
  if (p === undefined) {
    p = inWasmMemory(d.buffer) ? d.byteOffset : -1;
    ADDRESS.set(d, p);
  }
  return p;
}

/**
 * Run binary ufunc `def` on x and y into the `out` of `opts` by the direct route (see the file
 * head) and return `out`, or return null having done nothing.
 *
 * @example
 * const a = np.ones(1000), c = np.zeros(1000);
 * binaryIntoF64(UFUNCS.add, a, a, { out: c }) === c // true
 * c.get(0) // 2
 * binaryIntoF64(UFUNCS.add, a, a, { out: c, casting: "unsafe" }) // null (applyUFunc decides)
 */
export function binaryIntoF64(def: UFuncDef, x: unknown, y: unknown, opts: UFuncOptions | NDArray | undefined): NDArray | null {
  if (opts === undefined || opts === null || !(x instanceof NDArray) || !(y instanceof NDArray)) return null;
  let out: unknown;
  if (opts instanceof NDArray) out = opts;
  else {
    if (opts.where !== undefined || opts.dtype !== undefined || opts.casting !== undefined) return null;
    out = opts.out;
  }
  if (!(out instanceof NDArray) || !out._writeable) return null;
  const A = x.data;
  const B = y.data;
  const O = out.data;
  if (!(A instanceof Float64Array) || !(B instanceof Float64Array) || !(O instanceof Float64Array)) return null;
  if (x.dtype !== "float64" || y.dtype !== "float64" || out.dtype !== "float64") return null;
  const sh = out._shape;
  if (!sameShape(x._shape, sh) || !sameShape(y._shape, sh)) return null;
  if (!exactCStrides(sh, out._strides, 8) || !exactCStrides(sh, x._strides, 8) || !exactCStrides(sh, y._strides, 8)) return null;
  let size = 1;
  for (let i = 0; i < sh.length; i++) size *= sh[i];
  if (size < MIN_RUN) return null;
  const entry = def.f64Wasm !== undefined ? def.f64Wasm : f64Entry(def);
  if (entry === null) return null;
  const qo = addressOf(O);
  const qa = addressOf(A);
  const qb = addressOf(B);
  if (qo < 0 || qa < 0 || qb < 0) return null;
  const po = qo + out.offset;
  const pa = qa + x.offset;
  const pb = qb + y.offset;
  const bytes = size * 8;
  if (!(pa === po || pa + bytes <= po || po + bytes <= pa) || !(pb === po || pb + bytes <= po || po + bytes <= pb)) return null;
  entry(size, pa, 8, pb, 8, po, 8);
  return out;
}

/** Whether `st` are exactly the F strides of `sh` for 8-byte items, every axis longer than 1 (so the array is not also C-contiguous). */
function exactF8Only(sh: readonly number[], st: readonly number[]): boolean {
  if (sh.length !== st.length || sh.length < 2) return false;
  let s = 8;
  for (let i = 0; i < sh.length; i++) {
    if (st[i] !== s) return false;
    const d = sh[i];
    if (d < 2) return false;
    s *= d;
  }
  return true;
}

/** The allocating route of a ufunc: its float64 loop's wasm entries and result dtype, memoised on the def (UFuncDef.f64New). */
export interface F64NewRoute extends WasmBinaryF64Entries {
  readonly dtype: "float64" | "bool";
}

/**
 * `def`'s allocating route (memoised as def.f64New): float64 operands, and a float64 array with a
 * JS number, both resolve to the float64 loop, whose wasm twin writes float64 (arithmetic) or bool
 * bytes (comparisons); else null.
 */
function f64NewRoute(def: UFuncDef): F64NewRoute | null {
  let route: F64NewRoute | null = null;
  if (def.nin === 2) {
    try {
      const e = wasmBinaryF64Entries(def.loop("float64") as BinaryLoop);
      if (e !== null) {
        const dtype = e.outBytes === 8 ? "float64" : "bool";
        const r = def.cache.get("float64") ?? resolveLoop(def, [{ dtype: "float64" }, { dtype: "float64" }]);
        if (!def.cache.has("float64")) def.cache.set("float64", r);
        const w = def.cache.get("float64+weak") ?? resolveLoop(def, [{ dtype: "float64" }, { weak: 0.5 }]);
        if (!def.cache.has("float64+weak")) def.cache.set("float64+weak", w);
        if (r.loopIn === "float64" && r.loopOut === dtype && w.loopIn === "float64" && w.loopOut === dtype) route = { ...e, dtype };
      }
    } catch {
      route = null; // no float64 loop: applyUFunc says why
    }
  }
  def.f64New = route;
  return route;
}

/** Frozen C (and F) strides of 1-byte items per frozen shape: a bool result's, made once per shape (freezing costs 100-250 ns a call). */
const BOOL_C = new WeakMap<readonly number[], readonly number[]>();
const BOOL_F = new WeakMap<readonly number[], readonly number[]>();

function boolStrides(sh: readonly number[], c: boolean): readonly number[] {
  const m = c ? BOOL_C : BOOL_F;
  let st = m.get(sh);
  if (st === undefined) {
    const out = new Array<number>(sh.length);
    let s = 1;
    if (c) for (let i = sh.length - 1; i >= 0; i--) (out[i] = s), (s *= Math.max(sh[i], 1));
    else for (let i = 0; i < sh.length; i++) (out[i] = s), (s *= Math.max(sh[i], 1));
    st = Object.freeze(out);
    if (Object.isFrozen(sh)) m.set(sh, st);
  }
  return st;
}

/** The JS number of the fallback loop, as a float64 operand with stride 0 (loops are synchronous). */
const NUMBER = new Float64Array(1);

/**
 * The allocating route of a binary ufunc called without options (`np.add(a, b)`, `a * 2.5`,
 * `a < b`, `A.T + B.T`): the wasm loop called straight on a fresh result, before applyUFunc.
 *
 * Rule: it runs when applyUFunc's own contiguous fast paths would give a fresh result from the
 * ufunc's float64 loop, and gives what they give: float64 NDArrays of one shape, both with exactly
 * C-contiguous strides (8-byte items), or both exactly F-contiguous with every axis longer than 1
 * (A.T + B.T: an F result), or one exactly C-contiguous float64 array with a JS number on either
 * side; at least MIN_RUN elements, the operands in wasm memory; the ufunc's float64 loop has a
 * wasm twin writing float64 or bool (f64NewRoute). The result is C-ordered (F for F operands),
 * sharing the operand's frozen shape and, for float64, its strides. A result that could not go to
 * wasm memory (over the budget, or a bool result of at most 64 bytes) runs the ufunc's loop in
 * JavaScript. Anything else returns null having done nothing, and the caller runs applyUFunc.
 * Cost: a dozen field reads and comparisons, one or two WeakMap lookups (addressOf), the
 * allocation, one call into wasm.
 *
 * @example
 * const a = np.ones(1000);
 * binaryNewF64(UFUNCS.add, a, a)?.get(0) // 2
 * binaryNewF64(UFUNCS.less, a, 2)?.dtype // "bool"
 * binaryNewF64(UFUNCS.add, a, np.ones(1000, { dtype: "int32" })) // null (applyUFunc decides)
 */
export function binaryNewF64(def: UFuncDef, x: unknown, y: unknown): NDArray | null {
  const route = def.f64New !== undefined ? def.f64New : f64NewRoute(def);
  if (route === null) return null;
  let arr: NDArray;
  let other: NDArray | null = null;
  let num = 0;
  let side = 0; // 0: two arrays; 1: y is a number; 2: x is a number
  if (x instanceof NDArray) {
    arr = x;
    if (y instanceof NDArray) other = y;
    else if (typeof y === "number") (num = y), (side = 1);
    else return null;
  } else if (typeof x === "number" && y instanceof NDArray) (arr = y), (num = x), (side = 2);
  else return null;
  if (arr.dtype !== "float64") return null;
  const A = arr.data;
  if (!(A instanceof Float64Array)) return null;
  const sh = arr._shape;
  const st = arr._strides;
  let size = 1;
  for (let i = 0; i < sh.length; i++) size *= sh[i];
  if (size < MIN_RUN) return null;
  const c = exactCStrides(sh, st, 8);
  if (!c && (side !== 0 || !exactF8Only(sh, st))) return null;
  let B: Float64Array | null = null;
  if (other !== null) {
    const d = other.data;
    if (!(d instanceof Float64Array) || other.dtype !== "float64" || !sameShape(other._shape, sh)) return null;
    if (c ? !exactCStrides(sh, other._strides, 8) : !exactF8Only(sh, other._strides)) return null;
    B = d;
  }
  const qa = addressOf(A);
  const qb = B === null ? 0 : addressOf(B);
  if (qa < 0 || qb < 0) return null;
  const dtype = route.dtype;
  const O = allocateUnfilled(dtype, size, sh) as TypedArray; // float64 or bool bytes; the loop writes every element
  const o = new NDArray({ data: O, dtype, shape: sh, strides: dtype === "float64" ? st : boolStrides(sh, c), offset: 0, base: null, writeable: true, frozen: true }); // the operand's frozen shape and strides, or boolStrides' frozen ones
  const ob = route.outBytes;
  if (inWasmMemory(O.buffer)) {
    const po = O.byteOffset;
    const pa = qa + arr.offset;
    if (side === 0) route.both(size, pa, 8, qb + (other as NDArray).offset, 8, po, ob);
    else if (side === 1) route.withY(size, pa, 8, num, po, ob);
    else route.withX(size, num, pa, 8, po, ob);
  } else {
    // no room in wasm memory: the same loop in JavaScript (same bits)
    const loop = def.loop("float64") as BinaryLoop;
    const ia = arr.offset / 8;
    NUMBER[0] = num;
    if (side === 0) loop(size, A, ia, 1, B as Float64Array, (other as NDArray).offset / 8, 1, O, 0, 1);
    else if (side === 1) loop(size, A, ia, 1, NUMBER, 0, 0, O, 0, 1);
    else loop(size, NUMBER, 0, 0, A, ia, 1, O, 0, 1);
  }
  return o;
}

/** `def`'s unary wasm entry for float64 -> float64 (memoised as def.f64UnaryNew), else null. */
function f64UnaryRoute(def: UFuncDef): WasmUnaryEntry | null {
  let e: WasmUnaryEntry | null = null;
  if (def.nin === 1) {
    try {
      const w = wasmUnaryF64(def.loop("float64") as UnaryLoop);
      if (w !== null) {
        const r = def.cache.get("float64") ?? resolveLoop(def, [{ dtype: "float64" }]);
        if (!def.cache.has("float64")) def.cache.set("float64", r);
        if (r.loopIn === "float64" && r.loopOut === "float64") e = w;
      }
    } catch {
      e = null; // no float64 loop: applyUFunc says why
    }
  }
  def.f64UnaryNew = e;
  return e;
}

/**
 * The allocating route of a unary ufunc called without options (`np.sqrt(a)`, `np.negative(a)`,
 * `np.absolute(a)`): the wasm loop called straight on a fresh float64 result, before applyUFunc.
 * Rule: as binaryNewF64's for one operand (a float64 array exactly C-contiguous, or exactly
 * F-contiguous with every axis longer than 1, at least MIN_RUN elements, in wasm memory; the
 * ufunc's float64 loop has a float64 wasm twin); the result shares its frozen shape and strides.
 * Anything else returns null having done nothing, and the caller runs applyUFunc.
 *
 * @example
 * unaryNewF64(UFUNCS.negative, np.ones(100))?.get(0) // -1
 * unaryNewF64(UFUNCS.sqrt, np.arange(100)) // null (int32: applyUFunc decides)
 */
export function unaryNewF64(def: UFuncDef, x: unknown): NDArray | null {
  const entry = def.f64UnaryNew !== undefined ? def.f64UnaryNew : f64UnaryRoute(def);
  if (entry === null || !(x instanceof NDArray)) return null;
  const A = x.data;
  if (!(A instanceof Float64Array) || x.dtype !== "float64") return null;
  const sh = x._shape;
  const st = x._strides;
  let size = 1;
  for (let i = 0; i < sh.length; i++) size *= sh[i];
  if (size < MIN_RUN || !(exactCStrides(sh, st, 8) || exactF8Only(sh, st))) return null;
  const qa = addressOf(A);
  if (qa < 0) return null;
  const O = allocateUnfilled("float64", size, sh) as Float64Array; // the loop writes every element
  const o = new NDArray({ data: O, dtype: "float64", shape: sh, strides: st, offset: 0, base: null, writeable: true, frozen: true });
  if (inWasmMemory(O.buffer)) entry(size, qa + x.offset, 8, O.byteOffset, 8);
  else (def.loop("float64") as UnaryLoop)(size, A, x.offset / 8, 1, O, 0, 1); // no room in wasm memory: the same loop in JavaScript
  return o;
}

/** An int32/float32 route: the twin's entry, the result dtype, and the JS loop applyUFunc would run. */
interface TypedRoute extends WasmBinaryTypedEntries {
  readonly dtype: DType;
  readonly loop: BinaryLoop;
}
/** Routes by ufunc, then by input dtype (null: none). */
const TYPED_ROUTES = new WeakMap<UFuncDef, Map<DType, TypedRoute | null>>();

/**
 * `def`'s route for two `dtype` (int32 or float32) arrays: the loop applyUFunc's contiguous fast path
 * runs (runContiguousTyped: typed.ts's own-dtype loop, or typed-compare.ts's into bool) when its wasm
 * twin exists, else null.
 */
function typedRoute(def: UFuncDef, dtype: DType): TypedRoute | null {
  let m = TYPED_ROUTES.get(def);
  if (m === undefined) TYPED_ROUTES.set(def, (m = new Map()));
  let route = m.get(dtype);
  if (route !== undefined) return route;
  route = null;
  try {
    const r = def.cache.get(dtype) ?? resolveLoop(def, [{ dtype }, { dtype }]);
    if (!def.cache.has(dtype)) def.cache.set(dtype, r);
    if (r.loopIn === dtype) {
      const js = r.loopOut === dtype && def.out(dtype) === dtype ? typedLoop(def.name, dtype) : def.comparison === true && r.loopOut === "bool" ? typedCompareLoop(def.name, dtype) : undefined;
      const e = js === undefined ? null : wasmBinaryTypedEntries(js);
      if (js !== undefined && e !== null && (e.outBytes === 1) === (r.loopOut === "bool")) route = { ...e, dtype: r.loopOut, loop: js };
    }
  } catch {
    route = null; // applyUFunc says why
  }
  m.set(dtype, route);
  return route;
}

/**
 * The allocating route of a binary ufunc on two int32 or two float32 arrays without options
 * (`x + y`, `x < y` on np.arange's int32, `a32 * b32`): the wasm loop called straight on a fresh
 * result, as binaryNewF64 does for float64. Rule: both operands of one dtype (int32 or float32)
 * and one shape, exactly C-contiguous (4-byte items), at least MIN_RUN elements, in wasm memory;
 * the loop is the one applyUFunc's contiguous fast path runs (its own-dtype arithmetic, or the
 * comparison into bool) and has a wasm twin. The result is C-ordered, sharing the operand's frozen
 * shape (and strides, for a 4-byte result). A result that could not go to wasm memory runs the same
 * loop in JavaScript. Anything else returns null having done nothing.
 *
 * @example
 * const x = np.arange(100);
 * binaryNewTyped(UFUNCS.add, x, x)?.get(3) // 6
 * binaryNewTyped(UFUNCS.less, x, x)?.dtype // "bool"
 * binaryNewTyped(UFUNCS.true_divide, x, x) // null (int32 / int32 is float64: applyUFunc decides)
 */
export function binaryNewTyped(def: UFuncDef, x: unknown, y: unknown): NDArray | null {
  if (!(x instanceof NDArray) || !(y instanceof NDArray)) return null;
  const dt = x.dtype;
  if ((dt !== "int32" && dt !== "float32") || y.dtype !== dt) return null;
  const A = x.data;
  const B = y.data;
  if (!((A instanceof Int32Array && B instanceof Int32Array) || (A instanceof Float32Array && B instanceof Float32Array))) return null;
  const sh = x._shape;
  const st = x._strides;
  let size = 1;
  for (let i = 0; i < sh.length; i++) size *= sh[i];
  if (size < MIN_RUN || !sameShape(y._shape, sh) || !exactCStrides(sh, st, 4) || !exactCStrides(sh, y._strides, 4)) return null;
  if (!inWasmMemory(A.buffer) || !inWasmMemory(B.buffer)) return null;
  const route = typedRoute(def, dt);
  if (route === null) return null;
  const dtype = route.dtype;
  const O = allocateUnfilled(dtype, size, sh) as TypedArray; // the loop writes every element
  const o = new NDArray({ data: O, dtype, shape: sh, strides: route.outBytes === 4 ? st : boolStrides(sh, true), offset: 0, base: null, writeable: true, frozen: true });
  if (inWasmMemory(O.buffer)) route.both(size, A.byteOffset + x.offset, 4, B.byteOffset + y.offset, 4, O.byteOffset, route.outBytes);
  else route.loop(size, A, x.offset / 4, 1, B, y.offset / 4, 1, O, 0, 1); // no room in wasm memory: the same loop in JavaScript
  return o;
}
