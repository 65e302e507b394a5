/**
 * Robustness of the theorems layer: the planners of Theorems 3 and 4, their formulas (evaluated in
 * the extended reals, where the documented infinities are allowed), the spectral-shape detection,
 * plans as JSON and the incremental-learning report, driven with malformed and extreme arguments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import * as theorems from '../theorems/index.js';
import * as certify from '../theorems/certified/certifyWindow.js';
import * as windows from '../theorems/certified/certifiedWindows.js';
import * as alphaMax from '../theorems/certified/certifiedAlphaMax.js';
import { type RobustnessSpec, checkRobustness, exportsDefinedBy, robustnessCoverage } from '../testing/index.js';

const Y2 = () => [
  [10, 0],
  [0, 8],
];
const U0bar = () => [
  [1, 0.1],
  [0.2, 1],
];

/** Windows and intervals are ordered, and the last interval I_K is unbounded above. */
function expectPlan(result: unknown): void {
  const plan = result as theorems.TheoremPlan;
  for (const { start, end, nonEmpty } of plan.intervals) if (nonEmpty) expect(start).toBeLessThanOrEqual(end);
  // alpha_max may underflow to 0 for nearly repeated singular values (documented); logAlphaMax stays finite.
  if (plan.alphaMax !== null) expect(plan.alphaMax).toBeGreaterThanOrEqual(0);
  if (plan.logAlphaMax !== null) expect(Number.isFinite(plan.logAlphaMax)).toBe(true);
}

/** The documented infinity of a plan: the unbounded end of I_K (constants beyond the doubles are null, with their logarithms). */
const PLAN_INFINITIES = ['intervals[].end'];

const planInput = () => [{ Y: Y2(), U0bar: U0bar(), epsilon: 0.5, alpha: 1e-8 }];

const specs: Record<string, RobustnessSpec> = {
  alphaBounds: {
    parameters: ['constants', 'rho'],
    valid: () => [{ cEpsilon: 0.25, CEpsilon: 200, logc: Math.log(0.25), logC: Math.log(200), M: 2 }, 0.8],
    // The extended reals of the formulas: an infinite constant gives infinite logarithms (documented).
    infinite: ['logc', 'logC', 'logBound', 'logSeparation', 'logAlphaMax'],
  },
  alphaHypotheses: {
    parameters: ['condition'],
    valid: () => [{ logAlpha: -20, logBound: -5, boundName: 'c_eps', logc: -5, logC: 6, rho: 0.8, K: 2, atSupremum: false }],
    paths: { 'condition.boundName': { freeText: true }, 'condition.logAlpha': { nullable: true } },
  },
  learningIntervals: {
    parameters: ['sigma', 'logC', 'logc', 'logAlpha'],
    valid: () => [Float64Array.of(10, 8), Math.log(200), Math.log(0.25), -20],
    infinite: ['[].end'],
  },
  separationRatio: {
    parameters: ['sigma'],
    valid: () => [Float64Array.of(10, 8, 2)],
  },
  theorem3Constants: {
    parameters: ['sigma1', 'sigma0Max', 'sigma0Min', 'epsilon'],
    valid: () => [10, 2, 1, 0.5],
    infinite: ['cEpsilon', 'CEpsilon', 'logc', 'logC'],
  },
  theorem3Plan: {
    parameters: ['input'],
    valid: () => [{ sigmaY: [10, 8, 6], sigma0: [1, 2, 1], epsilon: 0.5, alpha: 1e-8 }],
    infinite: PLAN_INFINITIES,
    check: expectPlan,
  },
  initializationM: {
    parameters: ['largest', 'smallest'],
    valid: () => [2, 0.5],
    // M = Infinity when s_min = 0 (a singular W0), as documented.
    infinite: [''],
  },
  theorem4Constants: {
    parameters: ['sigma1', 'M', 'epsilon'],
    valid: () => [2, 1, 0.5],
    infinite: ['cEpsilon', 'CEpsilon', 'M', 'logc', 'logC'],
  },
  theorem4Plan: {
    parameters: ['input'],
    valid: planInput,
    infinite: PLAN_INFINITIES,
    check: expectPlan,
  },
  spectralShape: {
    parameters: ['input'],
    valid: planInput,
    infinite: PLAN_INFINITIES.map((path) => `plan.${path}`),
  },
  planToJson: {
    parameters: ['plan'],
    valid: () => [theorems.theorem3Plan({ sigmaY: [10, 8], sigma0: [1, 1], epsilon: 0.5 })],
    paths: Object.fromEntries(['cEpsilon', 'CEpsilon', 'logcEpsilon', 'logCEpsilon', 'alphaMax', 'logAlphaMax', 'alpha', 'logAlpha'].map((field) => [`plan.${field}`, { nullable: true }])),
    check: (result) => expect(JSON.parse(JSON.stringify(result))).toEqual(result),
    // Plans the planners make at their edges: a repeated singular value, no admissible alpha, C_eps beyond the doubles.
    cases: fc.constantFrom(
      () => [theorems.theorem3Plan({ sigmaY: [1, 1], sigma0: [1, 1], epsilon: 0.5 })],
      () => [theorems.theorem3Plan({ sigmaY: [10, 8], sigma0: [1, 1], epsilon: 5e-324 })],
      () => [theorems.theorem4Plan({ Y: [[10, 0], [0, 8]], U0bar: [[1, 0], [0, 0]], epsilon: 0.5 })],
      () => [theorems.theorem4Plan({ Y: [[10, 0], [0, 8]], U0bar: [[1, 0.1], [0.2, 1]], epsilon: 0.5, alpha: 1e-300 })],
    ).map((make) => make()),
  },
  incrementalLearningReport: {
    parameters: ['options'],
    valid: planInput,
    numRuns: 20,
  },
};

describe('robustness of theorems', () => {
  it('has a spec for every export', () => {
    // The certified windows have their own file (certified.test.ts).
    const certified = exportsDefinedBy(theorems, certify, windows, alphaMax);
    const planners = Object.fromEntries(Object.entries(theorems).filter(([name]) => !(name in certified)));
    expect(robustnessCoverage(planners, specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, theorems[name as keyof typeof theorems] as (...args: never[]) => unknown, spec));
  }
});
