/**
 * Exact memory overlap of two strided arrays: NumPy's bounded Diophantine solver, ported.
 *
 * Reference: numpy/core/src/common/mem_overlap.c (`solve_may_share_memory`,
 * `diophantine_simplify`, `solve_diophantine`, `diophantine_dfs`), after Pauli Virtanen's
 * derivation there.
 *
 * Math. Array a reaches the bytes start_a + sum_i |s_i| x_i + y, 0 <= x_i <= n_i - 1,
 * 0 <= y <= itemsize_a - 1 (after flipping negative strides, which moves start_a to the low end
 * of its extent). a and b share a byte iff
 *     start_a + sum |s_a,i| x_i + y_a  ==  start_b + sum |s_b,j| x_j + y_b
 * for some in-range x, y. Writing b's terms from its HIGH end (x' = ub - x) turns this into one
 * equation with positive coefficients and non-negative unknowns:
 *     sum_k A_k z_k == B,   0 <= z_k <= U_k,   A_k > 0,
 * with B = min(end_b - 1 - start_a, end_a - 1 - start_b) (either choice is equivalent; the
 * smaller is cheaper). Axes of length <= 1 or stride 0 contribute nothing and are dropped; equal
 * coefficients merge (U adds); U_k is trimmed to floor(B / A_k) and zero-range unknowns drop.
 * Deciding solvability is NP-hard (a bounded knapsack), so the solver is a depth-first search
 * over the extended-Euclid parametrisation of two unknowns at a time (x1 = gamma*c + c1*t,
 * x2 = epsilon*c - c2*t), bounding t from both unknowns' ranges, counting visited candidates;
 * past `max_work` candidates it answers "too-hard" (max_work = -1: no limit; 0: only the extent
 * check). Cost: O(ndim) for the extents; the search is exponential in the number of axes in the
 * worst case, cheap for the usual slices. Arithmetic is in BigInt (products of strides and
 * counts can pass 2**53). Results are named outcomes: "yes" | "no" | "too-hard".
 */
import { NDArray } from "../core/ndarray.js";

/** The answer of the overlap solver. */
export type Overlap = "yes" | "no" | "too-hard";

interface Term {
  a: bigint;
  ub: bigint;
}

const min = (x: bigint, y: bigint): bigint => (x < y ? x : y);
const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
};
const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);

/** Extended Euclid on positive a1, a2: [gcd, gamma, epsilon] with gamma*a1 + epsilon*a2 = gcd. */
function euclid(a1: bigint, a2: bigint): [bigint, bigint, bigint] {
  let g1 = 1n;
  let g2 = 0n;
  let e1 = 0n;
  let e2 = 1n;
  for (;;) {
    if (a2 > 0n) {
      const r = a1 / a2;
      a1 -= r * a2;
      g1 -= r * g2;
      e1 -= r * e2;
    } else return [a1, g1, e1];
    if (a1 > 0n) {
      const r = a2 / a1;
      a2 -= r * a1;
      g2 -= r * g1;
      e2 -= r * e1;
    } else return [a2, g2, e2];
  }
}

/**
 * Combine equal coefficients, trim bounds to B/A, drop unknowns fixed at 0 (diophantine_simplify).
 *
 * @example
 * simplify([{ a: 4n, ub: 3n }, { a: 4n, ub: 2n }], 8n) // [{ a: 4n, ub: 2n }]
 */
export function simplify(terms: Term[], b: bigint): Term[] {
  if (terms.some((t) => t.ub < 0n) || b < 0n) return terms;
  const sorted = terms.slice().sort((x, y) => (x.a < y.a ? 1 : x.a > y.a ? -1 : 0));
  const merged: Term[] = [];
  for (const t of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.a === t.a) last.ub += t.ub;
    else merged.push({ a: t.a, ub: t.ub });
  }
  const out: Term[] = [];
  for (const t of merged) {
    t.ub = min(t.ub, b / t.a);
    if (t.ub !== 0n) out.push(t);
  }
  return out;
}

/**
 * Is sum A_k z_k == b solvable with 0 <= z_k <= U_k? (solve_diophantine without the
 * "nontrivial" variant). `maxWork` < 0 means no limit.
 *
 * @example
 * solveDiophantine([{ a: 8n, ub: 3n }, { a: 1n, ub: 7n }], 20n, -1) // "yes" (2*8 + 4)
 */
