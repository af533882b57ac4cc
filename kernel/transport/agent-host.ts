/**
 * The main thread's side of the agent worker (kernel/transport/agent.ts: the interrupt terminator
 * and the debug adapter): starts it, and talks to it by postMessage. Node 20 builds a worker's
 * isolate from the process's startup snapshot (0.2-0.3 s, ~30 MB), so it is started once the cell
 * session is ready, off the first result's path (kernel/main.ts).
 * This file never imports zeromq.
 */
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Segment } from "../debug/cell-lines.js";
import type { DebugChannel } from "../debug/bridge.js";
import type { HeapStop } from "../session/index.js";
import { AGENT_STATE, RUNNING_SLOT, RUNNING_SLOTS, type MainToWorker, type WorkerData, type WorkerToMain } from "./thread-messages.js";
import { Promise, Map, process, withPristineBuiltins } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/**
 * The worker's heap: it only drives the inspector and relays, so a small young generation (V8's
 * default lets each semi-space grow to 16 MB, resident once touched) saves memory; the old
 * generation stays roomy. 2 MB: the smallest V8 keeps (a 2 MB new space; 4 MB kept 4 MB of it resident).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256 };

/**
 * The share of V8's heap limit at which the agent stops a running cell (terminator.ts): at the
 * limit V8 aborts the process (every variable lost); past ~90% its collections near the limit take
 * seconds each. STRIDED_HEAP_STOP_MB sets the size in MB instead (tests use a small one).
 */
const HEAP_STOP_SHARE = 0.8;

/**
 * The heap size (MB) at which a running cell is stopped.
 *
 * @example
 * heapStopMB() // 3315 with Node 20's default 4144 MB limit on a 24 GB machine
 */
export function heapStopMB(): number {
  const set = Number(process.env.STRIDED_HEAP_STOP_MB);
  if (Number.isFinite(set) && set > 0) return Math.round(set);
  return Math.round((getHeapStatistics().heap_size_limit * HEAP_STOP_SHARE) / 2 ** 20);
}


export interface AgentEvents {
  /** The agent is up and connected to the transport. */
  ready(): void;
  /** A debugger client attached (true) or left (false). */
  debugActive(active: boolean): void;
  /** An interrupt (interrupt_request or SIGINT); call `acknowledgeInterrupt` once handled. */
  interrupt(): void;
}

/** The running agent worker, as seen from the main thread. */
export class AgentHost implements DebugChannel {
  /** True while a debugger client is attached (the worker says so). */
  private debugActive = false;
  private readonly debugCells = new Map<number, () => void>();
  private nextDebugCell = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly closedFlag: Int32Array,
    private readonly runningFlag: Int32Array,
    /** Captured when the agent starts, before any cell runs (a cell may rebind `Atomics`; the snapshot's builder has none). */
    private readonly wait: typeof Atomics.wait,
    private readonly compareExchange: typeof Atomics.compareExchange,
    private readonly store: typeof Atomics.store,
    private readonly add: typeof Atomics.add,
  ) {}

  /**
   * Starts the worker; it connects to the transport process on its own.
   *
   * @example
   * const agent = AgentHost.start("/tmp/strided-x/c", { ready, debugActive, interrupt });
   */
  static start(channelPath: string, events: AgentEvents, sigintLock: SharedArrayBuffer): AgentHost {
    const data: WorkerData = { channelPath, closedFlag: new SharedArrayBuffer(4), runningFlag: new SharedArrayBuffer(4 * RUNNING_SLOTS), sigintLock };
    const worker = new Worker(join(__dirname, "agent.js"), { workerData: data, stderr: false, stdout: false, resourceLimits: WORKER_LIMITS });
    const a = new AgentHost(worker, new Int32Array(data.closedFlag), new Int32Array(data.runningFlag), Atomics.wait, Atomics.compareExchange, Atomics.store, Atomics.add);
    a.store(a.runningFlag, RUNNING_SLOT.heapStopMB, heapStopMB());
    worker.unref(); // the process's life is the main thread's and the channel's
    // Each message's handling starts with the built-ins' own methods (primordials.ts).
    worker.on("message", (m: WorkerToMain) => withPristineBuiltins(() => {
      switch (m.kind) {
        case "ready":
          events.ready();
          break;
        case "debug-active":
          a.debugActive = m.active;
          if (!m.active) for (const [id, go] of a.debugCells) (a.debugCells.delete(id), go());
          events.debugActive(m.active);
          break;
        case "debug-cell-ready":
          a.debugCells.get(m.id)?.();
          a.debugCells.delete(m.id);
          break;
        case "interrupt":
          events.interrupt();
          break;
      }
    }));
    worker.on("error", (e) => process.stderr.write(`[strided] agent worker failed: ${e.stack ?? e.message}\n`));
    return a;
  }

  private post(m: MainToWorker): void {
    this.worker.postMessage(m);
  }

  /** Tells the worker whether a cell's code runs now (an interrupt it ignores is then terminated). */
  setRunning(running: boolean): void {
    if (running) {
      this.store(this.runningFlag, RUNNING_SLOT.heapStoppedMB, 0);
      this.add(this.runningFlag, RUNNING_SLOT.cells, 1);
    }
    this.store(this.runningFlag, RUNNING_SLOT.running, running ? 1 : 0);
  }

  /**
   * A cell is about to run: while a debugger is attached, hand its line map to the debugger and
   * resolve once its breakpoints are bound; otherwise undefined at once (no cost without a debugger).
   */
  debugCell(url: string, code: string, segments: () => Segment[][]): Promise<void> | undefined {
    if (!this.debugActive) return undefined;
    const id = ++this.nextDebugCell;
    return new Promise((resolve) => {
      this.debugCells.set(id, resolve);
      this.post({ kind: "debug-cell", id, url, code, segments: segments() });
    });
  }

  /**
   * For a process that exits now: asks the worker to disconnect its inspector sessions from this
   * thread and blocks until it has (at most `timeoutMs`). A worker that has not run yet (its
   * isolate still being built: 0.2-0.4 s under load) is not waited for: it will connect nothing
   * (AGENT_STATE.ending).
   */
  closeNow(timeoutMs = 1000): void {
    if (this.compareExchange(this.closedFlag, 0, AGENT_STATE.booting, AGENT_STATE.ending) === AGENT_STATE.booting) return;
    this.post({ kind: "close" });
    this.wait(this.closedFlag, 0, AGENT_STATE.connected, timeoutMs);
  }

  /**
   * Whether the agent stopped the running cell because the heap reached heapStopMB (then what it
   * saw), read once. The agent sets it before it interrupts the cell, so it is there when the
   * interrupted cell's outcome is made.
   */
  takeHeapStop(): HeapStop | null {
    const used = this.runningFlag[RUNNING_SLOT.heapStoppedMB];
    if (!(used > 0)) return null;
    this.store(this.runningFlag, RUNNING_SLOT.heapStoppedMB, 0);
    return { usedMB: used, stopMB: this.runningFlag[RUNNING_SLOT.heapStopMB], limitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) };
  }

  /** The main thread handled an interrupt: the worker stops forcing it. */
  acknowledgeInterrupt(): void {
    this.post({ kind: "interrupt-ack" });
  }
}
