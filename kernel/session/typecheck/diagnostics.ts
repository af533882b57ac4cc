/**
 * Type errors as a Jupyter error: ename "TSError", evalue naming the TS code, the message and
 * the CELL's line and column (1-based, as editors show them), a traceback with the offending
 * line and a caret under the column.
 */
import ts from "typescript";

/** One diagnostic placed in the cell. */
export interface CellDiagnostic {
  code: number;
  message: string;
  /** 1-based line and column in the cell as the user typed it. */
  line: number;
  column: number;
}

/** Diagnostics of the checked cell, placed in the cell's own text. */
export function placeDiagnostics(diags: readonly ts.Diagnostic[], mapLine: (line0: number) => number): CellDiagnostic[] {
  return diags.map((d) => {
    let line = 1;
    let column = 1;
    if (d.file && d.start !== undefined) {
      const lc = d.file.getLineAndCharacterOfPosition(d.start);
      line = mapLine(lc.line) + 1;
      column = lc.character + 1;
    }
    return { code: d.code, message: reword(d.code, ts.flattenDiagnosticMessageText(d.messageText, "\n")), line, column };
  });
}

/** TS2339 "Property 'x' does not exist on type ...". */
const NO_PROPERTY = 2339;
const NOT_IN_NP = /^Property '([^']+)' does not exist on type '(Np|NpLib|StrideTricks)'\.$/;
/** Where each of the runtime's namespace interfaces is reached from a cell. */
const NAMESPACE_PATH: Record<string, string> = { Np: "np", NpLib: "np.lib", StrideTricks: "np.lib.stride_tricks" };

/**
 * A name NumPy has and the runtime does not (`np.linalg`, `np.histogram`, `np.lib.stride_tricks.broadcast_arrays`) said as such, with where
 * to look; TypeScript's own words otherwise (its "Did you mean 'zeros'?" is TS2551, kept).
 */
function reword(code: number, message: string): string {
  const m = code === NO_PROPERTY ? NOT_IN_NP.exec(message) : null;
  if (!m) return message;
  const ns = NAMESPACE_PATH[m[2]];
  return `${ns}.${m[1]} does not exist: strided's ${ns} has no '${m[1]}' (it has the NumPy names it implements; type ${ns}. and press Tab to list them)`;
}

/** The error outcome for type errors (the first one names the error; all are listed). */
export function typeErrorOutcome(diags: CellDiagnostic[], source: string): { status: "error"; ename: string; evalue: string; traceback: string[] } {
  const lines = source.split("\n");
  const first = diags[0];
  const traceback: string[] = [];
  for (const d of diags) {
    const text = lines[d.line - 1] ?? "";
    traceback.push(
      `\x1b[31mTSError\x1b[0m: TS${d.code}: ${d.message}\n` +
        `  at line ${d.line}, column ${d.column}\n` +
        `  ${text}\n` +
        `  ${" ".repeat(Math.max(0, d.column - 1))}^`,
    );
  }
  return {
    status: "error",
    ename: "TSError",
    evalue: `TS${first.code}: ${first.message} (line ${first.line}, column ${first.column})${diags.length > 1 ? ` and ${diags.length - 1} more` : ""}`,
    traceback,
  };
}
