/**
 * Execute every code cell of a notebook in one fresh kernel, in order, storing the outputs as
 * nbformat expects (see nbformat.ts). The policy is nbclient's default:
 *
 * - stop at the first cell that fails, unless the cell is tagged `raises-exception`, which may fail;
 *   later cells are left unexecuted (no outputs, execution_count null);
 * - a cell that runs longer than the timeout is interrupted (interrupt_request or SIGINT, as the
 *   kernelspec asks), then counted as failed;
 * - the kernel is always shut down: shutdown_request, a grace period, then SIGKILL.
 */
import { KernelClient } from "./client.js";
import { launchKernel, type KernelProcess, type LaunchOptions } from "./launch.js";
import type { ExecuteReplyContent, KernelInfoReplyContent } from "./messages.js";
import { joinSource, OutputAccumulator, type CodeCell, type Notebook } from "./nbformat.js";

export type CellStatus = "ok" | "error" | "allowed-error" | "timeout" | "skipped";

export interface CellReport {
  /** Index among all cells of the notebook. */
  index: number;
  /** 1-based position among code cells. */
  position: number;
  total: number;
  status: CellStatus;
  ms: number;
  /** "TypeError: x is not a function" for failures. */
  message?: string;
}

export interface ExecuteNotebookOptions {
  launch: LaunchOptions;
  /** Per-cell timeout in seconds. */
  timeout: number;
  /** Seconds to wait for an interrupted cell, and for the kernel to exit after shutdown. */
  grace?: number;
  /** Seconds to wait for the kernel's first kernel_info_reply. */
  startTimeout?: number;
  onCell?: (r: CellReport) => void;
  /** Aborting stops at the current cell (interrupting it) and shuts the kernel down. */
  signal?: AbortSignal;
  /** Called once the kernel is ready. */
  onReady?: (info: KernelInfoReplyContent, kp: KernelProcess) => void;
}

export interface NotebookRun {
  notebook: Notebook;
  cells: CellReport[];
  failed: CellReport | null;
  kernelInfo: KernelInfoReplyContent | null;
  /** The kernel's own stdout/stderr tail, for reports when it died. */
  kernelOutput: string;
}

function isAllowedToFail(cell: CodeCell): boolean {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) && tags.includes("raises-exception");
}

async function shutdownKernel(kc: KernelClient | null, kp: KernelProcess, graceMs: number): Promise<void> {
  if (kc && kp.exitStatus() === null) {
    await kc.shutdown(false, graceMs).catch(() => undefined);
    await Promise.race([kp.exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
  kc?.close();
  await kp.kill();
}

/**
 * Run a notebook (mutated in place: outputs, execution counts, kernel metadata).
 *
 * @example
 * const run = await executeNotebook(nb, { launch: { kernelName: "strided" }, timeout: 120 });
 * run.failed // null when every cell succeeded
 */
export async function executeNotebook(nb: Notebook, opts: ExecuteNotebookOptions): Promise<NotebookRun> {
  const graceMs = (opts.grace ?? 5) * 1000;
  const codeCells = nb.cells.map((c, index) => ({ c, index })).filter((x): x is { c: CodeCell; index: number } => x.c.cell_type === "code");
  const reports: CellReport[] = [];
  const kp = await launchKernel(opts.launch);
  let kc: KernelClient | null = null;
  let failed: CellReport | null = null;
  let kernelInfo: KernelInfoReplyContent | null = null;
  try {
    kc = await KernelClient.connect(kp.connection);
    const ready = kc.waitForReady((opts.startTimeout ?? 60) * 1000);
    const died = kp.exited.then((s) => { throw new Error(`kernel exited before it was ready (code ${s.code}, signal ${s.signal}): ${kp.output().trim().split("\n").slice(-5).join("\n")}`); });
    kernelInfo = (await Promise.race([ready, died])).content;
    opts.onReady?.(kernelInfo, kp);

    nb.metadata.kernelspec = {
      name: kp.spec?.name ?? kp.connection.kernel_name ?? "strided",
      display_name: kp.spec?.display_name ?? nb.metadata.kernelspec?.display_name ?? "TypeScript (strided arrays)",
      language: kp.spec?.language || kernelInfo.language_info.name,
    };
    nb.metadata.language_info = { ...kernelInfo.language_info };

    const acc = new OutputAccumulator();
    for (const [k, { c: cell, index }] of codeCells.entries()) {
      const position = k + 1;
      cell.outputs = [];
      cell.execution_count = null;
      if (failed || opts.signal?.aborted) {
        const r: CellReport = { index, position, total: codeCells.length, status: "skipped", ms: 0 };
        reports.push(r);
        continue;
      }
      const report = await runCell(kc, kp, cell, acc, opts.timeout * 1000, graceMs, opts.signal);
      const r: CellReport = { index, position, total: codeCells.length, ...report };
      if (r.status === "error" && isAllowedToFail(cell)) r.status = "allowed-error";
      if (r.status === "error" || r.status === "timeout") failed = r;
      reports.push(r);
      opts.onCell?.(r);
    }
  } catch (e) {
    const r: CellReport = { index: -1, position: 0, total: codeCells.length, status: "error", ms: 0, message: (e as Error).message };
    failed ??= r;
  } finally {
    await shutdownKernel(kc, kp, graceMs);
  }
  return { notebook: nb, cells: reports, failed, kernelInfo, kernelOutput: kp.output() };
}

async function runCell(
  kc: KernelClient,
  kp: KernelProcess,
  cell: CodeCell,
  acc: OutputAccumulator,
  timeoutMs: number,
  graceMs: number,
  signal?: AbortSignal,
): Promise<{ status: CellStatus; ms: number; message?: string }> {
  const t0 = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (kp.interruptMode === "message") kc.interrupt(graceMs).catch(() => undefined);
    else kp.signal("SIGINT");
  }, timeoutMs);
  try {
    const run = kc.execute(joinSource(cell.source), {
      timeout: timeoutMs + graceMs,
      stop_on_error: true,
      allow_stdin: false,
      onIopub: (m) => { acc.add(cell.outputs, m); },
    });
    const died = kp.exited.then((s) => { throw new Error(`kernel died (code ${s.code}, signal ${s.signal})`); });
    let onAbort = (): void => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        kp.signal("SIGINT");
        reject(new Error("interrupted by the user"));
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
    });
    const { reply } = await Promise.race([run, died, aborted]).finally(() => signal?.removeEventListener("abort", onAbort));
    const ms = performance.now() - t0;
    const c: ExecuteReplyContent = reply.content;
    if (typeof c.execution_count === "number") {
      cell.execution_count = c.execution_count;
      for (const o of cell.outputs) if (o.output_type === "execute_result" && o.execution_count === null) o.execution_count = c.execution_count;
    }
    if (timedOut) return { status: "timeout", ms, message: `cell did not finish within ${timeoutMs / 1000} s and was interrupted` };
    if (c.status === "ok") return { status: "ok", ms };
    return { status: "error", ms, message: c.status === "aborted" ? "aborted" : `${c.ename ?? "Error"}: ${c.evalue ?? ""}` };
  } catch (e) {
    const ms = performance.now() - t0;
    if (timedOut) return { status: "timeout", ms, message: `cell did not finish within ${timeoutMs / 1000} s, nor ${graceMs / 1000} s after an interrupt` };
    return { status: "error", ms, message: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
