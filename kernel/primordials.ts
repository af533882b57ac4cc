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
const reflectDeleteProperty = g.Reflect.deleteProperty;

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
/**
 * A subclass of a collection whose prototype holds copies of the collection's own methods as at
 * start-up (Node's `makeSafe`, lib/internal/per_context/primordials.js): `map.set(k, v)` on one
 * of the kernel's maps finds SafeMap.prototype's `set` first, which no cell can reach, so
 * `Map.prototype.set = null` in a cell stays the cell's (it failed every later cell: the kernel's
 * source-map store calls `set` for each cell, outside any window). Instances are still
 * `instanceof` the built-in. The iterators `keys()`/`values()`/`entries()` return are the
 * built-in's (their `next` is %MapIteratorPrototype%'s).
 */
function makeSafe<C extends new (...args: never[]) => object>(unsafe: C, safe: C, sample?: object): C {
  const descriptors = getOwnPropertyDescriptors(unsafe.prototype) as Record<string | symbol, PropertyDescriptor>;
  const keys = ownKeys(descriptors);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === "constructor") continue;
    const d = descriptors[keys[i]];
    const method = d.value as ((this: object) => Iterator<unknown>) | undefined;
    // keys(), values(), entries(), [Symbol.iterator](): an iterator whose `next` is the one captured now
    if (sample !== undefined && typeof method === "function" && (keys[i] === "keys" || keys[i] === "values" || keys[i] === "entries" || keys[i] === g.Symbol.iterator)) {
      d.value = safeIteration(method, reflectApply(method, sample, []) as Iterator<unknown>);
    }
    defineProperty(safe.prototype, keys[i], d);
  }
  freeze(safe.prototype);
  defineProperty(safe, "name", { value: unsafe.name }); // `Map`, as the built-in's
  return guardConstructor(safe);
}

/**
 * `method` (Map.prototype.keys, ...) made to return an iterator that steps with the iterator
 * prototype's `next` as at start-up (`for (const k of map.keys())` in kernel code would otherwise
 * call a cell's %MapIteratorPrototype%.next). Node's createSafeIterator.
 */
function safeIteration(method: (this: object) => Iterator<unknown>, sampleIterator: Iterator<unknown>): (this: object) => Iterator<unknown> {
  const next = getPrototypeOf(sampleIterator).next as (this: Iterator<unknown>) => IteratorResult<unknown>;
  const prototype = create(null) as Iterator<unknown> & { it: Iterator<unknown> };
  defineProperty(prototype, "next", { value: function (this: { it: Iterator<unknown> }) { return reflectApply(next, this.it, []); } });
  defineProperty(prototype, g.Symbol.iterator, { value: function <T>(this: T): T { return this; } });
  freeze(prototype);
  return function (this: object): Iterator<unknown> {
    const safe = create(prototype) as { it: Iterator<unknown> };
    safe.it = reflectApply(method, this, []);
    return safe as unknown as Iterator<unknown>;
  };
}

export const Map: MapConstructor = makeSafe(g.Map, class SafeMap<K, V> extends g.Map<K, V> {}, new g.Map());
export const Set: SetConstructor = makeSafe(g.Set, class SafeSet<T> extends g.Set<T> {}, new g.Set());
export const WeakMap: WeakMapConstructor = makeSafe(g.WeakMap, class SafeWeakMap<K extends object, V> extends g.WeakMap<K, V> {});
export const WeakSet: WeakSetConstructor = makeSafe(g.WeakSet, class SafeWeakSet<T extends object> extends g.WeakSet<T> {});
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
  // Buffers: the messages the kernel sends and reads (Node's net and stream code, display's base64)
  g.Uint8Array.prototype, g.Buffer, g.Buffer.prototype,
  // what `for...of` and spreading call on a string, an array, a Map or a Set (the source-map decoder
  // iterates the cell's mappings: a cell's %StringIteratorPrototype%.next failed every later cell)
  getPrototypeOf(""[g.Symbol.iterator]()), getPrototypeOf([][g.Symbol.iterator]()), getPrototypeOf(new g.Map().keys()), getPrototypeOf(new g.Set().keys()),
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
/**
 * A function, generated from DATA_TARGETS/KEYS/VALUES, that says whether every recorded data
 * property still holds its value, or null (made again by the next check). Why generated: one
 * statement per property with the key written out (`t3["push"] !== V[41]`) makes each read a
 * named load whose inline cache sees one object, where the loop over parallel arrays reads ~460
 * properties through V8's megamorphic keyed load (~24 ns each): measured in plain node, a window
 * with nothing patched 20.7 -> 11 us of CPU. It only answers "nothing changed"; anything else
 * (a value replaced, a getter in its place, a getter that throws) goes to the loop below, which
 * finds what changed exactly as before.
 */
