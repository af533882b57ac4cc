/**
 * The run stage: evaluate emitted JavaScript at the notebook's top level with V8's REPL mode
 * (an in-process inspector Session posting Runtime.evaluate { replMode, awaitPromise }), which
 * accepts re-declared const/let/class and top-level await.
 *
 * Interrupt: the synchronous part of a cell runs inside
 * `vm.runInThisContext(..., { breakOnSigint: true })`, so a SIGINT stops `while (true) {}`
 * (V8 terminates the script; the globals survive). A cell waiting on a promise is rejected by
 * `interrupt()`, which the kernel calls when the agent worker's `interrupt` message is read.
 * Code spinning outside the cell's stack (after an `await`, in a timer, an event handler) never
 * lets the main thread read it: the agent worker pauses the main thread and terminates that
 * code if `terminationVerdict` (run/terminate.ts) says it is the notebook's.
 */
import inspector from "node:inspector";
import { runHere } from "./interruptible.js";
import { isNativeError } from "node:util/types";
import { cellContext, showStoreBriefly, type CellContext } from "./context.js";
import { takeStopped, terminationVerdict } from "./terminate.js";
import { fullCollector } from "../../gc.js";
import { putBackNote } from "./node-guard.js";
import { Promise, Error, TypeError, Number, BigInt, Object, globalThisRef, promiseThen, restoreNodeCritical } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** How an evaluation ended. */
export type RunResult = { kind: "ok" } | { kind: "thrown"; value: unknown } | { kind: "interrupted" };

/** The helpers object emitted cells and this evaluator share (globalThis.__strided__). */
export interface Helpers {
  import(spec: string): Promise<Record<string, unknown>>;
  require(spec: string): unknown;
  last: unknown;
  post: () => void;
  caught: unknown;
  /** Evaluated by the agent worker on the paused main thread before it terminates code that ignored an interrupt. */
  beforeTerminate?: () => string;
  /** The same for the debugger ending a cell paused at a breakpoint (kernel/debug/adapter.ts): nothing is left to report later. */
  beforeDebuggerTerminate?: () => string;
  /**
   * Evaluated by the agent worker's heap guard (kernel/transport/terminator.ts) when a running
   * cell's heap reached its stop size: one full collection, so garbage does not count; "collected"
   * (or "no-gc" where V8's collector is not reachable).
   */
  collect?: () => string;
}

interface RemoteObject {
  type: string;
  value?: unknown;
  unserializableValue?: string;
  objectId?: string;
}

interface EvaluateResponse {
  result: RemoteObject;
  exceptionDetails?: { exception?: RemoteObject; text: string };
}

const INTERRUPTED = /interrupted by `SIGINT`|Execution was terminated/;
/** What the in-process inspector says when it could not wait for a cell's REPL promise (V8: kServerError). */
const INSPECTOR_FAILED = /^Inspector error -32603/;
/** What V8 looks up for every promise's `then` (SpeciesConstructor), the REPL promise's too. */
const PROMISE_SPECIES = ["Promise[Symbol.species]", "Promise.prototype.constructor"];

/**
 * The error a cell gets when V8's inspector could not wait for it. V8's REPL mode chains a `then`
 * on the cell's promise as soon as the cell's code returns (at its end or its first `await`);
 * that `then` reads `Promise.prototype.constructor` and `Promise[Symbol.species]`, so a cell that
 * replaced either with something that is no promise constructor made it fail with the inspector's
 * bare "Inspector error -32603: Internal error" (the kernel puts them back only once the code
 * returned). Said in the user's terms, with what was put back; no stack (no frame of it is the cell's).
 */
