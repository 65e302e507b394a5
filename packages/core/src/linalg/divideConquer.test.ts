import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { LEAF, tridiagonalEigenvectors } from './divideConquer.js';
import { secularRoot } from './secular.js';
import { implicitQl } from './tridiagonal.js';

/**
 * Tridiagonal matrices with their spectra from mpmath (scripts/tridiagonal_reference.py): Wilkinson
 * and glued Wilkinson matrices, exact zero blocks, a zero diagonal, tight clusters, a graded matrix
 * over 190 decades and a random one.
 */
interface ReferenceCase {
  readonly name: string;
  readonly diagonal: number[];
  readonly offDiagonal: number[];
  readonly eigenvalues: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/tridiagonal-reference.json', import.meta.url), 'utf8')) as { cases: ReferenceCase[] };

const EPS = Number.EPSILON;

/** diagonal and couplings in the layout of the solvers (couplings padded with a final 0). */
function layout(diagonal: readonly number[], offDiagonal: readonly number[]): [Float64Array, Float64Array] {
  const couplings = new Float64Array(diagonal.length);
  couplings.set(offDiagonal);
  return [Float64Array.from(diagonal), couplings];
}

/** max_i |d_i| + |e_{i-1}| + |e_i| >= ||T||_2. */
function norm(diagonal: Float64Array, couplings: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < diagonal.length; i++) largest = Math.max(largest, Math.abs(diagonal[i]) + Math.abs(couplings[i]) + (i > 0 ? Math.abs(couplings[i - 1]) : 0));
  return largest;
}

/** max |(T Z - Z diag(values))_ij|, computed directly. */
function residual(diagonal: Float64Array, couplings: Float64Array, values: Float64Array, z: Float64Array): number {
  const n = diagonal.length;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let sum = (diagonal[i] - values[j]) * z[i * n + j];
      if (i > 0) sum += couplings[i - 1] * z[(i - 1) * n + j];
      if (i < n - 1) sum += couplings[i] * z[(i + 1) * n + j];
      worst = Math.max(worst, Math.abs(sum));
    }
  }
  return worst;
}

/** max |(Z^T Z - I)_ij|. */
function orthogonality(z: Float64Array, n: number): number {
  let worst = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      let sum = a === b ? -1 : 0;
      for (let i = 0; i < n; i++) sum += z[i * n + a] * z[i * n + b];
      worst = Math.max(worst, Math.abs(sum));
    }
  }
  return worst;
}

function solve(diagonal: Float64Array, couplings: Float64Array, leaf: number): { values: Float64Array; z: Float64Array } {
  const values = diagonal.slice();
  const z = tridiagonalEigenvectors(values, couplings.slice(), leaf);
  return { values, z };
}

describe('tridiagonalEigenvectors against mpmath', () => {
  // The default leaf and a leaf of 4, which makes even the 21 x 21 case go through three levels of merges.
  const runs = fixture.cases.flatMap((reference) => [LEAF, 4].map((leaf) => ({ ...reference, leaf })));
  it.each(runs)('$name with leaves of $leaf rows: eigenvalues to n eps ||T||, residual and orthogonality at n eps', ({ diagonal, offDiagonal, eigenvalues, leaf }) => {
    const [d, e] = layout(diagonal, offDiagonal);
    const n = d.length;
    const scale = norm(d, e);
    const { values, z } = solve(d, e, leaf);
    const sorted = values.slice().sort();
    sorted.forEach((value, i) => expect(Math.abs(value - eigenvalues[i]), `eigenvalue ${i}`).toBeLessThan(4 * n * EPS * scale));
    expect(residual(d, e, values, z) / scale).toBeLessThan(4 * n * EPS);
    expect(orthogonality(z, n)).toBeLessThan(4 * n * EPS);
  });

  it('keeps the eigenvalues of the graded matrix (190 decades) as accurate, relative to their size, as QL does', () => {
    const graded = fixture.cases.find(({ name }) => name === 'graded-40');
    if (graded === undefined) throw new Error('graded-40 missing from the fixture');
    const [d, e] = layout(graded.diagonal, graded.offDiagonal);
    const ql = d.slice();
    implicitQl(ql, e.slice());
    ql.sort();
    const relative = (values: Float64Array): number => Math.max(...graded.eigenvalues.map((exact, i) => Math.abs(values[i] - exact) / Math.abs(exact)));
    for (const leaf of [LEAF, 4]) {
      const values = solve(d, e, leaf).values.sort();
      // QL's worst relative error here is a few eps; divide and conquer may not lose more than 16x that.
      expect(relative(values), `leaf ${leaf}`).toBeLessThan(16 * Math.max(relative(ql), EPS));
    }
  });
});

