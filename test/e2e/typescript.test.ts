/**
 * TypeScript as tsc accepts it, through the real kernel process (built dist/) in a notebook
 * folder of its own: local modules in every form bundler resolution allows (one importing the
 * runtime by name), re-imported fresh after an edit; `import { np } from "strided"`;
 * re-declarations; a value and a type of one name; a tsconfig.json beside the notebook.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resultText, startKernel, type RunningKernel } from "./support/kernel.js";

let dir: string;
let k: RunningKernel;

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "strided-e2e-ts-"));
  write("tsconfig.json", '{ "compilerOptions": { "noImplicitAny": false } }\n');
  write("util.ts", "export const inc = (x: number): number => x + 1;\n");
  write("pkg/a.ts", 'import { inc } from "../util.js";\nexport const a = inc(41);\n');
  write("uses-runtime.ts", 'import { np } from "strided";\nexport const three = np.arange(3);\n');
  write("edit.ts", "export const version = 1;\n");
  k = await startKernel({ cwd: dir });
}, 120_000);

afterAll(async () => {
  await k?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function result(code: string): Promise<string | undefined> {
  const { reply, iopub } = await k.kc.execute(code, { timeout: 60_000 });
  if (reply.content.status !== "ok") throw new Error(`${code}\n-> ${String(reply.content.ename)}: ${String(reply.content.evalue)}`);
  return resultText(iopub);
}

it.each([
  ['import { inc } from "./util"; inc(1)', "2"],
  ['import { inc as i2 } from "./util.ts"; i2(2)', "3"],
  ['import { a } from "./pkg/a"; a', "42"],
  ['import { three } from "./uses-runtime.js"; [three.sum(), three instanceof NDArray]', "[ 3, true ]"],
  ['import { np as np2 } from "strided"; np2 === np', "true"],
  ["enum Direction { Up, Down }", undefined],
  ["let Direction = null; Direction", "null"],
  ['import { cpus } from "os"', undefined],
  ["type cpus = number", undefined],
  ["const k: cpus = 1; [k, cpus().length > 0]", "[ 1, true ]"],
  ["function loose(x) { return x } loose(7)", "7"],
])("%s", async (code, expected) => {
  expect(await result(code)).toBe(expected);
});

it("a local module is imported fresh after an edit", async () => {
  expect(await result('import { version } from "./edit"; version')).toBe("1");
  write("edit.ts", "export const version = 2;\n");
  utimesSync(path.join(dir, "edit.ts"), new Date(), new Date(Date.now() + 5000));
  expect(await result('import { version as v2 } from "./edit"; v2')).toBe("2");
});
