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
 * captured when it loads (before any cell; in the startup snapshot's builder for the compute),
 * Buffer methods included (`Uint8Array.prototype.set = null` or `Buffer.prototype.write = null` in
 * a cell left every later frame unwritten: the kernel answered nothing again), and indexed loops.
 * Not primordials.ts: the transport process loads this too, and pays for each module.
 */
import type { Message } from "./wire.js";

const stringify = JSON.stringify;
const parse = JSON.parse;
const byteLength = Buffer.byteLength;
const allocUnsafe = Buffer.allocUnsafe;
const concat = Buffer.concat;
const FrameError = Error;
/** `method` as a function of its receiver (Node's `uncurryThis`): no lookup on the receiver or on Function.prototype when called. */
const uncurry = Function.prototype.call.bind(Function.prototype.bind, Function.prototype.call) as <A extends unknown[], R>(method: (...args: A) => R) => (self: unknown, ...args: A) => R;
const writeUInt32BE = uncurry(Buffer.prototype.writeUInt32BE) as (b: Buffer, value: number, offset: number) => number;
const readUInt32BE = uncurry(Buffer.prototype.readUInt32BE) as (b: Buffer, offset: number) => number;
const setBytes = uncurry(Uint8Array.prototype.set) as (b: Buffer, bytes: Uint8Array, offset: number) => void;
const subarray = uncurry(Buffer.prototype.subarray) as (b: Buffer, start: number, end?: number) => Buffer;
// Text through TextEncoder/TextDecoder, not Buffer's write/toString: those look up
// `this.utf8Write` / `this.utf8Slice` on the Buffer at each call (a cell may replace them). Made
// on first use: they hold native state a startup snapshot cannot keep.
const TextEncoderClass = TextEncoder;
const TextDecoderClass = TextDecoder;
const encodeInto = uncurry(TextEncoder.prototype.encodeInto) as (e: InstanceType<typeof TextEncoder>, text: string, into: Uint8Array) => { read: number; written: number };
const decode = uncurry(TextDecoder.prototype.decode) as (d: InstanceType<typeof TextDecoder>, bytes: Uint8Array) => string;
let encoder: InstanceType<typeof TextEncoder> | null = null;
let decoder: InstanceType<typeof TextDecoder> | null = null;
/** Writes `text` as UTF-8 into `b` at `offset` (room for byteLength(text) is there); returns the bytes written. */
function writeString(b: Buffer, text: string, offset: number): number {
  return encodeInto((encoder ??= new TextEncoderClass()), text, subarray(b, offset)).written;
}
/** `b[start:end]` read as UTF-8 (a byte-order mark kept, as Buffer's toString keeps it). */
function decodeText(b: Buffer, start = 0, end: number = b.length): string {
  return decode((decoder ??= new TextDecoderClass("utf-8", { ignoreBOM: true })), subarray(b, start, end));
}

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
    writeUInt32BE(out, HEADER + jsonLength, 0);
    writeUInt32BE(out, jsonLength, HEADER);
    writeString(out, json, HEADER + HEADER);
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
  writeUInt32BE(out, total, 0);
  writeUInt32BE(out, jsonLength, HEADER);
  let at = HEADER + HEADER + writeString(out, json, HEADER + HEADER);
  const blob = (b: Uint8Array): void => {
    writeUInt32BE(out, b.byteLength, at);
    at += HEADER;
    setBytes(out, b, at);
    at += b.byteLength;
  };
  for (let i = 0; i < ids.length; i++) blob(ids[i]);
  for (let i = 0; i < 4; i++) {
    writeUInt32BE(out, textLengths[i], at);
    at += HEADER;
    at += writeString(out, texts[i], at);
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
    header: parse(decodeText(wire.parts[0])) as Message["header"],
    parent_header: parse(decodeText(wire.parts[1])) as Message["parent_header"],
    metadata: parse(decodeText(wire.parts[2])) as Message["metadata"],
    content: parse(decodeText(wire.parts[3])) as Message["content"],
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
      const n = readUInt32BE(data, at);
      if (data.length - at - HEADER < n) break;
      frames[frames.length] = decodeBody(subarray(data, at + HEADER, at + HEADER + n));
      at += HEADER + n;
    }
    data = subarray(data, at);
    this.pending = data.length > 0 ? [data] : [];
    this.pendingBytes = data.length;
    this.need = data.length >= HEADER ? HEADER + readUInt32BE(data, 0) : HEADER;
    return frames;
  }
}

function decodeBody(body: Buffer): ReadFrame {
  const jsonLength = readUInt32BE(body, 0);
  const value = parse(decodeText(body, HEADER, HEADER + jsonLength)) as ReadFrame;
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
      const len = readUInt32BE(body, at);
      out[i] = subarray(body, at + HEADER, at + HEADER + len);
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
