// Loop family: `where=`-masked element-wise loops. Where the mask byte is non-zero the output gets
// the operation's result, elsewhere it keeps its bits (NumPy never writes there). Instantiated
// from the same operator lists as binary.mjs, unary.mjs and compare.mjs:
//   masked_binary_OP_T(n, a, sa, b, sb, o, so, m, sm)     and _sb (second operand a scalar), _sa (first)
//   masked_compare_OP_T(...)                              the same, bool bytes out
//   masked_unary_OP_T(n, a, sa, o, so, m, sm)
// Pointers and strides in bytes (the mask's in bytes too: one byte per element). Contiguous runs
// (every stride the item size, the mask's 1) compute one 128-bit vector of results per step for
// every lane and blend them into the old output with the mask widened to lane masks
// (v128.bitselect): computing a lane the mask drops has no effect (wasm float operations never trap
// and integer + - * wrap), and the lane keeps its old bits. Other strides: a scalar loop that
// computes only where the mask is set. Bool outputs (comparisons) step 16 elements (16 bytes).
import { BINARY } from "./binary.mjs";
import { UNARY } from "./unary.mjs";
import { COMPARE } from "./compare.mjs";
import { I32, bump } from "./dtypes.mjs";

/** The lane masks (all-ones where the mask byte is non-zero) for the `lanes` mask bytes at $m. */
function laneMask(lanes) {
  const ne0 = (v) => `(i8x16.ne ${v} (v128.const i32x4 0 0 0 0))`;
  if (lanes === 16) return ne0("(v128.load align=1 (local.get $m))");
  if (lanes === 4) return `(i32x4.extend_low_i16x8_s (i16x8.extend_low_i8x16_s ${ne0("(v128.load32_splat align=1 (local.get $m))")}))`;
  return `(i64x2.extend_low_i32x4_s (i32x4.extend_low_i16x8_s (i16x8.extend_low_i8x16_s ${ne0("(v128.load16_splat align=1 (local.get $m))")})))`;
}

/**
 * One masked loop: `name`, its parameters, which operands are pointers that advance, the vector
 * result vres(offsetIn) of one step (16 bytes of output), the scalar store sstore, the element
 * sizes of the inputs and the output.
 */
function maskedFn({ name, params, adv, contiguous, pre, vres, sstore, inSize, outSize }) {
  const perStep = outSize === 1 ? 16 : 16 / outSize; // elements per vector step
  return `
 (func $${name} (export "${name}") ${params} (local $end i32) (local $vend i32) (local $vx v128) (local $vy v128)
  (if ${contiguous}
   (then
    ${pre}
    (local.set $end (i32.add (local.get $o) (i32.mul (local.get $n) (i32.const ${outSize}))))
    (local.set $vend (i32.add (local.get $o) (i32.mul (i32.and (local.get $n) (i32.const ${-perStep})) (i32.const ${outSize}))))
    (block $vdone (loop $vl
     (br_if $vdone (i32.ge_u (local.get $o) (local.get $vend)))
     (v128.store align=1 (local.get $o) (v128.bitselect ${vres} (v128.load align=1 (local.get $o)) ${laneMask(perStep)}))
     ${adv.map((p) => bump(p, `(i32.const ${perStep * inSize})`)).join(" ")}
     ${bump("o", "(i32.const 16)")}
     ${bump("m", `(i32.const ${perStep})`)}
     (br $vl)))
    (block $tdone (loop $tl
     (br_if $tdone (i32.ge_u (local.get $o) (local.get $end)))
     (if (i32.load8_u (local.get $m)) (then ${sstore}))
     ${adv.map((p) => bump(p, `(i32.const ${inSize})`)).join(" ")}
     ${bump("o", `(i32.const ${outSize})`)}
     ${bump("m", "(i32.const 1)")}
     (br $tl)))
    (return)))
  (block $sdone (loop $sl
   (br_if $sdone (i32.eqz (local.get $n)))
   (if (i32.load8_u (local.get $m)) (then ${sstore}))
   ${adv.map((p) => bump(p, `(local.get $s${p})`)).join(" ")}
   ${bump("o", "(local.get $so)")}
   ${bump("m", "(local.get $sm)")}
   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
   (br $sl))))`;
}

const is = (v, k) => `(i32.eq (local.get $${v}) (i32.const ${k}))`;
const all = (...c) => c.reduce((x, y) => `(i32.and ${x} ${y})`);

