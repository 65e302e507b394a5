/**
 * The verified eigenbasis against an exact reference computed in TypeScript: Y a direct sum of 1 x 1
 * and 2 x 2 blocks [[a, b], [b, c]] on shuffled coordinates, whose eigenpairs have a closed form,
 * lambda = (a + c)/2 +- sqrt(((a - c)/2)^2 + b^2) with eigenvector (b, lambda - a) / norm on the block's
 * coordinates. The closed form is evaluated in fixed-point interval arithmetic on BigInt with 400
 * fractional bits (every double used is exact there; each operation rounds outward), so the exact
 * eigenvalues and the exact entries of V^T U and V^T M V are known to ~1e-110 and containment is
 * decided by exact comparison. Seeded fast-check; the seed is printed on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PROPERTY_SEED } from '../../testing/arbitraries.js';
import { projectOnto, projectSymmetric, verifiedEigenbasis } from './verifiedEigenbasis.js';
import { rationalOf } from './rational.js';

const BITS = 400n;
const ONE = 1n << BITS;

/** [lo, hi] * 2^-400. */
type Fixed = readonly [bigint, bigint];

function fixed(x: number): Fixed {
  const { p, q } = rationalOf(x);
  const scaled = p * ONE;
  if (scaled % q !== 0n) throw new Error(`${x} is not exact with ${BITS} fractional bits`);
  return [scaled / q, scaled / q];
}
const floorDiv = (a: bigint, b: bigint): bigint => {
  const quotient = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient;
};
const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);
const min = (values: bigint[]) => values.reduce((m, v) => (v < m ? v : m));
const max = (values: bigint[]) => values.reduce((m, v) => (v > m ? v : m));
const add = (a: Fixed, b: Fixed): Fixed => [a[0] + b[0], a[1] + b[1]];
const sub = (a: Fixed, b: Fixed): Fixed => [a[0] - b[1], a[1] - b[0]];
const neg = (a: Fixed): Fixed => [-a[1], -a[0]];
function mul(a: Fixed, b: Fixed): Fixed {
  const corners = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  return [floorDiv(min(corners), ONE), ceilDiv(max(corners), ONE)];
}
function square(a: Fixed): Fixed {
  if (a[0] >= 0n) return mul(a, a);
  if (a[1] <= 0n) return mul(neg(a), neg(a));
  return [0n, ceilDiv(max([a[0] * a[0], a[1] * a[1]]), ONE)];
}
/** a / b for b > 0. */
function div(a: Fixed, b: Fixed): Fixed {
  if (b[0] <= 0n) throw new Error('division by an interval that is not positive');
  const corners = [a[0], a[1]].flatMap((x) => [b[0], b[1]].map((y) => ({ p: x * ONE, q: y })));
  return [min(corners.map(({ p, q }) => floorDiv(p, q))), max(corners.map(({ p, q }) => ceilDiv(p, q)))];
}
function isqrt(m: bigint): bigint {
  if (m < 2n) return m;
  let x = 1n << BigInt(Math.ceil(m.toString(2).length / 2));
  for (;;) {
    const next = (x + m / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}
/** sqrt of [lo, hi] >= 0: sqrt(m 2^-400) = sqrt(m 2^400) 2^-400. */
function sqrt(a: Fixed): Fixed {
  const lo = isqrt(a[0] * ONE);
  const s = isqrt(a[1] * ONE);
  return [lo, s * s === a[1] * ONE ? s : s + 1n];
}
const half = (a: Fixed): Fixed => [floorDiv(a[0], 2n), ceilDiv(a[1], 2n)];
const toNumber = (x: bigint): number => Number(x) / 2 ** Number(BITS);
/** Is the exact interval `inner` inside the double enclosure [lo, hi]? (x <= m 2^-400 iff ceil(x 2^400) <= m.) */
function within(inner: Fixed, lo: number, hi: number): boolean {
  const [a, b] = [rationalOf(lo), rationalOf(hi)];
  return ceilDiv(a.p * ONE, a.q) <= inner[0] && inner[1] <= floorDiv(b.p * ONE, b.q);
}

/** One exact eigenpair: eigenvalue and unit eigenvector (entries on at most two coordinates). */
interface ExactPair {
  readonly value: Fixed;
  readonly entries: readonly (readonly [number, Fixed])[];
}

/** Y (row-major) and its exact eigenpairs, from diagonal entries, a coordinate shuffle and couplings. */
function blockMatrix(diagonal: number[], order: number[], couplings: number[]): { Y: Float64Array; pairs: ExactPair[] } {
  const n = diagonal.length;
  const Y = new Float64Array(n * n);
  diagonal.forEach((value, i) => (Y[i * n + i] = value));
  const pairs: ExactPair[] = [];
  const paired = new Set<number>();
  couplings.forEach((b, k) => {
    const i = order[2 * k];
    const j = order[2 * k + 1];
    Y[i * n + j] = Y[j * n + i] = b;
    paired.add(i).add(j);
    const [a, c, bb] = [fixed(diagonal[i]), fixed(diagonal[j]), fixed(b)];
    const middle = half(add(a, c));
    const root = sqrt(add(square(half(sub(a, c))), square(bb)));
    for (const value of [add(middle, root), sub(middle, root)]) {
      const w = sub(value, a);
      const norm = sqrt(add(square(bb), square(w)));
      pairs.push({ value, entries: [[i, div(bb, norm)], [j, div(w, norm)]] });
    }
  });
  for (let i = 0; i < n; i++) if (!paired.has(i)) pairs.push({ value: fixed(diagonal[i]), entries: [[i, [ONE, ONE]]] });
  return { Y, pairs };
}

/** v^T x for a column x of doubles (n x columns row-major, column c). */
function dot(pair: ExactPair, x: Float64Array, columns: number, c: number): Fixed {
  return pair.entries.reduce<Fixed>((sum, [row, entry]) => add(sum, mul(entry, fixed(x[row * columns + c]))), [0n, 0n]);
}

const EPS = 2 ** -52;
/** A double in [-bound, bound], 0 in place of magnitudes below 1e-30 (which the 400-bit reference cannot hold exactly). */
const entry = (bound: number) => fc.double({ min: -bound, max: bound, noNaN: true }).map((x) => (Math.abs(x) < 1e-30 ? 0 : x));

const instance = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    // Values from a small set make exactly repeated eigenvalues, which must be refused.
    diagonal: fc.array(fc.oneof({ weight: 4, arbitrary: entry(10) }, { weight: 1, arbitrary: fc.constantFrom(1, 2) }), { minLength: n, maxLength: n }),
    order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
    couplings: fc.array(
      fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 0 }), fc.boolean()).map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e),
      { minLength: 1, maxLength: Math.floor(n / 2) },
    ),
    U: fc.array(entry(3), { minLength: 2 * n, maxLength: 2 * n }),
    M: fc.array(entry(3), { minLength: n * n, maxLength: n * n }),
  }),
);

