/**
 * A user's first Shift-Tab, Tab or Enter in `jupyter console` can reach a fresh kernel before its
 * compute has loaded the TypeScript compiler (the transport answers kernel_info ~0.3 s after launch;
 * the compute deserialises its blob, then loads the compiler's module in its warm-up). Those
 * requests wait for the module instead of being answered "nothing found" (inspect), no matches
 * (complete) or "unknown" (is_complete): before the fix, a fresh kernel's first inspect of `np`
 * said found: false and the second, the same request, found it.
 */
import { afterEach, expect, it } from "vitest";
import { startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel | undefined;
afterEach(async () => {
  await k?.stop();
  k = undefined;
});

it("inspect, complete and is_complete sent right after kernel_info get their real answers", async () => {
  k = await startKernel();
  const kc = k.kc;
  // all three at once, the moment the kernel answered kernel_info
  const [inspect, complete, isComplete] = await Promise.all([
    kc.request("shell", "inspect_request", { code: "np", cursor_pos: 2, detail_level: 0 }, { timeout: 60_000 }),
    kc.request("shell", "complete_request", { code: "np.zer", cursor_pos: 6 }, { timeout: 60_000 }),
    kc.request("shell", "is_complete_request", { code: "for (let i = 0; i < 3; i++) {" }, { timeout: 60_000 }),
  ]);
  const ic = inspect.content as { status: string; found: boolean; data: Record<string, string> };
  expect(ic.status).toBe("ok");
  expect(ic.found).toBe(true);
  expect(ic.data["text/plain"]).toContain("const np: Np");
  expect((complete.content as { matches: string[] }).matches).toContain("zeros");
  expect((isComplete.content as { status: string }).status).toBe("incomplete");
}, 90_000);
