/**
 * Cells that rebind or patch the names the kernel itself uses: each is followed by a normal
 * cell, which must answer as usual (kernel/primordials.ts: the kernel's code holds the built-ins
 * it captured at start-up; the type checker runs with the built-ins' own methods).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ofType, resultText, startKernel, streamText, type RunningKernel } from "./support/kernel.js";

let k: RunningKernel;
beforeAll(async () => {
  k = await startKernel();
  await k.kc.execute("const base = 40;", { timeout: 120_000 });
});
afterAll(async () => {
  await k?.stop();
});

const hostile: string[] = [
  "let process = 5;",
  "class Promise {}",
  "console = null as any;",
  "let console = 3;",
  "let JSON = 1;",
  "const Map = 1, Set = 2;",
  "class Array {}",
  "(globalThis as any).JSON = null; (globalThis as any).Map = null;",
  'JSON.stringify = (() => { throw new Error("patched") }) as any;',
  'JSON.parse = (() => { throw new Error("patched") }) as any;',
  'Array.prototype.map = function () { throw new Error("patched map") } as any;',
];

it.each(hostile.map((code, i) => [code, i] as const))("after `%s` the kernel answers the next cell", async (code, i) => {
  const bad = await k.kc.execute(code, { timeout: 60_000 });
  expect(["ok", "error"]).toContain(bad.reply.content.status);
  const { reply, iopub } = await k.kc.execute(`base + ${i}`, { timeout: 60_000 });
  expect(reply.content.status).toBe("ok");
  expect(resultText(iopub)).toBe(String(40 + i));
  expect(k.kp.exitStatus()).toBeNull();
});

it("a top-level declaration hiding a built-in the type checker needs is refused, with the fix", async () => {
  const { reply } = await k.kc.execute("let JSON = 1;", { timeout: 60_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.evalue).toMatch(/declaration of `JSON` would hide the built-in .* use another name/);
  const inBlock = await k.kc.execute("(() => { let JSON = 1; return JSON + 1; })()", { timeout: 60_000 });
  expect(resultText(inBlock.iopub)).toBe("2");
});

it("the patches stay the cell's: its own code sees them", async () => {
  const { reply, iopub } = await k.kc.execute("[1, 2].map((x) => x)", { timeout: 60_000 });
  expect(reply.content.status).toBe("error");
  expect(reply.content.evalue).toBe("patched map");
  expect(iopub.length).toBeGreaterThan(0);
});

/**
 * Built-ins the kernel's own code (dispatcher, session, debugger bridge, thread messages) or Node's
 * event loop calls. Each: patch, then the kernel still answers (execute reply, the earlier
 * variables, an array's display, kernel_info), then the cell puts the original back so the next
 * case starts clean. Patches Node's event loop cannot live with are put back by the kernel, which
 * says so on the cell's stderr.
 */
