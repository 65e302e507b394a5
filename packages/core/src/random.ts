/**
 * A seeded random source that produces the same numbers on every platform and JS engine, so
 * that a seed in a paper figure or a test reproduces bit for bit.
 *
 * Everything is built from operations IEEE-754 and ECMAScript define exactly: 32-bit integer
 * arithmetic (Math.imul, >>>, ^, <<), and double +, -, *, / and Math.sqrt, which are correctly
 * rounded. Math.log, Math.exp, Math.sin... are NOT: the specification lets each engine return
 * any "implementation-approximated" value, so the normal deviates use {@link portableLog}.
 *
 * - Integers: xoshiro128** 1.1 (Blackman & Vigna 2018), 32-bit state words.
 * - Seeding: the four state words are four successive outputs of splitmix32 started at the seed
 *   (state += 0x9e3779b9; z = state; z = (z ^ z >>> 16) * 0x21f0aaad; z = (z ^ z >>> 15) * 0x735a2d97;
 *   z ^= z >>> 15, all mod 2^32). splitmix32's output is a bijection of its counter, so the four
 *   words are never all zero (the one state xoshiro must avoid).
 * - Uniform doubles in [0, 1): (a * 2^26 + b) / 2^53 from the top 27 bits a and top 26 bits b of two
 *   consecutive outputs, i.e. 53 random bits, exact in double arithmetic.
 * - Normal deviates: Marsaglia's polar method; each accepted pair yields two deviates, the second
 *   returned by the next call.
 */
import { Matrix } from 'ml-matrix';

import { requireEntries, requireInteger, requirePositive } from './validate.js';