describe('tridiagonalEigenvectors against QL on seeded random tridiagonals', () => {
  it('agrees on the eigenvalues to n eps ||T||, with residual and orthogonality at n eps, for leaves of 2 to 25 rows', () => {
    for (const n of [3, 26, 51, 150]) {
      for (const leaf of [2, 7, LEAF]) {
        const seed = 100 * n + leaf;
        const random = createRandom(seed);
        const [d, e] = layout(
          Array.from({ length: n }, () => random.normal()),
          Array.from({ length: n - 1 }, () => random.normal()),
        );
        const scale = norm(d, e);
        const ql = d.slice();
        implicitQl(ql, e.slice());
        ql.sort();
        const { values, z } = solve(d, e, leaf);
        const label = `n ${n}, leaf ${leaf}, seed ${seed}`;
        values.slice().sort().forEach((value, i) => expect(Math.abs(value - ql[i]), label).toBeLessThan(4 * n * EPS * scale));
        expect(residual(d, e, values, z) / scale, label).toBeLessThan(4 * n * EPS);
        expect(orthogonality(z, n), label).toBeLessThan(4 * n * EPS);
      }
    }
  });

  it('stays within n eps on seeded random structures: clusters with zero and 1e-8 couplings, entries over 20 decades, couplings of 1e-15 and 1e-12, a zero diagonal', () => {
    const structures: readonly ((random: ReturnType<typeof createRandom>, i: number, n: number) => [number, number])[] = [
      (random) => [Math.floor(random.uniform() * 3), random.uniform() < 0.1 ? 0 : 1e-8 * random.normal()],
      (random) => [random.normal() * 10 ** (-20 * random.uniform()), random.normal() * 10 ** (-20 * random.uniform())],
      (random) => [1, random.uniform() < 0.5 ? 1e-15 : 1],
      () => [0, 1],
      (random, i, n) => [Math.abs(i - n / 2), random.uniform() < 0.05 ? 1e-12 : 1],
    ];
    for (let seed = 1; seed <= 40; seed++) {
      const random = createRandom(seed);
      const n = 2 + Math.floor(random.uniform() * 120);
      const structure = structures[seed % structures.length];
      const entries = Array.from({ length: n }, (_, i) => structure(random, i, n));
      const [d, e] = layout(
        entries.map(([diagonal]) => diagonal),
        entries.slice(0, n - 1).map(([, coupling]) => coupling),
      );
      const scale = norm(d, e);
      for (const leaf of [3, LEAF]) {
        const { values, z } = solve(d, e, leaf);
        const label = `seed ${seed}, n ${n}, leaf ${leaf}`;
        expect(residual(d, e, values, z) / scale, label).toBeLessThan(4 * n * EPS);
        expect(orthogonality(z, n), label).toBeLessThan(4 * n * EPS);
      }
    }
  });

  it('returns exactly block-diagonal eigenvectors when a coupling is exactly zero, and the identity for a diagonal T', () => {
    const n = 60;
    const random = createRandom(9);
    const [d, e] = layout(
      Array.from({ length: n }, () => random.normal()),
      Array.from({ length: n - 1 }, (_, i) => (i === 29 ? 0 : random.normal())),
    );
    const { z } = solve(d, e, 4);
    for (let j = 0; j < n; j++) {
      let top = false;
      let bottom = false;
      for (let i = 0; i < n; i++) if (z[i * n + j] !== 0) (i < 30 ? () => (top = true) : () => (bottom = true))();
      expect(top !== bottom, `column ${j}`).toBe(true);
    }
    const diagonalOnly = solve(Float64Array.from({ length: 40 }, (_, i) => (i * 7) % 11), new Float64Array(40), 4);
    expect(Array.from(diagonalOnly.values)).toEqual(Array.from({ length: 40 }, (_, i) => (i * 7) % 11));
    diagonalOnly.z.forEach((entry, index) => expect(entry).toBe(index % 41 === 0 ? 1 : 0));
  });
});

