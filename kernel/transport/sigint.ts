/**
 * Node's process-wide SIGINT watchdog (node_watchdog.cc), shared by every thread: while it is
 * started, SIGINT never kills the process; it stops code run by `vm` with `breakOnSigint`, or,
 * when none runs, is recorded as pending. Whoever polls the pending flag turns it into an
 * interrupt: the compute's main thread from its first line until the agent worker is up
 * (`MainThreadSigint`), then the agent's terminator (terminator.ts).
 *
 * Hard rule: no libuv signal handle for SIGINT in the compute process (`process.on("SIGINT")`):
 * it would take the signal from the watchdog.
 */
import { setInterval, clearInterval } from "../primordials.js"; // captured at start-up: a cell may rebind or patch the globals

/** The watchdog's functions (Node's contextify binding). */
export interface Watchdog {
  startSigintWatchdog(): void;
  stopSigintWatchdog(): boolean;
  watchdogHasPendingSigint(): boolean;
}

/** How often a pending SIGINT is looked for. */
export const POLL_MS = 50;

/**
 * The watchdog binding, or null when this Node has none.
 *
 * @example
 * nodeWatchdog()?.startSigintWatchdog() // SIGINT no longer kills the process
 */
export function nodeWatchdog(): Watchdog | null {
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

/**
 * Reads and clears a pending SIGINT: starting and stopping a nested watchdog resets the flag
 * (node_watchdog.cc, Stop with count > 0).
 *
 * @example
 * takePendingSigint(w) // true once after a SIGINT arrived while no vm call ran
 */
export function takePendingSigint(w: Watchdog): boolean {
  if (!w.watchdogHasPendingSigint()) return false;
  w.startSigintWatchdog();
  w.stopSigintWatchdog();
  return true;
}

/**
 * The compute's main thread holds the watchdog for the process's life from its first line (a
 * SIGINT before then kills the process, as it would any Node program), and polls it while idle
 * until the agent worker is up (`handOver`, then the agent's terminator polls: one poller at a
 * time). Before that an interrupt stops a cell's synchronous code (breakOnSigint) and, once the
 * main thread is idle, wakes a cell waiting on a promise and cancels the notebook's pending
 * callbacks; the agent's terminator also forces code spinning outside a cell's stack.
 */
export class MainThreadSigint {
  private readonly watchdog = nodeWatchdog();
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(onInterrupt: () => void) {
    const w = this.watchdog;
    if (!w) return;
    w.startSigintWatchdog(); // held for the process's life
    this.poll = setInterval(() => {
      if (takePendingSigint(w)) onInterrupt();
    }, POLL_MS);
    this.poll.unref();
  }

  /** The agent's terminator polls from now on. */
  handOver(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
