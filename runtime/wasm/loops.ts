/**
 * The wasm loop table: the one place where a JavaScript inner loop is swapped for its WebAssembly
 * SIMD twin (built from runtime/wasm/templates). `accelerate(jsLoop)` returns a loop with the same
 * signature that runs the wasm loop when it can and the JavaScript loop otherwise.
 *
 * Rules:
 * - The table is keyed by the JS loop object (not by ufunc name or dtype): a JS loop always sees
 *   one kind of typed array (f64.ts, typed.ts), and its twin is written for that kind. A loop with
 *   no entry (new ufuncs, int64 BigInt loops, ...) is returned unchanged.
 * - The wasm loop runs when the run has at least MIN_RUN elements, the output and every operand
 *   with a non-zero stride live in wasm memory (heap.ts), and the typed arrays are of the kind the
 *   twin is written for. A stride-0 operand (a JS number, a broadcast scalar) is read here and
 *   passed by value, wherever it lives. Otherwise (small runs, ordinary ArrayBuffers, the fallback
 *   under STRIDED_NO_WASM=1) the JS loop runs: same bits either way (test/runtime/wasm/).
 * - Pointers: a typed array over the memory's SharedArrayBuffer at byteOffset p has element i at
 *   wasm address p + i * itemsize; strides go to wasm in bytes.
 * Cost: a few comparisons per run; below MIN_RUN elements nothing but the length test.
 */
import type { TypedArray } from "../core/dtype.js";
import {
  absoluteLoop, addLoop, divideLoop, equalLoop, greaterEqualLoop, greaterLoop, lessEqualLoop, lessLoop, multiplyLoop,
  negativeLoop, notEqualLoop, sqrtLoop, subtractLoop, type BinaryLoop, type UnaryLoop,
} from "../ufunc/kernels.js";
import { typedLoop } from "../ufunc/typed.js";
import { typedCompareLoop } from "../ufunc/typed-compare.js";
import { inWasmMemory } from "./heap.js";
import { wasm, type LoopExports } from "./instance.js";

/** Runs shorter than this stay in JavaScript (the call into wasm costs about as much as a few elements). */
export const MIN_RUN = 16;

type Ctor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

/** A twin: which wasm loop, and the typed-array kinds of inputs and output it is written for. */
export interface Twin {
  readonly kind: "binary" | "unary";
  readonly name: keyof LoopExports & string;
  readonly input: Ctor;
  readonly output: Ctor;
}

const made = new Map<Function, Function>();
/** Each accelerated loop's JS loop (so a caller holding either finds the twin). */
const source = new Map<Function, Function>();
let table: Map<Function, Twin> | null = null;

