/**
 * `show.memory({ a, v, c })`: which buffers the arrays live in and which bytes each one reaches.
 *
 * Picture: one group per buffer (ArrayBuffer identity), a strip for the buffer and one row per
 * array marking EACH element it reaches, so a strided view shows its steps ("a view is a new
 * door to the same house"). A buffer of more than MAX_CELLS elements, or an array reaching more
 * than MAX_MARKS elements, is drawn in BINS bins whose shade is the fraction of the bin's bytes
 * reached. Under the rows , the conclusions: who shares memory with whom (runtime/show/overlap.ts).
 * Cost: O(size) per array to enumerate its elements (skipped past ENUMERATE_LIMIT).
 */
import { NDArray } from "../core/ndarray.js";
import { escapeHtml, PALETTE, THEME, tupleText } from "../display/html.js";
import { Figure } from "./figure.js";
import { bufferRange, reachedBytes, sharing, type Sharing } from "./overlap.js";
import { allocationOf } from "../wasm/heap.js";

/** Buffers with at most this many elements are drawn element by element. */
export const MAX_CELLS = 256;
/** Arrays reaching at most this many elements get one mark per element. */
export const MAX_MARKS = 1024;
/** Bins for big buffers. */
export const BINS = 200;

const W = 760;
const LABEL_W = 150;
const STRIP_X = LABEL_W + 10;
const STRIP_W = W - STRIP_X - 10;
const ROW_H = 22;
/** Longest conclusion drawn in full (the text/plain and the tooltip keep all of it). */
const MAX_NOTE = 110;

interface Entry {
  name: string;
  array: NDArray;
  color: string;
  bytes: Float64Array | null;
  range: [number, number];
}

/** One allocation (an ArrayBuffer, or one region of wasm memory: wasm/heap.ts allocationOf) and the arrays in it. */
interface Group {
  key: object | string;
  bytes: number;
  entries: Entry[];
}

/** A name shortened for the label column (the full name stays in the tooltip and the notes). */
function shortName(name: string): string {
  return name.length > 18 ? `${name.slice(0, 17)}\u2026` : name;
}

/** How `e` relates to the others: "owner", "view of a", "view of an array (6,) int32". */
function roleOf(e: Entry, all: readonly Entry[]): string {
  const a = e.array;
  if (a.base === null) return "owner";
  const owner = all.find((o) => o.array === a.base);
  return owner ? `view of ${owner.name}` : `view of an array ${tupleText(a.base.shape)} ${a.base.dtype}`;
}

/** Bytes between consecutive elements when `a` walks with one step (1-D-like), else null. */
function singleStep(bytes: Float64Array | null): number | null {
  if (bytes === null || bytes.length < 2) return null;
  const step = bytes[1] - bytes[0];
  for (let i = 2; i < bytes.length; i++) if (bytes[i] - bytes[i - 1] !== step) return null;
  return step;
}

function groupByBuffer(entries: Entry[]): Group[] {
  const groups: Group[] = [];
  for (const e of entries) {
    const { key, bytes } = allocationOf(e.array.data);
    const g = groups.find((x) => x.key === key);
    if (g) g.entries.push(e);
    else groups.push({ key, bytes, entries: [e] });
  }
  return groups;
}

/** The conclusions for a group, as sentences (names unescaped). */
function conclusions(group: Group, pairs: Map<string, Sharing>): string[] {
  const out: string[] = [];
  const es = group.entries;
  for (let i = 0; i < es.length; i++) {
    const partners: string[] = [];
    const maybe: string[] = [];
    for (let j = 0; j < es.length; j++) {
      if (i === j) continue;
      const s = pairs.get(i < j ? `${es[i].name}\u0000${es[j].name}` : `${es[j].name}\u0000${es[i].name}`);
      if (s === "yes") partners.push(es[j].name);
      else if (s === "maybe") maybe.push(es[j].name);
    }
    if (partners.length) out.push(`${es[i].name} shares memory with ${partners.join(", ")}`);
    if (maybe.length) out.push(`${es[i].name} may share memory with ${maybe.join(", ")} (np.shares_memory gave up: too much work to decide)`);
    if (!partners.length && !maybe.length) {
      out.push(es.length > 1 ? `${es[i].name} shares no memory with the others shown (same buffer, disjoint bytes)` : `${es[i].name} shares memory with no other array shown`);
    }
  }
  return out;
}

