/**
 * Robustness of the udv layer's data side: measurement operators, least-squares problems, their
 * generators and the spectrum metrics, driven with malformed and extreme arguments. The models,
 * training and experiments are in udvTraining.test.ts; together the two files cover every export
 * of the layer (checked in each against the modules it covers).
 */
import { describe, expect, it } from 'vitest';

import * as udv from '../udv/index.js';
import * as lowRankMetrics from '../udv/lowRankMetrics.js';
import * as operator from '../udv/measurements/operator.js';
import * as problem from '../udv/measurements/problem.js';
import * as problems from '../udv/problems.js';
import { type RobustnessSpec, checkRobustness, exportsDefinedBy, robustnessCoverage } from '../testing/index.js';

const entries = (): udv.MeasurementOperator => ({ kind: 'entries', rows: 2, columns: 3, rowIndex: Int32Array.of(0, 1, 1), columnIndex: Int32Array.of(0, 2, 1) });
const X = () => Float64Array.of(1, 2, 3, 4, 5, 6);
const factor = (rows: number) => Float64Array.from({ length: rows }, (_, i) => i + 1);
/** truth and truthRank are `| null` in a problem: null is a value there. */
const PROBLEM_NULLABLE = { 'problem.truth': { nullable: true }, 'problem.truthRank': { nullable: true } };
const completion = () => udv.completionProblem({ rows: 4, columns: 4, rank: 1, observed: 8, seed: 1, noise: 0, symmetric: false });

const specs: Record<string, RobustnessSpec> = {
  measurementCount: { parameters: ['operator'], valid: () => [entries()] },
  measure: {
    parameters: ['operator', 'X'],
    valid: () => [entries(), X()],
    // Entries (0, 0), (1, 2), (1, 1) of the row-major 2 x 3 X, whatever its scale.
    check: (result, [, matrix]) => {
      const x = matrix as Float64Array;
      expect(Array.from(result as Float64Array)).toEqual([x[0], x[5], x[4]]);
    },
  },
  measureFactored: { parameters: ['operator', 'L', 'R', 'k'], valid: () => [entries(), factor(2), factor(3), 1] },
  adjoint: { parameters: ['operator', 'residual'], valid: () => [entries(), Float64Array.of(1, 2, 3)] },
  adjointTimes: { parameters: ['operator', 'residual', 'R', 'k'], valid: () => [entries(), Float64Array.of(1, 2, 3), factor(3), 1] },
  adjointTransposeTimes: { parameters: ['operator', 'residual', 'L', 'k'], valid: () => [entries(), Float64Array.of(1, 2, 3), factor(2), 1] },
  validateProblem: {
    parameters: ['problem', 'argument'],
    valid: () => [completion(), 'problem'],
    paths: { ...PROBLEM_NULLABLE, argument: { freeText: true } },
  },
  leastSquaresLoss: { parameters: ['problem', 'X'], valid: () => [completion(), new Float64Array(16)], paths: PROBLEM_NULLABLE },
  testError: { parameters: ['problem', 'X'], valid: () => [completion(), new Float64Array(16)], paths: PROBLEM_NULLABLE },
  completionProblem: {
    parameters: ['options'],
    valid: () => [{ rows: 4, columns: 4, rank: 1, observed: 8, seed: 1, noise: 0.01, symmetric: false }],
  },
  sensingProblem: { parameters: ['options'], valid: () => [{ size: 3, rank: 1, measurements: 6, seed: 1, noise: 0.01 }] },
  regressionProblem: { parameters: ['options'], valid: () => [{ outputs: 2, inputs: 3, rank: 1, samples: 5, seed: 1, noise: 0.01 }] },
  singularSpectrum: {
    parameters: ['X', 'rows', 'columns'],
    valid: () => [X(), 2, 3],
    check: (result, [matrix]) => {
      // sigma_1 <= ||X||_F, and the values decrease.
      const values = result as Float64Array;
      const frobenius = Math.hypot(...(matrix as Float64Array));
      if (Number.isFinite(frobenius)) expect(values[0]).toBeLessThanOrEqual(frobenius * (1 + 1e-12));
      for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    },
  },
  numericalRank: { parameters: ['singularValues', 'tolerance'], valid: () => [Float64Array.of(3, 1, 1e-12), 1e-10] },
  effectiveRank: {
    parameters: ['singularValues'],
    valid: () => [Float64Array.of(3, 1, 0)],
    // In [1, count] for a non-zero spectrum (0 for the zero one), whatever its scale.
    check: (result, [values]) => {
      const spectrum = values as Float64Array;
      const zero = spectrum.every((value) => value === 0);
      expect(result as number).toBeGreaterThanOrEqual(zero ? 0 : 1 - 1e-12);
      expect(result as number).toBeLessThanOrEqual(zero ? 0 : spectrum.length * (1 + 1e-12));
    },
  },
  exactZeros: { parameters: ['d'], valid: () => [Float64Array.of(1, 0, 2)] },
  spectrumReport: {
    parameters: ['X', 'rows', 'columns', 'options'],
    valid: () => [X(), 2, 3, { tolerance: 1e-10, truthRank: 1, d: Float64Array.of(1, 0) }],
  },
};

describe('robustness of udv: measurements, problems, spectrum metrics', () => {
  it('has a spec for every export of the modules it covers', () => {
    expect(robustnessCoverage(exportsDefinedBy(udv, operator, problem, problems, lowRankMetrics), specs)).toEqual({ missing: [], stale: [], unexplained: [] });
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(name, () => checkRobustness(name, udv[name as keyof typeof udv] as (...args: never[]) => unknown, spec));
  }
});