/** The table: each JS loop with its wasm twin (made on first use, after every loop module has loaded). */
function twins(): Map<Function, Twin> {
  const t = new Map<Function, Twin>();
  const put = (js: BinaryLoop | UnaryLoop | undefined, kind: Twin["kind"], name: Twin["name"], input: Ctor, output: Ctor): void => {
    if (js !== undefined) t.set(js, { kind, name, input, output });
  };
  const F64 = Float64Array;
  // float64 loops (every dtype but int32/float32 + - * / runs them on float64 views, f64.ts)
  put(addLoop, "binary", "binary_add_f64", F64, F64);
  put(subtractLoop, "binary", "binary_sub_f64", F64, F64);
  put(multiplyLoop, "binary", "binary_mul_f64", F64, F64);
  put(divideLoop, "binary", "binary_div_f64", F64, F64);
  // int32 and float32 loops on their own arrays (typed.ts)
  put(typedLoop("add", "int32"), "binary", "binary_add_i32", Int32Array, Int32Array);
  put(typedLoop("subtract", "int32"), "binary", "binary_sub_i32", Int32Array, Int32Array);
  put(typedLoop("multiply", "int32"), "binary", "binary_mul_i32", Int32Array, Int32Array);
  put(typedLoop("add", "float32"), "binary", "binary_add_f32", Float32Array, Float32Array);
  put(typedLoop("subtract", "float32"), "binary", "binary_sub_f32", Float32Array, Float32Array);
  put(typedLoop("multiply", "float32"), "binary", "binary_mul_f32", Float32Array, Float32Array);
  put(typedLoop("true_divide", "float32"), "binary", "binary_div_f32", Float32Array, Float32Array);
  // comparisons: float64 inputs, bool bytes out
  put(lessLoop, "binary", "compare_lt_f64", F64, Uint8Array);
  put(lessEqualLoop, "binary", "compare_le_f64", F64, Uint8Array);
  put(greaterLoop, "binary", "compare_gt_f64", F64, Uint8Array);
  put(greaterEqualLoop, "binary", "compare_ge_f64", F64, Uint8Array);
  put(equalLoop, "binary", "compare_eq_f64", F64, Uint8Array);
  put(notEqualLoop, "binary", "compare_ne_f64", F64, Uint8Array);
  // comparisons of int32 and float32 arrays as they are (typed-compare.ts)
  const CMP = [["less", "lt"], ["less_equal", "le"], ["greater", "gt"], ["greater_equal", "ge"], ["equal", "eq"], ["not_equal", "ne"]] as const;
  for (const [ufunc, op] of CMP) {
    put(typedCompareLoop(ufunc, "int32"), "binary", `compare_${op}_i32`, Int32Array, Uint8Array);
    put(typedCompareLoop(ufunc, "float32"), "binary", `compare_${op}_f32`, Float32Array, Uint8Array);
  }
  // unary float64
  put(sqrtLoop, "unary", "unary_sqrt_f64", F64, F64);
  put(negativeLoop, "unary", "unary_neg_f64", F64, F64);
  put(absoluteLoop, "unary", "unary_abs_f64", F64, F64);
  return t;
}

/**
 * Every JS loop that has a wasm twin, with the twin's kind and typed-array kinds (for the tests that
 * compare each twin with its JS loop bit for bit).
 *
 * @example
 * wasmTwins().size // 32
 */
export function wasmTwins(): ReadonlyMap<Function, Twin> {
  table ??= twins();
  return table;
}

const shiftOf = (c: Ctor): number => 31 - Math.clz32(c.BYTES_PER_ELEMENT);

/**
 * `js`, or a loop that runs its wasm twin where it can (see the file head).
 *
 * @example
 * const loop = accelerate(addLoop); // wasm f64x2.add on wasm-memory runs, addLoop elsewhere
 * accelerate(addLoop) === loop // true (made once per loop)
 */
export function accelerate<L extends BinaryLoop | UnaryLoop>(js: L): L {
  const done = made.get(js);
  if (done !== undefined) return done as L;
  table ??= twins();
  const twin = table.get(js);
  const w = twin === undefined ? null : wasm();
  let out: L = js;
  if (twin !== undefined && w !== null) {
    const loops = w.loops;
    const I = twin.input;
    const O = twin.output;
    const si = shiftOf(I);
    const so = shiftOf(O);
    if (twin.kind === "binary") {
      const both = loops[twin.name];
      const withY = loops[`${twin.name}_sb` as keyof LoopExports];
      const withX = loops[`${twin.name}_sa` as keyof LoopExports];
      const fast: BinaryLoop = (n, a, ia, sa, b, ib, sb, o, io, st) => {
        if (n >= MIN_RUN && o instanceof O && a instanceof I && b instanceof I && inWasmMemory(o.buffer)) {
          const po = o.byteOffset + (io << so);
          if (sb === 0) {
            if (sa !== 0 && inWasmMemory(a.buffer)) return void withY(n, a.byteOffset + (ia << si), sa << si, b[ib], po, st << so);
          } else if (sa === 0) {
            if (inWasmMemory(b.buffer)) return void withX(n, a[ia], b.byteOffset + (ib << si), sb << si, po, st << so);
          } else if (inWasmMemory(a.buffer) && inWasmMemory(b.buffer)) {
            return void both(n, a.byteOffset + (ia << si), sa << si, b.byteOffset + (ib << si), sb << si, po, st << so);
          }
        }
        (js as BinaryLoop)(n, a, ia, sa, b, ib, sb, o, io, st);
      };
      out = fast as L;
    } else {
      const f = loops[twin.name];
      const fast: UnaryLoop = (n, a, ia, sa, o, io, st) => {
        if (n >= MIN_RUN && o instanceof O && a instanceof I && inWasmMemory(o.buffer) && inWasmMemory(a.buffer)) {
          return void f(n, a.byteOffset + (ia << si), sa << si, o.byteOffset + (io << so), st << so);
        }
        (js as UnaryLoop)(n, a, ia, sa, o, io, st);
      };
      out = fast as L;
    }
  }
  made.set(js, out);
  source.set(out, js);
  return out;
}

