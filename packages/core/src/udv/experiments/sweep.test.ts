import { describe, expect, it } from 'vitest';

import { MODEL_NAMES, runModel, summaryOf } from './runs.js';
import { RADIUS_FACTORS, RADIUS_XIS, runRadiusSweep } from './radiusSweep.js';
import { SWEEP_ETAS, SWEEP_XIS, formatSweepTable, runSweep, sweepCells } from './sweep.js';
import { completionProblem } from '../problems.js';

function frobenius(values: Float64Array | null): number {
  return Math.hypot(...(values ?? []));
}

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

  it('tells onRow which cell finished, in the order of the rows, before the report exists', () => {
    const positions: [number, number][] = [];
    const seen: unknown[] = [];
    const report = runSweep('a', {
      seed: 2,
      maxIterations: 2,
      models: ['nuclear', 'bm'],
      onRow: (row, cell) => {
        positions.push([cell.index, cell.count]);
        seen.push(row);
      },
    });
    expect(positions).toEqual(Array.from({ length: 10 }, (_, index) => [index, 10]));
    expect(seen).toEqual(report.rows);

    const radii: number[] = [];
    const radius = runRadiusSweep('a', {
      seed: 2,
      maxIterations: 1,
      onRow: (row, cell) => {
        expect(cell.dataRadius).toBeGreaterThan(0);
        expect(cell.factor).toBe(RADIUS_FACTORS[Math.floor(cell.index / RADIUS_XIS.length)]);
        expect(row.xi).toBe(RADIUS_XIS[cell.index % RADIUS_XIS.length]);
        expect(cell.count).toBe(RADIUS_FACTORS.length * RADIUS_XIS.length);
        radii.push(cell.factor * cell.dataRadius);
      },
    });
    expect(radius.rows.map((row) => row.radius)).toEqual(radii);
  });
});
