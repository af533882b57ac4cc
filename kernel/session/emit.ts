/**
 * The emit stage: the checked cell -> JavaScript for V8's REPL mode, plus its source map.
 * Runs the registered transforms (transform/hook.ts) then the REPL rewrite, through the
 * program's own emitter so the transforms see the checker.
 */
import type ts from "typescript";
import { cellTransforms } from "./transform/hook.js";
import { replTransform } from "./transform/repl.js";
import { SourceMap } from "./run/sourcemap.js";

/** The emitted JavaScript and its map back to the cell. */
export interface EmittedCell {
  js: string;
  map: SourceMap;
}

/** Emit one checked cell. Throws when the emitter produced no JavaScript (a bug, not a user error). */
export function emitCell(program: ts.Program, sourceFile: ts.SourceFile): EmittedCell {
  const checker = program.getTypeChecker();
  let js = "";
  let mapText = "";
  const before = [...cellTransforms().map((t) => t({ program, checker, sourceFile })), replTransform(checker)];
  const result = program.emit(
    sourceFile,
    (name, text) => {
      if (name.endsWith(".map")) mapText = text;
      else if (/\.[mc]?js$/.test(name)) js = text;
    },
    undefined,
    false,
    { before },
  );
  if (!js) throw new Error(`the TypeScript emitter wrote no JavaScript for the cell${result.emitSkipped ? " (emit skipped)" : ""}`);
  js = js.replace(/\/\/# sourceMappingURL=.*\s*$/, "").replace(/^export \{\};\s*$/m, "");
  return { js, map: SourceMap.parse(mapText) };
}
