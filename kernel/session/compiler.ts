/**
 * The compile half of the pipeline: parse + type-check a cell against the kernel globals and
 * the earlier cells' declarations, then transform and emit it.
 * Stages: typecheck/host.ts (parse, check) -> transform/ (hooks, REPL rewrite) -> emit.ts.
 */
import ts from "typescript";
import { emitCell, type EmittedCell } from "./emit.js";
import { placeDiagnostics, typeErrorOutcome } from "./typecheck/diagnostics.js";
import { CellHost } from "./typecheck/host.js";
import { importedModuleErrors } from "./typecheck/imported-modules.js";
import { neverOptimizeChecker } from "./typecheck/never-optimize.js";
import { declaredNames, Prelude } from "./typecheck/prelude.js";
import { applyNumpySyntax } from "./syntax/check.js";

export { complete, inspect } from "./syntax/editor.js"; // editor/complete.js and editor/inspect.js on the NumPy-syntax rewrite of the cell
export { isComplete } from "./editor/is-complete.js";

/** Plain TypeScript -> JavaScript for one expression (user_expressions: no type-check). */
export function transpileExpression(expr: string): string {
  return ts.transpileModule(expr, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

/** A compiled cell, or the error outcome that stops it. */
export type Compiled =
  | { ok: true; emitted: EmittedCell; /** the cell declared a top-level name */ declares: boolean }
  | { ok: false; outcome: { status: "error"; ename: string; evalue: string; traceback: string[] } };

const MODULE_NOT_FOUND = new Set([2307, 2792]);

export class CellCompiler {
  readonly host: CellHost;
  private readonly prelude = new Prelude();

  constructor(notebookDir: string, readTsconfig = true) {
    neverOptimizeChecker(); // a per-cell function TurboFan would spend 4 s and 100 MB on (typecheck/never-optimize.ts)
    this.host = new CellHost(notebookDir, readTsconfig);
  }

  /** Parse, check (errors are placed with `mapLine` in the user's cell) and emit `code`. */
  compile(code: string, userCell: string, mapLine: (l: number) => number): Compiled {
    this.host.setCell(code);
    let diags = this.errorsOnly(this.host.cellDiagnostics());
    if (diags.some((d) => MODULE_NOT_FOUND.has(d.code))) {
      this.host.clearResolutions(); // a package installed since the last lookup
      diags = this.errorsOnly(this.host.cellDiagnostics());
    }
    // NumPy syntax on arrays (x + y, a["1:3"]): rewritten to calls and re-checked; errors placed in `code`.
    const syntax = applyNumpySyntax(this.host, code, diags);
    diags = syntax.diagnostics;
    if (diags.length) {
      const syntactic = this.host.service.getSyntacticDiagnostics(this.host.cellFile).length > 0;
      const outcome = typeErrorOutcome(placeDiagnostics(diags, mapLine), userCell);
      if (syntactic) {
        outcome.ename = "SyntaxError";
        outcome.traceback = outcome.traceback.map((t) => t.replace("TSError", "SyntaxError"));
      }
      return { ok: false, outcome };
    }
    const program = this.host.program();
    const sf = program.getSourceFile(this.host.cellFile);
    if (!sf) throw new Error("the cell's SourceFile is missing from the program");
    const moduleErrors = importedModuleErrors(program, sf, this.host.notebookDir);
    if (moduleErrors) return { ok: false, outcome: moduleErrors };
    const emitted = emitCell(program, sf);
    if (syntax.rewritten) emitted.map = emitted.map.remap(syntax.toOriginal);
    this.prelude.record(sf, program.getTypeChecker());
    this.host.setText(this.host.preludeFile, this.prelude.text());
    return { ok: true, emitted, declares: sf.statements.some((st) => declaredNames(st).length > 0) };
  }

  /** Names declared by the cells so far. */
  declaredNames(): string[] {
    return this.prelude.names();
  }

  /** The prelude's text (for tests and debugging). */
  preludeText(): string {
    return this.prelude.text();
  }

  /** Build the program once, so the first cell does not pay for parsing the lib and @types/node. */
  warm(): void {
    this.host.setCell("np; display;");
    this.host.cellDiagnostics();
    this.host.setCell("");
  }

  private errorsOnly(d: ts.Diagnostic[]): ts.Diagnostic[] {
    return d.filter((x) => x.category === ts.DiagnosticCategory.Error);
  }
}
