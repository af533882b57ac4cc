/**
 * The cell pipeline end to end, in process, with an in-memory Publisher: tables of cells ->
 * outcomes and streams. SIGINT and stray rejections are tested in a child process
 * (interrupt.test.ts), never in the test runner's own process.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCellSession, type StridedCellSession } from "../../../kernel/session/index.js";
import type { EvalOutcome } from "../../../kernel/session/contract.js";
import { MemoryPublisher, OPTS } from "./memory-publisher.js";

let session: StridedCellSession;

beforeAll(async () => {
  session = await createCellSession({ notebookDir: process.cwd() });
  await session.ready();
});

async function run(code: string, io = new MemoryPublisher(), opts = OPTS): Promise<{ r: EvalOutcome; io: MemoryPublisher }> {
  return { r: await session.execute(code, io, opts), io };
}

function ok(r: EvalOutcome): { hasValue: boolean; value: unknown } {
  if (r.status !== "ok") throw new Error(`expected ok, got ${r.ename}: ${r.evalue}\n${r.traceback.join("\n")}`);
  return r;
}

function err(r: EvalOutcome): { ename: string; evalue: string; traceback: string[] } {
  if (r.status !== "error") throw new Error(`expected an error, got ok ${String(r.value)}`);
  return r;
}

describe("values: the last expression statement", () => {
  it.each([
    ["1 + 2", true, 3],
    ["const q1 = 5", false, undefined],
    ["const q2 = 5; q2 * 2", true, 10],
    ["undefined", false, undefined],
    ["null", true, null],
    ["'s'.repeat(2)", true, "ss"],
    ["[1, 2].map((x) => x * 3)", true, [3, 6]],
    ["10n ** 3n", true, 1000n],
    ["if (true) { 4 }", false, undefined],
    ["function fq() { return 1 }", false, undefined],
    ["({ a: 1 })", true, { a: 1 }],
  ])("%s", async (code, hasValue, value) => {
    const o = ok((await run(code)).r);
    expect(o.hasValue).toBe(hasValue);
    expect(o.value).toEqual(value);
  });
});

describe("declarations persist across cells", () => {
  it("re-declared const gets the new value and the new type", async () => {
    ok((await run("const x = 1")).r);
    expect(ok((await run("x + 1")).r).value).toBe(2);
    ok((await run('const x = "text"')).r);
    expect(ok((await run("x.toUpperCase()")).r).value).toBe("TEXT");
    // the old type is gone: a number method on the string is a type error
    expect(err((await run("x.toFixed(2)")).r).evalue).toMatch(/TS2551|TS2339/);
  });

  it.each([
    ["function double(n: number) { return n * 2 }", "double(4)", 8],
    ["function pick<T>(xs: T[]): T { return xs[0] }", "pick(['a']).length", 1],
    ["class Pt { constructor(public x: number) {} norm() { return Math.abs(this.x) } }", "new Pt(-3).norm()", 3],
    ["interface Shape { w: number; h: number }", "const sh: Shape = { w: 2, h: 3 }; sh.w * sh.h", 6],
    ["type Pair = [number, string]", "const pr: Pair = [1, 'a']; pr[1]", "a"],
    ["enum Color { Red, Green }", "Color.Green", 1],
    ["let { lo, hi: [hi0] } = { lo: 1, hi: [2] }", "lo + hi0", 3],
    ["const arr0 = np.zeros([2, 3])", "arr0.shape", [2, 3]],
    ["const m = new Map<string, number[]>([['k', [1]]])", "m.get('k')!.length", 1],
    ["const pending = Promise.resolve(41)", "(await pending) + 1", 42],
    ["namespace Geo { export const unit = 2; export function twice(n: number) { return n * unit } }", "Geo.twice(Geo.unit)", 4],
    ["export const exported = 'e'", "exported", "e"],
    ["abstract class Animal { abstract sound(): string; speak() { return this.sound() } }\nclass Dog extends Animal { sound() { return 'woof' } }", "new Dog().speak()", "woof"],
    ["function over(x: number): number;\nfunction over(x: string): string;\nfunction over(x: any) { return x }", "over('s').length + over(2)", 3],
    ["var legacy = 1; legacy = 2", "legacy", 2],
    ["const Anon = class { v = 9 }", "new Anon().v", 9],
    ["const sym = Symbol('s'); const withSym = { [sym]: 1 }", "withSym[sym]", 1],
  ])("%s", async (decl, use, value) => {
    ok((await run(decl)).r);
    expect(ok((await run(use)).r).value).toEqual(value);
  });

  it.each([
    ["let", "const"],
    ["const", "let"],
    ["class", "const"],
    ["const", "class"],
    ["var", "let"],
    ["const", "function"],
    ["function", "class"],
  ])("a %s may be re-declared as a %s", async (first, second) => {
    const decl = (kind: string, name: string, v: number): string =>
      kind === "class" ? `class ${name} { static v = ${v} }` : kind === "function" ? `function ${name}() { return ${v} }` : `${kind} ${name} = ${v}`;
    const read = (kind: string, name: string): string => (kind === "class" ? `${name}.v` : kind === "function" ? `${name}()` : name);
    const name = `re_${first}_${second}`;
    ok((await run(decl(first, name, 1))).r);
    expect(ok((await run(read(first, name))).r).value).toBe(1);
    ok((await run(decl(second, name, 2))).r);
    expect(ok((await run(read(second, name))).r).value).toBe(2);
  });

  it("a const stays constant for the checker", async () => {
    ok((await run("const fixed = 1")).r);
    expect(err((await run("fixed = 2")).r).evalue).toMatch(/TS2588/);
  });

  it("a function may replace a const of the same name, and is hoisted in its cell", async () => {
    ok((await run("const fx = (x: number) => x")).r);
    expect(ok((await run("const early = gx(); function fx(s: string) { return s + '!' }; function gx() { return 2 }; early")).r).value).toBe(2);
    expect(ok((await run("fx('a')")).r).value).toBe("a!");
  });

  it("a type declared in one cell types values in the next", async () => {
    ok((await run("class Box<T> { constructor(readonly v: T) {} }\nconst bx = new Box(12)")).r);
    const e = err((await run("const s: string = bx.v")).r);
    expect(e.ename).toBe("TSError");
    expect(e.evalue).toContain("TS2322");
  });
});

describe("type errors stop the cell before it runs", () => {
  it.each([
    ["let te1: number = 'no'", "TS2322", 1, 5],
    ["const ok1 = 1\n\n  ok1.foo()", "TS2339", 3, 7],
    ["zzqqx + 1", "TS2304", 1, 1],
  ])("%s -> %s at line %i column %i", async (code, ts, line, column) => {
    const io = new MemoryPublisher();
    const e = err((await run(code, io)).r);
    expect(e.ename).toBe("TSError");
    expect(e.evalue).toContain(ts);
    expect(e.evalue).toContain(`line ${line}, column ${column}`);
    expect(e.traceback.join("\n")).toContain(`at line ${line}, column ${column}`);
  });

  it("a NumPy name the runtime does not have is named as such, short (not np's whole type spelled out)", async () => {
    for (const code of ["np.linalg", "const h = np.histogram(np.arange(3))", "np.arange(3)[\"1:\"]; np.linalg"]) {
      const e = err((await run(code)).r);
      expect(e.evalue).toMatch(/^TS2339: np\.(linalg|histogram) does not exist: strided's np has no '(linalg|histogram)' .*press Tab/);
      expect(e.evalue.length).toBeLessThan(200);
    }
    // the same one namespace down (np.lib, np.lib.stride_tricks)
    for (const [code, path, name] of [["np.lib.stride_tricks.broadcast_arrays", "np.lib.stride_tricks", "broadcast_arrays"], ["np.lib.scimath", "np.lib", "scimath"]]) {
      const e = err((await run(code)).r);
      expect(e.evalue).toBe(`TS2339: ${path}.${name} does not exist: strided's ${path} has no '${name}' (it has the NumPy names it implements; type ${path}. and press Tab to list them) (line 1, column ${path.length + 2})`);
    }
    // a near miss keeps TypeScript's suggestion
    expect(err((await run("np.zero(3)")).r).evalue).toContain("Did you mean 'zeros'?");
  });

  it("nothing of a failing cell runs", async () => {
    const io = new MemoryPublisher();
    err((await run("console.log('ran'); const tx: number = 'x'", io)).r);
    expect(io.text()).toBe("");
  });

  it("a syntax error is a SyntaxError with its line", async () => {
    const e = err((await run("const = 1")).r);
    expect(e.ename).toBe("SyntaxError");
    expect(e.evalue).toContain("line 1");
  });

  it("a dynamic import() expression loads the module", async () => {
    const r = (await run("const nodeMod = await import('node:os'); typeof nodeMod.cpus")).r;
    expect(ok(r).value).toBe("function");
  });
});

describe("thrown errors", () => {
  it.each([
    ["throw new Error('boom')", "Error", "boom", 1],
    ["\n\nthrow new RangeError('far')", "RangeError", "far", 3],
    ["function thrower() {\n  throw new TypeError('deep')\n}\nthrower()", "TypeError", "deep", 2],
    ["new Float64Array(1e12)", "RangeError", "Invalid typed array length: 1000000000000", 1],
    ["await Promise.reject(new SyntaxError('async'))", "SyntaxError", "async", 1],
  ])("%s", async (code, ename, evalue, line) => {
    const e = err((await run(code)).r);
    expect(e.ename).toBe(ename);
    expect(e.evalue).toBe(evalue);
    const frames = e.traceback.slice(1).join("\n");
    expect(frames).toMatch(new RegExp(`Cell \\[\\d+\\], line ${line}, column \\d+`));
    expect(frames).not.toMatch(/kernel\/session|node:internal|strided-run/);
  });

  it.each([
    ["throw 42", "42"],
    ["throw 'plain string'", "plain string"],
    ["throw { code: 7 }", "{ code: 7 }"],
    ["throw null", "null"],
  ])("non-Error %s", async (code, evalue) => {
    const e = err((await run(code)).r);
    expect(e.evalue).toBe(evalue);
    expect(e.ename).toMatch(/^Uncaught /);
  });

  it("frames in a function from an earlier cell point at that cell", async () => {
    ok((await run("// first line\nfunction failLater() {\n  throw new Error('later')\n}")).r);
    const e = err((await run("failLater()")).r);
    expect(e.traceback.join("\n")).toMatch(/failLater \(Cell \[\d+\], line 3, column \d+\)/);
  });

  it("bad input loses nothing", async () => {
    ok((await run("const kept = [1, 2, 3]")).r);
    for (const bad of ["const = ", "kept.nope()", "throw new Error('x')", "new Float64Array(1e12)", "%bogus"]) err((await run(bad)).r);
    expect(ok((await run("kept.length")).r).value).toBe(3);
  });
});

describe("runtime errors: the user's frames and the runtime function that raised", () => {
  const RUNTIME_FILE = /runtime[\\/][\w/\\-]+\.(js|ts)/;
  it.each([
    ["np.arange(6).reshape(4, 4)", "ValueError", "cannot reshape array of size 6 into shape (4,4)", ["NDArray.reshape", "<cell> (Cell [N], line 1, column 14)"]],
    ["const tb1 = np.arange(6); tb1.get(10)", "IndexError", "index 10 is out of bounds for axis 0 with size 6", ["NDArray.get", "<cell> (Cell [N], line 1, column 31)"]],
    ["np.arange(3) + np.arange(4)", "ValueError", "operands could not be broadcast together with shapes (3,) (4,) ", ["np.add", "<cell> (Cell [N], line 1, column 14)"]],
    ["np.concatenate([np.zeros([2, 2]), np.zeros([3])])", "ValueError", "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)", ["np.concatenate", "<cell> (Cell [N], line 1, column 4)"]],
    ["np.random.choice(3, 5, { replace: false })", "ValueError", "Cannot take a larger sample than population when 'replace=False'", ["np.random.choice", "<cell> (Cell [N], line 1, column 11)"]],
    ["np.abs(null as any)", "TypeError", "np.array cannot hold null values; give numbers, booleans, arrays or nested arrays of them", ["np.absolute", "<cell> (Cell [N], line 1, column 4)"]],
    [
      "function tbInner(x: NDArray) {\n  return x.reshape(5);\n}\nfunction tbOuter() { return tbInner(np.arange(6)); }\ntbOuter()",
      "ValueError",
      "cannot reshape array of size 6 into shape (5,)",
      ["NDArray.reshape", "tbInner (Cell [N], line 2, column 12)", "tbOuter (Cell [N], line 4, column 29)", "<cell> (Cell [N], line 5, column 1)"],
    ],
    [
      "np.fromfunction((i: NDArray, j: NDArray) => {\n  throw new RangeError('from the callback');\n}, [2, 2])",
      "RangeError",
      "from the callback",
      ["<cell> (Cell [N], line 2, column 9)", "np.fromfunction", "<cell> (Cell [N], line 1, column 4)"],
    ],
  ])("%s", async (code, ename, evalue, expected) => {
    const e = err((await run(code)).r);
    expect(e.ename).toBe(ename);
    expect(e.evalue).toBe(evalue);
    const frames = e.traceback.slice(1).map((f) => f.trim().replace(/^at /, "").replace(/Cell \[\d+\]/g, "Cell [N]").replace(" (strided runtime)", ""));
    expect(frames).toEqual(expected);
    expect(e.traceback.join("\n")).not.toMatch(RUNTIME_FILE);
  });

  it("the runtime's frames reach no deeper than the call: a stack deeper than V8's default 10 frames keeps the cell's", async () => {
    const code = "function deep(n: number): NDArray { return n === 0 ? np.arange(3).reshape(2) : deep(n - 1); }\ndeep(12)";
    const e = err((await run(code)).r);
    const frames = e.traceback.slice(1).join("\n");
    expect(frames).toContain("at NDArray.reshape (strided runtime)");
    expect(frames).toMatch(/<cell> \(Cell \[\d+\], line 2, column 1\)/);
  });
});

describe("streams", () => {
  it("console and process.stdout/stderr go to the cell, in order", async () => {
    const { r, io } = await run("console.log('a', 1); process.stdout.write('b\\n'); console.error('c'); process.stderr.write('d'); console.log('e')");
    ok(r);
    expect(io.events).toEqual([
      { kind: "stream", name: "stdout", text: "a 1\n" },
      { kind: "stream", name: "stdout", text: "b\n" },
      { kind: "stream", name: "stderr", text: "c\n" },
      { kind: "stream", name: "stderr", text: "d" },
      { kind: "stream", name: "stdout", text: "e\n" },
    ]);
  });

  it("silent cells publish nothing but still run", async () => {
    const { r, io } = await run("console.log('quiet'); display(1); const silentRan = 1", new MemoryPublisher(), { ...OPTS, silent: true });
    ok(r);
    expect(io.events).toEqual([]);
    expect(ok((await run("silentRan")).r).value).toBe(1);
  });

  it("a timer's output goes to the cell that started it", async () => {
    const first = new MemoryPublisher();
    ok((await run("setTimeout(() => console.log('late'), 30)", first)).r);
    const second = new MemoryPublisher();
    ok((await run("await new Promise((r) => setTimeout(r, 80)); console.log('second')", second)).r);
    expect(first.text()).toBe("late\n");
    expect(second.text()).toBe("second\n");
  });

  it("top-level await keeps the cell's context", async () => {
    const { r, io } = await run("await new Promise((r) => setTimeout(r, 5)); console.log('after'); 'done'");
    expect(ok(r).value).toBe("done");
    expect(io.text()).toBe("after\n");
  });
});

describe("kernel globals", () => {
  it("display publishes a bundle and update replaces it", async () => {
    const { r, io } = await run("const h = display(42, { display_id: 'd1' }); h.update('x'); display.html('<b>b</b>'); clear_output(true)");
    ok(r);
    expect(io.events).toEqual([
      { kind: "display", data: { "text/plain": "42" }, displayId: "d1", update: undefined },
      { kind: "display", data: { "text/plain": "'x'" }, displayId: "d1", update: true },
      { kind: "display", data: { "text/html": "<b>b</b>", "text/plain": "<b>b</b>" }, displayId: expect.any(String), update: undefined },
      { kind: "clear", wait: true },
    ]);
  });

  it.each([
    ["display(42)", { "text/plain": "42" }],
    ["display.html('<b>b</b>')", { "text/html": "<b>b</b>", "text/plain": "<b>b</b>" }],
    ["const h2 = display(1); h2.update(2); h2", { "text/plain": "1" }],
  ])("%s as the last statement publishes once and is no result (IPython's display returns None)", async (code, data) => {
    const { r, io } = await run(code);
    expect(ok(r)).toMatchObject({ hasValue: false, value: undefined });
    expect(io.events[0]).toMatchObject({ kind: "display", data });
  });

  it("a display handle still updates after the cell that made it returned it", async () => {
    const { r } = await run("const h3 = display(5); h3");
    expect(ok(r).hasValue).toBe(false);
    const { r: r2, io } = await run("h3.update(6); h3.displayId.length > 0");
    expect(ok(r2).value).toBe(true);
    expect(io.events[0]).toMatchObject({ kind: "display", data: { "text/plain": "6" }, update: true });
  });

  it.each([
    ["display.svg('<svg/>')", "image/svg+xml", "<svg/>"],
    ["display.markdown('# t')", "text/markdown", "# t"],
    ["display.json({ a: [1] })", "application/json", { a: [1] }],
    ["display.png(new Uint8Array([1, 2, 3]))", "image/png", "AQID"],
  ])("%s", async (code, mime, data) => {
    const { r, io } = await run(code);
    ok(r);
    const ev = io.events[0];
    expect(ev.kind === "display" && ev.data[mime]).toEqual(data);
  });

  it("input asks the front end when stdin is allowed", async () => {
    const io = new MemoryPublisher(["Ada"]);
    const { r } = await run("const who = await input('name? '); who.length", io, { ...OPTS, allowStdin: true });
    expect(ok(r).value).toBe(3);
    expect(io.events[0]).toEqual({ kind: "input", prompt: "name? ", password: false });
  });

  it("input with { password: true } asks for a hidden answer", async () => {
    const io = new MemoryPublisher(["s3cret"]);
    const { r } = await run("await input('token: ', { password: true })", io, { ...OPTS, allowStdin: true });
    expect(ok(r).value).toBe("s3cret");
    expect(io.events[0]).toEqual({ kind: "input", prompt: "token: ", password: true });
  });

  it("input fails clearly without stdin", async () => {
    const e = err((await run("await input('name? ')")).r);
    expect(e.evalue).toMatch(/allow_stdin/);
  });

  it("the result of np is the runtime's array", async () => {
    const o = ok((await run("np.zeros([2, 2]) instanceof NDArray")).r);
    expect(o.value).toBe(true);
  });

  it("show.memory() with no argument sees the notebook's arrays by name", async () => {
    ok((await run("const memOwner = np.arange(12); const memView = memOwner.get('::3')")).r);
    const text = String(ok((await run("String(show.memory())")).r).value);
    expect(text).toMatch(/memOwner/);
    expect(text).toMatch(/memView/);
  });

  it("scopeBindings lists the notebook's names with their values", async () => {
    ok((await run("const scopeA = 11; let scopeB = 'b'")).r);
    const b = session.scopeBindings();
    expect(b.scopeA).toBe(11);
    expect(b.scopeB).toBe("b");
  });
});

describe("magics", () => {
  it("%time prints IPython's lines and gives the value", async () => {
    const { r, io } = await run("%time [1, 2, 3].length");
    expect(ok(r).value).toBe(3);
    expect(io.text()).toMatch(/^CPU times: user .+, sys: .+, total: .+\nWall time: .+\n$/);
  });

  it("%time works when the user has a variable named time", async () => {
    ok((await run("const time = 'mine'")).r);
    const { r, io } = await run("%time time.length");
    expect(ok(r).value).toBe(4);
    expect(io.text()).toMatch(/^CPU times/);
  });

  it("%time const keeps the binding", async () => {
    ok((await run("%time const timed = 6 * 7")).r);
    expect(ok((await run("timed")).r).value).toBe(42);
  });

  it("%timeit calls the timeit global with IPython's options", async () => {
    ok((await run("let calls = 0")).r);
    ok((await run("%timeit -n 3 -r 2 calls++")).r);
    expect(ok((await run("calls")).r).value).toBe(6);
  });

  it("%%timeit runs the setup once and times the body", async () => {
    ok((await run("let bodyRuns = 0, setupRuns = 0")).r);
    ok((await run("%%timeit -n 2 -r 2 setupRuns++; const local = 5\nbodyRuns += local")).r);
    expect(ok((await run("[setupRuns, bodyRuns]")).r).value).toEqual([1, 20]);
  });

  // IPython: %timeit prints its line to stdout and returns None (no Out[n]); -o returns the
  // TimeitResult, -q prints nothing. Ours adds the runtime's allocation per loop after IPython's line.
  const TIMEIT_LINE = /^[\d.]+ [mµn]?s ± [\d.]+ [mµn]?s per loop \(mean ± std\. dev\. of 2 runs, 5 loops each\)$/;
  const timeitLines = (text: string): string[] => text.split("\n").filter((l) => !l.startsWith("The slowest run took"));

  it("%timeit prints IPython's line and the allocation per loop to stdout and gives no value", async () => {
    const { r, io } = await run("%timeit -n 5 -r 2 np.ones(1000)");
    expect(ok(r).value).toBeUndefined();
    const lines = timeitLines(io.text());
    expect(lines[0]).toMatch(TIMEIT_LINE);
    expect(lines.slice(1)).toEqual(["8,000 bytes (7.81 KiB) allocated per loop in 1 buffer", ""]);
  });

  it("%timeit on a line before the last prints too (its value was dropped, so nothing showed)", async () => {
    const { r, io } = await run("const forty = 40\n%timeit -n 5 -r 2 forty + 1\nforty + 2");
    expect(ok(r).value).toBe(42);
    expect(timeitLines(io.text())).toEqual([expect.stringMatching(TIMEIT_LINE), "no array allocated per loop", ""]);
  });

  it("%timeit -o gives the TimeitResult as the value, -q prints nothing", async () => {
    const printed = await run("%timeit -o -n 5 -r 2 1 + 1");
    const value = ok(printed.r).value as { loops: number; repeat: number; toString(): string };
    expect([value.loops, value.repeat]).toEqual([5, 2]);
    expect(String(value)).toMatch(TIMEIT_LINE);
    expect(timeitLines(printed.io.text())[0]).toBe(String(value));
    const quiet = await run("%timeit -q -o -n 5 -r 2 1 + 1");
    expect(ok(quiet.r).value).toMatchObject({ loops: 5, repeat: 2 });
    expect(quiet.io.text()).toBe("");
    const nothing = await run("%timeit -q -n 5 -r 2 1 + 1");
    expect(ok(nothing.r).value).toBeUndefined();
    expect(nothing.io.text()).toBe("");
  });

  it("%%timeit prints like %timeit; -o gives the result; awaited bodies too", async () => {
    const { r, io } = await run("%%timeit -n 5 -r 2\nnp.zeros(10)");
    expect(ok(r).value).toBeUndefined();
    expect(timeitLines(io.text())).toEqual([expect.stringMatching(TIMEIT_LINE), "80 bytes allocated per loop in 1 buffer", ""]);
    const withO = await run("%%timeit -o -n 5 -r 2\nawait null");
    expect(ok(withO.r).value).toMatchObject({ loops: 5, repeat: 2 });
    expect(timeitLines(withO.io.text())[0]).toMatch(TIMEIT_LINE);
  });

  it("an assigned %timeit -o (IPython's `r = %timeit -o f()`) binds the result; an assigned %time the value", async () => {
    const { r, io } = await run("const measured = %timeit -o -n 5 -r 2 np.ones(10)\nconst got = %time 6 * 7\n[measured.loops, measured.repeat, measured.bytesPerLoop, got]");
    expect(ok(r).value).toEqual([5, 2, 80, 42]);
    expect(timeitLines(io.text())[0]).toMatch(TIMEIT_LINE);
    expect(io.text()).toMatch(/CPU times: .+\nWall time: .+\n$/);
  });

  it("%timeit works when the user has a variable named timeit", async () => {
    ok((await run("const timeit = 'mine'")).r);
    const { r, io } = await run("%timeit -n 5 -r 2 timeit.length");
    expect(ok(r).value).toBeUndefined();
    expect(timeitLines(io.text())[0]).toMatch(TIMEIT_LINE);
  });

  it("an unknown magic is a UsageError", async () => {
    expect(err((await run("%foo 1")).r).ename).toBe("UsageError");
  });
});

describe("userExpression", () => {
  it.each([
    ["1 + 1", "2"],
    ["'a' as string", "'a'"],
  ])("%s", async (expr, text) => {
    const r = await session.userExpression(expr);
    expect(r.status === "ok" && r.data["text/plain"]).toBe(text);
  });

  it("an error is an error", async () => {
    const r = await session.userExpression("nope.nope");
    expect(r.status).toBe("error");
  });
});

describe("compiled cells are reused only while the prelude is the same", () => {
  it("a re-run cell without declarations skips TypeScript and gives the same answer", async () => {
    const { CellCompiler } = await import("../../../kernel/session/compiler.js");
    const spy = vi.spyOn(CellCompiler.prototype, "compileUncommitted");
    try {
      ok((await run("const reuse1 = 20")).r);
      const calls = spy.mock.calls.length;
      expect(ok((await run("reuse1 + 1")).r).value).toBe(21);
      expect(ok((await run("reuse1 + 1")).r).value).toBe(21);
      expect(spy.mock.calls.length).toBe(calls + 1);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ["a new type makes the same text check again", ["const reuse2 = 1", "reuse2 + 1", 'const reuse2 = "s"', "reuse2 + 1"], [undefined, 2, undefined, "s1"]],
    ["a type error after a re-declaration is caught", ['let reuse3 = "a"', "reuse3.toUpperCase()", "let reuse3 = 1", "reuse3.toUpperCase()"], [undefined, "A", undefined, "error"]],
  ])("%s", async (_name, cells, expected) => {
    const got: unknown[] = [];
    for (const c of cells) {
      const r = (await run(c)).r;
      got.push(r.status === "ok" ? r.value : "error");
    }
    expect(got).toEqual(expected);
  });
});
