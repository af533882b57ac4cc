/**
 * The REPL rewrite: turn the checked cell (an ES module) into a script V8's REPL mode runs at
 * the notebook's top level, where re-declared `const`/`let`/`class` replace the old bindings.
 *
 * - `import d, { a, b as c } from "m"` -> `const d = (await __strided__.import("m")).default, { a, b: c } = ...`
 *   (type-only names dropped; resolution from the notebook's folder, then the kernel's node_modules);
 * - `import x = require("m")` -> `const x = __strided__.require("m")`;
 * - `import("m")` expressions -> `__strided__.import("m")` (same resolution);
 * - every top-level binding becomes a `let` at run time: `const`/`var` -> `let`,
 *   `class C {}` -> `let C = class C {}`, `function f() {}` -> `let f = function f() {}` hoisted to
 *   the top of the cell. V8's REPL mode re-declares a name only with the same kind (`let` after
 *   `let`), so a cell may turn `let x` into `const x` or a const into a function and run again;
 *   const-ness is the checker's job (the prelude keeps `declare const`). Enums and namespaces
 *   that exist at run time likewise: `enum E {…}` -> `let E = (() => { enum E {…} return E; })()`
 *   (TypeScript emits the enum inside the arrow function), so `enum Direction` then
 *   `let Direction = null`, or `class A` then `enum A`, run as they type-check.
 * - `export` modifiers and `export {}` dropped;
 * - the last statement, when it is an expression, -> `__strided__.last = (expr)` (the cell's value).
 */
import ts from "typescript";

/** The global object holding the kernel's helpers for emitted cells. */
export const HELPERS = "__strided__";

function helper(f: ts.NodeFactory, name: string): ts.Expression {
  return f.createPropertyAccessExpression(f.createIdentifier(HELPERS), name);
}

function isValueImport(checker: ts.TypeChecker, id: ts.Identifier): boolean {
  const sym = checker.getSymbolAtLocation(id);
  if (!sym) return true;
  const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
  if (target.flags & ts.SymbolFlags.Value) return true;
  // unknown (untyped package): keep it
  return !(target.flags & ts.SymbolFlags.Type);
}

/** The transformer factory for one checked cell. */
export function replTransform(checker: ts.TypeChecker): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sf) => {
    const f = context.factory;
    const dynamicImports = (node: ts.Node): ts.Node => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        return f.createCallExpression(helper(f, "import"), undefined, ts.visitNodes(node.arguments, dynamicImports, ts.isExpression).slice(0, 1));
      }
      return ts.visitEachChild(node, dynamicImports, context);
    };
    const out: ts.Statement[] = [];
    const hoisted: ts.Statement[] = [];
    const statements = sf.statements;
    // The last statement written by the user (the module suffix `export {}` is not one).
    let lastIndex = statements.length - 1;
    while (lastIndex >= 0 && ts.isExportDeclaration(statements[lastIndex])) lastIndex--;
    statements.forEach((st, i) => {
      if (ts.isImportDeclaration(st)) {
        const r = rewriteImport(f, checker, st);
        if (r) out.push(r);
        return;
      }
      if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
        if (st.isTypeOnly) return;
        const call = f.createCallExpression(helper(f, "require"), undefined, [st.moduleReference.expression]);
        out.push(ts.setTextRange(constStatement(f, [f.createVariableDeclaration(st.name, undefined, undefined, call)]), st));
        return;
      }
      if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) {
        if (ts.isExportAssignment(st)) out.push(ts.setTextRange(f.createExpressionStatement(st.expression), st));
        return;
      }
      let s: ts.Statement = asLet(f, stripExport(f, ts.visitNode(st, dynamicImports, ts.isStatement) ?? st), (name) => existsAtRunTime(checker, name));
      if (ts.isFunctionDeclaration(s) && s.name && s.body) {
        const mods = ts.getModifiers(s)?.filter((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
        const fn = f.createFunctionExpression(mods, s.asteriskToken, s.name, s.typeParameters, s.parameters, s.type, s.body);
        hoisted.push(ts.setTextRange(constStatement(f, [f.createVariableDeclaration(s.name, undefined, undefined, ts.setTextRange(fn, s))]), s));
        return;
      }
      if (i === lastIndex && ts.isExpressionStatement(s)) {
        s = ts.setTextRange(
          f.createExpressionStatement(f.createAssignment(helper(f, "last"), f.createParenthesizedExpression(s.expression))),
          s,
        );
      }
      out.push(s);
    });
    return f.updateSourceFile(sf, [...hoisted, ...out]);
  };
}

/** A top-level binding as the REPL runs it: always `let` (see the rule at the head of this file). */
function constStatement(f: ts.NodeFactory, decls: ts.VariableDeclaration[]): ts.VariableStatement {
  return f.createVariableStatement(undefined, f.createVariableDeclarationList(decls, ts.NodeFlags.Let));
}

