/**
 * Type errors inside the notebook's own modules a cell imports (`import { f } from "./util"`):
 * a module with errors stops the cell as tsc would stop the build, named by its file, line and
 * column. Only the modules the cell itself imports (transitively, through other notebook
 * modules) are checked: a module imported cells ago stays in every later program (through the
 * prelude) without blocking cells that do not import it again.
 */
import path from "node:path";
import ts from "typescript";
import { isNotebookModule } from "./host.js";

/** The notebook modules `sf` imports, and theirs, in the order met. */
export function importedNotebookModules(program: ts.Program, sf: ts.SourceFile): ts.SourceFile[] {
  const checker = program.getTypeChecker();
  const out: ts.SourceFile[] = [];
  const seen = new Set<string>();
  const visit = (file: ts.SourceFile): void => {
    const specifiers: ts.Expression[] = [];
    for (const st of file.statements) {
      if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier) specifiers.push(st.moduleSpecifier);
      else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) specifiers.push(st.moduleReference.expression);
    }
    for (const spec of specifiers) {
      const decl = checker.getSymbolAtLocation(spec)?.valueDeclaration;
      if (!decl || !ts.isSourceFile(decl) || decl.isDeclarationFile || seen.has(decl.fileName) || !isNotebookModule(decl.fileName)) continue;
      seen.add(decl.fileName);
      out.push(decl);
      visit(decl);
    }
  };
  visit(sf);
  return out;
}

/** The first module's errors as the cell's error outcome, or null when they all check. */
export function importedModuleErrors(program: ts.Program, sf: ts.SourceFile, notebookDir: string): { status: "error"; ename: string; evalue: string; traceback: string[] } | null {
  for (const m of importedNotebookModules(program, sf)) {
    const diags = [...program.getSyntacticDiagnostics(m), ...program.getSemanticDiagnostics(m)].filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 7016);
    if (!diags.length) continue;
    const name = path.relative(notebookDir, m.fileName) || m.fileName;
    const lines = m.text.split("\n");
    const placed = diags.map((d) => {
      const lc = d.start === undefined ? { line: 0, character: 0 } : m.getLineAndCharacterOfPosition(d.start);
      return { code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, "\n"), line: lc.line + 1, column: lc.character + 1 };
    });
    const first = placed[0];
    return {
      status: "error",
      ename: "TSError",
      evalue: `TS${first.code}: ${first.message} (${name}, line ${first.line}, column ${first.column})${placed.length > 1 ? ` and ${placed.length - 1} more` : ""}`,
      traceback: placed.map((d) => `\x1b[31mTSError\x1b[0m: TS${d.code}: ${d.message}\n  in ${name}, line ${d.line}, column ${d.column}\n  ${lines[d.line - 1] ?? ""}\n  ${" ".repeat(Math.max(0, d.column - 1))}^`),
    };
  }
  return null;
}
