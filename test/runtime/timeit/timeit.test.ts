/**
 * timeit's measurement plan with a fake clock: autorange, repeat, setup, allocation per loop,
 * async functions, and the bundle it displays as.
 */
import { describe, expect, it } from "vitest";
import { timeit } from "../../../runtime/timeit/timeit.js";
import { TimeitResult } from "../../../runtime/timeit/result.js";
import { allocationText } from "../../../runtime/timeit/html.js";
import { allocate } from "../../../runtime/core/alloc.js";
import { DISPLAY } from "../../../runtime/display/protocol.js";
import { reclaimWasm, setCollector, wasmHeapStats } from "../../../runtime/wasm/heap.js";
import { inFreshNode } from "../wasm/support.js";

/** A clock that only moves when the timed function says so. */
function fakeClock(): { now: () => number; advance: (s: number) => void } {
  let t = 0;
  return { now: () => t, advance: (s) => (t += s) };
}

describe("autorange (IPython: number = 10^k until one trial takes >= 0.2 s)", () => {
  it.each([
    // seconds per call, loops IPython picks
    [1, 1],
    [0.25, 1],
    [0.15, 10],
    [0.025, 10],
    [0.019, 100],
    [1e-4, 10_000],
    [1e-6, 1_000_000],
  ])("a call of %s s runs %s loops per run", (perCall, loops) => {
    const clock = fakeClock();
    let calls = 0;
    const r = timeit(() => {
      calls++;
      clock.advance(perCall);
    }, { timer: clock.now });
    expect(r.loops).toBe(loops);
    expect(r.repeat).toBe(7);
    expect(r.all_runs).toHaveLength(7);
    // trials 1, 10, ..., loops, then 7 runs of loops
    let trials = 0;
    for (let n = 1; n <= loops; n *= 10) trials += n;
    expect(calls).toBe(trials + 7 * loops);
    expect(r.best).toBeCloseTo(perCall, 12);
  });
});

describe("options", () => {
  it("number and repeat skip autorange", () => {
    const clock = fakeClock();
    let calls = 0;
    const r = timeit(() => {
      calls++;
      clock.advance(0.001);
    }, { number: 3, repeat: 2, timer: clock.now });
    expect([r.loops, r.repeat, calls]).toEqual([3, 2, 6]);
    expect(r.all_runs.map((x) => Math.round(x * 1e6))).toEqual([3000, 3000]);
  });

  it("setup runs once before every run and is not timed", () => {
    const clock = fakeClock();
    let setups = 0;
    const r = timeit(() => clock.advance(0.001), {
      number: 5,
      repeat: 4,
      timer: clock.now,
      setup: () => {
        setups++;
        clock.advance(100);
      },
    });
    expect(setups).toBe(4);
    expect(r.worst).toBeCloseTo(0.001, 9);
  });

  it("best, worst, average and stdev are per loop, stdev is the population one", () => {
    const clock = fakeClock();
    const per = [1, 2, 3, 4];
    let run = 0;
    const r = timeit(() => clock.advance(per[Math.floor(run++ / 2)]), { number: 2, repeat: 4, timer: clock.now });
    expect([r.best, r.worst, r.average]).toEqual([1, 4, 2.5]);
    expect(r.stdev).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(r.timings).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [{ repeat: 0 }, "repeat must be a positive integer, got 0"],
    [{ number: 1.5 }, "number must be a positive integer, got 1.5"],
  ])("rejects %j", (opts, msg) => {
    expect(() => timeit(() => 1, opts)).toThrow(msg);
  });

  it("names the fix when given something that is not a function", () => {
    expect(() => timeit(42 as unknown as () => unknown)).toThrow("timeit expects a function to call, e.g. timeit(() => np.add(x, y)), got number");
  });
});

describe("allocation per loop (from runtime/core/alloc.ts, timed calls only)", () => {
  it.each([
    ["float64", 10, 80, 1],
    ["int32", 1000, 4000, 1],
    ["uint8", 0, 0, 1],
  ] as const)("a call allocating %s x %s counts %s bytes, %s buffer", (dtype, n, bytes, buffers) => {
    const clock = fakeClock();
    const r = timeit(() => {
      allocate(dtype, n, [n]);
      clock.advance(0.01);
    }, { timer: clock.now, setup: () => allocate("float64", 1000, [1000]) });
    expect(r.bytesPerLoop).toBe(bytes);
    expect(r.buffersPerLoop).toBe(buffers);
  });

  it.each([
    [8000, 1, "8,000 bytes (7.81 KiB) allocated per loop in 1 buffer"],
    [80, 1, "80 bytes allocated per loop in 1 buffer"],
    [16000, 2, "16,000 bytes (15.63 KiB) allocated per loop in 2 buffers"],
    [12.5, 0.25, "13 bytes on average allocated per loop in 0.25 buffers"],
    [0, 0, "no array allocated per loop"],
  ])("allocationText(%s, %s) = %s", (bytes, buffers, want) => {
    expect(allocationText(bytes, buffers)).toBe(want);
  });

  it("a call that allocates nothing reports 0 and says so", () => {
    const clock = fakeClock();
    const r = timeit(() => clock.advance(0.3), { timer: clock.now });
    expect(r.bytesPerLoop).toBe(0);
    expect(r[DISPLAY]()["text/html"]).toContain("no array allocated per loop");
  });
});

