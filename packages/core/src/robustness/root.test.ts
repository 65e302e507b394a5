/**
 * Robustness of the root modules (errors, validation, random) and the completeness of the whole
 * suite: every function the package entry exports is either a root function with a spec here or
 * comes from a layer, whose own robustness file covers it.
 */
import type { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import * as core from '../index.js';
import * as flow from '../flow/index.js';
import * as linalg from '../linalg/index.js';
import * as ode from '../ode/index.js';
import * as theorems from '../theorems/index.js';
import * as udv from '../udv/index.js';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '../testing/index.js';

const specs: Record<string, RobustnessSpec> = {
  createRandom: {
    parameters: ['seed'],
    valid: () => [42],
    check: (result) => {
      const random = result as core.RandomSource;
      const uniform = random.uniform();
      expect(uniform).toBeGreaterThanOrEqual(0);
      expect(uniform).toBeLessThan(1);
      expect(Number.isFinite(random.normal())).toBe(true);
    },
  },
  gaussianInit: {
    parameters: ['n', 'r', 'alpha', 'seed'],
    valid: () => [3, 2, 1e-6, 42],
    check: (result, [n, r]) => {
      expect((result as Matrix).rows).toBe(n);
      expect((result as Matrix).columns).toBe(r);
    },
  },
};

/** The error classes are how the package reports bad input; they take any code, argument and message. */
const excluded: Record<string, string> = {
  FactorflowError: 'the abstract base of the typed errors: it is thrown by nothing and constructed only through its subclasses',
  FactorflowInputError: 'the typed input error itself: its constructor records what a check found and computes nothing',
  FactorflowNumericalError: 'the typed numerical error itself: its constructor records what a method found and computes nothing',
};

describe('robustness of the root modules', () => {
  it('leaves no export of @factorflow/core without a spec, here or in its layer', () => {
    const layers = { ...linalg, ...ode, ...flow, ...theorems, ...udv };
    const root = Object.fromEntries(Object.entries(core).filter(([name]) => !(name in layers)));
    expect(robustnessCoverage(root, specs, excluded)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, core[name as keyof typeof core] as (...args: never[]) => unknown, spec));
  }
});
