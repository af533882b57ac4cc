/**
 * JupyterLab's debugger against the real kernel over ZeroMQ: the sequence of ipykernel's
 * tests/test_debugger.py (initialize, attach, dumpCell, setBreakpoints, configurationDone,
 * execute, stopped, stackTrace, scopes, variables, evaluate, next, continue, inspectVariables,
 * richInspectVariables, disconnect) adapted to TypeScript cells, plus what a course on memory
 * needs (NDArrays in the Variables panel, breakpoints in cells rewritten for NumPy syntax) and
 * the kernel staying responsive while a cell is stopped (heartbeat, interrupt, restart).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DebugDriver } from "./support/debug.js";
import { ROOT, resultText, sleep, startKernel, type RunningKernel } from "./support/kernel.js";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";

const hasIpykernel = requirement(missingPythonModules(["ipykernel.compiler"]), "the debugger's cell paths against ipykernel's murmur2");

/** ipykernel's own murmur2_x86 of each text (the hash JupyterLab mirrors). */
function ipykernelHashes(texts: string[]): number[] {
  const script = "import json, sys\nfrom ipykernel.compiler import murmur2_x86\nprint(json.dumps([murmur2_x86(t, 0xC70F6907) for t in json.load(sys.stdin)]))";
  const r = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(texts), encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as number[];
}

const F_CELL = ["function f(a: number, b: number) {", "  const c = a + b;", "  return c;", "}", "", "f(2, 3)"].join("\n");

let k: RunningKernel;
let dbg: DebugDriver;

beforeAll(async () => {
  k = await startKernel();
});
afterAll(async () => {
  await k?.stop();
});
beforeEach(async () => {
  dbg = new DebugDriver(k.kc);
  await dbg.start();
});
afterEach(async () => {
  if (k.kp.exitStatus() === null) await dbg.request("disconnect", { restart: false, terminateDebuggee: true });
  dbg.close();
});

/** dumpCell + setBreakpoints + configurationDone, as JupyterLab does before a cell runs. */
async function breakAt(code: string, lines: number[]): Promise<string> {
  const dumped = await dbg.request("dumpCell", { code });
  expect(dumped.success).toBe(true);
  const source = dumped.body?.sourcePath as string;
  const set = await dbg.request("setBreakpoints", { breakpoints: lines.map((line) => ({ line })), source: { path: source }, sourceModified: false });
  expect(set.success).toBe(true);
  expect((await dbg.request("configurationDone")).success).toBe(true);
  return source;
}

async function stackNames(): Promise<{ names: string[]; lines: number[]; frames: { id: number; source: { path: string } }[] }> {
  const st = await dbg.request("stackTrace", { threadId: 1 });
  expect(st.success).toBe(true);
  const frames = st.body?.stackFrames as { id: number; name: string; line: number; source: { path: string } }[];
  return { names: frames.map((f) => f.name), lines: frames.map((f) => f.line), frames };
}

describe("the kernel says it can be debugged", () => {
  it("kernel_info_reply has debugger: true, and kernel.json's metadata says so", async () => {
    const info = await k.kc.kernelInfo();
    expect((info.content as unknown as { debugger?: unknown }).debugger).toBe(true);
    const spec = JSON.parse(readFileSync(join(ROOT, "kernel.json"), "utf8")) as { metadata: { debugger: boolean } };
    expect(spec.metadata.debugger).toBe(true);
  });

  it("debugInfo gives what JupyterLab needs to find cells: Murmur2 with ipykernel's seed, a prefix and .ts", async () => {
    const r = await dbg.request("debugInfo");
    expect(r.success).toBe(true);
    expect(r.body).toMatchObject({ isStarted: true, hashMethod: "Murmur2", hashSeed: 0xc70f6907, tmpFileSuffix: ".ts", stoppedThreads: [], richRendering: true });
    expect(String(r.body?.tmpFilePrefix)).toMatch(/strided_\d+\/$/);
  });
});

describe.skipIf(!hasIpykernel)("cell paths", () => {
  it("dumpCell writes the cell to tmpFilePrefix + murmur2(code) + .ts, the same hash as ipykernel's", async () => {
    const texts = [F_CELL, "", "x", "é∑😀 unicode\nacross lines", "a".repeat(1001)];
    const info = await dbg.request("debugInfo");
    const expected = ipykernelHashes(texts);
    for (const [i, code] of texts.entries()) {
      const r = await dbg.request("dumpCell", { code });
      expect(r.body?.sourcePath).toBe(`${info.body?.tmpFilePrefix}${expected[i]}.ts`);
      expect(readFileSync(r.body?.sourcePath as string, "utf8")).toBe(code);
      const src = await dbg.request("source", { source: { path: r.body?.sourcePath } });
      expect(src.body?.content).toBe(code);
    }
  });
});

