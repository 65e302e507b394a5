import { describe, expect, it } from 'vitest';

import { blockedSolveInto, solveUpperRightInto } from './triangular.js';
import { createRandom } from '../random.js';

const EPS = Number.EPSILON;

/** A seeded integer in [-9, 9]. */
function digit(random: ReturnType<typeof createRandom>): number {
  return Math.floor(random.uniform() * 19) - 9;
}

describe('solveUpperRightInto', () => {
  it('recovers an integer X exactly from B = X R (R integer, diagonal +-1, +-2, +-4), rows scaled to 2^996, 2^-1000 and subnormal', () => {
    // Every partial sum b_j - x_k R_kj - ... is an integer (times the row's power of 2) far below
    // 2^53, and each division by R_jj is exact, so any order of the sums gives X bit for bit:
    // blocks of 32 columns cross four block boundaries at r = 130.
    const [n, r] = [150, 130];
    const random = createRandom(130);
    const triangle = new Float64Array(r * r);
    for (let i = 0; i < r; i++) {
      triangle[i * r + i] = (random.uniform() < 0.5 ? -1 : 1) * 2 ** Math.floor(random.uniform() * 3);
      for (let j = i + 1; j < r; j++) triangle[i * r + j] = digit(random);
    }
    const rowScale = (i: number) => (i === 7 ? 2 ** 996 : i === 8 ? 2 ** -1000 : i === 9 ? 2 ** -1060 : 1);
    const x = Float64Array.from({ length: n * r }, (_, index) => digit(random) * rowScale(Math.floor(index / r)));
    const b = new Float64Array(n * r);
    for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) for (let k = 0; k <= j; k++) b[i * r + j] += x[i * r + k] * triangle[k * r + j];
    expect(b[9 * r + 5] / 2 ** -1060).toBe(Math.round(b[9 * r + 5] / 2 ** -1060));
    // A zero x_j comes out as 0 / R_jj, -0 when R_jj < 0: compared as numbers (v + 0 maps -0 to 0).
    const numbers = (v: Float64Array) => Array.from(v, (entry) => entry + 0);
    for (const block of [1, 16, 32, r]) expect(numbers(blockedSolveInto(b.slice(), triangle, n, r, block)), `block ${block}`).toEqual(numbers(x));
    expect(numbers(solveUpperRightInto(b.slice(), triangle, n, r))).toEqual(numbers(x));
  });

  it('has a componentwise small residual and agrees with substitution alone (seeded Gaussian B, R with diagonal in [1, 2])', () => {
    for (const [n, r, seed] of [[97, 64, 1], [200, 130, 2], [33, 200, 3]]) {
      const random = createRandom(seed);
      const b = Float64Array.from({ length: n * r }, () => random.normal());
      const triangle = new Float64Array(r * r);
      for (let i = 0; i < r; i++) for (let j = i; j < r; j++) triangle[i * r + j] = i === j ? 1 + random.uniform() : random.normal() / Math.sqrt(r);
      const substituted = blockedSolveInto(b.slice(), triangle, n, r, r);
      for (const solved of [blockedSolveInto(b.slice(), triangle, n, r, 16), solveUpperRightInto(b.slice(), triangle, n, r)]) {
        // Higham, Theorem 8.5: X (R + dR) = B with |dR| <= gamma_r |R| row by row, so
        // |X R - B| <= gamma_r |X| |R|; evaluating the residual adds gamma_{r+1} (|X| |R| + |B|).
        let largest = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < r; j++) {
            let residual = -b[i * r + j];
            let size = Math.abs(b[i * r + j]);
            for (let k = 0; k <= j; k++) {
              residual += solved[i * r + k] * triangle[k * r + j];
              size += Math.abs(solved[i * r + k] * triangle[k * r + j]);
            }
            expect(Math.abs(residual), `seed=${seed} (${i}, ${j})`).toBeLessThanOrEqual(3 * (r + 1) * EPS * size);
            largest = Math.max(largest, Math.abs(substituted[i * r + j]));
          }
        }
        let gap = 0;
        for (let index = 0; index < n * r; index++) gap = Math.max(gap, Math.abs(solved[index] - substituted[index]));
        expect(gap / largest, `seed=${seed}`).toBeLessThanOrEqual(16 * r * EPS);
      }
    }
  });
});
