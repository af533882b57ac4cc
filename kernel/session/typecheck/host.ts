/**
 * The TypeScript language service the cells are checked with, reused from cell to cell.
 *
 * Three virtual files: the kernel globals (typecheck/ambient.ts), the prelude (declarations of
 * earlier cells, typecheck/prelude.ts) and the cell itself, checked as an ES module in the
 * notebook's folder so imports resolve from there first (then from the kernel's own
 * node_modules) and its own declarations shadow the prelude's.
 *
 * Cost: every cell makes a new Program; files on disk (lib, @types/node, the runtime) are read
 * and parsed once (snapshots cached, versions constant, one DocumentRegistry), so a cell pays
 * for the checker's global merge (~10 ms here) plus checking its own text.
 */
import { statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { AMBIENT_FILE_NAME, ambientText } from "./ambient.js";
import { LIB_BUNDLE_FILE_NAME, libBundleText } from "./lib-bundle.js";
import { SYNTAX_FILE_NAME, syntaxAugmentationText } from "../syntax/augment.js";
import { codeModule, KERNEL_TYPE_ROOTS, PACKAGE_ROOT } from "../paths.js";
import { readNotebookTsconfig, type NotebookTsconfig } from "./notebook-tsconfig.js";

/** Appended to every cell so it is a module even without import/export (positions before it are unchanged). */
export const MODULE_SUFFIX = "\nexport {};\n";

/** Diagnostics a notebook does not want: a package without types is simply `any`. */
export const IGNORED_CODES: ReadonlySet<number> = new Set([7016]);

/**
 * The compiler options cells are checked and emitted with. Modules resolve as TypeScript's
 * `bundler` resolution does (the kernel loads them itself, run/modules.ts): `./util`,
 * `./pkg/a`, `./a.js` for a.ts, `./a.ts`; packages by their "exports" with the `node` condition.
 * `extra` (a notebook's tsconfig.json, typecheck/notebook-tsconfig.ts) goes over the defaults.
 */
export function cellCompilerOptions(extra: ts.CompilerOptions = {}): ts.CompilerOptions {
  return {
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    ...extra,
    target: ts.ScriptTarget.ES2022,
    // The ES2022 lib comes as one virtual file (typecheck/lib-bundle.ts), not ~57 lib files.
    noLib: true,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ["node"],
    allowImportingTsExtensions: true,
    moduleDetection: ts.ModuleDetectionKind.Legacy,
    types: ["node"],
    typeRoots: KERNEL_TYPE_ROOTS,
    sourceMap: true,
    inlineSources: false,
    noEmitOnError: false,
    removeComments: false,
  };
}

/** A module of the notebook's own (not a package, not the kernel's): checked again when it changes. */
export function isNotebookModule(file: string): boolean {
  return !file.includes("/node_modules/") && !file.startsWith(KERNEL_CODE[0]) && !file.startsWith(KERNEL_CODE[1]);
}
const KERNEL_CODE = [codeModule("runtime") + "/", codeModule("kernel") + "/"];

/** The module name a cell imports the preloaded runtime by (`import { np } from "strided"`). */
export const RUNTIME_PACKAGE = "strided";

/**
 * Parsed files are shared by every CellHost of the process: one document registry and one cache
 * of the (never changing) files on disk, so a host made for another notebook folder — the
 * kernel's, after a startup snapshot warmed one at the package root (kernel/snapshot/entry.ts) —
 * finds the lib, @types/node and the runtime's declarations already parsed and bound.
 */
// Case-sensitive as the file system is (as the language service names its files): with the
// default (false) the registry lowercased the paths it was asked for by name (acquireDocument),
// so in a folder with a capital letter (/home/Ann/strided) the startup snapshot's builder found
// none of the files the language service had parsed (it keys them case-preserved) and no blob was built.
const REGISTRY = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames);
const FILE_SNAPSHOTS = new Map<string, ts.IScriptSnapshot | undefined>();
/**
 * Set by pinProgramFiles (the startup snapshot's builder): the files it pinned and the registry
 * key of their options; a first program whose options have that key finds them all parsed, and
 * the module resolution cache of the builder's program (every import of the lib and @types/node resolved).
 */
