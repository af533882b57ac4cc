/**
 * Debian's `jupyter console` (its full prompt_toolkit prompt, in a pseudo-terminal driven by
 * pexpect), as a user types into it: a block over several lines ends at a blank line, a value
 * prints as Out[n], a type error prints its one-line message, and `exit` leaves the console with
 * status 0 and the kernel ended. Before, the kernel ended the moment its reply to `exit` was out;
 * the console, which reads that reply after the idle status and only while the kernel is alive,
 * missed it and showed a new prompt over a dead kernel (and later read the stale reply as an
 * is_complete's: "The kernel did not respond properly to an is_complete_request").
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";
import { BIN, ensureBuilt } from "./support/kernel.js";

const hasConsole = requirement(missingPythonModules(["jupyter_console", "pexpect"]), "driving `jupyter console` in a pseudo-terminal");

const DRIVE = String.raw`
import pexpect, re, sys, time
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")
def prompt(n):
    return r"In \[(?:\x1b\[[0-9;]*m)*%d(?:\x1b\[[0-9;]*m)*\]" % n
c = pexpect.spawn(sys.executable, ["-m", "jupyter_console", "--kernel", "strided"], encoding="utf-8", timeout=90, dimensions=(50, 200))
out = []
def step(text, n):
    c.send(text)
    if n is not None:
        c.expect(prompt(n))
        out.append(c.before)
c.expect(prompt(1))
step("const a = np.arange(12).reshape(3, 4)\r", 2)
step("for (let i = 0; i < 2; i++) {\r", None); time.sleep(0.5)
step("console.log('line ' + i)\r", None); time.sleep(0.5)
step("}\r", None); time.sleep(0.5)
step("\r", 3)
step("a.sum({ axis: 0 })\r", 4)
step("np.histogram(a)\r", 5)
c.send("exit\r")
i = c.expect([pexpect.EOF, r"Do you really want to exit"], timeout=60)
if i == 1:
    c.send("y\r")
    c.expect(pexpect.EOF, timeout=60)
out.append(c.before)
c.close()
text = ANSI.sub("", "".join(out))
print(text)
print("CONSOLE EXIT", c.exitstatus, c.signalstatus)
`;

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "strided-console-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it.skipIf(!hasConsole)("a session in jupyter console: a block, a value, a type error, then exit leaves with status 0", async () => {
  const prefix = join(dir, "prefix");
  const install = spawn(process.execPath, [BIN, "install", "--prefix", prefix], { stdio: "ignore" });
  expect(await new Promise((r) => install.on("close", r))).toBe(0);
  const env = { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter"), TERM: "xterm" };
  const child = spawn(PYTHON, ["-c", DRIVE], { env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr.on("data", (d: Buffer) => (text += d.toString()));
  const code = await new Promise<number | null>((r) => child.on("close", r));
  expect(code, text).toBe(0);
  expect(text).toMatch(/line 0\s+line 1/);
  expect(text).toMatch(/Out\[3\]: array\(\[12, 15, 18, 21\]\)/);
  expect(text).toContain("np.histogram does not exist");
  expect(text).not.toContain("did not respond properly");
  expect(text).toContain("CONSOLE EXIT 0 None");
}, 240_000);
