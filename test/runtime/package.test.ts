// The runtime as a plain library: `import { np, NDArray } from "strided"` from another package,
// by name, through package.json's "exports" (built JavaScript with type declarations).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../e2e/support/kernel.js";

const ROOT = resolve(__dirname, "..", "..");
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "strided-user-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "strided"), "dir");
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The seed's section 1, as a user's script writes it outside the kernel. */
const SEED_SECTION_1 = `
const arr = np.array([1, 2, 3, 4]);
const view = arr.get("1:3");
view.set(0, 99);
console.log(String(arr));
const copy = arr.get("1:3").copy();
copy.set(0, 88);
console.log(String(arr));
console.log(arr instanceof NDArray, view.base === arr, np.shares_memory(arr, view), np.shares_memory(arr, copy));
`;

const node = (file: string): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('import { np, NDArray } from "strided"', () => {
  const expected = "[ 1 99  3  4]\n[ 1 99  3  4]\ntrue true true false\n";

  it("works from an ES module", () => {
    writeFileSync(join(dir, "esm.mjs"), `import { np, NDArray } from "strided";\n${SEED_SECTION_1}`);
    const r = node("esm.mjs");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(expected);
  });

  it("works from CommonJS", () => {
    writeFileSync(join(dir, "cjs.cjs"), `const { np, NDArray } = require("strided");\n${SEED_SECTION_1}`);
    const r = node("cjs.cjs");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(expected);
  });

  it("type-checks a TypeScript user's file against the package's declarations", () => {
    expect(existsSync(join(ROOT, "dist", "runtime", "index.d.ts"))).toBe(true);
    writeFileSync(
      join(dir, "user.ts"),
      `import { np, NDArray } from "strided";\nconst a: NDArray = np.arange(6).reshape(2, 3);\nconst n: number = a.ndim;\nconst bad: string = a.shape;\nexport { n, bad };\n`,
    );
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const r = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", "--typeRoots", join(ROOT, "node_modules", "@types"), "user.ts"], { cwd: dir, encoding: "utf8" });
    // exactly one error, on the line that assigns a shape to a string: the declarations are real
    const errors = r.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^user\.ts\(4,7\): error TS2322/);
  }, 60_000);
});
