/**
 * The kernel's debug adapter: answers JupyterLab's `debug_request`s (the Debug Adapter Protocol
 * inside Jupyter messages, as ipykernel's debugger.py does with debugpy) by driving V8's
 * inspector on the main thread. It runs on the compute process's agent worker, which has its own
 * channel to the transport process (the control socket), so a cell paused at a breakpoint leaves
 * control (debug requests, interrupt, shutdown) and the heartbeat answering.
 *
 * Rules:
 * - One table of DAP commands (`commands`), keyed by the protocol's own command names.
 * - Costs nothing when no client is attached: the Debugger domain is enabled by `attach` and
 *   disabled by `disconnect`; the main thread hands over a cell's line map only while attached.
 * - Breakpoints and frames are in the user's lines: each cell's emitted script is named
 *   `strided-cell-N.js` (run/traceback.ts) and registered here with its line map (cell-lines.ts)
 *   and the path JupyterLab computes from the cell's text (cell-path.ts). Only cells are
 *   debugged ("just my code"): every other script is blackboxed, and frames outside cells are
 *   never shown.
 * - One thread, id 1 ("MainThread"): the thread that runs cells.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { CellLines, type Segment } from "./cell-lines.js";
import { cellSourcePath, HASH_SEED, tmpFilePrefix, TMP_FILE_SUFFIX } from "./cell-path.js";
import type { DapEvent, DapRequest, DapResponse, DapStackFrame, SourceBreakpoint } from "./dap.js";
import { InspectorClient, type CallFrame, type PausedEvent, type RemoteObject } from "./inspector-client.js";
import { HELPER_KEY } from "./main-helpers.js";
import { callBundle } from "./remote-functions.js";
import { OBJECT_GROUP, primitiveText, Variables } from "./variables.js";

export const THREAD_ID = 1;
const CELL_URL = /^strided-cell-\d+\.js$/;
/** Everything but cells is skipped by stepping and never paused in (V8 blackboxing). */
const NOT_A_CELL = "^(?!strided-cell-\\d+\\.js$)";
/** Cells remembered for breakpoints set after they ran (a function of an old cell can still be called). */
const CELLS_KEPT = 500;
const HELPER_GROUP = "strided-debug-helper";
/**
 * Evaluated on the paused main thread before a paused cell is terminated: readies it as the
 * transport's terminator does (Node's async-id stack; kernel/session/run/terminate.ts). Paused in
 * a cell's synchronous part the verdict is "kernel" (the `vm` call runs it) and terminating is
 * what breakOnSigint would do, so the cell is terminated either way.
 */
const PREPARE = "typeof __strided__ === 'object' && __strided__ && __strided__.beforeDebuggerTerminate ? __strided__.beforeDebuggerTerminate() : 'no-session'";

/** A cell that ran (or is about to run) while a client was attached. */
interface CellScript {
  url: string;
  path: string;
  lines: CellLines;
}

type Body = Record<string, unknown> | undefined;
type Command = (args: Record<string, unknown>, req: DapRequest) => Promise<Body>;

/** A request that fails with this message gets `success: false` and the message. */
class DapError extends Error {}

export interface AdapterHooks {
  /** Publish a DAP event on iopub (debug_event). */
  event(e: DapEvent): void;
  /** Tell the main thread whether to hand over cells' line maps before running them. */
  setActive(active: boolean): void;
  /** True while the transport forces an interrupt by pausing the main thread itself (transport/terminator.ts): those pauses are not the user's. */
  forcingInterrupt(): boolean;
  log(line: string): void;
}

export class DebugAdapter {
  private readonly inspector: InspectorClient;
  private readonly variables: Variables;
  private seq = 0;
  private started = false;
  private attached = false;
  /** Breakpoints as the client set them, by source path (debugInfo gives them back). */
  private readonly breakpoints = new Map<string, SourceBreakpoint[]>();
  /** V8 breakpoint ids set for each source path. */
  private readonly v8Breakpoints = new Map<string, string[]>();
  private readonly cellsByUrl = new Map<string, CellScript>();
  private readonly urlsByScript = new Map<string, string>();
  /** Files the main thread has loaded since attach (the `modules` request: JupyterLab's Kernel Sources panel). */
  private readonly files = new Set<string>();
  private paused: PausedEvent | null = null;
  private frames = new Map<number, CallFrame>();
  private nextFrameId = 1;
  /** Why the next pause happens when V8 only says "other": a step or a pause request. */
  private expecting: "step" | "pause" | null = null;
  private exceptionState: "none" | "uncaught" | "all" = "none";
  private helperId: string | null = null;
  /** Breakpoints are off while an interrupt or a shutdown ends a paused cell. */
  private breakpointsOff = false;

