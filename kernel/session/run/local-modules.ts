/**
 * The notebook's own modules (`import { f } from "./util"`): `.ts`/`.tsx`/`.mts`/`.cts` files
 * beside the notebook are transpiled to ES modules the kernel's Node can import, and `.js`
 * files import as themselves; both are imported afresh after the file changed.
 *
 * Resolution, as TypeScript's `bundler` resolution (so the type-check and the run agree):
 * the path as written (`./a.ts`, `./a.js`), a `.js`/`.mjs`/`.cjs`/`.jsx` extension standing for
 * its TypeScript source (`./a.js` -> a.ts), no extension (`./pkg/a` -> pkg/a.ts, a.tsx, a.mts,
 * a.js, ...), a folder's `index`. Bare specifiers inside a module resolve from the module's
 * folder, then the kernel's node_modules (run/modules.ts).
 *
 * Freshness rule: a transpiled module is written once per content, to
 * `<tmp>/strided-modules-<uid>/<name>-<hash>.mjs`, where the hash covers the texts of every
 * notebook module it reaches; Node's ES module cache is keyed by that URL, so an unchanged
 * module is the same instance in every cell, and an edit (of the module or of one it imports)
 * gives a new URL, evaluated fresh. `.js` files get `?v=<mtime>` (and a CommonJS one leaves
 * Node's require cache when it changed). Cost: one read and hash per reached module per import.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const TS_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];
const JS_FOR_TS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };
const EXTENSIONLESS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json"];

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Whether a file is TypeScript the kernel transpiles (not a declaration file). */
export function isTypeScriptModule(file: string): boolean {
  return TS_EXTENSIONS.includes(path.extname(file)) && !/\.d\.[mc]?ts$/.test(file);
}

/**
 * The file a relative or absolute specifier names, resolved as TypeScript's bundler resolution does.
 *
 * @example
 * resolveLocalModule("./util", "/home/me/notebooks") // "/home/me/notebooks/util.ts" (when util.ts exists)
 */
export function resolveLocalModule(spec: string, fromDir: string): string | undefined {
  const p = path.resolve(fromDir, spec);
  const ext = path.extname(p);
  const candidates = [p];
  for (const t of JS_FOR_TS[ext] ?? []) candidates.push(p.slice(0, -ext.length) + t);
  for (const e of EXTENSIONLESS) candidates.push(p + e);
  for (const e of EXTENSIONLESS) candidates.push(path.join(p, `index${e}`));
  return candidates.find(isFile);
}

/** Where transpiled modules are written (per user; content-addressed, so kernels can share it). */
function cacheDir(): string {
  const dir = path.join(tmpdir(), `strided-modules-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

type Target = { kind: "ts"; file: string } | { kind: "url"; url: string };

interface Node {
  text: string;
  hash: string;
  targets: Map<string, Target>;
}

/** How a bare specifier inside a module resolves (run/modules.ts's package resolution). */
export type ResolvePackage = (spec: string, fromDir: string) => string;

const jsVersions = new Map<string, number>();

/** A `.js` module's URL, versioned by its mtime (a changed CommonJS file leaves require's cache). */
function javascriptUrl(file: string): string {
  const mtime = statSync(file).mtimeMs;
  const before = jsVersions.get(file);
  if (before !== undefined && before !== mtime) {
    const cache = createRequire(file).cache;
    delete cache[file];
  }
  jsVersions.set(file, mtime);
  return `${pathToFileURL(file).href}?v=${mtime}`;
}

/** The notebook's modules reachable from `entry`, each read once. */
function graph(entry: string, resolvePackage: ResolvePackage): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const visit = (file: string): void => {
    if (nodes.has(file)) return;
    const text = readFileSync(file, "utf8");
    const node: Node = { text, hash: createHash("sha256").update(file).update("\0").update(text).digest("hex"), targets: new Map() };
    nodes.set(file, node);
    const dir = path.dirname(file);
    for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
      if (node.targets.has(spec)) continue;
      if (spec.startsWith(".") || path.isAbsolute(spec)) {
        const target = resolveLocalModule(spec, dir);
        if (!target) continue; // left as written: Node reports it
        if (isTypeScriptModule(target)) {
          node.targets.set(spec, { kind: "ts", file: target });
          visit(target);
        } else node.targets.set(spec, { kind: "url", url: javascriptUrl(target) });
      } else if (!spec.startsWith("node:") && !isBuiltin(spec)) {
        try {
          const resolved = resolvePackage(spec, dir);
          node.targets.set(spec, { kind: "url", url: resolved });
        } catch {
          /* left as written: Node reports it */
        }
      }
    }
  };
  visit(entry);
  return nodes;
}

function reach(nodes: Map<string, Node>, from: string): string[] {
  const seen = new Set<string>();
  const walk = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const t of nodes.get(f)?.targets.values() ?? []) if (t.kind === "ts") walk(t.file);
  };
  walk(from);
  return [...seen].sort();
}

/** Rewrites module specifiers (static imports, re-exports, `import("...")`) to the URLs given. */
function specifierRewrite(urls: Map<string, string>): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sf) => {
    const f = context.factory;
    const swap = (lit: ts.Expression): ts.Expression => (ts.isStringLiteral(lit) && urls.has(lit.text) ? f.createStringLiteral(urls.get(lit.text) as string) : lit);
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) return f.updateImportDeclaration(node, node.modifiers, node.importClause, swap(node.moduleSpecifier), node.attributes);
      if (ts.isExportDeclaration(node) && node.moduleSpecifier)
        return f.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, swap(node.moduleSpecifier), node.attributes);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length)
        return f.updateCallExpression(node, node.expression, node.typeArguments, [swap(node.arguments[0]), ...node.arguments.slice(1)]);
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sf, visit, context);
  };
}

/**
 * The URL to `import()` for a notebook module `file` (TypeScript: transpiled as needed; JavaScript: itself).
 *
 * @example
 * await import(localModuleUrl("/home/me/notebooks/util.ts", resolvePackage)) // util.ts's exports
 */
export function localModuleUrl(file: string, resolvePackage: ResolvePackage): string {
  if (!isTypeScriptModule(file)) return javascriptUrl(file);
  const nodes = graph(file, resolvePackage);
  const dir = cacheDir();
  const outputs = new Map<string, string>();
  for (const f of nodes.keys()) {
    const h = createHash("sha256").update(ts.version);
    for (const g of reach(nodes, f)) h.update(nodes.get(g)?.hash ?? "");
    outputs.set(f, path.join(dir, `${path.basename(f).replace(/\.[^.]+$/, "")}-${h.digest("hex").slice(0, 16)}.mjs`));
  }
  for (const [f, node] of nodes) {
    const out = outputs.get(f) as string;
    if (isFile(out)) continue;
    const urls = new Map<string, string>();
    for (const [spec, t] of node.targets) urls.set(spec, t.kind === "ts" ? pathToFileURL(outputs.get(t.file) as string).href : t.url);
    const js = ts.transpileModule(node.text, {
      fileName: f,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true, inlineSources: true, sourceRoot: `${pathToFileURL(path.dirname(f)).href}/`, jsx: ts.JsxEmit.React },
      transformers: { before: [specifierRewrite(urls)] },
    }).outputText;
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, js);
    renameSync(tmp, out); // atomic: another kernel may write the same content at once
  }
  return pathToFileURL(outputs.get(file) as string).href;
}
