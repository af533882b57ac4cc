/**
 * The NumPy-syntax stage of the cell pipeline, run between type-check and emit: rewrite the cell
 * (rewrite.ts) and re-check it until no operator or subscript on an array is left, then report
 * the checker's errors on the rewritten cell at the positions the user typed.
 *
 * Rule: a cell with no operator, compound assignment or subscript on an array costs one walk of
 * its tree with cached types and nothing else (no second check). A cell that uses them costs one
 * more check per pass; passes stop when nothing changes (at most MAX_PASSES: each pass rewrites at
 * least one node, and `const z = x + y; z * 2` needs two).
 */
import ts from "typescript";
import path from "node:path";
import { CODE_ROOT } from "../paths.js";
import { MODULE_SUFFIX, type CellHost } from "../typecheck/host.js";
import { applyEdits, lineAndColumn, lineStarts } from "./edits.js";
import { arrayTest, rewritePass, type RewrittenOperator, type SyntaxProblem } from "./rewrite.js";
import { explainDiagnostic } from "./explain.js";
import "./helper.js";

const MAX_PASSES = 8;

/** Diagnostic code of the rewrite's own errors (a bad index string, an unsupported operator). */
export const SYNTAX_ERROR_CODE = 90001;

const RUNTIME_DIR = path.join(CODE_ROOT, "runtime") + path.sep;
const isRuntimeFile = (f: string): boolean => path.normalize(f).startsWith(RUNTIME_DIR);

/** What the stage hands back to the compiler. */
export interface SyntaxOutcome {
  /** True when the cell's text in the host was rewritten. */
  rewritten: boolean;
  /** The cell's errors, placed in the text the stage was given (`code`). */
  diagnostics: ts.Diagnostic[];
  /** Rewritten-cell (line, column) -> the given text's (line, column), 0-based; identity when not rewritten. */
  toOriginal(line: number, column: number): { line: number; column: number };
}

const identity = (line: number, column: number): { line: number; column: number } => ({ line, column });

/** A cell after all passes: its text, maps both ways, and what the passes found. */
export interface RewrittenCell {
  /** The rewritten cell with the module suffix. */
  text: string;
  toOriginal(offset: number): number;
  toRewritten(offset: number): number;
  problems: SyntaxProblem[];
  operators: RewrittenOperator[];
}

/**
 * Run rewrite passes on the cell now in `host` (text `code` + the module suffix) until nothing
 * changes, leaving the rewritten cell in the host. Problems (positions in `code`) stop the passes.
 */
export function rewriteCell(host: CellHost, code: string, matmulAt: readonly number[] = []): RewrittenCell {
  let toOriginal = (o: number): number => o;
  let toRewritten = (o: number): number => o;
  const problems: SyntaxProblem[] = [];
  const operators: RewrittenOperator[] = [];
  let text = code + MODULE_SUFFIX;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const program = host.program();
    const sf = program.getSourceFile(host.cellFile);
    if (!sf) throw new Error("the cell's SourceFile is missing from the program");
    const r = rewritePass(sf, program.getTypeChecker(), arrayTest(isRuntimeFile), new Set(matmulAt.map(toRewritten)));
    const back = toOriginal;
    const forward = toRewritten;
    for (const p of r.problems) problems.push({ ...p, start: back(p.start) });
    for (const o of r.operators) operators.push({ ...o, start: back(o.start), exprStart: back(o.exprStart), exprEnd: back(o.exprEnd) });
    if (!r.edits.length || r.problems.length) break;
    const applied = applyEdits(sf.text, r.edits);
    toOriginal = (o: number): number => back(applied.toOld(o));
    toRewritten = (o: number): number => applied.toNew(forward(o));
    text = applied.text;
    host.setCell(text.slice(0, text.length - MODULE_SUFFIX.length));
  }
  return { text, toOriginal, toRewritten, problems, operators };
}

/**
 * Whether the NumPy-syntax stage has something to do in `sf` (checked by `checker`): an operator
 * or subscript on an array to rewrite, or a problem to report. When not, applyNumpySyntax would
 * hand the diagnostics back unchanged.
 */
export function needsNumpyRewrite(sf: ts.SourceFile, checker: ts.TypeChecker): boolean {
  const r = rewritePass(sf, checker, arrayTest(isRuntimeFile));
  return r.edits.length > 0 || r.problems.length > 0;
}

/**
 * Rewrite NumPy syntax in the cell now in `host` (whose text is `code` + the module suffix and
 * whose errors are `diagnostics`), leaving the rewritten cell in the host. `matmulAt`: offsets of
 * `*` tokens the user typed as `@` (np.matmul; syntax/python-operators.ts).
 */
export function applyNumpySyntax(host: CellHost, code: string, diagnostics: readonly ts.Diagnostic[], matmulAt: readonly number[] = []): SyntaxOutcome {
  const unchanged: SyntaxOutcome = { rewritten: false, diagnostics: [...diagnostics], toOriginal: identity };
  if (host.service.getSyntacticDiagnostics(host.cellFile).length) return unchanged;
  const original = code + MODULE_SUFFIX;
  let cell: RewrittenCell;
  try {
    cell = rewriteCell(host, code, matmulAt);
  } catch (e) {
    // a bug in the rewrite must not cost the user the cell: check it as typed (operators on arrays are then type errors)
    host.setCell(code);
    process.emitWarning(`the NumPy-syntax rewrite failed on a cell and was skipped: ${(e as Error)?.message ?? String(e)}`);
    return unchanged;
  }
  const { text, toOriginal, problems, operators } = cell;
  if (text === original && !problems.length) return unchanged;
  const originalFile = ts.createSourceFile(host.cellFile, original, ts.ScriptTarget.ES2022, false);
  const own: ts.Diagnostic[] = problems.map((p) => ({
    category: ts.DiagnosticCategory.Error,
    code: SYNTAX_ERROR_CODE,
    file: originalFile,
    start: p.start,
    length: p.length,
    messageText: p.message,
  }));
  if (own.length) return { rewritten: text !== original, diagnostics: own, toOriginal: identity };
  const checked = host.cellDiagnostics().filter((d) => d.category === ts.DiagnosticCategory.Error);
  const placed = checked.map((d) => {
    if (!d.file || d.start === undefined || d.file.fileName !== host.cellFile) return d;
    const start = toOriginal(d.start);
    const end = Math.max(start + 1, toOriginal(d.start + Math.max(0, (d.length ?? 1) - 1)) + 1);
    return explainDiagnostic({ ...d, file: originalFile, start, length: end - start }, operators, originalFile);
  });
  const newStarts = lineStarts(text);
  const oldStarts = lineStarts(original);
  return {
    rewritten: true,
    diagnostics: placed,
    toOriginal: (line, column) => {
      const offset = (newStarts[line] ?? text.length) + column;
      return lineAndColumn(oldStarts, toOriginal(Math.min(offset, text.length)));
    },
  };
}
