/**
 * The transport process: the kernel process Jupyter holds. Plain Node with zeromq, started WITHOUT
 * the startup snapshot, so its sockets are bound ~0.1 s after launch while the compute process
 * (kernel/main.ts, which runs the cells) deserialises the 46 MB blob in parallel; the first
 * result then waits for the longer of the two instead of their sum.
 *
 * This file starts it: the sockets (sockets.ts: bound, heartbeats echoed, every message signed
 * and verified), the local channel to the compute (compute-connections.ts), the signals, and the
 * watch on the launcher and a starting compute. What it does with requests and frames, and how
 * it ends, is kernel-transport.ts; the control requests it answers itself, control-requests.ts.
 *
 * Started two ways: by bin/strided-kernel, which starts the compute process first (in parallel)
 * and execs this one (`process.js CONN SOCKET COMPUTE_PID`: the compute is then this process's
 * child); or by `strided kernel CONN` (`process.js CONN`), which makes the private folder and
 * spawns the compute itself.
 *
 * Hard rules: no user code ever runs here; the channel's socket lives in a folder only this user
 * can enter (mktemp -d / mkdtemp), removed once both of the compute's connections are made.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { LOG_ENABLED, stopLoggingWhenStderrFails } from "../log.js";
import { snapshotNote } from "../snapshot/stamp.js";
import { readConnectionFile } from "./connection.js";
import { zombieStatus } from "./exit-status.js";
import { Transport } from "./kernel-transport.js";
import { launcherGone } from "./launcher-watch.js";
import { KernelSockets } from "./sockets.js";

/** How often to check that the launcher (JPY_PARENT_PID) and a starting compute are alive. */
const POLL_MS = 250;

/** This process's parent when it started (read before anything slow: the launcher may die meanwhile). */
const PARENT_AT_START = process.ppid;

const log = (line: string): void => {
  if (LOG_ENABLED) process.stderr.write(`[strided transport] ${line}\n`);
};

/**
 * Runs the transport until the compute process ends. `channelPath` and `computePid` are given
 * when bin/strided-kernel started the compute; otherwise the compute is spawned here.
 *
 * @example
 * await runTransport("/run/user/1000/jupyter/kernel-1234.json");
 */
export async function runTransport(connectionFile: string, channelPath?: string, computePid?: number): Promise<void> {
  stopLoggingWhenStderrFails();
  const connection = readConnectionFile(connectionFile);
  let path = channelPath;
  let pid = computePid ?? null;
  if (!path) {
    path = join(mkdtempSync(join(tmpdir(), "strided-")), "c"); // mode 0700: only this user can reach the socket
    const bin = join(__dirname, "..", "..", "..", "bin", "strided.js");
    const { spawn } = await import("node:child_process"); // only here: bin/strided-kernel starts the compute itself
    const child = spawn(process.execPath, [...process.execArgv, bin, "compute", path], { stdio: ["ignore", "inherit", "inherit"] });
    pid = child.pid ?? null;
    child.on("exit", (code, signal) => transport.computeExited(signal ? { signal } : { code: code ?? 1 }));
  }
  const sockets = new KernelSockets(connection, randomUUID(), log);
  // The banner's note is read when kernel_info is first answered, after the sockets are bound (checking
  // the blob's stamp stats every file the builder read: not on the way to the bind).
  const transport: Transport = new Transport(sockets, path, pid, () => process.env.STRIDED_SNAPSHOT_NOTE ?? snapshotNote(process.env.STRIDED_SNAPSHOT_BLOB), log);

  process.on("SIGINT", () => void transport.interrupt());
  process.on("SIGTERM", () => void transport.end({ code: 143 }, "SIGTERM"));
  process.on("SIGHUP", () => void transport.end({ code: 129 }, "SIGHUP"));

  try {
    await transport.listen();
    await sockets.start((channel, msg, problem) => transport.received(channel, msg, problem));
  } catch (e) {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    void transport.end({ code: 1 }, "start-up failed");
    return;
  }
  void sockets.sendNew("iopub", null, "status", { execution_state: "starting" });
  log(`listening on ${connection.transport}://${connection.ip} (shell ${connection.shell_port}) ${Math.round(process.uptime() * 1000)} ms after start`);

  // A kernel launched by a kernel manager (JPY_PARENT_PID, as jupyter_client sets it) ends when that
  // manager dies, as ipykernel's parent poller does; a compute that died before it connected ends it too.
  const declared = Number(process.env.JPY_PARENT_PID);
  setInterval(() => {
    if (launcherGone(declared, PARENT_AT_START)) void transport.end({ code: 1 }, `the process that launched the kernel (pid ${declared}) is gone`);
    const p = transport.pid;
    const died = !transport.computeConnected && p !== null ? zombieStatus(p) : null;
    if (died) void transport.end(died, "the compute process died while starting");
  }, POLL_MS).unref();
}

if (require.main === module) {
  const [file, socket, pid] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: node dist/kernel/transport/process.js CONNECTION_FILE [SOCKET COMPUTE_PID]\n");
    process.exit(2);
  }
  runTransport(file, socket, pid ? Number(pid) : undefined).catch((e: unknown) => {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
