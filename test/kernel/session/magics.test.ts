import { describe, expect, it } from "vitest";
import { blankMagic, parseMagic, rewriteMagics, UsageError } from "../../../kernel/session/magics.js";
import { timeReport } from "../../../kernel/session/globals.js";

describe("parseMagic", () => {
  it.each([
    ["np.ones(3)", null],
    ["%timeit f()", { kind: "timeit", options: {}, rest: "f()", prefixLength: 8 }],
    ["%timeit -n 10 -r 3 f(x)", { kind: "timeit", options: { number: 10, repeat: 3 }, rest: "f(x)", prefixLength: 19 }],
    ["%timeit -n10 -p 4 g()", { kind: "timeit", options: { number: 10, precision: 4 }, rest: "g()", prefixLength: 18 }],
    ["%timeit -q -o h()", { kind: "timeit", options: { quiet: true, output: true }, rest: "h()", prefixLength: 14 }],
    // -q and -o take no number: what follows is the statement (it was read as "-o 1" and failed to parse)
    ["%timeit -o 1+1", { kind: "timeit", options: { output: true }, rest: "1+1", prefixLength: 11 }],
    ["%timeit -n 3 -q 2 * x", { kind: "timeit", options: { number: 3, quiet: true }, rest: "2 * x", prefixLength: 16 }],
    ["%%timeit -o\nbody()", { kind: "cell-timeit", options: { output: true }, rest: "", prefixLength: 11 }],
    ["%timeit -x - 1", { kind: "timeit", options: {}, rest: "-x - 1", prefixLength: 8 }],
    ["%%timeit -r 2 const a = 1\nbody()", { kind: "cell-timeit", options: { repeat: 2 }, rest: "const a = 1", prefixLength: 14 }],
    ["%%timeit\nbody()", { kind: "cell-timeit", options: {}, rest: "", prefixLength: 8 }],
    ["%time -n 1", { kind: "time", options: {}, rest: "-n 1", prefixLength: 6 }],
  ])("%j", (cell, expected) => {
    if (cell === "%timeit -x - 1") {
      expect(() => parseMagic(cell)).toThrow(UsageError);
      return;
    }
    expect(parseMagic(cell)).toEqual(expected);
  });

  it.each(["%foo 1", "%%time\nx", "%%bash\nls", "%timeit -n f()"])("%j is a UsageError", (cell) => {
    expect(() => parseMagic(cell)).toThrow(UsageError);
  });
});

describe("rewriteMagics", () => {
  it.each([
    ["x + 1", "x + 1"],
    ["%timeit f()", "__strided_timeit(() => (f()))"],
    ["%timeit -n 5 -r 2 f()\nnext()", "__strided_timeit(() => (f()), { number: 5, repeat: 2 })\nnext()"],
    ["%timeit await g()", "await __strided_timeit(async () => (await g()))"],
    ["%time f()", "__strided_time(() => (f()))"],
    ["%time const y: number = f();", "const y: number = __strided_time(() => (f()));"],
    ["%time await g()", "await __strided_time(async () => (await g()))"],
    // statements are timed as a block body, as IPython times `%time for i in range(n): ...`
    ["%time for (let i = 0; i < 3; i++) t += i", "__strided_time(() => { for (let i = 0; i < 3; i++) t += i })"],
    ["%timeit -n 2 while (k < 5) k++", "__strided_timeit(() => { while (k < 5) k++ }, { number: 2 })"],
    ["%time { const u = f(); g(u) }", "__strided_time(() => { { const u = f(); g(u) } })"],
    ["%time if (a) await g()", "await __strided_time(async () => { if (a) await g() })"],
    ["%time format(x)", "__strided_time(() => (format(x)))"],
    ["x = 1\n%time for (const v of xs) s += v", "x = 1\n__strided_time(() => { for (const v of xs) s += v });"],
    ["%%timeit\nf()", "__strided_timeit((() => {  return () => {\nf()\n}; })());"],
    ["%%timeit -n 2 const a = 1\nf(a)", "__strided_timeit((() => { const a = 1; return () => {\nf(a)\n}; })(), { number: 2 });"],
    ["%%timeit\nawait g()", "await __strided_timeit((() => {  return async () => {\nawait g()\n}; })());"],
    // IPython's -q (print nothing) and -o (return the result object)
    ["%timeit -q -o f()", "__strided_timeit(() => (f()), { quiet: true, output: true })"],
    ["%timeit -o 1+1", "__strided_timeit(() => (1+1), { output: true })"],
    ["%%timeit -o -n 2\nf()", "__strided_timeit((() => {  return () => {\nf()\n}; })(), { number: 2, output: true });"],
  ])("%j", (cell, code) => {
    expect(rewriteMagics(cell).code).toBe(code);
  });

  it("keeps the body's lines in place for %%timeit", () => {
    const r = rewriteMagics("%%timeit\na()\nb()");
    expect(r.code.split("\n")[2]).toBe("b()");
    expect(r.mapLine(2)).toBe(2);
    expect(r.mapLine(3)).toBe(0); // the closing line belongs to the magic line
  });
});

describe("blankMagic", () => {
  it.each([
    ["%timeit np.ones(3)", "        np.ones(3)"],
    ["%timeit -n 3 f()", "             f()"],
    ["plain()", "plain()"],
    ["%nope x", "%nope x"],
    ["const r = %timeit -o np.on", "const r =            np.on"],
    ["x\n  r = %time np.on", "x\n  r =       np.on"],
  ])("%j", (cell, blanked) => {
    const b = blankMagic(cell);
    expect(b).toBe(blanked);
    expect(b.length).toBe(cell.length);
  });
});

