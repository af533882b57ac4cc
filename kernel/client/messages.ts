/**
 * Content shapes of the messages the client sends and reads (messaging spec 5.3), only the
 * fields this client uses; kernels may send more.
 * Reference: https://jupyter-client.readthedocs.io/en/latest/messaging.html
 */
import type { Message } from "../transport/wire.js";

export type { Header, Message } from "../transport/wire.js";
export type { ErrorContent, ExecuteRequestContent } from "../protocol/content.js";

export type ReplyStatus = "ok" | "error" | "aborted";

export interface ExecuteReplyContent {
  status: ReplyStatus;
  execution_count?: number;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  payload?: Record<string, unknown>[];
  user_expressions?: Record<string, unknown>;
}

export interface LanguageInfo {
  name: string;
  version?: string;
  mimetype?: string;
  file_extension?: string;
  pygments_lexer?: string;
  codemirror_mode?: string | Record<string, unknown>;
  nbconvert_exporter?: string;
}

export interface KernelInfoReplyContent {
  status?: ReplyStatus;
  protocol_version: string;
  implementation: string;
  implementation_version: string;
  language_info: LanguageInfo;
  banner: string;
  help_links?: { text: string; url: string }[];
}

export interface StatusContent {
  execution_state: "busy" | "idle" | "starting";
}

export interface StreamContent {
  name: "stdout" | "stderr";
  text: string;
}

export interface DisplayDataContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient?: { display_id?: string };
}

export interface ExecuteResultContent extends DisplayDataContent {
  execution_count: number;
}

export interface ClearOutputContent {
  wait: boolean;
}

export interface ExecuteInputContent {
  code: string;
  execution_count: number;
}

export interface InputRequestContent {
  prompt: string;
  password: boolean;
}

/** Narrow a message by its `msg_type`. */
export function isType<C>(msg: Message, type: string): msg is Message<C> & Message {
  return msg.header.msg_type === type;
}

/** The msg_id of a message's parent, or "" when it has none. */
export function parentId(msg: Message): string {
  const p = msg.parent_header as { msg_id?: unknown };
  return typeof p.msg_id === "string" ? p.msg_id : "";
}