describe("patched built-ins of the kernel's paths", () => {
  const cases: { patch: string; restore: string; putBack?: string }[] = [
    { patch: "Array.prototype.push = null as any;", restore: "Array.prototype.push = saved.push;" },
    { patch: "Object.keys = () => [];", restore: "Object.keys = saved.keys;" },
    { patch: "(Symbol as any).for = null;", restore: "(Symbol as any).for = saved.symbolFor;" },
    { patch: "String.prototype.split = null as any;", restore: "String.prototype.split = saved.split;" },
    { patch: "String.prototype.replace = null as any;", restore: "String.prototype.replace = saved.replace;" },
    { patch: 'Promise.prototype.then = function () { throw new Error("patched then") } as any;', restore: "Promise.prototype.then = saved.then;" },
    { patch: "Function.prototype.call = null as any;", restore: "", putBack: "Function.prototype.call" },
    { patch: "Function.prototype.apply = null as any;", restore: "", putBack: "Function.prototype.apply" },
    { patch: "Array.prototype.pop = null as any;", restore: "", putBack: "Array.prototype.pop" },
    { patch: "(Array.prototype as any)[Symbol.iterator] = null;", restore: "", putBack: "Array.prototype[Symbol.iterator]" },
    { patch: "let setTimeout = 1;", restore: "let setTimeout = saved.setTimeout;" },
    { patch: "let Buffer = 1;", restore: "let Buffer = saved.Buffer;" },
    { patch: "let performance = 1;", restore: "let performance = saved.performance;" },
    { patch: 'JSON.stringify = (() => { throw new Error("patched") }) as any;', restore: "JSON.stringify = saved.stringify;" },
    { patch: "Map.prototype.get = () => undefined;", restore: "Map.prototype.get = saved.mapGet;" },
    { patch: "console.log = null as any;", restore: "console.log = saved.log;" },
    // The messages' bytes (kernel/transport/frames.ts, Node's own Buffer code): each of these hung the kernel for good
    { patch: "Uint8Array.prototype.set = null as any;", restore: "delete (Uint8Array.prototype as any).set;" },
    { patch: "(Buffer.prototype as any).set = null;", restore: "delete (Buffer.prototype as any).set;" },
    { patch: "Buffer.prototype.write = null as any;", restore: "Buffer.prototype.write = saved.bufWrite;" },
    { patch: "(Buffer.prototype as any).utf8Slice = null;", restore: "(Buffer.prototype as any).utf8Slice = saved.utf8Slice;" },
    { patch: "Buffer.prototype.readUInt32BE = null as any;", restore: "Buffer.prototype.readUInt32BE = saved.readUInt32BE;" },
    { patch: "Buffer.from = null as any; Buffer.allocUnsafe = null as any; Buffer.byteLength = null as any;", restore: "Buffer.from = saved.bufFrom; Buffer.allocUnsafe = saved.allocUnsafe; Buffer.byteLength = saved.byteLength;" },
    // TypeScript's scanner reads the cell for NumPy's `//` and `@`: it failed every later cell
    { patch: "String.prototype.charCodeAt = null as any;", restore: "String.prototype.charCodeAt = saved.charCodeAt;" },
    // Found by a sweep over every own property of the built-ins (null, a throwing function, a logging wrapper):
    // the kernel's own collections (a cell's source map is kept in a Map outside any window: every later
    // cell, its restore too, failed with "the kernel failed"; display handles in a WeakSet: every display)
    { patch: "Map.prototype.set = null as any;", restore: "Map.prototype.set = saved.mapSet;" },
    { patch: 'Map.prototype.set = function () { throw new Error("patched set") } as any;', restore: "Map.prototype.set = saved.mapSet;" },
    { patch: "WeakSet.prototype.has = null as any;", restore: "WeakSet.prototype.has = saved.weakSetHas;" },
    // Node's streams call it for the messages' writes: the patching cell never got its reply
    { patch: '(await import("node:events")).EventEmitter.prototype.listenerCount = null as any;', restore: "", putBack: "EventEmitter.prototype.listenerCount" },
    // Iterators' `next`: the kernel iterates its maps outside any window, and the cell's mappings in one
    { patch: "Object.getPrototypeOf(new Map().keys()).next = null;", restore: "Object.getPrototypeOf(new Map().keys()).next = saved.mapIteratorNext;" },
    { patch: "Object.getPrototypeOf(\"\"[Symbol.iterator]()).next = null;", restore: "Object.getPrototypeOf(\"\"[Symbol.iterator]()).next = saved.stringIteratorNext;" },
    { patch: '(await import("node:stream")).Readable.prototype.push = null as any;', restore: "", putBack: "Readable.prototype.push" },
    // Node's Buffer.isBuffer (`instanceof Buffer`) on every stream write: hung; what process.emit reads first: the process ended
    { patch: "(Buffer as any).prototype = null;", restore: "", putBack: "Buffer.prototype" },
    { patch: "(process as any)._events = null;", restore: "", putBack: "process._events" },
  ];

  let kk: RunningKernel; // its own kernel: the cases above left JSON, console and Array.prototype.map patched
  beforeAll(async () => {
    kk = await startKernel();
    await kk.kc.execute("const base = 40;", { timeout: 120_000 });
    const save =
      "const arr = np.arange(3); const saved = { push: Array.prototype.push, keys: Object.keys, symbolFor: Symbol.for, split: String.prototype.split, " +
      "replace: String.prototype.replace, then: Promise.prototype.then, setTimeout, Buffer, performance, stringify: JSON.stringify, mapGet: Map.prototype.get, log: console.log, " +
      "bufWrite: Buffer.prototype.write, utf8Slice: (Buffer.prototype as any).utf8Slice, readUInt32BE: Buffer.prototype.readUInt32BE, bufFrom: Buffer.from, allocUnsafe: Buffer.allocUnsafe, " +
      "byteLength: Buffer.byteLength, charCodeAt: String.prototype.charCodeAt, mapSet: Map.prototype.set, weakSetHas: WeakSet.prototype.has, " +
      'mapIteratorNext: Object.getPrototypeOf(new Map().keys()).next, stringIteratorNext: Object.getPrototypeOf(""[Symbol.iterator]()).next };';
    const { reply } = await kk.kc.execute(save, { timeout: 60_000 });
    expect(reply.content.status).toBe("ok");
  });
  afterAll(async () => {
    await kk?.stop();
  });

  it.each(cases.map((c, i) => [c.patch, c, i] as const))("after `%s` the kernel answers, variables intact", async (_label, c, i) => {
    const bad = await kk.kc.execute(c.patch, { timeout: 20_000 });
    expect(["ok", "error"]).toContain(bad.reply.content.status);
    if (c.putBack) expect(streamText(bad.iopub, "stderr")).toContain(`${c.putBack} was put back: Node's own event loop calls it`);
    // Sent together, the first busy for a while: the second and third wait in the dispatcher's
    // queue, so their handling starts from a continuation of the first's, not from their arrival.
    const busy = `{ const t0 = Date.now(); while (Date.now() - t0 < 150) {} } base + ${100 + i}`;
    const [next, shown, completed] = await Promise.all([
      kk.kc.execute(busy, { timeout: 20_000 }),
      kk.kc.execute("arr", { timeout: 20_000 }),
      kk.kc.settle<{ matches: string[] }>("shell", "complete_request", { code: "ar", cursor_pos: 2 }, { timeout: 20_000 }),
    ]);
    expect(completed.reply.content.matches).toContain("arr");
    expect(next.reply.content.status).toBe("ok");
    expect(resultText(next.iopub)).toBe(String(140 + i));
    expect(shown.reply.content.status).toBe("ok");
    expect(resultText(shown.iopub)).toBe("array([0, 1, 2])");
    expect(ofType(shown.iopub, "execute_result")[0].content.data).toHaveProperty("text/html");
    expect((await kk.kc.kernelInfo(20_000)).content.status).toBe("ok");
    if (c.restore) expect((await kk.kc.execute(c.restore, { timeout: 20_000 })).reply.content.status).toBe("ok");
    expect(kk.kp.exitStatus()).toBeNull();
  });

  it("with all of them patched at once, an interrupt, output and shutdown still work", async () => {
    const k2 = await startKernel();
    try {
      await k2.kc.execute("const kept = 7;", { timeout: 120_000 });
      const all = cases.map((c) => c.patch).join("\n");
      expect(["ok", "error"]).toContain((await k2.kc.execute(all, { timeout: 20_000 })).reply.content.status);
      const r = await k2.kc.execute("kept * 6", { timeout: 20_000 });
      expect(resultText(r.iopub)).toBe("42");
      const out = await k2.kc.execute('process.stdout.write("still here\\n")', { timeout: 20_000 });
      expect(streamText(out.iopub, "stdout")).toBe("still here\n");
      const spinning = k2.kc.execute("while (true) {}", { timeout: 20_000 });
      await new Promise((res) => setTimeout(res, 500));
      await k2.kc.interrupt(10_000);
      const stopped = await spinning;
      expect(stopped.reply.content.status).toBe("error");
      expect(stopped.reply.content.ename).toBe("KeyboardInterrupt");
      expect(resultText((await k2.kc.execute("kept + 1", { timeout: 20_000 })).iopub)).toBe("8");
      const down = await k2.kc.shutdown(false, 10_000);
      expect(down.content.status).toBe("ok");
      const status = await Promise.race([k2.kp.exited, new Promise((res) => setTimeout(() => res(null), 10_000))]);
      expect(status).toEqual({ code: 0, signal: null });
    } finally {
      await k2.stop();
    }
  });
});

