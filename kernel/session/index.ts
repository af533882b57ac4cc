/**
 * The TypeScript cell pipeline (CellSession): magics -> parse -> type-check -> transform ->
 * emit JS + source map -> run, one stage per file:
 *   magics.ts, typecheck/host.ts, typecheck/diagnostics.ts, typecheck/prelude.ts,
 *   transform/hook.ts, transform/repl.ts, emit.ts, run/evaluate.ts, run/traceback.ts,
 *   run/streams.ts, run/modules.ts; editor/ answers complete, inspect and is_complete.
 *
 * Hard rule: bad input loses nothing. A syntax error, a type error, a thrown error, an
 * interrupted loop or a failed allocation leaves every binding of earlier cells intact (V8's
 * REPL mode keeps the global lexical scope; a cell that fails to check never runs).
 *
 * Start-up: createCellSession resolves at once, without loading TypeScript; the compiler
 * (typescript, then the lib and @types/node) loads and warms up in the background in steps,
 * so requests that arrive meanwhile (kernel_info) are answered between them. The first
 * execute waits for it; complete/inspect/is_complete answer "nothing yet" until then.
 */
import { isNativeError } from "node:util/types";
import type { CellCompiler, Compiled } from "./compiler.js";
import type { CellSession, CompleteResult, EvalOutcome, ExecuteOptions, InspectResult, IsCompleteResult, MimeBundle, Publisher } from "./contract.js";
import { installGlobals, isDisplayHandle } from "./globals.js";
import { blankMagic, rewriteMagics, UsageError } from "./magics.js";
import { Evaluator, type Helpers } from "./run/evaluate.js";
import { importForCell, requireForCell } from "./run/modules.js";
import { BoundedCellMaps } from "./run/cell-maps.js";
import { installStreams } from "./run/streams.js";
import { installNodeGuard } from "./run/node-guard.js";
import { installCellStacks } from "./run/cell-stacks.js";
import { shadowedBuiltins } from "./run/shadowing.js";
import { guardNextTick, takeStopped, type Stopped } from "./run/terminate.js";
import { cancelNotebookTimers, describeCancelled, installTimerRegistry } from "./run/timers.js";
import { hideAsyncBookkeepingFromInspect } from "./run/inspect-bookkeeping.js";
import type { CellContext } from "./run/context.js";
import { cellUrl, describeThrown, rewriteStack } from "./run/traceback.js";
import { Promise, Object, Map, Error, String, setImmediate, globalThisRef, promiseThen, withPristineBuiltins, adoptCurrentBuiltins } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals
import { collectWasmTemporaries, installWasmCollector } from "./run/wasm-collect.js";
import { interruptibly, isSigintStop, mimeBundleInterruptibly, runHere } from "./run/interruptible.js";
import { installSelfSignals } from "./run/self-signals.js";

export { mimeBundleInterruptibly } from "./run/interruptible.js";

export { registerCellTransform, type CellTransform, type TransformContext } from "./transform/hook.js";

/**
 * Called just before a cell's code runs, with its script URL, the text the user typed and its
 * line map (a thunk: only computed when a debugger wants it); a promise makes the run wait.
 */
export type BeforeRun = (cell: { url: string; code: string; segments: () => [number, number, number][][] }) => Promise<void> | undefined;

/** The session as the kernel uses it: the dispatcher's CellSession plus the notebook's scope. */
export interface StridedCellSession extends CellSession {
  /** The notebook's top-level bindings (name -> value), e.g. for `show.memory()` with no argument. */
  scopeBindings(): Record<string, unknown>;
  /** Resolves when the compiler is warm (the first execute waits for it anyway). */
  ready(): Promise<void>;
}

function interrupted(stopped: Stopped | null = null, cancelled = "", when = ""): EvalOutcome {
  const what = stopped ? `; stopped ${stopped.what}${stopped.cell ? ` (cell [${stopped.cell.cell}])` : ""}` : "";
  const evalue = `the cell was interrupted${when === "" ? "" : ` ${when}`}${what}${cancelled === "" ? "" : `; cancelled ${cancelled}`}; every variable is kept`;
  return { status: "error", ename: "KeyboardInterrupt", evalue, traceback: [`\x1b[31mKeyboardInterrupt\x1b[0m: ${evalue}`] };
}