/** A wasm binary entry over two operands in memory: (n, a, sa, b, sb, o, so), addresses and strides in bytes. */
export type WasmBinaryEntry = (n: number, a: number, sa: number, b: number, sb: number, o: number, so: number) => number;
const entries = new Map<Function, WasmBinaryEntry | null>();

/**
 * The raw wasm entry of binary loop `loop` (a JS loop or the result of accelerate) when its twin
 * runs float64 -> float64, else null: for the contiguous fast paths of ufunc/apply.ts, which read
 * each operand's buffer and address once and call it directly (the typed-array getters `buffer`
 * and `byteOffset` are most of a small call's overhead). The caller checks what accelerate checks:
 * at least MIN_RUN elements, every operand in wasm memory.
 *
 * @example
 * typeof wasmBinaryF64(addLoop) // "function" (null under STRIDED_NO_WASM=1)
 */
export function wasmBinaryF64(loop: BinaryLoop): WasmBinaryEntry | null {
  let e = entries.get(loop);
  if (e !== undefined) return e;
  const js = source.get(loop) ?? loop;
  table ??= twins();
  const twin = table.get(js);
  const w = twin === undefined || twin.kind !== "binary" || twin.input !== Float64Array || twin.output !== Float64Array ? null : wasm();
  e = w === null || twin === undefined ? null : (w.loops[twin.name] as WasmBinaryEntry);
  entries.set(loop, e);
  return e;
}

/** A wasm binary entry with its second operand passed by value: (n, a, sa, y, o, so). */
export type WasmBinaryEntrySB = (n: number, a: number, sa: number, y: number, o: number, so: number) => number;
/** A wasm binary entry with its first operand passed by value: (n, x, b, sb, o, so). */
export type WasmBinaryEntrySA = (n: number, x: number, b: number, sb: number, o: number, so: number) => number;

/** The raw wasm entries of a binary loop whose twin reads float64 (see wasmBinaryF64Entries). */
export interface WasmBinaryF64Entries {
  /** Both operands in memory. */
  readonly both: WasmBinaryEntry;
  /** The second operand a number (stride 0). */
  readonly withY: WasmBinaryEntrySB;
  /** The first operand a number (stride 0). */
  readonly withX: WasmBinaryEntrySA;
  /** Bytes per output element: 8 (float64 out) or 1 (bool out: the comparisons). */
  readonly outBytes: 8 | 1;
}
const entriesF64 = new Map<Function, WasmBinaryF64Entries | null>();

/**
 * The raw wasm entries of binary loop `loop` (a JS loop or the result of accelerate) when its twin
 * reads float64 and writes float64 or bool bytes, else null: for ufunc/direct.ts's allocating
 * route, which calls them straight on a fresh result. The caller checks what accelerate checks.
 *
 * @example
 * wasmBinaryF64Entries(lessLoop)?.outBytes // 1 (null under STRIDED_NO_WASM=1)
 */