describe("breakpoints, stepping, frames", () => {
  it("stops at each breakpoint in the cell's own lines, with the cell's path and names <module> and f", async () => {
    const source = await breakAt(F_CELL, [2, 6]);
    const debugInfo = await dbg.request("debugInfo");
    expect(debugInfo.body?.breakpoints).toEqual([{ source, breakpoints: [{ line: 2 }, { line: 6 }] }]);
    const run = k.kc.execute(F_CELL);
    const first = await dbg.event("stopped");
    expect(first.body).toMatchObject({ reason: "breakpoint", threadId: 1, allThreadsStopped: true });
    let s = await stackNames();
    expect(s.names).toEqual(["<module>"]);
    expect(s.lines).toEqual([6]);
    expect(s.frames[0].source.path).toBe(source);
    expect((await dbg.request("debugInfo")).body?.stoppedThreads).toEqual([1]);
    await dbg.request("continue", { threadId: 1 });
    await dbg.event("continued");
    await dbg.event("stopped");
    s = await stackNames();
    expect(s.names).toEqual(["f", "<module>"]);
    expect(s.lines).toEqual([2, 6]);
    await dbg.request("continue", { threadId: 1 });
    const { reply, iopub } = await run;
    expect(reply.content.status).toBe("ok");
    expect(resultText(iopub)).toBe("5");
  });

  it("scopes, variables, evaluate in a frame, richInspectVariables, next, stepOut", async () => {
    await breakAt(F_CELL, [2]);
    const run = k.kc.execute(F_CELL);
    await dbg.event("stopped");
    const { frames } = await stackNames();
    const scopes = await dbg.request("scopes", { frameId: frames[0].id });
    const names = (scopes.body?.scopes as { name: string }[]).map((x) => x.name);
    expect(names).toEqual(["Locals", "Globals"]);
    const localsRef = (scopes.body?.scopes as { name: string; variablesReference: number }[])[0].variablesReference;
    const locals = (await dbg.request("variables", { variablesReference: localsRef })).body?.variables as { name: string; value: string; type: string }[];
    expect(locals.filter((v) => v.name === "a" || v.name === "b")).toEqual([
      expect.objectContaining({ name: "a", value: "2", type: "number" }),
      expect.objectContaining({ name: "b", value: "3", type: "number" }),
    ]);
    const ev = await dbg.request("evaluate", { expression: "a * 10 + b", frameId: frames[0].id, context: "watch" });
    expect(ev.body?.result).toBe("23");
    const bad = await dbg.request("evaluate", { expression: "nope + 1", frameId: frames[0].id, context: "repl" });
    expect(bad.success).toBe(false);
    expect(bad.message).toMatch(/nope is not defined/);
    const rich = await dbg.request("richInspectVariables", { variableName: "a", frameId: frames[0].id });
    expect(rich.body).toEqual({ data: { "text/plain": "2" }, metadata: {} });
    await dbg.request("next", { threadId: 1 });
    const step = await dbg.event("stopped");
    expect(step.body.reason).toBe("step");
    expect((await stackNames()).lines[0]).toBe(3);
    const c = await dbg.request("evaluate", { expression: "c", frameId: (await stackNames()).frames[0].id });
    expect(c.body?.result).toBe("5");
    await dbg.request("stepOut", { threadId: 1 });
    expect((await dbg.event("stopped")).body.reason).toBe("step");
    expect((await stackNames()).names).toEqual(["<module>"]);
    await dbg.request("continue", { threadId: 1 });
    expect((await run).reply.content.status).toBe("ok");
  });

  it("lands on the user's lines in a cell with leading blank lines, type-only lines and NumPy syntax", async () => {
    const code = ["", "interface P { x: number }", "const x = np.arange(4);", "let y = x + 1;", "y += x;", "const total = y.sum();", "total"].join("\n");
    await breakAt(code, [5, 2]);
    const set = dbg.transcript.filter((t) => t.name === "setBreakpoints").pop()?.content as unknown as { body: { breakpoints: { line: number }[] } };
    expect(set.body.breakpoints.map((b) => b.line)).toEqual([5, 2]); // not yet run: as asked
    const run = k.kc.execute(code);
    await dbg.event("stopped");
    // line 2 has no code (a type): its breakpoint moves to line 3, the next line with code
    let s = await stackNames();
    expect(s.lines).toEqual([3]);
    await dbg.request("continue", { threadId: 1 });
    await dbg.event("stopped");
    s = await stackNames();
    expect(s.lines).toEqual([5]);
    const y = await dbg.request("evaluate", { expression: "String(y)", frameId: s.frames[0].id });
    expect(y.body?.result).toBe('"[1 2 3 4]"'); // y += x has not run yet
    await dbg.request("next", { threadId: 1 });
    await dbg.event("stopped");
    s = await stackNames();
    expect(s.lines).toEqual([6]);
    const y2 = await dbg.request("evaluate", { expression: "String(y)", frameId: s.frames[0].id });
    expect(y2.body?.result).toBe('"[1 3 5 7]"');
    await dbg.request("continue", { threadId: 1 });
    const { reply, iopub } = await run;
    expect(reply.content.status).toBe("ok");
    expect(resultText(iopub)).toBe("16");
  });

  it("a breakpoint set after a cell ran binds in the function that cell defined", async () => {
    const def = ["function g(n: number) {", "  const twice = n * 2;", "  return twice;", "}"].join("\n");
    await dbg.request("dumpCell", { code: def });
    expect((await k.kc.execute(def)).reply.content.status).toBe("ok");
    await breakAt(def, [2]);
    const run = k.kc.execute("g(21)");
    expect((await dbg.event("stopped")).body.reason).toBe("breakpoint");
    const s = await stackNames();
    expect(s.names).toEqual(["g", "<module>"]);
    expect(s.lines[0]).toBe(2);
    await dbg.request("continue", { threadId: 1 });
    expect(resultText((await run).iopub)).toBe("42");
  });

  it("a function defined before the debugger was switched on can be stopped in", async () => {
    await dbg.request("disconnect", { restart: false, terminateDebuggee: false });
    const def = ["function early(n: number) {", "  const m = n + 100;", "  return m;", "}"].join("\n");
    expect((await k.kc.execute(def)).reply.content.status).toBe("ok");
    await dbg.start();
    await breakAt(def, [3]);
    const run = k.kc.execute("early(1)");
    await dbg.event("stopped");
    const s = await stackNames();
    expect(s.names).toEqual(["early", "<module>"]);
    expect(s.lines[0]).toBe(3);
    expect((await dbg.request("evaluate", { expression: "m", frameId: s.frames[0].id })).body?.result).toBe("101");
    await dbg.request("continue", { threadId: 1 });
    expect(resultText((await run).iopub)).toBe("101");
  });

  it("pauses on a thrown exception when asked (raised), not otherwise", async () => {
    expect((await dbg.request("setExceptionBreakpoints", { filters: ["raised"] })).success).toBe(true);
    const run = k.kc.execute('const boom = 1;\nthrow new RangeError("boom " + boom);');
    const stopped = await dbg.event("stopped");
    expect(stopped.body.reason).toBe("exception");
    expect((await stackNames()).lines).toEqual([2]);
    await dbg.request("continue", { threadId: 1 });
    const { reply } = await run;
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("RangeError");
    await dbg.request("setExceptionBreakpoints", { filters: [] });
    const again = await k.kc.execute('throw new RangeError("quiet");');
    expect(again.reply.content.ename).toBe("RangeError");
  });

  it("pause stops a running cell where it is (reason pause); continue lets it finish", async () => {
    const run = k.kc.execute("let spins = 0;\nconst until = Date.now() + 3000;\nwhile (Date.now() < until) spins++;\nspins > 0");
    await sleep(500);
    expect((await dbg.request("pause", { threadId: 1 })).success).toBe(true);
    expect((await dbg.event("stopped")).body.reason).toBe("pause");
    const s = await stackNames();
    expect(s.lines[0]).toBe(3);
    const spins = await dbg.request("evaluate", { expression: "spins > 0", frameId: s.frames[0].id });
    expect(spins.body?.result).toBe("true");
    await dbg.request("continue", { threadId: 1 });
    expect(resultText((await run).iopub)).toBe("true");
  });
});

