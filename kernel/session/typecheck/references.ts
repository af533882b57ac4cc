/**
 * Whether TypeScript text names another file, so checking it needs module resolution.
 */
import ts from "typescript";

/**
 * Whether a cell names another file: an import or export from a module, `import("…")`, a
 * triple-slash reference, an ambient module. Such a cell resolves from the notebook's folder.
 *
 * @example
 * referencesFiles("1 + 1") // false
 * referencesFiles('import fs from "fs"') // true
 */
export function referencesFiles(code: string): boolean {
  const f = ts.preProcessFile(code, true, true);
  return f.importedFiles.length > 0 || f.referencedFiles.length > 0 || f.typeReferenceDirectives.length > 0 || f.libReferenceDirectives.length > 0 || (f.ambientExternalModules?.length ?? 0) > 0;
}