let pinned: { key: string; options: ts.CompilerOptions; files: { file: string; impliedNodeFormat: ts.ResolutionMode }[]; resolution?: ts.ModuleResolutionCache } | null = null;

/**
 * Set by keepForKernel (the startup snapshot's builder): the builder's host, its program made (no
 * checker), taken by the kernel's first CellCompiler whose options are the same (takeSnapshotHost).
 */
let snapshotHost: CellHost | null = null;

/**
 * The startup snapshot's ready-made host, once, when `options` are the ones it was made with (the
 * kernel's defaults: no notebook tsconfig.json changing them); null otherwise or without a snapshot.
 */
export function takeSnapshotHost(options: ts.CompilerOptions): CellHost | null {
  const h = snapshotHost;
  snapshotHost = null;
  if (h === null) return null;
  if (JSON.stringify(h.options) === JSON.stringify(options)) return h;
  // Not used (a notebook tsconfig.json changed the options): its program's files leave the shared
  // registry now (~40 MB of the lib and @types/node parsed under the default options' key, kept
  // for good before: test/e2e/memory.test.ts's kernel runs in the repository, which has a tsconfig.json).
  h.service.dispose();
  return null;
}

/**
 * Library declaration files (@types/node, undici-types) parsed without their doc comments: set by
 * the startup snapshot's builder (kernel/snapshot/entry.ts), so the blob holds no JSDoc nodes for
 * them (measured with the lib too: blob 48.6 -> 45.6 MB, RSS -8 MB, deserialising -13%). The
 * comments are blanked in the text (same length, line breaks kept: every position is unchanged)
 * and come back on demand: an inspect_request whose symbol is declared in such a file re-reads
 * that one file with them (readDocsAt; 0.3 s the first time for a file of @types/node). The ES lib
 * keeps its comments: re-reading it on demand took 1.3 s (its names are the ones Shift-Tab is
 * asked about most), and so do the runtime's own declarations (np.*).
 */
let stripLibraryDocs = false;
/** For the startup snapshot's builder: parse the library declaration files without doc comments from now on. */
export function stripLibraryDocComments(on: boolean): void {
  stripLibraryDocs = on;
}
/** The library files' texts with their doc comments blanked (shared, as FILE_SNAPSHOTS). */
const STRIPPED_SNAPSHOTS = new Map<string, ts.IScriptSnapshot | undefined>();

/** @types/node and undici-types: big declaration files (2.3 MB) whose doc comments only inspect_request reads. */
export function isLibraryDeclaration(f: string): boolean {
  return f.includes("/node_modules/@types/node/") || f.includes("/node_modules/undici-types/");
}

/**
 * `text` with every doc comment the parser attaches to a declaration (`/** … *\/`) replaced by
 * spaces, line breaks kept: the same length and positions, no JSDoc nodes when parsed again.
 *
 * @example
 * blankDocComments("x.d.ts", "declare const x: number;") // "declare const x: number;"
 */
export function blankDocComments(fileName: string, text: string): string {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    for (const doc of (node as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) ranges.push([doc.pos, doc.end]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!ranges.length) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [pos, end] of ranges) {
    if (pos < at) continue;
    out += text.slice(at, pos) + text.slice(pos, end).replace(/[^\r\n]/g, " ");
    at = end;
  }
  return out + text.slice(at);
}

interface VirtualFile {
  text: string;
  version: number;
}

