/**
 * The compute process: the one that runs cells. Started in parallel with the transport process
 * (kernel/transport/process.ts: the ZeroMQ sockets, the process Jupyter holds), from the startup
 * snapshot by bin/strided-kernel (snapshot/entry.ts), or by `strided compute SOCKET`.
 *
 * Order of start-up (target: first `1 + 1` result 0.6 s after launch):
 *   1. hold SIGINT (transport/sigint.ts): from here on a signal never kills the process;
 *   2. connect to the transport process over the local channel (transport/channel.ts);
 *   3. start the dispatcher and load the cell session at once (requests wait for it); the
 *      transport has answered kernel_info meanwhile;
 *   4. once the session has warmed up (no cell runs before) and the requests then waiting (the
 *      first execute) are answered, start the agent worker
 *      (transport/agent-host.ts: the interrupt terminator and the debug adapter; Node builds its
 *      isolate from the blob, 0.2-0.3 s of CPU, kept off the warm-up's and first result's path).
 *      Until then an interrupt is SIGINT alone (the transport signals this process): it stops a
 *      cell's synchronous code (vm's breakOnSigint), and this thread, polling the watchdog, wakes
 *      a cell waiting on a promise, until the agent is up and takes the watchdog over.
 * Shutdown and a cell's `process.exit(n)` tell the transport the status first (it flushes what was
 * sent, closes its sockets and exits with it), then end at once (exit-listeners.ts).
 * Logs go to stderr only; stdout belongs to nobody.
 */
import { rmdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { Dispatcher } from "./dispatch/dispatcher.js";
import { kernelInfoContent } from "./dispatch/kernel-info.js";
import { youngGenerationGrows } from "./heap.js";
import { IdleCompaction, QUIET_MS } from "./idle-compaction.js";
import { exitNeedsMainThread, exitProcess, rememberKernelExitListeners } from "./exit-listeners.js";
import { LOG_ENABLED, stopLoggingWhenStderrFails } from "./log.js";
import type { CellSession, MimeBundle } from "./session/contract.js";
import type { BeforeRun, HeapStop } from "./session/index.js";
import { DebugBridge } from "./debug/bridge.js";
import { AgentHost } from "./transport/agent-host.js";
import { ComputeChannel } from "./transport/channel.js";
import { MainThreadSigint } from "./transport/sigint.js";
import type { InboundChannel } from "./transport/thread-messages.js";
import type { Message } from "./transport/wire.js";
import { Promise, Error, Math, Number, String, process, performance, setTimeout, withPristineBuiltins } from "./primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How long after the warm-up the agent worker starts at the latest, while the first requests are still being answered. */
const AGENT_LATEST_MS = 500;

/** How long after the agent worker's start the compiler makes its own program when the first cells used the snapshot's. */
const OWN_PROGRAM_AFTER_MS = 250;

/** Node's process.kill as the kernel loaded it (a cell may replace it: `process.kill = null`). */
const nodeKill: typeof process.kill = process.kill.bind(process);

/** The kernel's log line (stderr; off unless STRIDED_LOG=1, kernel/log.ts). */
export const log = (line: string): void => {
  if (LOG_ENABLED) process.stderr.write(`[strided] ${line}\n`);
};

/**
 * What `e` says, for the log: read in a window (the kernel's own Error.prepareStackTrace, not a
 * cell's), and never a throw (a stack or message getter, a toString may throw).
 */
function errorText(e: unknown): string {
  try {
    return withPristineBuiltins(() => (e instanceof Error ? String(e.stack ?? e.message) : String(e)));
  } catch {
    return "(a value whose text could not be read)";
  }
}

/** The cell pipeline and the display of values. */
async function loadSession(notebookDir: string, onRunning: (running: boolean) => void, beforeRun: BeforeRun, heapStop: () => HeapStop | null, pollInterrupt: () => void): Promise<{ session: CellSession; toMimeBundle: (v: unknown) => MimeBundle }> {
  const [{ createCellSession, mimeBundleInterruptibly }, { installDebugHelpers }] = await Promise.all([import("./session/index.js"), import("./debug/main-helpers.js")]);
  const session = await createCellSession({ notebookDir, onRunning, beforeRun, heapStop, pollInterrupt });
  installDebugHelpers(mimeBundleInterruptibly); // richInspectVariables shows a value: its own toString may loop too
  return { session, toMimeBundle: mimeBundleInterruptibly }; // a cell's result: its own toString may loop (session/run/interruptible.ts)
}

/** The status a `process.exit(code)` call ends the process with, as Node reads it. */
function exitStatus(code: unknown): number {
  const n = code === undefined || code === null ? Number(process.exitCode ?? 0) : Number(code);
  return Number.isInteger(n) ? n & 0xff : 0;
}

/**
 * Runs the cells until a shutdown. Resolves once connected to the transport process.
 *
 * @example
 * await startCompute("/tmp/strided-Ab12/c");
 */
export async function startCompute(channelPath: string): Promise<void> {
  const started = performance.now();
  let dispatcher: Dispatcher | null = null;
  let session: CellSession | null = null;
  let agent: AgentHost | null = null;
  let channel: ComputeChannel | null = null;
  let running = false;
  let exiting = false;

  // Called from the SIGINT poll's timer too: a window, as any kernel code a timer starts (a cell may have patched prototypes).
  const interrupted = (): void =>
    withPristineBuiltins(() => {
      dispatcher?.interrupt();
      session?.interrupt();
    });
  // First: SIGINT never kills the kernel from here on (transport/sigint.ts).
  const sigint = new MainThreadSigint(interrupted);
  stopLoggingWhenStderrFails(); // a launcher gone during start-up must not leave the log writing to a closed pipe for good (log.ts)

  // Set when the kernel was meant to start from its startup snapshot and could not (bin/strided-kernel,
  // snapshot/entry.ts): one line on the log and in kernel_info's banner (the kernel writes nothing to stderr by default).
  const snapshotNote = process.env.STRIDED_SNAPSHOT_NOTE;
  if (snapshotNote) log(snapshotNote);
  const kernelInfo = kernelInfoContent(snapshotNote);

  /** Just before the process ends: the agent's inspector sessions off this thread, then the channel closed (the transport has the status). */
  const endConnections = (): void => {
    agent?.closeNow();
    channel?.close();
  };

  const shutdown = (why: string): void => {
    if (exiting) return;
    exiting = true;
    log(`shutting down (${why})`);
    session?.stopWarming?.(); // the exit waits for the main thread: no compiler warm-up first (seconds under load)
    try {
      dispatcher?.flushOutput();
      channel?.exiting(0);
    } finally {
      exitProcess(0, () => endConnections()); // not process.exit: a cell may have replaced it (exit-listeners.ts)
    }
  };

  // User code (a timer, a stray promise) must not take the kernel down; nor may reading what it
  // threw (a listener that throws ends the process: a cell's `Error.prepareStackTrace` that threw
  // did, the first time an error's stack was read here).
  process.on("uncaughtException", (e) => LOG_ENABLED && log(`uncaught exception: ${errorText(e)}`));
  process.on("unhandledRejection", (e) => LOG_ENABLED && log(`unhandled rejection: ${errorText(e)}`));

  /** Once the kernel is quiet, its heap is compacted (idle-compaction.ts). */
  // The transport hears of it first: a shutdown_request during the collection (hundreds of ms) then
  // ends this process with a kill when its exit needs no JavaScript, instead of waiting (idle-compaction.ts).
  const idle = new IdleCompaction(log, QUIET_MS, {
    before: () => {
      session?.releaseIdle?.(); // the kept program and its checker: garbage for this collection (memory.test.ts: +33 MB idle after 3,000 distinct cells with it kept)
      dispatcher?.flushOutput(); // what a timer printed since the last idle goes out before the kill could come
      channel?.compacting(!exitNeedsMainThread());
    },
    after: () => channel?.compacted(),
  });
  const early: [InboundChannel, Message, number, string | undefined][] = [];
  const receive = (ch: InboundChannel, msg: Message, seq: number, problem?: string): void => {
    const d = dispatcher;
    if (!d) {
      early[early.length] = [ch, msg, seq, problem];
      return;
    }
    idle.busy(msg.header.msg_type === "execute_request");
    d.receive(ch, msg, seq, problem);
    void d.whenIdle().then(() => idle.quiet());
  };
  const opened = await ComputeChannel.open(channelPath, snapshotNote, {
    request: receive,
    shutdown: (restart) => shutdown(`shutdown_request on control, restart=${restart}`),
    lost: () => {
      // The transport process is gone (killed with its process group, or it ended the kernel).
      log("the transport process is gone: exiting");
      removeChannel(channelPath); // a transport killed by SIGKILL could not remove it
      nodeKill(process.pid, "SIGKILL");
    },
  });
  channel = opened.channel;
  log(`connected to the transport process ${Math.round(performance.now() - started)} ms after start`);

  // A cell's process.exit(n): its output is flushed and the transport told the status before the
  // process exits with status n; the front end then sees a dead kernel, as after ipykernel's os._exit.
  process.exit = ((code?: number | string | null) => {
    try {
      dispatcher?.flushOutput();
      channel?.exiting(exitStatus(code));
    } finally {
      exitProcess(code as number | undefined, () => endConnections()); // the notebook's exit listeners time-boxed (exit-listeners.ts)
    }
  }) as typeof process.exit;

  youngGenerationGrows(false);
  const debug = new DebugBridge(() => agent);
  /** The agent worker (interrupt terminator, debug adapter), once the session has warmed up. */
  const startAgent = (): void => {
    agentStarted = true;
    agent = AgentHost.start(channelPath, {
      ready: () => {
        // The agent polls the watchdog from its first moment (under the watchdog's lock, so one of
        // the two threads takes each signal): this thread, which polled until now, stops.
        sigint.handOver();
        youngGenerationGrows(false); // the worker's start reset V8's flags (heap.ts); its isolate is up now
        log(`agent worker ready ${Math.round(performance.now() - started)} ms after start`);
      },
      debugActive: (active) => {
        if (active) debug.attached();
      },
      interrupt: () => {
        interrupted();
        agent?.acknowledgeInterrupt();
      },
    }, sigint.lock);
    if (running) agent.setRunning(true);
    youngGenerationGrows(false); // starting a worker resets V8's flags (heap.ts)
    // The compiler's own program (60-75 ms of this thread), if the first cells used the snapshot's:
    // a little later, so a shutdown or restart sent right after the first result does not wait for it
    // (a cell sent meanwhile that names a file makes it at once: session/compiler.ts).
    setTimeout(() => {
      if (!exiting) session?.finishWarming?.();
    }, OWN_PROGRAM_AFTER_MS);
  };
  let agentStarted = false;

  let toBundle: ((v: unknown) => MimeBundle) | null = null;
  const sessionPromise = loadSession(
    process.cwd(),
    (r) => {
      running = r;
      // A cell's code is about to run and the agent is not started yet (the first cell of a Run All,
      // sent before the kernel was idle once): start it now, before any of the cell's callbacks can
      // run. Code spinning in a timer or a promise continuation keeps this thread from ever reading
      // a message or firing a timer, so only an agent started before it can stop it (its boot, on
      // its own thread, overlaps the cell's run and the result's way out).
      if (r && !agentStarted && !exiting) startAgent();
      agent?.setRunning(r); // the agent lets the young generation grow in long cells
      if (!r) youngGenerationGrows(false);
    },
    (cell) => debug.beforeRun(cell),
    () => agent?.takeHeapStop() ?? null,
    () => {
      if (sigint.takePending()) interrupted();
    },
  ).then((l) => {
    session = l.session;
    if (exiting) l.session.stopWarming?.(); // loaded after a shutdown_request: no warm-up
    toBundle = l.toMimeBundle;
    log(`cell session ready ${Math.round(performance.now() - started)} ms after start`);
    rememberKernelExitListeners(); // before any cell runs: later ones are the notebook's (exit-listeners.ts)
    // Once the compiler has warmed (no cell runs before) and the requests already here are answered
    // (a front end sends its first execute right after kernel_info: it waits in the dispatcher by
    // now): its isolate's 0.2-0.3 s of CPU slows neither the warm-up nor the first result.
    // At most AGENT_LATEST_MS later; and at the latest when a cell's code starts running (above).
    const afterQueue = (): void => {
      log(`compiler warm ${Math.round(performance.now() - started)} ms after start`);
      const once = (): void => {
        if (!agentStarted && !exiting) startAgent();
      };
      setTimeout(once, AGENT_LATEST_MS);
      if (dispatcher) void dispatcher.whenIdle().then(once, once);
      else once();
    };
    const warmed = l.session.ready?.() ?? Promise.resolve();
    void warmed.then(afterQueue, afterQueue);
    return l.session;
  });

  const d = new Dispatcher({
    transport: channel,
    session: sessionPromise,
    // Only called after an execute, which awaited the session, so the bundle module is loaded.
    toMimeBundle: (v) => withPristineBuiltins(() => (toBundle ? toBundle(v) : { "text/plain": String(v) })),
    kernelInfo,
    sessionId: opened.session, // the transport's: one kernel session id on every message
    onShutdown: (restart) => shutdown(`shutdown_request on shell, restart=${restart}`),
    log,
  });
  dispatcher = d; // no `status: starting` from here: the transport published it when it bound its sockets
  for (let i = 0; i < early.length; i++) receive(...early[i]);
  early.length = 0;
}

/**
 * Remove the channel's socket and its private folder (made for this kernel by bin/strided-kernel or
 * the transport): the folder only if it is then empty, so a path given by hand never takes more.
 */
function removeChannel(channelPath: string): void {
  try {
    rmSync(channelPath, { force: true });
    rmdirSync(dirname(channelPath));
  } catch {
    // removed already (the transport's end), or not ours to remove
  }
}

if (require.main === module) {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write("usage: node dist/kernel/main.js SOCKET\n");
    process.exit(2);
  }
  startCompute(path).catch((e: unknown) => {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
