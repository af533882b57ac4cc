/**
 * Interrupts, seen from the compute process's agent worker (agent.ts: the thread that is never busy).
 *
 * SIGINT: the worker keeps Node's process-wide SIGINT watchdog (sigint.ts) on for the process's life
 * (node_watchdog.cc; the main thread installs no `process.on("SIGINT")`, so libuv never takes
 * the signal back), and looks at it every POLL_MS. A signal seen there, or an interrupt_request
 * (which also sends SIGINT to the process, so `vm`'s breakOnSigint stops a cell's synchronous
 * part), becomes one `interrupt` message to the main thread (`onInterrupt`). The main thread
 * answers `ack` once it has handled it.
 *
 * The last resort: code that spins outside the cell's own stack (a timer callback, a promise
 * continuation, an event handler, `await null; while (true) {}`) never returns to the event loop,
 * so the main thread never reads the message. If no `ack` came within ACK_MS, the worker pauses
 * the main thread through an inspector session (`Debugger.pause`: V8 stops it at its next
 * statement, by interrupt) and, while it is paused, asks it what runs (PREPARE, evaluated on the
 * main thread; kernel/session/run/evaluate.ts): if the stack holds the notebook's code and none of
 * the kernel's own, the main thread gets ready (Node's async-id stack cleared, pending
 * `process.nextTick` callbacks of cells dropped) and the worker sends `Runtime.terminateExecution`
 * before resuming, so the termination lands exactly where the check was made; otherwise it
 * resumes and tries again RETRY_MS later, until the main thread answers. The globals survive;
 * the main thread then reads the `interrupt` message and reports it (KeyboardInterrupt).
 *
 * Hard rules: never terminate the kernel's own code (TypeScript's checker, the dispatcher):
 * the check is made while the main thread is paused, never before. The debugger domain is on
 * only while an interrupt is being forced (it costs the main thread while on).
 * A libuv signal handle here would take SIGINT from the watchdog: none is made.
 */
import inspector from "node:inspector";
import { GROW_AFTER_MS, youngGenerationGrows } from "../heap.js";
import { nodeWatchdog, POLL_MS, takePendingSigint } from "./sigint.js";
import { RUNNING_SLOT } from "./thread-messages.js";

/** How long the main thread may take to answer an interrupt before it is forced. */
export const ACK_MS = 1000;
/** How long a forced interrupt waits for the pause, and between tries when the kernel's own code was running. */
const RETRY_MS = 250;
/** How long a cell stopped by the heap guard may take to stop before it is forced (less than an interrupt's: the heap grows meanwhile). */
const HEAP_ACK_MS = 200;
/** A SIGINT seen this soon after an interrupt_request sent it is that request's own signal. */
const ECHO_MS = 500;
/**
 * Statements a forced interrupt steps through (`Debugger.stepInto`) from a pause that landed
 * outside both the notebook's code and the kernel's (Node's promise and async hooks, the guard
 * that runs after every callback: run/node-guard.ts) before it resumes and tries again. V8 takes
 * a pause at its next interrupt check, and a promise loop (`for (;;) await null`) spends most of
 * its checks in those hooks; stepping reaches the loop's own next statement.
 */
const MAX_STEPS = 2000;

/** Evaluated on the main thread by the heap guard (checkHeap): a full collection (evaluate.ts Helpers.collect). */
const COLLECT = "typeof __strided__ === 'object' && __strided__ && __strided__.collect ? __strided__.collect() : 'no-session'";

/** Evaluated on the main thread while it is paused: "terminate" when the notebook's code is what runs. */
export const PREPARE = "typeof __strided__ === 'object' && __strided__ && __strided__.beforeTerminate ? __strided__.beforeTerminate() : 'no-session'";

export class Terminator {
  private session: inspector.Session | null = null;
  private poll: NodeJS.Timeout | null = null;
  private cellWatch: NodeJS.Timeout | null = null;
  /** Whether this thread let the young generation grow for the cell running now. */
  private grown = false;
  private readonly watchdog = nodeWatchdog();
  /** Set while an interrupt waits for the main thread's ack. */
  private waiting: NodeJS.Timeout | null = null;
  private forcing = false;
  private lastRequest = -Infinity;
  private lastVerdict = "";
  /** A Runtime.getHeapUsage question to the main thread is out (one at a time). */
  private heapAsked = false;
  /** The cell (RUNNING_SLOT.cells) the heap guard stopped last: once per cell. */
  private heapStoppedCell = -1;
  /** Pauses and steps of the interrupt being forced (for the log line when it ends). */
  private pauses = 0;
  private steps = 0;
  private stepsThisPause = 0;

