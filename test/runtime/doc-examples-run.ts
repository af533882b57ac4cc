/**
 * Running one `@example` block (its lines as one TypeScript program, transpiled without a type
 * check) and finding which `np` functions lack a documented example. Used by doc-examples.test.ts,
 * tested by doc-examples-runner.test.ts.
 */
import ts from "typescript";
import { inspect } from "node:util";
import type { NDArray } from "../../runtime/core/ndarray.js";
import { blockProgram, compareResult, type ExampleBlock } from "./doc-examples.js";

/** What the program calls for a checked line: compare a value with its claimed result. */
type Check = (n: number, run: () => Promise<unknown>, expected: string) => Promise<void>;

/** `throws Name: message` (a message ending in `...` is a prefix) against a thrown error. */
export function errorMismatch(e: unknown, expected: string): string | null {
  const m = /^throws\s+(\w+)(?::\s*([\s\S]*))?$/.exec(expected.trim());
  if (m === null) return `bad throws claim: ${expected}`;
  const [, name, message] = m;
  const err = e as { name?: unknown; message?: unknown; constructor?: { name?: string } };
  const gotName = typeof err?.name === "string" ? err.name : String(err?.constructor?.name);
  const gotMessage = typeof err?.message === "string" ? err.message : String(e);
  const got = `${gotName}: ${gotMessage}`;
  if (gotName !== name) return `threw ${got}`;
  if (message === undefined) return null;
  const want = message.trim();
  const ok = want.endsWith("...") ? gotMessage.startsWith(want.slice(0, -3).trimEnd()) : gotMessage.trimEnd() === want; // NumPy ends some messages with a space a doc comment cannot show
  return ok ? null : `threw ${got}`;
}

/** Transpile a block's program into an async function of the scope's names. */
function compile(program: string, names: readonly string[]): (...args: unknown[]) => Promise<void> {
  const source = `const __block = async (${names.join(", ")}) => {\n${program}\n};`;
  const out = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: true },
    reportDiagnostics: false,
  }).outputText;
  return new Function(`${out}\nreturn __block;`)() as (...args: unknown[]) => Promise<void>;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
const usable = new Map<string, boolean>();

/** Whether `name` can be a parameter (not a reserved word such as `var`, which np.var's module exports). */
function isParamName(name: string): boolean {
  let ok = usable.get(name);
  if (ok === undefined) {
    ok = IDENT.test(name);
    if (ok) {
      try {
        new Function(name, "");
      } catch {
        ok = false;
      }
    }
    usable.set(name, ok);
  }
  return ok;
}

/**
 * Run a block with the given names in scope; every claim that does not hold, as
 * `file:line  code  // expected  ->  what it was`. An error outside a checked line ends the block.
 */
export async function blockFailures(
  block: ExampleBlock,
  scope: Record<string, unknown>,
  repr: (a: NDArray) => string,
): Promise<string[]> {
  if (block.skip !== null) return [];
  const failures: string[] = [];
  const where = (n: number): string => `${block.file}:${block.line + 1 + n}  ${block.lines[n].trim()}`;
  const check: Check = async (n, run, expected) => {
    let value: unknown;
    try {
      value = await run();
    } catch (e) {
      failures.push(`${where(n)}  ->  threw ${(e as Error)?.name}: ${(e as Error)?.message ?? inspect(e)}`);
      return;
    }
    const diff = compareResult(value, expected, repr);
    if (diff !== null) failures.push(`${where(n)}  ->  ${diff}`);
  };
  const throws: Check = async (n, run, expected) => {
    try {
      await run();
    } catch (e) {
      const diff = errorMismatch(e, expected);
      if (diff !== null) failures.push(`${where(n)}  ->  ${diff}`);
      return;
    }
    failures.push(`${where(n)}  ->  did not throw`);
  };
  const names = Object.keys(scope).filter((k) => isParamName(k) && k !== "__check" && k !== "__throws");
  try {
    const fn = compile(blockProgram(block.lines), [...names, "__check", "__throws"]);
    await fn(...names.map((k) => scope[k]), check, throws);
  } catch (e) {
    failures.push(`${block.file}:${block.line}  block stopped: ${(e as Error)?.name}: ${(e as Error)?.message ?? inspect(e)}`);
  }
  return failures;
}

/** One function of the namespace: the dotted path users type and the names it may be defined under. */
export interface NamespaceFunction {
  path: string;
  names: string[];
}

const isClass = (f: Function): boolean => /^class\b/.test(Function.prototype.toString.call(f));

/** The functions (not classes) of `np`, `np.random` and `np.lib.stride_tricks`. */
export function documentedNames(ns: Record<string, unknown>, prefix = "np"): NamespaceFunction[] {
  const out: NamespaceFunction[] = [];
  for (const [key, value] of Object.entries(ns)) {
    if (typeof value === "function") {
      if (isClass(value)) continue;
      const names = [key];
      if (value.name !== "" && value.name !== key) names.push(value.name.replace(/^bound /, ""));
      if (key === "delete") names.push("delete_");
      out.push({ path: `${prefix}.${key}`, names });
    } else if (value !== null && typeof value === "object" && (key === "random" || key === "lib" || key === "stride_tricks")) {
      out.push(...documentedNames(value as Record<string, unknown>, `${prefix}.${key}`));
    }
  }
  return out;
}

/** The doc comment just before position `at` (only white space between), or null. */
export function docCommentBefore(text: string, at: number): string | null {
  const before = text.slice(0, at).trimEnd();
  if (!before.endsWith("*/")) return null;
  const start = before.lastIndexOf("/**");
  return start < 0 ? null : before.slice(start);
}

/**
 * The namespace functions whose definition (an `export function`, `export const`, `function`, or a
 * method of an object literal or class) has no doc comment with an `@example`: their dotted paths.
 */
export function undocumentedFunctions(fns: readonly NamespaceFunction[], sources: readonly { file: string; text: string }[]): string[] {
  const missing: string[] = [];
  for (const fn of fns) {
    let found = false;
    for (const name of fn.names) {
      const esc = name.replace(/\$/g, "\\$");
      const decl = new RegExp(
        `^[ \\t]*(?:export\\s+)?(?:(?:async\\s+)?function\\*?\\s+${esc}\\s*[<(]|(?:const|let)\\s+${esc}\\s*[:=]|(?:static\\s+)?${esc}\\s*[<(][^;]*\\)\\s*(?::[^;{]*)?[{;])`,
        "gm",
      );
      for (const { text } of sources) {
        for (const m of text.matchAll(decl)) {
          const doc = docCommentBefore(text, m.index ?? 0);
          if (doc !== null && doc.includes("@example")) found = true;
        }
        if (found) break;
      }
      if (found) break;
    }
    if (!found) missing.push(fn.path);
  }
  return missing;
}