/** A deterministic stream of random numbers; see {@link createRandom}. */
export interface RandomSource {
  /** A uniform double in [0, 1) with 53 random bits (a multiple of 2^-53). */
  uniform(): number;
  /** A standard normal deviate N(0, 1). */
  normal(): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * The xoshiro128** 1.1 generator on an explicit 4-word state (modified in place), returning the
 * next 32-bit output as an unsigned integer. Exported for the known-answer tests; use
 * {@link createRandom} instead.
 *
 * Blackman & Vigna (2018): result = rotl(s1 * 5, 7) * 9, then
 * t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 *
 * @param state - four uint32 words, not all zero.
 * @returns the next output in [0, 2^32).
 * @throws nothing; the caller owns the state.
 * @example
 * ```ts
 * xoshiro128StarStar(Uint32Array.of(1, 2, 3, 4)); // 11520 (the reference C code's first output)
 * ```
 */
export function xoshiro128StarStar(state: Uint32Array): number {
  const s0 = state[0];
  const s1 = state[1];
  const product = Math.imul(s1, 5);
  const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
  const shifted = s1 << 9;
  const s2 = state[2] ^ s0;
  const s3 = state[3] ^ s1;
  state[1] = s1 ^ s2;
  state[0] = s0 ^ s3;
  state[2] = s2 ^ shifted;
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** The splitmix32 sequence from a 32-bit seed, used only to fill xoshiro's state. */
function splitmix32(seed: number): () => number {
  let counter = seed >>> 0;
  return () => {
    counter = (counter + 0x9e3779b9) >>> 0;
    let z = counter;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** Checks a seed is an integer in [0, 2^32). */
function requireSeed(seed: number): number {
  return requireInteger(seed, 'seed', 0, 0xffffffff);
}

/**
 * A seeded random source whose outputs are identical on every platform and engine (see the
 * module comment for the exact algorithms: splitmix32 seeding, xoshiro128**, 53-bit uniforms,
 * Marsaglia's polar method with a portable logarithm). Used for the random initialization shape
 * Ubar0 of Min & Vidal (2025), Remark III-C1.
 *
 * @param seed - an integer in [0, 2^32).
 * @returns `uniform()` in [0, 1) and `normal()` ~ N(0, 1).
 * @throws FactorflowInputError `out-of-range` when seed is not an integer in [0, 2^32).
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.uniform(); // the same double on every machine
 * random.normal();
 * ```
 */
export function createRandom(seed: number): RandomSource {
  const next = splitmix32(requireSeed(seed));
  const state = Uint32Array.of(next(), next(), next(), next());
  let spare = 0;
  let hasSpare = false;

  const uniform = (): number => {
    const high = xoshiro128StarStar(state) >>> 5;
    const low = xoshiro128StarStar(state) >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  };

  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let radius: number;
    do {
      // 2x - 1 is exact for x a multiple of 2^-53 in [0, 1).
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      radius = u * u + v * v;
    } while (radius >= 1 || radius === 0);
    const factor = Math.sqrt((-2 * portableLog(radius)) / radius);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };

  return { uniform, normal };
}

/**
 * A random initialization U(0) = alpha^{1/2} Ubar0 with Ubar0 an n x r matrix of iid N(0, 1)
 * entries (Min & Vidal 2025, Remark III-C1: general initialization of scale alpha and shape Ubar0).
 * Entries are drawn row by row from {@link createRandom}(seed), so a seed gives the same matrix
 * everywhere.
 *
 * @param n - rows (the dimension of Y), a positive integer.
 * @param r - columns (the width of the factor), a positive integer.
 * @param alpha - initialization scale > 0; W(0) = U(0) U(0)^T has size ~ alpha r.
 * @param seed - an integer in [0, 2^32).
 * @returns the n x r matrix sqrt(alpha) Ubar0.
 * @throws FactorflowInputError `out-of-range` on a non-integer or non-positive n or r, alpha <= 0
 *   (`not-finite` for a non-finite alpha), a seed outside [0, 2^32), or n r beyond 2^27 entries
 *   (checked before anything is allocated).
 * @example
 * ```ts
 * const U0 = gaussianInit(5, 5, 1e-6, 42); // 5 x 5, entries ~ N(0, 1e-6)
 * ```
 */
export function gaussianInit(n: number, r: number, alpha: number, seed: number): Matrix {
  requireInteger(n, 'n', 1, Number.MAX_SAFE_INTEGER);
  requireInteger(r, 'r', 1, Number.MAX_SAFE_INTEGER);
  requireEntries(n * r, n >= r ? 'n' : 'r', `an n x r = ${n} x ${r} matrix`);
  requirePositive(alpha, 'alpha', 'alpha is the initialization scale, U(0) = alpha^{1/2} Ubar0.');
  const random = createRandom(requireSeed(seed));
  const scale = Math.sqrt(alpha);
  const U0 = new Matrix(n, r);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < r; j++) U0.set(i, j, scale * random.normal());
  }
  return U0;
}

const view = new DataView(new ArrayBuffer(8));
// ln 2 split as in fdlibm: LN2_HI has 32 trailing zero bits, so k * LN2_HI is exact for |k| < 2^20.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO_POW_54 = 18014398509481984;
// 2 / (2j + 1) for j = 1..13, the atanh series coefficients (each a correctly rounded quotient).
const SERIES = Float64Array.from({ length: 13 }, (_, index) => 2 / (2 * index + 3));

/**
 * The natural logarithm from IEEE-754 basic operations only (+, -, *, /), so it returns the same
 * double on every engine, unlike Math.log, whose accuracy ECMAScript leaves to the implementation.
 * Accurate to about 1 ulp.
 *
 * Method (fdlibm's e_log.c with its minimax polynomial replaced by the atanh series): read
 * x = 2^k m from the bits, with m in [sqrt(2)/2, sqrt(2)); f = m - 1 (exact); s = f / (2 + f), so
 * ln(1 + f) = 2 atanh(s) = 2s + s R with R = sum_{j>=1} 2 s^{2j} / (2j + 1), |s| <= 0.1716. Then
 * ln x = k LN2_HI - ((f^2/2 - (s (f^2/2 + R) + k LN2_LO)) - f), which keeps the rounding of the
 * division inside the small correction terms.
 *
 * @param x - any double.
 * @returns ln x; NaN for x < 0 or NaN, -Infinity for 0, Infinity for Infinity (as Math.log).
 * @throws nothing.
 * @example
 * ```ts
 * portableLog(Math.E); // 1 (to within an ulp)
 * ```
 */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return Infinity;
  let k = 0;
  let value = x;
  if (value < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range exactly.
    value *= TWO_POW_54;
    k -= 54;
  }
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  k += ((high >>> 20) & 0x7ff) - 1023;
  // Same sign and mantissa, exponent of 1: m in [1, 2).
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1;
  if (f === 0 && k === 0) return 0;
  const s = f / (2 + f);
  const z = s * s;
  // R = 2 (z/3 + z^2/5 + ... + z^13/27): z <= 0.0295, so the next term is below 1e-21 of 2s.
  let series = SERIES[12];
  for (let j = 11; j >= 0; j--) series = SERIES[j] + z * series;
  const R = z * series;
  const halfSquare = 0.5 * f * f;
  return k * LN2_HI - (halfSquare - (s * (halfSquare + R) + k * LN2_LO) - f);
}