  /**
   * Call while the main thread is idle (at the worker's start): connecting to the main thread
   * while it spins leaves this thread's loop stuck (measured on Node 20), so the session is
   * connected up front; an idle connected session costs the main thread nothing.
   */
  constructor(
    private readonly log: (line: string) => void,
    private readonly onInterrupt: () => void,
    private readonly ackMs = ACK_MS,
  ) {
    try {
      this.session = new inspector.Session();
      this.session.connectToMainThread();
      this.session.on("Debugger.paused", () => this.paused());
    } catch (e) {
      this.session = null;
      log(`no inspector session to the main thread (code spinning outside a cell's stack cannot be interrupted): ${(e as Error).message}`);
    }
    if (this.watchdog) this.watchdog.startSigintWatchdog(); // held for the process's life: SIGINT is recorded, never fatal
    else log("no SIGINT watchdog binding: SIGINT sent to the process ends it");
  }

  /**
   * Poll the watchdog for a pending SIGINT from now on (from the worker's first moment: the main
   * thread, which polls it until it reads this worker's `ready`, may be spinning in a cell's
   * callback and poll nothing); `lock` is the main thread's (transport/sigint.ts), so one of the
   * two takes each signal.
   */
  pollSigint(lock: Int32Array): void {
    const w = this.watchdog;
    if (!w || this.poll) return;
    this.poll = setInterval(() => {
      if (!takePendingSigint(w, lock)) return;
      if (Date.now() - this.lastRequest < ECHO_MS) return;
      this.interrupt();
    }, POLL_MS);
  }

  /** True while an interrupt is being forced (the debugger ignores the pauses this makes: kernel/debug/adapter.ts). */
  get isForcing(): boolean {
    return this.forcing;
  }

  /** An interrupt_request: tell the main thread, and signal it (stops a cell's synchronous part). */
  requested(ackMs = this.ackMs): void {
    this.lastRequest = Date.now();
    this.interrupt(ackMs);
    process.kill(process.pid, "SIGINT");
  }

  /** The main thread handled the interrupt. */
  acknowledged(): void {
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
    this.stopForcing();
  }

  /**
   * Let the young generation grow once a cell's code has run GROW_AFTER_MS (kernel/heap.ts): reads
   * the main thread's running flag (thread-messages.ts RUNNING_SLOT) every POLL_MS. A cell that
   * ended meanwhile puts the flag back here too (the main thread does when its cell ends; a grow
   * made just after that, from a stale read, is undone at the next poll). The heap guard
   * (checkHeap) runs at the same polls.
   */
  watchCells(flag: Int32Array): void {
    let seen = -1;
    let since = 0;
    this.cellWatch = setInterval(() => {
      if (Atomics.load(flag, RUNNING_SLOT.running) !== 1) {
        seen = -1;
        if (this.grown) youngGenerationGrows(false);
        this.grown = false;
        return;
      }
      const cells = Atomics.load(flag, RUNNING_SLOT.cells);
      this.checkHeap(flag, cells);
      if (cells !== seen) {
        seen = cells; // another cell (the main thread put the flag back when the last one ended): its own GROW_AFTER_MS
        since = Date.now();
        this.grown = false;
        return;
      }
      if (!this.grown && Date.now() - since >= GROW_AFTER_MS) {
        this.grown = true;
        youngGenerationGrows(true);
      }
    }, POLL_MS);
  }

  close(): void {
    if (this.cellWatch) clearInterval(this.cellWatch);
    this.cellWatch = null;
    if (this.grown) youngGenerationGrows(false);
    this.grown = false;
    this.acknowledged();
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    this.session?.disconnect();
    this.session = null;
  }

  private interrupt(ackMs = this.ackMs): void {
    this.onInterrupt();
    if (this.waiting || this.forcing) return;
    this.waiting = setTimeout(() => {
      this.waiting = null;
      this.force(ackMs);
    }, ackMs);
  }

