/**
 * Notebook files (nbformat 4) and how a cell's iopub messages become its stored outputs, following
 * what nbclient and JupyterLab do:
 *
 * - `stream`: appended to the previous output when that is a stream of the same name, else a new output;
 * - `display_data` / `execute_result`: a new output (`execute_result` keeps `execution_count`);
 *   with `transient.display_id`, every earlier output carrying that id (in any cell) is replaced by the new data;
 * - `update_display_data`: replaces the data of earlier outputs with that display_id, adds nothing;
 * - `clear_output`: clears the cell's outputs now, or with `wait: true` just before the next output arrives;
 * - `error`: a new output with ename, evalue, traceback.
 * Reference: https://nbformat.readthedocs.io/en/latest/format_description.html#code-cell-outputs,
 * nbclient `client.py` (`process_message`, `_update_display_id`, `clear_before_next_output`).
 */
import type { Message } from "../transport/wire.js";
import type { ClearOutputContent, DisplayDataContent, ErrorContent, ExecuteResultContent, StreamContent } from "./messages.js";

export type MultilineString = string | string[];

export interface StreamOutput { output_type: "stream"; name: "stdout" | "stderr"; text: MultilineString }
export interface DisplayDataOutput { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown> }
export interface ExecuteResultOutput { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
export interface ErrorOutput { output_type: "error"; ename: string; evalue: string; traceback: string[] }
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: MultilineString;
  metadata: Record<string, unknown> & { tags?: string[] };
  execution_count: number | null;
  outputs: Output[];
}
export interface OtherCell {
  cell_type: "markdown" | "raw";
  id?: string;
  source: MultilineString;
  metadata: Record<string, unknown>;
  attachments?: Record<string, unknown>;
}
export type Cell = CodeCell | OtherCell;

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown> & {
    kernelspec?: { name: string; display_name: string; language?: string };
    language_info?: Record<string, unknown>;
  };
  cells: Cell[];
}

/** A multiline string as one string. */
export function joinSource(s: MultilineString): string {
  return Array.isArray(s) ? s.join("") : s;
}

/**
 * Parse a notebook file's text, checking the little the runner relies on.
 *
 * @example
 * parseNotebook('{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[]}').cells // []
 */
export function parseNotebook(text: string, where = "notebook"): Notebook {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where} is not JSON: ${(e as Error).message}`);
  }
  const o = nb as Partial<Notebook>;
  if (typeof o !== "object" || o === null || !Array.isArray(o.cells)) throw new Error(`${where} has no "cells" list: expected an nbformat 4 notebook`);
  if (o.nbformat !== 4) throw new Error(`${where} is nbformat ${String(o.nbformat)}: expected nbformat 4 (convert with \`jupyter nbconvert --to notebook\`)`);
  for (const [i, c] of o.cells.entries()) {
    if (typeof c !== "object" || c === null || !["code", "markdown", "raw"].includes((c as Cell).cell_type)) {
      throw new Error(`${where}: cell ${i} has no valid cell_type: expected "code", "markdown" or "raw"`);
    }
    if (c.cell_type === "code") {
      c.metadata ??= {};
      c.outputs ??= [];
      c.execution_count ??= null;
    }
  }
  o.metadata ??= {};
  return o as Notebook;
}

/** Text of a stream output as one string. */
function streamText(o: StreamOutput): string {
  return joinSource(o.text);
}

/**
 * Collects one notebook's outputs from iopub messages. Keeps the display_id map across cells,
 * because an update may target a display made by an earlier cell.
 *
 * @example
 * const acc = new OutputAccumulator();
 * const outs: Output[] = [];
 * acc.add(outs, streamMsg("stdout", "a"));  acc.add(outs, streamMsg("stdout", "b"));
 * outs // [{ output_type: "stream", name: "stdout", text: "ab" }]
 */
export class OutputAccumulator {
  /** display_id -> the outputs that show it. */
  private readonly displays = new Map<string, (DisplayDataOutput | ExecuteResultOutput)[]>();
  private clearPending = new WeakSet<Output[]>();

  /** Apply one iopub message to a cell's output list. Returns true if it was an output message. */
  add(outputs: Output[], msg: Message): boolean {
    const type = msg.header.msg_type;
    const content = msg.content as unknown;
    switch (type) {
      case "clear_output": {
        if ((content as ClearOutputContent).wait) this.clearPending.add(outputs);
        else this.clear(outputs);
        return true;
      }
      case "update_display_data": {
        const c = content as DisplayDataContent;
        const id = c.transient?.display_id;
        if (id) this.update(id, c);
        return true;
      }
      case "stream": {
        const c = content as StreamContent;
        this.beforeOutput(outputs);
        const last = outputs[outputs.length - 1];
        if (last && last.output_type === "stream" && last.name === c.name) last.text = streamText(last) + c.text;
        else outputs.push({ output_type: "stream", name: c.name, text: c.text });
        return true;
      }
      case "display_data":
      case "execute_result": {
        const c = content as ExecuteResultContent;
        this.beforeOutput(outputs);
        const out: DisplayDataOutput | ExecuteResultOutput = type === "execute_result"
          ? { output_type: "execute_result", data: c.data, metadata: c.metadata ?? {}, execution_count: c.execution_count ?? null }
          : { output_type: "display_data", data: c.data, metadata: c.metadata ?? {} };
        const id = c.transient?.display_id;
        if (id) {
          this.update(id, c);
          const list = this.displays.get(id) ?? [];
          list.push(out);
          this.displays.set(id, list);
        }
        outputs.push(out);
        return true;
      }
      case "error": {
        const c = content as ErrorContent;
        this.beforeOutput(outputs);
        outputs.push({ output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] });
        return true;
      }
      default:
        return false;
    }
  }

  private beforeOutput(outputs: Output[]): void {
    if (this.clearPending.has(outputs)) {
      this.clearPending.delete(outputs);
      this.clear(outputs);
    }
  }

  private clear(outputs: Output[]): void {
    const gone = new Set<Output>(outputs);
    for (const [id, list] of this.displays) {
      const kept = list.filter((o) => !gone.has(o));
      if (kept.length) this.displays.set(id, kept);
      else this.displays.delete(id);
    }
    outputs.length = 0;
  }

  private update(id: string, c: DisplayDataContent): void {
    for (const o of this.displays.get(id) ?? []) {
      o.data = c.data;
      o.metadata = c.metadata ?? {};
    }
  }
}
