/**
 * Cell output: `process.stdout.write`, `process.stderr.write` and `console.*` inside a cell (or
 * inside a timer/promise it started) become `stream` messages of THAT cell, in order; writes with
 * no cell context go to the kernel's stderr log. Unhandled rejections and uncaught exceptions
 * from cell code are reported to the cell that caused them (or the log), never fatal.
 */
import { Console } from "node:console";
import { inspect } from "node:util";
import { currentCell, logToStderr } from "./context.js";

let installed = false;

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
      if (name === "stderr") return original.call(process.stderr, chunk, encoding, cb);
      logToStderr(chunkText(chunk, encoding));
    } else {
      try {
        cell.io.stream(name, chunkText(chunk, encoding));
      } catch (e) {
        logToStderr(`[strided] cannot publish ${name}: ${(e as Error).message}\n`);
      }
    }
    if (typeof done === "function") process.nextTick(done as () => void);
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
  globalThis.console = new Console({ stdout: process.stdout, stderr: process.stderr });
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
