/**
 * The shell requests this kernel answers and the replies it sends, keyed by the protocol's own
 * msg_type names (messaging spec 5.3), with readers that turn untrusted content into typed
 * requests. A reader fills the spec's defaults and throws a BadRequest naming the field, the
 * value and what was expected; the dispatcher turns that into an error reply, never a crash.
 */
import type { MimeBundle } from "../session/contract.js";
import type { HistoryEntry } from "./history.js";
import type { ErrorContent, ExecuteRequestContent } from "../protocol/content.js";
import { readShutdownRestart } from "../protocol/shutdown.js";
import { Object, Array, Error, Number } from "../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

export interface ShellRequests {
  kernel_info_request: Record<string, never>;
  execute_request: ExecuteRequestContent;
  complete_request: { code: string; cursor_pos: number };
  inspect_request: { code: string; cursor_pos: number; detail_level: 0 | 1 };
  is_complete_request: { code: string };
  history_request:
    | { hist_access_type: "tail"; output: boolean; raw: boolean; n: number }
    | { hist_access_type: "range"; output: boolean; raw: boolean; session: number; start: number; stop: number | null }
    | { hist_access_type: "search"; output: boolean; raw: boolean; pattern: string; n: number | null; unique: boolean };
  comm_info_request: { target_name: string | null };
  comm_open: { comm_id: string; target_name: string };
  comm_msg: { comm_id: string };
  comm_close: { comm_id: string };
  /** `restart`: only `true` asks for one; `echo`: the request's value as sent (protocol/shutdown.ts). */
  shutdown_request: { restart: boolean; echo: unknown };
}

export type ShellRequestType = keyof ShellRequests;


export type UserExpressionResult = { status: "ok"; data: MimeBundle; metadata: Record<string, unknown> } | ({ status: "error" } & ErrorContent);

/** Reply contents; `null` for messages that get no reply (comm_*). */
export interface ShellReplies {
  kernel_info_request: Record<string, unknown> & { status: "ok" };
  execute_request:
    | { status: "ok"; execution_count: number; user_expressions: Record<string, UserExpressionResult>; payload: Record<string, unknown>[] }
    | ({ status: "error"; execution_count: number } & ErrorContent)
    | { status: "aborted"; execution_count: number };
  complete_request: { status: "ok"; matches: string[]; cursor_start: number; cursor_end: number; metadata: Record<string, unknown> };
  inspect_request: { status: "ok"; found: boolean; data: MimeBundle; metadata: Record<string, unknown> };
  is_complete_request: { status: "complete" | "invalid" | "unknown" } | { status: "incomplete"; indent: string };
  history_request: { status: "ok"; history: HistoryEntry[] };
  comm_info_request: { status: "ok"; comms: Record<string, { target_name: string }> };
  comm_open: null;
  comm_msg: null;
  comm_close: null;
  /** `restart` echoes the request's value as sent, as ipykernel does (protocol/shutdown.ts). */
  shutdown_request: { status: "ok"; restart: unknown };
}

/** The reply's msg_type: `execute_request` → `execute_reply`. */
export function replyType(requestType: string): string {
  // Known types from a table made at load: a cell may replace String.prototype.replace.
  return KNOWN_REPLIES[requestType] ?? requestType.replace(/_request$/, "_reply");
}
const KNOWN_REPLIES: Record<string, string> = Object.create(null) as Record<string, string>;
for (const t of ["kernel_info", "execute", "complete", "inspect", "is_complete", "history", "comm_info", "shutdown", "interrupt", "debug", "input"]) KNOWN_REPLIES[`${t}_request`] = `${t}_reply`;

/** A request whose content does not have the shape the spec gives. */
export class BadRequest extends Error {
  override name = "BadRequest";
}

type Content = Record<string, unknown>;

