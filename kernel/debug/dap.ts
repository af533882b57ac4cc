/**
 * The Debug Adapter Protocol messages that travel inside Jupyter's `debug_request`,
 * `debug_reply` and `debug_event` (messaging spec 5.3, "Debug request"/"Debug event"), as
 * JupyterLab's debugger sends and reads them. Only the fields this kernel reads or writes.
 */

/** A DAP request (the content of a debug_request). */
export interface DapRequest {
  type: "request";
  seq: number;
  command: string;
  arguments: Record<string, unknown>;
}

/** A DAP response (the content of a debug_reply). */
export interface DapResponse {
  type: "response";
  seq: number;
  request_seq: number;
  success: boolean;
  command: string;
  message?: string;
  body?: Record<string, unknown>;
}

/** A DAP event (the content of a debug_event). */
export interface DapEvent {
  type: "event";
  seq: number;
  event: string;
  body: Record<string, unknown>;
}

/** A DAP variable (variables, inspectVariables). */
export interface DapVariable {
  name: string;
  value: string;
  type: string;
  evaluateName: string;
  variablesReference: number;
  indexedVariables?: number;
  namedVariables?: number;
  presentationHint?: Record<string, unknown>;
}

/** A DAP stack frame, with the cell's path and the line the user typed. */
export interface DapStackFrame {
  id: number;
  name: string;
  line: number;
  column: number;
  source: { path: string; sourceReference: number };
}

/** A breakpoint as setBreakpoints receives it. */
export interface SourceBreakpoint {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

/** Reads a debug_request's content; throws a message naming what is wrong. */
export function readDapRequest(content: Record<string, unknown>): DapRequest {
  const { seq, command } = content;
  if (typeof command !== "string" || command === "") throw new Error(`a debug_request needs a DAP "command" string, got ${JSON.stringify(command)}`);
  const args = content.arguments;
  return {
    type: "request",
    seq: typeof seq === "number" ? seq : 0,
    command,
    arguments: args !== null && typeof args === "object" && !Array.isArray(args) ? (args as Record<string, unknown>) : {},
  };
}
