// The wasm heap (runtime/wasm/heap.ts): size classes, freeing when `data` dies, no use after free
// through a kept `a.data`, and a bounded footprint for loops making many 8 MB temporaries.
import { describe, expect, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { BUDGET_BYTES, NUDGE_BYTES, allocationOf, classBytes, classOf, inWasmMemory, wasmHeapStats } from "../../../runtime/wasm/heap.js";
import { inFreshNode, requireOrSkip } from "./support.js";

const skip = requireOrSkip();
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("size classes", () => {
  it("round up by less than 64 bytes up to 1 KiB, by at most 25% above, stay 64-byte aligned, and decode back", () => {
    for (let bytes = 1; bytes < 3_000_000; bytes = Math.ceil(bytes * 1.07) + 1) {
      const [idx, size] = classOf(bytes);
      expect(size).toBeGreaterThanOrEqual(bytes);
      if (bytes > 1024) expect(size).toBeLessThanOrEqual(bytes * 1.25);
      else expect(size - bytes).toBeLessThan(64);
      expect(size % 64).toBe(0);
      expect(classBytes(idx)).toBe(size);
    }
  });

  it("give the smallest class that holds the bytes, up to 4 GiB (every class boundary and its neighbours)", () => {
    const points: number[] = [];
    for (let idx = 0; classBytes(idx) <= 2 ** 32; idx++) {
      const c = classBytes(idx);
      points.push(c - 1, c, c + 1);
    }
    for (const bytes of points) {
      if (bytes < 1 || bytes > 2 ** 32) continue;
      const [idx, size] = classOf(bytes);
      expect(size).toBeGreaterThanOrEqual(bytes);
      if (idx > 0) expect(classBytes(idx - 1)).toBeLessThan(bytes);
      expect(classBytes(idx)).toBe(size);
    }
    expect(classOf(2 ** 32)).toEqual([103, 2 ** 32]);
  });
});

describe.skipIf(skip)("the wasm heap", () => {
  it("puts arrays of >= 1 KiB in wasm memory, each its own allocation", () => {
    const a = np.zeros([1000]);
    const b = np.zeros([1000]);
    expect(inWasmMemory(a.data.buffer)).toBe(true);
    expect(allocationOf(a.data).key).not.toBe(allocationOf(b.data).key);
    expect(np.shares_memory(a, b)).toBe(false);
    expect(np.shares_memory(a, a.get("::2"))).toBe(true);
    expect(allocationOf(a.get("1:5").data).key).toBe(allocationOf(a.data).key); // a view is in its owner's allocation
  });

  it("a kept a.data outlives its arrays: its region is not reused while it is reachable", async () => {
    let a: ReturnType<typeof np.zeros> | null = np.zeros([100_000]);
    const data = a.data as Float64Array;
    data.fill(42);
    const region = allocationOf(data);
    a = null;
    // churn: allocate and drop arrays of the same size class while only `data` is kept
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 20; i++) {
        const t = np.zeros([100_000]);
        expect(allocationOf(t.data).key).not.toBe(region.key);
        (t.data as Float64Array).fill(-1);
      }
      await turn();
    }
    expect(data.every((x) => x === 42)).toBe(true);
  });

  it("frees the region of a dead array and hands it out again (after a collection and an event-loop turn)", async () => {
    const before = wasmHeapStats()!.freedBytes;
    for (let i = 0; i < 400; i++) {
      np.zeros([1_000_000]); // 8 MB, dropped at once
      if (i % 10 === 0) await turn();
    }
    await turn();
    expect(wasmHeapStats()!.freedBytes).toBeGreaterThan(before);
  });

  it("10,000 temporaries of 8 MB, one per event-loop turn: the footprint stays bounded", async () => {
    let peak = 0;
    for (let i = 0; i < 10_000; i++) {
      const t = np.zeros([1_000_000]);
      const d = t.data as Float64Array;
      for (let k = 0; k < d.length; k += 512) d[k] = i; // touch every page: the memory is really used
      peak = Math.max(peak, wasmHeapStats()!.outstandingBytes);
      await turn();
    }
    const s = wasmHeapStats()!;
    // without freeing this would be 80 GB; the nudges let the collector free regions as they go
    expect(peak).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(s.memoryBytes).toBeLessThanOrEqual(2 * (BUDGET_BYTES + NUDGE_BYTES));
    expect(process.memoryUsage().rss).toBeLessThan(3 * 2 ** 30);
  }, 600_000);

  it("10,000 temporaries of 8 MB in one synchronous loop: wasm memory stops at the budget, the rest are ordinary buffers", () => {
    let inWasm = 0;
    for (let i = 0; i < 10_000; i++) {
      const t = np.zeros([1_000_000]);
      if (inWasmMemory(t.data.buffer)) inWasm++;
      expect(wasmHeapStats()!.outstandingBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    }
    // finalizers cannot run inside one synchronous loop, so most of them cannot be in wasm memory
    expect(inWasm).toBeLessThanOrEqual(BUDGET_BYTES / 8e6 + 1);
    expect(wasmHeapStats()!.memoryBytes).toBeLessThanOrEqual(2 * (BUDGET_BYTES + NUDGE_BYTES));
  }, 600_000);
});

