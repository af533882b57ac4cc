/**
 * Cells checked by a kept program: one Program and TypeChecker (the lib, @types/node, the
 * runtime, the globals and the prelude as it was when made) check many cells. Each cell that
 * names no other file is parsed and bound on its own, outside the program, and the kept checker
 * checks and emits it; the declarations recorded since the program was made ("recent") are one
 * more module, parsed and bound apart, whose symbols are put into the cell's own scope.
 *
 * Why: a program made for each cell (host.ts) costs a structure reuse over ~240 files, a new
 * checker (merging the globals of the lib and @types/node again) and ~1.2 MB of garbage that lives
 * exactly one cell (the young generation's worst case: ~30% of the time went to GC). Checking
 * off the program allocates only the cell's own nodes and types, and the kept checker's types of
 * `np`, arrays and the lib are resolved once, not once per cell.
 *
 * Rule (why the answers are those of a program made for the cell, with the prelude as a script):
 * - the cell is a module (host.ts MODULE_SUFFIX) naming no other file (compiler.ts referencesFiles),
 *   with no `declare global` / ambient module and no `globalThis` (the only way to see that a name
 *   is a global rather than a recent one): its names resolve in its own scope, then the globals;
 *   no module is resolved for it;
 * - a recent name is put into the cell's scope only if the cell declares no such name and the
 *   kept program has no global of that name (lib, @types/node, the prelude it was made with:
 *   a re-declaration could change what the prelude's other declarations mean, and an interface
 *   of the lib's name merges with it there). So every meaning of a recent name is the recent
 *   module's, and every other name resolves as in the prelude;
 * - the program is made again, from the whole prelude, when one of those does not hold for a
 *   recent name, when more than RECENT_LIMIT names are recent, after CHECK_LIMIT cells (the
 *   checker keeps each cell's nodes' types: bounded, not per cell for good), when a notebook
 *   module of the program changed on disk, or when module lookups were cleared.
 * Cost: a check parses and binds the cell (and the recent module when it changed, O(recent));
 * a remake costs what a program per cell cost (~10 ms), once per CHECK_LIMIT cells at most.
 */
import path from "node:path";
import ts from "typescript";
import { IGNORED_CODES, MODULE_SUFFIX, type CellHost } from "./host.js";
import type { Prelude } from "./prelude.js";
import { referencesFiles } from "./references.js";

/** Cells checked by one kept program before it is made again. */
export const CHECK_LIMIT = 64;
/** Recent names (declared since the program was made) before it is made again. */
export const RECENT_LIMIT = 48;

/** A cell checked off the kept program. */
export interface CheckedCell {
  program: ts.Program;
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
  /** Syntax errors if any, else the semantic diagnostics (less the ignored codes), as CellHost.cellDiagnostics. */
  diagnostics: ts.Diagnostic[];
  syntactic: boolean;
}

interface Kept {
  program: ts.Program;
  checker: ts.TypeChecker & { resolveName?: (name: string, location: ts.Node | undefined, meaning: ts.SymbolFlags, excludeGlobals: boolean) => ts.Symbol | undefined };
  /** The prelude's generation() when the program was made. */
  generation: number;
  /** Notebook modules of the program and their versions then. */
  modules: [string, string][];
  resolutionEpoch: number;
  checks: number;
  /** How often each word occurs in the prelude the program was made with, and each name's own declarations there. */
  words: Map<string, number>;
  ownTexts: Map<string, string>;
  /** The recent module for one generation, or null (nothing recent); undefined: not made yet. */
  recent?: { generation: number; file: ts.SourceFile | null; names: string[] };
}

type Internals = {
  bindSourceFile?: (f: ts.SourceFile, o: ts.CompilerOptions) => void;
  getSetExternalModuleIndicator?: (o: ts.CompilerOptions) => (f: ts.SourceFile) => void;
};
const internals = ts as unknown as Internals;

let serial = 0;

/** The kept program of one CellHost. */
export class KeptProgram {
  private kept: Kept | null = null;
  /** How many programs this has made. */
  made = 0;

