// Loop family: comparisons into bool bytes (1 where the comparison holds, else 0; a float NaN
// compares false, and `ne` true), one template instantiated per (operator, element type):
//   compare_OP_T(n, a, sa, b, sb, o, so), compare_OP_T_sb(n, a, sa, y, o, so), compare_OP_T_sa(n, x, b, sb, o, so)
// Contiguous runs take 16 elements per step: 16 / lanes vector comparisons give all-ones/zero
// lanes, saturating narrows (i32->i16, i16->i8) pack them into 16 bytes, masked to 1 (f32/i32) or
// made 1 by i8x16.abs (f64). For f64's 64-bit lanes a 32x4 shuffle first takes the low half of
// each lane of two vectors (V8: one shufps), then two narrows: four shuffles and three narrows per
// 16 elements where four i32 narrows, two i16 narrows and a byte shuffle of two vectors (V8: four
// shifts and a pack) were, and abs where the mask's constant was rebuilt in every step. Measured
// 1-6% less time (1e3-1e5, one process, load 9): the loop is bound by its 16 loads per step (the
// core here issues about two 16-byte loads per cycle), not by these instructions. int32 compares signed.
import { F32, F64, I32, bump } from "./dtypes.mjs";

export const COMPARE = [
  ["lt", [F64, F32, I32]],
  ["le", [F64, F32, I32]],
  ["gt", [F64, F32, I32]],
  ["ge", [F64, F32, I32]],
  ["eq", [F64, F32, I32]],
  ["ne", [F64, F32, I32]],
];

/** One instance: the three entry points of comparison `op` on element type `d`. */
export function compare(op, d) {
  const { t, vec, size } = d;
  // int32 orderings are the signed ones (i32x4.lt_s, i32.lt_s); eq/ne have no sign
  const vop = d === I32 && op !== "eq" && op !== "ne" ? `${op}_s` : op;
  const V = (x, y) => `(${vec}.${vop} ${x} ${y})`;
  const S = (x, y) => `(${t}.${vop} ${x} ${y})`;
  const la = (off) => `(v128.load offset=${off} align=1 (local.get $a))`;
  const lb = (off) => `(v128.load offset=${off} align=1 (local.get $b))`;
  const sA = `(${t}.load align=1 (local.get $a))`;
  const sB = `(${t}.load align=1 (local.get $b))`;
  const one = "(i8x16.splat (i32.const 1))";
  // m(k): the k-th vector's lane masks, k < 16 / lanes
  const pack = (m) => {
    if (size === 8) {
      // the low 32 bits of each 64-bit lane mask of two vectors: four i32 lane masks (one shufps)
      const lo = (k) => `(i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 ${m(k)} ${m(k + 1)})`;
      const n16 = (i) => `(i16x8.narrow_i32x4_s ${lo(4 * i)} ${lo(4 * i + 2)})`;
      return `(i8x16.abs (i8x16.narrow_i16x8_s ${n16(0)} ${n16(1)}))`;
    }
    const n16 = (i) => `(i16x8.narrow_i32x4_s ${m(2 * i)} ${m(2 * i + 1)})`;
    return `(v128.and (i8x16.narrow_i16x8_s ${n16(0)} ${n16(1)}) ${one})`;
  };
  const step = 16 * size;
  const fn = (name, params, test, pre, vm, sbody, advA, advB) => `
 (func $${name} (export "${name}") ${params} (local $end i32) (local $vend i32) (local $vx v128) (local $vy v128)
  (if ${test}
   (then
    ${pre}
    (local.set $end (i32.add (local.get $o) (local.get $n)))
    (local.set $vend (i32.add (local.get $o) (i32.and (local.get $n) (i32.const -16))))
    (block $vdone (loop $vl
     (br_if $vdone (i32.ge_u (local.get $o) (local.get $vend)))
     (v128.store align=1 (local.get $o) ${pack(vm)})
     ${advA ? bump("a", `(i32.const ${step})`) : ""}
     ${advB ? bump("b", `(i32.const ${step})`) : ""}
     ${bump("o", "(i32.const 16)")}
     (br $vl)))
    (block $tdone (loop $tl
     (br_if $tdone (i32.ge_u (local.get $o) (local.get $end)))
     (i32.store8 (local.get $o) ${sbody})
     ${advA ? bump("a", `(i32.const ${size})`) : ""}
     ${advB ? bump("b", `(i32.const ${size})`) : ""}
     ${bump("o", "(i32.const 1)")}
     (br $tl)))
    (return)))
  (block $sdone (loop $sl
   (br_if $sdone (i32.eqz (local.get $n)))
   (i32.store8 (local.get $o) ${sbody})
   ${advA ? bump("a", "(local.get $sa)") : ""}
   ${advB ? bump("b", "(local.get $sb)") : ""}
   ${bump("o", "(local.get $so)")}
   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   (br $sl))))`;
  const is = (v, k) => `(i32.eq (local.get $${v}) (i32.const ${k}))`;
  const base = `compare_${op}_${d.name}`;
  return [
    fn(base, "(param $n i32) (param $a i32) (param $sa i32) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)",
      `(i32.and (i32.and ${is("sa", size)} ${is("sb", size)}) ${is("so", 1)})`, "", (k) => V(la(16 * k), lb(16 * k)), S(sA, sB), true, true),
    fn(`${base}_sb`, `(param $n i32) (param $a i32) (param $sa i32) (param $y ${t}) (param $o i32) (param $so i32)`,
      `(i32.and ${is("sa", size)} ${is("so", 1)})`, `(local.set $vy (${vec}.splat (local.get $y)))`, (k) => V(la(16 * k), "(local.get $vy)"), S(sA, "(local.get $y)"), true, false),
    fn(`${base}_sa`, `(param $n i32) (param $x ${t}) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)`,
      `(i32.and ${is("sb", size)} ${is("so", 1)})`, `(local.set $vx (${vec}.splat (local.get $x)))`, (k) => V("(local.get $vx)", lb(16 * k)), S("(local.get $x)", sB), false, true),
  ].join("\n");
}
