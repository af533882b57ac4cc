/**
 * The compute process's agent worker: the thread of the process that runs cells which is never
 * busy. Started by the main thread once the cell session is ready (agent-host.ts), off the first
 * result's path; it holds
 * - the terminator (terminator.ts): Node's SIGINT watchdog, polled, turned into `interrupt`
 *   messages to the main thread, and forced through V8's inspector when the main thread does not
 *   answer (code spinning outside a cell's stack);
 * - JupyterLab's debug adapter (kernel/debug/adapter.ts), driving the inspector on the main thread;
 * - its own connection to the transport process (link.ts): interrupt_request, shutdown and
 *   debug_request arrive here even while the main thread spins or is stopped at a breakpoint.
 * It also ends the process when the transport process is gone (its connection closed): an
 * orphan spinning in a cell would otherwise run for good.
 *
 * Hard rule: no zeromq here (the sockets live in the transport process); this thread never runs
 * user code.
 */
import { writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { DebugAdapter } from "../debug/adapter.js";
import { readDapRequest } from "../debug/dap.js";
import { LOG_ENABLED } from "../log.js";
import { LocalLink } from "./link.js";
import type { AgentToTransport, TransportToAgent } from "./link-messages.js";
import { AGENT_STATE, type MainToWorker, type WorkerData, type WorkerToMain } from "./thread-messages.js";
import { Terminator } from "./terminator.js";

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error("kernel/transport/agent.js must run as a worker_thread");
const closed = new Int32Array(data.closedFlag);
// The main thread may be ending the process already (a shutdown while this thread booted): then it
// does not wait for this one, which must connect nothing to it (Node would print "Waiting for the
// debugger to disconnect..."); it waits here until the process is gone.
if (Atomics.compareExchange(closed, 0, AGENT_STATE.booting, AGENT_STATE.connected) !== AGENT_STATE.booting) Atomics.wait(closed, 0, AGENT_STATE.ending);

const post = (m: WorkerToMain): void => port.postMessage(m);
const log = (line: string): void => {
  if (!LOG_ENABLED) return;
  // Worker stderr is relayed through the main thread; write synchronously to fd 2 so a busy
  // main thread cannot hold a log line back.
  try {
    writeSync(2, `[strided agent] ${line}\n`);
  } catch {
    // stderr gone: nothing to do
  }
};

let link: LocalLink | null = null;
const send = (f: AgentToTransport): void => link?.send(f);

/** Turns SIGINT and interrupt_request into `interrupt` messages; forces code that ignores them (terminator.ts). */
const terminator = new Terminator(log, () => post({ kind: "interrupt" }));
terminator.watchCells(new Int32Array(data.runningFlag));
terminator.pollSigint(new Int32Array(data.sigintLock)); // now: the main thread may be spinning already
/** JupyterLab's debugger (debug_request on control, debug_event on iopub): kernel/debug/adapter.ts. */
const debugAdapter = new DebugAdapter({
  event: (e) => send({ kind: "debug-event", content: e as unknown as Record<string, unknown> }),
  setActive: (active) => post({ kind: "debug-active", active }),
  forcingInterrupt: () => terminator.isForcing,
  log,
});

async function fromTransport(f: TransportToAgent): Promise<void> {
  switch (f.kind) {
    case "interrupt":
      if (debugAdapter.isPaused) {
        // A cell stopped in the debugger is ended by the debugger alone (an interrupt message
        // or a SIGINT left pending would reach the next cell).
        await debugAdapter.release();
        send({ kind: "interrupt-settled" }); // nothing for the main thread to read
      } else {
        terminator.requested(); // the main thread's ack settles it
      }
      send({ kind: "interrupted", id: f.id });
      return;
    case "shutdown":
      // Stop whatever runs on the main thread (the transport asks it to exit, and kills it if it cannot).
      await debugAdapter.release();
      process.kill(process.pid, "SIGINT");
      return;
    case "debug-request": {
      let content: Record<string, unknown>;
      try {
        content = (await debugAdapter.handle(readDapRequest(f.content))) as unknown as Record<string, unknown>;
      } catch (e) {
        content = { type: "response", seq: 0, request_seq: f.content.seq ?? 0, command: f.content.command ?? "", success: false, message: (e as Error).message };
      }
      send({ kind: "debug-reply", id: f.id, content });
      return;
    }
  }
}

port.on("message", (m: MainToWorker) => {
  if (m.kind === "debug-cell") {
    debugAdapter
      .registerCell(m.url, m.code, m.segments)
      .catch((e: unknown) => log(`debugger: cannot register ${m.url}: ${(e as Error).message}`))
      .finally(() => post({ kind: "debug-cell-ready", id: m.id }));
  } else if (m.kind === "interrupt-ack") {
    terminator.acknowledged();
    send({ kind: "interrupt-settled" });
  } else if (m.kind === "close") {
    terminator.close();
    debugAdapter.close();
    Atomics.store(closed, 0, AGENT_STATE.closed);
    Atomics.notify(closed, 0);
  }
});

LocalLink.connect(
  data.channelPath,
  (f) => void fromTransport(f as TransportToAgent).catch((e: unknown) => log(`handling ${f.kind} failed: ${(e as Error).message}`)),
  () => {
    // The transport process is gone (killed, or it ended the kernel): so is this process, even
    // while its main thread spins in a cell.
    log("the transport process is gone: ending the compute process");
    process.kill(process.pid, "SIGKILL");
  },
).then(
  (l) => {
    link = l;
    l.send({ kind: "hello", role: "agent" });
    post({ kind: "ready" });
  },
  (e: unknown) => {
    log(`no channel to the transport process (interrupt_request and the debugger are off): ${(e as Error).message}`);
    post({ kind: "ready" });
  },
);