/** A cell TypeScript's parser or checker ran out of stack on (was: InternalError, "the kernel failed on this cell"). */
function tooDeep(): Compiled {
  const evalue = "TypeScript ran out of stack on this cell (it nests too deeply: Maximum call stack size exceeded); the cell did not run, every variable is kept";
  return { ok: false, outcome: { status: "error", ename: "RecursionError", evalue, traceback: [`\x1b[31mRecursionError\x1b[0m: ${evalue}`] } };
}

/** V8's own stack overflow (never calls a getter of the value). */
function isStackOverflow(e: unknown): boolean {
  if (!isNativeError(e)) return false;
  const m = Object.getOwnPropertyDescriptor(e, "message");
  return m !== undefined && m.value === "Maximum call stack size exceeded";
}

/** What the agent saw when it stopped a running cell whose heap reached its stop size (kernel/transport/agent-host.ts). */
export interface HeapStop {
  usedMB: number;
  stopMB: number;
  limitMB: number;
}

/** The outcome of a cell the heap guard stopped: Python's MemoryError, what happened and what to do. */
function heapStopped(h: HeapStop): EvalOutcome {
  const evalue =
    `the cell was stopped: its JavaScript heap reached ${h.usedMB} MB (the kernel stops cells at ${h.stopMB} MB of V8's ${h.limitMB} MB limit, ` +
    `where Node would abort the process and lose every variable); every variable is kept. Free what holds the memory ` +
    `(\`xs.length = 0\`, \`xs = null\`) or restart the kernel. Arrays' data (np) lives outside this heap.`;
  return { status: "error", ename: "MemoryError", evalue, traceback: [`\x1b[31mMemoryError\x1b[0m: ${evalue}`] };
}

/** A KeyboardInterrupt line on the stderr of a cell that is no longer running (its callbacks were stopped or cancelled). */
function tellInterrupted(cell: CellContext, what: string): void {
  try {
    cell.io.stream("stderr", `KeyboardInterrupt: ${what} (cell [${cell.cell}]); every variable is kept\n`);
  } catch {
    // its publisher is gone: nothing to tell
  }
}

type CompilerModule = typeof import("./compiler.js");
type Rewritten = ReturnType<typeof rewriteMagics>;
/** What a cell's steps before its run gave: a magic's usage error, names that would hide built-ins, or the compiled cell. */
/** `notes`: what the cell's stderr says before it runs (`a // 2`); `matmul`: the error for a SyntaxError that is NumPy's `a @ b` (syntax/python-operators.ts). */
type Prepared =
  | { kind: "usage"; message: string }
  | { kind: "hidden"; names: string }
  | { kind: "interrupted" }
  | { kind: "compiled"; rewritten: Rewritten; compiled: Compiled; notes: string[]; matmul: EvalOutcome | null };

/** Frames an error records (V8's default is 10). */
const STACK_FRAMES = 40;

/** How many compiled cells compileCached remembers. */
const COMPILED_CELLS = 64;

const nextTurn = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

class Session implements StridedCellSession {
  private compilerModule: CompilerModule | null = null;
  private compilerInstance: CellCompiler | null = null;
  private readonly warming: Promise<void>;
  /** Resolves when `compilerModule` is set (or the warm-up failed before). */
  private readonly compilerLoaded: Promise<void>;
  private readonly evaluator: Evaluator;
  private readonly helpers: Helpers;
  private readonly maps = new BoundedCellMaps(); // run/cell-maps.ts: bounded, not one per cell for good
  private cellCount = 0;
  /** True while a cell is between its start and its run (compiling): an interrupt then stops it before it runs. */
  private compiling = false;
  private interruptRequested = false;
  /** What the interrupt being handled terminated, for the interrupted cell's message. */
  private stoppedNow: Stopped | null = null;
  /** The running cell's own callbacks the interrupt cancelled, for its message ("1 pending setTimeout callback"). */
  private cancelledNow = "";
  private queue: Promise<unknown> = Promise.resolve();
  /** Compiled cells that declared nothing, by prelude and text (see compileCached). */
  private readonly compiledCells = new Map<string, Compiled>();

