/**
 * Jupyter's display protocol for runtime objects (the one Deno's kernel uses): an object with a
 * method `[Symbol.for("Jupyter.display")]()` returning a mime bundle displays as that bundle.
 * `DISPLAY` is that registry symbol typed as a unique symbol, so TypeScript knows the method.
 */

/** `Symbol.for("Jupyter.display")`. @example np.arange(3)[DISPLAY]()["text/plain"] // "array([0, 1, 2])" */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** A mime bundle of text: mime type -> data. */
export type TextBundle = Record<string, string>;