  constructor(private readonly hooks: AdapterHooks) {
    this.inspector = new InspectorClient((why) => hooks.log(`debugger unavailable: ${why}`));
    this.variables = new Variables(this.inspector);
    this.inspector.on("Debugger.scriptParsed", (p) => {
      if (CELL_URL.test(p.url)) this.urlsByScript.set(p.scriptId, p.url);
      else if (p.url.startsWith("/") || p.url.startsWith("file://")) this.files.add(p.url.replace(/^file:\/\//, ""));
    });
    this.inspector.on("Debugger.paused", (p) => void this.onPaused(p));
    this.inspector.on("Debugger.resumed", () => this.onResumed());
  }

  /** True while the main thread is stopped at a breakpoint, a step or a pause. */
  get isPaused(): boolean {
    return this.paused !== null;
  }

  /** Answer one debug_request. Never throws: failures are `success: false` with a message. */
  async handle(req: DapRequest): Promise<DapResponse> {
    const command = Object.prototype.hasOwnProperty.call(this.commands, req.command) ? this.commands[req.command] : undefined;
    const base = { type: "response" as const, seq: ++this.seq, request_seq: req.seq, command: req.command };
    if (!command) return { ...base, success: false, message: `the strided kernel's debugger does not support the DAP request ${JSON.stringify(req.command)}` };
    try {
      const body = await command(req.arguments, req);
      return body === undefined ? { ...base, success: true } : { ...base, success: true, body };
    } catch (e) {
      return { ...base, success: false, message: (e as Error).message, body: {} };
    }
  }

  /**
   * The main thread is about to run a cell: learn its line map and bind the breakpoints set on
   * its path (JupyterLab sets them on the path of the cell's text before it runs).
   */
  async registerCell(url: string, code: string, segments: Segment[][]): Promise<void> {
    if (!this.attached) return;
    if (this.breakpointsOff) {
      this.breakpointsOff = false;
      await this.inspector.call("Debugger.setBreakpointsActive", { active: true }).catch(() => undefined);
    }
    const cell: CellScript = { url, path: cellSourcePath(code), lines: new CellLines(segments) };
    this.cellsByUrl.set(url, cell);
    if (this.cellsByUrl.size > CELLS_KEPT) this.cellsByUrl.delete(this.cellsByUrl.keys().next().value as string);
    writeSource(cell.path, code);
    const bps = this.breakpoints.get(cell.path);
    if (bps && bps.length > 0) await this.bind(cell.path);
  }

  /**
   * An interrupt or a shutdown came: pause no more until the next cell, and end a paused cell as
   * the transport's terminator ends a spinning one (prepare, terminate, then resume into the
   * termination: the cell reports KeyboardInterrupt and every binding stays).
   */
  async release(): Promise<void> {
    if (!this.attached) return;
    this.breakpointsOff = true;
    await this.inspector.call("Debugger.setBreakpointsActive", { active: false }).catch(() => undefined);
    await this.inspector.call("Debugger.setPauseOnExceptions", { state: "none" }).catch(() => undefined);
    if (this.paused) {
      // Posted in order without waiting: the termination's answer only comes once the cell ends.
      const calls = [
        this.inspector.call("Runtime.evaluate", { expression: PREPARE, objectGroup: OBJECT_GROUP, silent: true }),
        this.inspector.call("Runtime.terminateExecution", {}),
        this.inspector.call("Debugger.resume", {}),
      ];
      for (const c of calls) c.catch((e: unknown) => this.hooks.log(`debugger: ending the paused cell: ${(e as Error).message}`));
    }
  }

  close(): void {
    this.inspector.close();
  }

  // ---- the table of DAP commands ----

  private readonly commands: Record<string, Command> = {
    initialize: async () => {
      if (!this.inspector.available) throw new DapError("the debugger cannot reach the main thread (no inspector session)");
      this.started = true;
      return {
        supportsConfigurationDoneRequest: true,
        supportsConditionalBreakpoints: true,
        supportsEvaluateForHovers: true,
        supportsExceptionInfoRequest: false,
        supportsSetVariable: false,
        supportsStepBack: false,
        supportsTerminateRequest: false,
        supportsDelayedStackTraceLoading: false,
        supportsVariablePaging: true,
        supportsModulesRequest: true,
        exceptionBreakpointFilters: [
          { filter: "raised", label: "Raised Exceptions", default: false, description: "Break whenever any exception is thrown in a cell." },
          { filter: "uncaught", label: "Uncaught Exceptions", default: false, description: "Break when a cell's exception is not caught by the cell itself." },
        ],
      };
    },
    attach: async () => {
      this.requireStarted();
      if (!this.attached) {
        await this.inspector.call("Debugger.enable", {});
        await this.inspector.call("Debugger.setBlackboxPatterns", { patterns: [NOT_A_CELL] });
        await this.inspector.call("Debugger.setPauseOnExceptions", { state: this.exceptionState });
        const h = await this.inspector.call("Runtime.evaluate", { expression: `globalThis[Symbol.for(${JSON.stringify(HELPER_KEY)})]`, objectGroup: HELPER_GROUP, silent: true });
        this.helperId = h.result.objectId ?? null;
        this.attached = true;
        this.hooks.setActive(true);
      }
      return undefined;
    },
    configurationDone: async () => undefined,
    debugInfo: async () => ({
      isStarted: this.started,
      hashMethod: "Murmur2",
      hashSeed: HASH_SEED,
      tmpFilePrefix: tmpFilePrefix(),
      tmpFileSuffix: TMP_FILE_SUFFIX,
      breakpoints: [...this.breakpoints].map(([source, breakpoints]) => ({ source, breakpoints })),
      stoppedThreads: this.paused ? [THREAD_ID] : [],
      richRendering: true,
      exceptionPaths: ["JavaScript Exceptions"],
    }),
    dumpCell: async (args) => {
      const code = stringArg(args, "code");
      const path = cellSourcePath(code);
      writeSource(path, code);
      return { sourcePath: path };
    },
    setBreakpoints: async (args) => {
      const source = args.source as { path?: unknown } | undefined;
      const path = typeof source?.path === "string" ? source.path : undefined;
      if (!path) throw new DapError("setBreakpoints needs arguments.source.path (the path dumpCell returned)");
      const list = Array.isArray(args.breakpoints) ? (args.breakpoints as SourceBreakpoint[]).filter((b) => typeof b?.line === "number") : [];
      this.breakpoints.set(path, list);
      if (list.length === 0) this.breakpoints.delete(path);
      const lines = this.attached ? await this.bind(path) : new Map<number, number>();
      return {
        breakpoints: list.map((b, i) => ({ verified: true, id: i, source: { path }, line: lines.get(b.line) ?? b.line })),
      };
    },
    setExceptionBreakpoints: async (args) => {
      const filters = Array.isArray(args.filters) ? (args.filters as unknown[]) : [];
      this.exceptionState = filters.includes("raised") ? "all" : filters.includes("uncaught") ? "uncaught" : "none";
      if (this.attached) await this.inspector.call("Debugger.setPauseOnExceptions", { state: this.exceptionState });
      return undefined;
    },
    threads: async () => ({ threads: [{ id: THREAD_ID, name: "MainThread" }] }),
    stackTrace: async () => {
      const frames = this.stackFrames();
      return { stackFrames: frames, totalFrames: frames.length };
    },
    scopes: async (args) => {
      const frame = this.frame(args);
      const inner = frame.scopeChain.filter((s) => !["global", "script"].includes(s.type) && s.object.objectId).map((s) => s.object.objectId as string);
      const script = frame.scopeChain.filter((s) => s.type === "script" && s.object.objectId).map((s) => s.object.objectId as string);
      const locals = inner.length > 0 ? inner : script;
      return {
        scopes: [
          { name: "Locals", variablesReference: this.variables.scopes(locals), expensive: false, presentationHint: "locals", source: {} },
          { name: "Globals", variablesReference: this.variables.globals(this.helperId), expensive: false, source: {} },
        ],
      };
    },
    variables: async (args) => {
      const ref = Number(args.variablesReference);
      const paging = { start: numberArg(args, "start"), count: numberArg(args, "count"), filter: typeof args.filter === "string" ? args.filter : undefined };
      const vars = await this.variables.children(ref, paging);
      if (vars === null) throw new DapError(`no variables behind variablesReference ${ref} (they are released when the cell resumes)`);
      return { variables: vars };
    },
    inspectVariables: async () => {
      if (!this.paused) this.variables.reset();
      return { variables: await this.variables.listGlobals(this.helperId) };
    },
    richInspectVariables: async (args) => {
      const name = stringArg(args, "variableName");
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return { data: {}, metadata: {} };
      const value = await this.evaluateRaw(name, typeof args.frameId === "number" ? args.frameId : undefined);
      if (!this.helperId) throw new DapError("the kernel's display helpers are not installed yet");
      const arg = value.objectId !== undefined ? { objectId: value.objectId } : value.unserializableValue !== undefined ? { unserializableValue: value.unserializableValue } : { value: value.value };
      const r = await this.inspector.call("Runtime.callFunctionOn", { objectId: this.helperId, functionDeclaration: callBundle.toString(), arguments: [arg], returnByValue: true, silent: true });
      if (r.exceptionDetails) throw new DapError(`cannot display ${name}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      const b = r.result.value as { data?: Record<string, unknown>; metadata?: Record<string, unknown> };
      return { data: b.data ?? {}, metadata: b.metadata ?? {} };
    },
    evaluate: async (args) => {
      const expression = stringArg(args, "expression");
      const frameId = typeof args.frameId === "number" ? args.frameId : undefined;
      const r = await this.evaluateRaw(expression, frameId);
      const v = await this.variables.describe(expression, r, expression);
      return { result: v.value, type: v.type, variablesReference: v.variablesReference, presentationHint: {} };
    },
    source: async (args) => {
      const source = args.source as { path?: unknown } | undefined;
      const path = typeof source?.path === "string" ? source.path : "";
      try {
        return { content: readFileSync(path, "utf8") };
      } catch {
        throw new DapError(`source unavailable: ${path || "(no path)"}`);
      }
    },
    modules: async (args) => {
      const all = [...this.files];
      const start = numberArg(args, "startModule") ?? 0;
      const count = numberArg(args, "moduleCount") ?? all.length;
      const modules = all.slice(start, start + count).map((path, i) => ({ id: start + i, name: basename(path).replace(/\.[cm]?[jt]s$/, ""), path }));
      return { modules, totalModules: all.length };
    },
    continue: async () => {
      this.requirePaused();
      this.expecting = null;
      await this.inspector.call("Debugger.resume", {});
      return { allThreadsContinued: true };
    },
    next: async () => this.step("Debugger.stepOver"),
    stepIn: async () => this.step("Debugger.stepInto"),
    stepOut: async () => this.step("Debugger.stepOut"),
    pause: async () => {
      this.requireAttached();
      if (!this.paused) {
        this.expecting = "pause";
        await this.inspector.call("Debugger.pause", {});
      }
      return undefined;
    },
    disconnect: async () => {
      if (this.attached) {
        for (const ids of this.v8Breakpoints.values()) for (const id of ids) await this.inspector.call("Debugger.removeBreakpoint", { breakpointId: id }).catch(() => undefined);
        if (this.paused) await this.inspector.call("Debugger.resume", {}).catch(() => undefined);
        await this.inspector.call("Runtime.releaseObjectGroup", { objectGroup: HELPER_GROUP }).catch(() => undefined);
        await this.inspector.call("Debugger.disable", {}).catch(() => undefined);
        this.hooks.setActive(false);
      }
      this.variables.reset();
      this.v8Breakpoints.clear();
      this.breakpoints.clear();
      this.cellsByUrl.clear();
      this.urlsByScript.clear();
      this.files.clear();
      this.paused = null;
      this.frames.clear();
      this.helperId = null;
      this.attached = false;
      this.started = false;
      return undefined;
    },
  };

  // ---- helpers ----

  private requireStarted(): void {
    if (!this.started) throw new DapError("the debugger is not initialized: send `initialize` first");
  }

  private requireAttached(): void {
    if (!this.attached) throw new DapError("the debugger is not attached: send `initialize` and `attach` first");
  }

  private requirePaused(): void {
    this.requireAttached();
    if (!this.paused) throw new DapError("the kernel is not stopped: no cell is paused at a breakpoint");
  }

  private async step(method: "Debugger.stepOver" | "Debugger.stepInto" | "Debugger.stepOut"): Promise<Body> {
    this.requirePaused();
    this.expecting = "step";
    await this.inspector.call(method, {});
    return undefined;
  }

  private frame(args: Record<string, unknown>): CallFrame {
    this.requirePaused();
    const f = this.frames.get(Number(args.frameId));
    if (!f) throw new DapError(`no stack frame ${JSON.stringify(args.frameId)} (frames change when the cell resumes)`);
    return f;
  }

  /** Evaluate in a paused frame, or at the notebook's top level. */
  private async evaluateRaw(expression: string, frameId: number | undefined): Promise<RemoteObject> {
    const frame = frameId !== undefined && this.paused ? this.frames.get(frameId) : undefined;
    const r = frame
      ? await this.inspector.call("Debugger.evaluateOnCallFrame", { callFrameId: frame.callFrameId, expression, objectGroup: OBJECT_GROUP, silent: true })
      : await this.inspector.call("Runtime.evaluate", { expression, objectGroup: OBJECT_GROUP, replMode: true, silent: true });
    if (r.exceptionDetails) {
      const ex = r.exceptionDetails.exception;
      throw new DapError(ex ? (ex.description ?? primitiveText(ex)).split("\n")[0] : r.exceptionDetails.text);
    }
    return r.result;
  }

  /** (Re)bind the V8 breakpoints of one source path in every cell that ran from it; user line -> bound line. */
  private async bind(path: string): Promise<Map<number, number>> {
    for (const id of this.v8Breakpoints.get(path) ?? []) await this.inspector.call("Debugger.removeBreakpoint", { breakpointId: id }).catch(() => undefined);
    this.v8Breakpoints.delete(path);
    const wanted = this.breakpoints.get(path) ?? [];
    const bound = new Map<number, number>();
    const ids: string[] = [];
    for (const cell of this.cellsByUrl.values()) {
      if (cell.path !== path) continue;
      for (const b of wanted) {
        const at = cell.lines.breakpoint(b.line);
        if (!at) continue;
        bound.set(b.line, at.line);
        try {
          const r = await this.inspector.call("Debugger.setBreakpointByUrl", {
            url: cell.url,
            lineNumber: at.generated[0],
            columnNumber: at.generated[1],
            ...(b.condition ? { condition: b.condition } : {}),
          });
          ids.push(r.breakpointId);
        } catch (e) {
          this.hooks.log(`breakpoint at ${path}:${b.line} not set: ${(e as Error).message}`);
        }
      }
    }
    this.v8Breakpoints.set(path, ids);
    return bound;
  }

  private stackFrames(): DapStackFrame[] {
    this.requirePaused();
    const out: DapStackFrame[] = [];
    for (const [id, f] of this.frames) {
      const url = this.urlsByScript.get(f.location.scriptId);
      const cell = url ? this.cellsByUrl.get(url) : undefined;
      if (!cell) continue;
      const pos = cell.lines.user(f.location.lineNumber, f.location.columnNumber ?? 0);
      if (!pos) continue;
      out.push({ id, name: f.functionName || "<module>", line: pos.line, column: pos.column, source: { path: cell.path, sourceReference: 0 } });
    }
    return out;
  }

  private async onPaused(p: PausedEvent): Promise<void> {
    if (this.hooks.forcingInterrupt()) return; // the terminator's own pause: it resumes
    const inCell = p.callFrames.some((f) => {
      const url = this.urlsByScript.get(f.location.scriptId);
      return url !== undefined && this.cellsByUrl.has(url);
    });
    if (!inCell || this.breakpointsOff) {
      // Not the user's code (a cell run before attach, the kernel itself): never stop there.
      await this.inspector.call("Debugger.resume", {}).catch(() => undefined);
      return;
    }
    this.paused = p;
    this.frames = new Map(p.callFrames.map((f) => [this.nextFrameId++, f]));
    const reason =
      p.reason === "exception" || p.reason === "promiseRejection"
        ? "exception"
        : (p.hitBreakpoints?.length ?? 0) > 0
          ? "breakpoint"
          : (this.expecting ?? "breakpoint");
    this.expecting = null;
    const body: Record<string, unknown> = { reason, threadId: THREAD_ID, preserveFocusHint: false, allThreadsStopped: true };
    if (reason === "exception" && p.data?.description) body.text = p.data.description.split("\n")[0];
    this.hooks.event({ type: "event", seq: ++this.seq, event: "stopped", body });
  }

  private onResumed(): void {
    if (!this.paused) return; // also the terminator's pauses, never recorded
    this.paused = null;
    this.frames.clear();
    this.variables.reset();
    this.hooks.event({ type: "event", seq: ++this.seq, event: "continued", body: { threadId: THREAD_ID, allThreadsContinued: true } });
  }
}

function stringArg(args: Record<string, unknown>, name: string): string {
  const v = args[name];
  if (typeof v !== "string") throw new DapError(`arguments.${name} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

function numberArg(args: Record<string, unknown>, name: string): number | undefined {
  const v = args[name];
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Write a cell's text where the front end will look for it (the folder is made once). */
function writeSource(path: string, code: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code, "utf8");
}