export function wasmBinaryF64Entries(loop: BinaryLoop): WasmBinaryF64Entries | null {
  let e = entriesF64.get(loop);
  if (e !== undefined) return e;
  const js = source.get(loop) ?? loop;
  table ??= twins();
  const twin = table.get(js);
  const ok = twin !== undefined && twin.kind === "binary" && twin.input === Float64Array && (twin.output === Float64Array || twin.output === Uint8Array);
  const w = ok ? wasm() : null;
  e = null;
  if (w !== null && twin !== undefined) {
    const l = w.loops;
    e = {
      both: l[twin.name] as WasmBinaryEntry,
      withY: l[`${twin.name}_sb` as keyof LoopExports] as WasmBinaryEntrySB,
      withX: l[`${twin.name}_sa` as keyof LoopExports] as WasmBinaryEntrySA,
      outBytes: twin.output === Float64Array ? 8 : 1,
    };
  }
  entriesF64.set(loop, e);
  return e;
}

/** A wasm unary entry: (n, a, sa, o, so), addresses and strides in bytes. */
export type WasmUnaryEntry = (n: number, a: number, sa: number, o: number, so: number) => number;
const entriesUnary = new Map<Function, WasmUnaryEntry | null>();

/**
 * The raw wasm entry of unary loop `loop` (a JS loop or the result of accelerate) when its twin
 * runs float64 -> float64, else null: for ufunc/direct.ts's allocating route. The caller checks
 * what accelerate checks.
 *
 * @example
 * typeof wasmUnaryF64(sqrtLoop) // "function" (null under STRIDED_NO_WASM=1)
 */
export function wasmUnaryF64(loop: UnaryLoop): WasmUnaryEntry | null {
  let e = entriesUnary.get(loop);
  if (e !== undefined) return e;
  const js = source.get(loop) ?? loop;
  table ??= twins();
  const twin = table.get(js);
  const w = twin === undefined || twin.kind !== "unary" || twin.input !== Float64Array || twin.output !== Float64Array ? null : wasm();
  e = w === null || twin === undefined ? null : (w.loops[twin.name] as WasmUnaryEntry);
  entriesUnary.set(loop, e);
  return e;
}

/** The raw wasm entries of a binary twin over int32 or float32 arrays (see wasmBinaryTypedEntries). */
export interface WasmBinaryTypedEntries {
  /** Both operands in memory. */
  readonly both: WasmBinaryEntry;
  /** Bytes per input element (4). */
  readonly inBytes: 4;
  /** Bytes per output element: 4 (the input's dtype) or 1 (bool: the comparisons). */
  readonly outBytes: 4 | 1;
}
const entriesTyped = new Map<Function, WasmBinaryTypedEntries | null>();

/**
 * The raw wasm entry of binary loop `loop` (a JS loop of typed.ts / typed-compare.ts, or the result
 * of accelerate) when its twin reads int32 or float32 arrays and writes the same or bool bytes,
 * else null: for ufunc/direct.ts's allocating route. The caller checks what accelerate checks.
 *
 * @example
 * wasmBinaryTypedEntries(typedLoop("add", "int32") as BinaryLoop)?.outBytes // 4 (null under STRIDED_NO_WASM=1)
 */
export function wasmBinaryTypedEntries(loop: BinaryLoop): WasmBinaryTypedEntries | null {
  let e = entriesTyped.get(loop);
  if (e !== undefined) return e;
  const js = source.get(loop) ?? loop;
  table ??= twins();
  const twin = table.get(js);
  const four = twin !== undefined && (twin.input === Int32Array || twin.input === Float32Array);
  const ok = four && twin.kind === "binary" && (twin.output === twin.input || twin.output === Uint8Array);
  const w = ok ? wasm() : null;
  e = w === null || twin === undefined ? null : { both: w.loops[twin.name] as WasmBinaryEntry, inBytes: 4, outBytes: twin.output === Uint8Array ? 1 : 4 };
  entriesTyped.set(loop, e);
  return e;
}