describe('verifiedEigenbasis vs exact eigenpairs of block matrices (fixed point, 400 bits)', () => {
  it('encloses every exact eigenvalue, V^T U and V^T M V, and refuses only eigenvalues closer than 1e3 n eps ||Y||', () => {
    fc.assert(
      fc.property(instance, ({ diagonal, order, couplings, U, M }) => {
        const n = diagonal.length;
        const { Y, pairs } = blockMatrix(diagonal, order, couplings);
        const sorted = [...pairs].sort((p, q) => (q.value[0] > p.value[0] ? 1 : q.value[0] < p.value[0] ? -1 : 0));
        // Bounds of lambda_i - lambda_{i+1} (ranks by decreasing value).
        const separations = sorted.slice(1).map((pair, i) => sorted[i].value[0] - pair.value[1]);
        const distances = sorted.slice(1).map((pair, i) => sorted[i].value[1] - pair.value[0]);
        const basis = verifiedEigenbasis(Y, n);
        const normY = Math.max(...Array.from({ length: n }, (_, i) => Y.slice(i * n, (i + 1) * n).reduce((s, v) => s + Math.abs(v), 0)));
        if (typeof basis === 'string') {
          // Not over-cautious: some exact gap is at most the resolution of a double computation.
          const resolution = fixed(1e3 * n * EPS * normY)[0];
          expect(distances.some((distance) => distance <= resolution), basis).toBe(true);
          return;
        }
        // Disjoint enclosures of the exact eigenvalues exist only if these are distinct.
        expect(separations.every((separation) => separation > 0n)).toBe(true);
        sorted.forEach((pair, i) => expect(within(pair.value, basis.lo[i], basis.hi[i]), `eigenvalue ${i}`).toBe(true));
        // V's column i is signed to agree with the computed column q_i (see projectOnto); |v . q| is far above rounding.
        const signs = sorted.map((pair, i) => {
          const agreement = toNumber(dot(pair, basis.vectors, n, i)[0]);
          expect(Math.abs(agreement)).toBeGreaterThan(1e-6);
          return agreement > 0 ? 1 : -1;
        });
        const uData = Float64Array.from(U);
        const projected = projectOnto(basis, uData, 2);
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < 2; c++) {
            const exact = dot(sorted[i], uData, 2, c);
            expect(within(signs[i] > 0 ? exact : neg(exact), projected.lo[i * 2 + c], projected.hi[i * 2 + c]), `(V^T U)_${i}${c}`).toBe(true);
          }
        }
        const mData = Float64Array.from({ length: n * n }, (_, k) => M[Math.min(k, (k % n) * n + Math.floor(k / n))]);
        const congruence = projectSymmetric(basis, mData);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            // v_i^T M v_j over the at most 2 x 2 entries the two vectors touch.
            let exact: Fixed = [0n, 0n];
            for (const [row, a] of sorted[i].entries) for (const [col, b] of sorted[j].entries) exact = add(exact, mul(mul(a, b), fixed(mData[row * n + col])));
            expect(within(signs[i] * signs[j] > 0 ? exact : neg(exact), congruence.lo[i * n + j], congruence.hi[i * n + j]), `(V^T M V)_${i}${j}`).toBe(true);
          }
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });
});
