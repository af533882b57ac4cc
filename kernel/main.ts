/**
 * The kernel process: `node bin/strided.js kernel CONNECTION_FILE` lands here.
 *
 * Order of start-up (target: first kernel_info_reply under 1 s):
 *   1. read the connection file, start the transport worker (it binds the five sockets);
 *   2. start the dispatcher: it answers kernel_info at once, without the cell session;
 *   3. load the cell session (TypeScript) once the front end's first kernel_info_request is
 *      answered (front ends send one as soon as they connect), at once when the first request is
 *      anything else, and after LOAD_AFTER_MS at the latest; execute requests wait for it.
 * SIGINT never kills the process: it interrupts the running cell (the transport's
 * interrupt_request sends the same signal); the transport worker terminates a running cell that
 * has not stopped a second later (transport/terminator.ts), so the session tells it when cells run. Shutdown flushes and closes the sockets first
 * (a worker ended with open zeromq sockets aborts the process), then exits 0.
 * Logs go to stderr only; stdout belongs to nobody.
 */
import { randomUUID } from "node:crypto";
import { Dispatcher } from "./dispatch/dispatcher.js";
import { kernelInfoContent } from "./dispatch/kernel-info.js";
import { youngGenerationGrows } from "./heap.js";
import { IdleCompaction } from "./idle-compaction.js";
import { exitProcess, rememberKernelExitListeners } from "./exit-listeners.js";
import { LOG_ENABLED } from "./log.js";
import type { CellSession, MimeBundle } from "./session/contract.js";
import type { BeforeRun } from "./session/index.js";
import { DebugBridge } from "./debug/bridge.js";
import { readConnectionFile } from "./transport/connection.js";
import { WorkerTransport } from "./transport/host.js";
import type { InboundChannel } from "./transport/thread-messages.js";
import type { Message } from "./transport/wire.js";
import { Promise, Error, Math, String, process, performance, setTimeout, setImmediate, withPristineBuiltins } from "./primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** Start loading the cell session by then even if no front end has asked anything. */
const LOAD_AFTER_MS = 300;

/** The kernel's log line (stderr; off unless STRIDED_LOG=1, kernel/log.ts). */
export const log = (line: string): void => {
  if (LOG_ENABLED) process.stderr.write(`[strided] ${line}\n`);
};

/** The cell pipeline and the display of values, loaded after the sockets are up. */
async function loadSession(notebookDir: string, onRunning: (running: boolean) => void, beforeRun: BeforeRun): Promise<{ session: CellSession; toMimeBundle: (v: unknown) => MimeBundle }> {
  const [{ createCellSession }, { toMimeBundle }, { installDebugHelpers }] = await Promise.all([
    import("./session/index.js"),
    import("./display/bundle.js"),
    import("./debug/main-helpers.js"),
  ]);
  const session = await createCellSession({ notebookDir, onRunning, beforeRun });
  installDebugHelpers(toMimeBundle);
  return { session, toMimeBundle };
}

/**
 * Runs the kernel until a shutdown_request. Resolves once the kernel is listening.
 *
 * @example
 * await startKernel("/run/user/1000/jupyter/kernel-1234.json");
 */
