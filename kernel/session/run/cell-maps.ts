/**
 * The source maps tracebacks read (run/traceback.ts), kept for a bounded number of cells.
 *
 * Rule: the maps of the last RECENT cells are kept, and of up to DECLARING cells that declared
 * something (a function or class defined there may throw many cells later); the oldest go
 * first. A frame in a cell whose map is gone still names the cell (`Cell [12]`), without the
 * line. Why: one map per cell for good grew with every cell run (a long session or a parameter
 * sweep of thousands of cells). Cost: O(1) per cell.
 */
import type { SourceMap } from "./sourcemap.js";
import type { CellMaps } from "./traceback.js";
import { Map } from "../../primordials.js"; // built-ins captured at start-up: a cell may rebind or patch the globals

export interface CellMapEntry {
  map: SourceMap;
  mapLine: (line0: number) => number;
  /** The cell's execution count (`In [n]`), when it differs from the internal cell number or is known. */
  label?: number;
}

export class BoundedCellMaps implements CellMaps {
  private readonly recent = new Map<number, CellMapEntry>();
  private readonly declaring = new Map<number, CellMapEntry>();

  constructor(
    private readonly RECENT = 500,
    private readonly DECLARING = 2000,
  ) {}

  /** Keep cell `cell`'s map; `declares` when the cell declared a name. */
  set(cell: number, entry: CellMapEntry, declares = false): void {
    const into = declares ? this.declaring : this.recent;
    into.set(cell, entry);
    const cap = declares ? this.DECLARING : this.RECENT;
    while (into.size > cap) into.delete(into.keys().next().value as number);
  }

  get(cell: number): CellMapEntry | undefined {
    return this.recent.get(cell) ?? this.declaring.get(cell);
  }

  /** How many maps are kept (for tests). */
  get size(): number {
    return this.recent.size + this.declaring.size;
  }
}