  constructor(
    private readonly notebookDir: string,
    private readonly onRunning: (running: boolean) => void = () => undefined,
    private readonly beforeRun: BeforeRun = () => undefined,
    private readonly heapStop: () => HeapStop | null = () => null,
    private readonly pollInterrupt: () => void = () => undefined,
  ) {
    this.helpers = {
      import: (spec) => importForCell(spec, notebookDir),
      require: (spec) => requireForCell(spec, notebookDir),
      last: undefined,
      post: () => undefined,
      caught: undefined,
    };
    Object.defineProperty(globalThis, "__strided__", { value: this.helpers, configurable: true, enumerable: false, writable: false });
    this.evaluator = new Evaluator(this.helpers);
    installStreams((e) => {
      const d = this.describeInterruptibly(e); // a stray error's own getters may loop: an interrupt stops them
      return [`${d.ename}: ${d.evalue}`, ...d.traceback.slice(1)].join("\n");
    });
    installGlobals(() => this.scopeBindings());
    guardNextTick();
    installSelfSignals(); // run/self-signals.ts: process.kill(process.pid, "SIGINT") in a cell broke every later cell
    installTimerRegistry(); // run/timers.ts: an interrupt cancels the notebook's pending timers, immediates, intervals
    hideAsyncBookkeepingFromInspect(); // run/inspect-bookkeeping.ts: console.log(promise) shows `Promise { 1 }`
    installNodeGuard(); // run/node-guard.ts: a timer or promise continuation patching Function.prototype.apply & co
    installCellStacks((stack) => rewriteStack(stack, this.maps)); // e.stack in a cell reads as the traceback does
    // Runtime frames collapse to one line in a traceback (run/runtime-frames.ts); V8's default of
    // 10 frames could end inside the runtime and leave out the cell's own frames.
    const RealError = globalThisRef.Error as ErrorConstructor & { stackTraceLimit: number };
    if (RealError.stackTraceLimit < STACK_FRAMES) RealError.stackTraceLimit = STACK_FRAMES;
    // The built-ins as they are now (the kernel's console, stackTraceLimit, what deserialising the
    // startup snapshot added) are the ones the kernel's windows keep: primordials.ts recorded them
    // when it loaded, possibly in the snapshot's builder. No cell has run yet.
    adoptCurrentBuiltins();
    // Warm in steps, letting requests that arrive meanwhile (kernel_info) be answered between them.
    let loaded!: () => void;
    this.compilerLoaded = new Promise<void>((resolve) => (loaded = resolve));
    this.warming = (async () => {
      await nextTurn();
      try {
        this.compilerModule = await import("./compiler.js");
      } finally {
        loaded();
      }
      await nextTurn();
      if (this.warmingStopped) return;
      const compiler = this.compiler();
      // Parse the lib and @types/node a slice per turn (typecheck/host.ts), then build the program.
      for (const _ of compiler.host.warmSteps()) {
        await nextTurn();
        if (this.warmingStopped) return;
      }
      // From the startup snapshot, the first cells are checked by its ready-made program: this
      // compiler's own is made once the kernel is idle (finishWarming; compiler.ts).
      if (!compiler.startsFromSnapshot) compiler.warm();
      compiler.host.releaseWarmed();
    })();
    promiseThen(this.warming, undefined, () => undefined);
  }

  ready(): Promise<void> {
    return this.warming;
  }

  editorReady(): Promise<void> {
    return this.compilerLoaded;
  }

  /** Make the compiler's own program if the first cells were checked by the startup snapshot's (the kernel calls it when idle). */
  finishWarming(): void {
    if (this.warmingStopped) return;
    this.compilerInstance?.finishWarming();
  }

  /** The kept programs (typecheck/kept-program.ts) go when the kernel is quiet; the next cell makes one again (one full check). */
  releaseIdle(): void {
    this.compilerInstance?.releaseKeptPrograms();
  }

