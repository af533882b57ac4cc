/**
 * run/cell-maps.ts: tracebacks' source maps are kept for a bounded number of cells, the
 * declaring cells apart from the rest, oldest first out.
 */
import { describe, expect, it } from "vitest";
import { BoundedCellMaps } from "../../../kernel/session/run/cell-maps.js";
import { SourceMap } from "../../../kernel/session/run/sourcemap.js";

const entry = () => ({ map: SourceMap.parse(""), mapLine: (l: number) => l });

describe("BoundedCellMaps", () => {
  it.each([
    [3, 2, 10, 0, 3],
    [3, 2, 10, 4, 5],
    [500, 2000, 3000, 0, 500],
  ])("recent %i, declaring %i: after %i cells (every %i-th declares) %i maps are kept", (recent, declaring, cells, every, kept) => {
    const maps = new BoundedCellMaps(recent, declaring);
    for (let c = 1; c <= cells; c++) maps.set(c, entry(), every > 0 && c % every === 0);
    expect(maps.size).toBe(kept);
    expect(maps.get(cells)).toBeDefined();
    expect(maps.get(1)).toBeUndefined();
  });

  it("keeps an old declaring cell's map while many plain cells run", () => {
    const maps = new BoundedCellMaps(5, 5);
    maps.set(1, entry(), true);
    for (let c = 2; c < 100; c++) maps.set(c, entry());
    expect(maps.get(1)).toBeDefined();
    expect(maps.get(2)).toBeUndefined();
  });
});
