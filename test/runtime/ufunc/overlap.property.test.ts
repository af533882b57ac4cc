/**
 * Property (fast-check): a ufunc whose `out` overlaps its inputs inside one buffer gives what a
 * reference gets by reading every input first (plain JS over `tolist()`), for any slices with any
 * steps (negative too) of one base array, and leaves the bytes outside `out` untouched.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { np } from "../../../runtime/np.js";
import type { NDArray } from "../../../runtime/core/ndarray.js";

const sliceArb = (n: number) =>
  fc.record({ start: fc.integer({ min: 0, max: n - 1 }), step: fc.constantFrom(1, 2, -1, -2, 3) });

describe("overlapping out reads inputs first", () => {
  it("np.add / np.multiply over slices of one buffer", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 24 }).chain((n) =>
          fc.tuple(fc.constant(n), sliceArb(n), sliceArb(n), sliceArb(n), fc.integer({ min: 1, max: n }), fc.boolean()),
        ),
        ([n, s1, s2, s3, want, mul]) => {
          // the longest common length the three slices allow, capped by `want`
          const lengthThatFits = (s: { start: number; step: number }): number => (s.step > 0 ? Math.floor((n - 1 - s.start) / s.step) + 1 : Math.floor(s.start / -s.step) + 1);
          const m = Math.min(want, lengthThatFits(s1), lengthThatFits(s2), lengthThatFits(s3));
          const str = (s: { start: number; step: number }): string => {
            const stop = s.start + s.step * m;
            return `${s.start}:${stop < 0 ? "" : stop}:${s.step}`;
          };
          const base = np.arange(n);
          const x = base.get(str(s1)) as NDArray;
          const y = base.get(str(s2)) as NDArray;
          const out = base.get(str(s3)) as NDArray;
          expect([x.shape[0], y.shape[0], out.shape[0]]).toEqual([m, m, m]);
          const before = base.tolist() as number[];
          const xv = x.tolist() as number[];
          const yv = y.tolist() as number[];
          const idx = Array.from({ length: m }, (_, i) => s3.start + i * s3.step);
          const expected = before.slice();
          idx.forEach((k, i) => (expected[k] = mul ? xv[i] * yv[i] : xv[i] + yv[i]));
          (mul ? np.multiply : np.add)(x, y, { out });
          expect(base.tolist()).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