  /** Set by stopWarming: the warm-up's remaining steps are skipped. */
  private warmingStopped = false;

  stopWarming(): void {
    this.warmingStopped = true;
  }

  /** The compiler; only called once its module is loaded (after `warming`, or behind a `compilerModule` check). */
  private compiler(): CellCompiler {
    if (!this.compilerModule) throw new Error("the TypeScript compiler is still loading");
    if (!this.compilerInstance) this.compilerInstance = new this.compilerModule.CellCompiler(this.notebookDir);
    return this.compilerInstance;
  }

  execute(code: string, io: Publisher, opts: ExecuteOptions): Promise<EvalOutcome> {
    // One cell at a time, in order (the dispatcher serialises too; this keeps tests honest).
    const run = this.executeAfter(this.queue, code, io, opts);
    this.queue = promiseThen(run, undefined, () => undefined); // not .catch: a cell may replace Promise.prototype.then (primordials.ts)
    return run;
  }

  /**
   * executeNow once `previous` settled. Awaits, never returns a promise: a promise resolved with
   * another promise looks up its `then`, which a cell may have replaced.
   */
  private async executeAfter(previous: Promise<unknown>, code: string, io: Publisher, opts: ExecuteOptions): Promise<EvalOutcome> {
    await previous;
    return await this.executeNow(code, io, opts);
  }

