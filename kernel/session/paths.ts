/**
 * Where the kernel's own files are, resolved from this file's folder so the same code works
 * from the sources (kernel/session, under vitest) and from the build (dist/kernel/session).
 *
 * Hard rule: the types a cell is checked against never depend on the notebook's folder: the
 * ES2022 lib and @types/node come from the kernel's own node_modules, the runtime's types from
 * runtime/index.ts (sources) or dist/runtime/index.d.ts (build).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** This folder: kernel/session or dist/kernel/session. */
export const SESSION_DIR = __dirname;

/** The folder holding runtime/ next to kernel/: the repository root, or dist/. */
export const CODE_ROOT = path.resolve(SESSION_DIR, "..", "..");

/** The package root (holds package.json and node_modules). */
export const PACKAGE_ROOT = findPackageRoot(CODE_ROOT);

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "node_modules"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
}

/** A require() anchored at the kernel's package, to find its own dependencies. */
export const kernelRequire = createRequire(path.join(PACKAGE_ROOT, "package.json"));

/** Module path (no extension) of a kernel-side module, for `typeof import("...")` in ambient types. */
export function codeModule(...parts: string[]): string {
  return path.join(CODE_ROOT, ...parts).split(path.sep).join("/");
}

/** The folder of @types packages shipped with the kernel. */
export const KERNEL_TYPE_ROOTS = [path.join(PACKAGE_ROOT, "node_modules", "@types")];
