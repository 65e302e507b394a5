import { describe, expect, it } from 'vitest';

import { completionProblem, regressionProblem, sensingProblem } from '@factorflow/core';

import { MODEL_NAMES, SWEEP_ETAS, SWEEP_XIS, dataRadius, dataScale, formatSweepTable, runModel, summaryOf, sweepCells } from './udv.js';

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

describe('the sweep', () => {
  it('has every (eta, xi) for udv at two radii, Burer-Monteiro and depth 3, and one nuclear-norm cell', () => {
    const cells = sweepCells(MODEL_NAMES);
    expect(cells).toHaveLength(4 * SWEEP_ETAS.length * SWEEP_XIS.length + 1);
    expect(cells.filter((cell) => cell.spec.model === 'nuclear')).toHaveLength(1);
    expect(new Set(cells.filter((cell) => cell.spec.model === 'udv').map((cell) => String(cell.spec.radius)))).toEqual(new Set(['1', 'data']));
    expect(sweepCells(['bm'])).toHaveLength(9);
  });

  it('summarizes a run consistently with its spectrum, and formats one table row per run', () => {
    const problem = completionProblem({ rows: 14, columns: 14, rank: 2, observed: 90, seed: 4, symmetric: true });
    const run = runModel(problem, { model: 'udv', radius: 'data' }, { eta: 1e-2, xi: 1e-2, seed: 5, maxIterations: 3000 });
    const sigma = run.singularValues;
    expect(run.rank.exact).toBe(sigma.filter((value) => value > 1e-10 * sigma[0]).length);
    expect(run.rank.approximate).toBe(sigma.filter((value) => value > 1e-3 * sigma[0]).length);
    const d = (run.result.factors as { d: Float64Array }).d;
    expect(run.exactZerosInD).toBe(d.filter((value) => value === 0).length);
    expect(run.relativeLoss).toBeCloseTo(run.result.loss / (0.5 * frobenius(problem.observations) ** 2), 12);
    const table = formatSweepTable([summaryOf(run), summaryOf(runModel(problem, { model: 'nuclear' }, { seed: 5, maxIterations: 200 }))]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/\| udv \(a = [\d.]+\) \| 0\.010 \| 0\.010 \|/);
    expect(table).toMatch(/\| nuclear norm \| [\d.e+-]+ \| - \|/);
  });
});
