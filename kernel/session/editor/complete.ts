/**
 * complete_request: completions from the language service at the cursor (members of `np.`, of
 * an array value, globals, the cell's locals, earlier cells' names), filtered by the word typed;
 * names starting with `_` only when the word typed starts with `_` (IPython's default).
 */
import ts from "typescript";
import type { CompleteResult } from "../contract.js";
import type { CellHost } from "../typecheck/host.js";

const MAX_MATCHES = 1000;

/** Start of the identifier that ends at `cursor`. */
export function wordStart(code: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && /[\w$]/.test(code[i - 1])) i--;
  return i;
}

/** Completions for `code` (already free of magics) at UTF-16 offset `cursor`. */
export function complete(host: CellHost, code: string, cursor: number): CompleteResult {
  host.setCell(code);
  const start = wordStart(code, cursor);
  const prefix = code.slice(start, cursor);
  const info = host.service.getCompletionsAtPosition(host.cellFile, cursor, { includeCompletionsWithInsertText: true, includeCompletionsForModuleExports: false });
  const empty: CompleteResult = { matches: [], cursorStart: start, cursorEnd: cursor, metadata: {} };
  if (!info) return empty;
  let cursorStart = start;
  let cursorEnd = cursor;
  const span = info.optionalReplacementSpan;
  if (span && span.start <= cursor && span.start + span.length >= cursor) {
    cursorStart = span.start;
    cursorEnd = Math.max(cursor, span.start + span.length);
  }
  const typed = code.slice(cursorStart, cursor);
  // names starting with `_` (NDArray's internal fields, a module's private names) only once `_` is
  // typed, as IPython's completer does by default (omit__names = 2)
  const underscore = (typed || prefix).startsWith("_");
  const entries = info.entries
    .filter((e) => (e.insertText ?? e.name).startsWith(typed || prefix))
    .filter((e) => underscore || !e.name.startsWith("_"))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_MATCHES);
  const matches = entries.map((e) => e.insertText ?? e.name);
  const types = entries.map((e) => ({ start: cursorStart, end: cursorEnd, text: e.insertText ?? e.name, type: kindName(e.kind) }));
  return { matches, cursorStart, cursorEnd, metadata: { _jupyter_types_experimental: types } };
}

function kindName(kind: ts.ScriptElementKind): string {
  switch (kind) {
    case ts.ScriptElementKind.memberFunctionElement:
    case ts.ScriptElementKind.functionElement:
    case ts.ScriptElementKind.localFunctionElement:
      return "function";
    case ts.ScriptElementKind.classElement:
      return "class";
    case ts.ScriptElementKind.moduleElement:
      return "module";
    case ts.ScriptElementKind.keyword:
      return "keyword";
    case ts.ScriptElementKind.memberVariableElement:
    case ts.ScriptElementKind.memberGetAccessorElement:
      return "property";
    default:
      return "instance";
  }
}
