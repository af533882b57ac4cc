/**
 * Every `@example` in the runtime's doc comments runs as a test (the format is described at the head
 * of ./doc-examples.ts). Each block runs its lines in order in one scope, with `np`, `NDArray`,
 * `show`, `timeit`, `repr`, `readFileSync` and every export of the block's own module in scope (examples of a
 * module's helpers name them directly). Arrays compare by NumPy's repr as the runtime prints it;
 * other values as JS literals; `// throws Name: message` expects that error. A failure names the
 * file, the line and what the value was.
 *
 * Also checked: every function of the `np` namespace (and `np.random`, `np.lib.stride_tricks`) has a
 * doc comment with an `@example` where it is defined.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { np } from "../../runtime/np.js";
import { NDArray } from "../../runtime/core/ndarray.js";
import { show } from "../../runtime/show/index.js";
import { timeit } from "../../runtime/timeit/index.js";
import { array_repr } from "../../runtime/print/array2string.js";
import "../../runtime/index.js";
import { extractExamples, type ExampleBlock } from "./doc-examples.js";
import { blockFailures, documentedNames, undocumentedFunctions } from "./doc-examples-run.js";

const ROOT = resolve(__dirname, "..", "..", "runtime");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "templates") out.push(...sourceFiles(p));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

const files = sourceFiles(ROOT);
const blocksByFile = new Map<string, ExampleBlock[]>();
for (const f of files) {
  const blocks = extractExamples(relative(ROOT, f), readFileSync(f, "utf8"));
  if (blocks.length > 0) blocksByFile.set(f, blocks);
}

const PRINT_DEFAULTS = np.get_printoptions();
// `readFileSync` for the examples that read back a file they wrote
const GLOBALS: Record<string, unknown> = { np, NDArray, show, timeit, repr: array_repr, readFileSync };

let exportsOfAll: Record<string, unknown> | null = null;

/**
 * Every runtime module's exports, for examples of internal helpers that build their input with
 * another module's helper; a name two modules export with different values is left out.
 */
async function allExports(): Promise<Record<string, unknown>> {
  if (exportsOfAll !== null) return exportsOfAll;
  const seen = new Map<string, unknown>();
  const ambiguous = new Set<string>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(f).href)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(mod)) {
      if (seen.has(k) && seen.get(k) !== v) ambiguous.add(k);
      else seen.set(k, v);
    }
  }
  for (const k of ambiguous) seen.delete(k);
  exportsOfAll = Object.fromEntries(seen);
  return exportsOfAll;
}

describe("doc-comment examples of runtime/", () => {
  it("finds the examples", () => {
    const n = [...blocksByFile.values()].reduce((s, b) => s + b.length, 0);
    expect(n).toBeGreaterThan(300);
  });
  for (const [file, blocks] of blocksByFile) {
    it(relative(ROOT, file), async () => {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const scope: Record<string, unknown> = { ...(await allExports()), ...mod, ...GLOBALS };
      const failures: string[] = [];
      for (const block of blocks) {
        try {
          failures.push(...(await blockFailures(block, scope, array_repr)));
        } finally {
          np.set_printoptions(PRINT_DEFAULTS); // a block that changes them must not change the next one's
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("every np function is documented with an example", () => {
  it("np, np.random, np.lib.stride_tricks", () => {
    const sources = files.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, "utf8") }));
    const missing = undocumentedFunctions(documentedNames(np as unknown as Record<string, unknown>), sources);
    expect(missing).toEqual([]);
  });
});