function inspectorFailure(err: Error, restored: readonly string[]): Error {
  // Index loops and concatenation: the cell may have patched Array.prototype's methods too.
  let count = 0;
  let what = "";
  for (let i = 0; i < restored.length; i++) {
    if (restored[i] !== PROMISE_SPECIES[0] && restored[i] !== PROMISE_SPECIES[1]) continue;
    what += `${count === 0 ? "" : " and "}${restored[i]}`;
    count++;
  }
  let e: Error;
  if (count > 0) {
    const one = count === 1;
    e = new TypeError(
      `this cell replaced ${what} with something that makes no promises, and V8 reads ${one ? "it" : "them"} for every promise's then, the cell's own included: the kernel could not wait for the cell (it ran up to its end or its first await; its result is lost). ${what} ${one ? "was" : "were"} put back and every variable is kept; to change how promises are made, subclass Promise (class P extends Promise { static get [Symbol.species]() { ... } })`,
    );
  } else {
    e = new Error(`the inspector that runs cells could not wait for this cell to finish (${err.message}); its result is lost, every variable is kept`);
    e.name = "InternalError";
  }
  Object.defineProperty(e, "stack", { value: `${e.name}: ${e.message}`, configurable: true, writable: true });
  return e;
}

/**
 * Whether a thrown value is V8's "interrupted"/"terminated" error. Never throws: a cell may throw
 * an Error whose `message` is a getter that throws (that hung the kernel: no reply, ever).
 */
function isInterruption(value: unknown): boolean {
  try {
    // V8's own errors hold `message` as data: a getter is the cell's, never called here (one that
    // loops forever hung the kernel where no interrupt could stop it).
    // isNativeError, not instanceof: a thrown Proxy's getPrototypeOf trap is the cell's code too.
    const message = isNativeError(value) ? Object.getOwnPropertyDescriptor(value, "message") : undefined;
    return message !== undefined && typeof message.value === "string" && INTERRUPTED.test(message.value);
  } catch {
    return false;
  }
}

function unserializable(s: string): unknown {
  if (s.endsWith("n")) return BigInt(s.slice(0, -1));
  if (s === "-0") return -0;
  return Number(s);
}

export class Evaluator {
  private readonly session = new inspector.Session();
  private pending: ((r: RunResult) => void) | null = null;
  /** The context of the cell being run (until its run ends or is interrupted). */
  private running: CellContext | undefined = undefined;
  /** Runs so far; the latest one's answer alone says whether the inspector holds anything. */
  private runs = 0;
  /** Whether the inspector may hold objects of the object group "strided" (release() then releases it). */
  private mayHold = false;

  constructor(private readonly helpers: Helpers) {
    this.session.connect();
    helpers.beforeTerminate = terminationVerdict;
    helpers.collect = () => {
      const gc = fullCollector();
      if (!gc) return "no-gc";
      gc();
      return "collected";
    };
    helpers.beforeDebuggerTerminate = () => {
      const verdict = terminationVerdict();
      takeStopped(); // the cell itself reports the interrupt (its evaluation ends "terminated")
      return verdict;
    };
  }

