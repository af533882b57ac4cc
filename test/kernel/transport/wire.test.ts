/**
 * Fixed vectors for the wire protocol. The expected HMACs and the serialized message below were
 * computed once with /usr/bin/python3's `hmac` module and jupyter_client.session.Session
 * (an independent implementation), not with the code under test.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELIMITER, ReplayGuard, Signer, decode, encode, newHeader, type Message } from "../../../kernel/transport/wire.js";

const b = (s: string): Buffer => Buffer.from(s, "utf8");

const KEY = "5ca1ab1e-c0da-4bad-beef-0123456789ab";
const PARTS = [
  b('{"msg_id":"a1","session":"s1","username":"u","date":"2024-01-01T00:00:00.000Z","msg_type":"kernel_info_request","version":"5.3"}'),
  b("{}"),
  b("{}"),
  b("{}"),
];

describe("Signer against Python's hmac", () => {
  const cases: { name: string; key: string; scheme: string; parts: Buffer[]; hex: string }[] = [
    { name: "sha256", key: KEY, scheme: "hmac-sha256", parts: PARTS, hex: "eb4e2f8db5788f8be541c45ef57d03f84a98d0f6311649459be35f9edb8cbb8b" },
    {
      name: "sha512",
      key: KEY,
      scheme: "hmac-sha512",
      parts: PARTS,
      hex: "c65fc836fcf7031ec91a21f9d0b12053814d9939bd7ec14e0a0a4a558f6743e4b2f6926f6257fea04d8f85b79a11cdd0c30117f0839f79a71aa574ed817f78fe",
    },
    {
      name: "sha256, non-ASCII and astral code points in content",
      key: KEY,
      scheme: "hmac-sha256",
      parts: [
        b('{"msg_id":"é","session":"s","username":"u","date":"d","msg_type":"execute_request","version":"5.3"}'),
        b('{"msg_id":"p"}'),
        b('{"k":1}'),
        b('{"code":"1 + 1 // é 😀"}'),
      ],
      hex: "f76c4ea46134eb31caec95ba69c236efa07329b84d175447cccff29c9c26fcfa",
    },
    { name: "empty key means no signing", key: "", scheme: "hmac-sha256", parts: PARTS, hex: "" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = new Signer(c.key, c.scheme);
      expect(s.sign(c.parts)).toBe(c.hex);
      expect(s.verify(c.hex, c.parts)).toBe(true);
    });
  }

  it("rejects a signature off by one hex digit, or of another length", () => {
    const s = new Signer(KEY, "hmac-sha256");
    const good = "eb4e2f8db5788f8be541c45ef57d03f84a98d0f6311649459be35f9edb8cbb8b";
    expect(s.verify(good.slice(0, -1) + "c", PARTS)).toBe(false);
    expect(s.verify(good.slice(0, -2), PARTS)).toBe(false);
    expect(s.verify("", PARTS)).toBe(false);
  });

  it("refuses an unknown scheme with a clear error", () => {
    expect(() => new Signer(KEY, "md5-plain")).toThrow(/unsupported signature_scheme "md5-plain"/);
  });
});

describe("decode a message serialized by jupyter_client", () => {
  // Session(key=b"k3y", signature_scheme="hmac-sha256").serialize(msg, ident=[b"ident-A"])
  const frames = [
    b("ident-A"),
    b("<IDS|MSG>"),
    b("6d8078725ea704ffdcfac3daa1bceaa70c53304cf4d6324438a5c548560ff376"),
    b('{"msg_id": "m-1", "session": "sess-1", "username": "alice", "date": "2024-05-06T07:08:09.000000Z", "msg_type": "execute_request", "version": "5.3"}'),
    b("{}"),
    b("{}"),
    b('{"code": "np.arange(3) // é", "silent": false}'),
  ];
  const signer = new Signer("k3y", "hmac-sha256");

  it("verifies and parses it", () => {
    const r = decode(frames, signer, new ReplayGuard());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.msg.identities.map((i) => i.toString())).toEqual(["ident-A"]);
    expect(r.msg.header.msg_type).toBe("execute_request");
    expect(r.msg.header.username).toBe("alice");
    expect(r.msg.content).toEqual({ code: "np.arange(3) // é", silent: false });
    expect(r.msg.buffers).toEqual([]);
  });

  it("refuses the same frames a second time (replay)", () => {
    const g = new ReplayGuard();
    expect(decode(frames, signer, g).ok).toBe(true);
    const again = decode(frames, signer, g);
    expect(again).toEqual({ ok: false, reason: expect.stringMatching(/replayed signature/) });
  });

  it("refuses a wrong key", () => {
    expect(decode(frames, new Signer("k3Y", "hmac-sha256"))).toEqual({ ok: false, reason: "bad signature" });
  });
});

describe("decode refuses bad frames without throwing", () => {
  const signer = new Signer(KEY, "hmac-sha256");
  const good = (): Buffer[] =>
    encode(
      { identities: [b("id")], header: newHeader("kernel_info_request", "s"), parent_header: {}, metadata: {}, content: {}, buffers: [] },
      signer,
    );
  const cases: { name: string; frames: () => Buffer[]; reason: RegExp }[] = [
    { name: "missing delimiter", frames: () => good().filter((f) => !f.equals(DELIMITER)), reason: /missing delimiter/ },
    { name: "missing signature", frames: () => good().map((f, i) => (i === 2 ? b("") : f)), reason: /^missing signature$/ },
    { name: "tampered content", frames: () => good().map((f, i) => (i === 6 ? b('{"x":1}') : f)), reason: /^bad signature$/ },
    { name: "too few frames", frames: () => good().slice(0, 5), reason: /too few frames/ },
    { name: "no frames at all", frames: () => [], reason: /missing delimiter/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = decode(c.frames(), signer, new ReplayGuard());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(c.reason);
    });
  }

  it("malformed JSON, correctly signed", () => {
    const parts = [b("{not json"), b("{}"), b("{}"), b("{}")];
    const r = decode([DELIMITER, b(signer.sign(parts)), ...parts], signer);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^malformed JSON in header/) });
  });

  it("JSON that is not an object, correctly signed: refused, with the header kept so the kernel can answer", () => {
    const parts = [PARTS[0], b("[]"), b("{}"), b("{}")];
    const r = decode([b("id1"), DELIMITER, b(signer.sign(parts)), ...parts], signer);
    expect(r).toEqual({ ok: false, reason: "parent_header must be a JSON object, got []", malformed: expect.objectContaining({ parent_header: {}, metadata: {}, content: {} }) });
    if (r.ok || !r.malformed) throw new Error("expected a malformed message");
    expect(r.malformed.header).toEqual(JSON.parse(PARTS[0].toString()));
    expect(r.malformed.identities).toEqual([b("id1")]);
  });

  it.each([
    ["metadata null", [b("{}"), b("null"), b("{}")], "metadata must be a JSON object, got null"],
    ["content a string", [b("{}"), b("{}"), b('"x"')], 'content must be a JSON object, got "x"'],
    ["content not JSON", [b("{}"), b("{}"), b("x = 1")], /^malformed JSON in content/],
  ])("%s, correctly signed: malformed, named", (_what, rest, reason) => {
    const parts = [PARTS[0], ...rest];
    const r = decode([DELIMITER, b(signer.sign(parts)), ...parts], signer);
    expect(r).toMatchObject({ ok: false, reason: typeof reason === "string" ? reason : expect.stringMatching(reason), malformed: { content: {} } });
  });

  it("a malformed message with a bad signature is refused without its header", () => {
    const parts = [PARTS[0], b("[]"), b("{}"), b("{}")];
    const r = decode([DELIMITER, b("0".repeat(64)), ...parts], signer);
    expect(r).toEqual({ ok: false, reason: "bad signature" });
  });

  it("a header without msg_type, correctly signed", () => {
    const parts = [b('{"msg_id":"x","session":"s"}'), b("{}"), b("{}"), b("{}")];
    const r = decode([DELIMITER, b(signer.sign(parts)), ...parts], signer);
    expect(r.ok).toBe(false);
  });
});

describe("encode", () => {
  it("lays out frames as identities, delimiter, signature, four JSON frames, buffers", () => {
    const signer = new Signer(KEY, "hmac-sha256");
    const msg: Message = {
      identities: [b("i1"), b("i2")],
      header: newHeader("display_data", "sess"),
      parent_header: {},
      metadata: { m: true },
      content: { data: { "text/plain": "😀" } },
      buffers: [Buffer.from([1, 2, 3])],
    };
    const frames = encode(msg, signer);
    expect(frames.length).toBe(2 + 1 + 1 + 4 + 1);
    expect(frames[2].toString()).toBe("<IDS|MSG>");
    expect(JSON.parse(frames[4].toString())).toEqual(msg.header);
    expect(JSON.parse(frames[7].toString())).toEqual(msg.content);
    expect([...frames[8]]).toEqual([1, 2, 3]);
    // The signature is an HMAC over the four JSON frames, recomputed here with Node's own hmac.
    const h = createHmac("sha256", KEY);
    for (const f of frames.slice(4, 8)) h.update(f);
    expect(frames[3].toString()).toBe(h.digest("hex"));
    const back = decode(frames, signer);
    expect(back.ok && back.msg).toMatchObject({ header: msg.header, metadata: msg.metadata, content: msg.content });
  });
});

describe("ReplayGuard", () => {
  it("remembers, then forgets the oldest tenth when full", () => {
    const g = new ReplayGuard(10);
    for (let i = 0; i < 10; i++) expect(g.seen(`s${i}`)).toBe(false);
    for (let i = 0; i < 10; i++) expect(g.seen(`s${i}`)).toBe(true);
    expect(g.seen("s10")).toBe(false); // evicts s0
    expect(g.seen("s1")).toBe(true);
    expect(g.seen("s0")).toBe(false);
  });
});

describe("newHeader", () => {
  it("has a uuid v4 msg_id, an ISO date and version 5.3", () => {
    const h = newHeader("status", "sess", "bob");
    expect(h.msg_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(h.date).toISOString()).toBe(h.date);
    expect(h).toMatchObject({ msg_type: "status", session: "sess", username: "bob", version: "5.3" });
    expect(newHeader("status", "sess").msg_id).not.toBe(h.msg_id);
  });
});
