/**
 * One side of the size sweep: a Node process that times the cases of sweep-cases.ts on request.
 * Reads `case n minTime repeats` lines on stdin, answers one line of JSON with the best seconds
 * per call (and, first, a line saying whether wasm is on). Run twice by sweep.ts: as is (the
 * wasm loops) and with STRIDED_NO_WASM=1 (the JS loops).
 *
 * Timing, like %timeit: autorange to >= minTime per repeat, best (minimum) of `repeats`. Between
 * repeats (not timed) the collector runs (--expose-gc) and the event loop turns once, so dead
 * results are freed (wasm regions go back to their free lists only in a finalizer, between tasks);
 * NumPy frees each result at once by reference counting, and IPython's %timeit pauses its
 * collector while timing, so neither side pays for collection inside the timed loop.
 * A timed loop never makes more results than fit in the wasm allocator's budget (512 MiB,
 * runtime/wasm/heap.ts): past it, in plain Node (no cleanupSome), every further result is an
 * ordinary buffer (fresh pages, JS loops). The autorange used to double past it: astype(float32)
 * at 1e6 went from 70 calls (280 MiB, 0.26 ms a call) to 140 (560 MiB), whose last 14 results were
 * ordinary buffers at 1-30 ms each, ~11 ms on average (the JS conversion, ~1 ms; up to 977
 * first-touch page faults of a fresh 4 MB block; collections V8 starts for the external memory
 * they add), and the row read 1.07 ms (7x NumPy) in two quiet sweeps. The autorange stops at the largest count that fits (at least 1);
 * what the fallback costs is the README's (Known costs of keeping arrays in wasm memory), not this row's.
 */
import { createInterface } from "node:readline";
import { CASES, randArray } from "./sweep-cases.js";
import { np } from "../../runtime/np.js";
import { wasm } from "../../runtime/wasm/instance.js";
import { BUDGET_BYTES, wasmHeapStats } from "../../runtime/wasm/heap.js";

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Wasm bytes allocated so far, and those live now (0, 0 without wasm). */
function wasmBytes(): [number, number] {
  const s = wasmHeapStats();
  return s === null ? [0, 0] : [s.allocatedBytes, s.outstandingBytes];
}

async function best(f: () => unknown, minTime: number, repeats: number): Promise<number> {
  let n = 1;
  let cap = Infinity; // most calls whose results fit in the wasm budget beside what is live (see the file head)
  for (;;) {
    const [a0, live] = wasmBytes();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    const perCall = (wasmBytes()[0] - a0) / n;
    if (perCall > 0) cap = Math.min(cap, Math.max(1, Math.floor((BUDGET_BYTES - live) / perCall)));
    gc();
    await turn();
    if (dt >= minTime || n >= cap) break;
    n = Math.min(cap, n * (dt > 0 ? Math.min(10, Math.max(2, Math.ceil(minTime / Math.max(dt, 1e-9)))) : 10));
  }
  let b = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1e9 / n);
    gc();
    await turn();
  }
  return b;
}

async function main(): Promise<void> {
  process.stdout.write(JSON.stringify({ wasm: wasm() !== null }) + "\n");
  const made = new Map<string, () => unknown>();
  for await (const line of createInterface({ input: process.stdin })) {
    const [name, n, minTime, repeats] = line.trim().split(/\s+/);
    if (name === "sumbits") {
      // the bits of np.sum over the sweep's data: the wasm and JS sides must agree
      const v = new Float64Array([np.sum(randArray(Number(n), 1))]);
      process.stdout.write(JSON.stringify(Buffer.from(v.buffer).toString("hex")) + "\n");
      continue;
    }
    const key = `${name} ${n}`;
    let f = made.get(key);
    if (f === undefined) {
      const c = CASES.find((k) => k.name === name);
      if (c === undefined) throw new Error(`unknown case ${name}`);
      made.clear(); // one case's operands at a time (1e7 float64 operands are 80 MB each)
      gc();
      f = c.make(Number(n));
      made.set(key, f);
    }
    process.stdout.write(JSON.stringify(await best(f, Number(minTime), Number(repeats))) + "\n");
  }
}

void main();
