/**
 * The same debugging session, request for request, against this kernel and against Debian's
 * ipykernel (with debugpy), the reference JupyterLab's debugger is written against: every reply
 * and event must have the shape ipykernel's has (every key ipykernel sends, with the same JSON
 * type; extra keys are allowed). The cell is the same function in TypeScript and in Python, on
 * the same lines, so lines and frame names are compared too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KernelClient, launchKernel, type KernelProcess } from "../../kernel/client/index.js";
import { DebugDriver, INITIALIZE_ARGS, missingShape, type DapEventMsg, type DapReply } from "./support/debug.js";
import { startKernel, type RunningKernel } from "./support/kernel.js";
import { missingPythonModules, PYTHON, requirement } from "../support/requirements.js";

const hasIpykernel = requirement(missingPythonModules(["ipykernel", "debugpy"]), "the debugger compared with ipykernel's (python3-ipykernel, python3-debugpy)");

const TS_CELL = ["function f(a: number, b: number) {", "  const c = a + b;", "  return c;", "}", "", "f(2, 3)"].join("\n");
const PY_CELL = ["def f(a, b):", "    c = a + b", "    return c", "", "", "f(2, 3)"].join("\n");
const TS_GLOBALS = 'const text = "Hello";\nconst xs = [1, 2, 3];';
const PY_GLOBALS = 'text = "Hello"\nxs = [1, 2, 3]';

/** One step of the session: its name and what came back. */
type Step = { name: string; content: DapReply | DapEventMsg };

/** The sequence of ipykernel's test_debugger.py, as JupyterLab sends it. */
async function session(kc: KernelClient, cell: string, globals: string): Promise<Step[]> {
  const dbg = new DebugDriver(kc);
  const steps: Step[] = [];
  const req = async (name: string, args: Record<string, unknown> = {}): Promise<DapReply> => {
    const r = await dbg.request(name, args);
    steps.push({ name, content: r });
    return r;
  };
  const ev = async (name: string): Promise<DapEventMsg> => {
    const e = await dbg.event(name, 30_000);
    steps.push({ name: `event ${name}`, content: e });
    return e;
  };
  try {
    await req("debugInfo"); // JupyterLab asks first, on connecting
    await req("initialize", INITIALIZE_ARGS);
    await req("attach");
    const dumped = await req("dumpCell", { code: cell });
    const source = dumped.body?.sourcePath as string;
    await req("setBreakpoints", { breakpoints: [{ line: 2 }], source: { path: source }, sourceModified: false });
    await req("debugInfo");
    await req("configurationDone");
    await req("setExceptionBreakpoints", { filters: [] });
    const run = kc.execute(cell, { timeout: 60_000 });
    await ev("stopped");
    await req("threads");
    const st = await req("stackTrace", { threadId: 1 });
    const frameId = (st.body?.stackFrames as { id: number }[])[0].id;
    const scopes = await req("scopes", { frameId });
    const locals = (scopes.body?.scopes as { variablesReference: number }[])[0].variablesReference;
    await req("variables", { variablesReference: locals });
    await req("evaluate", { expression: "a + 10", frameId, context: "watch" });
    await req("richInspectVariables", { variableName: "a", frameId });
    await req("next", { threadId: 1 });
    await ev("continued");
    await ev("stopped");
    await req("continue", { threadId: 1 });
    await ev("continued");
    await run;
    await kc.execute(globals);
    await req("inspectVariables");
    await req("richInspectVariables", { variableName: "text" });
    await req("source", { source: { path: source } });
    await req("disconnect", { restart: false, terminateDebuggee: true });
    return steps;
  } finally {
    dbg.close();
  }
}