export async function startKernel(connectionFile: string): Promise<void> {
  const started = performance.now();
  // Set when the kernel was meant to start from its startup snapshot and could not (bin/strided-kernel,
  // snapshot/entry.ts): one line on the log and in kernel_info's banner (the kernel writes nothing to stderr by default).
  const snapshotNote = process.env.STRIDED_SNAPSHOT_NOTE;
  if (snapshotNote) log(snapshotNote);
  const connection = readConnectionFile(connectionFile);
  const sessionId = randomUUID();
  const kernelInfo = kernelInfoContent(snapshotNote);

  let dispatcher: Dispatcher | null = null;
  const early: [InboundChannel, Message, number, string | undefined][] = [];
  let session: CellSession | null = null;
  let transport: WorkerTransport | null = null;
  let exiting = false;

  const shutdown = async (why: string): Promise<void> => {
    if (exiting) return;
    exiting = true;
    log(`shutting down (${why})`);
    session?.stopWarming?.(); // the exit waits for the main thread: no compiler warm-up first (seconds under load)
    try {
      await transport?.close();
    } finally {
      exitProcess(0); // not process.exit: a cell may have replaced it (exit-listeners.ts)
    }
  };

  // User code (a timer, a stray promise) must not take the kernel down.
  process.on("uncaughtException", (e) => log(`uncaught exception: ${e.stack ?? e.message}`));
  process.on("unhandledRejection", (e) => log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

  let kick: () => void = () => {};
  const kicked = new Promise<void>((r) => (kick = r));
  /** Once the kernel is quiet, its heap is compacted (idle-compaction.ts). */
  const idle = new IdleCompaction(log);
  const receive = (channel: InboundChannel, msg: Message, seq: number, problem?: string): void => {
    if (!dispatcher) {
      early.push([channel, msg, seq, problem]);
      return;
    }
    idle.busy(msg.header.msg_type === "execute_request");
    dispatcher.receive(channel, msg, seq, problem);
    const d = dispatcher;
    void d.whenIdle().then(() => idle.quiet());
    // Loading the session blocks this thread for a while: answer a waiting kernel_info first.
    if (msg.header.msg_type === "kernel_info_request") void dispatcher.whenIdle().then(kick);
    else kick();
  };

  const debug = new DebugBridge(() => transport);
  transport = await WorkerTransport.start(connection, sessionId, kernelInfo, {
    request: receive,
    shutdown: (restart) => void shutdown(`shutdown_request on control, restart=${restart}`),
    debugActive: (active) => {
      if (active) debug.attached();
    },
    // SIGINT never kills the kernel: the transport worker holds Node's SIGINT watchdog and turns
    // the signal (and interrupt_request) into this message (transport/terminator.ts).
    interrupt: () => {
      dispatcher?.interrupt();
      session?.interrupt();
      transport?.acknowledgeInterrupt();
    },
  });

  // A cell's process.exit(n): its output is flushed and the sockets closed before the process
  // exits with status n (a worker ended with open zeromq sockets aborts the process). The
  // front end then sees a dead kernel, as after ipykernel's os._exit.
  process.exit = ((code?: number | string | null) => {
    try {
      dispatcher?.flushOutput();
      transport?.closeNow();
    } finally {
      exitProcess(code as number | undefined); // the notebook's exit listeners time-boxed (exit-listeners.ts)
    }
  }) as typeof process.exit;

  youngGenerationGrows(false); // after the worker started (it resets V8's flags), before the warm-up (heap.ts)
  let toBundle: ((v: unknown) => MimeBundle) | null = null;
  setTimeout(kick, LOAD_AFTER_MS);
  const loaded = kicked.then(() => new Promise<void>((r) => setImmediate(r))).then(() =>
    loadSession(
      process.cwd(),
      (running) => {
        transport?.setRunning(running); // the worker lets the young generation grow in long cells
        if (!running) youngGenerationGrows(false);
      },
      (cell) => debug.beforeRun(cell),
    ),
  );
  const sessionPromise = loaded.then((l) => {
    session = l.session;
    if (exiting) l.session.stopWarming?.(); // loaded after a shutdown_request: no warm-up
    toBundle = l.toMimeBundle;
    log(`cell session ready ${Math.round(performance.now() - started)} ms after start`);
    rememberKernelExitListeners(); // before any cell runs: later ones are the notebook's (exit-listeners.ts)
    return l.session;
  });

  const d = new Dispatcher({
    transport,
    session: sessionPromise,
    // Only called after an execute, which awaited the session, so the bundle module is loaded.
    toMimeBundle: (v) => withPristineBuiltins(() => (toBundle ? toBundle(v) : { "text/plain": String(v) })),
    kernelInfo,
    sessionId,
    onShutdown: (restart) => void shutdown(`shutdown_request on shell, restart=${restart}`),
    log,
  });
  dispatcher = d;
  d.start();
  for (const [c, m, s, p] of early.splice(0)) receive(c, m, s, p);
  log(`listening on ${connection.transport}://${connection.ip} (shell ${connection.shell_port}) ${Math.round(performance.now() - started)} ms after start`);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node dist/kernel/main.js CONNECTION_FILE\n");
    process.exit(2);
  }
  startKernel(file).catch((e: unknown) => {
    process.stderr.write(`[strided] cannot start: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
