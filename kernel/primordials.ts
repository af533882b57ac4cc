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
/** The built-ins' own property descriptors, as the kernel loaded them. */
const PRISTINE: { target: object; key: string | symbol; descriptor: PropertyDescriptor }[] = [];
for (const target of GUARDED) {
  const descriptors = getOwnPropertyDescriptors(target);
  for (const key of ownKeys(descriptors)) PRISTINE[PRISTINE.length] = { target, key, descriptor: descriptors[key as keyof typeof descriptors] as PropertyDescriptor };
}
const getOwnPropertyDescriptor = g.Object.getOwnPropertyDescriptor;

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor): boolean {
  return a !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;
}

/**
 * Run `fn` (kernel code: the TypeScript checker) with every built-in method a cell replaced put
 * back, then the cell's replacements again: cells keep their patches, the kernel never runs
 * them. Cost: one comparison per built-in property (about 1,500, tens of µs).
 *
 * @example
 * withPristineBuiltins(() => compiler.compile(code)) // compiled with the original Array.prototype.map
 */
export function withPristineBuiltins<T>(fn: () => T): T {
  let changed: { target: object; key: string | symbol; now: PropertyDescriptor | undefined; descriptor: PropertyDescriptor }[] | null = null;
  for (let i = 0; i < PRISTINE.length; i++) {
    const p = PRISTINE[i];
    const now = getOwnPropertyDescriptor(p.target, p.key);
    if (sameDescriptor(now, p.descriptor)) continue;
    if (changed === null) changed = [];
    changed[changed.length] = { target: p.target, key: p.key, now, descriptor: p.descriptor };
  }
  if (changed === null) return fn();
  const restored: typeof changed = [];
  for (const c of changed) {
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
    for (const c of restored) {
      try {
        if (c.now) defineProperty(c.target, c.key, c.now);
        else delete (c.target as Record<string | symbol, unknown>)[c.key];
      } catch {
        // nothing to do
      }
    }
  }
}
