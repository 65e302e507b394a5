/**
 * Robustness of the asymmetric flow (flow/asymmetric): the balanced closed form, balanced starts,
 * the ODE and GD routes and the windows, driven with malformed and extreme arguments.
 */
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';

import * as asymmetric from '../flow/asymmetric/index.js';
import * as flow from '../flow/index.js';
import { type RobustnessSpec, checkRobustness, exportsDefinedBy, robustnessCoverage } from '../testing/index.js';

const Y23 = () => [
  [2, 0.5, 0],
  [0.3, 1, 0.2],
];
/** A balanced start for Y23: U0^T U0 = V0^T V0 = diag(1e-6, 4e-6). */
const start = () => ({
  U0: [
    [1e-3, 0],
    [0, 2e-3],
  ],
  V0: [
    [0, 2e-3],
    [1e-3, 0],
    [0, 0],
  ],
});

/** A problem rescaled as a whole: Y by 10^e, the factors by 10^(e/2), so the flow is the same up to time 10^-e. */
const rescaled = fc.integer({ min: -300, max: 300 }).map((exponent) => {
  const { U0, V0 } = start();
  const factor = 10 ** (exponent / 2);
  return {
    Y: Y23().map((row) => row.map((x) => x * 10 ** exponent)),
    U0: U0.map((row) => row.map((x) => x * factor)),
    V0: V0.map((row) => row.map((x) => x * factor)),
    exponent,
  };
});

const finiteMatrix = (matrix: Matrix): void => expect(matrix.to1DArray().every(Number.isFinite)).toBe(true);

const specs: Record<string, RobustnessSpec> = {
  imbalance: {
    parameters: ['U0', 'V0'],
    valid: () => [start().U0, start().V0],
    check: (result) => finiteMatrix(result as Matrix),
  },
  balancedClosedForm: {
    parameters: ['Y', 'start', 't'],
    valid: () => [Y23(), start(), 5],
    check: (result) => finiteMatrix(result as Matrix),
    cases: rescaled.map(({ Y, U0, V0, exponent }) => [Y, { U0, V0 }, 5 * 10 ** -exponent]),
  },
  balancedTrajectory: {
    parameters: ['Y', 'start', 'times', 'options'],
    valid: () => [Y23(), start(), [0, 1, 5], { matrices: true }],
    check: (result) => {
      for (const values of (result as asymmetric.BalancedTrajectory).singularValuesX) for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    },
    cases: rescaled.map(({ Y, U0, V0, exponent }) => [Y, { U0, V0 }, [0, 10 ** -exponent, 5 * 10 ** -exponent]]),
  },
  balancedInit: {
    parameters: ['m', 'n', 'r', 'alpha', 'seed'],
    valid: () => [2, 3, 2, 1e-6, 7],
    paths: { m: { maxWork: 1e3 }, n: { maxWork: 1e3 }, r: { maxWork: 1e3 } },
  },
  spectralBalancedInit: {
    parameters: ['Y', 'sigma0', 'alpha'],
    valid: () => [Y23(), [1, 0.5], 1e-3],
  },
  integrateAsymmetricFlow: {
    parameters: ['Y', 'U0', 'V0', 'options'],
    valid: () => [Y23(), start().U0, start().V0, { times: [0, 1, 5], rtol: 1e-8, atol: 1e-14, maxSteps: 1e4 }],
    paths: { 'options.maxSteps': { maxWork: 1e5 } },
    check: (result) => (result as asymmetric.AsymmetricFlowTrajectory).X.forEach(finiteMatrix),
  },
  asymmetricGradientDescent: {
    parameters: ['Y', 'U0', 'V0', 'options'],
    valid: () => [Y23(), start().U0, start().V0, { eta: 0.01, steps: 50, record: 10 }],
    paths: { 'options.steps': { maxWork: 1e4 }, 'options.record': { maxWork: 1e4 } },
    check: (result) => finiteMatrix((result as asymmetric.AsymmetricDescentResult).X),
  },
  asymmetricWindows: {
    parameters: ['Y', 'start', 'epsilon', 'options'],
    valid: () => [Y23(), start(), 0.1, { gridSize: 64, relativeTolerance: 1e-6 }],
    paths: { 'options.gridSize': { maxWork: 4096 } },
    infinite: ['perRank[].windows[].end'],
    check: (result) => {
      for (const rank of (result as flow.MeasuredWindows).perRank) for (const { start: from, end } of rank.windows) expect(from).toBeLessThanOrEqual(end);
    },
    numRuns: 20,
  },
  imbalanceDeviation: {
    parameters: ['Y', 'start', 'times', 'options'],
    valid: () => [Y23(), start(), [0, 1, 5], { rtol: 1e-8, maxSteps: 1e4 }],
    paths: { 'options.maxSteps': { maxWork: 1e5 } },
    check: (result) => expect((result as asymmetric.ImbalanceDeviation).deviation.every((value) => value >= 0)).toBe(true),
    numRuns: 20,
  },
};

describe('robustness of the asymmetric flow', () => {
  it('has a spec for every export of flow/asymmetric, and flow.test.ts covers the rest of the layer', () => {
    expect(robustnessCoverage(exportsDefinedBy(flow, asymmetric), specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, asymmetric[name as keyof typeof asymmetric] as (...args: never[]) => unknown, spec));
  }
});
