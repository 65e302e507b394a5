import { describe, expect, it } from 'vitest';

import type { EntryMeasurements } from './entries.js';
import { type LeastSquaresProblem, testError } from './problem.js';
import { expectInputErrors } from '../../testing/errors.js';
import { completionProblem } from '../problems.js';

describe('testError', () => {
  const problem = completionProblem({ rows: 6, columns: 5, rank: 2, observed: 12, seed: 4 });
  const truth = problem.truth as Float64Array;

  it('is 0 at X*, and ignores observed entries for completion', () => {
    expect(testError(problem, truth)).toBe(0);
    const { rowIndex, columnIndex } = problem.operator as EntryMeasurements;
    const X = truth.slice();
    for (let l = 0; l < rowIndex.length; l++) X[rowIndex[l] * 5 + columnIndex[l]] += 100;
    expect(testError(problem, X)).toBe(0);
  });

  it('is ||P(X - X*)||_F / ||P(X*)||_F on the unobserved entries (1 at X = 0)', () => {
    expect(testError(problem, new Float64Array(30))).toBeCloseTo(1, 14);
    expect(testError(problem, truth.map((value) => 1.5 * value))).toBeCloseTo(0.5, 14);
  });

  it('uses every entry for sensing and the held-out entries when given', () => {
    const operator = { kind: 'gaussian', rows: 1, columns: 2, count: 1, matrices: Float64Array.of(1, 1) } as const;
    const sensing: LeastSquaresProblem = {
      operator,
      observations: Float64Array.of(7),
      truth: Float64Array.of(3, 4),
      truthRank: 1,
      noise: 0,
      symmetric: false,
    };
    expect(testError(sensing, Float64Array.of(3, 0))).toBeCloseTo(4 / 5, 15);
    const heldOut = { rowIndex: Int32Array.of(0), columnIndex: Int32Array.of(0) };
    expect(testError({ ...sensing, heldOut }, Float64Array.of(3, 0))).toBe(0);
  });

  it('throws when there is nothing to compare against', () => {
    expectInputErrors([
      [() => testError({ ...problem, truth: null }, truth), 'out-of-range'],
      [() => testError(completionProblem({ rows: 2, columns: 2, rank: 1, observed: 4, seed: 1 }), new Float64Array(4)), 'out-of-range'],
      [() => testError(problem, new Float64Array(29)), 'shape'],
    ]);
  });
});
