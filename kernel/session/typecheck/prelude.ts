/**
 * The declarations of earlier cells, as one ambient script the checker reads before each cell.
 *
 * Rule: a name's meanings (value, type, namespace) each map to the text declaring them in the
 * LAST cell that declared that meaning (re-running `const x = "s"` after `const x = 1` makes `x`
 * a string from then on), so a value and a type of one name coexist across cells as in one file
 * (`import { cpus } from "os"` then `type cpus = number`: `cpus()` still works). A class, enum
 * or namespace that keeps one meaning after another cell took the other is kept under a hidden
 * name (`class A` then `type A = number`: the value `A` is still the class). Values become
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

/** What a declaration gives its name. */
type Meaning = "value" | "type" | "namespace";

/** One kept declaration and the meanings it still gives. */
interface Part {
  text: string;
  meanings: Set<Meaning>;
  /** For a class, enum or namespace: the same declaration under a hidden name, and how each meaning points at it. */
  hidden?: { text: string; lines: Partial<Record<Meaning, string>> };
  /** How many meanings it had when recorded. */
  declared: number;
}

let hiddenCount = 0;

/** A cell's declarations, prepared and not recorded yet (Prelude.prepare, Prelude.commit). */
export type PreparedRecord = Map<string, Part[]>;

/** The kept declarations of earlier cells. */
export class Prelude {
  private readonly entries = new Map<string, Part[]>();
  /** Counts the records that changed a name; `changedAt` holds, per name, the count at its last change. */
  private records = 0;
  private readonly changedAt = new Map<string, number>();

  /** The prelude script's text. */
  text(): string {
    let s = "";
    for (const parts of this.entries.values()) s += Prelude.partsText(parts);
    return s;
  }

  /** The text of `names`' kept declarations (all their meanings), in the prelude's order. */
  textOf(names: Iterable<string>): string {
    let s = "";
    const wanted = new Set(names);
    for (const [name, parts] of this.entries) if (wanted.has(name)) s += Prelude.partsText(parts);
    return s;
  }

