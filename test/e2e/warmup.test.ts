/**
 * The compiler warms up after start-up in steps (kernel/session/index.ts, typecheck/host.ts
 * warmSteps): shell requests that arrive meanwhile are answered between steps, not after the
 * whole warm-up. From the startup snapshot the warm-up is ~10 ms (the lib is parsed in the blob),
 * so this runs the kernel without it (`strided kernel`, the fallback when the blob is missing or
 * stale), where it takes ~1-2 s: kernel_info_request round trips are sent every 50 ms from the
 * moment the cell session exists (an is_complete_request, which the compute's dispatcher answers
 * without waiting for the warm-up, marks it) until the kernel logs "compiler warm"; several must be
 * answered before that line (none would be if the warm-up ran in one piece). No time is asserted:
 * the order of the replies and the log line is what the test reads.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, resultText, sleep, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
let dir: string;
beforeAll(async () => {
  // A kernel.json-style launcher for `strided kernel CONN`: the transport starts the compute without the blob.
  dir = mkdtempSync(join(tmpdir(), "strided-warmup-"));
  const launcher = join(dir, "no-blob-kernel");
  writeFileSync(launcher, `exec "$1" ${JSON.stringify(BIN)} kernel "$2"\n`);
  k = await startKernel({ launcher, env: { STRIDED_LOG: "1" } });
});
afterAll(async () => {
  await k?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it("kernel_info_requests sent during the warm-up are answered between its steps, before it ends", async () => {
  expect((await k.kc.request("shell", "is_complete_request", { code: "1" }, { timeout: 60_000 })).header.msg_type).toBe("is_complete_reply");
  const warm = (): boolean => k.kp.output().includes("compiler warm");
  expect(warm()).toBe(false); // the blob-less warm-up is under way (it parses the lib)
  let answeredBefore = 0;
  const probes: Promise<void>[] = [];
  for (let sent = 0; !warm() && sent < 1200; sent++) {
    probes.push(k.kc.kernelInfo(60_000).then(() => void (warm() || answeredBefore++)));
    await sleep(50);
  }
  await Promise.all(probes);
  console.log(`kernel_info replies before "compiler warm": ${answeredBefore} of ${probes.length}`);
  expect(warm()).toBe(true);
  expect(answeredBefore).toBeGreaterThanOrEqual(3);
  const first = await k.kc.execute("1 + 1", { timeout: 60_000 });
  expect(resultText(first.iopub)).toBe("2");
}, 120_000);
