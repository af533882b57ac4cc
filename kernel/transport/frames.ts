/**
 * Frames on the local channel between the transport process and the compute process
 * (kernel/transport/link.ts, process.ts): one value per frame, JSON plus the parts of a Jupyter
 * message carried as raw bytes.
 *
 * Layout (all lengths 32-bit big-endian):
 *   [frame length n][json length j][j bytes of UTF-8 JSON][blob length][blob bytes]...
 * The JSON is the value without its `msg`; a message's blobs follow in its wire order
 * (wire.ts): its identities, its four JSON parts (header, parent_header, metadata, content, each
 * serialised on its own) and its buffers, their counts in the JSON's WIRE field.
 * A decoded frame carries the message as those raw parts (`wire`), not parsed: the transport
 * signs and sends the parts the compute serialised as they are (no parse and re-serialisation
 * per message), and readMessage parses them where objects are needed (the compute's requests).
 *
 * Hard rule: a frame is decoded only once all of its n bytes have arrived; every value on the
 * channel is an object with a string `kind`. Why JSON and not `v8.serialize` (structured clone, as
 * postMessage uses): 4x faster for a stream message (7 against 32 us per round trip measured), and
 * the transport writes JSON on the wire anyway.
 * Runs in the compute process while a cell may have patched the built-ins: it uses only functions
 * captured when it loads (before any cell; in the startup snapshot's builder for the compute) and
 * indexed loops. Not primordials.ts: the transport process loads this too, and pays for each module.
 */
import type { Message } from "./wire.js";

const stringify = JSON.stringify;
const parse = JSON.parse;
const byteLength = Buffer.byteLength;
const allocUnsafe = Buffer.allocUnsafe;
const concat = Buffer.concat;
const FrameError = Error;

/** Every value on the channel: an object with a `kind`, maybe carrying a Jupyter message (`msg` when sent). */
export interface Frame {
  kind: string;
  msg?: Message;
  [field: string]: unknown;
}

/** A message as it crossed the channel: its wire parts, unparsed (Buffers into the chunk read). */
export interface WireParts {
  identities: Buffer[];
  /** header, parent_header, metadata, content: UTF-8 JSON each. */
  parts: Buffer[];
  buffers: Buffer[];
}

/** A frame as read: a message it carried is in `wire`, as raw parts. */
export interface ReadFrame {
  kind: string;
  wire?: WireParts;
  [field: string]: unknown;
}

const HEADER = 4;
/** The JSON field that counts a message's identities and buffers (its four JSON parts are always there). */
const WIRE = "$wire";

/**
 * One frame's bytes.
 *
 * @example
 * new FrameReader().push(encodeFrame({ kind: "hello" })) // [{ kind: "hello" }]
 */
