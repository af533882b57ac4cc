/**
 * Kernel work that runs the notebook's code or types, stopped by an interrupt (issue 11; kernel/session/
 * run/interruptible.ts): a cell whose type check takes minutes, a cell result whose own toString,
 * display method or util.inspect.custom loops forever, a thrown Error whose message getter loops,
 * a user_expression that loops. Before, each left the kernel without replies for good (the agent
 * never terminates the kernel's own code), so only a restart, which loses every variable, helped.
 * Each case checks: KeyboardInterrupt within seconds, the process lives, a variable declared
 * before is intact, and the type checker still answers right afterwards.
 * Also: display bundles whose data JSON cannot carry give the result with a note, not an error reply.
 */
import { beforeAll, expect, it } from "vitest";
import { lateStderr, resultText, sleep, type RunningKernel } from "./support/kernel.js";
import { useLoggedKernel } from "./support/kept-kernel.js";
import { DebugDriver } from "./support/debug.js";

const kit = useLoggedKernel();
let k: RunningKernel;
beforeAll(() => {
  k = kit.kernel();
});
const expectAlive = kit.expectAlive;

/** Run `code`, interrupt it after `afterMs`; the reply, and how long the interrupt took to answer. */
async function interrupted(code: string, afterMs = 1500): Promise<{ content: Record<string, unknown>; ms: number }> {
  const run = k.kc.execute(code, { timeout: 60_000 });
  await sleep(afterMs);
  const t0 = Date.now();
  const r = await k.kc.interrupt(5000);
  expect(r.content.status).toBe("ok");
  const { reply } = await run;
  return { content: reply.content as unknown as Record<string, unknown>, ms: Date.now() - t0 };
}

/** Eight statements of ~1-3 s of checking each (a tuple type built one element at a time up to ~1,000). */
const SLOW_CHECK = [
  "type Grow<N extends number, A extends unknown[] = []> = A['length'] extends N ? A : Grow<N, [...A, A]>;",
  ...Array.from({ length: 8 }, (_, i) => `const grown${i}: Grow<${990 + i}> = null!;`),
  "kept",
].join("\n");

it("a cell whose type check runs for minutes: KeyboardInterrupt, nothing of it declared, the checker sound afterwards", async () => {
  const { content, ms } = await interrupted(SLOW_CHECK, 2000);
  expect(content.status).toBe("error");
  expect(content.ename).toBe("KeyboardInterrupt");
  expect(String(content.evalue)).toContain("while its types were checked");
  expect(ms).toBeLessThan(5000);
  await expectAlive();
  // Nothing of the interrupted cell was recorded: its names are unknown to the checker.
  const g = await k.kc.execute("grown0");
  expect(g.reply.content.status).toBe("error");
  expect(String(g.reply.content.evalue)).toContain("Cannot find name 'grown0'");
  // The checker that was stopped part-way is gone: types resolve and errors are found as usual.
  const ok = await k.kc.execute("type Pair<T> = [T, T]; const p: Pair<number> = [kept, 2]; p[0] + p[1]");
  expect(ok.reply.content.status).toBe("ok");
  expect(resultText(ok.iopub)).toBe("43");
  const bad = await k.kc.execute("const q: Pair<string> = [kept, 'x'];");
  expect(bad.reply.content.status).toBe("error");
  expect(String(bad.reply.content.evalue)).toContain("Type 'number' is not assignable to type 'string'");
  const c = await k.kc.request<{ matches: string[] }>("shell", "complete_request", { code: "p.", cursor_pos: 2 });
  expect(c.content.matches).toContain("length");
});

it.each([
  ["its own toString", "({ toString() { while (true) {} return ''; } })"],
  ["its Jupyter.display method", "({ [Symbol.for('Jupyter.display')]() { while (true) {} } })"],
  ["its util.inspect.custom method", "({ [Symbol.for('nodejs.util.inspect.custom')]() { while (true) {} } })"],
  ["a toJSON inside the bundle its display method returns", "({ [Symbol.for('Jupyter.display')]() { return { 'application/json': { toJSON() { while (true) {} } } }; } })"],
])("a cell result that loops in %s: KeyboardInterrupt, state kept", async (_what, code) => {
  const { content, ms } = await interrupted(code);
  expect(content.status).toBe("error");
  expect(content.ename).toBe("KeyboardInterrupt");
  expect(String(content.evalue)).toContain("could not be shown");
  expect(ms).toBeLessThan(5000);
  await expectAlive();
});

it.each([
  ["an Error whose message getter loops", "(() => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { while (true) {} } }); throw e; })()"],
  ["a Proxy whose getPrototypeOf trap loops", "throw new Proxy({}, { getPrototypeOf() { while (true) {} } })"],
])("a cell that throws %s: KeyboardInterrupt, state kept", async (_what, code) => {
  const { content, ms } = await interrupted(code);
  expect(content.status).toBe("error");
  expect(content.ename).toBe("KeyboardInterrupt");
  expect(ms).toBeLessThan(8000); // the agent signals again after its one-second wait
  await expectAlive();
});

