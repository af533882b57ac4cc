/**
 * The Jupyter wire protocol: framing and HMAC signing of messages, with no sockets.
 *
 * Hard rule (messaging spec 5.x, "The Wire Protocol"): a message on a ROUTER/DEALER/PUB socket is
 *
 *   [ident_0, ..., ident_k, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffer_0, ...]
 *
 * where `signature` is the lower-case hex HMAC (scheme from the connection file, e.g. hmac-sha256)
 * over exactly the four JSON frames header, parent_header, metadata, content, in that order, keyed
 * with the connection file's `key`. An empty key disables signing (the signature frame is "").
 * A receiver recomputes the HMAC and compares in constant time, and refuses a signature it has
 * already accepted (replay), remembering a bounded number of them like jupyter_client's
 * `digest_history` (capacity 2^16, oldest 10% forgotten when full).
 *
 * Cost: one HMAC pass over the JSON bytes per message; the replay guard is O(1) per message.
 * References: https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol,
 * jupyter_client/session.py (Session.serialize, Session.deserialize, Session.sign).
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface Message<C = Record<string, unknown>> {
  identities: Buffer[];
  header: Header;
  parent_header: Header | Record<string, never>;
  metadata: Record<string, unknown>;
  content: C;
  buffers: Buffer[];
}

/** The frame that separates routing identities from the message. */
export const DELIMITER = Buffer.from("<IDS|MSG>", "utf8");

/** The protocol version this kernel speaks. */
export const PROTOCOL_VERSION = "5.3";

/**
 * Signs and verifies the four JSON frames of a message.
 *
 * @example
 * const s = new Signer("secret", "hmac-sha256");
 * s.sign([Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}")]).length; // 64
 */
export class Signer {
  private readonly key: Buffer;
  private readonly algorithm: string;

  constructor(key: string, scheme: string) {
    this.key = Buffer.from(key, "utf8");
    if (this.key.length === 0) {
      this.algorithm = "";
      return;
    }
    const m = /^hmac-([a-z0-9-]+)$/i.exec(scheme);
    if (!m) throw new Error(`unsupported signature_scheme ${JSON.stringify(scheme)}: expected "hmac-<digest>", e.g. "hmac-sha256"`);
    this.algorithm = m[1].toLowerCase();
    // Fail now, not on the first message, if Node's OpenSSL does not know the digest.
    createHmac(this.algorithm, this.key);
  }

  /** True when messages are signed (non-empty key). */
  get enabled(): boolean {
    return this.algorithm !== "";
  }

  /** Hex HMAC of the given frames ("" when signing is off). */
  sign(parts: Buffer[]): string {
    if (!this.enabled) return "";
    const h = createHmac(this.algorithm, this.key);
    for (const p of parts) h.update(p);
    return h.digest("hex");
  }

  /** Constant-time check of `signature` against the frames. Always true when signing is off. */
  verify(signature: string, parts: Buffer[]): boolean {
    if (!this.enabled) return true;
    const expected = Buffer.from(this.sign(parts), "utf8");
    const got = Buffer.from(signature, "utf8");
    if (got.length !== expected.length) return false;
    return timingSafeEqual(got, expected);
  }
}

/**
 * Remembers accepted signatures to refuse replays, bounded like jupyter_client's digest_history.
 *
 * @example
 * const g = new ReplayGuard();
 * g.seen("ab"); // false
 * g.seen("ab"); // true
 */
export class ReplayGuard {
  private readonly history = new Set<string>();

  constructor(private readonly capacity = 1 << 16) {
    if (!(capacity >= 1)) throw new Error(`ReplayGuard capacity must be at least 1, got ${capacity}`);
  }

  /** True if `signature` was seen before; otherwise remembers it and returns false. */
  seen(signature: string): boolean {
    if (this.history.has(signature)) return true;
    if (this.history.size >= this.capacity) {
      // Forget the oldest 10% (a Set iterates in insertion order).
      let drop = Math.max(1, Math.floor(this.capacity / 10));
      for (const old of this.history) {
        if (drop-- <= 0) break;
        this.history.delete(old);
      }
    }
    this.history.add(signature);
    return false;
  }
}

/**
 * A fresh header: uuid v4 msg_id, ISO 8601 date, protocol version 5.3.
 *
 * @example
 * newHeader("status", "abc").msg_type; // "status"
 */
