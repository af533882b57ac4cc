// Loop family: copies and casts between layouts, one template instantiated per (source, destination)
// element type:
//   copy_S_D(n, a, sa, o, so)                         a strided 1-D run, pointers and strides in bytes
//   copy2d_S_D(ni, nj, a, sai, saj, o, soi, soj)      a 2-D block walked in 32 x 32 tiles, so a
//                                                     transposing copy keeps both sides in cache
// Same-type copies move bits (b1, b2, b4, b8: any dtype of that size), 32 bytes per step on a
// contiguous run (no overlap: the caller copies an overlapping source first). Casts: float64 <-> float32 (round to nearest even, as the typed-array store),
// int32 -> float64 (exact), int32 -> float32 (rounded once); a contiguous cast runs 128-bit vector
// conversions. Float -> int casts are not here: the JS store wraps modulo 2^32 (ToInt32), which no
// wasm conversion gives for every double, so they stay JavaScript.
import { bump } from "./dtypes.mjs";

const B1 = { name: "b1", size: 1, load: "i32.load8_u", store: "i32.store8" };
const B2 = { name: "b2", size: 2, load: "i32.load16_u", store: "i32.store16" };
const B4 = { name: "b4", size: 4, load: "i32.load", store: "i32.store" };
const B8 = { name: "b8", size: 8, load: "i64.load", store: "i64.store" };
const F64 = { name: "f64", size: 8, load: "f64.load", store: "f64.store" };
const F32 = { name: "f32", size: 4, load: "f32.load", store: "f32.store" };
const I32 = { name: "i32", size: 4, load: "i32.load", store: "i32.store" };

const la = (off) => `(v128.load offset=${off} align=1 (local.get $a))`;
/**
 * The pairs: [source, destination, scalar conversion, contiguous vector step].
 * A vector step reads `inBytes` and writes `outBytes` per iteration (same-type copies: 32 bytes moved).
 */
const MOVE = { inBytes: 32, outBytes: 32, body: `(v128.store offset=0 align=1 (local.get $o) ${la(0)}) (v128.store offset=16 align=1 (local.get $o) ${la(16)})` };
export const COPIES = [
  [B1, B1, (x) => x, MOVE],
  [B2, B2, (x) => x, MOVE],
  [B4, B4, (x) => x, MOVE],
  [B8, B8, (x) => x, MOVE],
  [F64, F32, (x) => `(f32.demote_f64 ${x})`, { inBytes: 32, outBytes: 16,
    body: `(v128.store align=1 (local.get $o) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero ${la(0)}) (f32x4.demote_f64x2_zero ${la(16)})))` }],
  [F32, F64, (x) => `(f64.promote_f32 ${x})`, { inBytes: 16, outBytes: 32,
    body: `(local.set $v ${la(0)}) (v128.store offset=0 align=1 (local.get $o) (f64x2.promote_low_f32x4 (local.get $v))) (v128.store offset=16 align=1 (local.get $o) (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))` }],
  [I32, F64, (x) => `(f64.convert_i32_s ${x})`, { inBytes: 16, outBytes: 32,
    body: `(local.set $v ${la(0)}) (v128.store offset=0 align=1 (local.get $o) (f64x2.convert_low_i32x4_s (local.get $v))) (v128.store offset=16 align=1 (local.get $o) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))` }],
  [I32, F32, (x) => `(f32.convert_i32_s ${x})`, { inBytes: 16, outBytes: 16,
    body: `(v128.store align=1 (local.get $o) (f32x4.convert_i32x4_s ${la(0)}))` }],
];