export function solveDiophantine(E: Term[], b: bigint, maxWork: number): Overlap {
  const n = E.length;
  for (const t of E) {
    if (t.a <= 0n) throw new Error("internal error: coefficients must be positive");
    if (t.ub < 0n) return "no";
  }
  if (b < 0n) return "no";
  if (n === 0) return b === 0n ? "yes" : "no";
  if (n === 1) {
    if (b % E[0].a === 0n) {
      const x = b / E[0].a;
      if (x >= 0n && x <= E[0].ub) return "yes";
    }
    return "no";
  }
  // precompute (diophantine_precompute)
  const Ep: Term[] = Array.from({ length: n }, () => ({ a: 0n, ub: 0n }));
  const Gamma: bigint[] = new Array(n).fill(0n);
  const Epsilon: bigint[] = new Array(n).fill(0n);
  {
    const [g, gamma, eps] = euclid(E[0].a, E[1].a);
    Ep[0].a = g;
    Gamma[0] = gamma;
    Epsilon[0] = eps;
    if (n > 2) Ep[0].ub = E[0].ub * (E[0].a / g) + E[1].ub * (E[1].a / g);
    for (let j = 2; j < n; j++) {
      const [g2, gamma2, eps2] = euclid(Ep[j - 2].a, E[j].a);
      Ep[j - 1].a = g2;
      Gamma[j - 1] = gamma2;
      Epsilon[j - 1] = eps2;
      if (j < n - 1) Ep[j - 1].ub = (Ep[j - 2].a / g2) * Ep[j - 2].ub + (E[j].a / g2) * E[j].ub;
    }
  }
  const count = { n: 0 };
  const dfs = (v: number, bb: bigint): Overlap => {
    if (maxWork >= 0 && count.n >= maxWork) return "too-hard";
    const a1 = v === 1 ? E[0].a : Ep[v - 2].a;
    const u1 = v === 1 ? E[0].ub : Ep[v - 2].ub;
    const a2 = E[v].a;
    const u2 = E[v].ub;
    const g = Ep[v - 1].a;
    const gamma = Gamma[v - 1];
    const epsilon = Epsilon[v - 1];
    if (bb % g !== 0n) {
      count.n++;
      return "no";
    }
    const c = bb / g;
    const c1 = a2 / g;
    const c2 = a1 / g;
    let x10 = gamma * c;
    let x20 = epsilon * c;
    let tl = ceilDiv(-x10, c1);
    const tl2 = ceilDiv(x20 - u2, c2);
    let tu = floorDiv(u1 - x10, c1);
    const tu2 = floorDiv(x20, c2);
    if (tl2 > tl) tl = tl2;
    if (tu > tu2) tu = tu2;
    if (tl > tu) {
      count.n++;
      return "no";
    }
    x10 += c1 * tl;
    x20 -= c2 * tl;
    tu -= tl;
    if (v === 1) return "yes"; // tu >= 0 here: a solution in range exists
    for (let t = 0n; t <= tu; t++) {
      const xv = x20 - c2 * t;
      const res = dfs(v - 1, bb - a2 * xv);
      if (res !== "no") return res;
    }
    count.n++;
    return "no";
  };
  return dfs(n - 1, b);
}

/**
 * [low, high) byte offsets (within the ArrayBuffer) that `a` can touch; empty for size 0.
 *
 * @example
 * memoryExtents(np.arange(4).get("1:3")) // [4, 12]
 */
export function memoryExtents(a: NDArray): [number, number] {
  const start = a.data.byteOffset + a.offset;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] === 0) return [start, start];
    const m = a.strides[i] * (a.shape[i] - 1);
    if (m > 0) hi += m;
    else lo += m;
  }
  return [start + lo, start + hi + a.itemsize];
}

function termsOf(a: NDArray): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] <= 1 || a.strides[i] === 0) continue;
    out.push({ a: BigInt(Math.abs(a.strides[i])), ub: BigInt(a.shape[i] - 1) });
  }
  return out;
}

/**
 * Whether two arrays touch a common byte (NumPy's solve_may_share_memory). `maxWork`: -1 exact,
 * 0 extents only (overlapping extents answer "too-hard"), n > 0 at most n candidates.
 *
 * @example
 * const a = np.arange(10);
 * solveMayShareMemory(a.get("::2"), a.get("1::2"), -1) // "no"
 * solveMayShareMemory(a.get("::2"), a.get("1::2"), 0) // "too-hard"
 */
export function solveMayShareMemory(a: NDArray, b: NDArray, maxWork: number): Overlap {
  if (a.data.buffer !== b.data.buffer) return "no";
  const [s1, e1] = memoryExtents(a);
  const [s2, e2] = memoryExtents(b);
  if (!(s1 < e2 && s2 < e1 && s1 < e1 && s2 < e2)) return "no";
  if (maxWork === 0) return "too-hard";
  const rhs = BigInt(Math.min(e2 - 1 - s1, e1 - 1 - s2));
  const terms = [...termsOf(a), ...termsOf(b)];
  if (a.itemsize > 1) terms.push({ a: 1n, ub: BigInt(a.itemsize - 1) });
  if (b.itemsize > 1) terms.push({ a: 1n, ub: BigInt(b.itemsize - 1) });
  return solveDiophantine(simplify(terms, rhs), rhs, maxWork);
}
