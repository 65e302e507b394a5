/**
 * Robustness of the flow layer: the closed form, Corollary 2, the ODE and GD routes, the
 * initializations and the measured windows driven with malformed and extreme arguments.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import * as asymmetric from '../flow/asymmetric/index.js';
import * as flow from '../flow/index.js';
import { symmetricEigen } from '../linalg/index.js';
import { type RobustnessSpec, checkRobustness, robustnessCoverage } from '../testing/index.js';

const Y2 = () => [
  [2, 0.5],
  [0.5, 1],
];
const U0 = () => [
  [1e-3, 0],
  [0, 2e-3],
];

/** W is symmetric and PSD up to rounding relative to its own size. */
function expectSymmetricPsd(W: Matrix): void {
  const scale = Math.max(W.max(), -W.min());
  if (scale === 0) return;
  const unit = W.clone().div(scale);
  const asymmetry = unit.clone().sub(unit.transpose());
  expect(Math.max(asymmetry.max(), -asymmetry.min())).toBeLessThanOrEqual(1e-13);
  const { values } = symmetricEigen(unit.add(unit.transpose()).div(2));
  expect(values[values.length - 1]).toBeGreaterThanOrEqual(-1e-12 * W.rows);
}

/** A problem rescaled as a whole: Y by 10^e, U0 by 10^(e/2), so the flow is the same up to time 10^-e. */
const rescaledProblem = fc.integer({ min: -300, max: 300 }).map((exponent) => ({
  Y: Y2().map((row) => row.map((x) => x * 10 ** exponent)),
  U0: U0().map((row) => row.map((x) => x * 10 ** (exponent / 2))),
  exponent,
}));

const specs: Record<string, RobustnessSpec> = {
  riccatiModel: {
    parameters: ['Y', 'init'],
    valid: () => [Y2(), { U0: U0() }],
    cases: fc.oneof(
      rescaledProblem.map(({ Y, U0 }) => [Y, { U0 }]),
      fc.constant([Y2(), { W0: [[1e-6, 0], [0, 4e-6]] }]),
    ),
  },
  eigenbasisFactorEvaluator: {
    parameters: ['model'],
    valid: () => [flow.riccatiModel(Y2(), { U0: U0() })],
    // The evaluator reads n, rank, lambda, phi, pivots and factor; the conditioning record is for the caller.
    paths: { 'model.conditioning': { anyKind: true } },
    check: (result) => {
      const evaluate = result as (t: number) => Float64Array;
      for (const t of [0, 1, 1e3]) expect(evaluate(t).every(Number.isFinite)).toBe(true);
    },
  },
  riccatiClosedForm: {
    parameters: ['Y', 'init', 't'],
    valid: () => [Y2(), { U0: U0() }, 5],
    check: (result) => expectSymmetricPsd(result as Matrix),
    cases: rescaledProblem.map(({ Y, U0, exponent }) => [Y, { U0 }, 5 * 10 ** -exponent]),
  },
  closedFormTrajectory: {
    parameters: ['Y', 'init', 'times', 'options'],
    valid: () => [Y2(), { U0: U0() }, [0, 1, 5], { matrices: true, spectrum: true }],
    check: (result) => (result as flow.ClosedFormTrajectory).W.forEach(expectSymmetricPsd),
    cases: rescaledProblem.map(({ Y, U0, exponent }) => [Y, { U0 }, [0, 10 ** -exponent, 5 * 10 ** -exponent]]),
  },
  scalarTrajectory: {
    parameters: ['mode', 't'],
    valid: () => [{ sigmaY: 1, sigma0: 1, alpha: 1e-6 }, 5],
    check: (result, [mode]) => {
      // sigma' = 2 sigma (sigma_Y - sigma) keeps sigma between its start and sigma_Y.
      const { sigmaY, sigma0, alpha } = mode as flow.ScalarMode;
      expect(result as number).toBeGreaterThanOrEqual(0);
      if (sigmaY >= 0) expect(result as number).toBeLessThanOrEqual(Math.max(sigmaY, alpha * sigma0) * (1 + 1e-12));
    },
  },
  integrateGradientFlow: {
    parameters: ['Y', 'U0', 'options'],
    valid: () => [Y2(), U0(), { times: [0, 1], rtol: 1e-8, atol: 1e-12, dense: true, maxSteps: 1e4 }],
    paths: { 'options.maxSteps': { maxWork: 1e5 } },
    check: (result) => (result as flow.GradientFlowTrajectory).W.forEach(expectSymmetricPsd),
  },
  gradientDescent: {
    parameters: ['Y', 'U0', 'options'],
    valid: () => [Y2(), U0(), { eta: 0.01, steps: 50, record: 10 }],
    paths: { 'options.steps': { maxWork: 1e4 }, 'options.record': { maxWork: 1e4 } },
    check: (result) => expectSymmetricPsd((result as flow.GradientDescentResult).W),
  },
  spectralInit: {
    parameters: ['Y', 'sigma0', 'alpha'],
    valid: () => [Y2(), [1, 0.5], 1e-3],
  },
  measuredWindows: {
    parameters: ['Y', 'init', 'epsilon', 'options'],
    valid: () => [Y2(), { U0: U0() }, 0.1, { gridSize: 64, relativeTolerance: 1e-6 }],
    paths: { 'options.gridSize': { maxWork: 4096 } },
    infinite: ['perRank[].windows[].end'],
    check: (result) => {
      for (const rank of (result as flow.MeasuredWindows).perRank) for (const { start, end } of rank.windows) expect(start).toBeLessThanOrEqual(end);
    },
    numRuns: 20,
  },
  compareRoutes: {
    parameters: ['Y', 'U0', 'times', 'options'],
    valid: () => [Y2(), U0(), [0, 1], { routes: ['ode', 'gd'], eta: 1e-2, ode: { rtol: 1e-8, maxSteps: 1e4 } }],
    paths: { 'options.ode.maxSteps': { maxWork: 1e5 } },
    numRuns: 20,
  },
};

describe('robustness of flow', () => {
  it('has a spec for every export', () => {
    // The asymmetric flow's exports have their own file (asymmetric.test.ts).
    const symmetric = Object.fromEntries(Object.entries(flow).filter(([name]) => !(name in asymmetric)));
    expect(robustnessCoverage(symmetric, specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, flow[name as keyof typeof flow] as (...args: never[]) => unknown, spec));
  }
});