/** A `where=`-masked binary run: like BinaryLoop, computing only where m[im + i*sm] is non-zero. */
export type MaskedBinaryLoop = (n: number, a: TypedArray, ia: number, sa: number, b: TypedArray, ib: number, sb: number, o: TypedArray, io: number, so: number, m: Uint8Array, im: number, sm: number) => void;
/** A `where=`-masked unary run. */
export type MaskedUnaryLoop = (n: number, a: TypedArray, ia: number, sa: number, o: TypedArray, io: number, so: number, m: Uint8Array, im: number, sm: number) => void;

/**
 * The JavaScript masked run of a binary loop: the loop on each element whose mask byte is set
 * (what the twins of maskedBinary are tested against).
 *
 * @example
 * typeof maskedBinaryJS(addLoop) // "function"
 */
export function maskedBinaryJS(js: BinaryLoop): MaskedBinaryLoop {
  return (n, a, ia, sa, b, ib, sb, o, io, so, m, im, sm) => {
    for (let i = 0; i < n; i++, ia += sa, ib += sb, io += so, im += sm) if (m[im] !== 0) js(1, a, ia, 0, b, ib, 0, o, io, 0);
  };
}

/** The JavaScript masked run of a unary loop. @example typeof maskedUnaryJS(sqrtLoop) // "function" */
export function maskedUnaryJS(js: UnaryLoop): MaskedUnaryLoop {
  return (n, a, ia, sa, o, io, so, m, im, sm) => {
    for (let i = 0; i < n; i++, ia += sa, io += so, im += sm) if (m[im] !== 0) js(1, a, ia, 0, o, io, 0);
  };
}

const madeMasked = new Map<Function, Function>();

/**
 * The masked run of binary loop `loop` (a JS loop or the result of accelerate): its wasm twin
 * masked_<twin> where the run can go to wasm (the rules of accelerate, with the mask in wasm memory
 * too; a stride-0 mask decides the whole run), maskedBinaryJS elsewhere. Same bits either way.
 *
 * @example
 * typeof maskedBinary(addLoop) // "function"
 */
export function maskedBinary(loop: BinaryLoop): MaskedBinaryLoop {
  const done = madeMasked.get(loop);
  if (done !== undefined) return done as MaskedBinaryLoop;
  const js = (source.get(loop) ?? loop) as BinaryLoop;
  table ??= twins();
  const twin = table.get(js);
  const w = twin === undefined || twin.kind !== "binary" ? null : wasm();
  const slow = maskedBinaryJS(js);
  let out = slow;
  if (twin !== undefined && w !== null) {
    const whole = accelerate(js);
    const both = w.loops[`masked_${twin.name}` as keyof LoopExports];
    const withY = w.loops[`masked_${twin.name}_sb` as keyof LoopExports];
    const withX = w.loops[`masked_${twin.name}_sa` as keyof LoopExports];
    const I = twin.input;
    const O = twin.output;
    const si = shiftOf(I);
    const so = shiftOf(O);
    out = (n, a, ia, sa, b, ib, sb, o, io, st, m, im, sm) => {
      if (sm === 0) {
        if (m[im] !== 0) whole(n, a, ia, sa, b, ib, sb, o, io, st);
        return;
      }
      if (n >= MIN_RUN && o instanceof O && a instanceof I && b instanceof I && inWasmMemory(o.buffer) && inWasmMemory(m.buffer)) {
        const po = o.byteOffset + (io << so);
        const pm = m.byteOffset + im;
        if (sb === 0) {
          if (sa !== 0 && inWasmMemory(a.buffer)) return void withY(n, a.byteOffset + (ia << si), sa << si, b[ib], po, st << so, pm, sm);
        } else if (sa === 0) {
          if (inWasmMemory(b.buffer)) return void withX(n, a[ia], b.byteOffset + (ib << si), sb << si, po, st << so, pm, sm);
        } else if (inWasmMemory(a.buffer) && inWasmMemory(b.buffer)) {
          return void both(n, a.byteOffset + (ia << si), sa << si, b.byteOffset + (ib << si), sb << si, po, st << so, pm, sm);
        }
      }
      slow(n, a, ia, sa, b, ib, sb, o, io, st, m, im, sm);
    };
  }
  madeMasked.set(loop, out);
  return out;
}