let dataCheck: (() => boolean) | null = null;
recordGuarded(null);

/**
 * Record every own property of the GUARDED built-ins as it is now; of the global object, with
 * `globalKeys`, only those keys (what the global object gains later is the notebook's and the
 * kernel's globals: `np`, `display`, variables, never compared).
 */
function recordGuarded(globalKeys: (string | symbol)[] | null): void {
  for (let t = 0; t < GUARDED.length; t++) {
    const target = GUARDED[t];
    if (target === g && globalKeys !== null) {
      for (let i = 0; i < globalKeys.length; i++) {
        const descriptor = getOwnPropertyDescriptor(g, globalKeys[i]);
        if (descriptor !== undefined) recordBuiltin(g, globalKeys[i], descriptor);
      }
      continue;
    }
    const descriptors = getOwnPropertyDescriptors(target);
    const keys = ownKeys(descriptors);
    for (let i = 0; i < keys.length; i++) recordBuiltin(target, keys[i], descriptors[keys[i] as keyof typeof descriptors] as PropertyDescriptor);
  }
}

/** Remember `target[key]`'s descriptor as the built-in's own (compared and put back around the kernel's windows). */
function recordBuiltin(target: object, key: string | symbol, descriptor: PropertyDescriptor): void {
  // Neither configurable nor writable (Math.PI, Symbol.iterator, Array.prototype as Array's
  // property, ...): no cell can change it, so it is never compared (and a double is never boxed to be).
  if (!descriptor.configurable && !descriptor.writable) return;
  if ("value" in descriptor) {
    dataCheck = null; // made again, with this property, by the next check
    DATA_TARGETS[DATA_TARGETS.length] = target;
    DATA_KEYS[DATA_KEYS.length] = key;
    DATA_VALUES[DATA_VALUES.length] = descriptor.value;
    DATA_DESCRIPTORS[DATA_DESCRIPTORS.length] = descriptor;
  } else ACCESSORS[ACCESSORS.length] = { target, key, descriptor };
}
const getOwnPropertyDescriptor = g.Object.getOwnPropertyDescriptor;
const NOT_READABLE = g.Symbol("not readable");
/**
 * Prototypes on which a property a cell ADDS is inherited by the kernel's own objects (a setter
 * `text` or `name` on Object.prototype runs inside TypeScript's constructors; a `then` makes every
 * object a thenable): inside withPristineBuiltins such additions are taken off. Not the global
 * object (its additions are the notebook's variables), namespaces (nothing inherits from them),
 * nor the other prototypes (an addition to String.prototype or Map.prototype stays visible to the
 * kernel's windows: the price of listing their keys in every window, measured below).
 */
const WATCHED: object[] = [];
/** WATCHED[i]'s own keys as the kernel loaded them (null-prototype objects: lookups run no cell code). */
const WATCHED_KEYS: Record<string | symbol, true>[] = [];
// Only the three every object, array and function inherits from, and Uint8Array.prototype (an
// added `set` there hides %TypedArray%.prototype.set from every Buffer; 2 keys, ~0.1 us): listing
// a prototype's keys is the window's dearest step (all 16 built-in prototypes: 284 keys, ~17 us and
// ~8 KB per window, which with several windows per execute doubled the kernel's collections and
// `1 + 1` time). Not Buffer.prototype: its 97 keys made a window 12 -> 17 us of CPU, and the
// kernel's bytes no longer go through lookups on a Buffer (transport/frames.ts).
const WATCHED_PROTOTYPES: readonly object[] = [g.Object.prototype, g.Array.prototype, g.Function.prototype, g.Uint8Array.prototype];
for (let i = 0; i < WATCHED_PROTOTYPES.length; i++) {
  const target = WATCHED_PROTOTYPES[i];
  const keys = create(null) as Record<string | symbol, true>;
  const own = ownKeys(target);
  for (let j = 0; j < own.length; j++) keys[own[j]] = true;
  WATCHED[WATCHED.length] = target;
  WATCHED_KEYS[WATCHED_KEYS.length] = keys;
}