  private async executeNow(code: string, io: Publisher, opts: ExecuteOptions): Promise<EvalOutcome> {
    try {
      this.compiling = true;
      this.interruptRequested = false;
      this.stoppedNow = null;
      this.cancelledNow = "";
      await promiseThen(this.warming, undefined, () => undefined);
      // A SIGINT that came since this request was read is pending in Node's watchdog (before the
      // agent is up this thread polls it between event-loop turns only), and the checker's window
      // below would clear it without stopping anything (a breakOnSigint `vm` call that ends resets
      // a pending signal: node_watchdog.cc): the interrupt was lost and the cell ran (a
      // `while (true)` in its timer callback then hung the kernel). Taken now: the cell does not run.
      this.pollInterrupt();
      if (this.interruptRequested) {
        this.compiling = false;
        return interrupted(null, "", "before its types were checked (the cell did not run)");
      }
      const cell = ++this.cellCount;
      // One window for the three synchronous steps before the run (magics, the shadowing check,
      // the type checker): nothing runs between them, so one check of the built-ins covers all
      // three (each window costs a pass over ~1,500 properties: primordials.ts).
      const prepared = withPristineBuiltins((): Prepared => {
        let rewritten: Rewritten;
        try {
          rewritten = rewriteMagics(code);
        } catch (e) {
          if (e instanceof UsageError) return { kind: "usage", message: e.message };
          throw e;
        }
        let hidden: string[];
        try {
          hidden = shadowedBuiltins(rewritten.code); // parses the cell
        } catch (e) {
          if (!isStackOverflow(e)) throw e;
          return { kind: "compiled", rewritten, compiled: tooDeep(), notes: [], matmul: null };
        }
        if (hidden.length > 0) return { kind: "hidden", names: hidden.map((n) => `\`${n}\``).join(", ") };
        const compiled = this.compileCached(rewritten.code, code, rewritten.mapLine);
        if (compiled === null) return { kind: "interrupted" };
        // TypeScript's scanner reads the cell here too: in the window (`String.prototype.charCodeAt = null` failed every later cell)
        const m = this.compilerModule;
        const at = !compiled.ok && compiled.outcome.ename === "SyntaxError" ? m?.matmulOperator(code) : null;
        const notes = compiled.ok && m ? m.floorDivisionComments(code).map((f) => m.floorDivisionNote(f)) : [];
        return { kind: "compiled", rewritten, compiled, notes, matmul: at && m ? m.matmulError(at) : null };
      });
      if (prepared.kind === "interrupted") {
        try {
          await nextTurn(); // the agent's interrupt message (sent before its SIGINT) is this cell's, not the next one's
        } finally {
          this.compiling = false;
        }
        return interrupted(null, "", "while its types were checked (the cell did not run)");
      }
      if (prepared.kind === "usage") {
        this.compiling = false;
        return { status: "error", ename: "UsageError", evalue: prepared.message, traceback: [`\x1b[31mUsageError\x1b[0m: ${prepared.message}`] };
      }
      if (prepared.kind === "hidden") {
        this.compiling = false;
        const evalue = `a top-level declaration of ${prepared.names} would hide the built-in from every module of the kernel, its TypeScript checker included (cells share one global scope): use another name, or declare it inside a block or function`;
        return { status: "error", ename: "SyntaxError", evalue, traceback: [`\x1b[31mSyntaxError\x1b[0m: ${evalue}`] };
      }
      const { rewritten, compiled, notes, matmul } = prepared;
      try {
        // A SIGINT that came while the (synchronous) checker ran is delivered on this turn (the
        // agent's message), or is pending in the watchdog (no agent yet, or it polls later): asked now,
        // since the cell's own breakOnSigint call would clear it without stopping anything.
        if (compiled.ok) {
          await nextTurn();
          this.pollInterrupt();
        }
      } finally {
        this.compiling = false;
      }
      // `a @ b` (NumPy's matmul) fails to parse in TypeScript's words, which do not say why (syntax/python-operators.ts)
      if (matmul) return matmul;
      if (!compiled.ok) return compiled.outcome;
      this.maps.set(cell, { map: compiled.emitted.map, mapLine: rewritten.mapLine, label: opts.executionCount }, compiled.declares);
      if (this.interruptRequested) return interrupted();
      this.helpers.last = undefined;
      // `void 0` last: the script's completion value (the cell's value, or a loop's or block's last
      // value) is what the inspector's Runtime.evaluate answers with, serialised to JSON when it is a
      // primitive (a 64 MB string took 5.9 s to cross) and held in its object group when it is not.
      // The cell's value is read from the helpers (`last`), never from that answer.
      const js = `${compiled.emitted.js}\nvoid 0;\n//# sourceURL=${cellUrl(cell)}`;
      // A debugger client binds its breakpoints in this cell first (nothing to wait for without one).
      const emittedMap = compiled.emitted.map;
      const mapLine = rewritten.mapLine;
      const debugging = this.beforeRun({ url: cellUrl(cell), code, segments: () => emittedMap.segments(mapLine) });
      if (debugging) await debugging;
      // silent: "do not broadcast output on IOPub" (messaging spec, execute_request).
      const out: Publisher = opts.silent
        ? { stream: () => undefined, display: () => undefined, clearOutput: () => undefined, input: (prompt, password) => io.input(prompt, password) }
        : io;
      // `a // 2` (NumPy's floor division) is `a` and a comment in TypeScript: said before the cell runs
      for (let i = 0; i < notes.length; i++) out.stream("stderr", notes[i]);
      installWasmCollector(); // the runtime's wasm allocator and timeit collect with the kernel's gc (run/wasm-collect.ts)
      this.onRunning(true);
      let r;
      try {
        r = await this.evaluator.run(js, { cell, io: out, allowStdin: opts.allowStdin });
      } finally {
        this.onRunning(false);
      }
      collectWasmTemporaries(); // dead arrays' wasm regions come back before the next cell (run/wasm-collect.ts)
      // display(x) as the last statement returns a handle; like IPython's None, it is no result.
      const value = isDisplayHandle(this.helpers.last) ? undefined : this.helpers.last;
      this.helpers.last = undefined;
      this.evaluator.release();
      if (r.kind === "ok") return { status: "ok", hasValue: value !== undefined, value };
      if (r.kind === "interrupted") {
        const heap = this.heapStop();
        return heap ? heapStopped(heap) : interrupted(this.stoppedNow, this.cancelledNow);
      }
      return { status: "error", ...this.describeInterruptibly(r.value) };
    } catch (e) {
      this.compiling = false;
      // A kernel bug must still come back as an outcome, never as a rejected promise.
      return { status: "error", ename: "InternalError", evalue: `the kernel failed on this cell: ${(e as Error)?.message ?? String(e)}`, traceback: [String((e as Error)?.stack ?? e)] };
    }
  }

