/**
 * Property tests (fast-check) of the structure half:
 *  - a view and its base see each other's writes (both directions, at the byte the view's
 *    strides name);
 *  - shares_memory(v1, v2) is true exactly when a marker written through v1 can be read
 *    through v2 (never false where two views reach the same element);
 *  - reshape of a copy equals reshape of the original; ravel(order) equals flatten(order);
 *  - a chain of transposes and slices keeps base === the owner.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });

const bound = fc.option(fc.integer({ min: -6, max: 6 }), { nil: undefined });
const step = fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), { nil: undefined });
const sliceArb = fc.tuple(bound, bound, step).map(([a, b, c]) => `${a ?? ""}:${b ?? ""}${c === undefined ? "" : `:${c}`}`);

/** A base array (C or F owner with distinct values) and a basic-slice view of it. */
const baseAndView = fc
  .tuple(shapeArb, fc.constantFrom("C" as const, "F" as const), fc.boolean())
  .chain(([shape, order, transpose]) =>
    fc.tuple(fc.constant(shape), fc.constant(order), fc.constant(transpose), fc.array(sliceArb, { minLength: shape.length, maxLength: shape.length })),
  );

function make(shape: number[], order: "C" | "F"): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return np.arange(n).reshape(shape, { order }).copy(order);
}

function view(base: NDArray, transpose: boolean, slices: string[]): NDArray {
  const v = base.get(slices.join(", ")) as NDArray;
  return transpose ? v.T : v;
}

/** The multi-index of flat position k in C order of `shape`. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = k % shape[i];
    k = Math.floor(k / shape[i]);
  }
  return idx;
}

describe("properties of views", () => {
  it("a view and its base see each other's writes", () => {
    fc.assert(
      fc.property(baseAndView, fc.nat(), ([shape, order, t, slices], pick) => {
        const base = make(shape, order);
        const v = view(base, t, slices);
        expect(v.base).toBe(base);
        if (v.size === 0) return;
        const idx = unravel(pick % v.size, v.shape);
        // the element's position in the buffer, from the view's own strides
        const byte = v.offset + idx.reduce((s, i, k) => s + i * v.strides[k], 0);
        const flat = byte / base.itemsize; // base owns the buffer from byte 0
        v.set(...idx, -7);
        expect(base.data[flat]).toBe(-7);
        base.data[flat] = -9;
        expect(v.get(...idx)).toBe(-9);
      }),
      { numRuns: 300 },
    );
  });

  it("shares_memory is true exactly when a marker written through one view is read through the other", () => {
    fc.assert(
      fc.property(baseAndView, fc.array(sliceArb, { minLength: 4, maxLength: 4 }), fc.boolean(), ([shape, order, t, slices], slices2, t2) => {
        const base = make(shape, order);
        const v1 = view(base, t, slices);
        const v2 = view(base, t2, slices2.slice(0, shape.length));
        const shares = np.shares_memory(v1, v2);
        v1.fill(-1);
        const seen = (v2.flatten().tolist() as number[]).includes(-1);
        expect(shares).toBe(seen);
        if (seen) expect(np.may_share_memory(v1, v2)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("overlapping as_strided windows: shares_memory agrees with the marker test", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.nat(),
        (n, d1, d2, o1, o2) => {
          const base = np.arange(n);
          const mk = (dims: [number, number][], off: number): NDArray | null => {
            try {
              const start = base.get(`${off % n}:`) as NDArray;
              return np.lib.stride_tricks.as_strided(start, dims.map((d) => d[0]), dims.map((d) => d[1] * 4));
            } catch {
              return null; // footprint outside the buffer: refused, nothing to compare
            }
          };
          const v1 = mk(d1, o1);
          const v2 = mk(d2, o2);
          if (!v1 || !v2) return;
          const shares = np.shares_memory(v1, v2);
          v1.fill(-1);
          const seen = (v2.flatten().tolist() as number[]).includes(-1);
          expect(shares).toBe(seen);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reshape of a copy equals reshape of the original; ravel equals flatten", () => {
    fc.assert(
      fc.property(baseAndView, fc.constantFrom("C" as const, "F" as const), fc.constantFrom("C" as const, "F" as const, "A" as const, "K" as const), ([shape, order, t, slices], rorder, korder) => {
        const v = view(make(shape, order), t, slices);
        const dims = v.size === 0 ? [0, 1] : [1, -1];
        expect(v.copy().reshape(dims, { order: rorder }).tolist()).toEqual(v.reshape(dims, { order: rorder }).tolist());
        expect(v.copy("F").reshape(v.shape as number[]).tolist()).toEqual(v.tolist());
        expect(v.ravel(korder).tolist()).toEqual(v.flatten(korder).tolist());
        const r = v.ravel(korder);
        if (r.base === v.base) expect(np.shares_memory(r, v) || v.size === 0).toBe(true);
        else expect(np.shares_memory(r, v)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
