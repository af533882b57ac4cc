/**
 * A log-log line chart as SVG text (no dependency): one panel per case, time per call against
 * array size, one line per series. Used by sweep.ts for bench/results/runtime-sweep.svg.
 */

/** One line of a panel: a label, a colour, and its points [size, seconds] (missing points skipped). */
export interface Series {
  readonly label: string;
  readonly color: string;
  readonly dash?: string;
  readonly points: readonly (readonly [number, number])[];
}

/** A panel: its title and lines. */
export interface Panel {
  readonly title: string;
  readonly series: readonly Series[];
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function timeLabel(s: number): string {
  if (s < 1e-6) return `${+(s * 1e9).toPrecision(2)} ns`;
  if (s < 1e-3) return `${+(s * 1e6).toPrecision(2)} µs`;
  if (s < 1) return `${+(s * 1e3).toPrecision(2)} ms`;
  return `${+s.toPrecision(2)} s`;
}

/**
 * The chart: panels in a grid of `cols` columns, shared legend on top.
 *
 * @example
 * loglogChart([{ title: "add", series: [{ label: "strided", color: "#1565c0", points: [[100, 1e-6], [1000, 2e-6]] }] }], 1).startsWith("<svg") // true
 */
export function loglogChart(panels: readonly Panel[], cols: number, title = ""): string {
  const W = 300;
  const H = 220;
  const pad = { l: 52, r: 10, t: 24, b: 34 };
  const rows = Math.ceil(panels.length / cols);
  const legendH = 40;
  const width = cols * W;
  const height = legendH + rows * H;
  let body = "";
  const seriesSeen = new Map<string, Series>();
  panels.forEach((p, k) => {
    const x0 = (k % cols) * W;
    const y0 = legendH + Math.floor(k / cols) * H;
    const pts = p.series.flatMap((s) => s.points.filter(([, t]) => Number.isFinite(t) && t > 0));
    if (pts.length === 0) return;
    const xs = pts.map(([n]) => Math.log10(n));
    const ys = pts.map(([, t]) => Math.log10(t));
    const xmin = Math.floor(Math.min(...xs));
    const xmax = Math.ceil(Math.max(...xs));
    const ymin = Math.floor(Math.min(...ys));
    const ymax = Math.ceil(Math.max(...ys));
    const px = (n: number): number => x0 + pad.l + ((Math.log10(n) - xmin) / Math.max(1e-9, xmax - xmin)) * (W - pad.l - pad.r);
    const py = (t: number): number => y0 + H - pad.b - ((Math.log10(t) - ymin) / Math.max(1e-9, ymax - ymin)) * (H - pad.t - pad.b);
    body += `<text x="${x0 + W / 2}" y="${y0 + 16}" text-anchor="middle" font-size="12" font-weight="bold">${esc(p.title)}</text>`;
    body += `<rect x="${x0 + pad.l}" y="${y0 + pad.t}" width="${W - pad.l - pad.r}" height="${H - pad.t - pad.b}" fill="none" stroke="#999"/>`;
    for (let e = xmin; e <= xmax; e++) {
      const x = px(10 ** e);
      body += `<line x1="${x}" y1="${y0 + pad.t}" x2="${x}" y2="${y0 + H - pad.b}" stroke="#eee"/><text x="${x}" y="${y0 + H - pad.b + 14}" text-anchor="middle" font-size="10">1e${e}</text>`;
    }
    for (let e = ymin; e <= ymax; e++) {
      const y = py(10 ** e);
      body += `<line x1="${x0 + pad.l}" y1="${y}" x2="${x0 + W - pad.r}" y2="${y}" stroke="#eee"/><text x="${x0 + pad.l - 4}" y="${y + 3}" text-anchor="end" font-size="10">${timeLabel(10 ** e)}</text>`;
    }
    body += `<text x="${x0 + pad.l + (W - pad.l - pad.r) / 2}" y="${y0 + H - 6}" text-anchor="middle" font-size="10">elements</text>`;
    for (const s of p.series) {
      seriesSeen.set(s.label, s);
      const good = s.points.filter(([, t]) => Number.isFinite(t) && t > 0);
      if (good.length === 0) continue;
      const d = good.map(([n, t], i) => `${i === 0 ? "M" : "L"}${px(n).toFixed(1)},${py(t).toFixed(1)}`).join(" ");
      body += `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.8"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`;
      for (const [n, t] of good) body += `<circle cx="${px(n).toFixed(1)}" cy="${py(t).toFixed(1)}" r="2.5" fill="${s.color}"><title>${esc(`${s.label}: ${n} elements, ${timeLabel(t)}`)}</title></circle>`;
    }
  });
  let legend = `<text x="8" y="16" font-size="13" font-weight="bold">${esc(title)}</text>`;
  let lx = 8;
  for (const s of seriesSeen.values()) {
    legend += `<line x1="${lx}" y1="30" x2="${lx + 24}" y2="30" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/><text x="${lx + 28}" y="34" font-size="11">${esc(s.label)}</text>`;
    lx += 40 + s.label.length * 6.5;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>${legend}${body}</svg>\n`;
}
