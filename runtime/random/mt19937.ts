/**
 * MT19937, the Mersenne Twister as NumPy's legacy `RandomState` runs it
 * (numpy/random/src/mt19937/mt19937.c, randomkit), so `np.random.seed(n)` gives NumPy's numbers.
 *
 * Rule: 624 words of state; `seed(n)` is Knuth's init_genrand (mt[0] = n, mt[i] = 1812433253 *
 * (mt[i-1] ^ mt[i-1] >>> 30) + i), which is what NumPy's `_legacy_seeding` calls for an integer
 * seed (`mt19937_seed`); an array seed goes through init_by_array. A double is NumPy's
 * `mt19937_next_double`: (a >>> 5, b >>> 6) of two words, (a * 2^26 + b) / 2^53.
 * Cost: everything in 32-bit integer ops (Math.imul, >>>), no BigInt; a twist per 624 words.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** The Mersenne Twister's state and its outputs. */
export class MT19937 {
  /** The 624 state words. */
  readonly key = new Uint32Array(N);
  /** Next word to temper; 624 means "twist first". */
  pos = N;

  /**
   * Seed as NumPy's `RandomState(seed)` does for an integer in [0, 2^32).
   *
   * @example
   * const mt = new MT19937(); mt.seed(0); mt.next32() // 2357136044
   */
  seed(s: number): void {
    const mt = this.key;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const p = mt[i - 1];
      mt[i] = (Math.imul(1812433253, (p ^ (p >>> 30)) >>> 0) + i) >>> 0;
    }
    this.pos = N;
  }

  /** Seed from an array of 32-bit words (init_by_array), as NumPy does for `seed([a, b, ...])`. */
  seedByArray(keys: ArrayLike<number>): void {
    const mt = this.key;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    const len = keys.length;
    for (let k = Math.max(N, len); k > 0; k--) {
      const p = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul((p ^ (p >>> 30)) >>> 0, 1664525)) + (keys[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const p = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul((p ^ (p >>> 30)) >>> 0, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** Regenerate the 624 words. */
  private twist(): void {
    const mt = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = (mt[i] & UPPER) | (mt[i + 1] & LOWER);
      mt[i] = mt[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.pos = 0;
  }

  /** The next 32-bit output (tempered), as an unsigned number. */
  next32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** The next double in [0, 1) with 53 random bits (NumPy's `mt19937_next_double`). */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Fill `out[0..n)` with doubles; the tight loop behind `np.random.rand`. */
  fillDoubles(out: Float64Array, n: number): void {
    const mt = this.key;
    let pos = this.pos;
    for (let k = 0; k < n; k++) {
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      let y = mt[pos++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      if (pos === N) {
        this.twist();
        pos = 0;
      }
      let z = mt[pos++];
      z ^= z >>> 11;
      z ^= (z << 7) & 0x9d2c5680;
      z ^= (z << 15) & 0xefc60000;
      z ^= z >>> 18;
      out[k] = ((y >>> 5) * 67108864 + (z >>> 6)) / 9007199254740992;
    }
    this.pos = pos;
  }
}
