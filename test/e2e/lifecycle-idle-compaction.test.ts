/**
 * A shutdown_request that arrives while the kernel compacts its heap after a quiet second
 * (kernel/idle-compaction.ts: one synchronous collection, hundreds of ms, seconds with a large
 * heap) ends the kernel at once: the transport was told the collection started and that the
 * compute's exit needs no JavaScript, and kills it instead of waiting for the collection (before:
 * the exit came when the collection ended, 1.0-1.65 s after the last cell). A kernel_info_request
 * on shell meanwhile is answered by the transport (it has the same content) instead of after it.
 */
import { expect, it } from "vitest";
import { sleep, startKernel } from "./support/kernel.js";

/** Polls the kernel's log until `pattern` has matched `count` times; returns the last match. */
async function logMatch(output: () => string, pattern: RegExp, count: number, timeoutMs: number): Promise<RegExpMatchArray> {
  const global = new RegExp(pattern.source, "g");
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(2)) {
    const all = [...output().matchAll(global)];
    if (all.length >= count) return all[count - 1];
  }
  throw new Error(`no ${count}th ${pattern} in the kernel's log within ${timeoutMs} ms:\n${output()}`);
}

it("a kernel_info_request and a shutdown_request during the idle heap compaction do not wait for it", async () => {
  const k = await startKernel({ env: { STRIDED_LOG: "1" } });
  try {
    // A large live heap (every other object of two million kept: survivors spread over every page),
    // so that the compaction takes long enough to tell a wait from none.
    const cell = "const kept: { i: number; s: string }[] = Array.from({ length: 2_000_000 }, (_, i) => ({ i, s: `k${i}` })).filter((_, i) => i % 2 === 0); kept.length";
    expect((await k.kc.execute(cell, { timeout: 120_000 })).reply.content.status).toBe("ok");
    const first = await logMatch(k.kp.output, /idle: heap compacted in (\d+) ms/, 1, 30_000);
    const compactionMs = Number(first[1]);
    expect(compactionMs, "the compaction must be long enough for this test to tell a wait").toBeGreaterThan(300);
    // Work again, then the next quiet second starts a second compaction of the same heap.
    expect((await k.kc.execute("kept.length", { timeout: 60_000 })).reply.content.status).toBe("ok");
    await logMatch(k.kp.output, /idle: compacting the heap/, 2, 30_000);
    await sleep(30); // the compute's `compacting` frame, written just before that line, is read by the transport by now
    // A front end's kernel_info on shell meanwhile is answered by the transport, not after the collection.
    const tInfo = performance.now();
    const info = await k.kc.kernelInfo(10_000);
    const infoMs = performance.now() - tInfo;
    expect(info.content.status).toBe("ok");
    expect(infoMs, `kernel_info_reply ${infoMs.toFixed(0)} ms after the request; the compaction took ${compactionMs} ms`).toBeLessThan(compactionMs / 4);
    const t = performance.now();
    const reply = await k.kc.shutdown(false, 10_000);
    expect(reply.content).toMatchObject({ status: "ok", restart: false });
    const exit = await Promise.race([k.kp.exited, sleep(10_000).then(() => "still running" as const)]);
    const exitMs = performance.now() - t;
    expect(exit, k.kp.output()).toEqual({ code: 0, signal: null });
    expect(exitMs, `exit ${exitMs.toFixed(0)} ms after the shutdown_request; the compaction took ${compactionMs} ms\n${k.kp.output()}`).toBeLessThan(compactionMs / 2);
  } finally {
    await k.stop();
  }
}, 180_000);
