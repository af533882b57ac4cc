/**
 * The transform stage's hook: a later stage (NumPy syntax: `x + y`, `arr["1:3"]`) rewrites the
 * checked cell with the program's type checker. Hooks run before the kernel's own REPL
 * rewrite (transform/repl.ts), in the order they were registered, on the checked SourceFile.
 */
import type ts from "typescript";

/** What a transform sees: the checked program, its checker and the cell's SourceFile. */
export interface TransformContext {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly sourceFile: ts.SourceFile;
}

/** A cell transform: given the checked cell, a TypeScript transformer factory for its emit. */
export type CellTransform = (ctx: TransformContext) => ts.TransformerFactory<ts.SourceFile>;

const registered: CellTransform[] = [];

/**
 * Add a transform applied to every cell from now on (before the REPL rewrite).
 *
 * @example
 * registerCellTransform(({ checker }) => (context) => (sf) => sf) // a transform that changes nothing
 */
export function registerCellTransform(t: CellTransform): void {
  registered.push(t);
}

/** The registered transforms, in order. */
export function cellTransforms(): readonly CellTransform[] {
  return registered;
}
