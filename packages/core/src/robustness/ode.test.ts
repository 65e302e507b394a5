/** Robustness of the ode layer: the Dormand-Prince integrator driven with malformed and extreme arguments. */
import { describe, expect, it } from 'vitest';

import * as ode from '../ode/index.js';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '../testing/index.js';

const specs: Record<string, RobustnessSpec> = {
  dormandPrince: {
    parameters: ['rhs', 'y0', 'times', 'options'],
    valid: () => [
      (_t: number, y: Float64Array, dydt: Float64Array) => {
        dydt[0] = -y[0];
      },
      Float64Array.of(1),
      [0, 0.5, 1],
      { rtol: 1e-8, atol: 1e-10, maxSteps: 1000, initialStep: 0.01, dense: true },
    ],
    paths: { 'options.maxSteps': { maxWork: 1e5 } },
    check: (result, [, , times]) => {
      const { states } = result as ode.DormandPrinceResult;
      expect(states.length).toBe((times as ArrayLike<number>).length);
    },
  },
};

describe('robustness of ode', () => {
  it('has a spec for every export', () => {
    expect(robustnessCoverage(ode, specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, ode[name as keyof typeof ode] as (...args: never[]) => unknown, spec));
  }
});