describe.skipIf(skip)("STRIDED_WASM_BUDGET_MB and STRIDED_WASM_CYCLE_MB", () => {
  it("set but blank, they are unset (the 512 MiB budget), as STRIDED_NO_WASM is; a number is read as MiB", async () => {
    const { spawnSync } = await import("node:child_process");
    const { join, resolve } = await import("node:path");
    const dist = resolve(__dirname, "..", "..", "..", "dist", "runtime");
    const script = `
      const { np } = require(${JSON.stringify(join(dist, "np.js"))});
      const heap = require(${JSON.stringify(join(dist, "wasm", "heap.js"))});
      const inWasm = heap.inWasmMemory(np.zeros([1000]).data.buffer);
      console.log(JSON.stringify({ inWasm, budget: heap.BUDGET_BYTES, cycle: heap.CYCLE_BYTES }));`;
    const run = (budget: string, cycle: string): { inWasm: boolean; budget: number; cycle: number } => {
      const r = spawnSync(process.execPath, ["-e", script], {
        encoding: "utf8",
        env: { ...process.env, STRIDED_NO_WASM: "", STRIDED_WASM_BUDGET_MB: budget, STRIDED_WASM_CYCLE_MB: cycle },
      });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split("\n").pop()!) as { inWasm: boolean; budget: number; cycle: number };
    };
    // blank: Number("") is 0, which was a budget of 0 bytes (every array an ordinary buffer, JS loops)
    expect(run("", "")).toEqual({ inWasm: true, budget: 512 * 2 ** 20, cycle: 32 * 2 ** 20 });
    expect(run("  ", " ")).toEqual({ inWasm: true, budget: 512 * 2 ** 20, cycle: 32 * 2 ** 20 });
    expect(run("256", "64")).toEqual({ inWasm: true, budget: 256 * 2 ** 20, cycle: 64 * 2 ** 20 });
    expect(run("0", "")).toEqual({ inWasm: false, budget: 0, cycle: 32 * 2 ** 20 }); // 0 still means no wasm memory for arrays
  }, 60_000);
});