function marks(e: Entry, bufferBytes: number, y: number, unit: number): string {
  const scale = STRIP_W / Math.max(bufferBytes, 1);
  const a = e.array;
  const title = (t: string): string => `<title>${escapeHtml(t)}</title>`;
  if (a.size === 0) return `<text x="${STRIP_X}" y="${y + 14}" font-size="11" style="fill:${THEME.muted}">no elements</text>`;
  if (e.bytes === null) {
    const [lo, hi] = e.range;
    return `<rect class="mark-range" x="${(STRIP_X + lo * scale).toFixed(2)}" y="${y + 3}" width="${Math.max(1, (hi - lo) * scale).toFixed(2)}" height="${ROW_H - 6}" fill="${e.color}" fill-opacity="0.35">${title(`${e.name}: bytes [${lo}, ${hi}) (not enumerated)`)}</rect>`;
  }
  const cells = bufferBytes / unit;
  if (cells <= MAX_CELLS && e.bytes.length <= MAX_MARKS) {
    const w = a.itemsize * scale;
    const gap = w > 4 ? 1 : 0;
    return Array.from(e.bytes, (p) => `<rect class="mark" x="${(STRIP_X + p * scale + gap / 2).toFixed(2)}" y="${y + 3}" width="${Math.max(1, w - gap).toFixed(2)}" height="${ROW_H - 6}" fill="${e.color}">${title(`${e.name}: bytes [${p}, ${p + a.itemsize})`)}</rect>`).join("");
  }
  // bins: fraction of each bin's bytes reached
  const nb = Math.min(BINS, Math.ceil(cells));
  const binBytes = bufferBytes / nb;
  const filled = new Float64Array(nb);
  for (const p of e.bytes) {
    let start = p;
    const end = p + a.itemsize;
    while (start < end) {
      const b = Math.min(nb - 1, Math.floor(start / binBytes));
      const binEnd = (b + 1) * binBytes;
      const take = Math.min(end, binEnd) - start;
      filled[b] += take;
      start += take > 0 ? take : end - start;
    }
  }
  const bw = STRIP_W / nb;
  let out = "";
  for (let b = 0; b < nb; b++) {
    if (filled[b] === 0) continue;
    const frac = Math.min(1, filled[b] / binBytes);
    out += `<rect class="mark-bin" x="${(STRIP_X + b * bw).toFixed(2)}" y="${y + 3}" width="${Math.max(0.6, bw).toFixed(2)}" height="${ROW_H - 6}" fill="${e.color}" fill-opacity="${(0.35 + 0.65 * frac).toFixed(2)}"/>`;
  }
  return out;
}

function bufferStrip(bytes: number, unit: number, y: number): string {
  const cells = bytes / unit;
  let out = `<rect x="${STRIP_X}" y="${y + 3}" width="${STRIP_W}" height="${ROW_H - 6}" style="fill:${THEME.shade};stroke:${THEME.border}"/>`;
  if (cells <= MAX_CELLS && cells > 1) {
    const scale = STRIP_W / bytes;
    const every = Math.max(1, Math.ceil(cells / 16));
    for (let c = 1; c < cells; c++) {
      out += `<line x1="${(STRIP_X + c * unit * scale).toFixed(2)}" x2="${(STRIP_X + c * unit * scale).toFixed(2)}" y1="${y + 3}" y2="${y + ROW_H - 3}" style="stroke:${THEME.border}"/>`;
    }
    for (let c = 0; c <= cells; c += every) {
      out += `<text x="${(STRIP_X + c * unit * scale).toFixed(2)}" y="${y + ROW_H + 8}" font-size="9" text-anchor="middle" style="fill:${THEME.faint}">${c * unit}</text>`;
    }
  } else {
    out += `<text x="${STRIP_X}" y="${y + ROW_H + 8}" font-size="9" style="fill:${THEME.faint}">0</text><text x="${STRIP_X + STRIP_W}" y="${y + ROW_H + 8}" font-size="9" text-anchor="end" style="fill:${THEME.faint}">${bytes}</text>`;
  }
  return out;
}

/**
 * Draw where the given arrays live. Keys are the names shown; values that are not arrays are skipped.
 *
 * @example
 * const a = np.arange(12), v = a.get("::3"), c = v.copy();
 * show.memory({ a, v, c })
 * // buffer 1 (48 bytes): a, v — v shares memory with a; buffer 2 (16 bytes): c — c shares memory with no other array shown
 */