it("user_expressions that loop, in the expression or in its display: KeyboardInterrupt each, the others answered", async () => {
  const run = k.kc.execute("kept", {
    timeout: 60_000,
    user_expressions: { spin: "(() => { while (true) {} })()", fine: "kept + 1", shown: "({ toString() { while (true) {} return ''; } })" },
  });
  await sleep(1500);
  await k.kc.interrupt(5000);
  await sleep(1500);
  await k.kc.interrupt(5000);
  const { reply } = await run;
  const ue = reply.content.user_expressions as Record<string, { status: string; ename?: string; data?: Record<string, unknown> }>;
  expect(ue.spin.status).toBe("error");
  expect(ue.spin.ename).toBe("KeyboardInterrupt");
  expect(ue.fine).toMatchObject({ status: "ok", data: { "text/plain": "42" } });
  expect(ue.shown.status).toBe("error");
  expect(ue.shown.ename).toBe("KeyboardInterrupt");
  await expectAlive();
});

it("display data that JSON cannot carry (a cycle, a BigInt, a throwing toJSON): the result with a note, not a failed execute", async () => {
  const cases: [string, string, string][] = [
    ["application/json", "(() => { const a: any = {}; a.self = a; return a; })()", "application/json: Converting circular structure to JSON"],
    ["text/plain", "12n as any", "text/plain: Do not know how to serialize a BigInt"],
    ["text/html", "{ toJSON() { throw new Error('no json'); } }", "text/html: no json"],
  ];
  for (const [mime, data, note] of cases) {
    const r = await k.kc.execute(`({ [Symbol.for('Jupyter.display')]() { return { ${JSON.stringify(mime)}: ${data}, 'text/markdown': '*kept*' }; } })`);
    expect(r.reply.content.status).toBe("ok");
    const result = r.iopub.find((m) => m.header.msg_type === "execute_result");
    const bundle = (result?.content as { data: Record<string, unknown> } | undefined)?.data ?? {};
    expect(bundle["text/markdown"]).toBe("*kept*");
    expect(String(bundle["text/plain"])).toContain(`<display failed: ${note}`);
    if (mime !== "text/plain") expect(bundle[mime]).toBeUndefined();
  }
  await expectAlive();
});

it("the debugger's rich view of a variable whose toString loops (richInspectVariables): an interrupt ends it with a failed response, state kept", async () => {
  expect((await k.kc.execute("const loopsWhenShown = { toString() { while (true) {} return ''; } };")).reply.content.status).toBe("ok");
  const dbg = new DebugDriver(k.kc);
  try {
    await dbg.start();
    const rich = dbg.request("richInspectVariables", { variableName: "loopsWhenShown" }, 30_000);
    await sleep(1500);
    await k.kc.interrupt(5000);
    const r = await rich;
    expect(r.success).toBe(false);
    expect(r.message).toContain("KeyboardInterrupt");
    await dbg.request("disconnect", { restart: false, terminateDebuggee: true });
  } finally {
    dbg.close();
  }
  await expectAlive();
});

it.each([
  ["a timer callback throws an Error whose message getter loops", "setTimeout(() => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { while (true) {} } }); throw e; }, 10); 1", "Uncaught exception"],
  ["a promise is rejected with such an Error", "Promise.reject(Object.defineProperty(new Error('y'), 'message', { get() { while (true) {} } })); 1", "Unhandled promise rejection"],
])("after its cell ended, %s: an interrupt stops the kernel reading it, the cell's stderr says so, state kept", async (_what, code, said) => {
  const r = await k.kc.execute(code);
  expect(r.reply.content.status).toBe("ok");
  const late = lateStderr(k.kc, r.reply.parent_header.msg_id as string);
  try {
    await sleep(1000);
    await k.kc.interrupt(5000);
    await expectAlive();
    expect(late.text()).toContain(`${said}: KeyboardInterrupt`);
  } finally {
    late.stop();
  }
});

it("display() from a timer after its cell ended, of a value whose toString loops: an interrupt stops it, the cell's stderr says so, state kept", async () => {
  const r = await k.kc.execute("setTimeout(() => display({ toString() { while (true) {} return ''; } }), 10); 1");
  expect(r.reply.content.status).toBe("ok");
  const late = lateStderr(k.kc, r.reply.parent_header.msg_id as string);
  try {
    await sleep(1000);
    await k.kc.interrupt(5000);
    await expectAlive();
    expect(late.text()).toContain("KeyboardInterrupt");
  } finally {
    late.stop();
  }
});

it("a cell that patches node:vm (runInThisContext, Script.prototype's run methods): later cells, their interrupts and user_expressions still work", async () => {
  const patch = await k.kc.execute(
    "import vmPatched from 'node:vm'; (vmPatched as any).runInThisContext = () => 1; (vmPatched as any).Script.prototype.runInThisContext = () => 1; (vmPatched as any).Script.prototype.runInContext = () => 1; 0",
  );
  expect(patch.reply.content.status).toBe("ok");
  await expectAlive();
  const ue = await k.kc.execute("0", { user_expressions: { x: "kept * 2" } });
  expect((ue.reply.content.user_expressions as Record<string, unknown>).x).toMatchObject({ status: "ok", data: { "text/plain": "82" } });
  const { content } = await interrupted("while (true) {}");
  expect(content.ename).toBe("KeyboardInterrupt");
  const shown = await interrupted("({ toString() { while (true) {} return ''; } })");
  expect(shown.content.ename).toBe("KeyboardInterrupt");
  await expectAlive();
});
