/**
 * Cells a hostile student writes, all in one kernel (each case costs a few cells, not a kernel):
 * patches of the built-ins Node's event loop calls made LATER than the cell's synchronous part
 * (a timer between cells, a promise continuation, a patch that then throws), `e.stack` read by
 * the cell itself, inherited setters and `then` on Object.prototype, a `process` that throws,
 * a throwing Error.prepareStackTrace, a stack overflow, an impossible allocation. After each: a
 * clear message, the kernel answers, every variable is kept (kernel/session/run/node-guard.ts,
 * run/cell-stacks.ts, primordials.ts).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Message } from "../../kernel/client/index.js";
import { ofType, resultText, sleep, startKernel, streamText, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
/** Every stderr stream text by the msg_id of the request it belongs to (late output included). */
const stderrBy = new Map<string, string>();
beforeAll(async () => {
  k = await startKernel();
  k.kc.onIopub((m: Message) => {
    const c = m.content as { name?: string; text?: string };
    if (m.header.msg_type !== "stream" || c.name !== "stderr") return;
    const parent = (m.parent_header as { msg_id?: string }).msg_id ?? "";
    stderrBy.set(parent, (stderrBy.get(parent) ?? "") + (c.text ?? ""));
  });
  const decl = await k.kc.execute("const kept = 41; const arr = np.arange(12);", { timeout: 120_000 });
  expect(decl.reply.content.status).toBe("ok");
});
afterAll(async () => {
  await k?.stop();
});

async function run(code: string): Promise<Awaited<ReturnType<RunningKernel["kc"]["execute"]>>> {
  return k.kc.execute(code, { timeout: 30_000 });
}

/** The kernel answers a cell, a display and kernel_info, with the variables of the first cell. */
async function expectAlive(): Promise<void> {
  expect(k.kp.exitStatus()).toBeNull();
  const next = await run("kept + 1");
  expect(next.reply.content.status).toBe("ok");
  expect(resultText(next.iopub)).toBe("42");
  const shown = await run("arr.reshape(3, 4).sum()");
  expect(resultText(shown.iopub)).toBe("66");
  expect((await k.kc.kernelInfo(10_000)).content.status).toBe("ok");
}

it("a timer patching Function.prototype.apply and Array.prototype.pop between cells: put back, said on that cell's stderr", async () => {
  const patch = await run("setTimeout(() => { Function.prototype.apply = null as any; (Array.prototype as any).pop = 1; }, 20); 0");
  expect(patch.reply.content.status).toBe("ok");
  await sleep(300); // the timer fires while no cell runs
  await expectAlive();
  expect(stderrBy.get(patch.reply.parent_header.msg_id as string) ?? "").toContain(
    "Function.prototype.apply, Array.prototype.pop were put back: Node's own event loop calls them for every callback",
  );
});

it("a promise continuation, an immediate, a tick and a microtask patching bind, call, iteration; a timer that patches then throws", async () => {
  const code = [
    "new Promise((r) => setTimeout(r, 20)).then(() => { (Function.prototype as any).bind = null; (Array.prototype as any)[Symbol.iterator] = null; });",
    "setImmediate(() => { (Function.prototype as any).call = 5; });",
    "process.nextTick(() => { (Object.getPrototypeOf([][Symbol.iterator]()) as any).next = null; });",
    "queueMicrotask(() => { (Function.prototype as any).apply = 1; });",
    'setTimeout(() => { (Array.prototype as any).pop = null; throw new Error("after the patch"); }, 40);',
    "0",
  ].join("\n");
  const patch = await run(code);
  expect(patch.reply.content.status).toBe("ok");
  await sleep(300);
  await expectAlive();
  const said = stderrBy.get(patch.reply.parent_header.msg_id as string) ?? "";
  for (const name of ["Function.prototype.bind", "Array.prototype[Symbol.iterator]", "Function.prototype.call", "%ArrayIteratorPrototype%.next", "Function.prototype.apply", "Array.prototype.pop"]) {
    expect(said).toContain(name);
  }
  expect(said).toContain("Uncaught exception: Error: after the patch");
});

