// Draws the kernel's logos: a 4x4 grid of array cells on a dark square, with a strided view
// (every other cell of every other row) highlighted. Run: node logos/make-logos.js
// The PNG encoder is written out here (signature, IHDR, one zlib IDAT, IEND, CRC-32), RGBA 8-bit.
"use strict";
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { deflateSync } = require("node:zlib");

const BG = [0x1f, 0x2a, 0x44, 255];
const CELL = [0x5b, 0x6b, 0x8c, 255];
const HOT = [0xf2, 0x9e, 0x38, 255];
const CLEAR = [0, 0, 0, 0];

/** Colour of the pixel centred at (x, y) in a unit square [0, 1]^2. */
function colour(x, y) {
  const r = 0.16; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const pad = 0.14;
  const gap = 0.04;
  const n = 4;
  const size = (1 - 2 * pad - (n - 1) * gap) / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x0 = pad + j * (size + gap);
      const y0 = pad + i * (size + gap);
      if (x >= x0 && x < x0 + size && y >= y0 && y < y0 + size) return i % 2 === 0 && j % 2 === 0 ? HOT : CELL;
    }
  }
  return BG;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const raw = Buffer.alloc(size * (1 + 4 * size));
  const ss = 4; // 4x4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    const row = y * (1 + 4 * size);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colour((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const a = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) raw[row + 1 + 4 * x + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      raw[row + 1 + 4 * x + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
function svg() {
  const hex = (c) => "#" + c.slice(0, 3).map((v) => v.toString(16).padStart(2, "0")).join("");
  const pad = 0.14, gap = 0.04, n = 4, size = (1 - 2 * pad - (n - 1) * gap) / n;
  const cells = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const f = i % 2 === 0 && j % 2 === 0 ? HOT : CELL;
      const p = (v) => +(v * 64).toFixed(2);
      cells.push(`  <rect x="${p(pad + j * (size + gap))}" y="${p(pad + i * (size + gap))}" width="${p(size)}" height="${p(size)}" fill="${hex(f)}"/>`);
    }
  }
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">',
    "  <title>strided: a strided view of an array</title>",
    `  <rect width="64" height="64" rx="${0.16 * 64}" fill="${hex(BG)}"/>`,
    ...cells,
    "</svg>",
    "",
  ].join("\n");
}

writeFileSync(join(__dirname, "logo-32x32.png"), png(32));
writeFileSync(join(__dirname, "logo-64x64.png"), png(64));
writeFileSync(join(__dirname, "logo-svg.svg"), svg());