/** A language service over the kernel globals, the prelude and one cell. */
export class CellHost {
  readonly cellFile: string;
  readonly preludeFile: string;
  readonly options: ts.CompilerOptions;
  /** The notebook's tsconfig.json, if any (typecheck/notebook-tsconfig.ts). */
  readonly tsconfig: NotebookTsconfig;
  readonly service: ts.LanguageService;
  private readonly virtual = new Map<string, VirtualFile>();
  private readonly snapshots = FILE_SNAPSHOTS;
  private readonly exists = new Map<string, boolean>();
  private readonly resolutionCache: ts.ModuleResolutionCache;
  private readonly fallbackFile = path.join(PACKAGE_ROOT, "__strided_fallback__.mts");
  private projectVersion = 0;
  private readonly registry = REGISTRY;
  /** Library files parsed without doc comments here (stripLibraryDocComments), but for those re-read with them (readDocsAt). */
  private readonly stripDocs: boolean;
  private readonly docsRead = new Set<string>();
  /** What warmSteps put in the registry (released by releaseWarmed). */
  private warmed: { file: string; impliedNodeFormat: ts.ResolutionMode }[] = [];

  /** `readTsconfig: false`: the kernel's defaults only (the startup snapshot warms with those, whatever folder it is built in). */
  constructor(readonly notebookDir: string, readTsconfig = true) {
    this.tsconfig = readTsconfig ? readNotebookTsconfig(notebookDir) : { file: null, options: {} };
    this.options = cellCompilerOptions(this.tsconfig.options);
    this.cellFile = path.join(notebookDir, "__strided_cell__.mts");
    this.preludeFile = path.join(notebookDir, "__strided_prelude__.ts");
    this.virtual.set(LIB_BUNDLE_FILE_NAME, { text: libBundleText(), version: 1 });
    this.virtual.set(AMBIENT_FILE_NAME, { text: ambientText(), version: 1 });
    this.virtual.set(SYNTAX_FILE_NAME, { text: syntaxAugmentationText(), version: 1 }); // NumPy subscripts on NDArray (syntax/augment.ts)
    this.virtual.set(this.preludeFile, { text: "", version: 1 });
    this.virtual.set(this.cellFile, { text: MODULE_SUFFIX, version: 1 });
    // The startup snapshot's resolutions (the lib's and @types/node's imports: hundreds of lookups, about
    // half of the first program's time) when its options are this host's; a cache of this host's own otherwise.
    this.resolutionCache = pinned?.resolution && pinned.key === this.registry.getKeyForCompilationSettings(this.options) ? pinned.resolution : ts.createModuleResolutionCache(notebookDir, (f) => f, this.options);
    // Not when the startup snapshot's parsed files cannot serve these options (they are parsed here
    // anew, and blanking would cost a second parse of each).
    this.stripDocs = stripLibraryDocs && (pinned === null || pinned.key === this.registry.getKeyForCompilationSettings(this.options));
    const host: ts.LanguageServiceHost = {
      getProjectVersion: () => String(this.projectVersion),
      getScriptFileNames: () => [LIB_BUNDLE_FILE_NAME, AMBIENT_FILE_NAME, SYNTAX_FILE_NAME, this.preludeFile, this.cellFile],
      getScriptVersion: (f) => this.version(f),
      getScriptSnapshot: (f) => this.snapshot(f),
      getCurrentDirectory: () => notebookDir,
      getCompilationSettings: () => this.options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => this.fileExists(f),
      readFile: (f) => this.virtual.get(f)?.text ?? ts.sys.readFile(f),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      resolveModuleNameLiterals: (literals, containingFile, redirected, options, containingSourceFile) =>
        literals.map((lit) => this.resolve(lit.text, containingFile, redirected, options, ts.getModeForUsageLocation(containingSourceFile, lit, options))),
    };
    // Not in the public LanguageServiceHost type, but read by the service when the host resolves
    // modules itself: it caches package.json lookups across programs (else each cell re-reads them).
    Object.assign(host, { getModuleResolutionCache: () => this.resolutionCache });
    this.service = ts.createLanguageService(host, this.registry);
  }

  /** Virtual files: their counter; the notebook's own modules: their mtime (edited files are re-read); the rest never change. */
  fileVersion(f: string): string {
    return this.version(f);
  }

  /** True for the host's own virtual files (the cell, the prelude, the globals, the lib bundle). */
  isVirtual(f: string): boolean {
    return this.virtual.has(f);
  }