function field<T>(c: Content, type: string, key: string, check: (v: unknown) => v is T, want: string, dflt?: T): T {
  const v = c[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (!check(v)) throw new BadRequest(`${type} content.${key} must be ${want}, got ${v === undefined ? "nothing" : JSON.stringify(v)}`);
  return v;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isIntOrNull = (v: unknown): v is number | null => v === null || isInt(v);
const isStringOrNull = (v: unknown): v is string | null => v === null || isString(v);
const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every(isString);

/** Readers for every shell request: content from the wire → typed request. */
export const readers: { [K in ShellRequestType]: (c: Content) => ShellRequests[K] } = {
  kernel_info_request: () => ({}),
  execute_request: (c) => {
    const t = "execute_request";
    const silent = field(c, t, "silent", isBool, "a boolean", false);
    return {
      code: field(c, t, "code", isString, "a string"),
      silent,
      // IPython: a silent request never enters the history.
      store_history: silent ? false : field(c, t, "store_history", isBool, "a boolean", true),
      user_expressions: field(c, t, "user_expressions", isStringMap, "an object of strings", {}),
      allow_stdin: field(c, t, "allow_stdin", isBool, "a boolean", true),
      stop_on_error: field(c, t, "stop_on_error", isBool, "a boolean", true),
    };
  },
  complete_request: (c) => {
    const code = field(c, "complete_request", "code", isString, "a string");
    return { code, cursor_pos: field(c, "complete_request", "cursor_pos", isInt, "an integer", [...code].length) };
  },
  inspect_request: (c) => {
    const code = field(c, "inspect_request", "code", isString, "a string");
    const detail = field(c, "inspect_request", "detail_level", isInt, "0 or 1", 0);
    return { code, cursor_pos: field(c, "inspect_request", "cursor_pos", isInt, "an integer", [...code].length), detail_level: detail >= 1 ? 1 : 0 };
  },
  is_complete_request: (c) => ({ code: field(c, "is_complete_request", "code", isString, "a string") }),
  history_request: (c) => {
    const t = "history_request";
    const output = field(c, t, "output", isBool, "a boolean", false);
    const raw = field(c, t, "raw", isBool, "a boolean", true);
    const kind = field(c, t, "hist_access_type", (v): v is string => v === "tail" || v === "range" || v === "search", '"tail", "range" or "search"');
    if (kind === "tail") return { hist_access_type: "tail", output, raw, n: field(c, t, "n", isInt, "an integer", 10) };
    if (kind === "range") {
      return {
        hist_access_type: "range",
        output,
        raw,
        session: field(c, t, "session", isInt, "an integer", 0),
        start: field(c, t, "start", isInt, "an integer", 1),
        stop: c.stop === undefined ? null : field(c, t, "stop", isIntOrNull, "an integer or null"),
      };
    }
    return {
      hist_access_type: "search",
      output,
      raw,
      pattern: field(c, t, "pattern", isString, "a glob string", "*"),
      n: c.n === undefined ? null : field(c, t, "n", isIntOrNull, "an integer or null"),
      unique: field(c, t, "unique", isBool, "a boolean", false),
    };
  },
  comm_info_request: (c) => ({ target_name: c.target_name === undefined ? null : field(c, "comm_info_request", "target_name", isStringOrNull, "a string") }),
  comm_open: (c) => ({
    comm_id: field(c, "comm_open", "comm_id", isString, "a string"),
    target_name: field(c, "comm_open", "target_name", isString, "a string"),
  }),
  comm_msg: (c) => ({ comm_id: field(c, "comm_msg", "comm_id", isString, "a string") }),
  comm_close: (c) => ({ comm_id: field(c, "comm_close", "comm_id", isString, "a string") }),
  shutdown_request: (c) => readShutdownRestart(c), // read as the control channel reads it
};

/** True when `t` is a shell request this kernel knows. */
export function isShellRequestType(t: string): t is ShellRequestType {
  return Object.prototype.hasOwnProperty.call(readers, t);
}
