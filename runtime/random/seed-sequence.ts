/**
 * NumPy's SeedSequence (numpy/random/bit_generator.pyx): turns a user's seed into well-mixed
 * state words for a bit generator, so `np.random.default_rng(42)` starts where NumPy's does.
 *
 * Rule: the seed becomes 32-bit words, least significant first (0 is [0]); a pool of 4 words is
 * filled with hashmix(word) (hash constant starting at 0x43b0d7e5, multiplied by 0x931e8875 per
 * use), then every pool word is mixed into every other (mix(x, y) = (0xca01f9dd x - 0x4973f715 y)
 * ^ >> 16), then extra entropy words are mixed in. `generateState(n)` cycles the pool through a
 * second hash (constant 0x8b51f9dd, multiplier 0x58f38ded). All arithmetic is mod 2^32.
 * Cost: O(pool * entropy) 32-bit multiplies, once per seeding.
 */
import { randomFillSync } from "node:crypto";
import { ValueError } from "../core/errors.js";

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** A seed for `default_rng`: a non-negative integer (number or bigint), an array of them, or nothing. */
export type Seed = number | bigint | readonly (number | bigint)[] | null | undefined;

function intWords(v: number | bigint): number[] {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else {
    if (!Number.isInteger(v)) throw new TypeError(`SeedSequence expects int or sequence of ints for entropy not ${v}`);
    if (!Number.isSafeInteger(v)) throw new ValueError(`seed ${v} is not exact as a JS number: pass it as a bigint (${BigInt(Math.round(v))}n)`);
    n = BigInt(v);
  }
  if (n < 0n) throw new ValueError("expected non-negative integer");
  if (n === 0n) return [0];
  const out: number[] = [];
  while (n > 0n) {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  return out;
}

/** The 32-bit words NumPy's `_coerce_to_uint32_array` makes of a seed. @example seedWords(2 ** 32 + 5) // [5, 1] */
export function seedWords(seed: number | bigint | readonly (number | bigint)[]): number[] {
  if (typeof seed === "number" || typeof seed === "bigint") return intWords(seed);
  return seed.flatMap(intWords);
}

/**
 * NumPy's `SeedSequence(entropy)`.
 *
 * @example
 * new SeedSequence(0).generateState(4) // Uint32Array [ 2968811710, 3677149159, 745650761, 2884920346 ]
 */
export class SeedSequence {
  /** The entropy as 32-bit words. */
  readonly entropy: readonly number[];
  /** The mixed pool of 4 words. */
  readonly pool = new Uint32Array(POOL_SIZE);

  constructor(seed?: Seed) {
    if (seed === null || seed === undefined) {
      const w = new Uint32Array(4); // 128 bits of fresh entropy, as NumPy's randbits(128)
      randomFillSync(w);
      this.entropy = Array.from(w);
    } else this.entropy = seedWords(seed);
    this.mixEntropy();
  }

  private mixEntropy(): void {
    let hashConst = INIT_A;
    const hashmix = (value: number): number => {
      let v = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_A) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      return (v ^ (v >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    const mixer = this.pool;
    const ent = this.entropy;
    for (let i = 0; i < POOL_SIZE; i++) mixer[i] = hashmix(i < ent.length ? ent[i] : 0);
    for (let s = 0; s < POOL_SIZE; s++) {
      for (let d = 0; d < POOL_SIZE; d++) if (s !== d) mixer[d] = mix(mixer[d], hashmix(mixer[s]));
    }
    for (let s = POOL_SIZE; s < ent.length; s++) {
      for (let d = 0; d < POOL_SIZE; d++) mixer[d] = mix(mixer[d], hashmix(ent[s]));
    }
  }

  /** `n` 32-bit state words (NumPy's `generate_state(n, np.uint32)`). */
  generateState(n: number): Uint32Array {
    let hashConst = INIT_B;
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let v = (this.pool[i % POOL_SIZE] ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      v = Math.imul(v, hashConst) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }
}