describe("arrays in the Variables panel", () => {
  it("an NDArray shows shape, dtype and view/owner; expanding lists strides, flags, base and values", async () => {
    const code = ["const base = np.arange(12);", "const v = base.get(\"2:10\").reshape(2, 4);", "const t = v.T;", "1"].join("\n");
    await breakAt(code, [4]);
    const run = k.kc.execute(code);
    await dbg.event("stopped");
    const { frames } = await stackNames();
    const scopes = (await dbg.request("scopes", { frameId: frames[0].id })).body?.scopes as { name: string; variablesReference: number }[];
    const globals = (await dbg.request("variables", { variablesReference: scopes[1].variablesReference })).body?.variables as { name: string; value: string; type: string; variablesReference: number }[];
    const v = globals.find((x) => x.name === "v");
    expect(v).toMatchObject({ value: "ndarray (2, 4) int32 view", type: "NDArray" });
    expect(globals.find((x) => x.name === "base")?.value).toBe("ndarray (12,) int32 owner");
    const fields = (await dbg.request("variables", { variablesReference: v!.variablesReference })).body?.variables as { name: string; value: string; variablesReference: number }[];
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(fields.map((f) => f.name)).toEqual(["shape", "strides", "dtype", "ndim", "size", "itemsize", "nbytes", "offset", "flags", "base", "values"]);
    expect(byName.shape.value).toBe('"(2, 4)"');
    expect(byName.strides.value).toBe('"(16, 4)"');
    expect(byName.offset.value).toBe("8");
    expect(byName.values.value).toBe(JSON.stringify("[[2 3 4 5]\n [6 7 8 9]]"));
    expect(byName.base.value).toBe("ndarray (12,) int32 owner");
    const flags = (await dbg.request("variables", { variablesReference: byName.flags.variablesReference })).body?.variables as { name: string; value: string }[];
    expect(Object.fromEntries(flags.map((f) => [f.name, f.value]))).toMatchObject({ C_CONTIGUOUS: "true", F_CONTIGUOUS: "false", OWNDATA: "false", WRITEABLE: "true" });
    const t = globals.find((x) => x.name === "t")!;
    const tf = (await dbg.request("variables", { variablesReference: t.variablesReference })).body?.variables as { name: string; value: string; variablesReference: number }[];
    expect(tf.find((f) => f.name === "strides")?.value).toBe('"(4, 16)"');
    const tflags = (await dbg.request("variables", { variablesReference: tf.find((f) => f.name === "flags")!.variablesReference })).body?.variables as { name: string; value: string }[];
    expect(tflags.find((f) => f.name === "F_CONTIGUOUS")?.value).toBe("true");
    await dbg.request("continue", { threadId: 1 });
    expect((await run).reply.content.status).toBe("ok");
  });

  it("inspectVariables lists the notebook's globals when not stopped; richInspectVariables gives an array's card", async () => {
    const r = await k.kc.execute('const grid = np.zeros([3, 4]);\nconst label = "grid";\nfunction helper() { return 1; }');
    expect(r.reply.content.status).toBe("ok");
    const iv = await dbg.request("inspectVariables");
    const vars = iv.body?.variables as { name: string; value: string; type: string; variablesReference: number }[];
    expect(vars.find((v) => v.name === "grid")).toMatchObject({ value: "ndarray (3, 4) float64 owner", type: "NDArray" });
    expect(vars.find((v) => v.name === "label")).toMatchObject({ value: '"grid"', type: "string", variablesReference: 0 });
    expect(vars.find((v) => v.name === "helper")?.type).toBe("Function");
    expect(vars.some((v) => v.name === "np" || v.name === "display" || v.name.startsWith("__strided"))).toBe(false);
    const rich = await dbg.request("richInspectVariables", { variableName: "grid" });
    expect(rich.success).toBe(true);
    expect(String(rich.body?.data["text/plain"])).toBe("array([[0., 0., 0., 0.],\n       [0., 0., 0., 0.],\n       [0., 0., 0., 0.]])");
    expect(String(rich.body?.data["text/html"])).toMatch(/strides/);
  });

  it("pages through a large array's elements (start, count)", async () => {
    expect((await k.kc.execute("const big = Array.from({ length: 5000 }, (_, i) => i * i);")).reply.content.status).toBe("ok");
    const vars = (await dbg.request("inspectVariables")).body?.variables as { name: string; variablesReference: number; indexedVariables?: number }[];
    const big = vars.find((v) => v.name === "big")!;
    expect(big.indexedVariables).toBe(5000);
    const page = (await dbg.request("variables", { variablesReference: big.variablesReference, filter: "indexed", start: 4000, count: 3 })).body?.variables as { name: string; value: string }[];
    expect(page).toEqual([
      expect.objectContaining({ name: "4000", value: "16000000" }),
      expect.objectContaining({ name: "4001", value: "16008001" }),
      expect.objectContaining({ name: "4002", value: "16016004" }),
    ]);
  });
});

