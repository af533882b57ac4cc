// Loop family: reductions over a contiguous run.
// - sum_f64(p, n), sum_f32(p, n): NumPy's pairwise sum (loops_utils.h.src, runtime/reduce/pairwise.ts) in the
//   same order: for n < 8 a plain loop from 0; for n <= 128 eight accumulators r0..r7 held as four
//   f64x2 vectors (r0,r1) (r2,r3) (r4,r5) (r6,r7) (float32: two f32x4, (r0..r3) (r4..r7),
//   every addition rounded to float32 as NumPy's float loop does), each lane adding every eighth element, combined
//   as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the tail; above 128 the split at
//   floor(n/2) rounded down to a multiple of 8. Every addition is NumPy's, in NumPy's order.
// - OP_T(p, n) for OP in max, min and T in f64, f32, i32: the extreme value over four vector
//   accumulators (pmax/pmin for floats, max_s/min_s for i32); a float loop returns NaN when the run
//   holds a NaN or the result is a zero, whose bits (which zero, which NaN) only NumPy's own order
//   gives: the caller then runs it (runtime/reduce/extremum.ts); the i32 result is always the answer.
// - seen_T(p, n) for T in f64, f32: what decides a zero or NaN extremum without NumPy's order, as
//   bits: 1 a +0, 2 a -0, 4 a NaN, 8 a NaN whose bits are not the canonical quiet NaN's
//   (reduce/extremum.ts settledExtremum).
// - sum_i32(p, n): the int32 sum modulo 2^32 (NumPy's int32 accumulation wraps; any order, same bits).
// - add_rows_f64(rows, n, p, step, o): the row-by-row sum into contiguous results (addRows).
import { F32, F64, I32, bump } from "./dtypes.mjs";

export const SUMS = [F64, F32];

export const EXTREMA = [["max", [F64, F32, I32]], ["min", [F64, F32, I32]]];

/** Element types of the seen_T loops (zero signs and NaN bits, for settledExtremum). */
export const SEEN = [F64, F32];

/** Element types whose sum wraps modulo 2^width (wrappingSum). */
export const WRAPPING_SUMS = [I32];

/** sum_T(p, n): NumPy's pairwise sum over a contiguous run of element type `d` (see the file head). */
export function pairwiseSum(d) {
  const { t, vec, size, lanes } = d;
  const nv = 8 / lanes; // vectors holding the eight accumulators r0..r7
  const vs = Array.from({ length: nv }, (_, k) => k);
  const r = (k) => `(${vec}.extract_lane ${k % lanes} (local.get $v${Math.floor(k / lanes)}))`;
  const add = (x, y) => `(${t}.add ${x} ${y})`;
  const shift = Math.log2(size);
  const name = `sum_${d.name}`;
  return `
 (func $${name} (export "${name}") (param $p i32) (param $n i32) (result ${t})
  (local $res ${t}) (local $end i32) (local $n2 i32) ${vs.map((k) => `(local $v${k} v128)`).join(" ")}
  (if (i32.lt_u (local.get $n) (i32.const 8))
   (then
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const ${shift}))))
    (block $d (loop $l
     (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
     (local.set $res (${t}.add (local.get $res) (${t}.load align=1 (local.get $p))))
     ${bump("p", `(i32.const ${size})`)}
     (br $l)))
    (return (local.get $res))))
  (if (i32.le_u (local.get $n) (i32.const 128))
   (then
    ${vs.map((k) => `(local.set $v${k} (v128.load offset=${16 * k} align=1 (local.get $p)))`).join("\n    ")}
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const ${shift}))))
    ${bump("p", `(i32.const ${8 * size})`)}
    (block $d (loop $l
     (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
     ${vs.map((k) => `(local.set $v${k} (${vec}.add (local.get $v${k}) (v128.load offset=${16 * k} align=1 (local.get $p))))`).join("\n     ")}
     ${bump("p", `(i32.const ${8 * size})`)}
     (br $l)))
    (local.set $res ${add(add(add(r(0), r(1)), add(r(2), r(3))), add(add(r(4), r(5)), add(r(6), r(7))))})
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 7)) (i32.const ${shift}))))
    (block $d (loop $l
     (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
     (local.set $res (${t}.add (local.get $res) (${t}.load align=1 (local.get $p))))
     ${bump("p", `(i32.const ${size})`)}
     (br $l)))
    (return (local.get $res))))
  (local.set $n2 (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -8)))
  (${t}.add
   (call $${name} (local.get $p) (local.get $n2))
   (call $${name} (i32.add (local.get $p) (i32.shl (local.get $n2) (i32.const ${shift}))) (i32.sub (local.get $n) (local.get $n2)))))`;
}

