/**
 * A cell that signals its own process (`process.kill(process.pid, "SIGINT")`, a teacher showing
 * what an interrupt is) must leave the kernel working.
 *
 * Hard rule: a signal the kernel outlives, aimed at a target that includes this process, is sent by
 * a child shell's `kill`, never by Node's own binding; every other call is Node's `process.kill`
 * unchanged (the kernel's own SIGKILL at exit included).
 *
 * Why: Node's kill binding, when a process signals itself (pid, 0, -1 or its own group) with no JS
 * listener for that signal, first runs the process's at-exit hooks ("most likely going to terminate
 * this process"); the inspector's hook destroys the main context, so every later cell failed with
 * "Inspector error -32000: Cannot find context with specified id". The kernel handles SIGINT
 * natively (the watchdog, the agent worker: no JS listener), so a self-SIGINT interrupted the cell
 * and broke the kernel for good; ignored signals (SIGWINCH, ...) broke it without a trace. Sent from
 * a child, the signal arrives as the front end's interrupt does (KeyboardInterrupt in the running
 * cell). Signals that end the process go through Node, as before (its hooks then do what they are for).
 */
import { createRequire } from "node:module";
import { constants } from "node:os";
import { Error, process, Reflect } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** Signals this process outlives: SIGINT (the kernel's interrupt), the ones ignored by default or by Node, SIGUSR1 (Node's inspector switch). */
function outlived(name: string): boolean {
  switch (name) {
    case "SIGINT": case "SIGWINCH": case "SIGCHLD": case "SIGURG": case "SIGCONT": case "SIGPIPE": case "SIGUSR1":
      return true;
    default:
      return false;
  }
}

/** How long a self-SIGINT waits for the interrupt to stop the cell (it arrives on another thread), in 1 ms steps. */
const SIGINT_WAIT_MS = 200;
/** Atomics.wait as installSelfSignals found it (the startup snapshot's builder has no Atomics). */
let atomicsWait: typeof Atomics.wait | null = null;
// Made on first use: the startup snapshot's builder has no SharedArrayBuffer, and
// node:child_process is not among the modules Node verified for snapshots (no cell needs it loaded).
let waitCell: Int32Array | null = null;
type ChildProcessModule = typeof import("node:child_process");
let childProcess: ChildProcessModule | null = null;
const loadChildProcess = (): ChildProcessModule => (childProcess ??= createRequire(__filename)("node:child_process") as ChildProcessModule);

const nodeKill = process.kill;
let installed = false;

/** The signal's name for a name or number Node accepts (undefined for 0, unknown ones and what Node refuses). */
function signalName(signal: unknown): string | undefined {
  if (signal === undefined || signal === null || signal === "") return "SIGTERM";
  if (typeof signal === "string") return Reflect.has(constants.signals, signal) ? signal : undefined;
  if (typeof signal !== "number") return undefined;
  const names = Reflect.ownKeys(constants.signals) as string[];
  for (let i = 0; i < names.length; i++) if ((constants.signals as Record<string, number>)[names[i]] === signal) return names[i];
  return undefined;
}

/**
 * Replace `process.kill` with one that sends the signals the kernel outlives to its own process
 * through a child shell (see the file's head). Idempotent.
 *
 * @example
 * installSelfSignals();
 * process.kill(process.pid, "SIGINT"); // the running cell stops with KeyboardInterrupt; the kernel keeps working
 */
export function installSelfSignals(): void {
  if (installed) return;
  installed = true;
  if (typeof Atomics !== "undefined") atomicsWait = Atomics.wait;
  const own = process.pid;
  const kill = function kill(pid: number, signal?: string | number): true {
    const name = signalName(signal);
    // eslint-disable-next-line eqeqeq
    const self = pid == own || pid == 0 || pid == -1 || pid == -own;
    if (!self || name === undefined || !outlived(name) || process.listenerCount(name) > 0) return Reflect.apply(nodeKill, process, [pid, signal]) as true;
    const sent = loadChildProcess().spawnSync("/bin/sh", ["-c", 'kill -s "$0" -- "$1"', name.slice(3), String(pid)], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    // 0, -1, -pid: the shell is in the target too, and may die of the signal it sent
    if (sent.status !== 0 && sent.signal !== name) throw new Error(`kill ${name} ${pid}: ${(sent.stderr ?? "").trim() || (sent.error?.message ?? "failed")}`);
    // The interrupt is taken on another thread (Node's watchdog, the agent): without a wait the cell
    // ran on and the interrupt hit whatever the kernel did next (showing the cell's value). As in
    // Python, where os.kill(os.getpid(), SIGINT) raises KeyboardInterrupt in the cell, the cell
    // stops here: the termination comes at the first JavaScript step after a wait.
    if (name === "SIGINT" && atomicsWait !== null) {
      const cell = (waitCell ??= new Int32Array(new SharedArrayBuffer(4)));
      for (let i = 0; i < SIGINT_WAIT_MS; i++) atomicsWait(cell, 0, 0, 1);
    }
    return true;
  };
  process.kill = kill as typeof process.kill;
}