/** The masked run of unary loop `loop` (see maskedBinary). @example typeof maskedUnary(sqrtLoop) // "function" */
export function maskedUnary(loop: UnaryLoop): MaskedUnaryLoop {
  const done = madeMasked.get(loop);
  if (done !== undefined) return done as MaskedUnaryLoop;
  const js = (source.get(loop) ?? loop) as UnaryLoop;
  table ??= twins();
  const twin = table.get(js);
  const w = twin === undefined || twin.kind !== "unary" ? null : wasm();
  const slow = maskedUnaryJS(js);
  let out = slow;
  if (twin !== undefined && w !== null) {
    const whole = accelerate(js);
    const f = w.loops[`masked_${twin.name}` as keyof LoopExports];
    const I = twin.input;
    const O = twin.output;
    const si = shiftOf(I);
    const so = shiftOf(O);
    out = (n, a, ia, sa, o, io, st, m, im, sm) => {
      if (sm === 0) {
        if (m[im] !== 0) whole(n, a, ia, sa, o, io, st);
        return;
      }
      if (n >= MIN_RUN && o instanceof O && a instanceof I && inWasmMemory(o.buffer) && inWasmMemory(a.buffer) && inWasmMemory(m.buffer)) {
        return void f(n, a.byteOffset + (ia << si), sa << si, o.byteOffset + (io << so), st << so, m.byteOffset + im, sm);
      }
      slow(n, a, ia, sa, o, io, st, m, im, sm);
    };
  }
  madeMasked.set(loop, out);
  return out;
}

/** A contiguous float64 run in wasm memory: its address, or -1. */
function addressF64(d: TypedArray, i0: number, n: number): number {
  if (n < MIN_RUN || !(d instanceof Float64Array) || !inWasmMemory(d.buffer)) return -1;
  return d.byteOffset + i0 * 8;
}

/**
 * NumPy's pairwise sum of a contiguous float32 run d[i0 .. i0+n) in float32 arithmetic (the
 * additions of reduce/pairwise.ts's pairwiseSumF32, in its order), or undefined when the run is
 * not in wasm memory.
 *
 * @example
 * wasmPairwiseSumF32(np.ones(1000, { dtype: "float32" }).data as Float32Array, 0, 1000) // 1000
 */
export function wasmPairwiseSumF32(d: Float32Array, i0: number, n: number): number | undefined {
  if (n < MIN_RUN || !(d instanceof Float32Array) || !inWasmMemory(d.buffer)) return undefined;
  const w = wasm();
  return w === null ? undefined : w.loops.sum_f32(d.byteOffset + i0 * 4, n);
}

/**
 * NumPy's pairwise sum of d[i0 .. i0+n) in wasm (same additions in the same order as
 * reduce/pairwise.ts), or undefined when the run is not in wasm memory.
 *
 * @example
 * wasmPairwiseSumF64(np.ones(1000).data as Float64Array, 0, 1000) // 1000
 */
export function wasmPairwiseSumF64(d: Float64Array, i0: number, n: number): number | undefined {
  const p = addressF64(d, i0, n);
  const w = p < 0 ? null : wasm();
  return w === null ? undefined : w.loops.sum_f64(p, n);
}

/**
 * The largest (or smallest) value of a contiguous float64 run in wasm, or NaN when the caller must
 * fold itself: not in wasm memory, a NaN in the run, or a zero result (NumPy keeps the first zero's
 * sign and the first NaN, which only the sequential fold knows).
 *
 * @example
 * wasmExtremumF64("max", new Float64Array([1, 2]), 0, 2) // NaN (not in wasm memory: the caller folds)
 */