/** Vector accumulators of the extremum loops (pmax's latency is hidden behind four independent chains). */
const ACC = 4;

/**
 * OP_T(p, n) for OP in max, min and T in f64, f32, i32: the extreme value of a contiguous run of
 * n >= ACC * lanes elements over ACC vector accumulators (see the file head). Floats: pmax/pmin
 * (b > a ? b : a), which equal the sequential fold whenever the run holds no NaN and the result is
 * not a zero; otherwise the float loop returns NaN and the caller follows NumPy's order. i32: max_s/min_s, exact.
 */
export function extremum(op, d) {
  const { t, vec, size, lanes } = d;
  const float = d !== I32;
  const p = float ? `${vec}.p${op}` : `${vec}.${op}_s`;
  // scalar: b > a ? b : a (min: b < a ? b : a), written with select
  const cmp = op === "max" ? (float ? `${t}.gt` : `${t}.gt_s`) : float ? `${t}.lt` : `${t}.lt_s`;
  const pick = (a, b) => `(select ${b} ${a} (${cmp} ${b} ${a}))`;
  const shift = Math.log2(size);
  const name = `${op}_${d.name}`;
  const ks = Array.from({ length: ACC }, (_, k) => k);
  const lane = (k) => `(${vec}.extract_lane ${k} (local.get $r0))`;
  let fold = lane(0);
  for (let k = 1; k < lanes; k++) fold = pick(fold, lane(k));
  const isNaN = (x) => `(${vec}.ne ${x} ${x})`;
  // the accumulators folded pairwise: ((r0 op r1) op (r2 op r3)) for four
  const combine = (xs) => (xs.length === 1 ? xs[0] : `(${p} ${combine(xs.slice(0, xs.length >> 1))} ${combine(xs.slice(xs.length >> 1))})`);
  const anyNaN = (xs) => xs.map(isNaN).reduce((x, y) => `(v128.or ${x} ${y})`);
  return `
 (func $${name} (export "${name}") (param $p i32) (param $n i32) (result ${t})
  (local $end i32) (local $vend i32) ${ks.map((k) => `(local $r${k} v128) (local $x${k} v128)`).join(" ")} (local $nan v128) (local $res ${t}) (local $s ${t})
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const ${shift}))))
  (local.set $vend (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const ${-ACC * lanes})) (i32.const ${shift}))))
  ${ks.map((k) => `(local.set $r${k} (v128.load offset=${16 * k} align=1 (local.get $p)))`).join("\n  ")}
  ${float ? `(local.set $nan ${anyNaN(ks.map((k) => `(local.get $r${k})`))})` : ""}
  ${bump("p", `(i32.const ${16 * ACC})`)}
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $vend)))
   ${ks.map((k) => `(local.set $x${k} (v128.load offset=${16 * k} align=1 (local.get $p)))`).join("\n   ")}
   ${float ? `(local.set $nan (v128.or (local.get $nan) ${anyNaN(ks.map((k) => `(local.get $x${k})`))}))` : ""}
   ${ks.map((k) => `(local.set $r${k} (${p} (local.get $r${k}) (local.get $x${k})))`).join("\n   ")}
   ${bump("p", `(i32.const ${16 * ACC})`)}
   (br $l)))
  (local.set $r0 ${combine(ks.map((k) => `(local.get $r${k})`))})
  (local.set $res ${fold})
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
   (local.set $s (${t}.load align=1 (local.get $p)))
   ${float ? `(if (${t}.ne (local.get $s) (local.get $s)) (then (return (${t}.const nan))))` : ""}
   (local.set $res ${pick("(local.get $res)", "(local.get $s)")})
   ${bump("p", `(i32.const ${size})`)}
   (br $l)))
  ${float ? `(if (v128.any_true (local.get $nan)) (then (return (${t}.const nan))))
  (if (${t}.eq (local.get $res) (${t}.const 0)) (then (return (${t}.const nan))))` : ""}
  (local.get $res))`;
}

/**
 * sum_i32(p, n): the sum of a contiguous int32 run modulo 2^32 (i32x4.add wraps; integer addition
 * modulo 2^32 is associative, so any order gives NumPy's int32 accumulation's bits), n >= 8.
 */
