/**
 * Keep Node's event loop callable whenever a cell's code patches what it calls.
 *
 * Hard rule: after ANY piece of notebook code returns to Node (the cell's synchronous part, a
 * timer, an immediate, a tick, a promise continuation, an I/O or event callback), the built-ins
 * Node's own event loop calls (primordials.ts, NODE_CRITICAL: `Function.prototype.apply`/`call`/
 * `bind`, `Array.prototype.pop`, array iteration) are the originals again before Node's code runs.
 *
 * Why: node:internal/async_hooks' callbackTrampoline calls `cb.apply(...)` and then
 * `execution_async_resources.pop()` for every callback, EventEmitter#emit calls `handler.apply`;
 * these are Node's code, which the kernel cannot give its own references. EventEmitter's methods
 * and the thread port's postMessage are on the same path (installNodeGuard adds them). A patch made by a timer
 * between cells (no cell running) stopped every later callback: worker messages, so no reply.
 *
 * How: an async hook's `after` runs right after each callback and promise reaction, before
 * Node's bookkeeping that follows it (callbackTrampoline emits `after` before its `pop()`), and
 * puts them back (one property read each when nothing changed: primordials.ts unchangedForNode). A callback that patches and then
 * throws skips `after`: the uncaught-exception capture puts them back before Node emits the event
 * (EventEmitter#emit would call `handler.apply`). The note goes to the stderr of the cell whose
 * code patched (the async context's cell), as that cell's other late output does.
 */
import { createHook } from "node:async_hooks";
import { currentCell } from "./context.js";
import { EventEmitter } from "node:events";
import { Readable } from "node:stream";
import { Buffer } from "node:buffer"; // the built-in itself (primordials.ts holds a wrapper with copies of its statics)
import { MessagePort, Worker } from "node:worker_threads";
import { process, Reflect, protectForEventLoop, restoreNodeCritical } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** The lines a cell's stderr gets when the kernel put built-ins back (or took a cell's `then` off a prototype). */
export function putBackNote(restored: readonly string[]): string {
  const back: string[] = [];
  const thens: string[] = [];
  for (let i = 0; i < restored.length; i++) {
    const label = restored[i];
    if (label.length > 5 && label.slice(-5) === ".then") thens[thens.length] = label;
    else back[back.length] = label;
  }
  let text = "";
  if (back.length > 0) {
    const one = back.length === 1;
    text += `${back.join(", ")} ${one ? "was" : "were"} put back: Node's own event loop calls ${one ? "it" : "them"} for every callback, so the kernel would stop answering\n`;
  }
  if (thens.length > 0) {
    text += `${thens.join(", ")} ${thens.length === 1 ? "was" : "were"} removed: it makes every object a thenable, so every promise resolved with an object (the kernel's replies too) would take its value from it\n`;
  }
  return text;
}

/** Put the event loop's built-ins back now, telling the cell whose code is running (if any). Never throws. */
export function restoreAndNote(): void {
  let restored: readonly string[];
  try {
    restored = restoreNodeCritical();
  } catch {
    return;
  }
  if (restored.length === 0) return;
  try {
    currentCell()?.io.stream("stderr", putBackNote(restored));
  } catch {
    // no publisher: nothing to tell
  }
}

let installed = false;

/** Install the `after` hook and the uncaught-exception capture (once). */
export function installNodeGuard(): void {
  if (installed) return;
  installed = true;
  // Also what every event and thread message goes through: EventEmitter's methods (process,
  // streams, the agent's Worker), the port that carries every message between this
  // thread and the agent worker, and process's own emit/on/nextTick (a function there is a
  // package's wrapper, left alone; anything else stops Node). Captured now, after the kernel's
  // own process.nextTick guard (run/terminate.ts) is in place.
  const emitter = EventEmitter.prototype;
  for (const key of ["emit", "on", "addListener", "once", "removeListener", "off", "prependListener", "listenerCount"]) protectForEventLoop(emitter, key, `EventEmitter.prototype.${key}`);
  protectForEventLoop(Readable.prototype, "push", "Readable.prototype.push"); // every chunk a stream reads (a cell's null: the patching cell never got its reply)
  protectForEventLoop(MessagePort.prototype, "postMessage", "MessagePort.prototype.postMessage");
  protectForEventLoop(Worker.prototype, "postMessage", "Worker.prototype.postMessage");
  for (const key of ["emit", "on", "nextTick"]) protectForEventLoop(process, key, `process.${key}`, "functions");
  // What Node's emit reads first, for every event of the process (a null there ended it at the next uncaught exception)
  protectForEventLoop(process, "_events", "process._events", "objects");
  // Node's Buffer.isBuffer is `b instanceof Buffer`: the streams' every write asks it (a null hung the kernel)
  protectForEventLoop(Buffer, "prototype", "Buffer.prototype");
  // Every `then` (the kernel's captured one too) and every Array method that makes an array asks
  // the species: a getter there that throws failed every later cell.
  protectForEventLoop(Promise, Symbol.species, "Promise[Symbol.species]");
  protectForEventLoop(Promise.prototype, "constructor", "Promise.prototype.constructor");
  protectForEventLoop(Array, Symbol.species, "Array[Symbol.species]");
  protectForEventLoop(Array.prototype, "constructor", "Array.prototype.constructor");
  createHook({ after: restoreAndNote }).enable();
  // The capture runs before 'uncaughtException' is emitted; it then emits it itself with the
  // built-ins back, so listeners (the kernel's and a cell's own) still hear it.
  const emit = process.emit;
  const setCapture = process.setUncaughtExceptionCaptureCallback;
  if (typeof setCapture !== "function") return;
  try {
    Reflect.apply(setCapture, process, [
      (error: unknown) => {
        restoreAndNote();
        Reflect.apply(emit, process, ["uncaughtException", error, "uncaughtException"]);
      },
    ]);
  } catch {
    // a capture callback is already set (a domain): keep Node's path
  }
}