/**
 * Kernel code that runs outside any window, between cells: a timer's late output (its message
 * was stopped part-way by a patched Buffer method: lost, an "uncaught exception" instead) and the
 * kernel's own listeners for uncaught exceptions and unhandled rejections (they read the error's
 * stack, which calls a cell's Error.prepareStackTrace: one that threw ended the process).
 */
describe("patched built-ins when kernel code runs between cells", () => {
  let k3: RunningKernel;
  beforeAll(async () => {
    k3 = await startKernel();
    await k3.kc.execute("const kept = 7;", { timeout: 120_000 });
  });
  afterAll(async () => {
    await k3?.stop();
  });

  it("a timer's output arrives whole with the typed arrays' and Buffer's methods patched", async () => {
    const patch = "(Object.getPrototypeOf(Uint8Array.prototype) as any).set = null; (Buffer.prototype as any).utf8Write = null; Buffer.prototype.writeUInt32BE = null as any;";
    const { reply, iopub } = await k3.kc.execute(`${patch} setTimeout(() => console.log("late line"), 50); await new Promise((r) => setTimeout(r, 400)); kept`, { timeout: 20_000 });
    expect(reply.content.status).toBe("ok");
    expect(streamText(iopub, "stdout")).toBe("late line\n");
    expect(streamText(iopub, "stderr")).toBe("");
    const next = await k3.kc.execute("kept + 1", { timeout: 20_000 });
    expect(resultText(next.iopub)).toBe("8");
  });

  it("an Error.prepareStackTrace that throws, then a timer's throw and an unhandled rejection: both reported, the process lives", async () => {
    const cell =
      'Error.prepareStackTrace = () => { throw new Error("prepareStackTrace threw") }; ' +
      'setTimeout(() => { throw new Error("boom") }, 10); Promise.reject(new Error("rejected")); await new Promise((r) => setTimeout(r, 400)); kept * 2';
    const { reply, iopub } = await k3.kc.execute(cell, { timeout: 20_000 });
    expect(reply.content.status).toBe("ok");
    expect(resultText(iopub)).toBe("14");
    const err = streamText(iopub, "stderr");
    expect(err).toContain("Uncaught exception: Error: boom");
    expect(err).toContain("Unhandled promise rejection: Error: rejected");
    const next = await k3.kc.execute("kept + 2", { timeout: 20_000 });
    expect(resultText(next.iopub)).toBe("9");
    expect(k3.kp.exitStatus()).toBeNull();
  });
});
