/**
 * The declarations of earlier cells, as one ambient script the checker reads before each cell.
 *
 * Rule: a name maps to the text declaring it in the LAST cell that declared it (re-running
 * `const x = "s"` after `const x = 1` makes `x` a string from then on). Values become
 * `declare const|let name: T;` with T printed by the checker (fully qualified, never truncated);
 * functions keep their call signatures; classes, interfaces, type aliases, enums and namespaces
 * keep their source text; imports point at the module with `typeof import("m").name`.
 * Cost: O(declarations of the cell) per cell; the text is rebuilt from the map (O(names)).
 */
import ts from "typescript";
import { importType } from "./ambient.js";

const TYPE_FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseFullyQualifiedType |
  ts.TypeFormatFlags.UseStructuralFallback |
  ts.TypeFormatFlags.AllowUniqueESSymbolType;

/** Identifiers bound by a binding name (`x`, `{ a, b: [c] }`). */
export function boundNames(name: ts.BindingName, out: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) out.push(name);
  else for (const e of name.elements) if (!ts.isOmittedExpression(e)) boundNames(e.name, out);
  return out;
}

/** The names a top-level statement declares (for the prelude and for the runtime's scope). */
export function declaredNames(st: ts.Statement): string[] {
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.flatMap((d) => boundNames(d.name).map((i) => i.text));
  if (ts.isImportDeclaration(st)) {
    const c = st.importClause;
    if (!c) return [];
    const out: string[] = [];
    if (c.name) out.push(c.name.text);
    if (c.namedBindings) {
      if (ts.isNamespaceImport(c.namedBindings)) out.push(c.namedBindings.name.text);
      else for (const e of c.namedBindings.elements) out.push(e.name.text);
    }
    return out;
  }
  if (ts.isImportEqualsDeclaration(st)) return [st.name.text];
  if (
    (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) &&
    st.name
  )
    return [st.name.text];
  if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) return [st.name.text];
  return [];
}

function parsesCleanly(text: string): boolean {
  const sf = ts.createSourceFile("declaration.ts", text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  return !diags || diags.length === 0;
}

function withoutExport(text: string): string {
  return text.replace(/^export\s+(default\s+)?/, "");
}

/** The kept declarations of earlier cells. */
export class Prelude {
  private readonly entries = new Map<string, string[]>();

  /** The prelude script's text. */
  text(): string {
    let s = "";
    for (const parts of this.entries.values()) s += parts.join("\n") + "\n";
    return s;
  }

  /** Names declared so far (any cell). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Record the declarations of a cell that type-checked. */
  record(sf: ts.SourceFile, checker: ts.TypeChecker): void {
    const fresh = new Map<string, string[]>();
    const add = (name: string, declaration: string): void => {
      // A type the checker can only print in a form that is not source (`typeof (Anonymous class)`)
      // becomes `any` rather than a syntax error in the prelude.
      const text = parsesCleanly(declaration) ? declaration : `declare let ${name}: any;`;
      const list = fresh.get(name);
      if (list) list.push(text);
      else fresh.set(name, [text]);
    };
    for (const st of sf.statements) {
      try {
        this.declarationsOf(st, sf, checker, add);
      } catch {
        for (const n of declaredNames(st)) add(n, `declare let ${n}: any;`);
      }
    }
    for (const [name, parts] of fresh) {
      this.entries.delete(name); // re-insert at the end: later declarations may use earlier ones
      this.entries.set(name, parts);
    }
  }

  private declarationsOf(st: ts.Statement, sf: ts.SourceFile, checker: ts.TypeChecker, add: (name: string, text: string) => void): void {
    const typeOf = (node: ts.Node): string => checker.typeToString(checker.getTypeAtLocation(node), undefined, TYPE_FLAGS);
    if (ts.isVariableStatement(st)) {
      const flags = st.declarationList.flags;
      const kw = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
      for (const d of st.declarationList.declarations) {
        for (const id of boundNames(d.name)) {
          const type = typeOf(id);
          if (type !== `typeof ${id.text}`) add(id.text, `declare ${kw} ${id.text}: ${type};`);
          // `const K = class {}`: the checker names the type after the variable; keep the class's source.
          else if (ts.isIdentifier(d.name) && d.initializer && ts.isClassExpression(d.initializer)) add(id.text, `${kw} ${id.text} = ${d.initializer.getText(sf)};`);
          else add(id.text, `declare ${kw} ${id.text}: any;`);
        }
      }
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      if (!st.body) return; // overload signatures: the implementation's symbol gives them all
      const sym = checker.getSymbolAtLocation(st.name);
      if (!sym) return;
      for (const sig of checker.getTypeOfSymbol(sym).getCallSignatures()) {
        add(st.name.text, `declare function ${st.name.text}${checker.signatureToString(sig, undefined, TYPE_FLAGS)};`);
      }
    } else if (ts.isImportDeclaration(st) && st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
      const m = importType(st.moduleSpecifier.text);
      const c = st.importClause;
      if (c.isTypeOnly) {
        if (c.name) add(c.name.text, `type ${c.name.text} = ${m}.default;`);
        if (c.namedBindings && ts.isNamedImports(c.namedBindings))
          for (const e of c.namedBindings.elements) add(e.name.text, this.typeAlias(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker));
        return;
      }
      if (c.name) this.importedName(c.name, `${m}.default`, checker, add);
      if (c.namedBindings) {
        if (ts.isNamespaceImport(c.namedBindings)) add(c.namedBindings.name.text, `declare const ${c.namedBindings.name.text}: typeof ${m};`);
        else
          for (const e of c.namedBindings.elements) {
            if (e.isTypeOnly) add(e.name.text, this.typeAlias(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker));
            else this.importedName(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker, add);
          }
      }
    } else if (
      ts.isClassDeclaration(st) ||
      ts.isInterfaceDeclaration(st) ||
      ts.isTypeAliasDeclaration(st) ||
      ts.isEnumDeclaration(st) ||
      (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name))
    ) {
      if (st.name) add(st.name.text, withoutExport(st.getText(sf)));
    }
  }

  /** An imported binding: a value, a type, or both, depending on what the module exports. */
  private importedName(id: ts.Identifier, target: string, checker: ts.TypeChecker, add: (name: string, text: string) => void): void {
    const alias = checker.getSymbolAtLocation(id);
    const resolved = alias && alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
    const flags = resolved?.flags ?? 0;
    const isType = (flags & ts.SymbolFlags.Type) !== 0;
    if (flags & ts.SymbolFlags.Value || !isType) add(id.text, `declare const ${id.text}: typeof ${target};`);
    if (isType) add(id.text, this.typeAlias(id, target, checker));
  }

  private typeAlias(id: ts.Identifier, target: string, checker: ts.TypeChecker): string {
    const alias = checker.getSymbolAtLocation(id);
    const resolved = alias && alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
    const decl = resolved?.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isClassDeclaration(d)) as
      | ts.InterfaceDeclaration
      | ts.TypeAliasDeclaration
      | ts.ClassDeclaration
      | undefined;
    const params = decl?.typeParameters ?? [];
    if (!params.length) return `type ${id.text} = ${target};`;
    const names = params.map((p) => p.name.text);
    const head = params.map((p) => (p.default ? `${p.name.text} = any` : p.name.text)).join(", ");
    return `type ${id.text}<${head}> = ${target}<${names.join(", ")}>;`;
  }
}
