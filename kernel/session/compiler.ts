/**
 * The compile half of the pipeline: parse + type-check a cell against the kernel globals and
 * the earlier cells' declarations, then transform and emit it.
 * Stages: typecheck/host.ts (parse, check) -> transform/ (hooks, REPL rewrite) -> emit.ts.
 */
import ts from "typescript";
import { emitCell, type EmittedCell } from "./emit.js";
import { placeDiagnostics, typeErrorOutcome } from "./typecheck/diagnostics.js";
import { CellHost, takeSnapshotHost } from "./typecheck/host.js";
import { importedModuleErrors } from "./typecheck/imported-modules.js";
import { KeptProgram, type CheckedCell } from "./typecheck/kept-program.js";
import { referencesFiles } from "./typecheck/references.js";
import { neverOptimizeChecker } from "./typecheck/never-optimize.js";
import { declaredNames, Prelude } from "./typecheck/prelude.js";
import { applyNumpySyntax, needsNumpyRewrite } from "./syntax/check.js";
import { asAsterisks, matmulOffsets } from "./syntax/python-operators.js";

export { complete, inspect } from "./syntax/editor.js"; // editor/complete.js and editor/inspect.js on the NumPy-syntax rewrite of the cell
export { isComplete } from "./editor/is-complete.js";
export { referencesFiles } from "./typecheck/references.js";
export { matmulOperator, matmulError, floorDivisionComments, floorDivisionNote } from "./syntax/python-operators.js";

