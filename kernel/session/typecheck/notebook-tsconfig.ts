/**
 * A `tsconfig.json` beside the notebook (or in a folder above it) sets the cells' compiler
 * options, read as tsc reads it (`extends`, comments, `compilerOptions`): the first one found
 * walking up from the notebook's folder, as `tsc` without `-p` finds it.
 *
 * Rule: the user's options go over the kernel's defaults (so `"strict": false`,
 * `"noImplicitAny"`, `"exactOptionalPropertyTypes"`, `"noUncheckedIndexedAccess"`,
 * `"experimentalDecorators"`… take effect), except the options the kernel must own for cells to
 * run at all: the lib (ES2022 bundle, typecheck/lib-bundle.ts), module and resolution (how the
 * kernel itself loads imports, run/modules.ts), the types it bundles, and emit settings (the
 * kernel emits one cell in memory). A tsconfig that does not parse is reported once and ignored.
 * Read when the session starts (restart the kernel after editing it).
 */
import path from "node:path";
import ts from "typescript";

/** Options a notebook's tsconfig cannot change (the kernel's own value is kept). */
export const KERNEL_OWNED_OPTIONS: readonly string[] = [
  "noLib", "lib", "module", "moduleResolution", "moduleDetection", "types", "typeRoots", "target",
  "sourceMap", "inlineSourceMap", "inlineSources", "sourceRoot", "mapRoot", "noEmit", "noEmitOnError", "emitDeclarationOnly",
  "declaration", "declarationMap", "declarationDir", "composite", "incremental", "tsBuildInfoFile", "outDir", "outFile",
  "rootDir", "rootDirs", "baseUrl", "paths", "allowImportingTsExtensions", "rewriteRelativeImportExtensions",
  "verbatimModuleSyntax", "isolatedModules", "importHelpers", "noEmitHelpers", "listFiles", "listEmittedFiles", "watch",
  "removeComments", "customConditions", "configFilePath", "project", "build",
];

/** What was read: the file, its options (kernel-owned ones removed), or why it was ignored. */
export interface NotebookTsconfig {
  file: string | null;
  options: ts.CompilerOptions;
  error?: string;
}

/**
 * The compiler options of the tsconfig.json nearest above `notebookDir` (none: `{}`).
 *
 * @example
 * readNotebookTsconfig("/tmp/no-config-here") // { file: null, options: {} }
 */
export function readNotebookTsconfig(notebookDir: string): NotebookTsconfig {
  const file = ts.findConfigFile(notebookDir, ts.sys.fileExists, "tsconfig.json") ?? null;
  if (!file) return { file: null, options: {} };
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return { file, options: {}, error: ts.flattenDiagnosticMessageText(read.error.messageText, "\n") };
  // Files are the kernel's business (one virtual cell): no include walk of the notebook's folder.
  const config = { ...(read.config as Record<string, unknown>), files: [], include: [] };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(file), undefined, file);
  const errors = parsed.errors.filter((d) => d.code !== 18002 && d.code !== 18003); // "files is empty", "no inputs"
  const options: ts.CompilerOptions = { ...parsed.options };
  for (const k of KERNEL_OWNED_OPTIONS) delete options[k];
  return { file, options, error: errors.length ? errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ") : undefined };
}
