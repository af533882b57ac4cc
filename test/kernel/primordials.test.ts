/**
 * kernel/primordials.ts: what the kernel's windows (withPristineBuiltins) put back, and what they
 * take as the built-ins' own (adoptCurrentBuiltins: the state when the cell session is made).
 */
import { afterEach, describe, expect, it } from "vitest";
import { adoptCurrentBuiltins, withPristineBuiltins } from "../../kernel/primordials.js";

const originalMap = Array.prototype.map;
const originalLimit = Error.stackTraceLimit;
const g = globalThis as Record<string, unknown>;

afterEach(() => {
  Array.prototype.map = originalMap;
  Error.stackTraceLimit = originalLimit;
  delete (Array.prototype as unknown as Record<string, unknown>).stridedTestExtra;
  delete g.stridedTestGlobal;
  adoptCurrentBuiltins();
});

describe("withPristineBuiltins", () => {
  it("puts a replaced method back for the window and the replacement again after it", () => {
    adoptCurrentBuiltins();
    const mine = function (this: unknown[]) {
      return ["patched"];
    } as typeof Array.prototype.map;
    Array.prototype.map = mine;
    const inside = withPristineBuiltins(() => [1, 2].map((x) => x * 2));
    expect(inside).toEqual([2, 4]);
    expect(Array.prototype.map).toBe(mine);
  });

  it("finds a replacement after windows that found nothing (the generated check), by a getter or a symbol key, and one that throws", () => {
    adoptCurrentBuiltins();
    for (let i = 0; i < 3; i++) expect(withPristineBuiltins(() => Array.prototype.map)).toBe(originalMap); // nothing patched: the fast check's path
    const iterator = Array.prototype[Symbol.iterator];
    const max = Math.max;
    let inside: unknown;
    let afterIterator: unknown;
    let afterMax = "";
    try {
      Object.defineProperty(Array.prototype, Symbol.iterator, { value: null, configurable: true, writable: true });
      Object.defineProperty(Math, "max", { get: () => { throw new Error("patched getter"); }, configurable: true });
      inside = withPristineBuiltins(() => [Math.max(1, 2), [...[3]]]);
      afterIterator = Array.prototype[Symbol.iterator];
      try {
        void Math.max;
      } catch (e) {
        afterMax = (e as Error).message;
      }
    } finally {
      // vitest's own expect iterates arrays: assertions only once the iterator is back
      Object.defineProperty(Array.prototype, Symbol.iterator, { value: iterator, configurable: true, writable: true });
      Object.defineProperty(Math, "max", { value: max, configurable: true, writable: true });
    }
    expect(inside).toEqual([2, [3]]);
    expect(afterIterator).toBe(null);
    expect(afterMax).toBe("patched getter");
    expect(withPristineBuiltins(() => Math.max(4, 5))).toBe(5);
  });

  it("takes a method added to Array.prototype off for the window", () => {
    adoptCurrentBuiltins();
    (Array.prototype as unknown as Record<string, unknown>).stridedTestExtra = 1;
    expect(withPristineBuiltins(() => "stridedTestExtra" in Array.prototype)).toBe(false);
    expect((Array.prototype as unknown as Record<string, unknown>).stridedTestExtra).toBe(1);
  });
});

describe("adoptCurrentBuiltins", () => {
  it("keeps what was there when it ran (the kernel's own start-up changes) inside the windows", () => {
    Error.stackTraceLimit = 33;
    (Array.prototype as unknown as Record<string, unknown>).stridedTestExtra = 2; // as deserialising the startup snapshot adds toSorted & co
    adoptCurrentBuiltins();
    expect(withPristineBuiltins(() => Error.stackTraceLimit)).toBe(33);
    expect(withPristineBuiltins(() => (Array.prototype as unknown as Record<string, unknown>).stridedTestExtra)).toBe(2);
    // ... and what changes after it is put back to that state
    Error.stackTraceLimit = 5;
    expect(withPristineBuiltins(() => Error.stackTraceLimit)).toBe(33);
    expect(Error.stackTraceLimit).toBe(5);
  });

  it("does not take the global object's later properties (np, display, the notebook's variables) as built-ins", () => {
    g.stridedTestGlobal = "kernel";
    adoptCurrentBuiltins();
    g.stridedTestGlobal = "cell";
    expect(withPristineBuiltins(() => g.stridedTestGlobal)).toBe("cell");
  });

  it("still puts back a replaced global that was there at load (console)", () => {
    adoptCurrentBuiltins();
    const realConsole = console;
    const fake = {} as Console;
    g.console = fake;
    try {
      expect(withPristineBuiltins(() => g.console)).toBe(realConsole);
    } finally {
      g.console = realConsole;
    }
  });
});
