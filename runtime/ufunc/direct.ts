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
import { inWasmMemory } from "../wasm/heap.js";
import { MIN_RUN } from "../wasm/loops.js";
import { f64Entry, type UFuncDef, type UFuncOptions } from "./apply.js";

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

/** Whether `st` are exactly the C strides of `sh` for 8-byte items (length-1 axes included). */
function exactC8(sh: readonly number[], st: readonly number[]): boolean {
  if (sh.length !== st.length) return false;
  let s = 8;
  for (let i = sh.length - 1; i >= 0; i--) {
    if (st[i] !== s) return false;
    const d = sh[i];
    s *= d > 1 ? d : 1;
  }
  return true;
}

/** Equal shapes (the same frozen array, or equal lengths along every axis). */
function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
  if (!exactC8(sh, out._strides) || !exactC8(sh, x._strides) || !exactC8(sh, y._strides)) return null;
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