type LookupAccessor = (target: object, key: string | symbol) => unknown;
const objectPrototypeWithLookups = g.Object.prototype as { __lookupGetter__(key: string | symbol): unknown; __lookupSetter__(key: string | symbol): unknown };
const getterOf = g.Function.prototype.call.bind(objectPrototypeWithLookups.__lookupGetter__) as LookupAccessor;
const setterOf = g.Function.prototype.call.bind(objectPrototypeWithLookups.__lookupSetter__) as LookupAccessor;
/**
 * Whether `target[key]` is still the accessor `d`, without making a descriptor object: the getter
 * and setter found from `target` (own first: a data property or another accessor in its place
 * gives other functions) are d's, and `target` still has the key as its own.
 */
function sameAccessor(target: object, key: string | symbol, d: PropertyDescriptor): boolean {
  try {
    return getterOf(target, key) === d.get && setterOf(target, key) === d.set && objectHasOwn(target, key);
  } catch {
    return false;
  }
}

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor): boolean {
  return a !== undefined && a.value === b.value && a.get === b.get && a.set === b.set;
}

/** `descriptor` undefined: the built-in had no such property (a cell added it). */
type Change = { target: object; key: string | symbol; now: PropertyDescriptor | undefined; descriptor: PropertyDescriptor | undefined };

const FunctionConstructor = g.Function;
const jsonString = g.JSON.stringify;

function makeDataCheck(): () => boolean {
  // Built from the kernel's own arrays with string concatenation and captured functions only: it
  // may run inside a window's check, while a cell's patches are still in place.
  const targets: object[] = [];
  const symbols: symbol[] = [];
  let head = "";
  let body = "";
  for (let i = 0; i < DATA_TARGETS.length; i++) {
    const target = DATA_TARGETS[i];
    if (target === NO_TARGET) continue;
    let t = -1;
    for (let j = 0; j < targets.length; j++) if (targets[j] === target) t = j;
    if (t < 0) {
      t = targets.length;
      targets[t] = target;
      head += `const t${t} = T[${t}];\n`;
    }
    const key = DATA_KEYS[i];
    let read: string;
    if (typeof key === "symbol") {
      symbols[symbols.length] = key;
      read = `t${t}[S[${symbols.length - 1}]]`;
    } else read = `t${t}[${jsonString(key)}]`;
    const was = DATA_VALUES[i];
    body += was !== was ? `if (${read} === ${read}) return false;\n` : `if (${read} !== V[${i}]) return false;\n`;
  }
  const make = FunctionConstructor("T", "S", "V", `"use strict";\n${head}return function dataUnchanged() {\n${body}return true;\n};`) as (T: object[], S: symbol[], V: unknown[]) => () => boolean;
  return make(targets, symbols, DATA_VALUES);
}

/** True when the generated check says every recorded data property is unchanged (false: look property by property). */
function dataUnchanged(): boolean {
  try {
    if (dataCheck === null) dataCheck = makeDataCheck();
    return dataCheck();
  } catch {
    return false; // a getter a cell put in a property's place threw: the loop finds it
  }
}

