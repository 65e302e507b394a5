import { describe, expect, it } from 'vitest';

import { createRandom } from '../random.js';
import { compactWYFactorInto } from './compactWY.js';

/** H_0 ... H_{w-1} for H_j = I - tau_j v_j v_j^T (v_j in column j of row-major m x w `v`), formed one reflector at a time. */
function reflectorProduct(v: Float64Array, m: number, w: number, taus: Float64Array): Float64Array {
  const q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) q[i * m + i] = 1;
  // Q := Q H_j, in order j = 0..w-1.
  for (let j = 0; j < w; j++) {
    for (let i = 0; i < m; i++) {
      let dot = 0;
      for (let l = 0; l < m; l++) dot += q[i * m + l] * v[l * w + j];
      for (let l = 0; l < m; l++) q[i * m + l] -= taus[j] * dot * v[l * w + j];
    }
  }
  return q;
}

describe('compactWYFactorInto: I - V T V^T is the product of the reflectors (dlarft)', () => {
  it.each([1, 2, 5, 16, 33])('w = %i, random unit V and taus in [0, 2], some zero (seed 40 + w)', (w) => {
    const seed = 40 + w;
    const random = createRandom(seed);
    const m = w + 7;
    const v = Float64Array.from({ length: m * w }, () => random.normal());
    // Unit columns and tau in [0, 2]: every H_j has norm at most 1, so both sides stay O(1).
    for (let j = 0; j < w; j++) {
      let norm = 0;
      for (let l = 0; l < m; l++) norm += v[l * w + j] ** 2;
      for (let l = 0; l < m; l++) v[l * w + j] /= Math.sqrt(norm);
    }
    const taus = Float64Array.from({ length: w }, (_, j) => (j % 4 === 3 ? 0 : 2 * random.uniform()));
    const gram = new Float64Array(w * w);
    for (let i = 0; i < w; i++) for (let j = 0; j < w; j++) for (let l = 0; l < m; l++) gram[i * w + j] += v[l * w + i] * v[l * w + j];
    const t = compactWYFactorInto(gram, w, taus, 0, new Float64Array(w * w));
    const expected = reflectorProduct(v, m, w, taus);
    let worst = 0;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        let vtv = 0;
        for (let i = 0; i < w; i++) for (let j = i; j < w; j++) vtv += v[a * w + i] * t[i * w + j] * v[b * w + j];
        worst = Math.max(worst, Math.abs((a === b ? 1 : 0) - vtv - expected[a * m + b]));
      }
    }
    expect(worst, `seed ${seed}`).toBeLessThanOrEqual(4 * m * w * Number.EPSILON);
    for (let j = 0; j < w; j++) {
      if (taus[j] === 0) for (let i = 0; i < w; i++) expect(t[i * w + j], `seed ${seed}`).toBe(0);
      for (let i = j + 1; i < w; i++) expect(t[i * w + j]).toBe(0);
    }
  });

  it('a constant tau equals the same tau given per reflector, bit for bit', () => {
    const random = createRandom(7);
    const w = 9;
    const gram = Float64Array.from({ length: w * w }, () => random.normal());
    const constant = compactWYFactorInto(gram, w, 2, 0, new Float64Array(w * w));
    const perReflector = compactWYFactorInto(gram, w, Float64Array.from({ length: w + 3 }, () => 2), 3, new Float64Array(w * w));
    expect(Array.from(constant)).toEqual(Array.from(perReflector));
  });
});
