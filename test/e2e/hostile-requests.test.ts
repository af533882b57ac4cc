/**
 * Requests whose text is pathological, answered at once and clearly (issue 11): patterns that made
 * the kernel's regular expressions backtrack for good (a history search of 10,000 stars; `exit` or a
 * help request followed by a long run of spaces, read for every execute and is_complete), and cells
 * nested deeper than TypeScript's parser can go (a RecursionError and `invalid`, not an InternalError
 * with TypeScript's frames or an is_complete reply of status "error"). Each case: answered within
 * seconds, the kernel alive, a variable declared before intact, the checker sound afterwards.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultText, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  const decl = await k.kc.execute("let kept = 41;");
  expect(decl.reply.content.status).toBe("ok");
});
afterAll(async () => {
  await k?.stop();
});

async function expectAlive(): Promise<void> {
  expect(k.kp.exitStatus()).toBeNull();
  const after = await k.kc.execute("type Pair<T> = [T, T]; const pair: Pair<number> = [kept, 1]; pair[0] + pair[1]", { timeout: 20_000 });
  expect(after.reply.content.status).toBe("ok");
  expect(resultText(after.iopub)).toBe("42");
}

it("a history search whose glob has 10,000 stars answers at once", async () => {
  const t0 = Date.now();
  const r = await k.kc.request<{ status: string; history: unknown[] }>("shell", "history_request", { hist_access_type: "search", pattern: "*".repeat(10_000) + "q", n: 5, raw: true, output: false, unique: false }, { timeout: 20_000 });
  expect(r.content.status).toBe("ok");
  expect(r.content.history).toEqual([]);
  const hit = await k.kc.request<{ history: [number, number, string][] }>("shell", "history_request", { hist_access_type: "search", pattern: "*".repeat(10_000) + "kept*", n: 5, raw: true, output: false, unique: false });
  expect(hit.content.history.map((h) => h[2])).toContain("let kept = 41;");
  expect(Date.now() - t0).toBeLessThan(5000);
  await expectAlive();
});

it.each([
  ["exit, 20,000 spaces, then more", `exit${" ".repeat(20_000)}+ 1`],
  ["a help request's name, 100,000 spaces, then more", `?kept${" ".repeat(100_000)}+ 1`],
  ["100,000 spaces, then something that is no name", `${" ".repeat(100_000)}kept + 1 ;`],
])("execute and is_complete of %s: answered at once, as TypeScript reads it", async (_what, code) => {
  const t0 = Date.now();
  const ic = await k.kc.request<{ status: string }>("shell", "is_complete_request", { code }, { timeout: 20_000 });
  expect(["complete", "invalid"]).toContain(ic.content.status);
  const r = await k.kc.execute(code, { timeout: 20_000 });
  expect(["ok", "error"]).toContain(r.reply.content.status);
  expect(r.reply.content.payload ?? []).toEqual([]); // neither a help page nor an exit
  expect(Date.now() - t0).toBeLessThan(5000);
  await expectAlive();
});

it.each([
  ["20,000 nested parentheses", `${"(".repeat(20_000)}1${")".repeat(20_000)}`],
  ["a 3,000-deep array literal", `const deep = ${"[".repeat(3000)}${"]".repeat(3000)}; 1`],
  ["20,000 unclosed calls", "np.zeros(".repeat(20_000)],
])("%s: a RecursionError that says so, is_complete invalid, the checker sound afterwards", async (_what, code) => {
  const r = await k.kc.execute(code, { timeout: 20_000 });
  expect(r.reply.content.status).toBe("error");
  expect(r.reply.content.ename).toBe("RecursionError");
  expect(String(r.reply.content.evalue)).toContain("nests too deeply");
  expect(JSON.stringify(r.reply.content.traceback)).not.toContain("typescript.js");
  const ic = await k.kc.request<{ status: string }>("shell", "is_complete_request", { code });
  expect(ic.content.status).toBe("invalid");
  await expectAlive();
});

it("a malformed comm_info_request (target_name not a string) gets its error reply, as the other requests do", async () => {
  const r = await k.kc.request<{ status: string; ename: string; evalue: string }>("shell", "comm_info_request", { target_name: 7 }, { timeout: 5000 });
  expect(r.header.msg_type).toBe("comm_info_reply");
  expect(r.content).toMatchObject({ status: "error", ename: "BadRequest" });
  expect(r.content.evalue).toContain("target_name");
  await expectAlive();
});
