/**
 * Top-level declarations that would hide a built-in from the kernel's type checker.
 *
 * A cell runs at the notebook's top level in V8's REPL mode: `let JSON = 1`, `const Map = ...`,
 * `class Set {}` declare global lexical bindings that every module of the process sees instead
 * of the built-in, TypeScript's compiler included (it calls `new Map()`, `JSON.stringify`,
 * `Array.isArray`, `Math.max`, `String.prototype` methods, `parseInt`...), and such a binding can
 * never be removed again. The kernel's own code is immune (kernel/primordials.ts), TypeScript is
 * not: such a cell is refused before it runs, with the fix in the message. Names the checker
 * does not use (`process`, `console`, `Promise`, `Buffer`, ...) stay free to rebind, and so does
 * assignment (`JSON = 1` replaces a property, which the checker gets back while it runs).
 */
import ts from "typescript";
import { Set } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

/** Built-ins TypeScript's compiler and language service use as globals (measured: hiding Map, Set, JSON, Array, String, Math or parseInt breaks a plain compile). */
export const CHECKER_BUILTINS: ReadonlySet<string> = new Set([
  "Map", "Set", "WeakMap", "WeakSet", "JSON", "Array", "String", "Math", "Object", "Number", "Boolean", "Symbol",
  "Error", "TypeError", "RangeError", "SyntaxError", "RegExp", "Date", "Function", "Reflect", "Proxy",
  "parseInt", "parseFloat", "isNaN", "isFinite", "Infinity", "NaN", "undefined", "globalThis", "Intl",
]);

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out[out.length] = name.text;
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/**
 * The names among a cell's top-level lexical declarations (let, const, class, enum, import
 * bindings) that would hide a built-in the checker uses.
 *
 * @example
 * shadowedBuiltins("let JSON = 1; const x = 2; class Map {}") // ["JSON", "Map"]
 */
export function shadowedBuiltins(code: string): string[] {
  if (!/\b(let|const|class|enum|import)\b/.test(code)) return [];
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const st of file.statements) {
    if (ts.isVariableStatement(st) && (st.declarationList.flags & ts.NodeFlags.BlockScoped) !== 0) {
      for (const d of st.declarationList.declarations) bindingNames(d.name, names);
    } else if ((ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      names[names.length] = st.name.text;
    } else if (ts.isImportDeclaration(st) && st.importClause && !st.importClause.isTypeOnly) {
      const c = st.importClause;
      if (c.name) names[names.length] = c.name.text;
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) names[names.length] = c.namedBindings.name.text;
      else if (c.namedBindings) for (const e of c.namedBindings.elements) if (!e.isTypeOnly) names[names.length] = e.name.text;
    } else if (ts.isImportEqualsDeclaration(st)) {
      names[names.length] = st.name.text;
    }
  }
  return names.filter((n) => CHECKER_BUILTINS.has(n));
}
