/**
 * A SIGINT that lands while the compute's main thread goes from reading an execute_request to the
 * checker's interruptible window (before the agent worker is up, the main thread alone polls
 * Node's SIGINT watchdog, between event-loop turns) is pending when that window starts; a `vm`
 * window that ends clears a pending signal without stopping anything (node_watchdog.cc), so the
 * interrupt was lost and the cell ran: `while (true)` in a timer callback then hung the kernel for
 * good (interrupt-fresh-kernel.test.ts "an interrupt while the second cell is checked", at load
 * without the startup snapshot). Run in a child process of its own (the test runner gets no signal).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const CHILD = path.join(__dirname, "fixtures", "sigint-pending-child.cjs");

interface Outcome {
  status: string;
  value?: string;
  ename?: string;
  evalue?: string;
}

function runChild(cells: string[], signalBefore: number[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify({ cells, signalBefore })], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child timed out; stdout: ${out}; stderr: ${stderr}`));
    }, 90_000);
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(out.trim().split("\n").map((l) => JSON.parse(l) as Outcome));
    });
  });
}

it("a SIGINT pending when a cell starts stops it before it runs (the checker's window does not swallow it); the next cell runs, every variable kept", async () => {
  const outcomes = await runChild(["let kept = 41; let ran = false;", "ran = true; 'ran'", "[kept + 1, ran]"], [1]);
  expect(outcomes.map((o) => [o.status, o.ename ?? o.value])).toEqual([
    ["ok", "undefined"],
    ["error", "KeyboardInterrupt"],
    ["ok", "42,false"],
  ]);
  expect(outcomes[1].evalue).toMatch(/the cell did not run/);
}, 120_000);
