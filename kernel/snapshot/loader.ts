/**
 * A CommonJS loader for the startup-snapshot builder, whose own `require` takes Node's built-in
 * modules only (Node 20's `--build-snapshot`): the kernel's compiled files and the packages
 * they need (typescript, fflate, ...) are read and evaluated here, each once, with a `require`
 * that resolves relative paths, packages ("exports" with the require/node/default conditions,
 * then "main") and built-ins.
 *
 * Rule: functions evaluated in the builder cannot use Node's `import()` after deserialisation,
 * so the kernel's own `import(x)` calls are rewritten to `__strided_import(x)`: a relative
 * specifier loads through this loader (the module is already in the snapshot), anything else
 * goes to Node's real `import()`, which the deserialised main provides (`setRealImport`) from
 * a file loaded the ordinary way. Only the kernel's files are rewritten, never a package's.
 * Imports only Node built-ins (it runs in the builder).
 */
import { readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import vm from "node:vm";

interface LoadedModule {
  exports: unknown;
}

/** The parts of Node's `Module` class (node:module's default export) registerWithNode uses. */
export interface NodeModuleApi {
  new (id: string, parent: null): { filename: string; paths: string[]; exports: unknown; loaded: boolean };
  _cache: Record<string, unknown>;
  _nodeModulePaths(dir: string): string[];
}

type ModuleFunction = (exports: unknown, require: ((spec: string) => unknown) & { resolve(spec: string): string }, module: LoadedModule, filename: string, dirname: string, dynamicImport: (spec: string) => Promise<unknown>) => void;

/**
 * Built-ins loaded only after deserialisation, through a stand-in that loads them on first use:
 * with `inspector` (or worker_threads) loaded in the builder, Node's main-thread cwd counter (a
 * SharedArrayBuffer) is not restored, and every worker started later fails in `process.cwd()`
 * (measured on Node 20.20).
 */
const AFTER_DESERIALISATION = new Set(["worker_threads", "node:worker_threads", "inspector", "node:inspector"]);

/** The kernel's `import(` call sites (not `x.import(`, not a template's `import(${`). */
const DYNAMIC_IMPORT = /(?<![.\w$])import\((?=["a-z])/g;

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function exportsTarget(field: unknown): string | undefined {
  if (typeof field === "string") return field;
  if (Array.isArray(field)) return field.map(exportsTarget).find((x) => x !== undefined);
  if (field && typeof field === "object") {
    const o = field as Record<string, unknown>;
    if ("." in o) return exportsTarget(o["."]);
    for (const c of ["require", "node", "default"]) if (c in o) {
      const t = exportsTarget(o[c]);
      if (t) return t;
    }
  }
  return undefined;
}

export class SnapshotLoader {
  private readonly cache = new Map<string, LoadedModule>();
  private realImport: ((spec: string) => Promise<unknown>) | null = null;

  /** `builtinRequire`: the builder's require (built-ins); `kernelDir`: files under it get the import() rewrite. */
  constructor(
    private readonly builtinRequire: (spec: string) => unknown,
    private readonly kernelDir: string,
  ) {}

  /** Every file loaded, for the snapshot's staleness stamp. */
  files(): string[] {
    return [...this.cache.keys()];
  }

  /** Node's own `import()`, for specifiers the snapshot does not hold (set after deserialisation). */
  setRealImport(f: (spec: string) => Promise<unknown>): void {
    this.realImport = f;
  }

  /**
   * After deserialisation: enter every module loaded here into Node's own CommonJS cache
   * (`Module._cache`), so that Node's `require` and `import` of the same file (a notebook's module
   * importing "strided", run/modules.ts) give these very instances, not a second copy.
   */
  registerWithNode(moduleApi: NodeModuleApi): void {
    const pathsOf = new Map<string, string[]>(); // per folder: ~300 modules live in a few dozen folders
    for (const [file, m] of this.cache) {
      if (moduleApi._cache[file]) continue;
      const mod = new moduleApi(file, null);
      mod.filename = file;
      const dir = path.dirname(file);
      let paths = pathsOf.get(dir);
      if (paths === undefined) pathsOf.set(dir, (paths = moduleApi._nodeModulePaths(dir)));
      mod.paths = paths.slice(); // each module its own array, as Node gives it
      mod.exports = m.exports;
      mod.loaded = true;
      moduleApi._cache[file] = mod;
    }
  }

  /** Load a file (absolute path) and return its exports. */
  load(file: string): unknown {
    const hit = this.cache.get(file);
    if (hit) return hit.exports;
    const module: LoadedModule = { exports: {} };
    this.cache.set(file, module);
    if (file.endsWith(".json")) {
      module.exports = JSON.parse(readFileSync(file, "utf8"));
      return module.exports;
    }
    let source = readFileSync(file, "utf8");
    if (file.startsWith(this.kernelDir)) source = source.replace(DYNAMIC_IMPORT, "__strided_import(");
    const dir = path.dirname(file);
    const fn = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname, __strided_import) {${source}\n})`, { filename: file }) as ModuleFunction;
    const require = Object.assign((spec: string): unknown => this.require(spec, dir), {
      resolve: (spec: string): string => (spec.startsWith("node:") || isBuiltin(spec) ? spec : this.resolve(spec, dir)),
    });
    const dynamicImport = (spec: string): Promise<unknown> => {
      if (spec.startsWith(".")) {
        try {
          return Promise.resolve(this.require(spec, dir));
        } catch (e) {
          return Promise.reject(e);
        }
      }
      if (!this.realImport) return Promise.reject(new Error(`import(${JSON.stringify(spec)}) is not available while the snapshot is built`));
      return this.realImport(spec);
    };
    try {
      fn(module.exports, require, module, file, dir, dynamicImport);
    } catch (e) {
      this.cache.delete(file);
      throw e;
    }
    return module.exports;
  }

  /** `require(spec)` from a folder. */
  require(spec: string, fromDir: string): unknown {
    if (AFTER_DESERIALISATION.has(spec)) return this.lazyBuiltin(spec);
    if (spec.startsWith("node:") || isBuiltin(spec)) return this.builtinRequire(spec);
    return this.load(this.resolve(spec, fromDir));
  }

  private lazyBuiltin(spec: string): unknown {
    let real: Record<string | symbol, unknown> | null = null;
    const get = (): Record<string | symbol, unknown> => (real ??= this.builtinRequire(spec) as Record<string | symbol, unknown>);
    // `__esModule` is what TypeScript's import helpers probe at load: answered without loading.
    return new Proxy({}, { get: (_t, k) => (k === "__esModule" ? undefined : get()[k]), has: (_t, k) => k in get() });
  }

  private resolve(spec: string, fromDir: string): string {
    if (spec.startsWith(".") || path.isAbsolute(spec)) {
      const p = path.resolve(fromDir, spec);
      const f = [p, `${p}.js`, `${p}.json`, path.join(p, "index.js")].find(isFile);
      if (!f) throw new Error(`snapshot loader: cannot find ${spec} from ${fromDir}`);
      return f;
    }
    const parts = spec.split("/");
    const n = spec.startsWith("@") ? 2 : 1;
    const name = parts.slice(0, n).join("/");
    const sub = parts.slice(n).join("/");
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const pkgDir = path.join(dir, "node_modules", name);
      const pkgJson = path.join(pkgDir, "package.json");
      if (isFile(pkgJson)) {
        if (sub) return this.resolve(`./${sub}`, pkgDir);
        const pkg = JSON.parse(readFileSync(pkgJson, "utf8")) as { exports?: unknown; main?: string };
        const target = exportsTarget(pkg.exports) ?? pkg.main ?? "index.js";
        return this.resolve(`./${target.replace(/^\.\//, "")}`, pkgDir);
      }
      if (path.dirname(dir) === dir) throw new Error(`snapshot loader: cannot find package ${spec} from ${fromDir}`);
    }
  }
}
