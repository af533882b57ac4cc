/**
 * SIGINT while a cell awaits: code spinning after its first `await` runs in a microtask, outside
 * `vm`'s breakOnSigint, and never lets the event loop run the kernel's `process.on("SIGINT")`
 * handler; worker threads cannot receive signals. So while a cell's asynchronous part runs, the
 * main thread keeps Node's process-wide SIGINT watchdog on (the one `vm` and the REPL use): it
 * records the signal; the main thread polls it while free (a cell waiting on a promise) and then
 * emits "SIGINT" to the kernel's own listeners; the transport worker polls it too
 * (transport/terminator.ts) and terminates the cell if it has not stopped a second later.
 *
 * Hard rule: when the watchdog stops, Node leaves SIGINT's default action (exit) in place; the
 * kernel's listeners are removed and added again so libuv installs its handler again, as
 * `vm.runInThisContext` itself does after a breakOnSigint run (lib/vm.js sigintHandlersWrap).
 * Cost: two system calls per cell that awaits. Without the binding nothing is captured (an
 * interrupt_request still escalates; a real SIGINT then reaches only a free main thread).
 */

interface Watchdog {
  startSigintWatchdog(): void;
  stopSigintWatchdog(): boolean;
  watchdogHasPendingSigint(): boolean;
}

/** How often a free main thread looks for a captured SIGINT (a cell waiting on a promise). */
const POLL_MS = 50;

function binding(): Watchdog | null {
  const proc = process as unknown as { binding?: (name: string) => Partial<Watchdog>; noDeprecation?: boolean };
  const quiet = proc.noDeprecation;
  try {
    proc.noDeprecation = true; // process.binding warns once; this use is deliberate
    const b = proc.binding?.("contextify");
    return b && typeof b.startSigintWatchdog === "function" && typeof b.stopSigintWatchdog === "function" && typeof b.watchdogHasPendingSigint === "function" ? (b as Watchdog) : null;
  } catch {
    return null;
  } finally {
    proc.noDeprecation = quiet;
  }
}

const watchdog = binding();

/**
 * Capture SIGINT in Node's watchdog until the returned function is called; that function
 * restores the kernel's SIGINT listeners and says whether a SIGINT came meanwhile.
 *
 * @example
 * const release = captureSigint();
 * // ... the cell awaits ...
 * release(); // false
 */
export function captureSigint(): () => boolean {
  if (!watchdog) return () => false;
  watchdog.startSigintWatchdog();
  let released = false;
  const poll = setInterval(() => {
    if (!watchdog.watchdogHasPendingSigint()) return;
    clearInterval(poll);
    process.emit("SIGINT", "SIGINT");
  }, POLL_MS);
  poll.unref();
  return () => {
    if (released) return false;
    released = true;
    clearInterval(poll);
    const pending = watchdog.stopSigintWatchdog();
    const listeners = process.rawListeners("SIGINT") as ((...a: unknown[]) => void)[];
    process.removeAllListeners("SIGINT");
    for (const l of listeners) process.addListener("SIGINT", l);
    return pending;
  };
}

interface AsyncWrapBinding {
  clearAsyncIdStack(): void;
}

function asyncWrap(): AsyncWrapBinding | null {
  const proc = process as unknown as { binding?: (name: string) => Partial<AsyncWrapBinding>; noDeprecation?: boolean };
  const quiet = proc.noDeprecation;
  try {
    proc.noDeprecation = true;
    const b = proc.binding?.("async_wrap");
    return b && typeof b.clearAsyncIdStack === "function" ? (b as AsyncWrapBinding) : null;
  } catch {
    return null;
  } finally {
    proc.noDeprecation = quiet;
  }
}

const asyncIds = asyncWrap();

/**
 * Called on the main thread (through the inspector, while the cell spins) just before the
 * transport worker sends Runtime.terminateExecution. A terminated microtask never runs its
 * async-hooks "after", so Node's async id stack is left one deep and Node aborts the process
 * (`Assertion failed: (env_->execution_async_id()) == (0)`, src/api/callback.cc) when the
 * callback around it closes with hooks enabled. So: disable the kernel's hooks (the cell
 * context's AsyncLocalStorage; its next `run` enables them again) and, on the next turn, clear
 * the stack as Node itself does after an uncaught exception.
 *
 * @example
 * prepareTermination(() => cellContext.disable());
 */
export function prepareTermination(disableHooks: () => void): void {
  disableHooks();
  setImmediate(() => asyncIds?.clearAsyncIdStack());
}
