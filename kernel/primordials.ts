/**
 * The built-ins the kernel's main-thread code uses, captured when the kernel loads, before any
 * cell runs (the pattern of Node's own `primordials`).
 *
 * Why: a cell runs at the notebook's top level in V8's REPL mode, so `let process = 5` or
 * `class Promise {}` declares a global lexical binding that every script and CommonJS module of
 * the process then sees instead of the built-in, and `JSON.stringify = ...`, `Object.keys = ...`,
 * `Symbol.for = ...` replace the built-in's own property. Kernel files import these names instead
 * (`import { Promise, JSON, process } from "../primordials.js"`): a module binding wins over the
 * global one, and the statics here are frozen copies, so neither a rebinding nor a patch reaches
 * the kernel. Prototype methods (`Array.prototype.map = ...`) are another matter: the type
 * checker runs with the built-ins' own methods restored (`withPristineBuiltins`).
 *
 * Constructors are wrapped, not copied: `new Promise(...)`, `Promise.resolve()`, `instanceof`
 * and `class X extends Error` behave as with the originals (same prototype; `Reflect.construct`
 * with new.target).
 */
const g = globalThis;
const reflectConstruct = g.Reflect.construct;
const reflectApply = g.Reflect.apply;
const defineProperty = g.Object.defineProperty;
const getOwnPropertyDescriptors = g.Object.getOwnPropertyDescriptors;
const getPrototypeOf = g.Object.getPrototypeOf;
const setPrototypeOf = g.Object.setPrototypeOf;
const create = g.Object.create;
const freeze = g.Object.freeze;
const ownKeys = g.Reflect.ownKeys;

/** A callable, constructible stand-in for `C` whose statics are frozen copies of C's. */
function guardConstructor<C extends (abstract new (...args: never[]) => unknown) | ((...args: never[]) => unknown)>(original: C): C {
  const target = original as unknown as (...args: unknown[]) => unknown;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    // eslint-disable-next-line prefer-rest-params
    return new.target ? reflectConstruct(target as unknown as new (...a: unknown[]) => unknown, args, new.target) : reflectApply(target, this, args);
  };
  const descriptors = getOwnPropertyDescriptors(original);
  for (const key of ownKeys(descriptors)) {
    if (key === "length" || key === "name" || key === "arguments" || key === "caller") continue;
    defineProperty(wrapper, key, descriptors[key as keyof typeof descriptors] as PropertyDescriptor);
  }
  defineProperty(wrapper, "name", { value: original.name });
  setPrototypeOf(wrapper, getPrototypeOf(original));
  return freeze(wrapper) as unknown as C;
}

/** A frozen copy of a namespace object (JSON, Math, Reflect). */
function copyNamespace<T extends object>(original: T): T {
  const copy = create(getPrototypeOf(original)) as T;
  const descriptors = getOwnPropertyDescriptors(original);
  for (const key of ownKeys(descriptors)) defineProperty(copy, key, descriptors[key as keyof typeof descriptors] as PropertyDescriptor);
  return freeze(copy);
}

export const Promise: PromiseConstructor = guardConstructor(g.Promise);
export const Object: ObjectConstructor = guardConstructor(g.Object);
export const Array: ArrayConstructor = guardConstructor(g.Array);
export const Map: MapConstructor = guardConstructor(g.Map);
export const Set: SetConstructor = guardConstructor(g.Set);
export const WeakMap: WeakMapConstructor = guardConstructor(g.WeakMap);
export const Error: ErrorConstructor = guardConstructor(g.Error);
export const TypeError: TypeErrorConstructor = guardConstructor(g.TypeError);
export const String: StringConstructor = guardConstructor(g.String);
export const Number: NumberConstructor = guardConstructor(g.Number);
export const Symbol: SymbolConstructor = guardConstructor(g.Symbol);
export const RegExp: RegExpConstructor = guardConstructor(g.RegExp);
export const Date: DateConstructor = guardConstructor(g.Date);
export const BigInt: BigIntConstructor = guardConstructor(g.BigInt);
export const Buffer: BufferConstructor = guardConstructor(g.Buffer);
export const JSON: JSON = copyNamespace(g.JSON);
export const Math: Math = copyNamespace(g.Math);
export const Reflect: typeof g.Reflect = copyNamespace(g.Reflect);
export const process: NodeJS.Process = g.process;
export const console: Console = g.console;
export const performance: typeof g.performance = g.performance;
export const setTimeout: typeof g.setTimeout = g.setTimeout;
export const clearTimeout: typeof g.clearTimeout = g.clearTimeout;
export const setImmediate: typeof g.setImmediate = g.setImmediate;
export const setInterval: typeof g.setInterval = g.setInterval;
export const clearInterval: typeof g.clearInterval = g.clearInterval;
export const globalThisRef: typeof globalThis = g;
/**
 * `promiseThen(p, onFulfilled, onRejected)`: Promise.prototype.then as captured at start-up, for
 * kernel code that chains promises (a cell may replace `Promise.prototype.then`; `await` never
 * looks it up for a native promise, `.then(...)` and `.catch(...)` do).
 */