/** Keys ipykernel sends that this kernel deliberately leaves out or names otherwise (each with its reason). */
const ALLOWED: Record<string, RegExp> = {
  // ipykernel's richInspectVariables reply says "sequence_seq" (a typo for request_seq) and its
  // command "evaluate" when stopped (the request it forwarded); we answer request_seq and the command asked.
  richInspectVariables: /^\$\.sequence_seq: missing$/,
  // debugpy's capabilities: we advertise only what we do (no completions, goto, logpoints, ...).
  initialize: /^\$\.body\.supports\w+: missing$/,
  // ipykernel's inspectVariables lists debugpy's "special variables"/"function variables" groups first.
  inspectVariables: /^\$\.body\.variables\[0\]\.presentationHint: missing$/,
};

describe.skipIf(!hasIpykernel)("the debugger against ipykernel's, request for request", () => {
  let ours: RunningKernel;
  let ipy: { kp: KernelProcess; kc: KernelClient };
  let oursSteps: Step[];
  let ipySteps: Step[];

  beforeAll(async () => {
    ours = await startKernel();
    const kp = await launchKernel({
      argv: [PYTHON, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    });
    const kc = await KernelClient.connect(kp.connection);
    await kc.waitForReady(60_000);
    ipy = { kp, kc };
    [oursSteps, ipySteps] = await Promise.all([session(ours.kc, TS_CELL, TS_GLOBALS), session(ipy.kc, PY_CELL, PY_GLOBALS)]);
  }, 120_000);

  afterAll(async () => {
    await ours?.stop();
    if (ipy) {
      await ipy.kc.shutdown(false, 3000).catch(() => undefined);
      ipy.kc.close();
      await ipy.kp.kill();
    }
  });

  it("both kernels answered every step of the sequence, in the same order, successfully", () => {
    expect(oursSteps.map((s) => s.name)).toEqual(ipySteps.map((s) => s.name));
    for (const s of oursSteps) if ("success" in s.content) expect(s.content.success, `${s.name}: ${(s.content as DapReply).message ?? ""}`).toBe(true);
  });

  it("every reply and event has the shape of ipykernel's (every key, same JSON type)", () => {
    const problems: string[] = [];
    ipySteps.forEach((ref, i) => {
      const mine = oursSteps[i];
      const allowed = ALLOWED[ref.name];
      for (const p of missingShape(ref.content, mine.content)) if (!allowed?.test(p)) problems.push(`${ref.name}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it("the same lines and frame names: stopped at line 2 in f, stepped to line 3, <module> below", () => {
    const frames = (steps: Step[]) =>
      steps.filter((s) => s.name === "stackTrace").map((s) => ((s.content as DapReply).body?.stackFrames as { name: string; line: number }[]).map((f) => [f.name, f.line]));
    expect(frames(oursSteps)).toEqual(frames(ipySteps));
    expect(frames(oursSteps)).toEqual([[["f", 2], ["<module>", 6]]]);
    const reasons = (steps: Step[]) => steps.filter((s) => s.name === "event stopped").map((s) => (s.content as DapEventMsg).body.reason);
    expect(reasons(oursSteps)).toEqual(reasons(ipySteps));
  });

  it("the same values: locals a=2 and b=3, a + 10 is 12, the rich view of a is 2", () => {
    const pick = (steps: Step[], name: string) => steps.filter((s) => s.name === name).map((s) => (s.content as DapReply).body);
    const locals = (steps: Step[]) => (pick(steps, "variables")[0]?.variables as { name: string; value: string }[]).filter((v) => v.name === "a" || v.name === "b").map((v) => [v.name, v.value]);
    expect(locals(oursSteps)).toEqual(locals(ipySteps));
    expect(pick(oursSteps, "evaluate")[0]?.result).toBe(pick(ipySteps, "evaluate")[0]?.result);
    expect(pick(oursSteps, "richInspectVariables")[0]?.data).toEqual(pick(ipySteps, "richInspectVariables")[0]?.data);
    const names = (steps: Step[]) => (pick(steps, "inspectVariables")[0]?.variables as { name: string }[]).map((v) => v.name).filter((n) => n === "text" || n === "xs");
    expect(names(oursSteps)).toEqual(names(ipySteps));
  });
});
