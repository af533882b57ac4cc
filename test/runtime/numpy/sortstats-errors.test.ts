/**
 * The errors of the searching, sorting and statistics routines against NumPy 1.24: each row is the
 * same call written for NumPy and for the runtime; both must raise, with the same error type and
 * message (or both succeed with the same answer).
 */
import { describe, it } from "vitest";
import { np } from "../../../runtime/np.js";
import { numpyBatch } from "../../support/numpy.js";
import { expectNoneDiffer } from "../../support/differential.js";
import { missingPythonModules, requirement } from "../../support/requirements.js";
import { capture } from "../ufunc/cases.js";
import { compareTree } from "./intp.js";

const ok = requirement(missingPythonModules(["numpy"]), "sorting/statistics error tests against NumPy");

const ro = () => {
  const a = np.arange(3);
  a.flags.writeable = false;
  return a;
};

/** [NumPy expression, the runtime's call] */
const ROWS: [string, () => unknown][] = [
  ["np.sort(np.array([3, 1]), kind='xyz')", () => np.sort(np.array([3, 1]), { kind: "xyz" as never })],
  ["np.sort(np.array(3))", () => np.sort(np.array(3))],
  ["np.sort(np.arange(6).reshape(2, 3), axis=2)", () => np.sort(np.arange(6).reshape(2, 3), 2)],
  ["np.argsort(np.arange(6).reshape(2, 3), axis=-3)", () => np.argsort(np.arange(6).reshape(2, 3), -3)],
  ["(lambda a: (a.setflags(write=False), a.sort()))(np.arange(3))[1]", () => ro().sort()],
  ["np.sort(np.array([3, 1]), order='f')", () => np.sort(np.array([3, 1]), { order: "f" as never })],
  ["np.searchsorted(np.ones((2, 2)), 1)", () => np.searchsorted(np.ones([2, 2]), 1)],
  ["np.searchsorted(np.array(1), 1)", () => np.searchsorted(np.array(1), 1)],
  ["np.searchsorted(np.array([1, 2, 3]), 2, side='middle')", () => np.searchsorted(np.array([1, 2, 3]), 2, "middle" as never)],
  ["np.searchsorted(np.array([1, 2, 3]), 2, sorter=np.array([0, 1]))", () => np.searchsorted(np.array([1, 2, 3]), 2, { sorter: np.array([0, 1]) })],
  ["np.searchsorted(np.array([1, 2, 3]), 2, sorter=np.array([5, 1, 2]))", () => np.searchsorted(np.array([1, 2, 3]), 2, { sorter: np.array([5, 1, 2]) })],
  ["np.where(np.array([True, False]), np.array([1, 2]))", () => (np.where as (...a: unknown[]) => unknown)(np.array([true, false]), np.array([1, 2]))],
  ["np.where(np.array([True, False]), np.array([1, 2, 3]), 0)", () => np.where(np.array([true, false]), np.array([1, 2, 3]), 0)],
  ["np.count_nonzero(np.ones((2, 3)), axis=(0, 0))", () => np.count_nonzero(np.ones([2, 3]), [0, 0])],
  ["np.count_nonzero(np.ones((2, 3)), axis=3)", () => np.count_nonzero(np.ones([2, 3]), 3)],
  ["np.unique(np.ones((2, 3)), axis=2)", () => np.unique(np.ones([2, 3]), { axis: 2 })],
  ["np.unique(np.ones((2, 3)), axis=-3)", () => np.unique(np.ones([2, 3]), { axis: -3 })],
  ["np.isin(np.array([1, 2]), [2], kind='hash')", () => np.isin(np.array([1, 2]), [2], { kind: "hash" as never })],
  ["np.cumsum(np.ones((2, 3)), axis=2)", () => np.cumsum(np.ones([2, 3]), 2)],
  ["np.cumprod(np.ones((2, 3)), axis=-3)", () => np.cumprod(np.ones([2, 3]), -3)],
  ["np.diff(np.array(5))", () => np.diff(np.array(5))],
  ["np.diff(np.array([1, 2]), n=-1)", () => np.diff(np.array([1, 2]), -1)],
  ["np.diff(np.array([1, 2]), axis=1)", () => np.diff(np.array([1, 2]), { axis: 1 })],
  ["np.diff(np.ones((2, 2)), prepend=np.ones(3))", () => np.diff(np.ones([2, 2]), { prepend: np.ones(3) })],
  ["np.median(np.ones((2, 3)), axis=2)", () => np.median(np.ones([2, 3]), 2)],
  ["np.median(np.ones((2, 3)), axis=(0, 0))", () => np.median(np.ones([2, 3]), [0, 0])],
  ["np.percentile(np.array([1, 2]), 101)", () => np.percentile(np.array([1, 2]), 101)],
  ["np.percentile(np.array([1, 2]), [-1, 50])", () => np.percentile(np.array([1, 2]), [-1, 50])],
  ["np.quantile(np.array([1, 2]), 1.5)", () => np.quantile(np.array([1, 2]), 1.5)],
  ["np.quantile(np.array([1, 2]), 0.5, method='foo')", () => np.quantile(np.array([1, 2]), 0.5, { method: "foo" as never })],
  ["np.quantile(np.array([True, False]), 0.5)", () => np.quantile(np.array([true, false]), 0.5)],
  ["np.quantile(np.zeros(0), 0.5)", () => np.quantile(np.zeros(0), 0.5)],
  ["np.quantile(np.array([1., 2., 3.]), 1, method='weibull')", () => np.quantile(np.array([1, 2, 3], { dtype: "float64" }), 1, { method: "weibull" })],
  ["np.average(np.array([1, 2]), weights=np.array([1, 2, 3]))", () => np.average(np.array([1, 2]), { weights: np.array([1, 2, 3]) })],
  ["np.average(np.ones((2, 2)), axis=0, weights=np.ones((2, 1)))", () => np.average(np.ones([2, 2]), { axis: 0, weights: np.ones([2, 1]) })],
  ["np.average(np.ones((2, 2)), axis=0, weights=np.ones(3))", () => np.average(np.ones([2, 2]), { axis: 0, weights: np.ones(3) })],
  ["np.average(np.array([1, 2]), weights=np.array([0, 0]))", () => np.average(np.array([1, 2]), { weights: np.array([0, 0]) })],
  ["np.average(np.zeros((0, 2)), axis=0)", () => np.average(np.zeros([0, 2]), { axis: 0 })],
  ["np.ptp(np.array([True, False]))", () => np.ptp(np.array([true, false]))],
  ["np.ptp(np.zeros(0))", () => np.ptp(np.zeros(0))],
  ["np.nanmin(np.zeros((0, 2)), axis=0)", () => np.nanmin(np.zeros([0, 2]), { axis: 0 })],
  ["np.nanmax(np.zeros(0, dtype=np.int32))", () => np.nanmax(np.zeros(0, { dtype: "int32" }))],
  ["np.nansum(np.ones((2, 3)), axis=5)", () => np.nansum(np.ones([2, 3]), { axis: 5 })],
  ["np.nanvar(np.ones((2, 3)), axis=(1, 1))", () => np.nanvar(np.ones([2, 3]), { axis: [1, 1] })],
  ["np.random.RandomState(0).choice(5, 3, replace=False, p=[0.5, 0.5, 0, 0, 0])", () => new np.random.RandomState(0).choice(5, 3, { replace: false, p: [0.5, 0.5, 0, 0, 0] })],
  ["np.random.default_rng(0).choice(5, 6, replace=False, p=[0.2] * 5)", () => np.random.default_rng(0).choice(5, 6, { replace: false, p: [0.2, 0.2, 0.2, 0.2, 0.2] })],
  ["np.random.default_rng(0).choice(np.ones((2, 3)), 2, axis=2)", () => np.random.default_rng(0).choice(np.ones([2, 3]), 2, { axis: 2 })],
  ["np.random.default_rng(0).choice(5, 2, p=[0.5, 0.5])", () => np.random.default_rng(0).choice(5, 2, { p: [0.5, 0.5] })],
];

const SCRIPT = `
def run(c):
    return eval(c, {'np': np})
`;

describe.skipIf(!ok)("errors of searching, sorting and statistics against NumPy", () => {
  it("raise NumPy's error type and message", async () => {
    const answers = await numpyBatch(SCRIPT, ROWS.map((r) => r[0]));
    expectNoneDiffer(ROWS, ([py, f], i) => {
      const d = compareTree(capture(f), answers[i]);
      return d === null ? null : `${py}: ${d}`;
    });
  });
});
