/**
 * The startup snapshot (kernel/snapshot/, bin/strided-kernel): the kernel, started as kernel.json
 * starts it, runs from dist/kernel.blob (its log says so, with STRIDED_LOG=1), and a missing,
 * stale or foreign blob falls back to the ordinary start-up, with one line on the log and in
 * kernel_info's banner, and still answers. The blob is built before the e2e tests
 * (support/kernel.ts ensureBuilt; `npm test` and `npm run build` build it too): a blob that fails
 * to build fails the first test here.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOB_KEY, LAUNCHER, ROOT, ensureBuilt, resultText, startKernel, type RunningKernel } from "./support/kernel.js";

const BLOB = join(ROOT, "dist", "kernel.blob");
let scratch: string;
beforeAll(async () => {
  await ensureBuilt();
  scratch = mkdtempSync(join(tmpdir(), "strided-snapshot-"));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/**
 * A copy of the package's launcher whose dist/ holds the kernel's files and, as `blob` says, a blob
 * beside them; its `.node` stamp has the Node binary's mtime as the real one has (`touch -r`), unless
 * `otherBinary` (then it is as new as it is written: not this binary's).
 */
function fakeRoot(name: string, blob: "none" | { key: (stored: string) => string; node?: string; otherBinary?: true }): string {
  const root = join(scratch, name);
  mkdirSync(join(root, "bin"), { recursive: true });
  mkdirSync(join(root, "dist"), { recursive: true });
  copyFileSync(LAUNCHER, join(root, "bin", "strided-kernel"));
  copyFileSync(join(ROOT, "bin", "strided.js"), join(root, "bin", "strided.js"));
  symlinkSync(join(ROOT, "dist", "kernel"), join(root, "dist", "kernel"));
  if (blob !== "none") {
    symlinkSync(BLOB, join(root, "dist", "kernel.blob"));
    writeFileSync(join(root, "dist", "kernel.blob.key"), blob.key(readFileSync(BLOB_KEY, "utf8")));
    writeFileSync(join(root, "dist", "kernel.blob.node"), blob.node ?? readFileSync(`${BLOB}.node`, "utf8"));
    if (!blob.otherBinary) expect(spawnSync("touch", ["-r", `${BLOB}.node`, join(root, "dist", "kernel.blob.node")]).status).toBe(0);
  }
  return join(root, "bin", "strided-kernel");
}

async function firstResult(k: RunningKernel): Promise<string | undefined> {
  const r = await k.kc.execute("1 + 1", { timeout: 60_000 });
  return resultText(r.iopub);
}

describe("started as kernel.json starts it", () => {
  it("runs from the startup snapshot, and a cell's child processes do not inherit it", async () => {
    const k = await startKernel({ env: { STRIDED_LOG: "1" }, cwd: scratch });
    try {
      expect(await firstResult(k)).toBe("2");
      expect(k.kp.output()).toContain(`started from the startup snapshot ${BLOB}`);
      expect(k.kp.output()).not.toContain("startup snapshot not used");
      const info = await k.kc.kernelInfo();
      expect(info.content.banner).not.toContain("startup snapshot");
      expect(info.content.language_info.version).toMatch(/^\d+\.\d+\.\d+/); // typescript/package.json found through the snapshot's require.resolve
      // child_process.fork passes execArgv on: without the blob in it, the child runs its own script.
      const r = await k.kc.execute('import { execFileSync } from "node:child_process";\nexecFileSync(process.execPath, [...process.execArgv, "-e", "console.log(6 * 7)"], { encoding: "utf8" }).trim()', { timeout: 60_000 });
      expect(resultText(r.iopub)).toBe("'42'");
      // Under the launcher's V8 flags (bin/strided-kernel's node_flags): the wasm allocator's cleanupSome exists.
      const flags = await k.kc.execute('"cleanupSome" in FinalizationRegistry.prototype', { timeout: 60_000 });
      expect(resultText(flags.iopub)).toBe("true");
      // ... and works on the runtime's registry, evaluated in the snapshot builder: timeit collects
      // between runs, so runs 2 and 3 reuse run 1's 100 regions (300 distinct addresses when it did not)
      const reuse = await k.kc.execute(
        "const ra = np.ones(100000), rb = np.ones(100000); const seen = new Set<number>();\ntimeit(() => { seen.add(np.add(ra, rb).data.byteOffset); }, { number: 100, repeat: 3 });\nseen.size",
        { timeout: 60_000 },
      );
      expect(Number(resultText(reuse.iopub))).toBeLessThanOrEqual(150);
      // np.random's global generator is seeded in this process, not once in the blob.
      const draws = await k.kc.execute("np.random.rand()", { timeout: 60_000 });
      const other = await startKernel({ cwd: scratch });
      try {
        const draws2 = await other.kc.execute("np.random.rand()", { timeout: 60_000 });
        expect(resultText(draws.iopub)).toMatch(/^0\.\d+/);
        expect(resultText(draws2.iopub)).not.toBe(resultText(draws.iopub));
      } finally {
        await other.stop();
      }
    } finally {
      await k.stop();
    }
  }, 120_000);

  it("writes nothing to stderr without STRIDED_LOG", async () => {
    const k = await startKernel({ cwd: scratch });
    try {
      expect(await firstResult(k)).toBe("2");
      expect(k.kp.output()).toBe("");
    } finally {
      await k.stop();
    }
  }, 60_000);
});

