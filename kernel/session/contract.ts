/**
 * The contract between the dispatcher (kernel/dispatch) and the cell pipeline (kernel/session).
 *
 * Hard rule: nothing in kernel/session imports `zeromq` or anything under kernel/transport.
 * The pipeline only sees a Publisher; the dispatcher owns execution_count, execute_input,
 * execute_result, error and the reply (xeus' xinterpreter split: the evaluator only evaluates).
 *
 * Offsets here are UTF-16 code-unit offsets into `code` (JavaScript string indices); the
 * dispatcher converts the protocol's code-point cursor positions before and after.
 */

/** A Jupyter mime bundle: mime type -> data. */
export type MimeBundle = Record<string, unknown>;

/** What a running cell may publish on iopub (and stdin), bound to that cell's request. */
export interface Publisher {
  /** A `stream` message. */
  stream(name: "stdout" | "stderr", text: string): void;
  /** `display_data`, or `update_display_data` when `update` is true (needs `displayId`). */
  display(data: MimeBundle, opts?: { metadata?: Record<string, unknown>; displayId?: string; update?: boolean }): void;
  /** `clear_output`. */
  clearOutput(wait: boolean): void;
  /** Ask the front end through the stdin channel; rejects with a clear error when stdin is not allowed. */
  input(prompt: string, password: boolean): Promise<string>;
}

/** The result of evaluating one cell. */
export type EvalOutcome =
  | { status: "ok"; hasValue: boolean; value: unknown }
  | { status: "error"; ename: string; evalue: string; traceback: string[] };

export interface CompleteResult {
  matches: string[];
  cursorStart: number;
  cursorEnd: number;
  metadata: Record<string, unknown>;
}

export interface InspectResult {
  found: boolean;
  data: MimeBundle;
}

export type IsCompleteResult =
  | { status: "complete" }
  | { status: "incomplete"; indent: string }
  | { status: "invalid" }
  | { status: "unknown" };

export interface ExecuteOptions {
  allowStdin: boolean;
  silent: boolean;
  storeHistory: boolean;
  /** The execution count the front end shows for this cell (`In [n]`); tracebacks name the cell by it. */
  executionCount?: number;
}

/** The TypeScript cell pipeline as the dispatcher sees it. */
export interface CellSession {
  /** Type-check, compile and run one cell. Never throws: failures come back as an error outcome. */
  execute(code: string, io: Publisher, opts: ExecuteOptions): Promise<EvalOutcome>;
  /** Evaluate one expression for `user_expressions` (no type-check needed), as a mime bundle or an error. */
  userExpression(expr: string): Promise<{ status: "ok"; data: MimeBundle } | { status: "error"; ename: string; evalue: string; traceback: string[] }>;
  complete(code: string, cursor: number): CompleteResult;
  inspect(code: string, cursor: number, detailLevel: 0 | 1): InspectResult;
  isComplete(code: string): IsCompleteResult;
  /** Called on the main thread when an interrupt arrives and the thread is free (e.g. a pending await). */
  interrupt(): void;
  /**
   * The kernel is shutting down: skip what is left of warming the compiler up (its last step,
   * building and checking a first program, takes seconds on a loaded machine, and the exit waits
   * for the main thread).
   */
  stopWarming?(): void;
  /** Resolves once the compiler has warmed up (no cell can run before; the kernel starts its agent worker then). */
  ready?(): Promise<void>;
  /**
   * Resolves once complete/inspect/isComplete can answer (the compiler's module is loaded, early in
   * the warm-up). Before, they would answer "nothing found" / "unknown".
   */
  editorReady?(): Promise<void>;
  /** Finish what the warm-up left for later (the compiler's own program, when the first cells used the startup snapshot's); called when idle. */
  finishWarming?(): void;
  /**
   * The kernel went quiet (just before its idle heap compaction): let go of what only speeds up
   * cells sent back to back (the kept program and its checker: ~30 MB of a quiet kernel's RSS).
   */
  releaseIdle?(): void;
}
