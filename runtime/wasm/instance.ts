/**
 * The WebAssembly side of the runtime: one shared `WebAssembly.Memory` that holds array data,
 * and one instance of the SIMD loops module over it (built from runtime/wasm/templates by
 * scripts/build-wasm.mjs).
 *
 * Rule: made lazily, once, on first use (never while the module loads, so a startup snapshot
 * of the runtime holds no WebAssembly object). Unavailable, and every caller keeps its
 * JavaScript loop, when: the environment variable STRIDED_NO_WASM is set to anything but ""
 * or "0" (read once, at first use); `WebAssembly` or SIMD is missing (the module fails to
 * compile); or a shared memory cannot be made. The memory is shared so that growing it never
 * detaches the typed arrays already made over it (a non-shared Memory's ArrayBuffer detaches on
 * grow); its maximum is 65536 pages (4 GiB, wasm32's limit).
 * Cost: decoding and compiling ~16 KB of wasm once (about a millisecond).
 */
import { LOOPS_EXPORTS, LOOPS_WASM_BASE64 } from "./generated/loops.js";

/** The loops module's exports, by name. */
export type LoopExports = Record<(typeof LOOPS_EXPORTS)[number], (...args: number[]) => number>;

/**
 * The part of the WebAssembly API used here (the runtime's lib is ES2022 without DOM, which is
 * where TypeScript declares WebAssembly; declared locally so no global type leaks to users).
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Instance: new (m: object, imports: object) => { exports: object };
}

/** The memory and the loops over it. */
export interface WasmRuntime {
  readonly memory: WasmMemory;
  readonly loops: LoopExports;
}

/** wasm32's page count limit: 65536 pages of 64 KiB = 4 GiB. */
export const MAX_PAGES = 65536;

let state: WasmRuntime | null | undefined;

/** Whether STRIDED_NO_WASM asks for the JavaScript loops only. @example wasmDisabledByEnv() // false */
export function wasmDisabledByEnv(): boolean {
  const v = typeof process !== "undefined" ? process.env.STRIDED_NO_WASM : undefined;
  return v !== undefined && v !== "" && v !== "0";
}

/**
 * The wasm runtime, made on first call; null when unavailable (see the file head).
 *
 * @example
 * wasm() === null // false (Node 20 has WebAssembly SIMD; true under STRIDED_NO_WASM=1)
 */
export function wasm(): WasmRuntime | null {
  if (state !== undefined) return state;
  state = null;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (wasmDisabledByEnv() || api === undefined) return null;
  try {
    const bytes = Buffer.from(LOOPS_WASM_BASE64, "base64");
    const module = new api.Module(bytes);
    const memory = new api.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
    const instance = new api.Instance(module, { env: { memory } });
    state = { memory, loops: instance.exports as unknown as LoopExports };
  } catch {
    state = null;
  }
  return state;
}
