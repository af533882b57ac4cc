import { DISPLAY } from "../display/protocol.js";

/**
 * A picture that displays itself: image/svg+xml, text/html (the SVG plus notes) and a
 * text/plain summary, through Symbol.for("Jupyter.display").
 */

/**
 * What `show.memory` and `show.layout` return: a picture that displays itself.
 *
 * @example
 * const f = show.layout(np.arange(3));
 * f.text // "a: shape (3,) int32, strides (4,) bytes = (1,) elements, offset 0 bytes\n..."
 * Object.keys(f[Symbol.for("Jupyter.display")]()) // ["text/plain", "text/html", "image/svg+xml"]
 */
export class Figure {
  /** The picture as a standalone SVG document. */
  readonly svg: string;
  /** The picture with its notes as HTML (what notebooks show). */
  readonly html: string;
  /** The same facts in words (what a terminal shows). */
  readonly text: string;

  constructor(parts: { svg: string; html: string; text: string }) {
    this.svg = parts.svg;
    this.html = parts.html;
    this.text = parts.text;
  }

  /** The text summary. */
  toString(): string {
    return this.text;
  }

  /** Jupyter's display protocol. */
  [DISPLAY](): Record<string, string> {
    return { "text/plain": this.text, "text/html": this.html, "image/svg+xml": this.svg };
  }
}
