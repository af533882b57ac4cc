/**
 * `import` and `require` for cells: resolved from the notebook's folder first, then from the
 * kernel's own node_modules. Node built-ins load as themselves; ES modules and CommonJS
 * packages load through Node's own `import()` (a CommonJS package's `module.exports` is the
 * default export, as in Node's ESM).
 *
 * Rule: package "exports" are resolved with the conditions ["node", "import", "default"]
 * (Node's ESM resolver, https://nodejs.org/api/packages.html#conditional-exports), falling back
 * to "main" and index.js.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CODE_ROOT, PACKAGE_ROOT } from "../paths.js";
import { localModuleUrl, resolveLocalModule } from "./local-modules.js";
import * as runtimeExports from "../../../runtime/index.js";

/** The package name that stands for the preloaded runtime in a cell (typecheck/host.ts resolves it to the same declarations). */
export const RUNTIME_PACKAGE = "strided";
import { Promise, Object, Array, Error, JSON } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

const CONDITIONS = ["node", "import", "default"];

/** Node's own dynamic import, from a CommonJS module (kept as a real import() by the compiler). */
const nativeImport = (specifier: string): Promise<Record<string, unknown>> => import(specifier) as Promise<Record<string, unknown>>;

function splitPackage(spec: string): { name: string; subpath: string } {
  const parts = spec.split("/");
  const n = spec.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, n).join("/");
  const rest = parts.slice(n).join("/");
  return { name, subpath: rest ? `./${rest}` : "." };
}

function resolveTarget(target: unknown, pattern: string | undefined): string | undefined {
  if (typeof target === "string") return pattern === undefined ? target : target.replace(/\*/g, pattern);
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveTarget(t, pattern);
      if (r) return r;
    }
    return undefined;
  }
  if (target && typeof target === "object") {
    for (const [cond, t] of Object.entries(target as Record<string, unknown>)) {
      if (CONDITIONS.includes(cond)) {
        const r = resolveTarget(t, pattern);
        if (r) return r;
      }
    }
  }
  return undefined;
}

function resolveExports(exportsField: unknown, subpath: string): string | undefined {
  const isSubpathMap = exportsField && typeof exportsField === "object" && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith("."));
  const map: Record<string, unknown> = isSubpathMap ? (exportsField as Record<string, unknown>) : { ".": exportsField };
  if (subpath in map) return resolveTarget(map[subpath], undefined);
  for (const [key, t] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const pre = key.slice(0, star);
    const post = key.slice(star + 1);
    if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) return resolveTarget(t, subpath.slice(pre.length, subpath.length - post.length));
  }
  return undefined;
}

function asFile(p: string): string | undefined {
  for (const c of [p, `${p}.js`, `${p}.mjs`, `${p}.cjs`, `${p}.json`, path.join(p, "index.js"), path.join(p, "index.mjs")]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* try the next candidate */
    }
  }
  return undefined;
}

function resolvePackage(spec: string, fromDir: string): string | undefined {
  const { name, subpath } = splitPackage(spec);
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, "node_modules", name);
    const pkgJson = path.join(pkgDir, "package.json");
    if (existsSync(pkgJson)) {
      const pkg = JSON.parse(readFileSync(pkgJson, "utf8")) as { exports?: unknown; main?: string; module?: string };
      if (pkg.exports !== undefined) {
        const t = resolveExports(pkg.exports, subpath);
        if (!t) throw new Error(`package ${name} does not export ${subpath === "." ? "a main entry" : subpath} for import (see its package.json "exports")`);
        return path.join(pkgDir, t);
      }
      if (subpath !== ".") return asFile(path.join(pkgDir, subpath));
      return asFile(path.join(pkgDir, pkg.main ?? "index.js"));
    } else if (existsSync(pkgDir) && subpath === ".") {
      const f = asFile(pkgDir);
      if (f) return f;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The file (or built-in name) a cell's import of `spec` loads. */
export function resolveForCell(spec: string, notebookDir: string): string {
  if (spec === RUNTIME_PACKAGE) return pathToFileURL(path.join(CODE_ROOT, "runtime", "index.js")).href; // from a notebook module: the same CommonJS instance as the globals
  if (spec.startsWith("node:") || isBuiltin(spec)) return spec;
  if (spec.startsWith("file:")) return spec;
  if (spec.startsWith(".") || path.isAbsolute(spec)) {
    // The notebook's own modules, TypeScript or JavaScript, imported afresh when edited (run/local-modules.ts).
    const f = resolveLocalModule(spec, notebookDir);
    if (!f) throw new Error(`cannot find module '${spec}' from the notebook's folder ${notebookDir}`);
    return localModuleUrl(f, resolveForCell);
  }
  for (const base of [notebookDir, PACKAGE_ROOT]) {
    const f = resolvePackage(spec, base);
    if (f) return pathToFileURL(f).href;
  }
  throw new Error(`cannot find package '${spec}' from the notebook's folder ${notebookDir} or the kernel's node_modules; install it with: npm install ${splitPackage(spec).name}`);
}

/** The preloaded runtime as a module namespace (`import { np } from "strided"`: the globals' very objects). */
let runtimeNamespace: Record<string, unknown> | null = null;
function runtimeModule(): Record<string, unknown> {
  if (!runtimeNamespace) {
    runtimeNamespace = Object.freeze({ ...(runtimeExports as unknown as Record<string, unknown>) });
  }
  return runtimeNamespace;
}

/** `import(spec)` for a cell. */
export function importForCell(spec: string, notebookDir: string): Promise<Record<string, unknown>> {
  if (spec === RUNTIME_PACKAGE) return Promise.resolve(runtimeModule());
  try {
    return nativeImport(resolveForCell(spec, notebookDir));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** `require(spec)` for a cell (`import x = require("m")`). */
export function requireForCell(spec: string, notebookDir: string): unknown {
  try {
    return createRequire(path.join(notebookDir, "__notebook__.js"))(spec);
  } catch (first) {
    try {
      return createRequire(path.join(PACKAGE_ROOT, "package.json"))(spec);
    } catch {
      throw first;
    }
  }
}
