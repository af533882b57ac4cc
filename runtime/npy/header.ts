/**
 * The `.npy` header (numpy/lib/format.py, NumPy 1.24): magic, version, a Python dict literal.
 *
 * Rule: "\x93NUMPY", major, minor, then the header length (uint16 LE for 1.0, uint32 LE for 2.0
 * and 3.0), then the header "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" padded
 * with spaces and ended by "\n" so that the data starts at a multiple of 64 bytes. NumPy 1.24
 * also leaves 21 - len(repr(growth-axis length)) spare spaces before the padding (room to grow
 * the array in place; the growth axis is the first, or the last for Fortran order). Version 1.0
 * is written whenever the header fits 65535 bytes; 3.0 means the header is UTF-8, else latin-1.
 */
import { ValueError } from "../core/errors.js";

/** What a header says. */
export interface NpyHeader {
  descr: string;
  fortran_order: boolean;
  shape: number[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ARRAY_ALIGN = 64;
const GROWTH_AXIS_MAX_DIGITS = 21;

/** Python's repr of a shape tuple. @example pyTuple([3]) // "(3,)" */
export function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * The bytes of a version 1.0 header (version 2.0 if it would not fit), as NumPy 1.24 writes it.
 *
 * @example
 * encodeHeader({ descr: "<f8", fortran_order: false, shape: [3] }).length // 128
 */
export function encodeHeader(h: NpyHeader): Uint8Array {
  let text = `{'descr': '${h.descr}', 'fortran_order': ${h.fortran_order ? "True" : "False"}, 'shape': ${pyTuple(h.shape)}, }`;
  if (h.shape.length > 0) {
    const growth = h.shape[h.fortran_order ? h.shape.length - 1 : 0];
    text += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(growth).length));
  }
  const body = Buffer.from(text, "latin1");
  for (const [major, lenBytes] of [[1, 2], [2, 4]] as const) {
    const hlen = body.length + 1;
    const padlen = ARRAY_ALIGN - ((MAGIC.length + 2 + lenBytes + hlen) % ARRAY_ALIGN);
    const total = hlen + padlen;
    if (lenBytes === 2 && total > 0xffff) continue;
    const out = new Uint8Array(MAGIC.length + 2 + lenBytes + total);
    out.set(MAGIC, 0);
    out[6] = major;
    out[7] = 0;
    const dv = new DataView(out.buffer);
    if (lenBytes === 2) dv.setUint16(8, total, true);
    else dv.setUint32(8, total, true);
    const start = MAGIC.length + 2 + lenBytes;
    out.set(body, start);
    out.fill(0x20, start + body.length, out.length - 1);
    out[out.length - 1] = 0x0a;
    return out;
  }
  throw new ValueError("header too long for the .npy format");
}

/**
 * Read the header of `.npy` bytes: what it says and where the data starts.
 *
 * @example
 * const bytes = npyBytes(np.zeros(3));
 * decodeHeader(bytes) // { header: { descr: "<f8", fortran_order: false, shape: [3] }, dataOffset: 128 }
 */
export function decodeHeader(bytes: Uint8Array): { header: NpyHeader; dataOffset: number } {
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new ValueError("the magic string is not correct; expected b'\\x93NUMPY': this is not a .npy file");
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (bytes.length < 10) throw new ValueError("the .npy file is truncated inside its header");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let hlen: number;
  let start: number;
  if (major === 1) {
    hlen = dv.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new ValueError("the .npy file is truncated inside its header");
    hlen = dv.getUint32(8, true);
    start = 12;
  } else {
    throw new ValueError(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  }
  if (bytes.length < start + hlen) throw new ValueError("the .npy file is truncated inside its header");
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, hlen).toString(major === 3 ? "utf8" : "latin1");
  return { header: parseDict(text), dataOffset: start + hlen };
}

/** Parse the header's dict literal (only the three keys NumPy writes). */
function parseDict(text: string): NpyHeader {
  const bad = (why: string): never => {
    throw new ValueError(`cannot parse header: ${why}: ${JSON.stringify(text.trim())}`);
  };
  const descrM = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(text);
  if (!descrM) {
    if (/['"]descr['"]\s*:\s*\[/.test(text)) {
      throw new TypeError("structured dtypes (a list descr) are not supported: save a plain numeric array");
    }
    bad("no 'descr'");
  }
  const fortM = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  if (!fortM) bad("no 'fortran_order'");
  const shapeM = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!shapeM) bad("no 'shape'");
  const parts = shapeM![1].split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const shape = parts.map((p) => {
    const n = Number(p.replace(/L$/, ""));
    if (!Number.isInteger(n) || n < 0) bad(`shape entry ${p}`);
    return n;
  });
  return { descr: descrM![2], fortran_order: fortM![1] === "True", shape };
}
