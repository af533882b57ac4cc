/**
 * The kernel's own exit: the notebook's `exit`/`beforeExit` listeners run first, each time-boxed,
 * and can neither keep the process alive nor stop it from exiting.
 *
 * Why: `process.on("exit", () => { while (true) {} })` in a cell made every shutdown spin for good
 * (the thread that could kill it had already closed), and a listener that threw made
 * `process.exit` throw, so the process stayed up with its sockets closed. A cell that replaced
 * `process.exit` (`process.exit = () => {}`) would have been the kernel's exit too.
 *
 * Rule: the listeners present when the kernel finished starting are the kernel's (Node's own and
 * the kernel's); any other is the notebook's. On exit, each of the notebook's is removed and
 * called inside `vm` with a timeout (LISTENER_MS each), its exception or timeout ignored (the
 * sockets are closed by then: nowhere to report it); then the process ends at once.
 *
 * How it ends: the transport process already has the status (the compute's `exit` frame comes
 * first) and exits with it, so the compute sends itself SIGKILL instead of Node's exit, whose
 * teardown joins the agent worker: 60-80 ms with the agent up, 250-330 ms while it still boots
 * (its isolate's deserialisation cannot be stopped), which a restart right after the first result
 * waited for (issue 11). Node's own exit (`process.exit`, captured at start-up) only when something
 * is written at exit (NODE_V8_COVERAGE, --cpu-prof, --heap-prof, --prof). Either way `beforeEnd`
 * runs first: the agent worker disconnects its inspector sessions from this thread (even a kill
 * runs Node's at-exit hooks first, and a session still connected makes one print "Waiting for the
 * debugger to disconnect..." on stderr); a worker still booting is not waited for (agent-host.ts).
 */
import vm from "node:vm";
import { process, Reflect } from "./primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How long one notebook `exit` listener may run. */
const LISTENER_MS = 1000;

const originalExit = process.exit;
const originalKill = process.kill;
let kernelListeners: { exit: Function[]; beforeExit: Function[] } | null = null;
/** This process's pid and whether Node writes something at exit, read before any cell ran (a cell may patch `process`). */
let self: { pid: number; writesAtExit: boolean } | null = null;

/** Remember the listeners the kernel (and Node) installed: call once start-up is done. */
export function rememberKernelExitListeners(): void {
  kernelListeners = { exit: process.listeners("exit"), beforeExit: process.listeners("beforeExit") };
  self = { pid: process.pid, writesAtExit: writesAtExit() };
}

function isKernels(list: Function[], fn: Function): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === fn) return true;
  return false;
}

/**
 * Whether ending this process needs its main thread: the notebook added `exit` listeners (they
 * run on it), or Node writes something at exit (a profile, coverage). Otherwise a kill from
 * outside ends it as exitProcess would (what the transport does on a shutdown_request that comes
 * during the idle heap compaction: kernel/idle-compaction.ts).
 *
 * @example
 * exitNeedsMainThread() // false
 */
export function exitNeedsMainThread(): boolean {
  const mine = kernelListeners;
  if (mine === null || self === null || self.writesAtExit) return true;
  const listeners = (process as unknown as { listeners(e: string): Function[] }).listeners("exit");
  for (let i = 0; i < listeners.length; i++) if (!isKernels(mine.exit, listeners[i])) return true;
  return false;
}

/** Whether Node writes something when it exits (coverage, a profile): then the process exits the ordinary way. */
function writesAtExit(): boolean {
  if (process.env.NODE_V8_COVERAGE) return true;
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) if (/^--(cpu-prof|heap-prof|prof)(=|$)/.test(args[i])) return true; // read at start-up (rememberKernelExitListeners)
  return false;
}

/**
 * Run the notebook's exit listeners (time-boxed, errors ignored), then `beforeEnd`, then end the
 * process: at once (SIGKILL; the transport has the status), or with Node's exit and status `code`
 * when Node writes something at exit. Never returns.
 */
export function exitProcess(code: number | undefined, beforeEnd: () => void = () => undefined): never {
  const mine = kernelListeners;
  if (mine !== null) {
    for (const event of ["beforeExit", "exit"] as const) {
      const listeners = (process as unknown as { listeners(e: string): Function[] }).listeners(event);
      for (let i = 0; i < listeners.length; i++) {
        const fn = listeners[i];
        if (isKernels(mine[event], fn)) continue;
        process.removeListener(event, fn as (...args: unknown[]) => void);
        if (event === "beforeExit") continue; // Node calls it only when the loop empties by itself, never on exit()
        try {
          vm.runInNewContext("f(code)", { f: fn, code: code ?? 0 }, { timeout: LISTENER_MS });
        } catch {
          // thrown or timed out: the kernel exits anyway
        }
      }
    }
  }
  const me = self ?? { pid: process.pid, writesAtExit: writesAtExit() }; // before start-up's end no cell has run
  try {
    beforeEnd();
  } catch {
    // the process ends anyway
  }
  if (!me.writesAtExit) {
    try {
      Reflect.apply(originalKill, process, [me.pid, "SIGKILL"]);
    } catch {
      // refused (cannot happen for one's own pid): Node's exit below
    }
  }
  return Reflect.apply(originalExit, process, [code]) as never;
}