  constructor(private readonly host: CellHost) {}

  /** Whether this TypeScript has the internals the kept program needs (else every cell takes the full path). */
  static supported(): boolean {
    return typeof internals.bindSourceFile === "function" && typeof internals.getSetExternalModuleIndicator === "function";
  }

  /** The kept program, if one is made. */
  get program(): ts.Program | null {
    return this.kept?.program ?? null;
  }

  /**
   * Let go of the kept program and its checker for good (the kernel is quiet): the language
   * service holds its current program, so it is given a new one without a checker (one program,
   * ~20-60 ms of idle time), and the kept checker's state of up to CHECK_LIMIT cells becomes
   * garbage (memory.test.ts: idle RSS after 3,000 distinct cells 13 MB above the per-cell path's
   * with it held).
   */
  release(): void {
    if (!this.kept) return;
    this.kept = null;
    this.host.setCell("");
    this.host.program();
  }

  /** Forget the kept program (made again at the next check). */
  drop(): void {
    this.kept = null;
  }

  /**
   * Check `code` (a cell naming no file: the caller knows) against the kept program, made again
   * if needed; null when the cell must take the full path (see the rule at the head of the file).
   */
  check(code: string, prelude: Prelude): CheckedCell | null {
    const o = this.host.options;
    if (!KeptProgram.supported() || o.declaration || o.composite || o.importHelpers || code.includes("globalThis")) return null;
    let kept = this.valid(prelude) ?? this.make(prelude);
    const sf = this.parse(`__strided_cell_${++serial}__.mts`, code + MODULE_SUFFIX, ts.ModuleKind.ESNext);
    if (sf.statements.some((st) => ts.isModuleDeclaration(st) && (ts.isStringLiteral(st.name) || (st.flags & ts.NodeFlags.GlobalAugmentation) !== 0))) return null;
    const locals = (sf as unknown as { locals?: Map<string, ts.Symbol> }).locals;
    if (!locals) return null;
    let recent: Kept["recent"] | "remake" | null = this.recent(kept, prelude);
    let recentLocals = (recent !== "remake" ? (recent?.file as unknown as { locals?: Map<string, ts.Symbol> } | undefined) : undefined)?.locals;
    // A recent name the cell declares too: the cell's declaration must give every meaning the recent one has
    // (a meaning it lacks would resolve to the prelude the program was made with, not the latest).
    if (recent === "remake" || (recentLocals && [...recentLocals].some(([name, r]) => { const own = locals.get(name); return own !== undefined && lacksMeaning(own, r); }))) {
      kept = this.make(prelude);
      recent = null;
      recentLocals = undefined;
    }
    if (recentLocals) for (const [name, symbol] of recentLocals) if (!locals.has(name)) locals.set(name, symbol);
    kept.checks++;
    const { program } = kept;
    const syntax = program.getSyntacticDiagnostics(sf);
    const diagnostics = syntax.length ? [...syntax] : program.getSemanticDiagnostics(sf).filter((d) => !IGNORED_CODES.has(d.code));
    return { program, checker: kept.checker, sourceFile: sf, diagnostics, syntactic: syntax.length > 0 };
  }

  /** The kept program if it may check another cell (the prelude's recent part is checked later). */
  private valid(prelude: Prelude): Kept | null {
    const k = this.kept;
    if (!k || k.checks >= CHECK_LIMIT || k.resolutionEpoch !== this.host.resolutionEpoch) return null;
    if (prelude.namesSince(k.generation).length > RECENT_LIMIT) return null;
    for (const [f, v] of k.modules) if (this.host.fileVersion(f) !== v) return null;
    return k;
  }

