/**
 * `show.layout(a)`: how `a` walks its buffer.
 *
 * Picture: the buffer's element slots in memory order (the whole buffer when it has at most
 * MAX_CELLS slots, else the slots `a` reaches, cut at MAX_CELLS), each slot labelled with the
 * index of `a` stored there (e.g. "(1,0)") and the step `#k` at which a C-order walk of `a`
 * (NumPy's `a.flat`) visits it, arcs joining consecutive steps; slots `a` does not reach are
 * blank. A C-contiguous array walks left to right one slot at a time; an F-ordered one jumps.
 * Then the strides in bytes and elements, and what `np.ascontiguousarray(a)` would do (the same
 * object when C-contiguous, else a copy into a new buffer, drawn the same way).
 * Cost: O(size) to enumerate the elements, drawing at most MAX_CELLS slots.
 */
import type { NDArray } from "../core/ndarray.js";
import "../core/flags.js";
import { DTYPES } from "../core/dtype.js";
import { contiguousStrides } from "../core/shape.js";
import { escapeHtml, THEME, tupleText } from "../display/html.js";
import { byteRange, forEachIndex } from "../display/walk.js";
import { Figure } from "./figure.js";

/** Most slots drawn in one strip. */
export const MAX_CELLS = 48;
/** Slots per row of the strip. */
export const PER_ROW = 12;

const W = 760;
/** Largest height of a walk arc (px). */
const ARC_MAX = 24;

/** One slot of a strip: its byte position, and the (index, step) pairs stored there. */
interface Slot {
  byte: number;
  visits: { index: readonly number[]; step: number }[];
}

/**
 * The slots to draw for shape/strides/offset over a buffer of `bufferBytes` (positions relative to data start).
 *
 * @example
 * slotsOf([2], [-4], 4, 4, 8, [0, 8]).slots.map((s) => s.visits[0].step) // [1, 0]  (a reversed pair)
 */
export function slotsOf(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  itemsize: number,
  bufferBytes: number,
  range: [number, number],
): { slots: Slot[]; truncated: number } {
  const totalCells = bufferBytes / itemsize;
  const [first, last] = totalCells <= MAX_CELLS ? [0, bufferBytes] : range;
  const nCells = Math.max(0, (last - first) / itemsize);
  const shown = Math.min(nCells, MAX_CELLS);
  const slots: Slot[] = Array.from({ length: shown }, (_, i) => ({ byte: first + i * itemsize, visits: [] }));
  let step = 0;
  forEachIndex(shape, (index) => {
    let byte = offset;
    for (let k = 0; k < index.length; k++) byte += index[k] * strides[k];
    const cell = (byte - first) / itemsize;
    if (cell >= 0 && cell < shown) slots[cell].visits.push({ index: index.slice(), step });
    step++;
  });
  return { slots, truncated: nCells - shown };
}

/** "(1,0)" for an index, "()" for a 0-d one. */
function indexLabel(index: readonly number[]): string {
  return index.length === 1 ? `(${index[0]})` : `(${index.join(",")})`;
}