it("e.stack read inside a cell shows the traceback's frames: the runtime function, the cell's line, no runtime file", async () => {
  const r = await run('let caught: any;\ntry { arr.reshape(5); } catch (e) { caught = e; }\nconsole.log(caught); console.log(String(caught.stack)); caught.stack');
  expect(r.reply.content.status).toBe("ok");
  const expected = "ValueError: cannot reshape array of size 12 into shape (5,)\n    at NDArray.reshape (strided runtime)\n    at <cell> (Cell [";
  expect(resultText(r.iopub)).toContain("at NDArray.reshape (strided runtime)");
  const out = streamText(r.iopub, "stdout");
  expect(out.startsWith(expected)).toBe(true);
  expect(out).toMatch(/Cell \[\d+\], line 2, column \d+\)\nValueError/);
  expect(out + resultText(r.iopub)).not.toMatch(/dist\/runtime|\.js:\d+|node:inspector|kernel\/session/);
  // A cell's own formatter still gets V8's call sites; assigning back the one it read restores the kernel's.
  const own = await run("const before = (Error as any).prepareStackTrace; (Error as any).prepareStackTrace = (_: any, s: any) => s; const sites = (new Error() as any).stack; (Error as any).prepareStackTrace = before; [Array.isArray(sites), typeof sites[0].getFileName, String(new Error(\"x\").stack).includes(\"line 1\")]");
  expect(resultText(own.iopub)).toBe("[ true, 'function', true ]");
});

it("Error.prepareStackTrace that throws and a patched Error.captureStackTrace: the kernel's traceback is still right", async () => {
  await run('(Error as any).prepareStackTrace = () => { throw new Error("bad formatter"); }; (Error as any).captureStackTrace = () => { throw new Error("bad capture"); }; 0');
  const r = await run("arr.reshape(7)");
  expect(r.reply.content.status).toBe("error");
  expect(r.reply.content.ename).toBe("ValueError");
  expect(r.reply.content.evalue).toBe("cannot reshape array of size 12 into shape (7,)");
  expect((r.reply.content.traceback ?? []).slice(1)).toEqual([expect.stringContaining("at NDArray.reshape (strided runtime)"), expect.stringMatching(/at <cell> \(Cell \[\d+\], line 1, column \d+\)/)]);
  await run("(Error as any).prepareStackTrace = undefined; delete (Error as any).captureStackTrace; 0");
  await expectAlive();
});

it("setters and getters on Object.prototype named like message fields and TypeScript's own fields", async () => {
  const names = ["header", "content", "parent_header", "metadata", "msg_type", "buffers", "data", "status", "execution_count", "name", "text", "kind", "flags"];
  const patch = await run(`for (const k of ${JSON.stringify(names)}) Object.defineProperty(Object.prototype, k, { get() { throw new Error("getter " + k); }, set(v) { throw new Error("setter " + k); }, configurable: true }); 0`);
  expect(patch.reply.content.status).toBe("ok");
  await expectAlive();
  const out = await run('console.log("still printing"); np.arange(3)');
  expect(streamText(out.iopub, "stdout")).toBe("still printing\n");
  expect(ofType(out.iopub, "execute_result")[0].content.data).toHaveProperty("text/html");
  expect((await run(`for (const k of ${JSON.stringify(names)}) delete (Object.prototype as any)[k]; 0`)).reply.content.status).toBe("ok");
});

it("a `then` on Object.prototype is taken off (every object would be a thenable), with the reason", async () => {
  const r = await run('Object.defineProperty(Object.prototype, "then", { get() { return (res: (v: number) => void) => res(42); }, configurable: true }); 0');
  expect(r.reply.content.status).toBe("ok");
  expect(streamText(r.iopub, "stderr")).toContain("Object.prototype.then was removed: it makes every object a thenable");
  const late = await run("setTimeout(() => { (Object.prototype as any).then = (res: (v: number) => void) => res(1); }, 20); 0");
  await sleep(200);
  await expectAlive();
  expect(stderrBy.get(late.reply.parent_header.msg_id as string) ?? "").toContain("Object.prototype.then was removed");
});