  /**
   * The heap guard, at each poll while a cell runs: asks the main thread its heap size
   * (Runtime.getHeapUsage, answered between its statements as a pause would be) and, once it
   * reaches RUNNING_SLOT.heapStopMB and still does after a full collection
   * (Helpers.collect evaluated on the main thread: HeapProfiler.collectGarbage waits for its event
   * loop), stops the cell as an interrupt does, after writing the size it saw
   * in RUNNING_SLOT.heapStoppedMB (the main thread reports a MemoryError from it instead of the
   * process's out-of-memory abort, which loses every variable).
   */
  private checkHeap(flag: Int32Array, cell: number): void {
    const s = this.session;
    const stopMB = Atomics.load(flag, RUNNING_SLOT.heapStopMB);
    if (!s || this.heapAsked || stopMB <= 0 || this.heapStoppedCell === cell) return;
    this.heapAsked = true;
    const stillThatCell = (): boolean => this.heapStoppedCell !== cell && Atomics.load(flag, RUNNING_SLOT.running) === 1 && Atomics.load(flag, RUNNING_SLOT.cells) === cell;
    const heapMB = (then: (usedMB: number | null) => void): void =>
      s.post("Runtime.getHeapUsage", (err, res) => then(err || !res ? null : Math.round((res as { usedSize: number }).usedSize / 2 ** 20)));
    heapMB((seen) => {
      if (seen === null || seen < stopMB || !stillThatCell()) {
        this.heapAsked = false;
        return;
      }
      // Garbage counts until a collection: an earlier cell's dropped objects must not stop this one,
      // so the size that stops it is measured after a full collection of the main thread's heap.
      // (HeapProfiler.collectGarbage waits for the main thread's event loop: never, while it spins.)
      s.post("Runtime.evaluate", { expression: COLLECT, silent: true, returnByValue: true }, () => {
        heapMB((usedMB) => {
          this.heapAsked = false;
          if (usedMB === null || usedMB < stopMB || !stillThatCell()) return;
          this.heapStoppedCell = cell;
          Atomics.store(flag, RUNNING_SLOT.heapStoppedMB, usedMB);
          this.log(`the running cell's heap reached ${usedMB} MB (stop at ${stopMB} MB): stopping it before V8's out-of-memory abort`);
          this.requested(HEAP_ACK_MS);
        });
      });
    });
  }

  /** Pause the main thread; `paused` decides. Repeats until acknowledged. */
  private force(ackMs = this.ackMs): void {
    const s = this.session;
    if (!s) return;
    if (!this.forcing) {
      this.forcing = true;
      this.log(`the main thread did not answer an interrupt within ${ackMs} ms: pausing it to see what runs`);
      s.post("Debugger.enable", (err) => {
        if (err) this.log(`Debugger.enable failed: ${err.message}`);
      });
    }
    this.stepsThisPause = 0;
    s.post("Debugger.pause", (err) => {
      if (err) this.log(`Debugger.pause failed: ${err.message}`);
    });
    this.waiting = setTimeout(() => {
      this.waiting = null;
      if (this.forcing) this.force();
    }, RETRY_MS);
  }

  private paused(): void {
    const s = this.session;
    if (!s) return;
    if (!this.forcing) {
      s.post("Debugger.resume");
      return;
    }
    this.pauses++;
    s.post("Runtime.evaluate", { expression: PREPARE, returnByValue: true }, (err, res) => {
      const verdict = err ? `error: ${err.message}` : String((res as { result?: { value?: unknown } }).result?.value);
      if (verdict === "idle" && this.stepsThisPause < MAX_STEPS) {
        // neither the notebook's code nor the kernel's: step to the next statement, which is
        // soon the notebook's own when it spins through callbacks or promise reactions
        this.stepsThisPause++;
        this.steps++;
        s.post("Debugger.stepInto");
        return;
      }
      if (verdict !== "terminate" && verdict !== "signal" && verdict !== this.lastVerdict) this.log(`not terminating: the main thread runs ${verdict === "kernel" ? "the kernel's own code" : verdict}; trying again`);
      this.lastVerdict = verdict;
      if (verdict === "signal") {
        // Inside an interruptible window (session/run/interruptible.ts): a SIGINT stops it; the
        // main thread then answers (acknowledged) or the next pause finds it elsewhere.
        this.log("the main thread runs the notebook's code inside an interruptible window: signalling it again");
        this.lastRequest = Date.now(); // this signal is the interrupt's own, not a new one
        s.post("Debugger.resume");
        process.kill(process.pid, "SIGINT");
        return;
      }
      if (verdict === "terminate") {
        this.log(`terminating the notebook's code that ignored an interrupt (${this.pauses} pause${this.pauses === 1 ? "" : "s"}, ${this.steps} step${this.steps === 1 ? "" : "s"})`);
        s.post("Runtime.terminateExecution", (e) => {
          if (e) this.log(`Runtime.terminateExecution failed: ${e.message}`);
        });
      }
      s.post("Debugger.resume");
      if (verdict === "terminate") this.stopForcing();
    });
  }

  private stopForcing(): void {
    if (!this.forcing) return;
    this.forcing = false;
    this.lastVerdict = "";
    this.pauses = 0;
    this.steps = 0;
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
    this.session?.post("Debugger.disable");
  }
}