  /**
   * compile(), remembered for cells that change nothing in the prelude (no declarations: `1 + 1`,
   * `a.sum()`, `display(x)`): the same text against the same prelude type-checks and emits the
   * same way, so a re-run cell skips TypeScript (a new program and checker per cell, most of a
   * trivial cell's time). Cells that declare something are compiled every time.
   */
  private compileCached(code: string, userCell: string, mapLine: (l: number) => number): Compiled | null {
    const compiler = this.compiler();
    // Keyed by the prelude's generation (a count of the cells that declared something), not its text:
    // building the text on every execute cost O(declarations so far).
    const before = compiler.preludeGeneration();
    const key = `${before}\u0000${code}`;
    const hit = this.compiledCells.get(key);
    if (hit) {
      this.compiledCells.delete(key); // keep the most recently used last
      this.compiledCells.set(key, hit);
      return hit;
    }
    // An interrupt may stop the check (a recursive type can keep the checker busy for minutes):
    // then its checkers are dropped and nothing was recorded (run/interruptible.ts).
    let step;
    try {
      step = interruptibly(() => compiler.compileUncommitted(code, userCell, mapLine));
    } catch (e) {
      // TypeScript threw part-way (it ran out of stack on a deeply nested cell): its state is as
      // half-made as after an interrupt.
      compiler.abandonCheckers();
      if (!isStackOverflow(e)) throw e;
      return tooDeep();
    }
    if (step.interrupted) {
      compiler.abandonCheckers();
      return null;
    }
    step.value.commit();
    const compiled = step.value.compiled;
    if (compiled.ok && compiler.preludeGeneration() === before) {
      this.compiledCells.set(key, compiled);
      if (this.compiledCells.size > COMPILED_CELLS) this.compiledCells.delete(this.compiledCells.keys().next().value as string);
    }
    return compiled;
  }

  async userExpression(expr: string): Promise<{ status: "ok"; data: MimeBundle } | { status: "error"; ename: string; evalue: string; traceback: string[] }> {
    try {
      await promiseThen(this.warming, undefined, () => undefined);
      const js = this.compilerModule ? this.compilerModule.transpileExpression(`__strided__.last = (${expr});`) : `__strided__.last = (${expr});`;
      this.helpers.last = undefined;
      runHere(js, { filename: "user-expression", breakOnSigint: true });
      const value = this.helpers.last;
      this.helpers.last = undefined;
      return { status: "ok", data: mimeBundleInterruptibly(value) };
    } catch (e) {
      if (isSigintStop(e)) {
        const evalue = "the expression was interrupted; every variable is kept";
        return { status: "error", ename: "KeyboardInterrupt", evalue, traceback: [`\x1b[31mKeyboardInterrupt\x1b[0m: ${evalue}`] };
      }
      return { status: "error", ...this.describeInterruptibly(e) };
    }
  }

  /**
   * describeThrown, stopped by an interrupt: what a cell threw is read through its own code (a
   * `message` or `stack` getter, a `toString`), which may never end.
   */
  private describeInterruptibly(thrown: unknown): { ename: string; evalue: string; traceback: string[] } {
    return withPristineBuiltins(() => {
      const step = interruptibly(() => describeThrown(thrown, this.maps));
      if (!step.interrupted) return step.value;
      const evalue = "the cell threw a value, and reading it (its own message getter or toString) was interrupted; every variable is kept";
      return { ename: "KeyboardInterrupt", evalue, traceback: [`\x1b[31mKeyboardInterrupt\x1b[0m: ${evalue}`] };
    });
  }

  complete(code: string, cursor: number): CompleteResult {
    const none: CompleteResult = { matches: [], cursorStart: cursor, cursorEnd: cursor, metadata: {} };
    if (!this.compilerModule) return none;
    const m = this.compilerModule;
    return this.editorStep(() => m.complete(this.compiler().host, blankMagic(code), cursor)) ?? none;
  }

  inspect(code: string, cursor: number, _detailLevel: 0 | 1): InspectResult {
    if (!this.compilerModule) return { found: false, data: {} };
    const m = this.compilerModule;
    return this.editorStep(() => m.inspect(this.compiler().host, blankMagic(code), cursor)) ?? { found: false, data: {} };
  }

