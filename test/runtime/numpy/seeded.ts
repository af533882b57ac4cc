/**
 * The seeded differential test of the routine files here: `generate(seed)` cases, NumPy's answers
 * from `script` (one numpyBatch over the cases as JSON), ours captured and compared with
 * compareTree; the seed is in the test's name (`SEED=n` reproduces a run).
 */
import { describe, it } from "vitest";
import { caseSeed, numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { capture } from "../ufunc/cases.js";
import { compareTree, jsonSafe } from "./intp.js";

/**
 * One describe block with one seeded case list; skipped (with the requirement's loud note) when `ok`
 * is false. `strides(c, mine)`: whether to compare strides too (default yes); `what`: the test's name
 * before its seed.
 */
export function describeSeeded<C>(
  title: string,
  ok: boolean,
  spec: { generate: (seed: number) => C[]; script: string; ours: (c: C) => unknown; what?: string; show?: number; strides?: (c: C, mine: ReturnType<typeof capture>) => boolean },
): void {
  describe.skipIf(!ok)(title, () => {
    const seed = caseSeed();
    it(`${spec.what ?? "agree on generated cases"} (seed ${seed}; SEED=${seed} reproduces)`, async () => {
      const cases = spec.generate(seed);
      const answers = await numpyBatch(spec.script, jsonSafe(cases));
      expectNoneDiffer(
        cases,
        (c, i) => {
          const mine = capture(() => spec.ours(c));
          const d = compareTree(mine, answers[i], 0, spec.strides ? spec.strides(c, mine) : true);
          return d === null ? null : `${JSON.stringify(jsonSafe(c))}: ${d}`;
        },
        spec.show ?? 6,
      );
    });
  });
}
