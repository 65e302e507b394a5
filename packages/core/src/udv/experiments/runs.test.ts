import { describe, expect, it } from 'vitest';

import { dataRadius, dataScale } from './runs.js';
import { completionProblem, regressionProblem, sensingProblem } from '../problems.js';

function frobenius(values: Float64Array | null): number {
  return Math.hypot(...(values ?? []));
}

describe('the data-matched radius', () => {
  it('estimates ||X*||_F from the observations alone, within 15%, for each kind of operator', () => {
    for (const seed of [1, 2, 3]) {
      const problems = [
        completionProblem({ rows: 40, columns: 40, rank: 3, observed: 800, seed }),
        completionProblem({ rows: 40, columns: 40, rank: 2, observed: 500, seed, symmetric: true }),
        sensingProblem({ size: 12, rank: 2, measurements: 400, seed }),
        regressionProblem({ outputs: 10, inputs: 15, rank: 2, samples: 400, seed }),
      ];
      for (const problem of problems) {
        const ratio = dataScale(problem) / frobenius(problem.truth);
        expect(ratio, `${problem.operator.kind}, seed ${seed}`).toBeGreaterThan(0.85);
        expect(ratio, `${problem.operator.kind}, seed ${seed}`).toBeLessThan(1.15);
        expect(dataRadius(problem)).toBeCloseTo(Math.cbrt(dataScale(problem)), 12);
      }
    }
  });
});