/** The built-in properties a cell replaced, deleted or redefined, or null if none. */
function changedBuiltins(): Change[] | null {
  let changed: Change[] | null = null;
  for (let i = dataUnchanged() ? DATA_TARGETS.length : 0; i < DATA_TARGETS.length; i++) {
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
    if (a.target === NO_TARGET) continue;
    if (sameAccessor(a.target, a.key, a.descriptor)) continue; // no descriptor object per accessor per window
    const now = getOwnPropertyDescriptor(a.target, a.key);
    if (sameDescriptor(now, a.descriptor)) continue;
    if (changed === null) changed = [];
    changed[changed.length] = { target: a.target, key: a.key, now, descriptor: a.descriptor };
  }
  for (let i = 0; i < WATCHED.length; i++) {
    const own = ownKeys(WATCHED[i]);
    const was = WATCHED_KEYS[i];
    for (let j = 0; j < own.length; j++) {
      if (was[own[j]] === true) continue;
      if (changed === null) changed = [];
      changed[changed.length] = { target: WATCHED[i], key: own[j], now: getOwnPropertyDescriptor(WATCHED[i], own[j]), descriptor: undefined };
    }
  }
  return changed;
}

/**
 * Run `fn` (kernel code: the TypeScript checker) with every built-in method a cell replaced put
 * back, then the cell's replacements again: cells keep their patches, the kernel never runs
 * them. Cost, paid in full by every window: ~460 data properties read (megamorphic keyed loads),
 * ~70-110 accessors looked up (two C++ calls each), the own keys of the four WATCHED prototypes
 * listed (~3 KB allocated); 40-55 us measured in plain node under load 10, nothing restored. The
 * kernel opens three per execute with a result (the request's message, the cell's checks, the
 * display). There is no "nothing changed since" flag: notebook code can run where no hook the
 * kernel has sees it (FinalizationRegistry callbacks run outside any async context, an
 * `unhandledRejection` listener after the microtask drain, a cell's getters and
 * `Error.prepareStackTrace` inside kernel code), so skipping a check could let the checker run
 * with a patched built-in.
 *
 * @example
 * withPristineBuiltins(() => compiler.compile(code)) // compiled with the original Array.prototype.map
 */
export function withPristineBuiltins<T>(fn: () => T): T {
  pristineDepth++;
  try {
    return withPristineBuiltinsNow(fn);
  } finally {
    pristineDepth--;
  }
}

let pristineDepth = 0;
/** True while kernel code runs inside withPristineBuiltins (an accessor the kernel installed then answers with the kernel's value). */
export function inPristineWindow(): boolean {
  return pristineDepth > 0;
}

