/**
 * Cells that rebind or patch the names the kernel itself uses: each is followed by a normal
 * cell, which must answer as usual (kernel/primordials.ts: the kernel's code holds the built-ins
 * it captured at start-up; the type checker runs with the built-ins' own methods).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultText, startKernel, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  await k.kc.execute("const base = 40;", { timeout: 120_000 });
});
afterAll(async () => {
  await k?.stop();
});

const hostile: string[] = [
  "let process = 5;",
  "class Promise {}",
  "console = null as any;",
  "let console = 3;",
  "let JSON = 1;",
  "const Map = 1, Set = 2;",
  "class Array {}",
  "(globalThis as any).JSON = null; (globalThis as any).Map = null;",
  'JSON.stringify = (() => { throw new Error("patched") }) as any;',
  'JSON.parse = (() => { throw new Error("patched") }) as any;',
  'Array.prototype.map = function () { throw new Error("patched map") } as any;',
];

it.each(hostile.map((code, i) => [code, i] as const))("after `%s` the kernel answers the next cell", async (code, i) => {
  const bad = await k.kc.execute(code, { timeout: 60_000 });
  expect(["ok", "error"]).toContain(bad.reply.content.status);
  const { reply, iopub } = await k.kc.execute(`base + ${i}`, { timeout: 60_000 });
  expect(reply.content.status).toBe("ok");
  expect(resultText(iopub)).toBe(String(40 + i));
  expect(k.kp.exitStatus()).toBeNull();
});

it("a top-level declaration hiding a built-in the type checker needs is refused, with the fix", async () => {
  const { reply } = await k.kc.execute("let JSON = 1;", { timeout: 60_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.evalue).toMatch(/declaration of `JSON` would hide the built-in .* use another name/);
  const inBlock = await k.kc.execute("(() => { let JSON = 1; return JSON + 1; })()", { timeout: 60_000 });
  expect(resultText(inBlock.iopub)).toBe("2");
});

it("the patches stay the cell's: its own code sees them", async () => {
  const { reply, iopub } = await k.kc.execute("[1, 2].map((x) => x)", { timeout: 60_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.evalue).toBe("patched map");
  expect(iopub.length).toBeGreaterThan(0);
});
