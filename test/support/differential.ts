/**
 * The comparison step of the differential suites: our result for each generated case against
 * NumPy's answer (test/support/numpy.ts), by vitest's deep equality, counting the cases that
 * differ and printing the first few with the case, ours and NumPy's, so a red run names the case
 * to replay (with its `SEED=n`). Cost: one deep comparison per case.
 */
import { expect } from "vitest";
import { caseSeed, type NumpyAnswer } from "./numpy.js";

/**
 * What NumPy's answer is compared as: the value of an `{ ok }` answer, the `{ error, message }`
 * answer itself when NumPy raised (our side encodes its exceptions the same way).
 *
 * @example
 * answerValue({ ok: [1, 2] }) // [1, 2]
 */
export function answerValue(a: NumpyAnswer): unknown {
  return "ok" in a ? a.ok : a;
}

/**
 * How many cases differ (`ours[i]` not deep-equal to `theirs[i]`); the first `show` are printed
 * with the case, or with `explain(i)` when given.
 *
 * @example
 * countDifferences([{ n: 1 }, { n: 2 }], [1, 3], [1, 2], 8) // 1 (and prints case 1)
 */
export function countDifferences(
  cases: readonly unknown[],
  ours: readonly unknown[],
  theirs: readonly unknown[],
  show: number,
  explain?: (i: number) => string,
): number {
  let failures = 0;
  for (let i = 0; i < cases.length; i++) {
    try {
      expect(ours[i]).toEqual(theirs[i]);
    } catch {
      if (failures++ < show) {
        console.error(explain ? explain(i) : `case ${i}: ${JSON.stringify(cases[i])}\n js: ${JSON.stringify(ours[i])}\n np: ${JSON.stringify(theirs[i])}`);
      }
    }
  }
  return failures;
}

/**
 * The seed of a generated-case suite (`caseSeed`), printed with the suite's name so the run can be
 * replayed with `SEED=n`.
 *
 * @example
 * const seed = announcedSeed("views.test"); // prints "views.test: SEED=123 reproduces"
 */
export function announcedSeed(suite: string): number {
  const seed = caseSeed();
  console.log(`${suite}: SEED=${seed} reproduces`);
  return seed;
}

/**
 * Asserts that no case differs from NumPy: `differ(c, i)` describes how case i differs, or gives
 * null when it agrees; the assertion shows the first `show` descriptions and how many differ.
 *
 * @example
 * expectNoneDiffer([1, 2], (c) => (c === 2 ? "2 is not 3" : null)) // fails: "1 of 2 differ", ["2 is not 3"]
 */
export function expectNoneDiffer<C>(cases: readonly C[], differ: (c: C, i: number) => string | null, show = Infinity): void {
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const d = differ(c, i);
    if (d !== null) failures.push(d);
  });
  expect(failures.slice(0, show), `${failures.length} of ${cases.length} differ`).toEqual([]);
}
