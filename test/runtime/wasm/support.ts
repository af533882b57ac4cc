// The wasm tests need WebAssembly SIMD (Node 20 has it). Under STRIDED_NO_WASM=1 the runtime runs
// its JS loops only and these tests skip, saying so; under CI=true a missing wasm is a failure.
import { wasm, wasmDisabledByEnv } from "../../../runtime/wasm/instance.js";

/** True when the wasm tests must skip (STRIDED_NO_WASM set); throws under CI when wasm is missing. */
export function requireOrSkip(): boolean {
  if (wasmDisabledByEnv()) {
    console.warn("!!!!! wasm tests skipped: STRIDED_NO_WASM is set (the JS loops run alone)");
    return true;
  }
  if (wasm() === null) {
    if (process.env.CI === "true") throw new Error("WebAssembly SIMD is not available in this Node");
    console.warn("!!!!! wasm tests skipped: WebAssembly SIMD is not available in this Node");
    return true;
  }
  return false;
}
