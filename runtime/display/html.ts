/**
 * Small helpers for the static HTML/SVG views: escaping and the theme's colours.
 *
 * Rules: every view is static markup (no <script>, no <style> element: inline `style`
 * attributes only, which JupyterLab keeps in trusted outputs and nbconvert copies as is);
 * anything that comes from user data (names, strings, numbers printed by the user's dtype)
 * goes through `escapeHtml`; colours are JupyterLab's CSS variables with a fallback for
 * pages without them (nbconvert's classic template, a plain browser), so the views read in
 * light and dark themes.
 */

/**
 * Escape text for HTML/SVG content and attribute values.
 *
 * @example
 * escapeHtml(`<script>alert("x")</script>`) // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Theme colours as CSS values: JupyterLab's variables with light-theme fallbacks. */
export const THEME = {
  /** Main text. */
  fg: "var(--jp-content-font-color1, #212121)",
  /** Secondary text (labels, captions). */
  muted: "var(--jp-content-font-color2, #616161)",
  /** Faint text and rules. */
  faint: "var(--jp-content-font-color3, #9e9e9e)",
  /** Card background. */
  bg: "var(--jp-layout-color1, #ffffff)",
  /** Slightly shaded background (headers, empty cells). */
  shade: "var(--jp-layout-color2, #eeeeee)",
  /** Borders. */
  border: "var(--jp-border-color2, #d0d0d0)",
  /** Accent for "this array reaches this byte". */
  accent: "var(--jp-brand-color1, #1976d2)",
  /** A second accent (views, copies). */
  accent2: "var(--jp-warn-color1, #f57c00)",
  /** Good news (shares memory: no). */
  ok: "var(--jp-success-color1, #388e3c)",
  /** Bad news / warnings. */
  warn: "var(--jp-error-color1, #d32f2f)",
  /** Monospace font. */
  mono: "var(--jp-code-font-family, SFMono-Regular, Menlo, Consolas, monospace)",
  /** UI font. */
  ui: "var(--jp-ui-font-family, -apple-system, 'Segoe UI', Roboto, sans-serif)",
} as const;

/** Style of every table row: no zebra stripes or hover shading from the notebook's table CSS. */
export const ROW = "background:transparent";

/** A palette for telling arrays apart (accent colours that read on light and dark backgrounds). */
export const PALETTE = ["#1976d2", "#f57c00", "#388e3c", "#8e24aa", "#d32f2f", "#00838f", "#6d4c41", "#c2185b"] as const;

/**
 * A shape as NumPy writes a tuple.
 *
 * @example
 * tupleText([3]) // "(3,)"
 * tupleText([2, 3]) // "(2, 3)"
 * tupleText([]) // "()"
 */
export function tupleText(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`;
}

/**
 * Bytes in a short human form (exact below 1 KiB).
 *
 * @example
 * humanBytes(80) // "80 B"
 * humanBytes(8_000_000) // "7.63 MiB"
 */
export function humanBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(2)} ${units[i]}`;
}