it("a `process` global that throws when read", async () => {
  const r = await run('const realProcess = process; Object.defineProperty(globalThis, "process", { get() { throw new Error("no process"); }, configurable: true }); 0');
  expect(r.reply.content.status).toBe("ok");
  await expectAlive();
  const out = await run('console.log("out"); 1');
  expect(streamText(out.iopub, "stdout")).toBe("out\n");
  expect((await run('Object.defineProperty(globalThis, "process", { value: realProcess, configurable: true, writable: true }); 0')).reply.content.status).toBe("ok");
});

it("a stack overflow folds its repeated frames as Python does; np.zeros(1e12) says what it cannot allocate", async () => {
  const deep = await run("function down(n: number): number { return down(n + 1) + 1; }\ndown(0)");
  expect(deep.reply.content.ename).toBe("RangeError");
  const tb = deep.reply.content.traceback as string[];
  expect(tb.filter((l) => l.includes("at down (Cell")).length).toBeLessThanOrEqual(4);
  expect(tb.some((l) => /^ {4}\[Previous line repeated \d+ more times\]$/.test(l))).toBe(true);
  const huge = await run("np.zeros(1e12)");
  expect(huge.reply.content.ename).toBe("MemoryError");
  expect(huge.reply.content.evalue).toBe("Unable to allocate 7.28 TiB for an array with shape (1000000000000,) and data type float64");
  await expectAlive();
});