/** Draw one strip at y; returns the SVG and its height. */
function strip(slots: Slot[], y: number, color: string, label: string): { svg: string; height: number } {
  const longest = Math.max(4, ...slots.flatMap((s) => s.visits.map((v) => indexLabel(v.index).length)));
  const cw = Math.min(60, Math.max(44, longest * 7 + 10));
  const perRow = Math.min(PER_ROW, Math.floor((W - 20) / cw));
  const ch = 38;
  const rowGap = 14 + 2 * ARC_MAX;
  const pos = new Map<number, { x: number; y: number; row: number }>();
  let svg = `<text x="8" y="${y + 12}" font-size="12" font-weight="bold" style="fill:${THEME.fg}">${escapeHtml(label)}</text>`;
  const top = y + 20 + ARC_MAX;
  slots.forEach((s, i) => {
    const row = Math.floor(i / perRow);
    const x = 10 + (i % perRow) * cw;
    const yy = top + row * (ch + rowGap);
    const reached = s.visits.length > 0;
    svg += `<g class="${reached ? "slot slot-reached" : "slot slot-empty"}">`;
    svg += `<rect x="${x}" y="${yy}" width="${cw - 2}" height="${ch}" rx="3" style="fill:${reached ? color : THEME.shade};fill-opacity:${reached ? 0.18 : 1};stroke:${reached ? color : THEME.border}"/>`;
    if (reached) {
      const v = s.visits[0];
      const more = s.visits.length > 1 ? `+${s.visits.length - 1}` : "";
      svg += `<text class="slot-index" x="${x + (cw - 2) / 2}" y="${yy + 15}" font-size="11" text-anchor="middle" font-family="monospace" style="fill:${THEME.fg}">${escapeHtml(indexLabel(v.index))}${more}</text>`;
      svg += `<text class="slot-step" x="${x + (cw - 2) / 2}" y="${yy + 31}" font-size="10" text-anchor="middle" style="fill:${color}">#${v.step}</text>`;
      for (const w of s.visits) pos.set(w.step, { x: x + (cw - 2) / 2, y: yy, row });
    }
    svg += `<text x="${x + (cw - 2) / 2}" y="${yy + ch + 11}" font-size="9" text-anchor="middle" style="fill:${THEME.faint}">${s.byte}</text>`;
    svg += `</g>`;
  });
  // arcs between consecutive steps drawn in the same row: forward steps above the slots,
  // backward jumps below them, higher for longer jumps, so the two directions never cross
  const steps = [...pos.keys()].sort((p, q) => p - q);
  for (const k of steps) {
    const from = pos.get(k);
    const to = pos.get(k + 1);
    if (!from || !to || from.row !== to.row || from.x === to.x) continue;
    const mid = (from.x + to.x) / 2;
    const lift = Math.min(ARC_MAX, 6 + Math.abs(to.x - from.x) / 10);
    const forward = to.x > from.x;
    const y0 = forward ? from.y : from.y + ch + 14;
    const bend = forward ? y0 - lift * 2 : y0 + lift * 2;
    svg += `<path class="walk walk-${forward ? "forward" : "back"}" d="M ${from.x} ${y0} Q ${mid} ${bend} ${to.x} ${y0}" style="fill:none;stroke:${color};stroke-width:1.2;stroke-opacity:${forward ? 0.85 : 0.55}" marker-end="url(#strided-arrow)"/>`;
  }
  const rows = Math.max(1, Math.ceil(slots.length / perRow));
  const below = svg.includes("walk-back") ? 14 + 2 * ARC_MAX : 14;
  return { svg, height: 20 + ARC_MAX + rows * ch + (rows - 1) * rowGap + below };
}

/**
 * Draw how `a` walks its buffer, and what `np.ascontiguousarray(a)` would change.
 *
 * @example
 * show.layout(np.arange(6).reshape(2, 3).T)
 * // slots 0..5 hold (0,0) (1,0) (2,0) (0,1) (1,1) (2,1): the C walk visits #0 #2 #4 #1 #3 #5 — jumps, so not C-contiguous;
 * // np.ascontiguousarray copies into a new buffer of 24 bytes with strides (8, 4)
 */
