/**
 * Start the real kernel process as an installed kernel.json starts it (`/bin/sh bin/strided-kernel
 * NODE CONN`: from the startup snapshot dist/kernel.blob, else `node bin/strided.js kernel CONN`,
 * from dist/ as users run it) and connect our own client to it.
 *
 * dist/ and the blob are rebuilt first when any .ts under kernel/ or runtime/ is newer than them
 * (npm test builds before vitest; this makes a targeted `npx vitest run test/e2e` honest too).
 * Test files run in parallel forks, so the build is guarded by a lock folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { KernelClient, launchKernel, type ClientOptions, type KernelProcess, type Message } from "../../../kernel/client/index.js";

export const ROOT = resolve(__dirname, "../../..");
export const BIN = join(ROOT, "bin", "strided.js");
/** The launcher kernel.json's argv calls (kernel/cli/install.ts). */
export const LAUNCHER = join(ROOT, "bin", "strided-kernel");
const BUILT = join(ROOT, "dist", "kernel", "cli", "main.js");
/** The startup snapshot's stamp, written when the blob is built (kernel/snapshot/build.ts). */
export const BLOB_KEY = join(ROOT, "dist", "kernel.blob.key");

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BUILT) || !existsSync(BLOB_KEY)) return true;
  const built = statSync(BUILT).mtimeMs;
  return statSync(BLOB_KEY).mtimeMs < built || ["kernel", "runtime"].some((d) => existsSync(join(ROOT, d)) && newestSource(join(ROOT, d)) > built);
}

/** Build dist/ if it is missing or older than the sources. */
export async function ensureBuilt(): Promise<void> {
  const lock = join(ROOT, "dist", ".e2e-build-lock");
  for (let waited = 0; isStale(); waited += 200) {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // A lock left by a killed test run is stale after two minutes (a build takes well under one).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 180_000) throw new Error(`waited 3 minutes for another build to release ${lock}; remove it if stale`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (isStale()) {
        if (!existsSync(BUILT) || ["kernel", "runtime"].some((d) => existsSync(join(ROOT, d)) && newestSource(join(ROOT, d)) > statSync(BUILT).mtimeMs)) {
          spawnSync(process.execPath, [join(ROOT, "scripts", "build-wasm.mjs")], { encoding: "utf8" }); // the wasm loops module tsc compiles
          const r = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.json")], { encoding: "utf8" });
          if (!existsSync(BUILT)) throw new Error(`build did not produce ${BUILT}:\n${r.stdout}${r.stderr}`);
        }
        // The startup snapshot (a failure leaves no blob: the kernels then start without it, and test/e2e/snapshot.test.ts fails).
        spawnSync(process.execPath, [join(ROOT, "dist", "kernel", "snapshot", "build.js")], { encoding: "utf8" });
      }
      return;
    } finally {
      if (mine) rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface RunningKernel {
  kp: KernelProcess;
  kc: KernelClient;
  /** Shut down politely, then make sure the process is gone. */
  stop(): Promise<void>;
}

/** Start our kernel and wait until it answers kernel_info with iopub in place. */
export async function startKernel(opts: ClientOptions & { cwd?: string; env?: Record<string, string>; launcher?: string } = {}): Promise<RunningKernel> {
  await ensureBuilt();
  const kp = await launchKernel({ argv: ["/bin/sh", opts.launcher ?? LAUNCHER, process.execPath, "{connection_file}"], cwd: opts.cwd ?? ROOT, env: opts.env });
  const kc = await KernelClient.connect(kp.connection, opts);
  try {
    const died = kp.exited.then((s) => { throw new Error(`kernel exited (code ${s.code}, signal ${s.signal}) before it was ready:\n${kp.output()}`); });
    await Promise.race([kc.waitForReady(60_000), died]);
  } catch (e) {
    kc.close();
    await kp.kill();
    throw e;
  }
  return {
    kp,
    kc,
    async stop() {
      if (kp.exitStatus() === null) {
        await kc.shutdown(false, 3000).catch(() => undefined);
        await Promise.race([kp.exited, new Promise((r) => setTimeout(r, 3000))]);
      }
      kc.close();
      await kp.kill();
    },
  };
}

/** The iopub messages of one type. */
export function ofType<C = Record<string, unknown>>(iopub: Message[], type: string): Message<C>[] {
  return iopub.filter((m) => m.header.msg_type === type) as unknown as Message<C>[];
}

/** text/plain of the execute_result, or undefined. */
export function resultText(iopub: Message[]): string | undefined {
  const r = ofType<{ data: Record<string, unknown> }>(iopub, "execute_result")[0];
  return r === undefined ? undefined : String(r.content.data["text/plain"]);
}

/** All stream text of one name, joined. */
export function streamText(iopub: Message[], name: "stdout" | "stderr"): string {
  return ofType<{ name: string; text: string }>(iopub, "stream").filter((m) => m.content.name === name).map((m) => m.content.text).join("");
}

/** stderr stream text published later (after its reply) with `msgId` as parent, until `stop()`. */
export function lateStderr(kc: KernelClient, msgId: string): { text: () => string; stop: () => void } {
  let text = "";
  const stop = kc.onIopub((m: Message) => {
    const parent = (m.parent_header as { msg_id?: string }).msg_id;
    const c = m.content as { name?: string; text?: string };
    if (parent === msgId && m.header.msg_type === "stream" && c.name === "stderr") text += c.text ?? "";
  });
  return { text: () => text, stop };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
