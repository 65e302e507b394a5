import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { pivotedLowerFactor } from './factorization.js';

const UNIT_ROUNDOFF = 2 ** -53;

describe('pivotedLowerFactor: the reflections and their noise bound', () => {
  // U~ = [[3, 4], s [1, 2]]: the first reflection (length m = 2) adds (10 m + 40) u ||(s, 2 s)||
  // = 60 u sqrt(5) s to row 1, whose part orthogonal to row 0 is |1 * 4 - 2 * 3| s / 5 = 0.4 s,
  // and whose component along it (3 + 8) s / 5 = 2.2 s (hand-computed).
  for (const s of [1, 1e-200]) {
    it(`row scale ${s}: bound grown by 60 u sqrt(5) s, factor reproduces U~ U~^T${s < 1e-150 ? ' (squares underflow: the scaled norm)' : ''}`, () => {
      const { factor, pivots, reflectionNoise, hidden } = pivotedLowerFactor(Float64Array.of(3, 4, s, 2 * s), 2, 2, new Float64Array(2));
      expect(Array.from(pivots)).toEqual([0, 1]);
      expect(Array.from(hidden)).toEqual([0, 0]);
      expect(reflectionNoise[0]).toBe(0);
      expect(reflectionNoise[1] / (60 * UNIT_ROUNDOFF * Math.sqrt(5) * s)).toBeCloseTo(1, 12);
      expect(Math.abs(factor[0])).toBeCloseTo(5, 14);
      expect(factor[1]).toBe(0);
      expect(Math.abs(factor[2]) / (2.2 * s)).toBeCloseTo(1, 13);
      expect(Math.abs(factor[3]) / (0.4 * s)).toBeCloseTo(1, 12);
    });
  }

  it('random U~ (odd row counts, paired and single rows): L L^T = U~ U~^T, pivots the first r rows', () => {
    for (const seed of [1, 2, 3]) {
      const random = createRandom(seed);
      const [n, r] = [7 + 2 * seed, 3 + seed];
      const projected = Float64Array.from({ length: n * r }, () => random.normal());
      const { factor, pivots, reflectionNoise } = pivotedLowerFactor(projected, n, r, new Float64Array(n));
      expect(Array.from(pivots), `seed ${seed}`).toEqual(Array.from({ length: r }, (_, j) => j));
      for (let i = 0; i < n; i++) {
        for (let k = 0; k <= i; k++) {
          let exact = 0;
          let ours = 0;
          for (let c = 0; c < r; c++) {
            exact += projected[i * r + c] * projected[k * r + c];
            ours += factor[i * r + c] * factor[k * r + c];
          }
          expect(Math.abs(ours - exact), `seed ${seed}, entry (${i}, ${k})`).toBeLessThan(1e-12 * r);
        }
      }
      // Every row below the first met at least one reflection with a non-zero dot product.
      for (let i = 1; i < n; i++) expect(reflectionNoise[i], `seed ${seed}, row ${i}`).toBeGreaterThan(0);
    }
  });
});
