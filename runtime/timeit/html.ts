/**
 * The HTML card of a TimeitResult: IPython's line, the seven runs on a small time axis, and the
 * bytes the runtime allocated per loop (the point of `np.add(x, y)` versus `np.add(x, y, { out: x })`).
 * Static markup with inline styles only (see runtime/display/html.ts).
 */
import { escapeHtml, humanBytes, THEME } from "../display/html.js";
import { formatTime, thousands } from "./format.js";

/** The fields the card shows. */
export interface TimeitView {
  readonly loops: number;
  readonly repeat: number;
  readonly best: number;
  readonly worst: number;
  readonly timings: readonly number[];
  readonly bytesPerLoop: number;
  readonly buffersPerLoop: number;
  readonly precision: number;
  readonly average: number;
  readonly warning: string | null;
  toString(): string;
}

const W = 320;
const H = 44;
const PAD = 12;

/**
 * An SVG strip: one dot per run at its time per loop, the mean as a line, ± stdev as a band.
 *
 * @example
 * const result = timeit(() => np.arange(10), { number: 10, repeat: 3 });
 * runsSvg(result, result.stdev) // '<svg ...<circle class="timeit-run" ...><title>run 1: ... per loop</title></circle>...</svg>'
 */
export function runsSvg(r: TimeitView, stdev: number): string {
  const lo = Math.min(...r.timings);
  const hi = Math.max(...r.timings);
  const span = hi - lo || Math.max(hi, 1e-12) * 0.1;
  const min = hi === lo ? lo - span / 2 : lo;
  const x = (t: number): number => PAD + ((t - min) / span) * (W - 2 * PAD);
  const y = 18;
  const clamp = (v: number): number => Math.max(PAD / 2, Math.min(W - PAD / 2, v));
  const band = `<rect x="${clamp(x(r.average - stdev)).toFixed(1)}" y="${y - 9}" width="${Math.max(1, clamp(x(r.average + stdev)) - clamp(x(r.average - stdev))).toFixed(1)}" height="18" style="fill:${THEME.accent}" fill-opacity="0.12"/>`;
  const mean = `<line x1="${x(r.average).toFixed(1)}" x2="${x(r.average).toFixed(1)}" y1="${y - 11}" y2="${y + 11}" style="stroke:${THEME.accent}" stroke-width="1.5"/>`;
  const dots = r.timings
    .map((t, i) => `<circle class="timeit-run" cx="${x(t).toFixed(1)}" cy="${y}" r="4" style="fill:${THEME.accent}" fill-opacity="0.7"><title>run ${i + 1}: ${escapeHtml(formatTime(t, r.precision))} per loop</title></circle>`)
    .join("");
  const axis = `<line x1="${PAD}" x2="${W - PAD}" y1="${y + 13}" y2="${y + 13}" style="stroke:${THEME.faint}"/>`;
  const labels =
    `<text x="${PAD}" y="${H - 1}" font-size="10" style="fill:${THEME.muted}">${escapeHtml(formatTime(lo, r.precision))}</text>` +
    `<text x="${W - PAD}" y="${H - 1}" font-size="10" text-anchor="end" style="fill:${THEME.muted}">${escapeHtml(formatTime(hi, r.precision))}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="time per loop of each run" style="font-family:${THEME.ui}">${axis}${band}${mean}${dots}${labels}</svg>`;
}

/**
 * Allocation per loop in words.
 *
 * @example
 * allocationText(8000, 1) // "8,000 bytes (7.81 KiB) allocated per loop in 1 buffer"
 * allocationText(0, 0)    // "no array allocated per loop"
 */
export function allocationText(bytesPerLoop: number, buffersPerLoop: number): string {
  if (bytesPerLoop === 0 && buffersPerLoop === 0) return "no array allocated per loop";
  const buffers = Number.isInteger(buffersPerLoop) ? `${buffersPerLoop}` : buffersPerLoop.toFixed(2);
  const exact = Number.isInteger(bytesPerLoop) ? `${thousands(bytesPerLoop)} bytes` : `${thousands(Math.round(bytesPerLoop))} bytes on average`;
  const human = bytesPerLoop >= 1024 ? ` (${humanBytes(bytesPerLoop)})` : "";
  return `${exact}${human} allocated per loop in ${buffers} buffer${buffersPerLoop === 1 ? "" : "s"}`;
}

/**
 * The card: IPython's line (and warning), the runs strip, the allocation per loop.
 *
 * @example
 * const x = np.zeros(1000), y = np.ones(1000);
 * timeitHtml(timeit(() => np.add(x, y), { number: 10, repeat: 2 })) // '<div class="strided-timeit" ...>...8,000 bytes (7.81 KiB) allocated per loop in 1 buffer</div></div>'
 */
export function timeitHtml(r: TimeitView & { readonly stdev: number }): string {
  const warning = r.warning === null ? "" : `<div class="timeit-warning" style="color:${THEME.warn};margin-bottom:4px">${escapeHtml(r.warning)}</div>`;
  const alloc = allocationText(r.bytesPerLoop, r.buffersPerLoop);
  const allocColor = r.bytesPerLoop === 0 ? THEME.ok : THEME.accent2;
  return (
    `<div class="strided-timeit" style="font-family:${THEME.ui};color:${THEME.fg};background:${THEME.bg};border:1px solid ${THEME.border};border-radius:4px;padding:6px 10px;display:inline-block;max-width:100%">` +
    warning +
    `<div style="font-family:${THEME.mono}">${escapeHtml(r.toString())}</div>` +
    `<div style="margin-top:4px">${runsSvg(r, r.stdev)}</div>` +
    `<div class="timeit-alloc" style="color:${allocColor};font-size:90%">${escapeHtml(alloc)}</div>` +
    `</div>`
  );
}
