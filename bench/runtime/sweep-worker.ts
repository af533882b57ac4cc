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
 */
import { createInterface } from "node:readline";
import { CASES, randArray } from "./sweep-cases.js";
import { np } from "../../runtime/np.js";
import { wasm } from "../../runtime/wasm/instance.js";

const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

async function best(f: () => unknown, minTime: number, repeats: number): Promise<number> {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    gc();
    await turn();
    if (dt >= minTime) break;
    n *= dt > 0 ? Math.min(10, Math.max(2, Math.ceil(minTime / Math.max(dt, 1e-9)))) : 10;
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