function withPristineBuiltinsNow<T>(fn: () => T): T {
  const changed = changedBuiltins();
  if (changed === null) return fn();
  const restored: Change[] = [];
  // Index loops, not for-of: a cell may have replaced Array.prototype[Symbol.iterator] itself.
  for (let i = 0; i < changed.length; i++) {
    const c = changed[i];
    try {
      if (c.descriptor !== undefined) defineProperty(c.target, c.key, c.descriptor);
      else if (!reflectDeleteProperty(c.target, c.key)) continue; // non-configurable: it stays
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
 * Record the current value of `target[key]` as the built-in's own: the kernel replaced it at
 * start-up on purpose (run/cell-stacks.ts: Error.prepareStackTrace), so withPristineBuiltins puts
 * back this value, not Node's, when a cell replaces it.
 *
 * @example
 * Error.prepareStackTrace = mine; adoptBuiltin(Error, "prepareStackTrace") // kernel paths now see `mine`
 */
export function adoptBuiltin(target: object, key: string | symbol): void {
  const descriptor = getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  for (let i = 0; i < DATA_TARGETS.length; i++) {
    if (DATA_TARGETS[i] !== target || DATA_KEYS[i] !== key) continue;
    DATA_TARGETS[i] = NO_TARGET; // no longer a data property of the built-in: never compared again
    DATA_VALUES[i] = undefined;
    dataCheck = null;
  }
  for (let i = 0; i < ACCESSORS.length; i++) if (ACCESSORS[i].target === target && ACCESSORS[i].key === key) ACCESSORS[i].target = NO_TARGET;
  for (let i = 0; i < WATCHED.length; i++) if (WATCHED[i] === target) WATCHED_KEYS[i][key] = true; // the kernel's addition, not a cell's
  let guarded = false;
  for (let i = 0; i < GUARDED.length; i++) if (GUARDED[i] === target) guarded = true;
  if (!guarded) ADOPTED_ELSEWHERE[ADOPTED_ELSEWHERE.length] = { target, key };
  recordBuiltin(target, key, descriptor);
}
/** Stands in for a record adoptBuiltin retired: an object with no own properties, so it always reads as unchanged. */
const NO_TARGET: object = freeze(create(null));

/**
 * Built-ins Node's own event loop calls on every callback, found by tracing a kernel whose cell
 * wrapped them (node:internal/async_hooks' callbackTrampoline calls `cb.apply`, popAsyncContext
 * `Array.prototype.pop`; events and streams iterate arrays): replaced by a cell, they stop every
 * callback of the process (worker messages, timers, the inspector), so no kernel code would run
 * again to answer. The kernel puts these back after each cell and says so on the cell's stderr.
 */
/** `expected`: what reading target[key] gave at start-up (restoreNodeCritical's allocation-free check). */
const NODE_CRITICAL: { target: object; key: string | symbol; label: string; descriptor: PropertyDescriptor | undefined; expected: unknown; allowed?: "functions" | "objects" }[] = [];
const readProperty = (target: object, key: string | symbol): unknown => (target as Record<string | symbol, unknown>)[key];
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
    NODE_CRITICAL[NODE_CRITICAL.length] = { target, key, label, descriptor: getOwnPropertyDescriptor(target, key) as PropertyDescriptor, expected: readProperty(target, key) };
  }
  // A `then` on these makes every plain object, array or function a thenable: each promise the
  // kernel (or Node) resolves with one (a reply's content, a message) would resolve to whatever
  // that `then` gives. The built-ins have none; one a cell adds is taken off.
  const thenables: [object, string][] = [
    [g.Object.prototype, "Object.prototype.then"],
    [g.Array.prototype, "Array.prototype.then"],
    [g.Function.prototype, "Function.prototype.then"],
  ];
  for (let i = 0; i < thenables.length; i++) NODE_CRITICAL[NODE_CRITICAL.length] = { target: thenables[i][0], key: "then", label: thenables[i][1], descriptor: undefined, expected: undefined };
}

/**
 * Add `target[key]` (as it is now) to what restoreNodeCritical puts back; with `allowed`
 * "functions", only a value that is no function is undone (packages wrap `process.emit`; `null`
 * stops Node); with "objects", only one that is no object (Node itself replaces `process._events`
 * when all listeners are removed).
 *
 * @example
 * protectForEventLoop(EventEmitter.prototype, "emit", "EventEmitter.prototype.emit")
 */
export function protectForEventLoop(target: object, key: string | symbol, label: string, allowed?: "functions" | "objects"): void {
  NODE_CRITICAL[NODE_CRITICAL.length] = { target, key, label, descriptor: getOwnPropertyDescriptor(target, key), expected: readProperty(target, key), allowed };
}
/** The value Node can live with under `allowed` (see protectForEventLoop). */
function allowedValue(allowed: "functions" | "objects", v: unknown): boolean {
  return allowed === "functions" ? typeof v === "function" : typeof v === "object" && v !== null;
}

/**
 * Put back the built-ins Node's event loop needs (NODE_CRITICAL) if a cell replaced them; the
 * names of those put back (usually none: one comparison each).
 *
 * @example
 * Function.prototype.apply = null; restoreNodeCritical() // ["Function.prototype.apply"]
 */
export function restoreNodeCritical(): readonly string[] {
  let restored: string[] | null = null;
  for (let i = 0; i < NODE_CRITICAL.length; i++) {
    const c = NODE_CRITICAL[i];
    if (unchangedForNode(c)) continue;
    const now = getOwnPropertyDescriptor(c.target, c.key);
    if (c.descriptor === undefined ? now === undefined : sameDescriptor(now, c.descriptor)) continue;
    if (c.allowed !== undefined && (now === undefined || allowedValue(c.allowed, now.value) || now.get !== undefined)) continue; // a wrapper (signal-exit wraps process.emit): left as is
    try {
      if (c.descriptor !== undefined) defineProperty(c.target, c.key, c.descriptor);
      else if (!reflectDeleteProperty(c.target, c.key)) continue;
      (restored ??= [])[restored.length] = c.label;
    } catch {
      // made non-configurable by the cell: nothing the kernel can do
    }
  }
  return restored ?? NOTHING_RESTORED;
}

const NOTHING_RESTORED: readonly string[] = freeze([]) as readonly string[];
const objectHasOwn = g.Object.hasOwn;

/**
 * The check restoreNodeCritical makes first, run after every callback and promise reaction
 * (run/node-guard.ts), so it allocates nothing: what Node's own code would read (`target[key]`)
 * is still what it gave at start-up (or, with `allowed`, a function or an object); an absent `then` is still
 * absent. Anything else (a different value, a getter that throws) goes to the full descriptor
 * comparison. A getter a cell installed is called here, as Node's own read would call it next.
 * Measured (1e6 `await null` in a cell): 25 descriptor reads per reaction made it 5-6x slower
 * than before the guard; this check keeps it within about 1.5x.
 */
function unchangedForNode(c: (typeof NODE_CRITICAL)[number]): boolean {
  if (c.descriptor === undefined) return !objectHasOwn(c.target, c.key);
  try {
    const v = readProperty(c.target, c.key);
    return c.allowed !== undefined ? allowedValue(c.allowed, v) : v === c.expected;
  } catch {
    return false;
  }
}

/** Properties adoptBuiltin recorded on objects outside GUARDED (adoptCurrentBuiltins records them again). */
const ADOPTED_ELSEWHERE: { target: object; key: string | symbol }[] = [];

/**
 * Take the built-ins as they are now as their own: what withPristineBuiltins puts back and
 * restoreNodeCritical compares with. Called by the cell session once its set-up is done and before
 * any cell can run (session/index.ts), so the kernel's own start-up changes are not "patches".
 *
 * Why: this module's records are made when it loads, which for a kernel started from the startup
 * snapshot is in the snapshot's builder. Deserialising adds what V8 installs after a snapshot
 * (`Array.prototype.toSorted`, `toReversed`, `toSpliced`, `with`) and Node's fresh lazy accessors
 * (`crypto`, `Crypto`, ...), and the kernel itself replaces `console` and `Error.stackTraceLimit`.
 * Read as a cell's patches, every kernel window took four methods off Array.prototype and put
 * them back (deleting from a prototype turns it into a dictionary: ~75 KB allocated per window,
 * and every inline cache that had seen Array.prototype started again) and redefined five globals:
 * measured in a blob kernel, 1,000 `1 + 1` allocated 197 MB instead of 103 MB.
 *
 * @example
 * adoptCurrentBuiltins(); withPristineBuiltins(() => 1) // 1, with nothing taken off or put back
 */
export function adoptCurrentBuiltins(): void {
  const globalKeys: (string | symbol)[] = [];
  for (let i = 0; i < DATA_TARGETS.length; i++) if (DATA_TARGETS[i] === g) globalKeys[globalKeys.length] = DATA_KEYS[i];
  for (let i = 0; i < ACCESSORS.length; i++) if (ACCESSORS[i].target === g) globalKeys[globalKeys.length] = ACCESSORS[i].key;
  DATA_TARGETS.length = 0;
  DATA_KEYS.length = 0;
  DATA_VALUES.length = 0;
  DATA_DESCRIPTORS.length = 0;
  ACCESSORS.length = 0;
  recordGuarded(globalKeys);
  for (let i = 0; i < ADOPTED_ELSEWHERE.length; i++) {
    const { target, key } = ADOPTED_ELSEWHERE[i];
    const descriptor = getOwnPropertyDescriptor(target, key);
    if (descriptor) recordBuiltin(target, key, descriptor);
  }
  for (let i = 0; i < WATCHED.length; i++) {
    const keys = create(null) as Record<string | symbol, true>;
    const own = ownKeys(WATCHED[i]);
    for (let j = 0; j < own.length; j++) keys[own[j]] = true;
    WATCHED_KEYS[i] = keys;
  }
  for (let i = 0; i < NODE_CRITICAL.length; i++) {
    const c = NODE_CRITICAL[i];
    if (c.descriptor === undefined) continue; // a `then` the built-ins must not have: stays "absent"
    const descriptor = getOwnPropertyDescriptor(c.target, c.key);
    if (descriptor === undefined) continue;
    c.descriptor = descriptor;
    c.expected = readProperty(c.target, c.key);
  }
}
