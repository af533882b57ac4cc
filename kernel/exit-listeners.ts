/**
 * The kernel's own exit: the notebook's `exit`/`beforeExit` listeners run first, each time-boxed,
 * and can neither keep the process alive nor stop it from exiting.
 *
 * Why: `process.on("exit", () => { while (true) {} })` in a cell made every shutdown spin for good
 * (the transport worker had already closed: nothing killed it), and a listener that threw made
 * `process.exit` throw, so the process stayed up with its sockets closed. A cell that replaced
 * `process.exit` (`process.exit = () => {}`) would have been the kernel's exit too.
 *
 * Rule: the listeners present when the kernel finished starting are the kernel's (Node's own and
 * the kernel's); any other is the notebook's. On exit, each of the notebook's is removed and
 * called inside `vm` with a timeout (LISTENER_MS each), its exception or timeout ignored (the
 * sockets are closed by then: nowhere to report it); then Node's own `process.exit`, captured at
 * start-up, ends the process with the status asked.
 */
import vm from "node:vm";
import { process, Reflect } from "./primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How long one notebook `exit` listener may run. */
const LISTENER_MS = 1000;

const originalExit = process.exit;
let kernelListeners: { exit: Function[]; beforeExit: Function[] } | null = null;

/** Remember the listeners the kernel (and Node) installed: call once start-up is done. */
export function rememberKernelExitListeners(): void {
  kernelListeners = { exit: process.listeners("exit"), beforeExit: process.listeners("beforeExit") };
}

function isKernels(list: Function[], fn: Function): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === fn) return true;
  return false;
}

/** Run the notebook's exit listeners (time-boxed, errors ignored), then exit with `code`. Never returns. */
export function exitProcess(code: number | undefined): never {
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
  return Reflect.apply(originalExit, process, [code]) as never;
}