  /** Each name's declarations' text (text() is their concatenation in this order). */
  textsByName(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, parts] of this.entries) out.set(name, Prelude.partsText(parts));
    return out;
  }

  private static partsText(parts: Part[]): string {
    let s = "";
    for (const p of parts) {
      if (p.meanings.size === p.declared || !p.hidden) s += p.text + "\n";
      else s += [p.hidden.text, ...[...p.meanings].map((m) => p.hidden?.lines[m] ?? "")].join("\n") + "\n";
    }
    return s;
  }

  /** A mark for namesSince: how many records changed a name so far. */
  generation(): number {
    return this.records;
  }

  /** Names whose declarations changed after `generation` (a value of generation()). */
  namesSince(generation: number): string[] {
    const out: string[] = [];
    for (const [name, at] of this.changedAt) if (at > generation) out.push(name);
    return out;
  }

  /** Names declared so far (any cell). */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Record the declarations of a cell that type-checked. */
  record(sf: ts.SourceFile, checker: ts.TypeChecker): void {
    this.commit(this.prepare(sf, checker));
  }

  /**
   * The declarations of a cell that type-checked, ready to record (`commit`) but not recorded: the
   * checker's part (printing inferred types, which a pathological type can make slow) changes
   * nothing here, so an interrupt that stops it leaves the prelude as it was (run/interruptible.ts).
   */
  prepare(sf: ts.SourceFile, checker: ts.TypeChecker): PreparedRecord {
    const fresh: PreparedRecord = new Map<string, Part[]>();
    const add = (name: string, declaration: string, meanings: Meaning[] = ["value"], hidden?: Part["hidden"]): void => {
      // A type the checker can only print in a form that is not source (`typeof (Anonymous class)`)
      // becomes `any` rather than a syntax error in the prelude.
      const clean = parsesCleanly(declaration);
      const part: Part = clean ? { text: declaration, meanings: new Set(meanings), hidden, declared: meanings.length } : { text: `declare let ${name}: any;`, meanings: new Set(["value"]), declared: 1 };
      const list = fresh.get(name);
      if (list) list.push(part);
      else fresh.set(name, [part]);
    };
    for (const st of sf.statements) {
      try {
        this.declarationsOf(st, sf, checker, add);
      } catch {
        for (const n of declaredNames(st)) add(n, `declare let ${n}: any;`);
      }
    }
    return fresh;
  }

  /** Record what `prepare` gave (no checker work: quick). */
  commit(fresh: PreparedRecord): void {
    if (fresh.size > 0) this.records++;
    for (const [name, parts] of fresh) {
      this.changedAt.set(name, this.records);
      const taken = new Set(parts.flatMap((p) => [...p.meanings]));
      const kept = (this.entries.get(name) ?? []).filter((p) => {
        for (const m of taken) p.meanings.delete(m);
        return p.meanings.size > 0 && (p.meanings.size === p.declared || p.hidden !== undefined);
      });
      this.entries.delete(name); // re-insert at the end: later declarations may use earlier ones
      this.entries.set(name, [...kept, ...parts]);
    }
  }

  /** A class, enum or namespace: its meanings, and the same text under a hidden name for when another cell takes one of them. */
  private addNamed(st: ts.ClassDeclaration | ts.EnumDeclaration | ts.ModuleDeclaration, sf: ts.SourceFile, checker: ts.TypeChecker, add: (name: string, text: string, meanings: Meaning[], hidden?: Part["hidden"]) => void): void {
    const id = st.name as ts.Identifier;
    const full = st.getText(sf);
    const text = withoutExport(full);
    const name = id.text;
    let meanings: Meaning[];
    if (ts.isClassDeclaration(st)) meanings = ["value", "type"];
    else if (ts.isEnumDeclaration(st)) meanings = ["value", "type", "namespace"];
    else {
      const sym = checker.getSymbolAtLocation(id);
      meanings = sym && sym.flags & ts.SymbolFlags.ValueModule ? ["value", "namespace"] : ["namespace"];
    }
    const at = id.getStart(sf) - st.getStart(sf) - (full.length - text.length);
    const hiddenName = `__strided_hidden_${++hiddenCount}_${name}`;
    const params = ts.isClassDeclaration(st) ? (st.typeParameters ?? []) : [];
    const head = params.length ? `<${params.map((p) => (p.default ? `${p.name.text} = any` : p.name.text)).join(", ")}>` : "";
    const args = params.length ? `<${params.map((p) => p.name.text).join(", ")}>` : "";
    const hidden = at >= 0 && text.slice(at, at + name.length) === name
      ? {
          text: text.slice(0, at) + hiddenName + text.slice(at + name.length),
          lines: {
            value: `declare const ${name}: typeof ${hiddenName};`,
            type: `type ${name}${head} = ${hiddenName}${args};`,
          },
        }
      : undefined;
    add(name, text, meanings, hidden);
  }

  private declarationsOf(st: ts.Statement, sf: ts.SourceFile, checker: ts.TypeChecker, add: (name: string, text: string, meanings?: Meaning[], hidden?: Part["hidden"]) => void): void {
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
        if (c.name) add(c.name.text, `type ${c.name.text} = ${m}.default;`, ["type"]);
        if (c.namedBindings && ts.isNamedImports(c.namedBindings))
          for (const e of c.namedBindings.elements) add(e.name.text, this.typeAlias(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker), ["type"]);
        return;
      }
      if (c.name) this.importedName(c.name, `${m}.default`, checker, add);
      if (c.namedBindings) {
        if (ts.isNamespaceImport(c.namedBindings)) add(c.namedBindings.name.text, `declare const ${c.namedBindings.name.text}: typeof ${m};`);
        else
          for (const e of c.namedBindings.elements) {
            if (e.isTypeOnly) add(e.name.text, this.typeAlias(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker), ["type"]);
            else this.importedName(e.name, `${m}.${(e.propertyName ?? e.name).text}`, checker, add);
          }
      }
    } else if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name) {
      add(st.name.text, withoutExport(st.getText(sf)), ["type"]);
    } else if ((ts.isClassDeclaration(st) || ts.isEnumDeclaration(st) || (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name))) && st.name) {
      this.addNamed(st, sf, checker, add);
    }
  }

  /** An imported binding: a value, a type, or both, depending on what the module exports. */
  private importedName(id: ts.Identifier, target: string, checker: ts.TypeChecker, add: (name: string, text: string, meanings?: Meaning[]) => void): void {
    const alias = checker.getSymbolAtLocation(id);
    const resolved = alias && alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
    const flags = resolved?.flags ?? 0;
    const isType = (flags & ts.SymbolFlags.Type) !== 0;
    if (flags & ts.SymbolFlags.Value || !isType) add(id.text, `declare const ${id.text}: typeof ${target};`);
    if (isType) add(id.text, this.typeAlias(id, target, checker), ["type"]);
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