describe.skipIf(skip)("with FinalizationRegistry.prototype.cleanupSome (node --harmony-weak-refs-with-cleanup-some)", () => {
  it("a synchronous loop of 2,000 results of 8 MB keeps them in wasm memory (dead regions reused inside the loop)", async () => {
    const { spawnSync } = await import("node:child_process");
    const { join, resolve } = await import("node:path");
    const { existsSync } = await import("node:fs");
    const dist = resolve(__dirname, "..", "..", "..", "dist", "runtime");
    expect(existsSync(join(dist, "np.js")), "dist/ is built by npm test before vitest").toBe(true);
    const script = `
      const { np } = require(${JSON.stringify(join(dist, "np.js"))});
      const { inWasmMemory, wasmHeapStats, BUDGET_BYTES } = require(${JSON.stringify(join(dist, "wasm", "heap.js"))});
      const a = np.ones([1000000]), b = np.ones([1000000]);
      let inWasm = 0, over = 0;
      for (let i = 0; i < 2000; i++) {
        const r = np.add(a, b);
        if (inWasmMemory(r.data.buffer)) inWasm++;
        if (wasmHeapStats().outstandingBytes > BUDGET_BYTES) over++;
      }
      console.log(JSON.stringify({ cleanupSome: typeof FinalizationRegistry.prototype.cleanupSome, inWasm, over, budget: BUDGET_BYTES }));`;
    const r = spawnSync(process.execPath, ["--harmony-weak-refs-with-cleanup-some", "-e", script], { encoding: "utf8", env: { ...process.env, STRIDED_NO_WASM: "" } });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout.trim().split("\n").pop()!) as { cleanupSome: string; inWasm: number; over: number; budget: number };
    expect(got.cleanupSome).toBe("function");
    expect(got.over).toBe(0);
    // without cleanupSome at most budget / 8 MB (64) of them could be (the synchronous-loop test above)
    expect(got.inWasm).toBeGreaterThan(got.budget / 8e6 * 4);
  }, 600_000);
});

describe.skipIf(skip)("with a collector (setCollector, as the kernel installs its gc) and cleanupSome", () => {
  it("the cycle adapts to what a collection costs: 6.4 MiB per ms, from 32 MiB to the budget less 64 MiB", async () => {
    const heap = await import("../../../runtime/wasm/heap.js");
    const spin = (ms: number) => () => {
      const t = performance.now();
      while (performance.now() - t < ms);
    };
    const s0 = heap.wasmHeapStats()!;
    try {
      heap.setCollector(spin(0));
      expect(heap.reclaimWasm()).toBe(true);
      expect(heap.CYCLE_BYTES).toBe(32 * 2 ** 20);
      heap.setCollector(spin(20));
      heap.reclaimWasm();
      expect(heap.CYCLE_BYTES).toBeGreaterThanOrEqual(20 * 6.4 * 2 ** 20);
      expect(heap.CYCLE_BYTES).toBeLessThanOrEqual(heap.BUDGET_BYTES - 64 * 2 ** 20);
      heap.setCollector(spin(200));
      heap.reclaimWasm();
      expect(heap.CYCLE_BYTES).toBe(Math.max(heap.BUDGET_BYTES / 2, heap.BUDGET_BYTES - 64 * 2 ** 20));
      const s1 = heap.wasmHeapStats()!;
      expect(s1.collections - s0.collections).toBe(3);
      expect(s1.collectMs - s0.collectMs).toBeGreaterThanOrEqual(220);
      expect(s1.collectMs - s0.collectMs).toBeLessThan(10_000);
    } finally {
      heap.setCollector(null);
    }
  });
  it("a synchronous loop collects through the collector every CYCLE_BYTES and reuses its own regions: wasm memory stays near one cycle", () => {
    const got = inFreshNode<{ calls: number; inWasm: number; memory: number; allocated: number; cycle: number }>(
      `
      const v8 = require("node:v8"), vm = require("node:vm");
      v8.setFlagsFromString("--expose-gc");
      const gc = vm.runInNewContext("gc");
      let calls = 0;
      heap.setCollector(() => { calls++; gc(); });
      const a = np.ones([100000]), b = np.ones([100000]); // 800 KB results (class 832 KB)
      let inWasm = 0;
      for (let i = 0; i < 1000; i++) if (heap.inWasmMemory(np.add(a, b).data.buffer)) inWasm++;
      const s = heap.wasmHeapStats();
      console.log(JSON.stringify({ calls, inWasm, memory: s.memoryBytes, allocated: s.allocatedBytes, cycle: heap.CYCLE_BYTES }));`,
      { flags: ["--harmony-weak-refs-with-cleanup-some"], env: { STRIDED_WASM_CYCLE_MB: "32" } },
    );
    expect(got.cycle).toBe(32 * 2 ** 20);
    expect(got.inWasm).toBe(1000);
    // ~800 MB allocated in 32 MB cycles: a collection per cycle, through the collector given
    expect(got.calls).toBeGreaterThanOrEqual(Math.floor(got.allocated / got.cycle) - 1);
    // regions reused: the memory holds about one cycle (doubling growth), not the 512 MB budget
    expect(got.memory).toBeLessThanOrEqual(4 * got.cycle);
  }, 600_000);
});