describe("timeReport (IPython's %time lines)", () => {
  it.each([
    [1200, 0, 0.0015, "CPU times: user 1.2 ms, sys: 0 ns, total: 1.2 ms\nWall time: 1.5 ms\n"],
    [2_000_000, 500_000, 2.75, "CPU times: user 2 s, sys: 500 ms, total: 2.5 s\nWall time: 2.75 s\n"],
    [45.6, 0.4, 4.56e-5, "CPU times: user 45.6 µs, sys: 400 ns, total: 46 µs\nWall time: 45.6 µs\n"],
  ])("user %d µs, sys %d µs, wall %d s", (user, sys, wall, text) => {
    expect(timeReport(user, sys, wall)).toBe(text);
  });
});

describe("line magics on any line (IPython accepts them anywhere a statement starts)", () => {
  it.each([
    ["x = 1\n%timeit f(x)", "x = 1\n__strided_timeit(() => (f(x)));"],
    ["x = 1\n%timeit -n 10 -r 2 f(x)", "x = 1\n__strided_timeit(() => (f(x)), { number: 10, repeat: 2 });"],
    ["x = 1\n%time const y = f(x)\ny", "x = 1\nconst y = __strided_time(() => (f(x)));\ny"],
    ["for (let i = 0; i < 3; i++) {\n  %time f(i)\n}", "for (let i = 0; i < 3; i++) {\n  __strided_time(() => (f(i)));\n}"],
    ["a();\n%time await g()", "a();\nawait __strided_time(async () => (await g()));"],
    ["%timeit f()\n%time g()", "__strided_timeit(() => (f()))\n__strided_time(() => (g()));"],
    ["%%timeit\nx = 1\n%time f()", "__strided_timeit((() => {  return () => {\nx = 1\n__strided_time(() => (f()));\n}; })());"],
    ["const q = a / b\n%timeit f()", "const q = a / b\n__strided_timeit(() => (f()));"],
    // assigned, as IPython's `r = %timeit -o f()` / `t = %time f()`
    ["const r = %timeit -o -n 5 f()", "const r = __strided_timeit(() => (f()), { number: 5, output: true });"],
    ["x = 1\nr = %timeit -o f(x)\nr", "x = 1\nr = __strided_timeit(() => (f(x)), { output: true });\nr"],
    ["let t: number = %time f()", "let t: number = __strided_time(() => (f()));"],
    ["if (a) {\n  const r = %timeit -q -o g()\n}", "if (a) {\n  const r = __strided_timeit(() => (g()), { quiet: true, output: true });\n}"],
    ["a\nvar w = %time await g()", "a\nvar w = await __strided_time(async () => (await g()));"],
  ])("%j", (cell, code) => {
    const r = rewriteMagics(cell);
    expect(r.code).toBe(code);
    if (!cell.startsWith("%%")) expect(r.code.split("\n").length).toBe(cell.split("\n").length); // lines stay where they were (%%timeit adds its closing line)
  });

  it.each([
    ["the modulo operator continuing a line", "const r = a\n  % b"],
    ["the modulo operator without a space", "const r = a\n  %b"],
    ["a known name as the modulo's operand, then an operator", "const r = n\n%time + 1"],
    ["a known name then an infix keyword", "const r = a\n%time in o"],
    ["a known name at the line's end", "const r = a\n%timeit"],
    ["a known name called", "const r = a\n%time(3)"],
    ["inside a template literal", "const s = `a\n%timeit x`"],
    ["inside a template literal's expression", "const t = `${a\n%time b}`"],
    ["inside a block comment", "/* c\n%timeit x */ 1"],
    ["after a line comment", "// note\n% 2"],
    ["inside parentheses", "f(a,\n%time b)"],
    ["inside brackets", "const v = [a\n%time b]"],
    ["inside a string continued with a backslash", "const s = 'a\\\n%timeit x'"],
    ["an assignment inside a template literal", "const s = `\nr = %timeit f()\n`"],
    ["an assignment inside a string", "const s = 'r = %timeit f()'"],
    ["an assignment continuing an operator", "const q = a +\nr = %timeit f()"],
    ["a comparison", "ok == %timeit"],
    ["an assignment inside parentheses", "f(\nr = %time g())"],
  ])("%s stays TypeScript", (_what, cell) => {
    expect(rewriteMagics(cell).code).toBe(cell);
  });

  it.each([
    ["x = 1\n%%timeit f()", "Cell magic `%%timeit` is only allowed on a cell's first line."],
    ["a;\n%foo 1", "Line magic function `%foo` not found (this kernel knows %timeit, %%timeit and %time)."],
    ["x = 1\n%timeit", null],
  ])("%j is a UsageError where a statement starts", (cell, message) => {
    if (message === null) {
      // after an expression, a bare `%timeit` is the modulo operator: TypeScript's business
      expect(rewriteMagics(cell).code).toBe(cell);
      return;
    }
    expect(() => rewriteMagics(cell)).toThrow(new UsageError(message));
  });

  it("blankMagic blanks a later line's magic too (same offsets)", () => {
    const cell = "x = 1\n  %timeit -n 3 f(x)";
    expect(blankMagic(cell)).toBe("x = 1\n               f(x)");
    expect(blankMagic("a\n  % b")).toBe("a\n  % b");
  });
});