  /** Counts clearResolutions calls (a program made before the last one may hold failed lookups). */
  resolutionEpoch = 0;

  private version(f: string): string {
    const v = this.virtual.get(f);
    const docs = this.docsRead.has(f) ? "+docs" : "";
    if (v) return String(v.version) + docs;
    if (!isNotebookModule(f)) return "0" + docs;
    try {
      return String(statSync(f).mtimeMs);
    } catch {
      return "gone";
    }
  }

  private snapshot(f: string): ts.IScriptSnapshot | undefined {
    if (this.stripDocs && !this.docsRead.has(f) && isLibraryDeclaration(f)) {
      if (!STRIPPED_SNAPSHOTS.has(f)) {
        const text = this.virtual.get(f)?.text ?? ts.sys.readFile(f);
        STRIPPED_SNAPSHOTS.set(f, text === undefined ? undefined : ts.ScriptSnapshot.fromString(blankDocComments(f, text)));
      }
      return STRIPPED_SNAPSHOTS.get(f);
    }
    const v = this.virtual.get(f);
    if (v) return ts.ScriptSnapshot.fromString(v.text);
    if (isNotebookModule(f)) {
      const text = ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    }
    if (!this.snapshots.has(f)) {
      const text = ts.sys.readFile(f);
      this.snapshots.set(f, text === undefined ? undefined : ts.ScriptSnapshot.fromString(text));
    }
    return this.snapshots.get(f);
  }

  private fileExists(f: string): boolean {
    if (this.virtual.has(f)) return true;
    let e = this.exists.get(f);
    if (e === undefined) {
      e = ts.sys.fileExists(f);
      // Only remember files that exist: a package installed during the session must be found.
      if (e) this.exists.set(f, e);
    }
    return e;
  }

  /** Resolve from the containing file, then (for the notebook's own files) from the kernel's node_modules. */
  private resolve(
    name: string,
    containingFile: string,
    redirected: ts.ResolvedProjectReference | undefined,
    options: ts.CompilerOptions,
    mode: ts.ResolutionMode,
  ): ts.ResolvedModuleWithFailedLookupLocations {
    // The preloaded runtime by its package name: the very declarations the globals use (ambient.ts).
    if (name === RUNTIME_PACKAGE) name = codeModule("runtime", "index.js");
    const first = ts.resolveModuleName(name, containingFile, options, ts.sys, this.resolutionCache, redirected, mode);
    if (first.resolvedModule || (containingFile !== this.cellFile && containingFile !== this.preludeFile)) return first;
    const second = ts.resolveModuleName(name, this.fallbackFile, options, ts.sys, this.resolutionCache, redirected, mode);
    return second.resolvedModule ? second : first;
  }

