// Loop family: comparisons of float64 operands into bool bytes (1 where the IEEE comparison
// holds, else 0; NaN compares false, and `ne` true), one template instantiated per operator:
//   compare_OP_f64(n, a, sa, b, sb, o, so), compare_OP_f64_sb(n, a, sa, y, o, so), compare_OP_f64_sa(n, x, b, sb, o, so)
// Contiguous runs take 16 elements per step: eight f64x2 comparisons give all-ones/zero lanes,
// two saturating narrows (i32->i16, i16->i8) and one shuffle pack them into 16 bytes, masked to 1.
import { bump } from "./dtypes.mjs";

export const COMPARE = ["lt", "le", "gt", "ge", "eq", "ne"];

/** One instance: the three entry points of comparison `op` on float64. */
export function compare(op) {
  const la = (off) => `(v128.load offset=${off} align=1 (local.get $a))`;
  const lb = (off) => `(v128.load offset=${off} align=1 (local.get $b))`;
  const sA = `(f64.load align=1 (local.get $a))`;
  const sB = `(f64.load align=1 (local.get $b))`;
  const pack = (m) => {
    const n16 = (i) => `(i16x8.narrow_i32x4_s ${m(2 * i)} ${m(2 * i + 1)})`;
    const n8 = (i) => `(i8x16.narrow_i16x8_s ${n16(2 * i)} ${n16(2 * i + 1)})`;
    return `(v128.and (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 ${n8(0)} ${n8(1)}) (i8x16.splat (i32.const 1)))`;
  };
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
     ${advA ? bump("a", "(i32.const 128)") : ""}
     ${advB ? bump("b", "(i32.const 128)") : ""}
     ${bump("o", "(i32.const 16)")}
     (br $vl)))
    (block $tdone (loop $tl
     (br_if $tdone (i32.ge_u (local.get $o) (local.get $end)))
     (i32.store8 (local.get $o) ${sbody})
     ${advA ? bump("a", "(i32.const 8)") : ""}
     ${advB ? bump("b", "(i32.const 8)") : ""}
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
  const base = `compare_${op}_f64`;
  return [
    fn(base, "(param $n i32) (param $a i32) (param $sa i32) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)",
      `(i32.and (i32.and ${is("sa", 8)} ${is("sb", 8)}) ${is("so", 1)})`, "", (k) => `(f64x2.${op} ${la(16 * k)} ${lb(16 * k)})`, `(f64.${op} ${sA} ${sB})`, true, true),
    fn(`${base}_sb`, "(param $n i32) (param $a i32) (param $sa i32) (param $y f64) (param $o i32) (param $so i32)",
      `(i32.and ${is("sa", 8)} ${is("so", 1)})`, "(local.set $vy (f64x2.splat (local.get $y)))", (k) => `(f64x2.${op} ${la(16 * k)} (local.get $vy))`, `(f64.${op} ${sA} (local.get $y))`, true, false),
    fn(`${base}_sa`, "(param $n i32) (param $x f64) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)",
      `(i32.and ${is("sb", 8)} ${is("so", 1)})`, "(local.set $vx (f64x2.splat (local.get $x)))", (k) => `(f64x2.${op} (local.get $vx) ${lb(16 * k)})`, `(f64.${op} (local.get $x) ${sB})`, false, true),
  ].join("\n");
}