/** Plain TypeScript -> JavaScript for one expression (user_expressions: no type-check). */
export function transpileExpression(expr: string): string {
  return ts.transpileModule(expr, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

/** A compiled cell whose declarations `commit()` records (CellCompiler.compileUncommitted). */
export interface Uncommitted {
  compiled: Compiled;
  commit: () => void;
}

const nothingToCommit = (): void => undefined;
const uncommitted = (compiled: Compiled): Uncommitted => ({ compiled, commit: nothingToCommit });

/** A compiled cell, or the error outcome that stops it. */
export type Compiled =
  | { ok: true; emitted: EmittedCell; /** the cell declared a top-level name */ declares: boolean }
  | { ok: false; outcome: { status: "error"; ename: string; evalue: string; traceback: string[] } };

const MODULE_NOT_FOUND = new Set([2307, 2792]);

export class CellCompiler {
  readonly host: CellHost;
  private readonly prelude = new Prelude();
  /**
   * The startup snapshot's host (typecheck/host.ts keepForKernel: the same options and files, its
   * program made), which checks the cells that name no other file until this compiler's own host
   * has made its program (warm): the kernel's first result does not wait for a program made from
   * nothing (60-75 ms). Only its cell's path differs (the package root, not the notebook's folder),
   * which nothing of such a cell depends on; the prelude is kept the same in both.
   */
  private snapshotHost: CellHost | null;
  private warmed = false;
  /** Each host's kept program (typecheck/kept-program.ts): cells that name no file are checked by it. */
  private readonly kept = new Map<CellHost, KeptProgram>();
  /** Cells checked by a kept program, cells that took the full path, kept programs made (tests read them). */
  readonly counts = { kept: 0, full: 0, made: 0 };

  /** `useKeptProgram: false`: every cell takes the full path, a program made for it (tests compare the two). */
  constructor(notebookDir: string, readTsconfig = true, private readonly useKeptProgram = true) {
    neverOptimizeChecker(); // a per-cell function TurboFan would spend 4 s and 100 MB on (typecheck/never-optimize.ts)
    this.host = new CellHost(notebookDir, readTsconfig);
    this.snapshotHost = takeSnapshotHost(this.host.options);
  }

  /** True when the startup snapshot's host can check the first cells (warm may wait until the kernel is idle). */
  get startsFromSnapshot(): boolean {
    return this.snapshotHost !== null;
  }

  /** The host that checks `code`: the snapshot's while this compiler's own has no program and `code` names no file. */
  private hostFor(namesFiles: boolean): CellHost {
    if (this.snapshotHost === null) return this.host;
    if (!namesFiles) return this.snapshotHost;
    this.warm();
    return this.host;
  }

  /** Parse, check (errors are placed with `mapLine` in the user's cell) and emit `code`, and record its declarations. */
  compile(code: string, userCell: string, mapLine: (l: number) => number): Compiled {
    const u = this.compileUncommitted(code, userCell, mapLine);
    u.commit();
    return u.compiled;
  }

  /**
   * compile, except that the cell's declarations are recorded only when `commit()` is called: what
   * runs before it changes no lasting state of this compiler but its checkers, so an interrupt may
   * stop it (session/run/interruptible.ts; then abandonCheckers, and no commit).
   */
  compileUncommitted(typed: string, userCell: string, mapLine: (l: number) => number): Uncommitted {
    // NumPy's `a @ b` is checked as `a * b` and rewritten to np.matmul(a, b) (syntax/python-operators.ts)
    const matmulAt = matmulOffsets(typed);
    const code = matmulAt.length ? asAsterisks(typed, matmulAt) : typed;
    const namesFiles = referencesFiles(code);
    const host = this.hostFor(namesFiles);
    if (!namesFiles && this.useKeptProgram && !matmulAt.length) {
      let kept = this.kept.get(host);
      if (!kept) this.kept.set(host, (kept = new KeptProgram(host)));
      const made = kept.made;
      const checked = kept.check(code, this.prelude);
      this.counts.made += kept.made - made;
      const done = checked && this.compileChecked(checked, userCell, mapLine);
      if (done) {
        this.counts.kept++;
        return done;
      }
    }
    this.counts.full++;
    // The full path: a program made for this cell (imports, NumPy syntax to rewrite, ...).
    host.setCell(code);
    let diags = this.errorsOnly(host.cellDiagnostics());
    if (diags.some((d) => MODULE_NOT_FOUND.has(d.code))) {
      host.clearResolutions(); // a package installed since the last lookup
      diags = this.errorsOnly(host.cellDiagnostics());
    }
    // NumPy syntax on arrays (x + y, a["1:3"]): rewritten to calls and re-checked; errors placed in `code`.
    const syntax = applyNumpySyntax(host, code, diags, matmulAt);
    diags = syntax.diagnostics;
    if (diags.length) {
      const syntactic = host.service.getSyntacticDiagnostics(host.cellFile).length > 0;
      const outcome = typeErrorOutcome(placeDiagnostics(diags, mapLine), userCell);
      if (syntactic) {
        outcome.ename = "SyntaxError";
        outcome.traceback = outcome.traceback.map((t) => t.replace("TSError", "SyntaxError"));
      }
      return uncommitted({ ok: false, outcome });
    }
    const program = host.program();
    const sf = program.getSourceFile(host.cellFile);
    if (!sf) throw new Error("the cell's SourceFile is missing from the program");
    const moduleErrors = importedModuleErrors(program, sf, this.host.notebookDir);
    if (moduleErrors) return uncommitted({ ok: false, outcome: moduleErrors });
    const emitted = emitCell(program, sf);
    if (syntax.rewritten) emitted.map = emitted.map.remap(syntax.toOriginal);
    return this.recorded(sf, program.getTypeChecker(), emitted);
  }

  /**
   * A cell checked by the kept program: its outcome, as the full path gives it, or null when the
   * NumPy-syntax stage has work in it (the full path rewrites and checks again).
   */
  private compileChecked(checked: CheckedCell, userCell: string, mapLine: (l: number) => number): Uncommitted | null {
    const diags = this.errorsOnly(checked.diagnostics);
    if (!checked.syntactic && needsNumpyRewrite(checked.sourceFile, checked.checker)) return null;
    if (diags.length) {
      const outcome = typeErrorOutcome(placeDiagnostics(diags, mapLine), userCell);
      if (checked.syntactic) {
        outcome.ename = "SyntaxError";
        outcome.traceback = outcome.traceback.map((t) => t.replace("TSError", "SyntaxError"));
      }
      return uncommitted({ ok: false, outcome });
    }
    return this.recorded(checked.sourceFile, checked.checker, emitCell(checked.program, checked.sourceFile));
  }

  /** The declarations of a cell that checked, kept for the next cells when committed. */
  private recorded(sf: ts.SourceFile, checker: ts.TypeChecker, emitted: EmittedCell): Uncommitted {
    const fresh = this.prelude.prepare(sf, checker);
    const commit = (): void => {
      const before = this.prelude.generation();
      this.prelude.commit(fresh);
      if (this.prelude.generation() !== before) {
        const preludeText = this.prelude.text();
        this.host.setText(this.host.preludeFile, preludeText);
        this.snapshotHost?.setText(this.snapshotHost.preludeFile, preludeText);
      }
    };
    return { compiled: { ok: true, emitted, declares: sf.statements.some((st) => declaredNames(st).length > 0) }, commit };
  }

  /**
   * An interrupt stopped this compiler's work part-way (session/run/interruptible.ts): no catch or
   * finally of TypeScript ran, so its checkers may hold half-made state (a type resolution pushed
   * and never popped reads as a circularity later). TypeScript drops its checker when a check is
   * cancelled; so does this: the kept programs are forgotten and each host's next program is a new
   * one (its cell and prelude parsed and bound again), with a checker of its own. Files on disk
   * (the lib, @types/node, packages) stay parsed.
   */
  abandonCheckers(): void {
    this.dropKeptPrograms();
    this.host.abandonProgram();
    this.snapshotHost?.abandonProgram();
  }

  /** The kernel is quiet: the kept programs and their checkers go for good (KeptProgram.release). */
  releaseKeptPrograms(): void {
    for (const k of this.kept.values()) k.release();
  }

  /** Forget the kept programs: the next cell makes one from the whole prelude (tests use it to start one mid-notebook). */
  dropKeptPrograms(): void {
    for (const k of this.kept.values()) k.drop();
  }

  /** The kept program of the host that checks cells now, if made (tests). */
  keptProgram(): ts.Program | null {
    return this.kept.get(this.snapshotHost ?? this.host)?.program ?? null;
  }

  /** Names declared by the cells so far. */
  declaredNames(): string[] {
    return this.prelude.names();
  }

  /** Changes whenever a cell's declarations changed the prelude (Prelude.generation). */
  preludeGeneration(): number {
    return this.prelude.generation();
  }

  /** The prelude's text (for tests and debugging). */
  preludeText(): string {
    return this.prelude.text();
  }

  /**
   * Build the program once, so the first cell does not pay for parsing the lib and @types/node;
   * from then on this compiler's own host checks every cell (the snapshot's is released).
   */
  warm(): void {
    this.host.setCell("np; display;");
    this.host.cellDiagnostics();
    this.host.setCell("");
    this.warmed = true;
    const s = this.snapshotHost;
    this.snapshotHost = null;
    if (s) this.kept.delete(s);
    s?.service.dispose();
  }

  /** warm, unless done already. */
  finishWarming(): void {
    if (!this.warmed) this.warm();
  }

  private errorsOnly(d: ts.Diagnostic[]): ts.Diagnostic[] {
    return d.filter((x) => x.category === ts.DiagnosticCategory.Error);
  }
}
