/**
 * Exact rational arithmetic on BigInt for the few decisions that rounding cannot settle: whether
 * the stored doubles of a matrix have an exact linear dependence (the rank-deficient start of the
 * certified windows, theorems/certified/enclosure.ts: the closed form of Min & Vidal (2025),
 * Proposition 1, eq. (5)-(6), rewritten on the pivot rows of Phi^T U0). Every double is a rational
 * m 2^e, so these
 * answers are about the data exactly as given; the results are turned back into outward-rounded
 * double intervals, checked by exact comparison.
 */
import { down, up } from './rounding.js';

/** p / q with q > 0, in lowest terms. */
export interface Rational {
  readonly p: bigint;
  readonly q: bigint;
}

const ZERO: Rational = { p: 0n, q: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(p: bigint, q: bigint): Rational {
  if (p === 0n) return ZERO;
  const sign = q < 0n ? -1n : 1n;
  const g = gcd(p, q);
  return { p: (sign * p) / g, q: (sign * q) / g };
}

/** The exact value of a finite double. */
export function rationalOf(x: number): Rational {
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  const sign = x < 0 ? -1n : 1n;
  return power >= 0 ? reduced(sign * (mantissa << BigInt(power)), 1n) : reduced(sign * mantissa, 1n << BigInt(-power));
}

export const plus = (a: Rational, b: Rational): Rational => reduced(a.p * b.q + b.p * a.q, a.q * b.q);
export const minus = (a: Rational, b: Rational): Rational => reduced(a.p * b.q - b.p * a.q, a.q * b.q);
export const times = (a: Rational, b: Rational): Rational => reduced(a.p * b.p, a.q * b.q);
/** a / b for b != 0. */
export const over = (a: Rational, b: Rational): Rational => reduced(a.p * b.q, a.q * b.p);
const atMost = (a: Rational, b: Rational): boolean => a.p * b.q <= b.p * a.q;

/** [lo, hi] doubles with lo <= r <= hi, each within a few ulps of r (checked exactly). */
export function enclose(r: Rational): [number, number] {
  if (r.p === 0n) return [0, 0];
  const bits = (v: bigint): number => (v < 0n ? -v : v).toString(2).length;
  // Scale so that the integer quotient carries about 64 significant bits, then round it to a double.
  const shift = 64 - (bits(r.p) - bits(r.q));
  const quotient = shift >= 0 ? (r.p << BigInt(shift)) / r.q : r.p / (r.q << BigInt(-shift));
  // 2^-shift in two factors: one power alone would underflow to 0 for subnormal results.
  const half = Math.trunc(-shift / 2);
  const approximate = Number(quotient) * 2 ** half * 2 ** (-shift - half);
  let lo = Number.isFinite(approximate) ? down(approximate) : -Number.MAX_VALUE;
  let hi = Number.isFinite(approximate) ? up(approximate) : Number.MAX_VALUE;
  // The approximation is within a few ulps; the steps are a check, capped so it always ends.
  for (let step = 0; step < 16 && lo > -Number.MAX_VALUE && !atMost(rationalOf(lo), r); step++) lo = down(lo);
  for (let step = 0; step < 16 && hi < Number.MAX_VALUE && !atMost(r, rationalOf(hi)); step++) hi = up(hi);
  if (!atMost(rationalOf(lo), r)) lo = Number.NEGATIVE_INFINITY;
  if (!atMost(r, rationalOf(hi))) hi = Number.POSITIVE_INFINITY;
  return [lo, hi];
}

/**
 * The exact X with B = X A, for A (rho x c, rows exactly independent) and B (m x c), both given as
 * doubles row-major; null when A's rows are exactly dependent or B's rows are not exactly in their
 * span. Gauss-Jordan in the rationals on rho independent columns of A, then B = X A checked on
 * every column.
 */
export function exactCombination(A: Float64Array, rho: number, B: Float64Array, m: number, c: number): Rational[][] | null {
  const a = Array.from({ length: rho }, (_, i) => Array.from(A.subarray(i * c, (i + 1) * c), rationalOf));
  // Columns of A that are independent: eliminate on a copy, rows of A^T as unknowns' coefficients.
  const work = a.map((row) => row.slice());
  const columns: number[] = [];
  let row = 0;
  for (let col = 0; col < c && row < rho; col++) {
    const pivot = work.findIndex((r, i) => i >= row && r[col].p !== 0n);
    if (pivot < 0) continue;
    [work[row], work[pivot]] = [work[pivot], work[row]];
    for (let i = 0; i < rho; i++) {
      if (i === row || work[i][col].p === 0n) continue;
      const factor = over(work[i][col], work[row][col]);
      work[i] = work[i].map((value, j) => minus(value, times(factor, work[row][j])));
    }
    columns.push(col);
    row++;
  }
  if (columns.length < rho) return null;
  // Solve X M = B_C with M = A[:, C] (rho x rho, invertible): M^T X^T = B_C^T, by Gauss-Jordan on [M^T | B_C^T].
  const augmented = columns.map((col) => [...a.map((r) => r[col]), ...Array.from({ length: m }, (_, i) => rationalOf(B[i * c + col]))]);
  for (let col = 0; col < rho; col++) {
    const pivot = augmented.findIndex((r, i) => i >= col && r[col].p !== 0n);
    if (pivot < 0) return null;
    [augmented[col], augmented[pivot]] = [augmented[pivot], augmented[col]];
    const head = augmented[col][col];
    augmented[col] = augmented[col].map((value) => over(value, head));
    for (let i = 0; i < rho; i++) {
      if (i === col || augmented[i][col].p === 0n) continue;
      const factor = augmented[i][col];
      augmented[i] = augmented[i].map((value, j) => minus(value, times(factor, augmented[col][j])));
    }
  }
  const X = Array.from({ length: m }, (_, i) => Array.from({ length: rho }, (_, j) => augmented[j][rho + i]));
  for (let i = 0; i < m; i++) {
    for (let col = 0; col < c; col++) {
      let sum = ZERO;
      for (let j = 0; j < rho; j++) sum = plus(sum, times(X[i][j], a[j][col]));
      const target = rationalOf(B[i * c + col]);
      if (sum.p !== target.p || sum.q !== target.q) return null;
    }
  }
  return X;
}
