/**
 * Running a ufunc's inner loop over planned walks (nditer.ts), through float64 views of the
 * operands (f64.ts) so each loop stays monomorphic; the masked variant computes only where
 * `where` is true; int32/float32 + - * / run their own loops on their own arrays (typed.ts).
 * Cost: O(size) plus one loop call per run (per element when masked).
 */
import { isBigDType, type DType, type TypedArray } from "../core/dtype.js";
import { exactFloatInputs, runBigLoop } from "./int64.js";
import type { NDArray } from "../core/ndarray.js";
import type { UFuncDef } from "./apply.js";
import type { BinaryLoop, UnaryLoop } from "./kernels.js";
import { asF64 } from "./f64.js";
import { eachRun, elementStrides, planWalk, type WalkOp } from "./nditer.js";
import { typedLoop } from "./typed.js";
import { typedCompareLoop } from "./typed-compare.js";
import { accelerate, maskedBinary, maskedUnary } from "../wasm/loops.js";

/**
 * Run the ufunc's loop over `shape`, through float64 views of the operands (f64.ts: loops stay monomorphic).
 *
 * @example
 * const x = np.arange(3, { dtype: "float64" }), y = np.ones(3), out = np.zeros(3);
 * runLoop(UFUNCS.add, "float64", [3], [x, y], out);
 * out // array([1., 2., 3.])
 */
export function runLoop(def: UFuncDef, loopIn: DType, shape: readonly number[], ins0: readonly NDArray[], out: NDArray): void {
  let ins = ins0;
  // int64/uint64: exact BigInt loops (int64.ts), or float64 where the values allow it
  if (isBigDType(loopIn)) {
    if (runBigLoop(def.name, loopIn, shape, ins, out, null)) return;
    ins = exactFloatInputs(def.name, ins);
  }
  // int32/float32 + - * /: a loop of their own over their own typed arrays (typed.ts), no copies
  if (def.nin === 2 && out.dtype === loopIn && ins[0].dtype === loopIn && ins[1].dtype === loopIn && def.out(loopIn) === loopIn) {
    const js = typedLoop(def.name, loopIn);
    const typed = js === undefined ? undefined : accelerate(js); // its SIMD twin where there is one (runtime/wasm/loops.ts)
    if (typed !== undefined) {
      runLoopF64(def, loopIn, shape, ins, out, typed);
      return;
    }
  }
  // int32/float32 comparisons: on the arrays as they are, into the bool bytes (typed-compare.ts)
  if (def.comparison === true && def.nin === 2 && out.dtype === "bool" && ins[0].dtype === loopIn && ins[1].dtype === loopIn) {
    const js = typedCompareLoop(def.name, loopIn);
    if (js !== undefined) {
      runLoopF64(def, loopIn, shape, ins, out, accelerate(js));
      return;
    }
  }
  const ins64 = ins.map((a) => asF64(a).view);
  // bool results are written straight into their Uint8Array: the bool-output loops see no other kind
  if (out.dtype === "bool" && def.out(loopIn) === "bool") {
    runLoopF64(def, loopIn, shape, ins64, out);
    return;
  }
  const o = asF64(out);
  runLoopF64(def, loopIn, shape, ins64, o.view);
  o.writeBack();
}

/**
 * runLoop's int32/float32 loops (arithmetic into their own dtype, comparisons into bool) and its
 * float64 comparisons into bool, for two C-contiguous operands of the loop's dtype and a fresh
 * contiguous `out` of `size` elements: one loop call, no walk planned (a 10-element int32 add
 * spent half its time planning; `a < b` of 1e3 float64 3.1 us against NumPy's 0.4). Returns false,
 * having done nothing, when no such loop applies (the caller then runs runLoop).
 *
 * @example
 * const x = np.arange(3), out = np.empty(3, { dtype: "int32" });
 * runContiguousTyped(UFUNCS.add, "int32", 3, x, x, out) // true
 * out // array([0, 2, 4])
 * const f = np.array([1.5, 2]), g = np.array([2, 1.5]), lt = np.empty(2, { dtype: "bool" });
 * runContiguousTyped(UFUNCS.less, "float64", 2, f, g, lt) // true
 * lt // array([ True, False])
 */
export function runContiguousTyped(def: UFuncDef, loopIn: DType, size: number, a: NDArray, b: NDArray, out: NDArray): boolean {
  if (def.nin !== 2 || a.dtype !== loopIn || b.dtype !== loopIn) return false;
  let loop: BinaryLoop | undefined;
  if (out.dtype === loopIn && def.out(loopIn) === loopIn) {
    const js = typedLoop(def.name, loopIn);
    loop = js === undefined ? undefined : accelerate(js);
  } else if (def.comparison === true && out.dtype === "bool") {
    // float64 comparisons: the loop runLoop runs on float64 arrays into bool bytes (def.loop: already accelerated)
    if (loopIn === "float64") loop = def.loop("float64") as BinaryLoop;
    else {
      const js = typedCompareLoop(def.name, loopIn);
      loop = js === undefined ? undefined : accelerate(js);
    }
  }
  if (loop === undefined) return false;
  const isz = a.itemsize;
  loop(size, a.data as TypedArray, a.offset / isz, 1, b.data as TypedArray, b.offset / isz, 1, out.data as TypedArray, out.offset / out.itemsize, 1);
  return true;
}

