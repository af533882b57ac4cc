/**
 * Starting a kernel process: from an installed kernelspec or from a plain command, with a fresh
 * connection file substituted for `{connection_file}` (and `{resource_dir}` for a kernelspec).
 *
 * The kernel runs in its own process group (detached), so a Ctrl-C meant for the caller does not
 * reach it unasked and `kill()` can end the whole tree the kernel started. Its stdout and stderr are
 * drained continuously (a full pipe would block it) and the last 64 KB kept for error reports.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { newConnectionInfo, writeConnectionFile, type ConnectionFile, type ConnectionInfo } from "./connection.js";
import { findKernelSpec } from "./kernelspec.js";

const OUTPUT_TAIL = 64 * 1024;

export interface LaunchOptions {
  /** Run an installed kernelspec by name. */
  kernelName?: string;
  /** Or run this command; `{connection_file}` is replaced by the connection file's path. */
  argv?: string[];
  cwd?: string;
  /** Extra environment on top of process.env (and the kernelspec's env). */
  env?: Record<string, string>;
  /** Copy the kernel's stdout/stderr to this process's stderr as it arrives. */
  echoOutput?: boolean;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running kernel process and the connection file it was given. */
export interface KernelProcess {
  pid: number;
  child: ChildProcess;
  connection: ConnectionInfo;
  connectionFile: string;
  /** How the kernelspec asks to be interrupted (`signal` for a plain command). */
  interruptMode: "signal" | "message";
  /** Display name and language from the kernelspec, when one was used. */
  spec: { name: string; display_name: string; language: string } | null;
  /** Resolves when the process has exited. */
  exited: Promise<ExitStatus>;
  /** Exit status once exited, else null. */
  exitStatus(): ExitStatus | null;
  /** The last 64 KB the kernel wrote to stdout and stderr. */
  output(): string;
  /** Send a signal to the kernel process itself. */
  signal(sig: NodeJS.Signals): void;
  /** SIGKILL the kernel's process group, wait for exit, remove the connection file. */
  kill(): Promise<ExitStatus>;
}

function substitute(argv: string[], vars: Record<string, string>): string[] {
  return argv.map((a) => a.replace(/\{(connection_file|resource_dir)\}/g, (m, k: string) => vars[k] ?? m));
}

/**
 * Start a kernel and return at once (the kernel may still be binding its sockets:
 * use `KernelClient.waitForReady`).
 *
 * @example
 * const kp = await launchKernel({ kernelName: "python3" });
 * kp.connection.shell_port // e.g. 40213
 */
export async function launchKernel(opts: LaunchOptions): Promise<KernelProcess> {
  const spec = opts.kernelName !== undefined ? findKernelSpec(opts.kernelName) : null;
  const rawArgv = spec ? spec.argv : opts.argv;
  if (!rawArgv || rawArgv.length === 0) throw new Error("launchKernel needs a kernelName or an argv: expected { kernelName: \"strided\" } or { argv: [\"node\", \"kernel.js\", \"{connection_file}\"] }");
  const info = await newConnectionInfo(spec?.name);
  const file: ConnectionFile = writeConnectionFile(info);
  const argv = substitute(rawArgv, { connection_file: file.path, resource_dir: spec?.resourceDir ?? "" });

  const child = spawn(argv[0], argv.slice(1), {
    cwd: opts.cwd,
    // JPY_PARENT_PID as jupyter_client sets it: the kernel ends when this process dies (a test
    // run killed mid-way, a crashed `strided run`) instead of living on, maybe spinning in a cell
    env: { ...process.env, JPY_PARENT_PID: String(process.pid), ...(spec?.env ?? {}), ...(opts.env ?? {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let tail = "";
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString("utf8");
    if (opts.echoOutput) process.stderr.write(text);
    tail = (tail + text).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let status: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("exit", (code, signal) => {
      status = { code, signal };
      file.remove(); // read by the kernel at its start; a kernel that ended by itself leaves no folder behind
      resolve(status);
    });
    child.once("error", (err) => {
      tail += `\n${String(err)}`;
      status = { code: null, signal: null };
      resolve(status);
    });
  });
  const pid = child.pid ?? -1;

  return {
    pid,
    child,
    connection: info,
    connectionFile: file.path,
    interruptMode: spec?.interrupt_mode ?? "signal",
    spec: spec ? { name: spec.name, display_name: spec.display_name, language: spec.language } : null,
    exited,
    exitStatus: () => status,
    output: () => tail,
    signal(sig) {
      if (status === null && pid > 0) {
        try { process.kill(pid, sig); } catch { /* already gone */ }
      }
    },
    async kill() {
      if (pid > 0) {
        // The whole group, even when the kernel itself has exited: helpers it started may remain.
        try { process.kill(-pid, "SIGKILL"); } catch { /* no such group */ }
        if (status === null) {
          try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
        }
      }
      const s = await exited;
      file.remove();
      return s;
    },
  };
}