export function wasmExtremumF64(kind: "max" | "min", d: Float64Array, i0: number, n: number): number {
  const p = addressF64(d, i0, n);
  const w = p < 0 ? null : wasm();
  if (w === null) return NaN;
  return kind === "max" ? w.loops.max_f64(p, n) : w.loops.min_f64(p, n);
}

/**
 * The largest (or smallest) value of a contiguous run d[i0 .. i0+n) of a float64, float32 or
 * int32 array in wasm (the loops max_T/min_T); NaN when, for floats, the run holds a NaN or the
 * result is a zero (NumPy's order then decides the bits: reduce/extremum.ts); undefined when the
 * loop did not run (fewer than MIN_RUN elements, not in wasm memory, no wasm). An int32 run always
 * gets its answer.
 *
 * @example
 * wasmExtremum("max", np.arange(1000).data as Int32Array, 0, 1000) // 999
 */
export function wasmExtremum(kind: "max" | "min", d: Float64Array | Float32Array | Int32Array, i0: number, n: number): number | undefined {
  if (n < MIN_RUN || !inWasmMemory(d.buffer)) return undefined;
  const w = wasm();
  if (w === null) return undefined;
  const p = d.byteOffset + i0 * d.BYTES_PER_ELEMENT;
  if (d instanceof Float64Array) return kind === "max" ? w.loops.max_f64(p, n) : w.loops.min_f64(p, n);
  if (d instanceof Float32Array) return kind === "max" ? w.loops.max_f32(p, n) : w.loops.min_f32(p, n);
  return kind === "max" ? w.loops.max_i32(p, n) : w.loops.min_i32(p, n);
}

/**
 * What a contiguous float64/float32 run d[i0 .. i0+n) holds of the values that decide a zero or NaN
 * extremum (the loops seen_f64/seen_f32): 1 a +0, 2 a -0, 4 a NaN, 8 a NaN other than the canonical
 * quiet NaN, OR-ed; undefined when the loop did not run (fewer than MIN_RUN elements, not in wasm
 * memory, no wasm).
 *
 * @example
 * wasmSeen(np.zeros(100).data as Float64Array, 0, 100) // 1
 */
export function wasmSeen(d: Float64Array | Float32Array, i0: number, n: number): number | undefined {
  if (n < MIN_RUN || !inWasmMemory(d.buffer)) return undefined;
  const w = wasm();
  if (w === null) return undefined;
  const p = d.byteOffset + i0 * d.BYTES_PER_ELEMENT;
  return d instanceof Float64Array ? w.loops.seen_f64(p, n) : w.loops.seen_f32(p, n);
}

/**
 * The sum of a contiguous int32 run d[i0 .. i0+n) modulo 2^32, as a signed int32 (what storing it
 * into an Int32Array gives), or undefined when the run is shorter than MIN_RUN or not in wasm memory.
 *
 * @example
 * wasmSumI32(np.arange(1000).data as Int32Array, 0, 1000) // 499500
 */
export function wasmSumI32(d: Int32Array, i0: number, n: number): number | undefined {
  if (n < MIN_RUN || !inWasmMemory(d.buffer)) return undefined;
  const w = wasm();
  return w === null ? undefined : w.loops.sum_i32(d.byteOffset + i0 * 4, n);
}

/**
 * add_rows_f64(rows, n, p, step, o): out[j] += in[r][j] for each row r in turn (row r at address
 * p + r * step, the n results at o, both contiguous float64 runs, addresses and step in bytes), or
 * null without wasm: the `m.sum({ axis: 0 })` of reduce/walk.ts in one call (see reduce.mjs).
 *
 * @example
 * typeof wasmAddRowsF64() // "function" (null under STRIDED_NO_WASM=1)
 */
export function wasmAddRowsF64(): ((rows: number, n: number, p: number, step: number, o: number) => number) | null {
  const w = wasm();
  return w === null ? null : w.loops.add_rows_f64;
}