/** runLoop on operands already in Float64Arrays (or a bool Uint8Array result), or all in the typed arrays `typed` is made for. */
export function runLoopF64(def: UFuncDef, loopIn: DType, shape: readonly number[], ins: readonly NDArray[], out: NDArray, typed?: BinaryLoop): void {
  const ops: WalkOp[] = ins.map((a) => ({ data: a.data, start: a.offset / a.itemsize, strides: elementStrides(a, shape) ?? [] }));
  ops.push({ data: out.data, start: out.offset / out.itemsize, strides: out.strides.map((s) => s / out.itemsize) });
  const w = planWalk(shape, ops);
  if (w.size === 0) return;
  const n = w.inner;
  const st = w.innerStrides;
  if (def.nin === 2) {
    const loop = typed ?? (def.loop(loopIn) as BinaryLoop);
    const A = ins[0].data as TypedArray; // float64 views (or the typed arrays of `typed`); never bigints here
    const B = ins[1].data as TypedArray;
    const O = out.data as TypedArray;
    if (w.outerShape.length === 0) loop(n, A, w.starts[0], st[0], B, w.starts[1], st[1], O, w.starts[2], st[2]);
    else eachRun(w, (idx) => loop(n, A, idx[0], st[0], B, idx[1], st[1], O, idx[2], st[2]));
  } else {
    const loop = def.loop(loopIn) as UnaryLoop;
    const A = ins[0].data as TypedArray;
    const O = out.data as TypedArray;
    if (w.outerShape.length === 0) loop(n, A, w.starts[0], st[0], O, w.starts[1], st[1]);
    else eachRun(w, (idx) => loop(n, A, idx[0], st[0], O, idx[1], st[1]));
  }
}

/** runLoop restricted to the elements where `mask` is true (NumPy never computes the others). 
 *
 * @example
 * const out = np.zeros(2);
 * runLoopMasked(UFUNCS.add, "float64", [2], [np.ones(2), np.ones(2)], out, np.array([true, false]));
 * out // array([2., 0.])
 */
export function runLoopMasked(def: UFuncDef, loopIn: DType, shape: readonly number[], insIn: readonly NDArray[], out0: NDArray, mask: NDArray): void {
  let ins0 = insIn;
  if (isBigDType(loopIn)) {
    if (runBigLoop(def.name, loopIn, shape, ins0, out0, mask)) return;
    ins0 = exactFloatInputs(def.name, ins0);
  }
  // int32/float32 operands of the loop's dtype: their own loops on their own arrays (as runLoop)
  if (def.nin === 2 && ins0[0].dtype === loopIn && ins0[1].dtype === loopIn) {
    const typed = out0.dtype === loopIn && def.out(loopIn) === loopIn ? typedLoop(def.name, loopIn) : def.comparison === true && out0.dtype === "bool" ? typedCompareLoop(def.name, loopIn) : undefined;
    if (typed !== undefined) {
      runMasked(def, shape, ins0, out0, mask, typed);
      return;
    }
  }
  // bool results straight into their bytes; everything else through float64 views (f64.ts)
  const ins = ins0.map((a) => asF64(a).view);
  if (out0.dtype === "bool" && def.out(loopIn) === "bool") {
    runMasked(def, shape, ins, out0, mask, def.nin === 2 ? (def.loop(loopIn) as BinaryLoop) : undefined, def.nin === 1 ? (def.loop(loopIn) as UnaryLoop) : undefined);
    return;
  }
  const o = asF64(out0);
  runMasked(def, shape, ins, o.view, mask, def.nin === 2 ? (def.loop(loopIn) as BinaryLoop) : undefined, def.nin === 1 ? (def.loop(loopIn) as UnaryLoop) : undefined);
  o.writeBack();
}

/** The masked walk: one masked run per inner run (runtime/wasm/loops.ts: wasm where it can, else per element in JS). */
function runMasked(def: UFuncDef, shape: readonly number[], ins: readonly NDArray[], out: NDArray, mask: NDArray, binary?: BinaryLoop, unary?: UnaryLoop): void {
  const all = [...ins, out, mask];
  const ops: WalkOp[] = all.map((a) => ({ data: a.data, start: a.offset / a.itemsize, strides: elementStrides(a, shape) ?? [] }));
  const w = planWalk(shape, ops);
  if (w.size === 0) return;
  const st = w.innerStrides;
  const n = w.inner;
  const M = mask.data as Uint8Array;
  const O = out.data as TypedArray;
  const A = ins[0].data as TypedArray;
  if (def.nin === 2 && binary !== undefined) {
    const loop = maskedBinary(binary);
    const B = ins[1].data as TypedArray;
    eachRun(w, (idx) => loop(n, A, idx[0], st[0], B, idx[1], st[1], O, idx[2], st[2], M, idx[3], st[3]));
  } else if (unary !== undefined) {
    const loop = maskedUnary(unary);
    eachRun(w, (idx) => loop(n, A, idx[0], st[0], O, idx[1], st[1], M, idx[2], st[2]));
  }
}