export function promiseThen<T, R1 = T, R2 = never>(p: PromiseLike<T>, onFulfilled?: ((v: T) => R1 | PromiseLike<R1>) | null, onRejected?: ((e: unknown) => R2 | PromiseLike<R2>) | null): globalThis.Promise<R1 | R2> {
  return reflectApply(PROMISE_THEN, p, [onFulfilled, onRejected]) as globalThis.Promise<R1 | R2>;
}
const PROMISE_THEN = g.Promise.prototype.then;
/** `callFunction(fn, self, ...args)`: calls fn with `this` = self without looking up `fn.call` (a cell may replace Function.prototype.call). */
export function callFunction(fn: (...args: never[]) => unknown, self: unknown, ...args: unknown[]): unknown {
  return reflectApply(fn as (...a: unknown[]) => unknown, self, args);
}
/** `Symbol.for("Jupyter.display")`, the display protocol's key (API.md). */
export const JUPYTER_DISPLAY: symbol = g.Symbol.for("Jupyter.display");

/** Built-in prototypes and namespaces whose own properties the type checker must see unpatched. */
const GUARDED: object[] = [
  g, // the global object's own properties: `JSON = 1` or `function Map() {}` in a cell replace them
  g.Object, g.Object.prototype, g.Array, g.Array.prototype, g.Function.prototype, g.String, g.String.prototype,
  g.Number, g.Number.prototype, g.Boolean.prototype, g.Symbol, g.Symbol.prototype, g.Map.prototype, g.Set.prototype,
  g.WeakMap.prototype, g.WeakSet.prototype, g.Promise, g.Promise.prototype, g.RegExp.prototype, g.Error, g.Error.prototype,
  g.JSON, g.Math, g.Reflect, g.Date, g.Date.prototype, getPrototypeOf(g.Uint8Array), getPrototypeOf(g.Uint8Array.prototype),
];
/**
 * The built-ins' own properties as the kernel loaded them: data properties as parallel arrays
 * (compared by reading the property: no descriptor object per property, so a check of all ~1,500
 * costs a few µs instead of ~90), accessors by descriptor.
 */
const DATA_TARGETS: object[] = [];
const DATA_KEYS: (string | symbol)[] = [];
const DATA_VALUES: unknown[] = [];
const DATA_DESCRIPTORS: PropertyDescriptor[] = [];
const ACCESSORS: { target: object; key: string | symbol; descriptor: PropertyDescriptor }[] = [];
for (const target of GUARDED) {
  const descriptors = getOwnPropertyDescriptors(target);
  for (const key of ownKeys(descriptors)) {
    const descriptor = descriptors[key as keyof typeof descriptors] as PropertyDescriptor;
    if ("value" in descriptor) {
      DATA_TARGETS[DATA_TARGETS.length] = target;
      DATA_KEYS[DATA_KEYS.length] = key;
      DATA_VALUES[DATA_VALUES.length] = descriptor.value;
      DATA_DESCRIPTORS[DATA_DESCRIPTORS.length] = descriptor;
    } else ACCESSORS[ACCESSORS.length] = { target, key, descriptor };
  }
}
const getOwnPropertyDescriptor = g.Object.getOwnPropertyDescriptor;
const NOT_READABLE = g.Symbol("not readable");

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor): boolean {
  return a !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;
}

type Change = { target: object; key: string | symbol; now: PropertyDescriptor | undefined; descriptor: PropertyDescriptor };