it("a pending promise or a timer as a cell's result shows no kernel object (the cell context's store is not enumerable)", async () => {
  for (const code of ["new Promise((r) => setTimeout(r, 10))", "setTimeout(() => {}, 10)"]) {
    const r = await run(code);
    expect(r.reply.content.status).toBe("ok");
    const text = resultText(r.iopub) ?? "";
    expect(text).toMatch(/^(Promise \{|Timeout \{)/);
    expect(text).not.toMatch(/kResourceStore|RequestPublisher|Dispatcher|io:/);
  }
  const late = await run('setTimeout(() => console.log("late"), 20); await new Promise((r) => setTimeout(r, 60)); 1');
  expect(streamText(late.iopub, "stdout")).toBe("late\n");
});

it("EventEmitter's methods, the thread port's postMessage, process.emit/nextTick set to null (in the cell or a timer): put back; __strided__ deleted: put back", async () => {
  const now = await run('import { EventEmitter } from "node:events"; import { MessagePort } from "node:worker_threads";\nEventEmitter.prototype.emit = null as any; (MessagePort.prototype as any).postMessage = null; process.nextTick = null as any; (process as any).emit = 1; 0');
  expect(now.reply.content.status).toBe("ok");
  const said = streamText(now.iopub, "stderr");
  for (const name of ["EventEmitter.prototype.emit", "MessagePort.prototype.postMessage", "process.nextTick", "process.emit"]) expect(said).toContain(name);
  await expectAlive();
  const late = await run("setTimeout(() => { (EventEmitter.prototype as any).on = null; (MessagePort.prototype as any).postMessage = null; }, 20); 0");
  await sleep(200);
  await expectAlive();
  expect(stderrBy.get(late.reply.parent_header.msg_id as string) ?? "").toContain("EventEmitter.prototype.on, MessagePort.prototype.postMessage were put back");
  const gone = await run("delete (globalThis as any).__strided__; 0");
  expect(gone.reply.content.ename).toBe("ReferenceError");
  await expectAlive();
});

it("thrown values that fight back (a throwing message getter, a proxy, a throwing toString): an error reply, never a hang", async () => {
  const getter = await run('const bad = new Error("m"); Object.defineProperty(bad, "message", { get() { throw new Error("message getter"); } }); throw bad;');
  expect(getter.reply.content.status).toBe("error");
  expect(getter.reply.content.evalue).toBe("<reading the error's message threw: message getter>");
  const proxy = await run('throw new Proxy({}, { get() { throw new Error("proxy trap"); }, getPrototypeOf() { throw new Error("proto trap"); }, has() { throw new Error("has trap"); } });');
  expect(proxy.reply.content.status).toBe("error");
  const prim = await run('throw { toString() { throw new Error("toString"); }, [Symbol.toPrimitive]() { throw new Error("prim"); } };');
  expect(prim.reply.content.status).toBe("error");
  expect(prim.reply.content.ename).toBe("Uncaught Object");
  await expectAlive();
});

it("a Promise[Symbol.species] or Array[Symbol.species] getter that throws: put back, later cells work", async () => {
  const r = await run('Object.defineProperty(Array, Symbol.species, { get() { throw new Error("species"); }, configurable: true });\nObject.defineProperty(Promise, Symbol.species, { get() { throw new Error("species"); }, configurable: true }); 0');
  expect(streamText(r.iopub, "stderr")).toContain("Array[Symbol.species]");
  await expectAlive();
  const awaited = await run("await new Promise((r) => setTimeout(r, 10)); kept");
  expect(resultText(awaited.iopub)).toBe("41");
});

it("Promise[Symbol.species] or Promise.prototype.constructor replaced by something that makes no promises: a TypeError saying so (not V8's bare 'Inspector error -32603'), put back, variables kept", async () => {
  const cases: [string, string][] = [
    ["class NotAPromise {}\nObject.defineProperty(Promise, Symbol.species, { value: NotAPromise, configurable: true }); 1", "Promise[Symbol.species]"],
    ['Object.defineProperty(Promise, Symbol.species, { get() { throw new Error("species"); }, configurable: true }); 1', "Promise[Symbol.species]"],
    ['Object.defineProperty(Promise.prototype, "constructor", { value: 5, configurable: true, writable: true }); 1', "Promise.prototype.constructor"],
  ];
  for (const [code, name] of cases) {
    const r = await run(code);
    expect(r.reply.content.status).toBe("error");
    expect(r.reply.content.ename).toBe("TypeError");
    expect(r.reply.content.evalue).toContain(`this cell replaced ${name} with something that makes no promises`);
    expect(r.reply.content.evalue).toContain(`${name} was put back and every variable is kept`);
    expect(JSON.stringify(r.reply.content)).not.toContain("-32603");
    expect(streamText(r.iopub, "stderr")).toContain(`${name} was put back`);
    await expectAlive();
    expect(resultText((await run("await Promise.resolve(7)")).iopub)).toBe("7");
  }
  // A species that does make promises (a subclass) is the cell's own business: its result shows.
  const sub = await run("class P2<T> extends Promise<T> {}\nObject.defineProperty(Promise, Symbol.species, { value: P2, configurable: true }); [1].length");
  expect(sub.reply.content.status).toBe("ok");
  expect(resultText(sub.iopub)).toBe("1");
  await expectAlive();
});

it("console.log of a promise (alone, in an array, in an object) and of a timer shows what plain Node shows, without the kernel's async bookkeeping; Node still reads it", async () => {
  const r = await run(
    'const shown = Promise.resolve(1); const symbolsBefore = Object.getOwnPropertySymbols(shown).length;\nconsole.log(shown); console.log([Promise.resolve(2)], { p: new Promise(() => {}) });\nconst tm = setTimeout(() => {}, 100000); console.log(tm); clearTimeout(tm);\nObject.getOwnPropertySymbols(shown).length === symbolsBefore && symbolsBefore > 0',
  );
  expect(r.reply.content.status).toBe("ok");
  const out = streamText(r.iopub, "stdout");
  expect(out.startsWith("Promise { 1 }\n[ Promise { 2 } ] { p: Promise { <pending> } }\nTimeout {\n")).toBe(true);
  expect(out).toContain("[Symbol(asyncId)]"); // a timer's own ids, which plain Node shows too
  expect(out).not.toMatch(/kResourceStore|async_id_symbol|strided cell/);
  expect(resultText(r.iopub)).toBe("true");
  // A promise shown, then continued after its cell ended, still writes to its cell.
  let lateOut = "";
  const stop = k.kc.onIopub((m: Message) => {
    const c = m.content as { name?: string; text?: string };
    if (m.header.msg_type === "stream" && c.name === "stdout" && (m.parent_header as { msg_id?: string }).msg_id === lateId) lateOut += c.text ?? "";
  });
  let lateId = "";
  try {
    const late = await run('const slow = new Promise<void>((res) => setTimeout(res, 50)); console.log(slow); slow.then(() => console.log("late")); 0');
    lateId = late.reply.parent_header.msg_id as string;
    expect(streamText(late.iopub, "stdout")).toBe("Promise { <pending> }\n");
    await sleep(300);
    expect(lateOut).toBe("late\n");
  } finally {
    stop();
  }
  await expectAlive();
});