  /** Make the program from the whole prelude (the host's prelude file holds its text) and an empty cell. */
  private make(prelude: Prelude): Kept {
    this.kept = null;
    this.made++;
    this.host.setText(this.host.preludeFile, prelude.text());
    // A cell text of its own, so the program (and its checker) is a new one even when nothing else changed.
    this.host.setCell(`// kept program ${++serial}`);
    const program = this.host.program();
    const modules: [string, string][] = [];
    for (const f of program.getSourceFiles()) {
      if (!this.host.isVirtual(f.fileName) && !f.isDeclarationFile && !f.fileName.includes("/node_modules/")) modules.push([f.fileName, this.host.fileVersion(f.fileName)]);
    }
    const kept: Kept = {
      program,
      checker: program.getTypeChecker(),
      generation: prelude.generation(),
      modules,
      resolutionEpoch: this.host.resolutionEpoch,
      checks: 0,
      words: countWords(prelude.text()),
      ownTexts: prelude.textsByName(),
    };
    this.kept = kept;
    return kept;
  }

  /** The recent module for the prelude now; "remake" when a recent name is a global of the kept program or too many are recent. */
  private recent(kept: Kept, prelude: Prelude): Kept["recent"] | "remake" {
    const generation = prelude.generation();
    if (kept.recent && kept.recent.generation === generation) return kept.recent;
    const names = prelude.namesSince(kept.generation);
    if (names.length > RECENT_LIMIT) return "remake";
    const resolveName = kept.checker.resolveName;
    if (names.length > 0 && typeof resolveName !== "function") return "remake";
    for (const n of names) {
      const global = resolveName?.call(kept.checker, n, undefined, ts.SymbolFlags.All, false);
      if (global && !this.onlyInPrelude(kept, n, global)) return "remake";
    }
    const text = prelude.textOf(names);
    if (referencesFiles(text)) return "remake"; // `typeof import("m")`: resolved in a program only
    const file = names.length ? this.parse(`__strided_recent_${++serial}__.ts`, text + MODULE_SUFFIX, undefined) : null;
    kept.recent = { generation, file, names };
    return kept.recent;
  }

  /**
   * Whether a recent name may hide the kept program's global `symbol` of that name: only if that
   * global is declared in the prelude alone (not the lib's, whose interfaces would merge with it)
   * and no other declaration of the prelude names it (`typeof x`, a type using it).
   */
  private onlyInPrelude(kept: Kept, name: string, symbol: ts.Symbol): boolean {
    const decls = symbol.declarations ?? [];
    if (decls.length === 0 || decls.some((d) => d.getSourceFile().fileName !== this.host.preludeFile)) return false;
    return (kept.words.get(name) ?? 0) === (countWords(kept.ownTexts.get(name) ?? "").get(name) ?? 0);
  }

  /** A bound SourceFile in the notebook's folder, not in any program. */
  private parse(base: string, text: string, impliedNodeFormat: ts.ResolutionMode): ts.SourceFile {
    const fileName = path.join(this.host.notebookDir, base);
    const sf = ts.createSourceFile(
      fileName,
      text,
      { languageVersion: ts.ScriptTarget.ES2022, impliedNodeFormat, setExternalModuleIndicator: internals.getSetExternalModuleIndicator?.(this.host.options) },
      false,
      ts.ScriptKind.TS,
    );
    // The program's caches of a file's diagnostics are keyed by its path: one of its own per cell.
    // What the program sets on its files when it collects their module references (none here).
    Object.assign(sf, { path: fileName, resolvedPath: fileName, originalFileName: fileName, imports: [], moduleAugmentations: [], ambientModuleNames: [] });
    internals.bindSourceFile?.(sf, this.host.options);
    return sf;
  }
}

const MEANINGS = [ts.SymbolFlags.Value, ts.SymbolFlags.Type, ts.SymbolFlags.Namespace];

/** Whether `own` lacks a meaning (value, type, namespace) that `other` has. */
function lacksMeaning(own: ts.Symbol, other: ts.Symbol): boolean {
  return MEANINGS.some((m) => (other.flags & m) !== 0 && (own.flags & m) === 0);
}

/** How often each word (a run of identifier characters) occurs in `text`: every possible reference to a name, and more. */
function countWords(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of text.match(/[\w$\u0080-\uffff]+/g) ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}