export function wrappingSum(d) {
  const { t, vec, size, lanes } = d;
  const shift = Math.log2(size);
  const name = `sum_${d.name}`;
  let h = `(${vec}.extract_lane 0 (local.get $r0))`;
  for (let k = 1; k < lanes; k++) h = `(${t}.add ${h} (${vec}.extract_lane ${k} (local.get $r0)))`;
  return `
 (func $${name} (export "${name}") (param $p i32) (param $n i32) (result ${t})
  (local $end i32) (local $vend i32) (local $r0 v128) (local $r1 v128) (local $res ${t})
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const ${shift}))))
  (local.set $vend (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const ${-2 * lanes})) (i32.const ${shift}))))
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $vend)))
   (local.set $r0 (${vec}.add (local.get $r0) (v128.load offset=0 align=1 (local.get $p))))
   (local.set $r1 (${vec}.add (local.get $r1) (v128.load offset=16 align=1 (local.get $p))))
   ${bump("p", "(i32.const 32)")}
   (br $l)))
  (local.set $r0 (${vec}.add (local.get $r0) (local.get $r1)))
  (local.set $res ${h})
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
   (local.set $res (${t}.add (local.get $res) (${t}.load align=1 (local.get $p))))
   ${bump("p", `(i32.const ${size})`)}
   (br $l)))
  (local.get $res))`;
}

/** Rows added per pass of add_rows (each result element is loaded and stored once per pass). */
const ROW_GROUP = 4;
/** Vectors per column block of add_rows (four independent add chains per row group). */
const COL_BLOCK = 4;

/**
 * add_rows_f64(rows, n, p, step, o): out[j] += in[r][j] for r = 0, 1, ..., rows - 1 in turn, for
 * j < n, where row r starts at p + r * step and the n results at o, both contiguous float64 runs
 * (`m.sum({ axis: 0 })` of a C matrix: NumPy's `io1 = io1 + in2`, each result element adding its
 * inputs one by one in row order, so the bits of the row-by-row add loop). The rows go in groups
 * of four, each group one sequential pass over the columns (four input streams, the results
 * loaded and stored once per group: a quarter of the row-by-row loop's result traffic), then the
 * remaining rows one by one; columns in blocks of 8, then 2, then 1.
 */
export function addRows() {
  const pass = (g) => {
    const rs = Array.from({ length: g }, (_, r) => r);
    const ks = Array.from({ length: COL_BLOCK }, (_, k) => k);
    const cols = (nv, lanes) => {
      const idx = Array.from({ length: nv }, (_, k) => k);
      const load = (ptr, k) => (lanes === 1 ? `(f64.load offset=${8 * k} align=1 (local.get $${ptr}))` : `(v128.load offset=${16 * k} align=1 (local.get $${ptr}))`);
      const add = lanes === 1 ? "f64.add" : "f64x2.add";
      const acc = (k) => (lanes === 1 ? "$s" : `$a${k}`);
      const width = lanes === 1 ? 1 : 2 * nv;
      const bytes = lanes === 1 ? 8 : 16 * nv;
      return `
    (block $d (loop $l
     (br_if $d (i32.lt_u (local.get $c) (i32.const ${width})))
     ${idx.map((k) => `(local.set ${acc(k)} ${load("oo", k)})`).join("\n     ")}
     ${rs.map((r) => idx.map((k) => `(local.set ${acc(k)} (${add} (local.get ${acc(k)}) ${load(`q${r}`, k)}))`).join("\n     ")).join("\n     ")}
     ${idx.map((k) => (lanes === 1 ? `(f64.store offset=${8 * k} align=1 (local.get $oo) (local.get $s))` : `(v128.store offset=${16 * k} align=1 (local.get $oo) (local.get $a${k}))`)).join("\n     ")}
     ${bump("oo", `(i32.const ${bytes})`)}
     ${rs.map((r) => bump(`q${r}`, `(i32.const ${bytes})`)).join("\n     ")}
     (local.set $c (i32.sub (local.get $c) (i32.const ${width})))
     (br $l)))`;
    };
    return `
  (block $dg (loop $lg
   (br_if $dg (i32.lt_u (local.get $rows) (i32.const ${g})))
   (local.set $q0 (local.get $p))
   ${rs.slice(1).map((r) => `(local.set $q${r} (i32.add (local.get $q${r - 1}) (local.get $step)))`).join("\n   ")}
   (local.set $oo (local.get $o))
   (local.set $c (local.get $n))
   ${cols(COL_BLOCK, 2)}
   ${cols(1, 2)}
   ${cols(1, 1)}
   (local.set $p (i32.add (local.get $p) (i32.mul (local.get $step) (i32.const ${g}))))
   (local.set $rows (i32.sub (local.get $rows) (i32.const ${g})))
   (br $lg)))`;
  };
  const ks = Array.from({ length: COL_BLOCK }, (_, k) => k);
  const qs = Array.from({ length: ROW_GROUP }, (_, r) => r);
  return `
 (func $add_rows_f64 (export "add_rows_f64") (param $rows i32) (param $n i32) (param $p i32) (param $step i32) (param $o i32)
  (local $c i32) (local $oo i32) (local $s f64) ${qs.map((r) => `(local $q${r} i32)`).join(" ")} ${ks.map((k) => `(local $a${k} v128)`).join(" ")}
  ${pass(ROW_GROUP)}
  ${pass(1)})`;
}

