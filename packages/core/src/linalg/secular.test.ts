import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { secularRoot } from './secular.js';

/** Secular equations with their roots from mpmath (scripts/secular_reference.py). */
interface SecularCase {
  readonly name: string;
  readonly poles: number[];
  readonly weights: number[];
  readonly rho: number;
  readonly roots: { root: number; nearest: number; gap: number }[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/secular-reference.json', import.meta.url), 'utf8')) as { cases: SecularCase[] };

const EPS = Number.EPSILON;

describe('secularRoot against mpmath on hard secular equations', () => {
  for (const { name, poles, weights, rho, roots } of fixture.cases) {
    it(`${name}: each root to 4 k eps (max |d| + rho), its distance to the nearer pole to a few eps relative`, () => {
      const k = poles.length;
      const d = Float64Array.from(poles);
      const z = Float64Array.from(weights);
      const spread = Math.max(...poles.map(Math.abs)) + rho;
      roots.forEach(({ root, nearest, gap }, i) => {
        const delta = new Float64Array(k);
        const value = secularRoot(d, z, k, rho, i, delta);
        expect(Math.abs(value - root), `root ${i} of ${k}: ${value} vs ${root}`).toBeLessThanOrEqual(4 * k * EPS * spread);
        // The relative accuracy of d_o - lambda is what Gu and Eisenstat's eigenvectors divide by.
        expect(Math.abs(delta[nearest] - gap), `d_${nearest} - lambda_${i}: ${delta[nearest]} vs ${gap}`).toBeLessThanOrEqual(16 * k * EPS * Math.abs(gap));
      });
    });
  }
});
