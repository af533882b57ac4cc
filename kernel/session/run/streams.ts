/**
 * Cell output: `process.stdout.write`, `process.stderr.write` and `console.*` inside a cell (or
 * inside a timer/promise it started) become `stream` messages of THAT cell, in order; writes with
 * no cell context go to the kernel's stderr log. Unhandled rejections and uncaught exceptions
 * from cell code are reported to the cell that caused them (or the log), never fatal.
 */
import { Console } from "node:console";
import { inspect } from "node:util";
import { currentCell, logToStderr } from "./context.js";
import { Error, String, Buffer, process } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

let installed = false;

/** Captured at load, before a cell can replace them (and before the nextTick guard wraps it). */
const nextTick = process.nextTick;
const proc = process;

/**
 * Write callbacks, called together on the next tick: one tick per batch, not per write (with the
 * cell context's async hooks on, each tick costs an async resource, about 15 µs: most of what a
 * `console.log` cost, since Console passes a callback to every write).
 */
let callbacks: (() => void)[] = [];
function runCallbacks(): void {
  const run = callbacks;
  callbacks = [];
  for (let i = 0; i < run.length; i++) {
    try {
      run[i]();
    } catch (e) {
      logToStderr(`[strided] a write callback threw: ${(e as Error)?.message ?? String(e)}\n`);
    }
  }
}
function later(cb: () => void): void {
  if (callbacks.length === 0) nextTick(runCallbacks);
  callbacks[callbacks.length] = cb;
}

type Write = (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;

function chunkText(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === "string") return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return String(chunk);
}

function routed(name: "stdout" | "stderr", original: Write): Write {
  return function write(this: unknown, chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
    const cell = currentCell();
    const done = typeof encoding === "function" ? encoding : cb;
    if (!cell) {
      // Output of code that belongs to no cell: the kernel's log (off unless STRIDED_LOG=1).
      logToStderr(chunkText(chunk, encoding));
    } else {
      try {
        cell.io.stream(name, chunkText(chunk, encoding));
      } catch (e) {
        logToStderr(`[strided] cannot publish ${name}: ${(e as Error).message}\n`);
      }
    }
    if (typeof done === "function") later(done as () => void);
    return true;
  };
}

function plainDescribe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : inspect(e);
}

/**
 * Route process.stdout/stderr and console through the running cell. Idempotent.
 * `describe` turns a stray error into text (the session maps its frames to cell lines).
 */
export function installStreams(describe: (e: unknown) => string = plainDescribe): void {
  if (installed) return;
  installed = true;
  process.stdout.write = routed("stdout", process.stdout.write.bind(process.stdout) as Write) as typeof process.stdout.write;
  process.stderr.write = routed("stderr", process.stderr.write.bind(process.stderr) as Write) as typeof process.stderr.write;
  // A console of our own: test runners replace the global console with one that bypasses the streams.
  // colorMode false: the front end is no terminal, and "auto" asks the stream for its colour depth on every call (about 7 µs).
  globalThis.console = new Console({ stdout: process.stdout, stderr: process.stderr, colorMode: false });
  process.on("unhandledRejection", (reason) => {
    const cell = currentCell();
    if (cell) cell.io.stream("stderr", `Unhandled promise rejection: ${describe(reason)}\n`);
  });
  process.on("uncaughtException", (e) => {
    const cell = currentCell();
    if (cell) cell.io.stream("stderr", `Uncaught exception: ${describe(e)}\n`);
    else if (process.listenerCount("uncaughtException") === 1) logToStderr(`[strided] uncaught exception: ${describe(e)}\n`);
  });
}