/** copy_S_D: one strided run. */
export function copy1d([S, D, conv, vec]) {
  const name = `copy_${S.name}_${D.name}`;
  const elem = `(${D.store} align=1 (local.get $o) ${conv(`(${S.load} align=1 (local.get $a))`)})`;
  const contiguous = `(local.set $k (i32.div_u (i32.mul (local.get $n) (i32.const ${S.size})) (i32.const ${vec.inBytes})))
    (block $vdone (loop $vl
     (br_if $vdone (i32.eqz (local.get $k)))
     ${vec.body}
     ${bump("a", `(i32.const ${vec.inBytes})`)}
     ${bump("o", `(i32.const ${vec.outBytes})`)}
     (local.set $k (i32.sub (local.get $k) (i32.const 1)))
     (br $vl)))
    (local.set $n (i32.rem_u (local.get $n) (i32.const ${vec.inBytes / S.size})))
    (block $tdone (loop $tl
     (br_if $tdone (i32.eqz (local.get $n)))
     ${elem}
     ${bump("a", `(i32.const ${S.size})`)}
     ${bump("o", `(i32.const ${D.size})`)}
     (local.set $n (i32.sub (local.get $n) (i32.const 1)))
     (br $tl)))`;
  return `
 (func $${name} (export "${name}") (param $n i32) (param $a i32) (param $sa i32) (param $o i32) (param $so i32) (local $k i32) (local $v v128)
  (if (i32.and (i32.eq (local.get $sa) (i32.const ${S.size})) (i32.eq (local.get $so) (i32.const ${D.size})))
   (then
    ${contiguous}
    (return)))
  (block $sdone (loop $sl
   (br_if $sdone (i32.eqz (local.get $n)))
   ${elem}
   ${bump("a", "(local.get $sa)")}
   ${bump("o", "(local.get $so)")}
   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   (br $sl))))`;
}

/** copy2d_S_D: element (i, j) of the block is at a + i*sai + j*saj and goes to o + i*soi + j*soj. */
export function copy2d([S, D, conv]) {
  const name = `copy2d_${S.name}_${D.name}`;
  const T = 32;
  return `
 (func $${name} (export "${name}") (param $ni i32) (param $nj i32) (param $a i32) (param $sai i32) (param $saj i32) (param $o i32) (param $soi i32) (param $soj i32)
  (local $i0 i32) (local $j0 i32) (local $i i32) (local $j i32) (local $i1 i32) (local $j1 i32) (local $p i32) (local $q i32)
  (block $idone (loop $il
   (br_if $idone (i32.ge_u (local.get $i0) (local.get $ni)))
   (local.set $i1 (select (local.get $ni) (i32.add (local.get $i0) (i32.const ${T})) (i32.lt_u (local.get $ni) (i32.add (local.get $i0) (i32.const ${T})))))
   (local.set $j0 (i32.const 0))
   (block $jdone (loop $jl
    (br_if $jdone (i32.ge_u (local.get $j0) (local.get $nj)))
    (local.set $j1 (select (local.get $nj) (i32.add (local.get $j0) (i32.const ${T})) (i32.lt_u (local.get $nj) (i32.add (local.get $j0) (i32.const ${T})))))
    (local.set $i (local.get $i0))
    (block $rdone (loop $rl
     (br_if $rdone (i32.ge_u (local.get $i) (local.get $i1)))
     (local.set $p (i32.add (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sai))) (i32.mul (local.get $j0) (local.get $saj))))
     (local.set $q (i32.add (i32.add (local.get $o) (i32.mul (local.get $i) (local.get $soi))) (i32.mul (local.get $j0) (local.get $soj))))
     (local.set $j (local.get $j0))
     (block $cdone (loop $cl
      (br_if $cdone (i32.ge_u (local.get $j) (local.get $j1)))
      (${D.store} align=1 (local.get $q) ${conv(`(${S.load} align=1 (local.get $p))`)})
      ${bump("p", "(local.get $saj)")}
      ${bump("q", "(local.get $soj)")}
      ${bump("j", "(i32.const 1)")}
      (br $cl)))
     ${bump("i", "(i32.const 1)")}
     (br $rl)))
    ${bump("j0", `(i32.const ${T})`)}
    (br $jl)))
   ${bump("i0", `(i32.const ${T})`)}
   (br $il))))`;
}

/** Every copy loop of the module. */
export function copyLoops() {
  return COPIES.flatMap((c) => [copy1d(c), copy2d(c)]);
}