describe("the kernel while a cell is stopped", () => {
  it("answers heartbeat and control, and an interrupt ends the stopped cell keeping every variable", async () => {
    const code = "const keptWhileStopped = 7;\nlet late = 0;\nlate = 1;";
    await breakAt(code, [3]);
    const run = k.kc.execute(code, { timeout: 30_000 });
    await dbg.event("stopped");
    expect(await k.kc.heartbeat(2000)).not.toBeNull();
    const info = await k.kc.request("control", "kernel_info_request", {}, { timeout: 2000 });
    expect(info.header.msg_type).toBe("kernel_info_reply");
    await k.kc.interrupt(5000);
    const { reply } = await run;
    expect(reply.content.status).toBe("error");
    expect(reply.content.ename).toBe("KeyboardInterrupt");
    expect(k.kp.exitStatus()).toBeNull();
    const after = await k.kc.execute("keptWhileStopped + 1");
    expect(resultText(after.iopub)).toBe("8");
    // breakpoints work again for the next cell
    const again = k.kc.execute(code);
    expect((await dbg.event("stopped")).body.reason).toBe("breakpoint");
    await dbg.request("continue", { threadId: 1 });
    expect((await again).reply.content.status).toBe("ok");
  });

  it("disconnect removes the breakpoints: the same cell then runs through", async () => {
    const code = "let q = 1;\nq = 2;\nq";
    await breakAt(code, [2]);
    await dbg.request("disconnect", { restart: false, terminateDebuggee: true });
    const r = await k.kc.execute(code);
    expect(resultText(r.iopub)).toBe("2");
    expect(await dbg.sees("stopped", 300)).toBe(false);
    await dbg.start(); // for afterEach
    expect((await dbg.request("debugInfo")).body?.breakpoints).toEqual([]);
  });

  it("modules lists the files the kernel has loaded (JupyterLab's Kernel Sources panel)", async () => {
    const r = await dbg.request("modules");
    expect(r.success).toBe(true);
    const mods = r.body?.modules as { id: number; name: string; path: string }[];
    expect(r.body?.totalModules).toBe(mods.length);
    const runtime = mods.filter((m) => m.path.includes("/dist/runtime/")).map((m) => [m.name, m.path.split("/dist/")[1]]);
    expect(runtime, JSON.stringify(runtime)).toContainEqual(["ndarray", "runtime/core/ndarray.js"]);
  });

  it("a request the kernel does not know, or a malformed one, gets success: false and a message", async () => {
    const r = await dbg.request("gotoTargets", { source: {} });
    expect(r.success).toBe(false);
    expect(r.message).toMatch(/does not support the DAP request "gotoTargets"/);
    const bad = await k.kc.request<{ success: boolean; message: string }>("control", "debug_request", { type: "request", seq: 99 }, { timeout: 5000 });
    expect(bad.content.success).toBe(false);
    expect(bad.content.message).toMatch(/command/);
    const notStopped = await dbg.request("stackTrace", { threadId: 1 });
    expect(notStopped.success).toBe(false);
    expect(notStopped.message).toMatch(/not stopped/);
  });
});

describe("restart while stopped", () => {
  it("shutdown_request(restart) ends a kernel stopped at a breakpoint promptly", async () => {
    const code = "let r1 = 0;\nr1 = 1;";
    await breakAt(code, [2]);
    void k.kc.execute(code, { timeout: 30_000 }).catch(() => undefined);
    await dbg.event("stopped");
    const t0 = Date.now();
    const reply = await k.kc.shutdown(true, 5000);
    expect(reply.content.status).toBe("ok");
    const st = await Promise.race([k.kp.exited, sleep(4000).then(() => null)]);
    expect(st).not.toBeNull();
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(existsSync(ROOT)).toBe(true);
  });
});
