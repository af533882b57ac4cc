/**
 * Rich display of runtime objects (pure functions building mime bundles; no kernel imports).
 * Importing this module makes arrays and their flags display themselves.
 */
import "./ndarray-display.js";
export { DISPLAY } from "./protocol.js";
export { arrayBundle, flagsBundle, type TextBundle } from "./ndarray-display.js";
export { arrayCardHtml, memoryText } from "./card.js";
export { flagsHtml } from "./flags-html.js";
export { valuesHtml } from "./values.js";
export { plainText } from "./plain.js";
export { escapeHtml, THEME, humanBytes, tupleText } from "./html.js";
export { byteRange, reachedDataIndices } from "./walk.js";