export function memoryFigure(arrays: Readonly<Record<string, unknown>>): Figure {
  const entries: Entry[] = [];
  for (const [name, v] of Object.entries(arrays)) {
    if (!(v instanceof NDArray)) continue;
    entries.push({ name, array: v, color: PALETTE[entries.length % PALETTE.length], bytes: reachedBytes(v), range: bufferRange(v) });
  }
  if (entries.length === 0) {
    const text = "no arrays to show: pass them by name, e.g. show.memory({ a, view })";
    return new Figure({ text, html: `<div style="color:${THEME.muted}">${escapeHtml(text)}</div>`, svg: emptySvg(text) });
  }
  const groups = groupByBuffer(entries);
  const pairs = new Map<string, Sharing>();
  for (const g of groups)
    for (let i = 0; i < g.entries.length; i++)
      for (let j = i + 1; j < g.entries.length; j++) {
        const a = g.entries[i];
        const b = g.entries[j];
        pairs.set(`${a.name}\u0000${b.name}`, sharing(a.array, b.array));
      }

  let y = 8;
  let body = "";
  const textLines: string[] = [];
  groups.forEach((g, gi) => {
    const bytes = g.bytes;
    const unit = Math.min(...g.entries.map((e) => e.array.itemsize));
    body += `<text class="buffer-title" x="8" y="${y + 12}" font-size="12" font-weight="bold" style="fill:${THEME.fg}">buffer ${gi + 1} \u00b7 ${bytes} bytes${bytes / unit <= MAX_CELLS ? ` \u00b7 ${bytes / unit} cells of ${unit} byte${unit === 1 ? "" : "s"}` : ""}</text>`;
    y += 18;
    body += `<text x="8" y="${y + 14}" font-size="11" style="fill:${THEME.muted}">memory</text>` + bufferStrip(bytes, unit, y);
    y += ROW_H + 10;
    textLines.push(`buffer ${gi + 1} (${bytes} bytes): ${g.entries.map((e) => e.name).join(", ")}`);
    for (const e of g.entries) {
      const role = roleOf(e, entries);
      const step = singleStep(e.bytes);
      const detail = `${role}, ${e.array.size} element${e.array.size === 1 ? "" : "s"}${step !== null && step !== e.array.itemsize ? `, every ${step} bytes` : ""}`;
      body +=
        `<g class="array-row"><title>${escapeHtml(`${e.name}: ${detail}`)}</title>` +
        `<rect x="4" y="${y + 4}" width="8" height="${ROW_H - 8}" fill="${e.color}"/>` +
        `<text class="array-name" x="16" y="${y + 11}" font-size="12" font-family="monospace" style="fill:${THEME.fg}">${escapeHtml(shortName(e.name))}</text>` +
        `<text x="16" y="${y + 21}" font-size="9" style="fill:${THEME.muted}">${escapeHtml(role.length > 26 ? `${role.slice(0, 25)}\u2026` : role)}</text>` +
        `<rect x="${STRIP_X}" y="${y + 3}" width="${STRIP_W}" height="${ROW_H - 6}" style="fill:none;stroke:${THEME.border}" stroke-dasharray="2 2"/>` +
        marks(e, bytes, y, unit) +
        `</g>`;
      y += ROW_H + 2;
      const [lo, hi] = e.range;
      textLines.push(`  ${e.name}: ${detail}, bytes [${lo}, ${hi})`);
    }
    const notes = conclusions(g, pairs);
    for (const n of notes) {
      const yes = n.includes(" shares memory with ") && !n.includes("no other");
      const shown = n.length > MAX_NOTE ? `${n.slice(0, MAX_NOTE - 1)}\u2026` : n;
      body += `<text class="conclusion" x="16" y="${y + 13}" font-size="12" style="fill:${yes ? THEME.accent2 : THEME.ok}"><title>${escapeHtml(n)}</title>${yes ? "\u21c4" : "\u2713"} ${escapeHtml(shown)}</text>`;
      y += 17;
      textLines.push(`  ${n}`);
    }
    y += 12;
  });
  const H = y;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="strided-memory" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="memory of ${escapeHtml(entries.map((e) => e.name).join(", "))}" style="font-family:${THEME.ui};background:${THEME.bg}">` +
    body +
    `</svg>`;
  const html = `<div class="strided-show-memory" style="max-width:100%;overflow-x:auto">${svg}</div>`;
  return new Figure({ svg, html, text: textLines.join("\n") });
}

function emptySvg(text: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="30" viewBox="0 0 ${W} 30"><text x="8" y="19" font-size="12" style="fill:${THEME.muted}">${escapeHtml(text)}</text></svg>`;
}
