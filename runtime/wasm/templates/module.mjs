// The whole WebAssembly module of the runtime's SIMD loops, as WAT text: every loop family
// (binary.mjs, unary.mjs, compare.mjs, masked.mjs, copy.mjs, reduce.mjs) instantiated over its operators and element
// types. The memory is imported: one shared WebAssembly.Memory holding the arrays' data
// (runtime/wasm/heap.ts). scripts/build-wasm.mjs assembles this text with binaryen.
import { BINARY, binary } from "./binary.mjs";
import { UNARY, unary } from "./unary.mjs";
import { COMPARE, compare } from "./compare.mjs";
import { maskedLoops } from "./masked.mjs";
import { copyLoops } from "./copy.mjs";
import { EXTREMA, SEEN, SUMS, WRAPPING_SUMS, addRows, extremum, pairwiseSum, seenBits, wrappingSum } from "./reduce.mjs";

/** The module's WAT text and the names it exports. */
export function moduleText() {
  const funcs = [];
  for (const [op, types] of BINARY) for (const d of types) funcs.push(binary(op, d));
  for (const [op, types] of UNARY) for (const d of types) funcs.push(unary(op, d));
  for (const [op, types] of COMPARE) for (const d of types) funcs.push(compare(op, d));
  funcs.push(...maskedLoops());
  funcs.push(...copyLoops());
  for (const d of SUMS) funcs.push(pairwiseSum(d));
  for (const d of WRAPPING_SUMS) funcs.push(wrappingSum(d));
  for (const [op, types] of EXTREMA) for (const d of types) funcs.push(extremum(op, d));
  funcs.push(addRows());
  for (const d of SEEN) funcs.push(seenBits(d));
  const text = `(module\n (import "env" "memory" (memory 1 65536 shared))\n${funcs.join("\n")}\n)\n`;
  const exports = [...text.matchAll(/\(export "([^"]+)"\)/g)].map((m) => m[1]);
  return { text, exports };
}