  /** Run `js` in the cell's context. Resolves when the script (and its top-level awaits) finished. */
  run(js: string, ctx: CellContext): Promise<RunResult> {
    this.ensureHelpers();
    return new Promise<RunResult>((resolve) => {
      let settled = false;
      const finish = (r: RunResult): void => {
        if (settled) return;
        settled = true;
        this.guardNode(ctx);
        if (this.pending === finish) {
          this.pending = null;
          this.running = undefined;
        }
        resolve(r);
      };
      this.pending = finish;
      this.running = ctx;
      const run = ++this.runs;
      const heldBefore = this.mayHold; // an earlier run's objects not released yet
      this.mayHold = true; // until this run's answer says otherwise
      this.helpers.post = () =>
        this.session.post("Runtime.evaluate", { expression: js, replMode: true, awaitPromise: true, objectGroup: "strided" }, (err, res) => {
          // A primitive completion value (`1 + 1`, a declaration's undefined) leaves nothing in the group.
          if (run === this.runs && !err && !(res as unknown as EvaluateResponse).exceptionDetails && (res as unknown as EvaluateResponse).result?.objectId === undefined) this.mayHold = heldBefore;
          // A cell terminated while paused in the debugger ends with the inspector's error itself.
          if (err && INTERRUPTED.test(err.message)) return finish({ kind: "interrupted" });
          if (err && INSPECTOR_FAILED.test(err.message)) return finish({ kind: "thrown", value: inspectorFailure(err, this.guardNode(ctx)) });
          if (err) return finish({ kind: "thrown", value: err });
          const r = res as unknown as EvaluateResponse;
          if (!r.exceptionDetails) return finish({ kind: "ok" });
          promiseThen(
            this.thrownValue(r.exceptionDetails.exception),
            (value) => finish(isInterruption(value) ? { kind: "interrupted" } : { kind: "thrown", value }),
            (e: unknown) => finish({ kind: "thrown", value: e }),
          );
        });
      try {
        showStoreBriefly(ctx);
        cellContext.run(ctx, () => runHere("__strided__.post()", { breakOnSigint: true, filename: "strided-run" })); // node:vm as at load: a cell may patch it
        this.guardNode(ctx); // the cell's synchronous part is done: before any callback runs
      } catch (e) {
        finish(isInterruption(e) ? { kind: "interrupted" } : { kind: "thrown", value: e });
      }
    });
  }

  /**
   * Put `globalThis.__strided__` back if a cell deleted or replaced it (`delete globalThis.__strided__`
   * made every later cell fail: emitted cells and the run call name it).
   */
  private ensureHelpers(): void {
    const g = globalThisRef as unknown as { __strided__?: unknown };
    try {
      if (g.__strided__ === this.helpers) return;
    } catch {
      // a getter a cell put there threw: redefine it
    }
    try {
      Object.defineProperty(globalThisRef, "__strided__", { value: this.helpers, configurable: true, enumerable: false, writable: false });
    } catch {
      // frozen global object: nothing to do
    }
  }

  /** Undo a cell's replacement of a built-in Node's event loop calls (primordials.ts, NODE_CRITICAL), and tell the cell; what was put back. */
  private guardNode(ctx: CellContext): readonly string[] {
    const restored = restoreNodeCritical();
    if (restored.length === 0) return restored;
    try {
      ctx.io.stream("stderr", putBackNote(restored));
    } catch {
      // no publisher: nothing to tell
    }
    return restored;
  }

  /** The context of the cell whose run has not ended yet, if any. */
  runningCell(): CellContext | undefined {
    return this.running;
  }

  /** Stop waiting for the running cell (its pending promise stays pending; its bindings stay). */
  interrupt(): boolean {
    const p = this.pending;
    if (!p) return false;
    p({ kind: "interrupted" });
    return true;
  }

  /** Release the inspector's handles on values of finished cells (none to release after a primitive result: no inspector call). */
  release(): void {
    if (!this.mayHold) return;
    this.mayHold = false;
    this.session.post("Runtime.releaseObjectGroup", { objectGroup: "strided" });
  }

  /** The thrown value itself (not the inspector's description of it). */
  private thrownValue(ex: RemoteObject | undefined): Promise<unknown> {
    if (!ex) return Promise.resolve(undefined);
    if (ex.objectId === undefined) return Promise.resolve(ex.unserializableValue !== undefined ? unserializable(ex.unserializableValue) : ex.value);
    this.ensureHelpers(); // the cell may have deleted it: the thrown value is fetched through it
    return new Promise((resolve, reject) => {
      this.session.post(
        "Runtime.callFunctionOn",
        { objectId: ex.objectId, functionDeclaration: "function () { 'use strict'; globalThis.__strided__.caught = this; }" },
        (err) => {
          if (err) return reject(err);
          const v = this.helpers.caught;
          this.helpers.caught = undefined;
          resolve(v);
        },
      );
    });
  }
}