describe("the first cells, checked by the snapshot's ready-made program until the kernel's own is made", () => {
  it("check, declare and report errors as the kernel's own program does, and hand their declarations on", async () => {
    const dir = join(scratch, "first-cells");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "twice.ts"), "export function twice(x: number): number { return 2 * x; }\n");
    const k = await startKernel({ cwd: dir });
    try {
      // Sent at once after start, as a front end does: these three name no file, so the snapshot's program checks them.
      const bad = "let s: string = np.arange(3).sum() + 1;";
      const first = await k.kc.execute(bad, { timeout: 60_000 });
      expect((await k.kc.execute("const n = np.arange(4); n.sum()", { timeout: 60_000 }).then((r) => resultText(r.iopub)))).toBe("6");
      expect(resultText((await k.kc.execute("class P { v = 5 } new P().v", { timeout: 60_000 })).iopub)).toBe("5");
      // A cell importing a notebook module resolves from the notebook's folder (the kernel's own program),
      // and sees what the first cells declared.
      expect(resultText((await k.kc.execute('import { twice } from "./twice";\ntwice(Number(n.sum())) + new P().v', { timeout: 60_000 })).iopub)).toBe("17");
      // The same erroneous cell again, now on the kernel's own program: the same error, word for word.
      const again = await k.kc.execute(bad, { timeout: 60_000 });
      expect(first.reply.content.status).toBe("error");
      expect(again.reply.content).toEqual({ ...first.reply.content, execution_count: again.reply.content.execution_count });
    } finally {
      await k.stop();
    }
  }, 90_000);
});

describe("falls back to the ordinary start-up, with a note on the log and in the banner", () => {
  const cases: [string, Parameters<typeof fakeRoot>[1], RegExp][] = [
    ["missing", "none", /no startup snapshot \(.*kernel\.blob missing\)/],
    ["built by another Node binary", { key: (k) => k, node: `1 1 ${readFileSync(`${BLOB}.node`, "utf8").split(" ").slice(2).join(" ")}`, otherBinary: true }, /startup snapshot not used \(built by another Node binary or under other V8 flags\)/],
    // A blob built before the launcher's node_flags changed: V8 would refuse it (and exit), so the launcher must not use it.
    ["built under other V8 flags", { key: (k) => k, node: `${readFileSync(`${BLOB}.node`, "utf8").split(" ").slice(0, 2).join(" ")}\n` }, /startup snapshot not used \(built by another Node binary or under other V8 flags\)/],
    ["stale: a source changed since", { key: (k) => k.replace(/("[^"]*\/dist\/kernel\/main\.js",)\d+/, "$1" + "1") }, /startup snapshot not used: .*main\.js changed since the snapshot was built/],
  ];
  for (const [name, blob, note] of cases) {
    it(name, async () => {
      const launcher = fakeRoot(name.split(":")[0].replace(/\W+/g, "-"), blob);
      const k = await startKernel({ env: { STRIDED_LOG: "1" }, cwd: scratch, launcher });
      try {
        expect(await firstResult(k)).toBe("2");
        expect(k.kp.output()).toMatch(note);
        expect(k.kp.output()).not.toContain("started from the startup snapshot");
        expect((await k.kc.kernelInfo()).content.banner).toMatch(note);
      } finally {
        await k.stop();
      }
    }, 90_000);
  }
});

describe("is built wherever the package lives", () => {
  it("in a folder whose path has capital letters (/home/Ann/Projects/strided)", () => {
    // a copy of the built package (node_modules linked), then its own build step
    const root = join(scratch, "Capital Folder", "Strided");
    mkdirSync(join(root, "bin"), { recursive: true });
    copyFileSync(LAUNCHER, join(root, "bin", "strided-kernel"));
    copyFileSync(join(ROOT, "package.json"), join(root, "package.json"));
    for (const d of ["kernel", "runtime"]) cpSync(join(ROOT, "dist", d), join(root, "dist", d), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
    const r = spawnSync(process.execPath, [join(root, "dist", "kernel", "snapshot", "build.js")], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/startup snapshot .*kernel\.blob built in \d+ ms/);
    expect(r.status).toBe(0);
    expect(existsSync(join(root, "dist", "kernel.blob.key"))).toBe(true);
  }, 180_000);
});