export function encodeFrame(value: Frame): Buffer {
  const msg = value.msg;
  if (!msg) {
    const json = stringify(value);
    const jsonLength = byteLength(json);
    const out = allocUnsafe(HEADER + HEADER + jsonLength);
    out.writeUInt32BE(HEADER + jsonLength, 0);
    out.writeUInt32BE(jsonLength, HEADER);
    out.write(json, HEADER + HEADER);
    return out;
  }
  const ids = msg.identities ?? [];
  const bufs = msg.buffers ?? [];
  const envelope: Record<string, unknown> = { ...value, msg: undefined };
  envelope[WIRE] = [ids.length, bufs.length];
  const json = stringify(envelope);
  const texts = [stringify(msg.header), stringify(msg.parent_header ?? {}), stringify(msg.metadata ?? {}), stringify(msg.content ?? {})];
  const jsonLength = byteLength(json);
  const textLengths = [byteLength(texts[0]), byteLength(texts[1]), byteLength(texts[2]), byteLength(texts[3])];
  let total = HEADER + jsonLength + 4 * HEADER + textLengths[0] + textLengths[1] + textLengths[2] + textLengths[3];
  for (let i = 0; i < ids.length; i++) total += HEADER + ids[i].byteLength;
  for (let i = 0; i < bufs.length; i++) total += HEADER + bufs[i].byteLength;
  const out = allocUnsafe(HEADER + total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(jsonLength, HEADER);
  let at = HEADER + HEADER + out.write(json, HEADER + HEADER);
  const blob = (b: Uint8Array): void => {
    out.writeUInt32BE(b.byteLength, at);
    at += HEADER;
    out.set(b, at);
    at += b.byteLength;
  };
  for (let i = 0; i < ids.length; i++) blob(ids[i]);
  for (let i = 0; i < 4; i++) {
    out.writeUInt32BE(textLengths[i], at);
    at += HEADER;
    at += out.write(texts[i], at);
  }
  for (let i = 0; i < bufs.length; i++) blob(bufs[i]);
  return out;
}

/**
 * The message a frame carried, parsed (identities and buffers stay Buffers).
 *
 * @example
 * readMessage(new FrameReader().push(encodeFrame({ kind: "send", msg }))[0].wire).content // msg.content
 */
export function readMessage(wire: WireParts): Message {
  return {
    identities: wire.identities,
    header: parse(wire.parts[0].toString("utf8")) as Message["header"],
    parent_header: parse(wire.parts[1].toString("utf8")) as Message["parent_header"],
    metadata: parse(wire.parts[2].toString("utf8")) as Message["metadata"],
    content: parse(wire.parts[3].toString("utf8")) as Message["content"],
    buffers: wire.buffers,
  };
}

/**
 * Reassembles frames from the chunks a stream delivers, in order. Chunks are joined once the frame
 * they belong to is complete (a 16 MB stream message arrives as ~256 chunks of 64 KB: joining
 * all pending bytes at each chunk was quadratic, 13 s of copying in the transport).
 */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes that must be pending before a frame can be decoded: a length prefix, or the first frame's whole length. */
  private need = HEADER;

  /** Takes one chunk; returns the frames it completed (maybe none). Throws on a frame that is no object with a `kind`. */
  push(chunk: Buffer): ReadFrame[] {
    this.pending[this.pending.length] = chunk;
    this.pendingBytes += chunk.length;
    const frames: ReadFrame[] = [];
    if (this.pendingBytes < this.need) return frames;
    let data = this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingBytes);
    let at = 0;
    while (data.length - at >= HEADER) {
      const n = data.readUInt32BE(at);
      if (data.length - at - HEADER < n) break;
      frames[frames.length] = decodeBody(data.subarray(at + HEADER, at + HEADER + n));
      at += HEADER + n;
    }
    data = data.subarray(at);
    this.pending = data.length > 0 ? [data] : [];
    this.pendingBytes = data.length;
    this.need = data.length >= HEADER ? HEADER + data.readUInt32BE(0) : HEADER;
    return frames;
  }
}

function decodeBody(body: Buffer): ReadFrame {
  const jsonLength = body.readUInt32BE(0);
  const value = parse(body.toString("utf8", HEADER, HEADER + jsonLength)) as ReadFrame;
  if (typeof value !== "object" || value === null || typeof value.kind !== "string") throw new FrameError("a frame on the kernel's local channel is no object with a kind");
  const counts = value[WIRE] as unknown;
  if (counts === undefined) return value;
  delete value[WIRE];
  let at = HEADER + jsonLength;
  const take = (count: unknown): Buffer[] => {
    const out: Buffer[] = [];
    const n = typeof count === "number" ? count : 0;
    for (let i = 0; i < n; i++) {
      if (at + HEADER > body.length) throw new FrameError("a frame on the kernel's local channel ends inside a message");
      const len = body.readUInt32BE(at);
      out[i] = body.subarray(at + HEADER, at + HEADER + len);
      at += HEADER + len;
    }
    return out;
  };
  const c = counts as unknown[];
  const identities = take(c[0]);
  const parts = take(4);
  const buffers = take(c[1]);
  value.wire = { identities, parts, buffers };
  return value;
}

/**
 * All frames in `bytes` (for tests and one-shot reads).
 *
 * @example
 * decodeFrames(new FrameReader(), encodeFrame({ kind: "exit" })).length // 1
 */
export function decodeFrames(reader: FrameReader, bytes: Buffer): ReadFrame[] {
  return reader.push(bytes);
}
