/**
 * A promise-returning wrapper over an inspector session connected to the main thread
 * (`Session.connectToMainThread()`, on the agent worker), typed for the Chrome DevTools
 * Protocol calls the debugger makes. V8 dispatches these while the main thread is paused at a
 * breakpoint or busy in a cell, which is why the debugger lives on the worker.
 */
import inspector from "node:inspector";

/** A CDP RemoteObject (Runtime domain). */
export interface RemoteObject {
  type: string;
  subtype?: string;
  className?: string;
  value?: unknown;
  unserializableValue?: string;
  description?: string;
  objectId?: string;
}

/** A CDP call frame (Debugger domain), the fields read here. */
export interface CallFrame {
  callFrameId: string;
  functionName: string;
  location: { scriptId: string; lineNumber: number; columnNumber?: number };
  scopeChain: { type: string; object: RemoteObject; name?: string }[];
}

export interface PausedEvent {
  callFrames: CallFrame[];
  reason: string;
  hitBreakpoints?: string[];
  data?: RemoteObject;
}

export interface PropertyDescriptor {
  name: string;
  value?: RemoteObject;
  enumerable?: boolean;
  isOwn?: boolean;
}

export interface EvaluateResult {
  result: RemoteObject;
  exceptionDetails?: { text: string; exception?: RemoteObject };
}

/** The CDP calls the debugger makes, with their parameters and results. */
interface Calls {
  "Debugger.enable": [Record<string, never>, unknown];
  "Debugger.disable": [Record<string, never>, unknown];
  "Debugger.setBlackboxPatterns": [{ patterns: string[] }, unknown];
  "Debugger.setBreakpointByUrl": [{ url: string; lineNumber: number; columnNumber?: number; condition?: string }, { breakpointId: string }];
  "Debugger.removeBreakpoint": [{ breakpointId: string }, unknown];
  "Debugger.setBreakpointsActive": [{ active: boolean }, unknown];
  "Debugger.setPauseOnExceptions": [{ state: "none" | "uncaught" | "all" }, unknown];
  "Debugger.resume": [Record<string, never>, unknown];
  "Debugger.pause": [Record<string, never>, unknown];
  "Debugger.stepOver": [Record<string, never>, unknown];
  "Debugger.stepInto": [Record<string, never>, unknown];
  "Debugger.stepOut": [Record<string, never>, unknown];
  "Debugger.evaluateOnCallFrame": [{ callFrameId: string; expression: string; objectGroup: string; silent?: boolean }, EvaluateResult];
  "Runtime.evaluate": [{ expression: string; objectGroup: string; replMode?: boolean; silent?: boolean; returnByValue?: boolean }, EvaluateResult];
  "Runtime.callFunctionOn": [
    { objectId: string; functionDeclaration: string; arguments?: ({ value: unknown } | { objectId: string } | { unserializableValue: string })[]; returnByValue?: boolean; objectGroup?: string; silent?: boolean },
    EvaluateResult,
  ];
  "Runtime.getProperties": [{ objectId: string; ownProperties: boolean; generatePreview?: boolean }, { result: PropertyDescriptor[] }];
  "Runtime.globalLexicalScopeNames": [Record<string, never>, { names: string[] }];
  "Runtime.releaseObjectGroup": [{ objectGroup: string }, unknown];
  "Runtime.terminateExecution": [Record<string, never>, unknown];
}

export type Method = keyof Calls;

export class InspectorClient {
  private session: inspector.Session | null;

  /**
   * Connects at once: connecting while the main thread spins would leave this thread stuck
   * (kernel/transport/terminator.ts); an idle connected session costs the main thread nothing.
   */
  constructor(onError: (why: string) => void) {
    try {
      this.session = new inspector.Session();
      this.session.connectToMainThread();
    } catch (e) {
      this.session = null;
      onError(`no inspector session to the main thread: ${(e as Error).message}`);
    }
  }

  get available(): boolean {
    return this.session !== null;
  }

  call<M extends Method>(method: M, params: Calls[M][0]): Promise<Calls[M][1]> {
    const s = this.session;
    if (!s) return Promise.reject(new Error("the debugger has no inspector session to the main thread"));
    return new Promise((resolve, reject) => {
      s.post(method, params as object, (err, res) => (err ? reject(new Error(err.message)) : resolve(res as Calls[M][1])));
    });
  }

  on(event: "Debugger.paused", fn: (p: PausedEvent) => void): void;
  on(event: "Debugger.resumed", fn: () => void): void;
  on(event: "Debugger.scriptParsed", fn: (p: { scriptId: string; url: string }) => void): void;
  on(event: string, fn: (p: never) => void): void {
    this.session?.on(event, (msg: { params: never }) => fn(msg.params));
  }

  close(): void {
    this.session?.disconnect();
    this.session = null;
  }
}
