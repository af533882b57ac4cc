/**
 * SIGINT, the kernel's interrupt mechanism, tested in a child process of its own (a kernel-like
 * fixture with the kernel's handler `process.on("SIGINT", () => session.interrupt())`), so the
 * test runner never receives a signal. Also: stray rejections are reported, never fatal.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CHILD = path.join(__dirname, "fixtures", "session-child.cjs");

interface Event {
  event: string;
  code?: string;
  status?: string;
  value?: string;
  ename?: string;
  name?: string;
  text?: string;
}

/** Run cells in a child; send SIGINT whenever a cell whose code contains "INTERRUPT ME" has started (after a pause). */
function runChild(cells: string[]): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(cells)], { stdio: ["ignore", "pipe", "pipe"] });
    const events: Event[] = [];
    let buf = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child timed out; events: ${JSON.stringify(events)}; stderr: ${stderr}`));
    }, 90_000);
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const e = JSON.parse(line) as Event;
        events.push(e);
        if (e.event === "start" && e.code?.includes("INTERRUPT ME")) setTimeout(() => child.kill("SIGINT"), 500);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(events);
    });
  });
}

describe("interrupt by SIGINT keeps the kernel and its variables", () => {
  it("stops a synchronous loop and a pending await", async () => {
    const events = await runChild([
      "const keep = 7; let spins = 0",
      "// INTERRUPT ME\nwhile (true) { spins++ }",
      "keep + (spins > 0 ? 1 : 0)",
      "// INTERRUPT ME\nawait new Promise(() => {})",
      "keep * 2",
    ]);
    const outcomes = events.filter((e) => e.event === "outcome");
    expect(outcomes.map((o) => [o.status, o.ename ?? o.value])).toEqual([
      ["ok", "undefined"],
      ["error", "KeyboardInterrupt"],
      ["ok", "8"],
      ["error", "KeyboardInterrupt"],
      ["ok", "14"],
    ]);
  });

  it("reports an unhandled rejection to the cell that caused it, and lives on", async () => {
    const events = await runChild(["Promise.reject(new Error('stray')); 1", "await new Promise((r) => setTimeout(r, 50)); 2"]);
    const stderr = events.filter((e) => e.event === "stream" && e.name === "stderr").map((e) => e.text).join("");
    expect(stderr).toMatch(/Unhandled promise rejection: Error: stray/);
    expect(stderr).toMatch(/Cell \[1\], line 1/);
    expect(events.filter((e) => e.event === "outcome").map((o) => o.value)).toEqual(["1", "2"]);
  });

  it("reports an exception thrown in a timer, and lives on", async () => {
    const events = await runChild(["setTimeout(() => { throw new RangeError('in timer') }, 10); 1", "await new Promise((r) => setTimeout(r, 100)); 2"]);
    const stderr = events.filter((e) => e.event === "stream" && e.name === "stderr").map((e) => e.text).join("");
    expect(stderr).toMatch(/Uncaught exception: RangeError: in timer/);
    expect(events.filter((e) => e.event === "outcome").map((o) => o.value)).toEqual(["1", "2"]);
  });
});