/** The built-in properties a cell replaced, deleted or redefined, or null if none. */
function changedBuiltins(): Change[] | null {
  let changed: Change[] | null = null;
  for (let i = 0; i < DATA_TARGETS.length; i++) {
    let now: unknown;
    try {
      now = (DATA_TARGETS[i] as Record<string | symbol, unknown>)[DATA_KEYS[i]];
    } catch {
      now = NOT_READABLE; // a getter a cell put in its place threw
    }
    const was = DATA_VALUES[i];
    if (now === was || (now !== now && was !== was)) continue; // NaN stays NaN
    if (changed === null) changed = [];
    changed[changed.length] = { target: DATA_TARGETS[i], key: DATA_KEYS[i], now: getOwnPropertyDescriptor(DATA_TARGETS[i], DATA_KEYS[i]), descriptor: DATA_DESCRIPTORS[i] };
  }
  for (let i = 0; i < ACCESSORS.length; i++) {
    const a = ACCESSORS[i];
    const now = getOwnPropertyDescriptor(a.target, a.key);
    if (sameDescriptor(now, a.descriptor)) continue;
    if (changed === null) changed = [];
    changed[changed.length] = { target: a.target, key: a.key, now, descriptor: a.descriptor };
  }
  return changed;
}

/**
 * Run `fn` (kernel code: the TypeScript checker) with every built-in method a cell replaced put
 * back, then the cell's replacements again: cells keep their patches, the kernel never runs
 * them. Cost: one read per built-in property (about 1,500: a few µs when nothing changed).
 *
 * @example
 * withPristineBuiltins(() => compiler.compile(code)) // compiled with the original Array.prototype.map
 */
export function withPristineBuiltins<T>(fn: () => T): T {
  const changed = changedBuiltins();
  if (changed === null) return fn();
  const restored: Change[] = [];
  // Index loops, not for-of: a cell may have replaced Array.prototype[Symbol.iterator] itself.
  for (let i = 0; i < changed.length; i++) {
    const c = changed[i];
    try {
      defineProperty(c.target, c.key, c.descriptor);
      restored[restored.length] = c;
    } catch {
      // frozen or non-configurable by the cell: nothing to restore
    }
  }
  try {
    return fn();
  } finally {
    for (let i = 0; i < restored.length; i++) {
      const c = restored[i];
      try {
        if (c.now) defineProperty(c.target, c.key, c.now);
        else delete (c.target as Record<string | symbol, unknown>)[c.key];
      } catch {
        // nothing to do
      }
    }
  }
}

/**
 * Built-ins Node's own event loop calls on every callback, found by tracing a kernel whose cell
 * wrapped them (node:internal/async_hooks' callbackTrampoline calls `cb.apply`, popAsyncContext
 * `Array.prototype.pop`; events and streams iterate arrays): replaced by a cell, they stop every
 * callback of the process (worker messages, timers, the inspector), so no kernel code would run
 * again to answer. The kernel puts these back after each cell and says so on the cell's stderr.
 */
const NODE_CRITICAL: { target: object; key: string | symbol; label: string; descriptor: PropertyDescriptor }[] = [];
{
  const arrayIteratorPrototype = getPrototypeOf([][g.Symbol.iterator]()) as object;
  const list: [object, string | symbol, string][] = [
    [g.Function.prototype, "apply", "Function.prototype.apply"],
    [g.Function.prototype, "call", "Function.prototype.call"],
    [g.Function.prototype, "bind", "Function.prototype.bind"],
    [g.Array.prototype, "pop", "Array.prototype.pop"],
    [g.Array.prototype, g.Symbol.iterator, "Array.prototype[Symbol.iterator]"],
    [arrayIteratorPrototype, "next", "%ArrayIteratorPrototype%.next"],
  ];
  for (let i = 0; i < list.length; i++) {
    const [target, key, label] = list[i];
    NODE_CRITICAL[NODE_CRITICAL.length] = { target, key, label, descriptor: getOwnPropertyDescriptor(target, key) as PropertyDescriptor };
  }
}

/**
 * Put back the built-ins Node's event loop needs (NODE_CRITICAL) if a cell replaced them; the
 * names of those put back (usually none: one comparison each).
 *
 * @example
 * Function.prototype.apply = null; restoreNodeCritical() // ["Function.prototype.apply"]
 */
export function restoreNodeCritical(): string[] {
  const restored: string[] = [];
  for (let i = 0; i < NODE_CRITICAL.length; i++) {
    const c = NODE_CRITICAL[i];
    if (sameDescriptor(getOwnPropertyDescriptor(c.target, c.key), c.descriptor)) continue;
    try {
      defineProperty(c.target, c.key, c.descriptor);
      restored[restored.length] = c.label;
    } catch {
      // made non-configurable by the cell: nothing the kernel can do
    }
  }
  return restored;
}