describe("async functions are awaited", () => {
  it("returns a promise and awaits every call in order", async () => {
    const clock = fakeClock();
    let running = 0;
    let maxRunning = 0;
    let calls = 0;
    const p = timeit(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setImmediate(r));
      clock.advance(0.05);
      calls++;
      running--;
    }, { timer: clock.now, repeat: 3 });
    expect(p).toBeInstanceOf(Promise);
    const r = await p;
    expect(r).toBeInstanceOf(TimeitResult);
    expect(maxRunning).toBe(1);
    expect(r.loops).toBe(10);
    // the first (probing) call, then trials 1 and 10, then 3 runs of 10
    expect(calls).toBe(1 + 1 + 10 + 30);
    expect(r.best).toBeCloseTo(0.05, 9);
  });
});

describe("display", () => {
  const make = (runs: number[], loops = 1000): TimeitResult =>
    new TimeitResult({ loops, repeat: runs.length, all_runs: runs, bytesAllocated: 8000 * loops * runs.length, buffersAllocated: loops * runs.length });

  it("text/plain is IPython's line; html has one dot per run and the allocation", () => {
    const r = make([1.2, 1.25, 1.3, 1.22, 1.21, 1.24, 1.23]);
    const b = r[DISPLAY]();
    expect(b["text/plain"]).toBe(String(r));
    expect(String(r)).toMatch(/^1\.2\d ms \u00b1 [\d.]+ \u00b5s per loop \(mean \u00b1 std\. dev\. of 7 runs, 1,000 loops each\)$/);
    expect(b["text/html"].match(/class="timeit-run"/g)).toHaveLength(7);
    expect(b["text/html"]).toContain("8,000 bytes (7.81 KiB) allocated per loop in 1 buffer");
    expect(b["text/html"]).not.toMatch(/<script|<style/);
    expect(b["text/html"]).not.toMatch(/(fill|stroke)="var\(/);
  });

  it("the caching warning comes first in text/plain and in the html", () => {
    const r = make([1, 1, 1, 1, 1, 1, 5]);
    const b = r[DISPLAY]();
    expect(b["text/plain"].split("\n")[0]).toBe(
      "The slowest run took 5.00 times longer than the fastest. This could mean that an intermediate result is being cached.",
    );
    expect(b["text/plain"].split("\n")[1]).toBe(String(r));
    expect(b["text/html"]).toContain("timeit-warning");
  });

  it("a single run of a single loop draws one dot", () => {
    const r = make([0.5], 1);
    expect(String(r)).toBe("500 ms \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)");
    expect(r[DISPLAY]()["text/html"].match(/class="timeit-run"/g)).toHaveLength(1);
  });
});

describe.skipIf(wasmHeapStats() === null)("between runs, timeit collects (untimed) when a run allocated wasm memory", () => {
  it("calls the collector between runs and trials, never between a run's two clock readings", () => {
    const events: string[] = [];
    let t = 0;
    setCollector(() => events.push("gc"));
    try {
      reclaimWasm(); // what earlier tests allocated
      events.length = 0;
      const r = timeit(() => {
        allocate("float64", 200_000, [200_000]); // 1.6 MB in wasm memory
        t += 0.3;
      }, { timer: () => (events.push("t"), t), repeat: 4 });
      expect(r.loops).toBe(1);
      // 1 trial + 4 runs: clock pairs t t, with one collection between consecutive pairs
      expect(events.join(" ")).toBe("t t gc t t gc t t gc t t gc t t");
    } finally {
      setCollector(null);
    }
  });
  it("collects before the first run what was allocated before timeit", () => {
    const events: string[] = [];
    setCollector(() => events.push("gc"));
    try {
      allocate("float64", 200_000, [200_000]);
      let t = 0;
      timeit(() => (t += 1), { timer: () => (events.push("t"), t), number: 1, repeat: 2 });
      expect(events.join(" ")).toBe("gc t t t t");
    } finally {
      setCollector(null);
    }
  });
  it("does not collect when the runs allocate (almost) nothing in wasm memory", () => {
    let calls = 0;
    setCollector(() => calls++);
    try {
      reclaimWasm();
      calls = 0;
      const x = new Float64Array(1000);
      timeit(() => x.fill(1), { number: 100, repeat: 5 });
      timeit(() => allocate("float64", 8, [8]), { number: 100, repeat: 5 }); // on the JS heap
      expect(calls).toBe(0);
    } finally {
      setCollector(null);
    }
  });
});


describe.skipIf(wasmHeapStats() === null)("autorange stops before a run would make the allocator collect inside it", () => {
  it("with a collector and cleanupSome (the kernel's), a run's results fit in one cycle: the collector runs only between runs", () => {
    const got = inFreshNode<{ loops: number; calls: number; inWasm: number; collections: number; cycle: number }>(
      `
      const a = np.ones([1000000]), b = np.ones([1000000]); // 8 MB results (class 8 MiB)
      let inWasm = 0, calls = 0;
      const c0 = heap.wasmHeapStats().collections;
      const r = timeit(() => { calls++; if (heap.inWasmMemory(np.add(a, b).data.buffer)) inWasm++; }, { repeat: 3 });
      console.log(JSON.stringify({ loops: r.loops, calls, inWasm, collections: heap.wasmHeapStats().collections - c0, cycle: heap.CYCLE_BYTES }));`,
      { flags: ["--expose-gc", "--harmony-weak-refs-with-cleanup-some"], env: { STRIDED_WASM_CYCLE_MB: "32" } },
    );
    expect(got.cycle).toBe(32 * 2 ** 20);
    // 10 calls (80 MiB) would not fit in a 32 MiB cycle: 1 loop per run (IPython's autorange: ~1,000)
    expect(got.loops).toBe(1);
    expect(got.inWasm).toBe(got.calls);
    // one trial and 3 runs: at most one collection before each, none inside
    expect(got.collections).toBeLessThanOrEqual(4);
  }, 600_000);
});