  /**
   * Parse the big declaration files ahead of the first program, a slice per step, so the thread
   * can answer requests between steps: the lib, @types/node's files and undici-types' (which
   * @types/node's fetch types import) and the runtime's declarations go into the service's document registry with the key,
   * version and module format the service asks for, so the first program finds them parsed and
   * only resolves and checks (files are bound here too, a step each). Files the program never
   * asks for are released afterwards (releaseWarmed).
   */
  *warmSteps(slice = 6): Generator<void> {
    this.warmed = [];
    if (pinned) {
      if (pinned.key === this.registry.getKeyForCompilationSettings(this.options)) return; // started from a startup snapshot: parsed and bound already (pinProgramFiles)
      // The notebook's tsconfig.json changes how files parse or bind: the pinned copies are of no use here.
      for (const p of pinned.files) this.registry.releaseDocument(p.file, pinned.options, ts.ScriptKind.TS, p.impliedNodeFormat);
      pinned = null;
    }
    const nodeDir = path.join(KERNEL_TYPE_ROOTS[0] ?? "", "node");
    const undiciDir = path.join(PACKAGE_ROOT, "node_modules", "undici-types");
    // By their real paths, as the program names them (module resolution follows symlinks: a
    // linked node_modules would otherwise be parsed twice, under both names).
    const list = (dir: string): string[] => (ts.sys.directoryExists(dir) ? ts.sys.readDirectory(ts.sys.realpath?.(dir) ?? dir, [".d.ts"], ["**/ts5.*/**"], undefined, 4) : []);
    const files = [...list(nodeDir), ...list(undiciDir), ...list(path.join(PACKAGE_ROOT, "dist", "runtime"))];
    const compilerHost: ts.ModuleResolutionHost = { fileExists: (f) => this.fileExists(f), readFile: (f) => ts.sys.readFile(f) };
    const cache = this.resolutionCache.getPackageJsonInfoCache();
    // Internal too: binding is per file and idempotent (the checker skips bound files).
    const bind = (ts as unknown as { bindSourceFile?: (f: ts.SourceFile, o: ts.CompilerOptions) => void }).bindSourceFile;
    const acquire = (f: string): void => {
      const impliedNodeFormat = ts.getImpliedNodeFormatForFile(f as ts.Path, cache, compilerHost, this.options);
      const sf = this.acquire(f, impliedNodeFormat, String(this.virtual.get(f)?.version ?? 0));
      if (!sf) return;
      this.warmed.push({ file: f, impliedNodeFormat });
      bind?.(sf, this.options); // the checker binds every file it has not bound yet, in one piece
    };
    acquire(LIB_BUNDLE_FILE_NAME);
    yield;
    for (let i = 0; i < files.length; i += slice) {
      for (const f of files.slice(i, i + slice)) acquire(f);
      yield;
    }
  }

  /** Take a reference on a file in the shared registry, with the key the service uses (parsed if it is not there). */
  private acquire(f: string, impliedNodeFormat: ts.ResolutionMode, version: string): ts.SourceFile | undefined {
    const snap = this.snapshot(f);
    if (!snap) return undefined;
    // Internal in TypeScript 5.9 (the service uses it for the same key); without it, no module indicator is set, as the parser's default.
    const indicator = (ts as unknown as { getSetExternalModuleIndicator?: (o: ts.CompilerOptions) => (f: ts.SourceFile) => void }).getSetExternalModuleIndicator?.(this.options);
    return this.registry.acquireDocument(f, this.options, snap, version, ts.ScriptKind.TS, {
      languageVersion: ts.ScriptTarget.ES2022,
      impliedNodeFormat,
      setExternalModuleIndicator: indicator,
    });
  }

  /**
   * For the startup snapshot's builder (kernel/snapshot/entry.ts), after a cell was checked: take
   * one more reference on every file of the current program but this host's cell and prelude
   * (the lib, @types/node, the runtime's declarations, the kernel's globals, parsed and bound), so
   * they stay in the registry — and in the blob — after this host is disposed, and drop what
   * warmSteps parsed that the program does not use. A host made later (the kernel's, for the
   * notebook's folder) finds them all and skips warmSteps.
   */
  pinProgramFiles(): number {
    const files: { file: string; impliedNodeFormat: ts.ResolutionMode }[] = [];
    for (const sf of this.program().getSourceFiles()) {
      if (sf.fileName === this.cellFile || sf.fileName === this.preludeFile) continue;
      const version = (sf as unknown as { version?: string }).version ?? String(this.virtual.get(sf.fileName)?.version ?? 0);
      if (this.acquire(sf.fileName, sf.impliedNodeFormat, version) !== sf) throw new Error(`pinProgramFiles: ${sf.fileName} was parsed again instead of found in the registry`);
      files.push({ file: sf.fileName, impliedNodeFormat: sf.impliedNodeFormat });
    }
    this.releaseWarmed();
    pinned = { key: this.registry.getKeyForCompilationSettings(this.options), options: this.options, files, resolution: this.resolutionCache };
    return files.length;
  }