export function layoutFigure(a: NDArray, name = "a"): Figure {
  const it = DTYPES[a.dtype].itemsize;
  const flags = a.flags;
  const range = byteRange(a);
  const elemStrides = a.strides.map((s) => s / it);
  const color = "#1976d2";
  const lines: string[] = [];
  lines.push(`${name}: shape ${tupleText(a.shape)} ${a.dtype}, strides ${tupleText(a.strides)} bytes = ${tupleText(elemStrides)} elements, offset ${a.offset} bytes`);
  lines.push(`C_CONTIGUOUS ${flags.c_contiguous ? "True" : "False"}, F_CONTIGUOUS ${flags.f_contiguous ? "True" : "False"}, ${a.base === null ? "owns its buffer" : "a view"} of ${a.data.byteLength} bytes; reaches bytes [${range[0]}, ${range[1]})`);
  a.strides.forEach((s, k) => {
    lines.push(`axis ${k}: index +1 moves ${s} bytes (${elemStrides[k]} element${Math.abs(elemStrides[k]) === 1 ? "" : "s"})${a.shape[k] === 1 ? " (length 1: never taken)" : ""}`);
  });

  const own = slotsOf(a.shape, a.strides, a.offset, it, a.data.byteLength, range);
  const walkNote = flags.c_contiguous
    ? `walking ${name} in C order (#0, #1, ...) reads memory left to right, one slot at a time`
    : `walking ${name} in C order (#0, #1, ...) jumps around memory: ${name} is not C-contiguous`;
  lines.push(walkNote);
  let asc: string;
  let copy: { slots: Slot[]; truncated: number } | null = null;
  const ascShape = a.ndim === 0 ? [1] : a.shape;
  if (flags.c_contiguous && a.ndim > 0) {
    asc = `np.ascontiguousarray(${name}) returns ${name} itself: already C-contiguous, no copy`;
  } else {
    const cStrides = contiguousStrides(ascShape, it, "C");
    asc = flags.c_contiguous
      ? `np.ascontiguousarray(${name}) returns a 1-d view of shape (1,) (it makes 0-d arrays 1-d)`
      : `np.ascontiguousarray(${name}) copies: a new buffer of ${a.nbytes} bytes with strides ${tupleText(cStrides)}, walked left to right`;
    if (!flags.c_contiguous) copy = slotsOf(ascShape, cStrides, 0, it, a.nbytes, [0, a.nbytes]);
  }
  lines.push(asc);

  let y = 8;
  let body = "";
  for (const line of lines) {
    body += `<text class="layout-note" x="8" y="${y + 12}" font-size="12" style="fill:${THEME.fg}">${escapeHtml(line)}</text>`;
    y += 17;
  }
  y += 6;
  const whole = own.slots.length === a.data.byteLength / it;
  const drawnTo = own.slots.length ? own.slots[own.slots.length - 1].byte + it : range[0];
  const part = whole ? "" : `, bytes [${own.slots[0]?.byte ?? range[0]}, ${drawnTo}) of ${a.data.byteLength}`;
  const titleOwn = `${name} in its buffer (byte offsets below each slot${part})`;
  const s1 = strip(own.slots, y, color, own.truncated > 0 ? `${titleOwn} \u2014 first ${own.slots.length} slots, ${own.truncated} more not drawn` : titleOwn);
  body += s1.svg;
  y += s1.height;
  if (copy) {
    const s2 = strip(copy.slots, y, "#f57c00", copy.truncated > 0 ? `np.ascontiguousarray(${name}): a new buffer \u2014 first ${copy.slots.length} slots` : `np.ascontiguousarray(${name}): a new buffer`);
    body += s2.svg;
    y += s2.height;
  }
  const H = y + 4;
  const defs = `<defs><marker id="strided-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" style="fill:${THEME.muted}"/></marker></defs>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="strided-layout" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="layout of ${escapeHtml(name)}" style="font-family:${THEME.ui};background:${THEME.bg}">${defs}${body}</svg>`;
  const html = `<div class="strided-show-layout" style="max-width:100%;overflow-x:auto">${svg}</div>`;
  const text = [...lines, `memory slots: ${own.slots.map((s) => (s.visits.length ? `${indexLabel(s.visits[0].index)}#${s.visits[0].step}` : "--")).join(" ")}${own.truncated > 0 ? " ..." : ""}`].join("\n");
  return new Figure({ svg, html, text });
}
