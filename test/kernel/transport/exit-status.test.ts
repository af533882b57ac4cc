/** kernel/transport/exit-status.ts: how an exited, unreaped child ended, from its zombie's /proc entry. */
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { zombieStatus } from "../../../kernel/transport/exit-status.js";

/**
 * A process nobody reaps once it ends, as the compute under the transport: a shell starts `script`
 * (run by its own `sh -c`, after 0.3 s) in the background, prints its pid and becomes `sleep`,
 * which never waits for it: it stays a zombie until the sleep ends.
 */
async function zombieOf(script: string): Promise<{ pid: number; done: () => void }> {
  const sh = spawn("/bin/sh", ["-c", `sh -c 'sleep 0.3; ${script}' & echo $!; exec sleep 5`], { stdio: ["ignore", "pipe", "ignore"] });
  const pid = await new Promise<number>((resolve) => sh.stdout.once("data", (d: Buffer) => resolve(Number(String(d).trim()))));
  return { pid, done: () => sh.kill("SIGKILL") };
}

async function settled(pid: number): Promise<ReturnType<typeof zombieStatus>> {
  for (let i = 0; i < 500; i++) {
    const s = zombieStatus(pid);
    if (s !== null) return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

it("null while it runs; its exit code or the signal that killed it once it is a zombie", async () => {
  expect(zombieStatus(process.pid)).toBeNull();
  const exited = await zombieOf("exit 3");
  try {
    expect(await settled(exited.pid)).toEqual({ code: 3 });
  } finally {
    exited.done();
  }
  const killed = await zombieOf("kill -KILL $$");
  try {
    expect(await settled(killed.pid)).toEqual({ signal: "SIGKILL" });
  } finally {
    killed.done();
  }
});

it("a pid that does not exist reads as status 1 (gone, reaped by someone else)", () => {
  expect(zombieStatus(2 ** 22 + 12345)).toEqual({ code: 1 });
});
