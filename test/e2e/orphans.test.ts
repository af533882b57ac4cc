/**
 * The kernel's two processes (README, "How it is built") never outlive each other or the process
 * that launched them, and leave no channel folder behind: SIGKILL of the transport alone (the PID
 * Jupyter holds), SIGKILL of the compute alone, and a launcher (JPY_PARENT_PID) that dies.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuilt, LAUNCHER, ROOT, sleep, startKernel } from "./support/kernel.js";

/** The PIDs of `pid`'s children. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Whether `pid` runs (a zombie counts as gone). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** The compute process under a transport, and the channel folder from its command line (`... compute SOCKET`), or null. */
function computeOrNull(transport: number): { pid: number; folder: string } | null {
  for (const pid of childrenOf(transport)) {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const i = argv.indexOf("compute");
      if (i >= 0) return { pid, folder: dirname(argv[i + 1]) };
    } catch {
      // gone meanwhile (the launcher's mktemp)
    }
  }
  return null;
}

function computeOf(transport: number): { pid: number; folder: string } {
  const c = computeOrNull(transport);
  if (c === null) throw new Error(`no compute process under ${transport}`);
  return c;
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; !ok(); waited += 50) {
    if (waited > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

it.each([["1 + 1"], ["process.kill = null as any; 1 + 1"]])("SIGKILL of the transport alone: the compute process ends too and the channel folder is removed (cell: %s)", async (cell) => {
  const k = await startKernel();
  try {
    expect((await k.kc.execute(cell, { timeout: 120_000 })).reply.content.status).toBe("ok");
    const compute = computeOf(k.kp.pid);
    expect(running(compute.pid)).toBe(true);
    process.kill(k.kp.pid, "SIGKILL");
    await until("the compute process ends", () => !running(compute.pid));
    await until("the channel folder is removed", () => !existsSync(compute.folder));
  } finally {
    await k.stop();
  }
});

it("SIGKILL of the compute alone: the transport ends by the same signal and removes the channel folder", async () => {
  const k = await startKernel();
  try {
    expect((await k.kc.execute("1 + 1", { timeout: 120_000 })).reply.content.status).toBe("ok");
    const compute = computeOf(k.kp.pid);
    process.kill(compute.pid, "SIGKILL");
    const status = await Promise.race([k.kp.exited, sleep(10_000).then(() => null)]);
    expect(status).toEqual({ code: null, signal: "SIGKILL" });
    expect(existsSync(compute.folder)).toBe(false);
  } finally {
    await k.stop();
  }
});

// With STRIDED_LOG=1 the kernel's stderr is a pipe to the dead launcher: a compute whose log kept
// writing to it (EPIPE, reported as an uncaught exception, which it logged again) spun for good.
describe.each([{ log: false }, { log: true }])("STRIDED_LOG=$log", ({ log }) => {
it("the launcher (JPY_PARENT_PID) dies: both processes end", async () => {
  await ensureBuilt();
  // A launcher that starts the kernel as jupyter_client does (launchKernel sets JPY_PARENT_PID to
  // its own PID), prints the kernel's PID, then waits to be killed.
  const script = `
    const { launchKernel } = require(${JSON.stringify(join(ROOT, "dist", "kernel", "client", "index.js"))});
    launchKernel({ argv: ["/bin/sh", ${JSON.stringify(LAUNCHER)}, process.execPath, "{connection_file}"], cwd: ${JSON.stringify(ROOT)}, env: ${log ? '{ STRIDED_LOG: "1" }' : "{}"} })
      .then((kp) => { process.stdout.write(kp.pid + "\\n"); setInterval(() => {}, 1000); });`;
  const launcher = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const transport = await new Promise<number>((resolve, reject) => {
      launcher.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim())));
      launcher.once("exit", () => reject(new Error("the launcher exited before starting the kernel")));
    });
    let compute: { pid: number; folder: string } | null = null;
    await until("the compute process starts", () => (compute = computeOrNull(transport)) !== null, 30_000);
    launcher.kill("SIGKILL");
    await until("the transport ends", () => !running(transport));
    await until("the compute process ends", () => !running(compute!.pid));
  } finally {
    launcher.kill("SIGKILL");
  }
}, 60_000);
});