/**
 * The three masked entry points of a binary operation: `V(x, y)`/`S(x, y)` its vector/scalar
 * expression, `outSize` 1 for bool bytes (then `pack` turns 16 / lanes vector results into 16 bytes).
 */
function maskedBinary(base, d, V, S, outSize, pack) {
  const { t, vec, size } = d;
  const la = (off) => `(v128.load offset=${off} align=1 (local.get $a))`;
  const lb = (off) => `(v128.load offset=${off} align=1 (local.get $b))`;
  const sa = `(${t}.load align=1 (local.get $a))`;
  const sb = `(${t}.load align=1 (local.get $b))`;
  const store = (e) => (outSize === 1 ? `(i32.store8 (local.get $o) ${e})` : `(${t}.store align=1 (local.get $o) ${e})`);
  const vres = (x, y) => (outSize === 1 ? pack((k) => V(x(16 * k), y(16 * k))) : V(x(0), y(0)));
  const tail = "(param $o i32) (param $so i32) (param $m i32) (param $sm i32)";
  const c = (...v) => all(...v.map((p) => is(`s${p}`, size)), is("so", outSize), is("sm", 1));
  const vx = () => "(local.get $vx)";
  const vy = () => "(local.get $vy)";
  return [
    maskedFn({ name: base, params: `(param $n i32) (param $a i32) (param $sa i32) (param $b i32) (param $sb i32) ${tail}`, adv: ["a", "b"], contiguous: c("a", "b"), pre: "", vres: vres(la, lb), sstore: store(S(sa, sb)), inSize: size, outSize }),
    maskedFn({ name: `${base}_sb`, params: `(param $n i32) (param $a i32) (param $sa i32) (param $y ${t}) ${tail}`, adv: ["a"], contiguous: c("a"), pre: `(local.set $vy (${vec}.splat (local.get $y)))`, vres: vres(la, vy), sstore: store(S(sa, "(local.get $y)")), inSize: size, outSize }),
    maskedFn({ name: `${base}_sa`, params: `(param $n i32) (param $x ${t}) (param $b i32) (param $sb i32) ${tail}`, adv: ["b"], contiguous: c("b"), pre: `(local.set $vx (${vec}.splat (local.get $x)))`, vres: vres(vx, lb), sstore: store(S("(local.get $x)", sb)), inSize: size, outSize }),
  ].join("\n");
}

/** Every masked loop of the module. */
export function maskedLoops() {
  const out = [];
  for (const [op, types] of BINARY) {
    for (const d of types) out.push(maskedBinary(`masked_binary_${op}_${d.name}`, d, (x, y) => `(${d.vec}.${op} ${x} ${y})`, (x, y) => `(${d.t}.${op} ${x} ${y})`, d.size));
  }
  for (const [op, types] of COMPARE) {
    for (const d of types) {
      const vop = d === I32 && op !== "eq" && op !== "ne" ? `${op}_s` : op;
      const pack = (m) => {
        const n16 = (i) => `(i16x8.narrow_i32x4_s ${m(2 * i)} ${m(2 * i + 1)})`;
        const one = "(i8x16.splat (i32.const 1))";
        if (d.size === 8) {
          const n8 = (i) => `(i8x16.narrow_i16x8_s ${n16(2 * i)} ${n16(2 * i + 1)})`;
          return `(v128.and (i8x16.shuffle 0 2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 ${n8(0)} ${n8(1)}) ${one})`;
        }
        return `(v128.and (i8x16.narrow_i16x8_s ${n16(0)} ${n16(1)}) ${one})`;
      };
      out.push(maskedBinary(`masked_compare_${op}_${d.name}`, d, (x, y) => `(${d.vec}.${vop} ${x} ${y})`, (x, y) => `(${d.t}.${vop} ${x} ${y})`, 1, pack));
    }
  }
  for (const [op, types] of UNARY) {
    for (const d of types) {
      out.push(maskedFn({
        name: `masked_unary_${op}_${d.name}`,
        params: "(param $n i32) (param $a i32) (param $sa i32) (param $o i32) (param $so i32) (param $m i32) (param $sm i32)",
        adv: ["a"],
        contiguous: all(is("sa", d.size), is("so", d.size), is("sm", 1)),
        pre: "",
        vres: `(${d.vec}.${op} (v128.load align=1 (local.get $a)))`,
        sstore: `(${d.t}.store align=1 (local.get $o) (${d.t}.${op} (${d.t}.load align=1 (local.get $a))))`,
        inSize: d.size,
        outSize: d.size,
      }));
    }
  }
  return out;
}
