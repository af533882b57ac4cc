/**
 * complete_request and inspect_request on cells that use NumPy syntax: the language service is
 * asked about the rewritten cell (check.ts), so `const w = x + y; w.sh|` completes `shape` and
 * hovering `w` shows `NDArray`, as they would after the cell ran. The cursor is moved into the
 * rewritten text and the answer's positions moved back; Shift-Tab on an operator of an array
 * shows the ufunc it runs (`+` on arrays: np.add's signature and docs; `@`: np.matmul's). A cell being typed often does not parse
 * (`w.|`); the rewrite runs on TypeScript's recovered tree anyway (only the editor does this).
 * Cost: the cell's rewrite passes, only when the cell has an operator or subscript on an array.
 */
import type { CompleteResult, InspectResult } from "../contract.js";
import { complete as completeCell } from "../editor/complete.js";
import { inspect as inspectCell } from "../editor/inspect.js";
import type { CellHost } from "../typecheck/host.js";
import { MODULE_SUFFIX } from "../typecheck/host.js";
import { rewriteCell } from "./check.js";
import { asAsterisks, matmulOffsets } from "./python-operators.js";
import type { RewrittenOperator } from "./rewrite.js";

interface EditorCell {
  code: string;
  toOriginal(o: number): number;
  toRewritten(o: number): number;
  operators: readonly RewrittenOperator[];
}

function rewritten(host: CellHost, code: string): EditorCell {
  // `a @ b` as the compiler checks it: `a * b`, rewritten to np.matmul (python-operators.ts)
  const matmulAt = matmulOffsets(code);
  const typed = asAsterisks(code, matmulAt);
  host.setCell(typed);
  try {
    const r = rewriteCell(host, typed, matmulAt);
    return { code: r.text.slice(0, r.text.length - MODULE_SUFFIX.length), toOriginal: r.toOriginal, toRewritten: r.toRewritten, operators: r.operators };
  } catch {
    // a half-typed cell the rewrite cannot handle: answer on the text as typed
    return { code, toOriginal: (o) => o, toRewritten: (o) => o, operators: [] };
  }
}

/** Completions for `code` at `cursor`, NumPy syntax understood. */
export function complete(host: CellHost, code: string, cursor: number): CompleteResult {
  const r = rewritten(host, code);
  if (r.code === code) return completeCell(host, code, cursor);
  const answer = completeCell(host, r.code, r.toRewritten(cursor));
  const start = (o: number): number => Math.min(r.toOriginal(o), cursor);
  const end = (o: number): number => Math.max(r.toOriginal(o), cursor);
  const types = answer.metadata._jupyter_types_experimental;
  const metadata = Array.isArray(types)
    ? { ...answer.metadata, _jupyter_types_experimental: types.map((t: { start: number; end: number }) => ({ ...t, start: start(t.start), end: end(t.end) })) }
    : answer.metadata;
  return { ...answer, cursorStart: start(answer.cursorStart), cursorEnd: end(answer.cursorEnd), metadata };
}

/** Inspect `code` at `cursor`, NumPy syntax understood. */
export function inspect(host: CellHost, code: string, cursor: number): InspectResult {
  const r = rewritten(host, code);
  if (r.code === code) return inspectCell(host, code, cursor);
  // Shift-Tab on an operator of an array (`x +| y`): the ufunc it runs, with its docs
  const on = (pos: number): RewrittenOperator | undefined => r.operators.find((o) => o.operator !== "[" && o.start <= pos && pos < o.start + o.length);
  const op = on(cursor) ?? on(cursor - 1);
  if (op) {
    const name = `np.${op.ufunc}`;
    return inspectCell(host, name, name.length);
  }
  return inspectCell(host, r.code, r.toRewritten(cursor));
}
