/**
 * The last resort of an interrupt, run on the transport worker: code that spins after its first
 * `await` (`await null; while (true) {}`) runs in a microtask, outside the `vm` SIGINT watchdog,
 * and never returns to the event loop where the main thread's SIGINT handler would run. If the
 * main thread has not answered an interrupt within ACK_MS while a cell runs, the worker sends
 * `Runtime.terminateExecution` through an inspector session connected to the main thread (V8
 * dispatches inspector messages by interrupt, so they arrive while it spins; the globals survive,
 * DESIGN.md). The SIGINT still pending in the main thread's loop then ends the cell as
 * KeyboardInterrupt.
 *
 * Rules: only while the main thread says a cell runs (never during type-checking or between
 * cells: terminating TypeScript's checker or the dispatcher would corrupt them); the main thread
 * "answers" by saying the cell stopped running. A real SIGINT cannot reach the main thread's
 * handler while it spins, and worker threads get no `process.on("SIGINT")`: while a cell awaits,
 * the main thread keeps Node's process-wide SIGINT watchdog on (session/run/sigint.ts), which
 * records the signal (the main thread acts on it when free), and this thread polls it every
 * POLL_MS and arms the timer. (A libuv signal handle here would break Node's re-arming of
 * the main thread's handler after each `vm` run with breakOnSigint: SIGINT then kills the process.)
 */
import inspector from "node:inspector";
import { GROW_AFTER_MS, youngGenerationGrows } from "../heap.js";

/** How long the main thread may take to stop a cell after an interrupt before it is terminated. */
export const ACK_MS = 1000;

/** Node's SIGINT watchdog, shared by every thread of the process (node_watchdog.cc). */
interface Watchdog {
  watchdogHasPendingSigint(): boolean;
}

/** Evaluated on the main thread just before the termination (kernel/session/run/evaluate.ts installs it). */
export const PREPARE = "globalThis.__strided__ && globalThis.__strided__.beforeTerminate && globalThis.__strided__.beforeTerminate()";

/** How often a running cell's pending SIGINT is looked for. */
const POLL_MS = 50;

function nodeWatchdog(): Watchdog | null {
  const proc = process as unknown as { binding?: (name: string) => Partial<Watchdog>; noDeprecation?: boolean };
  const quiet = proc.noDeprecation;
  try {
    proc.noDeprecation = true; // process.binding warns once; this use is deliberate
    const b = proc.binding?.("contextify");
    return b && typeof b.watchdogHasPendingSigint === "function" ? (b as Watchdog) : null;
  } catch {
    return null;
  } finally {
    proc.noDeprecation = quiet;
  }
}

export class Terminator {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private session: inspector.Session | null = null;
  private poll: NodeJS.Timeout | null = null;
  private grow: NodeJS.Timeout | null = null;
  private readonly watchdog = nodeWatchdog();

  /**
   * Call while the main thread is idle (at the worker's start): connecting to the main thread
   * while it spins leaves this thread's loop stuck (measured on Node 20), so the session is
   * connected up front; an idle connected session costs the main thread nothing.
   */
  constructor(
    private readonly log: (line: string) => void,
    private readonly ackMs = ACK_MS,
  ) {
    try {
      this.session = new inspector.Session();
      this.session.connectToMainThread();
    } catch (e) {
      this.session = null;
      log(`no inspector session to the main thread (a cell spinning after an await cannot be interrupted): ${(e as Error).message}`);
    }
  }

  /** The main thread started (true) or stopped (false) running a cell's code. */
  setRunning(running: boolean): void {
    this.running = running;
    if (running && !this.grow) this.grow = setTimeout(() => youngGenerationGrows(true), GROW_AFTER_MS); // kernel/heap.ts
    if (!running) {
      if (this.grow) {
        clearTimeout(this.grow);
        this.grow = null;
        youngGenerationGrows(false);
      }
      this.disarm();
      if (this.poll) clearInterval(this.poll);
      this.poll = null;
    } else if (!this.poll && this.watchdog) {
      const w = this.watchdog;
      this.poll = setInterval(() => {
        if (this.running && w.watchdogHasPendingSigint()) this.interrupted();
      }, POLL_MS);
    }
  }

  /** An interrupt was sent to the main thread (a SIGINT seen here, or an interrupt_request). */
  interrupted(): void {
    if (!this.running || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.terminate();
    }, this.ackMs);
  }

  close(): void {
    this.setRunning(false);
    this.session?.disconnect();
    this.session = null;
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private terminate(): void {
    if (!this.session) return;
    try {
      this.log(`the cell did not stop ${this.ackMs} ms after an interrupt: terminating its execution`);
      // Node must not see the terminated microtask's async context (session/run/sigint.ts).
      this.session.post("Runtime.evaluate", { expression: PREPARE }, (err) => {
        if (err) this.log(`preparing the termination failed: ${err.message}`);
      });
      this.session.post("Runtime.terminateExecution", (err) => {
        if (err) this.log(`Runtime.terminateExecution failed: ${err.message}`);
      });
    } catch (e) {
      this.log(`cannot terminate the cell: ${(e as Error).message}`);
    }
  }
}
