/**
 * run/traceback.ts with run/cell-maps.ts: a frame in a cell whose source map was dropped (only a
 * bounded number are kept) still names the cell, and says its lines are no longer mapped.
 */
import { expect, it } from "vitest";
import { BoundedCellMaps } from "../../../kernel/session/run/cell-maps.js";
import { SourceMap } from "../../../kernel/session/run/sourcemap.js";
import { rewriteStack } from "../../../kernel/session/run/traceback.js";

it("an old cell's frame says its line map is no longer kept; a kept one keeps its In [n]", () => {
  const maps = new BoundedCellMaps(2, 2);
  for (let c = 1; c <= 5; c++) maps.set(c, { map: SourceMap.parse(""), mapLine: (l: number) => l, label: c + 10 });
  const out = rewriteStack("Error: x\n    at f (strided-cell-1.js:3:5)\n    at g (strided-cell-5.js:1:1)", maps);
  expect(out).toContain("at f (cell run 1: its line map is no longer kept)");
  expect(out).toContain("at g (Cell [15])");
});
