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
 * (node_watchdog.cc, Stop with count > 0). `lock` (one Int32 shared by the threads that poll,
 * `MainThreadSigint.lock`) makes the read and the clear one step, so two pollers never both take
 * one signal (it would interrupt the next cell too); a poller that finds it held skips this poll.
 *
 * @example
 * takePendingSigint(w, lock) // true once after a SIGINT arrived while no vm call ran
 */
export function takePendingSigint(w: Watchdog, lock: Int32Array, atomics: LockOps = Atomics): boolean {
  if (atomics.compareExchange(lock, 0, 0, 1) !== 0) return false;
  try {
    if (!w.watchdogHasPendingSigint()) return false;
    w.startSigintWatchdog();
    w.stopSigintWatchdog();
    return true;
  } finally {
    atomics.store(lock, 0, 0);
  }
}

/** The two Atomics functions the lock needs (the main thread passes its own, captured before any cell runs). */
export interface LockOps {
  compareExchange(a: Int32Array, index: number, expected: number, replacement: number): number;
  store(a: Int32Array, index: number, value: number): number;
}

/**
 * The compute's main thread holds the watchdog for the process's life from its first line (a
 * SIGINT before then kills the process, as it would any Node program), and polls it while idle
 * until the agent worker is up (`handOver`). The agent's terminator polls from its first moment
 * (the main thread may be spinning in a cell's callback then, polling nothing and reading no
 * message): while both poll, `lock` lets one take each signal. Before the agent an interrupt stops
 * a cell's synchronous code (breakOnSigint) and, once the main thread is idle, wakes a cell waiting
 * on a promise and cancels the notebook's pending callbacks; the agent's terminator also forces
 * code spinning outside a cell's stack.
 */
export class MainThreadSigint {
  private readonly watchdog = nodeWatchdog();
  private poll: ReturnType<typeof setInterval> | null = null;
  /** One Int32 held while a thread reads and clears the pending flag (takePendingSigint); handed to the agent worker. */
  readonly lock = new SharedArrayBuffer(4);

  private readonly lockView = new Int32Array(this.lock);
  /** Captured now, before any cell runs: a cell may rebind or patch `Atomics`. */
  private readonly atomics: LockOps = { compareExchange: Atomics.compareExchange, store: Atomics.store };

  constructor(onInterrupt: () => void) {
    const w = this.watchdog;
    if (!w) return;
    w.startSigintWatchdog(); // held for the process's life
    this.poll = setInterval(() => {
      if (this.takePending()) onInterrupt();
    }, POLL_MS);
    this.poll.unref();
  }

  /**
   * Take a SIGINT that is pending now (one that came while no `vm` call with breakOnSigint ran),
   * whoever polls. The cell pipeline asks right after the checker ran (synchronously: a signal
   * then is only recorded, and the cell's own `vm` call would clear it without stopping anything).
   */
  takePending(): boolean {
    // Once handed over, the agent's terminator alone reads signals: it tells an interrupt_request's
    // own SIGINT (which it sends, to stop a cell's synchronous part) from a new one.
    if (this.handedOver) return false;
    return this.watchdog !== null && takePendingSigint(this.watchdog, this.lockView, this.atomics);
  }

  private handedOver = false;

  /** The agent's terminator polls from now on. */
  handOver(): void {
    this.handedOver = true;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
