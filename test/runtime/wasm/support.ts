// The wasm tests need WebAssembly SIMD (Node 20 has it). Under STRIDED_NO_WASM=1 the runtime runs
// its JS loops only and these tests skip, saying so; under CI=true a missing wasm is a failure.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { expect } from "vitest";
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

/**
 * The seeded generator of the wasm and out= tests: SEED from the environment (else drawn and
 * printed, so a failure can be replayed with SEED=...), xorshift32 floats in [0, 1).
 */
export function seededRandom(suite: string): { seed: number; rnd: () => number } {
  const seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`${suite}: SEED=${seed} reproduces`);
  let state = seed >>> 0 || 1;
  const rnd = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return { seed, rnd };
}

/**
 * Run `body` (CommonJS, with the BUILT runtime's `np`, `heap`, `timeit` and an async `collect()` that
 * frees dead regions in scope) in a fresh node with `flags` (default `--expose-gc`) and wasm on;
 * `env` adds to the environment (`STRIDED_WASM_CYCLE_MB: "32"`). Its last stdout line, as JSON.
 */
export function inFreshNode<T>(body: string, opts: { flags?: string[]; env?: Record<string, string> } = {}): T {
  const dist = resolve(__dirname, "..", "..", "..", "dist", "runtime");
  const script = `
    const { np } = require(${JSON.stringify(join(dist, "np.js"))});
    const heap = require(${JSON.stringify(join(dist, "wasm", "heap.js"))});
    const { timeit } = require(${JSON.stringify(join(dist, "timeit", "timeit.js"))});
    const collect = async () => { gc(); await new Promise((r) => setImmediate(r)); await new Promise((r) => setImmediate(r)); };
    (async () => { ${body} })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, [...(opts.flags ?? ["--expose-gc"]), "-e", script], { encoding: "utf8", env: { ...process.env, STRIDED_NO_WASM: "", ...opts.env } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}
