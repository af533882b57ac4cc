/**
 * PCG64 as NumPy runs it (numpy/random/src/pcg64/pcg64.h): a 128-bit LCG with the XSL-RR output.
 *
 * Rule: state = state * 0x2360ed051fc65da44385df649fccf645 + inc (mod 2^128), THEN output
 * rotr64(hi64 ^ lo64, state >>> 122). Seeding (pcg64_set_seed with SeedSequence's 4 uint64
 * words v0..v3): initstate = v0:v1, inc = (v2:v3 << 1) | 1, state = 0, step, state += initstate,
 * step. `next32` halves a 64-bit output (low half first) and keeps the high half for the next call,
 * as NumPy's `pcg64_next32`; `nextDouble` = (next64 >>> 11) * 2^-53 and does not touch that buffer.
 * Cost: the 128-bit multiply is done on four 32-bit state limbs times eight 16-bit multiplier
 * limbs (every partial product < 2^48, exact in doubles): no BigInt per draw.
 */
import { SeedSequence } from "./seed-sequence.js";

// the multiplier in 16-bit limbs, least significant first
const MUL = [0xf645, 0x9fcc, 0xdf64, 0x4385, 0x5da4, 0x1fc6, 0xed05, 0x2360];
const [M0, M1, M2, M3, M4, M5, M6, M7] = MUL;
const T16 = 65536;
const INV16 = 1 / 65536; // exact: multiplying by it is the division, without a divide

/** NumPy's PCG64 bit generator. */
export class PCG64 {
  // state and increment as 32-bit limbs, s0 least significant
  // state s0..s3 at 0..3, increment at 4..7, last output hi/lo at 8/9
  private readonly w = new Uint32Array(10);
  private hasUint32 = false;
  private uinteger = 0;
  /** High word of the last 64-bit output. */
  get outHi(): number {
    return this.w[8];
  }
  /** Low word of the last 64-bit output. */
  get outLo(): number {
    return this.w[9];
  }
  /** The SeedSequence this generator was seeded from. */
  readonly seed_seq: SeedSequence;

  constructor(seedSeq: SeedSequence) {
    this.seed_seq = seedSeq;
    const w = seedSeq.generateState(8); // 4 uint64 = 8 words, low word first in each
    // initstate = v0 << 64 | v1 ; initseq = v2 << 64 | v3 (v_k = w[2k+1]:w[2k])
    const initLimbs = [w[2], w[3], w[0], w[1]];
    const seqLimbs = [w[6], w[7], w[4], w[5]];
    // inc = initseq << 1 | 1
    this.w[4] = ((seqLimbs[0] << 1) | 1) >>> 0;
    this.w[5] = ((seqLimbs[1] << 1) | (seqLimbs[0] >>> 31)) >>> 0;
    this.w[6] = ((seqLimbs[2] << 1) | (seqLimbs[1] >>> 31)) >>> 0;
    this.w[7] = ((seqLimbs[3] << 1) | (seqLimbs[2] >>> 31)) >>> 0;
    this.step();
    // state += initstate
    let c = this.w[0] + initLimbs[0];
    this.w[0] = c >>> 0;
    c = this.w[1] + initLimbs[1] + (c > 0xffffffff ? 1 : 0);
    this.w[1] = c >>> 0;
    c = this.w[2] + initLimbs[2] + (c > 0xffffffff ? 1 : 0);
    this.w[2] = c >>> 0;
    this.w[3] = (this.w[3] + initLimbs[3] + (c > 0xffffffff ? 1 : 0)) >>> 0;
    this.step();
  }

  /** The 128-bit state and increment as bigints, as NumPy's `bit_generator.state["state"]`. */
  get state(): { state: bigint; inc: bigint; has_uint32: number; uinteger: number } {
    const big = (a: number, b: number, c: number, d: number): bigint =>
      (BigInt(d) << 96n) | (BigInt(c) << 64n) | (BigInt(b) << 32n) | BigInt(a);
    return {
      state: big(this.w[0], this.w[1], this.w[2], this.w[3]),
      inc: big(this.w[4], this.w[5], this.w[6], this.w[7]),
      has_uint32: this.hasUint32 ? 1 : 0,
      uinteger: this.uinteger,
    };
  }

  /** state = state * MUL + inc (mod 2^128). */
  private step(): void {
    const s0 = this.w[0];
    const s1 = this.w[1];
    const s2 = this.w[2];
    const s3 = this.w[3];
    // column sums in units of 2^16k (each product < 2^48)
    const t0 = s0 * M0;
    const t1 = s0 * M1;
    const t2 = s0 * M2 + s1 * M0;
    const t3 = s0 * M3 + s1 * M1;
    const t4 = s0 * M4 + s1 * M2 + s2 * M0;
    const t5 = s0 * M5 + s1 * M3 + s2 * M1;
    const t6 = s0 * M6 + s1 * M4 + s2 * M2 + s3 * M0;
    const t7 = s0 * M7 + s1 * M5 + s2 * M3 + s3 * M1;
    let v = t0;
    let c = Math.floor(v * INV16);
    const d0 = v - c * T16;
    v = t1 + c;
    c = Math.floor(v * INV16);
    const d1 = v - c * T16;
    v = t2 + c;
    c = Math.floor(v * INV16);
    const d2 = v - c * T16;
    v = t3 + c;
    c = Math.floor(v * INV16);
    const d3 = v - c * T16;
    v = t4 + c;
    c = Math.floor(v * INV16);
    const d4 = v - c * T16;
    v = t5 + c;
    c = Math.floor(v * INV16);
    const d5 = v - c * T16;
    v = t6 + c;
    c = Math.floor(v * INV16);
    const d6 = v - c * T16;
    v = t7 + c;
    c = Math.floor(v * INV16);
    const d7 = v - c * T16;
    // + inc
    let w = d0 + d1 * T16 + this.w[4];
    this.w[0] = w >>> 0;
    w = d2 + d3 * T16 + this.w[5] + (w > 0xffffffff ? 1 : 0);
    this.w[1] = w >>> 0;
    w = d4 + d5 * T16 + this.w[6] + (w > 0xffffffff ? 1 : 0);
    this.w[2] = w >>> 0;
    w = d6 + d7 * T16 + this.w[7] + (w > 0xffffffff ? 1 : 0);
    this.w[3] = w >>> 0;
  }

  /** Advance and set `outHi`, `outLo` to the next 64-bit output. */
  next64(): void {
    this.step();
    const xh = (this.w[3] ^ this.w[1]) >>> 0;
    const xl = (this.w[2] ^ this.w[0]) >>> 0;
    const rot = this.w[3] >>> 26;
    if (rot === 0) {
      this.w[8] = xh;
      this.w[9] = xl;
    } else if (rot < 32) {
      this.w[8] = ((xh >>> rot) | (xl << (32 - rot))) >>> 0;
      this.w[9] = ((xl >>> rot) | (xh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.w[8] = xl;
      this.w[9] = xh;
    } else {
      const r = rot - 32;
      this.w[8] = ((xl >>> r) | (xh << (32 - r))) >>> 0;
      this.w[9] = ((xh >>> r) | (xl << (32 - r))) >>> 0;
    }
  }

  /** The next double in [0, 1): (next64 >>> 11) * 2^-53. */
  nextDouble(): number {
    this.next64();
    return (this.outHi * 2097152 + (this.outLo >>> 11)) / 9007199254740992;
  }

  /** The next 32-bit word (low half of a 64-bit output, then its high half). */
  next32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.outHi;
    return this.outLo;
  }
}
