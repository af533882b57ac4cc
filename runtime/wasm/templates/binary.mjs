// Loop family: binary element-wise ufuncs, o[i] = a[i] OP b[i], one template instantiated per
// (operator, element type). Pointers and strides are in bytes. Three entry points per instance:
//   binary_OP_T(n, a, sa, b, sb, o, so)      both operands in wasm memory
//   binary_OP_T_sb(n, a, sa, y, o, so)       second operand a scalar (stride 0: a JS number)
//   binary_OP_T_sa(n, x, b, sb, o, so)       first operand a scalar
// Contiguous runs (every stride = the item size) run UNROLL 128-bit vectors per step, then one
// vector per step, then a scalar tail; other strides run a scalar strided loop. (Eight vectors per
// step against two, the old and new modules timed in one process, interleaved, best of 20 rounds at
// load 10: float64 add 2-5% less time at 1e3-2e4 elements, multiply by a scalar 8-18% at 1e3-1e6;
// TurboFan's per-step bookkeeping, a stack check, a compare and three pointer bumps, is shared by
// more work.) The wasm SIMD operations are the IEEE operations
// of the scalar ones lane by lane, so each element gets the bits the JS loop gives.
import { F32, F64, I32, bump } from "./dtypes.mjs";

/** 128-bit vectors per step of the contiguous loop. */
const UNROLL = 8;

export const BINARY = [
  ["add", [F64, F32, I32]],
  ["sub", [F64, F32, I32]],
  ["mul", [F64, F32, I32]],
  ["div", [F64, F32]],
];

/** One instance: the three entry points of `op` over element type `d`. */
export function binary(op, d) {
  const { t, vec, size } = d;
  const V = (ea, eb) => `(${vec}.${op} ${ea} ${eb})`;
  const S = (ea, eb) => `(${t}.${op} ${ea} ${eb})`;
  const la = (off) => `(v128.load offset=${off} align=1 (local.get $a))`;
  const lb = (off) => `(v128.load offset=${off} align=1 (local.get $b))`;
  const sa = `(${t}.load align=1 (local.get $a))`;
  const sb = `(${t}.load align=1 (local.get $b))`;
  const vx = `(local.get $vx)`;
  const vy = `(local.get $vy)`;
  const x = `(local.get $x)`;
  const y = `(local.get $y)`;
  // body(va, vb, sa, sb) with which operands advance
  const fn = (name, params, contiguousTest, pre, vbody, sbody, advA, advB) => `
 (func $${name} (export "${name}") ${params} (local $end i32) (local $vend i32) (local $vx v128) (local $vy v128)
  (if ${contiguousTest}
   (then
    ${pre}
    (local.set $end (i32.add (local.get $o) (i32.mul (local.get $n) (i32.const ${size}))))
    (local.set $vend (i32.add (local.get $o) (i32.and (i32.mul (local.get $n) (i32.const ${size})) (i32.const ${-16 * UNROLL}))))
    (block $vdone (loop $vl
     (br_if $vdone (i32.ge_u (local.get $o) (local.get $vend)))
     ${Array.from({ length: UNROLL }, (_, k) => `(v128.store offset=${16 * k} align=1 (local.get $o) ${vbody(16 * k)})`).join("\n     ")}
     ${advA ? bump("a", `(i32.const ${16 * UNROLL})`) : ""}
     ${advB ? bump("b", `(i32.const ${16 * UNROLL})`) : ""}
     ${bump("o", `(i32.const ${16 * UNROLL})`)}
     (br $vl)))
    (local.set $vend (i32.add (local.get $o) (i32.and (i32.sub (local.get $end) (local.get $o)) (i32.const -16))))
    (block $v1done (loop $v1l
     (br_if $v1done (i32.ge_u (local.get $o) (local.get $vend)))
     (v128.store offset=0 align=1 (local.get $o) ${vbody(0)})
     ${advA ? bump("a", "(i32.const 16)") : ""}
     ${advB ? bump("b", "(i32.const 16)") : ""}
     ${bump("o", "(i32.const 16)")}
     (br $v1l)))
    (block $tdone (loop $tl
     (br_if $tdone (i32.ge_u (local.get $o) (local.get $end)))
     (${t}.store align=1 (local.get $o) ${sbody})
     ${advA ? bump("a", `(i32.const ${size})`) : ""}
     ${advB ? bump("b", `(i32.const ${size})`) : ""}
     ${bump("o", `(i32.const ${size})`)}
     (br $tl)))
    (return)))
  (block $sdone (loop $sl
   (br_if $sdone (i32.eqz (local.get $n)))
   (${t}.store align=1 (local.get $o) ${sbody})
   ${advA ? bump("a", "(local.get $sa)") : ""}
   ${advB ? bump("b", "(local.get $sb)") : ""}
   ${bump("o", "(local.get $so)")}
   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   (br $sl))))`;
  const is = (v) => `(i32.eq (local.get $${v}) (i32.const ${size}))`;
  const base = `binary_${op}_${d.name}`;
  return [
    fn(base, "(param $n i32) (param $a i32) (param $sa i32) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)",
      `(i32.and (i32.and ${is("sa")} ${is("sb")}) ${is("so")})`, "", (off) => V(la(off), lb(off)), S(sa, sb), true, true),
    fn(`${base}_sb`, `(param $n i32) (param $a i32) (param $sa i32) (param $y ${t}) (param $o i32) (param $so i32)`,
      `(i32.and ${is("sa")} ${is("so")})`, `(local.set $vy (${vec}.splat ${y}))`, (off) => V(la(off), vy), S(sa, y), true, false),
    fn(`${base}_sa`, `(param $n i32) (param $x ${t}) (param $b i32) (param $sb i32) (param $o i32) (param $so i32)`,
      `(i32.and ${is("sb")} ${is("so")})`, `(local.set $vx (${vec}.splat ${x}))`, (off) => V(vx, lb(off)), S(x, sb), false, true),
  ].join("\n");
}