/** Whether an enum or namespace has a run-time value (a `const enum` or a types-only namespace has none). */
function existsAtRunTime(checker: ts.TypeChecker, name: ts.Identifier): boolean {
  const sym = checker.getSymbolAtLocation(ts.getOriginalNode(name));
  if (!sym) return false;
  return (sym.flags & (ts.SymbolFlags.RegularEnum | ts.SymbolFlags.ValueModule)) !== 0;
}

/** `let Name = (() => { <declaration> return Name; })();` for an enum or namespace. */
function wrappedInLet(f: ts.NodeFactory, st: ts.EnumDeclaration | ts.ModuleDeclaration, name: ts.Identifier): ts.Statement {
  const body = f.createBlock([st, f.createReturnStatement(f.createIdentifier(name.text))], true);
  const iife = f.createCallExpression(f.createParenthesizedExpression(f.createArrowFunction(undefined, undefined, [], undefined, undefined, body)), undefined, []);
  return ts.setTextRange(constStatement(f, [f.createVariableDeclaration(f.createIdentifier(name.text), undefined, undefined, iife)]), st);
}

/** `const`/`var` -> `let`, `class C {}` -> `let C = class C {}`, a run-time enum or namespace -> `let` (wrappedInLet); other statements unchanged. */
function asLet(f: ts.NodeFactory, st: ts.Statement, atRunTime: (name: ts.Identifier) => boolean = () => false): ts.Statement {
  const declared = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
  if (!declared && (ts.isEnumDeclaration(st) || (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name))) && atRunTime(st.name as ts.Identifier)) {
    return wrappedInLet(f, st, st.name as ts.Identifier);
  }
  const kind = ts.isVariableStatement(st) ? st.declarationList.flags & ts.NodeFlags.BlockScoped : -1;
  if (ts.isVariableStatement(st) && (kind === ts.NodeFlags.Const || kind === 0 /* var */)) {
    const list = f.createVariableDeclarationList(st.declarationList.declarations, ts.NodeFlags.Let);
    return ts.setTextRange(f.updateVariableStatement(st, ts.getModifiers(st), ts.setTextRange(list, st.declarationList)), st);
  }
  if (ts.isClassDeclaration(st) && st.name && !ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
    const mods = ts.getModifiers(st)?.filter((m) => m.kind === ts.SyntaxKind.AbstractKeyword);
    const decorators = st.modifiers?.filter(ts.isDecorator) ?? [];
    const expr = f.createClassExpression([...decorators, ...(mods ?? [])], st.name, st.typeParameters, st.heritageClauses, st.members);
    return ts.setTextRange(constStatement(f, [f.createVariableDeclaration(st.name, undefined, undefined, ts.setTextRange(expr, st))]), st);
  }
  return st;
}

function rewriteImport(f: ts.NodeFactory, checker: ts.TypeChecker, st: ts.ImportDeclaration): ts.Statement | undefined {
  const clause = st.importClause;
  const load = f.createAwaitExpression(f.createCallExpression(helper(f, "import"), undefined, [st.moduleSpecifier]));
  if (!clause) return ts.setTextRange(f.createExpressionStatement(load), st); // import "m" (for its effect)
  if (clause.isTypeOnly) return undefined;
  const decls: ts.VariableDeclaration[] = [];
  const elements: ts.BindingElement[] = [];
  if (clause.name && isValueImport(checker, clause.name)) elements.push(f.createBindingElement(undefined, "default", clause.name));
  const nb = clause.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) {
    const ns = f.createUniqueName("ns");
    decls.push(f.createVariableDeclaration(ns, undefined, undefined, load));
    decls.push(f.createVariableDeclaration(nb.name, undefined, undefined, ns));
    if (elements.length) decls.push(f.createVariableDeclaration(f.createObjectBindingPattern(elements), undefined, undefined, ns));
  } else {
    if (nb)
      for (const e of nb.elements) {
        if (e.isTypeOnly || !isValueImport(checker, e.name)) continue;
        elements.push(f.createBindingElement(undefined, e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.propertyName ? f.createIdentifier(e.propertyName.text) : undefined, e.name));
      }
    if (!elements.length) return ts.setTextRange(f.createExpressionStatement(load), st);
    decls.push(f.createVariableDeclaration(f.createObjectBindingPattern(elements), undefined, undefined, load));
  }
  return ts.setTextRange(constStatement(f, decls), st);
}

function stripExport(f: ts.NodeFactory, st: ts.Statement): ts.Statement {
  const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
  if (!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword)) return st;
  const kept = mods.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword);
  if (ts.isVariableStatement(st)) return f.updateVariableStatement(st, kept, st.declarationList);
  if (ts.isFunctionDeclaration(st)) return f.updateFunctionDeclaration(st, kept, st.asteriskToken, st.name, st.typeParameters, st.parameters, st.type, st.body);
  if (ts.isClassDeclaration(st)) return f.updateClassDeclaration(st, kept, st.name, st.typeParameters, st.heritageClauses, st.members);
  if (ts.isEnumDeclaration(st)) return f.updateEnumDeclaration(st, kept, st.name, st.members);
  return st;
}
