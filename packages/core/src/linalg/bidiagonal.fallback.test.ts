import { describe, expect, it, vi } from 'vitest';

import { singularValuesOf } from './bidiagonal.js';

// dqds gives up only when its budget of transforms runs out, which no known input reaches since it
// splits at zero couplings: make it give up always, so that the QL route it falls back to is checked.
vi.mock('./dqds.js', () => ({ dqdsSquaredSingularValues: () => false }));

describe('singularValuesOf when dqds gives up', () => {
  it('falls back to QL on the Golub-Kahan tridiagonal: 2 cos(j pi / 9) for the 4 x 4 bidiagonal d = b = 1', () => {
    const bidiagonal = Float64Array.of(1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1);
    const values = singularValuesOf(bidiagonal, 4, 4);
    [1, 2, 3, 4].forEach((j, i) => expect(values[i]).toBeCloseTo(2 * Math.cos((j * Math.PI) / 9), 14));
  });

  it('falls back for a rank-one matrix: sigma = (15, 0, 0) for x y^T with ||x|| = 3, ||y|| = 5', () => {
    const x = [1, 2, 2];
    const y = [3, 0, 4];
    const values = singularValuesOf(Float64Array.from(x.flatMap((xi) => y.map((yj) => xi * yj))), 3, 3);
    expect(values[0]).toBeCloseTo(15, 13);
    expect(values[1]).toBeLessThan(1e-14 * 15);
    expect(values[2]).toBeGreaterThanOrEqual(0);
  });
});