  /**
   * A completion or Shift-Tab: the checker's work on the notebook's types, stopped by an interrupt
   * (null then; run/interruptible.ts). TypeScript's state after a stop or a throw part-way is dropped.
   */
  private editorStep<T>(fn: () => T): T | null {
    return withPristineBuiltins(() => {
      let step;
      try {
        step = interruptibly(fn);
      } catch (e) {
        this.compilerInstance?.abandonCheckers();
        if (isStackOverflow(e)) return null; // a cell nested too deeply: nothing to offer
        throw e;
      }
      if (!step.interrupted) return step.value;
      this.compilerInstance?.abandonCheckers();
      return null;
    });
  }

  isComplete(code: string): IsCompleteResult {
    if (!this.compilerModule) return { status: "unknown" };
    const m = this.compilerModule;
    return withPristineBuiltins(() => m.isComplete(code));
  }

  interrupt(): void {
    // Code the agent worker terminated (it ignored the interrupt): reported to the running
    // cell, or, when no cell runs, to the cell whose callback it was (as its later output is).
    const stopped = takeStopped();
    this.stoppedNow = stopped;
    const running = this.evaluator.runningCell();
    // Callbacks waiting to run (a setImmediate that re-arms itself returns to the event loop every
    // turn: nothing else would stop it) are cancelled, and said on the stderr of the cell that
    // scheduled them (the running cell's own in its KeyboardInterrupt).
    const cancelled = withPristineBuiltins(() => cancelNotebookTimers());
    this.cancelledNow = "";
    const stoppedCell = running === undefined && stopped !== null ? stopped.cell : undefined;
    let stoppedSaid = false;
    for (let i = 0; i < cancelled.length; i++) {
      const c = cancelled[i];
      if (c.cell === undefined) continue;
      if (c.cell === running) {
        this.cancelledNow = describeCancelled(c.counts);
        continue;
      }
      const withStopped = stopped !== null && c.cell === stoppedCell;
      stoppedSaid ||= withStopped;
      tellInterrupted(c.cell, `${withStopped ? `stopped ${stopped.what}, ` : ""}cancelled ${describeCancelled(c.counts)}`);
    }
    if (stoppedCell !== undefined && stopped !== null && !stoppedSaid) tellInterrupted(stoppedCell, `stopped ${stopped.what}`);
    if (this.evaluator.interrupt()) return;
    if (this.compiling) this.interruptRequested = true;
  }

  scopeBindings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const names = this.compilerInstance?.declaredNames() ?? [];
    for (const name of names) {
      try {
        out[name] = runHere(name, { filename: "strided-scope" });
      } catch {
        /* a type-only name, or a binding the cell never reached */
      }
    }
    return out;
  }
}

/**
 * Make the cell pipeline for a notebook whose imports resolve from `notebookDir` first.
 * Resolves at once; the TypeScript compiler warms up in the background.
 *
 * @example
 * const session = await createCellSession({ notebookDir: process.cwd() });
 * await session.execute("const a = np.arange(3); a", io, { allowStdin: false, silent: false, storeHistory: true })
 * // { status: "ok", hasValue: true, value: array([0, 1, 2]) }
 */
export async function createCellSession(opts: {
  notebookDir: string;
  /** Told when a cell's code starts and stops running (the transport terminates a cell that ignores an interrupt, only while it runs). */
  onRunning?: (running: boolean) => void;
  /** Told when a cell is about to run (the debugger binds its breakpoints then). */
  beforeRun?: BeforeRun;
  /** Asked when a cell was interrupted: whether the heap guard stopped it (then a MemoryError, not a KeyboardInterrupt). */
  heapStop?: () => HeapStop | null;
  /** Called before a cell's check and after it, before it runs: deliver a SIGINT pending now (calls `interrupt()` if there is one). */
  pollInterrupt?: () => void;
}): Promise<StridedCellSession> {
  return new Session(opts.notebookDir, opts.onRunning, opts.beforeRun, opts.heapStop, opts.pollInterrupt);
}
