/**
 * The kernel globals as the type checker sees them: one ambient script declaring `np`,
 * `NDArray`, `display`, `clear_output`, `input`, `time` (and `__strided_time` and `__strided_timeit`,
 * what %time and %timeit call, so a user's own `time` or `timeit` variable does not break the magics), `show`, `timeit` by pointing at the
 * modules that implement them, so their types and doc comments come from one place (the
 * implementing module) and never from the notebook's folder.
 */
import { codeModule } from "../paths.js";

/** The virtual file name of the globals script (under the kernel's package, never the notebook's). */
export const AMBIENT_FILE_NAME = codeModule("kernel", "session", "__strided_globals__.d.ts");

/** `import("…")` with the resolution mode fixed, so the answer never depends on the notebook's package.json. */
export function importType(specifier: string): string {
  return `import(${JSON.stringify(specifier)}, { with: { "resolution-mode": "import" } })`;
}

/** The ambient script's text. */
export function ambientText(): string {
  const runtime = importType(codeModule("runtime", "index.js"));
  const globals = importType(codeModule("kernel", "session", "globals.js"));
  const show = importType(codeModule("runtime", "show", "index.js"));
  const timeit = importType(codeModule("runtime", "timeit", "index.js"));
  return [
    `declare const np: typeof ${runtime}.np;`,
    `declare const NDArray: typeof ${runtime}.NDArray;`,
    `type NDArray<R extends number = number, K extends ${runtime}.Kind = ${runtime}.Kind> = ${runtime}.NDArray<R, K>;`,
    `declare const display: typeof ${globals}.display;`,
    `declare const clear_output: typeof ${globals}.clear_output;`,
    `declare const input: typeof ${globals}.input;`,
    `declare const time: typeof ${globals}.time;`,
    `declare const __strided_time: typeof ${globals}.time;`,
    `declare const __strided_timeit: typeof ${globals}.timeitMagic;`,
    `declare const show: typeof ${show}.show;`,
    `declare const timeit: typeof ${timeit}.timeit;`,
    "",
  ].join("\n");
}