describe.skipIf(skip)("free regions serve other sizes (split, merge)", () => {
  it("a process walking many sizes stays near its peak of live bytes; live arrays never overlap; np.zeros stays zero", async () => {
    const got = inFreshNode<{ peak: number; extent: number; memory: number; free: number; outstanding: number; merges: number; overlaps: number; nonzero: number }>(`
      let peak = 0, overlaps = 0, nonzero = 0;
      for (let n = 10; n < 125000; n = Math.ceil(n * 1.09)) {
        const live = [];
        for (let k = 0; k < 8; k++) {
          const z = np.zeros([n + k * 3]);
          if (z.data.some((v) => v !== 0)) nonzero++;
          live.push(np.add(z, 1.5)); // an unfilled result too
          live.push(z);
        }
        peak = Math.max(peak, heap.wasmHeapStats().outstandingBytes);
        const spans = live.map((a) => [a.data.byteOffset, a.data.byteOffset + a.data.byteLength]).sort((x, y) => x[0] - y[0]);
        for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) overlaps++;
        for (const a of live) a.data.fill(7); // dirty: a region handed out again must not show it through np.zeros
        live.length = 0;
        await collect();
      }
      const s = heap.wasmHeapStats();
      console.log(JSON.stringify({ peak, extent: s.extentBytes, memory: s.memoryBytes, free: s.freeBytes, outstanding: s.outstandingBytes, merges: s.merges, overlaps, nonzero }));`);
    expect(got.overlaps).toBe(0);
    expect(got.nonzero).toBe(0);
    expect(got.extent).toBe(got.outstanding + got.free); // every byte handed out is live or free, once
    expect(got.merges).toBeGreaterThan(0);
    // peak live ~16 MB (16 arrays of 1 MB at most, the last size); with a list per size class kept
    // for good (the allocator before merging) the walk took ~12x that, one set of regions per class
    expect(got.extent).toBeLessThanOrEqual(2 * got.peak);
    expect(got.memory).toBeLessThanOrEqual(4 * got.peak); // the memory grows by doubling
  }, 120_000);

  it("a region freed by a large array is split for smaller ones, without growing", async () => {
    const got = inFreshNode<{ big: [number, number]; small: number[]; grew: boolean }>(`
      // made and dropped in a function: an async function's frame may keep its temporaries across an await
      const made = () => { const big = np.zeros([100000]); return [big.data.byteOffset, big.data.byteOffset + big.data.byteLength]; }; // 800,000 bytes
      const span = made();
      await collect();
      const before = heap.wasmHeapStats().extentBytes;
      const keep = [];
      for (let i = 0; i < 7; i++) keep.push(np.zeros([12000])); // 96,000 bytes each, 7 fit in 800,000
      console.log(JSON.stringify({ big: span, small: keep.map((a) => a.data.byteOffset), grew: heap.wasmHeapStats().extentBytes > before }));`);
    expect(got.grew).toBe(false);
    for (const p of got.small) {
      expect(p).toBeGreaterThanOrEqual(got.big[0]);
      expect(p + 96000).toBeLessThanOrEqual(got.big[1]);
    }
  });
});
