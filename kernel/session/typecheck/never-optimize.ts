/**
 * TypeScript's `createTypeChecker` is never optimised by V8.
 *
 * Why: it runs once per program, so once per cell, and after ~600 cells V8 finds it "hot and
 * stable" and hands it to TurboFan. It is one ~50,000-line closure: measured on Node 20, that
 * compile took 4.1 s of CPU and ~100 MB of compiler zone memory, which glibc keeps (the kernel's
 * environment sets a 256 MB trim threshold for fast array allocation) — RSS +105 MB in one step,
 * a 4 s stall in the middle of a notebook. Optimising it gains nothing (the function body only
 * builds the checker's closures; the checking itself is in the small functions it returns).
 *
 * How: V8's `%NeverOptimizeFunction` (natives syntax, allowed for the one parse and switched off
 * again), which marks the function's shared info so no closure of it is ever optimised.
 * If the natives syntax is refused (another engine or a locked flag), nothing happens.
 */
import v8 from "node:v8";
import vm from "node:vm";
import ts from "typescript";

let done = false;

/**
 * Mark a function so V8 never optimises it (every closure of it); false when V8 refused.
 *
 * @example
 * neverOptimize(function once() {}) // true
 */
export function neverOptimize(f: (...args: never[]) => unknown): boolean {
  try {
    v8.setFlagsFromString("--allow-natives-syntax");
    const mark = vm.runInThisContext("(function (f) { %NeverOptimizeFunction(f); })", { filename: "strided-never-optimize" }) as (f: unknown) => void;
    mark(f);
    return true;
  } catch {
    return false; // natives syntax refused: the function may get optimised, costing memory but nothing else
  } finally {
    v8.setFlagsFromString("--no-allow-natives-syntax");
  }
}

/**
 * Mark TypeScript's checker factory as never to be optimised (idempotent); true when marked.
 *
 * @example
 * neverOptimizeChecker() // true
 */
export function neverOptimizeChecker(): boolean {
  if (done) return true;
  const factory = (ts as unknown as { createTypeChecker?: unknown }).createTypeChecker;
  if (typeof factory !== "function") return false;
  done = neverOptimize(factory as (...args: never[]) => unknown);
  return done;
}
