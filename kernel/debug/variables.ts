/**
 * Values of the main thread as DAP variables: what the Variables panel lists and expands.
 *
 * A `variablesReference` is a handle into this table: the scopes of a paused frame, the
 * notebook's globals, an object, or an NDArray (expanded as shape, strides, dtype, flags, base,
 * values: remote-functions.ts). Handles and the inspector's object handles live until the
 * thread resumes or the globals are listed again (`reset`), as DAP allows.
 */
import type { DapVariable } from "./dap.js";
import type { InspectorClient, RemoteObject } from "./inspector-client.js";
import { callUserGlobals, indexedSlice, ndarrayDetails, ndarraySummary } from "./remote-functions.js";

/** The inspector object group every handle of the debugger belongs to. */
export const OBJECT_GROUP = "strided-debug";

/** Elements of an array listed when the client asks without paging. */
const UNPAGED_ELEMENTS = 100;

type Handle =
  | { kind: "scopes"; objectIds: string[]; evaluatePrefix: string }
  | { kind: "globals"; helperId: string | null }
  | { kind: "object"; objectId: string; evaluateName: string; indexed: number }
  | { kind: "ndarray"; objectId: string; evaluateName: string };

const IDENT = /^[A-Za-z_$][\w$]*$/;

function childName(parent: string, name: string): string {
  if (!parent) return name;
  if (/^\d+$/.test(name)) return `${parent}[${name}]`;
  return IDENT.test(name) ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`;
}

/** The text a primitive shows as (JavaScript's own spelling: strings quoted, 5n, -0, NaN). */
export function primitiveText(o: RemoteObject): string {
  if (o.unserializableValue !== undefined) return o.unserializableValue;
  if (o.type === "string") return JSON.stringify(o.value);
  if (o.type === "undefined") return "undefined";
  if (o.subtype === "null") return "null";
  if (o.description !== undefined) return o.description;
  return String(o.value);
}

export class Variables {
  private handles = new Map<number, Handle>();
  private next = 1;

  constructor(private readonly inspector: InspectorClient) {}

  /** Forget every handle (on resume, or before listing the globals anew). */
  reset(): void {
    this.handles.clear();
    void this.inspector.call("Runtime.releaseObjectGroup", { objectGroup: OBJECT_GROUP }).catch(() => undefined);
  }

  /** A reference for the scopes given (a frame's Locals or Globals). */
  scopes(objectIds: string[]): number {
    return this.add({ kind: "scopes", objectIds, evaluatePrefix: "" });
  }

  /** A reference for the notebook's globals (lexical bindings of every cell plus cell-made globals). */
  globals(helperId: string | null): number {
    return this.add({ kind: "globals", helperId });
  }

  /** One value as a DAP variable (objects get a reference to expand them). */
  async describe(name: string, o: RemoteObject, evaluateName: string): Promise<DapVariable> {
    if (o.objectId === undefined || o.subtype === "null") {
      return { name, value: primitiveText(o), type: o.subtype === "null" ? "null" : o.type, evaluateName, variablesReference: 0 };
    }
    if (o.className === "NDArray") {
      const summary = await this.callOn(o.objectId, ndarraySummary, true).catch(() => undefined);
      return {
        name,
        value: typeof summary === "string" ? summary : (o.description ?? "NDArray"),
        type: "NDArray",
        evaluateName,
        variablesReference: this.add({ kind: "ndarray", objectId: o.objectId, evaluateName }),
        namedVariables: 12,
      };
    }
    const indexed = o.subtype === "array" || o.subtype === "typedarray" ? Number(/\((\d+)\)/.exec(o.description ?? "")?.[1] ?? 0) : 0;
    const value = o.type === "function" ? (o.description ?? "function").split("\n")[0] : (o.description ?? o.className ?? "Object");
    const v: DapVariable = {
      name,
      value,
      type: o.className ?? o.type,
      evaluateName,
      variablesReference: this.add({ kind: "object", objectId: o.objectId, evaluateName, indexed }),
    };
    if (indexed > 0) v.indexedVariables = indexed;
    return v;
  }

  /** The children of a reference; `start`/`count` page through an array's elements. */
  async children(ref: number, paging: { start?: number; count?: number; filter?: string }): Promise<DapVariable[] | null> {
    const h = this.handles.get(ref);
    if (!h) return null;
    switch (h.kind) {
      case "scopes": {
        const out: DapVariable[] = [];
        const seen = new Set<string>();
        for (const id of h.objectIds) {
          for (const v of await this.properties(id, h.evaluatePrefix)) {
            if (seen.has(v.name)) continue; // an inner scope's binding shadows an outer one
            seen.add(v.name);
            out.push(v);
          }
        }
        return out;
      }
      case "globals":
        return this.listGlobals(h.helperId);
      case "ndarray": {
        const details = await this.inspector.call("Runtime.callFunctionOn", {
          objectId: h.objectId,
          functionDeclaration: ndarrayDetails.toString(),
          objectGroup: OBJECT_GROUP,
          silent: true,
        });
        if (details.exceptionDetails || !details.result.objectId) return [];
        return this.properties(details.result.objectId, h.evaluateName);
      }
      case "object": {
        if (h.indexed > 0 && paging.filter !== "named") {
          const start = paging.start ?? 0;
          const count = paging.count ?? (paging.filter === "indexed" ? h.indexed : UNPAGED_ELEMENTS);
          const slice = await this.inspector.call("Runtime.callFunctionOn", {
            objectId: h.objectId,
            functionDeclaration: indexedSlice.toString(),
            arguments: [{ value: start }, { value: count }],
            objectGroup: OBJECT_GROUP,
            silent: true,
          });
          if (slice.exceptionDetails || !slice.result.objectId) return [];
          return this.properties(slice.result.objectId, h.evaluateName);
        }
        const all = await this.properties(h.objectId, h.evaluateName);
        return h.indexed > 0 ? all.filter((v) => !/^\d+$/.test(v.name)) : all;
      }
    }
  }

  /** The notebook's globals: every cell's lexical bindings, then what cells put on globalThis. */
  async listGlobals(helperId: string | null): Promise<DapVariable[]> {
    const { names } = await this.inspector.call("Runtime.globalLexicalScopeNames", {});
    const all = [...names];
    if (helperId) {
      const r = await this.inspector.call("Runtime.callFunctionOn", { objectId: helperId, functionDeclaration: callUserGlobals.toString(), returnByValue: true, silent: true });
      if (!r.exceptionDetails && Array.isArray(r.result.value)) for (const n of r.result.value as string[]) if (!all.includes(n)) all.push(n);
    }
    const out: DapVariable[] = [];
    for (const name of all) {
      if (name.startsWith("__strided")) continue;
      const r = await this.inspector.call("Runtime.evaluate", { expression: name, objectGroup: OBJECT_GROUP, silent: true });
      if (r.exceptionDetails) continue; // declared by a cell that never reached it (TDZ)
      out.push(await this.describe(name, r.result, name));
    }
    return out;
  }

  private async properties(objectId: string, evaluatePrefix: string): Promise<DapVariable[]> {
    const { result } = await this.inspector.call("Runtime.getProperties", { objectId, ownProperties: true, generatePreview: false });
    const out: DapVariable[] = [];
    for (const p of result) {
      if (!p.value || p.name === "__proto__") continue;
      out.push(await this.describe(p.name, p.value, childName(evaluatePrefix, p.name)));
    }
    return out;
  }

  private async callOn(objectId: string, fn: (this: never, ...args: never[]) => unknown, byValue: boolean): Promise<unknown> {
    const r = await this.inspector.call("Runtime.callFunctionOn", { objectId, functionDeclaration: fn.toString(), returnByValue: byValue, objectGroup: OBJECT_GROUP, silent: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value;
  }

  private add(h: Handle): number {
    const id = this.next++;
    this.handles.set(id, h);
    return id;
  }
}
