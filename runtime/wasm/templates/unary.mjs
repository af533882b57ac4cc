// Loop family: unary element-wise ufuncs, o[i] = OP(a[i]), one template instantiated per
// (operator, element type): unary_OP_T(n, a, sa, o, so), pointers and strides in bytes.
// Contiguous runs: two 128-bit vectors per step, then a scalar tail; other strides: a scalar loop.
// sqrt is IEEE-exact; neg and abs flip or clear the sign bit, as V8 does for -x and Math.abs.
import { F64, bump } from "./dtypes.mjs";

export const UNARY = [
  ["sqrt", [F64]],
  ["neg", [F64]],
  ["abs", [F64]],
];

/** One instance: unary `op` over element type `d`. */
export function unary(op, d) {
  const { t, vec, size } = d;
  const name = `unary_${op}_${d.name}`;
  return `
 (func $${name} (export "${name}") (param $n i32) (param $a i32) (param $sa i32) (param $o i32) (param $so i32) (local $end i32) (local $vend i32)
  (if (i32.and (i32.eq (local.get $sa) (i32.const ${size})) (i32.eq (local.get $so) (i32.const ${size})))
   (then
    (local.set $end (i32.add (local.get $o) (i32.mul (local.get $n) (i32.const ${size}))))
    (local.set $vend (i32.add (local.get $o) (i32.and (i32.mul (local.get $n) (i32.const ${size})) (i32.const -32))))
    (block $vdone (loop $vl
     (br_if $vdone (i32.ge_u (local.get $o) (local.get $vend)))
     (v128.store offset=0 align=1 (local.get $o) (${vec}.${op} (v128.load offset=0 align=1 (local.get $a))))
     (v128.store offset=16 align=1 (local.get $o) (${vec}.${op} (v128.load offset=16 align=1 (local.get $a))))
     ${bump("a", "(i32.const 32)")}
     ${bump("o", "(i32.const 32)")}
     (br $vl)))
    (block $tdone (loop $tl
     (br_if $tdone (i32.ge_u (local.get $o) (local.get $end)))
     (${t}.store align=1 (local.get $o) (${t}.${op} (${t}.load align=1 (local.get $a))))
     ${bump("a", `(i32.const ${size})`)}
     ${bump("o", `(i32.const ${size})`)}
     (br $tl)))
    (return)))
  (block $sdone (loop $sl
   (br_if $sdone (i32.eqz (local.get $n)))
   (${t}.store align=1 (local.get $o) (${t}.${op} (${t}.load align=1 (local.get $a))))
   ${bump("a", "(local.get $sa)")}
   ${bump("o", "(local.get $so)")}
   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   (br $sl))))`;
}