export function newHeader(msgType: string, session: string, username = "strided"): Header {
  return {
    msg_id: randomUUID(),
    session,
    username,
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

/**
 * Frames and signs a message.
 *
 * @example
 * encode(msg, new Signer("", "")); // [...identities, "<IDS|MSG>", "", header, parent, metadata, content, ...buffers]
 */
export function encode(msg: Message, signer: Signer): Buffer[] {
  const parts = [
    Buffer.from(JSON.stringify(msg.header), "utf8"),
    Buffer.from(JSON.stringify(msg.parent_header ?? {}), "utf8"),
    Buffer.from(JSON.stringify(msg.metadata ?? {}), "utf8"),
    Buffer.from(JSON.stringify(msg.content ?? {}), "utf8"),
  ];
  return encodeParts(msg.identities, parts, msg.buffers ?? [], signer);
}

/**
 * Frames and signs a message whose four JSON parts (header, parent_header, metadata, content) are
 * already serialised.
 *
 * @example
 * encodeParts([], [header, parent, metadata, content], [], signer); // ["<IDS|MSG>", signature, header, parent, metadata, content]
 */
export function encodeParts(identities: Buffer[], parts: Buffer[], buffers: Buffer[], signer: Signer): Buffer[] {
  const sig = Buffer.from(signer.sign(parts), "utf8");
  const frames: Buffer[] = [];
  for (let i = 0; i < identities.length; i++) frames.push(identities[i]);
  frames.push(DELIMITER, sig);
  for (let i = 0; i < parts.length; i++) frames.push(parts[i]);
  for (let i = 0; i < buffers.length; i++) frames.push(buffers[i]);
  return frames;
}

/**
 * `malformed`: a signed message with a readable header (msg_id, msg_type, session) whose
 * parent_header, metadata or content is no JSON object (`"x"`, `null`, `[1]`, not JSON): its header
 * and identities, with those frames read as `{}`, so that the kernel can answer it with an error
 * naming `reason` instead of dropping it without a word.
 */
export type DecodeResult = { ok: true; msg: Message } | { ok: false; reason: string; malformed?: Message };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseObject(frame: Buffer, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  let v: unknown;
  try {
    v = JSON.parse(frame.toString("utf8"));
  } catch (e) {
    return { ok: false, reason: `malformed JSON in ${what}: ${(e as Error).message}` };
  }
  if (!isObject(v)) return { ok: false, reason: `${what} must be a JSON object, got ${frame.toString("utf8").slice(0, 40)}` };
  return { ok: true, value: v };
}

function isHeader(v: Record<string, unknown>): boolean {
  return typeof v.msg_id === "string" && typeof v.msg_type === "string" && typeof v.session === "string";
}

/**
 * Parses and verifies incoming frames. Never throws: a bad message comes back as `{ ok: false, reason }`.
 * With a `replay` guard, a signature that was already accepted is refused.
 *
 * @example
 * decode(encode(msg, signer), signer); // { ok: true, msg }
 * decode([Buffer.from("x")], signer);  // { ok: false, reason: "missing delimiter <IDS|MSG> ..." }
 */
export function decode(frames: Buffer[], signer: Signer, replay?: ReplayGuard): DecodeResult {
  const at = frames.findIndex((f) => f.equals(DELIMITER));
  if (at < 0) return { ok: false, reason: `missing delimiter <IDS|MSG> among ${frames.length} frames` };
  if (frames.length < at + 6) {
    return { ok: false, reason: `too few frames after <IDS|MSG>: expected signature, header, parent_header, metadata, content, got ${frames.length - at - 1}` };
  }
  const signature = frames[at + 1].toString("utf8");
  const parts = frames.slice(at + 2, at + 6);
  if (signer.enabled) {
    if (signature === "") return { ok: false, reason: "missing signature" };
    if (!signer.verify(signature, parts)) return { ok: false, reason: "bad signature" };
  }
  const head = parseObject(parts[0], "header");
  if (!head.ok) return head;
  const header = head.value;
  if (!isHeader(header)) return { ok: false, reason: "header lacks msg_id, msg_type or session" };
  const names = ["parent_header", "metadata", "content"];
  const objs: Record<string, unknown>[] = [];
  let problem: string | null = null;
  for (let i = 0; i < 3; i++) {
    const r = parseObject(parts[i + 1], names[i]);
    if (!r.ok) {
      problem = r.reason;
      break;
    }
    objs.push(r.value);
  }
  // Check replay last, so a message refused as unreadable does not poison the history (a
  // malformed one with a readable header is answered, so it counts as seen).
  if (signer.enabled && replay && replay.seen(signature)) return { ok: false, reason: `replayed signature ${signature}` };
  const h: Header = {
    msg_id: header.msg_id as string,
    session: header.session as string,
    username: typeof header.username === "string" ? header.username : "",
    date: typeof header.date === "string" ? header.date : "",
    msg_type: header.msg_type as string,
    version: typeof header.version === "string" ? header.version : "",
  };
  if (problem !== null) {
    const malformed: Message = { identities: frames.slice(0, at), header: h, parent_header: {}, metadata: {}, content: {}, buffers: frames.slice(at + 6) };
    return { ok: false, reason: problem, malformed };
  }
  const [parent, metadata, content] = objs;
  return {
    ok: true,
    msg: {
      identities: frames.slice(0, at),
      header: h,
      parent_header: parent as Header | Record<string, never>,
      metadata,
      content,
      buffers: frames.slice(at + 6),
    },
  };
}