describe('secularRoot', () => {
  /**
   * The 2 x 2 problem diag(0, 1) + rho z z^T: lambda^2 - (1 + rho (z_0^2 + z_1^2)) lambda + rho z_0^2 = 0
   * (z as rounded, so not exactly of norm 1), roots without cancellation.
   */
  function twoByTwo(z0: number, z1: number, rho: number): [number, number] {
    const sum = 1 + rho * (z0 * z0 + z1 * z1);
    const root = Math.sqrt(sum * sum - 4 * rho * z0 * z0);
    const large = (sum + root) / 2;
    return [(rho * z0 * z0) / large, large];
  }

  it('finds both roots of 2 x 2 problems, a root 1e-18 from its pole to full relative accuracy in d_j - lambda', () => {
    for (const [z0, rho] of [[0.6, 1], [1e-9, 1], [0.999, 1e-6], [0.3, 1e6]]) {
      const z1 = Math.sqrt(1 - z0 * z0);
      const d = Float64Array.of(0, 1);
      const z = Float64Array.of(z0, z1);
      const [small, large] = twoByTwo(z0, z1, rho);
      const delta = new Float64Array(2);
      // The solver stops at |f| <= 8 eps (1 + rho (phi - psi)). Near a root tau from its pole,
      // f' >= rho z_o^2 / tau^2 and rho |psi| is about rho z_o^2 / tau, so the stop leaves tau within
      // 8 eps (1 + rho (phi - psi)) tau^2 / (rho z_o^2), under 24 eps tau in these cases, plus the
      // reference's own few eps: relative accuracy, whatever the size of the root.
      const bound = 32 * EPS;
      const first = secularRoot(d, z, 2, rho, 0, delta);
      expect(Math.abs(first - small) / small, `z0 ${z0}, rho ${rho}`).toBeLessThan(bound);
      // delta[0] = 0 - lambda_0 to the same relative accuracy.
      expect(Math.abs(-delta[0] - small) / small, `z0 ${z0}, rho ${rho}`).toBeLessThan(bound);
      const second = secularRoot(d, z, 2, rho, 1, delta);
      expect(Math.abs(second - large) / large, `z0 ${z0}, rho ${rho}`).toBeLessThan(bound);
      expect(Math.abs(1 - delta[1] - large) / large, `z0 ${z0}, rho ${rho}`).toBeLessThan(bound);
    }
  });

  it('interlaces strictly with the poles and zeroes f to its rounding error on seeded random problems', () => {
    for (const k of [3, 10, 40]) {
      const seed = 500 + k;
      const random = createRandom(seed);
      const d = Float64Array.from({ length: k }, () => random.normal()).sort();
      const z = Float64Array.from({ length: k }, () => random.normal());
      const length = Math.hypot(...z);
      z.forEach((value, j) => (z[j] = value / length));
      const rho = Math.abs(random.normal()) + 0.1;
      const delta = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        const root = secularRoot(d, z, k, rho, i, delta);
        const label = `k ${k}, root ${i}, seed ${seed}`;
        expect(root, label).toBeGreaterThan(d[i]);
        expect(root, label).toBeLessThanOrEqual(i < k - 1 ? d[i + 1] : d[k - 1] + rho);
        let f = 1;
        let size = 1;
        for (let j = 0; j < k; j++) {
          f += (rho * z[j] * z[j]) / delta[j];
          size += Math.abs((rho * z[j] * z[j]) / delta[j]);
        }
        expect(Math.abs(f), label).toBeLessThan(16 * k * EPS * size);
      }
    }
  });
});