  /**
   * For the startup snapshot's builder, after pinProgramFiles: keep this host, with an empty cell and
   * prelude and its program made (no checker: none in the blob), for the kernel's first cells
   * (takeSnapshotHost, CellCompiler): its first program then costs what a cell's does (the files'
   * structure is reused), not the 60-75 ms of a program made from nothing over the 237 files.
   */
  keepForKernel(): void {
    this.setCell("");
    this.setText(this.preludeFile, "");
    this.program();
    snapshotHost = this;
  }

  /** Drop what warmSteps parsed that the program does not use (after the first program is made). */
  releaseWarmed(): void {
    // The registry counts references: the service holds its own on every file its program uses,
    // so releasing ours on all of them frees exactly the unused ones.
    for (const w of this.warmed) this.registry.releaseDocument(w.file, this.options, ts.ScriptKind.TS, w.impliedNodeFormat);
    this.warmed = [];
  }

  /**
   * inspect_request, when the quick info at `pos` in the cell had no documentation: the library
   * files declaring the symbol there (or its alias's target, or its type's symbol) that were parsed
   * without doc comments are re-read with them; true when any was, so asking again finds the docs.
   */
  readDocsAt(pos: number): boolean {
    if (!this.stripDocs) return false;
    const program = this.program();
    const sf = program.getSourceFile(this.cellFile);
    if (!sf) return false;
    const checker = program.getTypeChecker();
    const node = tokenAt(sf, pos);
    if (!node) return false;
    const symbols: (ts.Symbol | undefined)[] = [checker.getSymbolAtLocation(node), checker.getTypeAtLocation(node).getSymbol()];
    const s0 = symbols[0];
    if (s0 && s0.flags & ts.SymbolFlags.Alias) symbols.push(checker.getAliasedSymbol(s0));
    let added = false;
    for (const sym of symbols)
      for (const d of sym?.declarations ?? []) {
        const f = d.getSourceFile().fileName;
        if (isLibraryDeclaration(f) && !this.docsRead.has(f)) {
          this.docsRead.add(f);
          added = true;
        }
      }
    if (added) this.projectVersion++;
    return added;
  }

  /** Replace a virtual file's text (the cell or the prelude). */
  setText(file: string, text: string): void {
    const v = this.virtual.get(file);
    if (!v) throw new Error(`not a virtual file: ${file}`);
    if (v.text === text) return;
    v.text = text;
    v.version++;
    this.projectVersion++;
  }

  /**
   * The next program is a new one with a checker of its own, its cell and prelude parsed and bound
   * again (same texts, new versions: the service makes new SourceFiles for them), after an interrupt
   * stopped a check part-way (CellCompiler.abandonCheckers).
   */
  abandonProgram(): void {
    for (const f of [this.cellFile, this.preludeFile]) {
      const v = this.virtual.get(f);
      if (v) v.version++;
    }
    this.projectVersion++;
  }

  /** Set the cell's text (the module suffix is added here). */
  setCell(code: string): void {
    this.setText(this.cellFile, code + MODULE_SUFFIX);
  }

  /** Forget failed module lookups, so a package installed since then is found. */
  clearResolutions(): void {
    this.resolutionEpoch++;
    this.resolutionCache.clear();
    this.projectVersion++;
  }

  /** The program for the current texts (made lazily by the service, reused while nothing changes). */
  program(): ts.Program {
    const p = this.service.getProgram();
    if (!p) throw new Error("the TypeScript language service made no program");
    return p;
  }

  /** Syntax and type errors of the cell, minus the ones a notebook ignores. */
  cellDiagnostics(): ts.Diagnostic[] {
    const syntax = this.service.getSyntacticDiagnostics(this.cellFile);
    if (syntax.length) return syntax;
    return this.service.getSemanticDiagnostics(this.cellFile).filter((d) => !IGNORED_CODES.has(d.code));
  }
}

/** The innermost node of `node` that spans `pos` (also the inspector's: editor/inspect.ts). */
export function tokenAt(node: ts.Node, pos: number): ts.Node | undefined {
  if (pos < node.getStart() || pos >= node.getEnd()) return undefined;
  for (const child of node.getChildren()) {
    const found = tokenAt(child, pos);
    if (found) return found;
  }
  return node;
}