/**
 * seen_T(p, n), T in f64/f32: over a contiguous run, 1 if it holds a +0, 2 a -0, 4 a NaN, 8 a NaN
 * other than the canonical quiet NaN (0x7ff8000000000000, float32 0x7fc00000), OR-ed. Per vector:
 * the zeros (eq 0) split by the sign (shr_s), the NaNs (ne self) and those unequal to the canonical bits.
 */
export function seenBits(d) {
  const { t, vec, size, lanes } = d;
  const it = t === "f64" ? "i64" : "i32";
  const ivec = t === "f64" ? "i64x2" : "i32x4";
  const bits = t === "f64" ? 64 : 32;
  const canon = t === "f64" ? "0x7ff8000000000000" : "0x7fc00000";
  const shift = Math.log2(size);
  const name = `seen_${d.name}`;
  const any = (v, bit) => `(if (v128.any_true (local.get ${v})) (then (local.set $r (i32.or (local.get $r) (i32.const ${bit})))))`;
  return `
 (func $${name} (export "${name}") (param $p i32) (param $n i32) (result i32)
  (local $end i32) (local $vend i32) (local $x v128) (local $z v128) (local $s v128) (local $q v128)
  (local $plus v128) (local $minus v128) (local $nan v128) (local $other v128) (local $canon v128) (local $r i32) (local $v ${t}) (local $b ${it})
  (local.set $canon (${ivec}.splat (${it}.const ${canon})))
  (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const ${shift}))))
  (local.set $vend (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const ${-lanes})) (i32.const ${shift}))))
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $vend)))
   (local.set $x (v128.load align=1 (local.get $p)))
   (local.set $z (${vec}.eq (local.get $x) (v128.const ${vec} ${Array(lanes).fill("0").join(" ")})))
   (local.set $s (${ivec}.shr_s (local.get $x) (i32.const ${bits - 1})))
   (local.set $plus (v128.or (local.get $plus) (v128.andnot (local.get $z) (local.get $s))))
   (local.set $minus (v128.or (local.get $minus) (v128.and (local.get $z) (local.get $s))))
   (local.set $q (${vec}.ne (local.get $x) (local.get $x)))
   (local.set $nan (v128.or (local.get $nan) (local.get $q)))
   (local.set $other (v128.or (local.get $other) (v128.andnot (local.get $q) (${ivec}.eq (local.get $x) (local.get $canon)))))
   ${bump("p", "(i32.const 16)")}
   (br $l)))
  ${any("$plus", 1)} ${any("$minus", 2)} ${any("$nan", 4)} ${any("$other", 8)}
  (block $d (loop $l
   (br_if $d (i32.ge_u (local.get $p) (local.get $end)))
   (local.set $v (${t}.load align=1 (local.get $p)))
   (local.set $b (${it}.load align=1 (local.get $p)))
   (if (${t}.eq (local.get $v) (${t}.const 0))
    (then (local.set $r (i32.or (local.get $r) (select (i32.const 2) (i32.const 1) (${it}.lt_s (local.get $b) (${it}.const 0))))))
    (else (if (${t}.ne (local.get $v) (local.get $v))
     (then (local.set $r (i32.or (local.get $r) (select (i32.const 4) (i32.const 12) (${it}.eq (local.get $b) (${it}.const ${canon})))))))))
   ${bump("p", `(i32.const ${size})`)}
   (br $l)))
  (local.get $r))`;
}
