import { describe, expect, it } from 'vitest';

import { numericalRank, singularSpectrum } from './lowRankMetrics.js';
import type { EntryMeasurements } from './measurements/entries.js';
import { measure } from './measurements/operator.js';
import type { LeastSquaresProblem } from './measurements/problem.js';
import {
  ARORA_COMPLETION_2000,
  ARORA_COMPLETION_5000,
  PAPER_COMPLETION,
  completionProblem,
  regressionProblem,
  sensingProblem,
} from './problems.js';
import { expectInputErrors } from '../testing/errors.js';

function frobenius(values: Float64Array): number {
  return Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
}

function entryKeys(problem: LeastSquaresProblem): number[] {
  const { rowIndex, columnIndex, columns } = problem.operator as EntryMeasurements;
  return Array.from(rowIndex, (i, l) => i * columns + columnIndex[l]);
}

describe('problem generators', () => {
  const cases: [string, () => LeastSquaresProblem][] = [
    ['completion', () => completionProblem({ rows: 30, columns: 20, rank: 3, observed: 200, seed: 1 })],
    ['symmetric completion', () => completionProblem({ rows: 25, columns: 25, rank: 2, observed: 150, seed: 2, symmetric: true })],
    ['sensing', () => sensingProblem({ size: 12, rank: 2, measurements: 100, seed: 3 })],
    ['regression', () => regressionProblem({ outputs: 8, inputs: 15, rank: 3, samples: 40, seed: 4 })],
  ];

  it('normalize ||X*||_F = sqrt(rows columns) (RMS entry 1) and give X* the requested rank', () => {
    for (const [name, build] of cases) {
      const problem = build();
      const { rows, columns } = problem.operator;
      const truth = problem.truth as Float64Array;
      expect(frobenius(truth) / Math.sqrt(rows * columns), name).toBeCloseTo(1, 12);
      expect(numericalRank(singularSpectrum(truth, rows, columns)), name).toBe(problem.truthRank);
    }
  });

  it('observe b = A(X*) exactly without noise', () => {
    for (const [name, build] of cases) {
      const problem = build();
      const clean = measure(problem.operator, problem.truth as Float64Array);
      expect(Array.from(problem.observations), name).toEqual(Array.from(clean));
      expect(problem.noise, name).toBe(0);
    }
  });

  it('reproduce bit for bit from a seed and differ between seeds', () => {
    const a = completionProblem({ ...ARORA_COMPLETION_2000, seed: 9, noise: 0.1 });
    const b = completionProblem({ ...ARORA_COMPLETION_2000, seed: 9, noise: 0.1 });
    const c = completionProblem({ ...ARORA_COMPLETION_2000, seed: 10, noise: 0.1 });
    expect(a).toEqual(b);
    expect(Array.from(a.observations)).not.toEqual(Array.from(c.observations));
    expect(sensingProblem({ size: 5, rank: 1, measurements: 10, seed: 5 })).toEqual(sensingProblem({ size: 5, rank: 1, measurements: 10, seed: 5 }));
  });

  it('draw distinct observed entries, sorted in row-major order', () => {
    for (const preset of [ARORA_COMPLETION_2000, ARORA_COMPLETION_5000]) {
      const problem = completionProblem({ ...preset, seed: 3 });
      const keys = entryKeys(problem);
      expect(keys.length).toBe(preset.observed);
      expect(new Set(keys).size).toBe(preset.observed);
      keys.forEach((key, l) => l > 0 && expect(key).toBeGreaterThan(keys[l - 1]));
    }
  });

  it('symmetric completion: X* PSD and symmetric, Omega closed under transposition, b symmetric', () => {
    const problem = completionProblem({ ...PAPER_COMPLETION, seed: 7 });
    const n = PAPER_COMPLETION.rows;
    const truth = problem.truth as Float64Array;
    expect(problem.symmetric).toBe(true);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(truth[i * n + j]).toBe(truth[j * n + i]);
    const keys = entryKeys(problem);
    const value = new Map(keys.map((key, l) => [key, problem.observations[l]]));
    let pairs = 0;
    for (const key of keys) {
      const i = Math.floor(key / n);
      const j = key % n;
      expect(value.get(j * n + i)).toBe(value.get(key));
      if (i <= j) pairs++;
    }
    expect(pairs).toBe(PAPER_COMPLETION.observed);
    // PSD: the symmetric X* = P P^T has eigenvalues = singular values, 3 of them positive.
    expect(numericalRank(singularSpectrum(truth, n, n))).toBe(3);
  });

  it('add Gaussian noise of the requested standard deviation', () => {
    const problem = completionProblem({ rows: 100, columns: 100, rank: 2, observed: 5000, noise: 0.5, seed: 8 });
    const clean = measure(problem.operator, problem.truth as Float64Array);
    const gaps = problem.observations.map((value, l) => value - clean[l]);
    const deviation = Math.sqrt(gaps.reduce((sum, gap) => sum + gap * gap, 0) / gaps.length);
    // 5000 draws: the sample deviation is within 3% of 0.5 with overwhelming probability.
    expect(Math.abs(deviation - 0.5)).toBeLessThan(0.015);
    expect(problem.noise).toBe(0.5);
  });

  it('validate every option with typed errors', () => {
    expectInputErrors([
      [() => completionProblem({ rows: 10.5, columns: 10, rank: 2, observed: 10, seed: 1 }), 'out-of-range'],
      [() => completionProblem({ rows: 10, columns: 4, rank: 5, observed: 10, seed: 1 }), 'out-of-range'],
      [() => completionProblem({ rows: 10, columns: 4, rank: 2, observed: 41, seed: 1 }), 'out-of-range'],
      [() => completionProblem({ rows: 10, columns: 10, rank: 2, observed: 56, seed: 1, symmetric: true }), 'out-of-range'],
      [() => completionProblem({ rows: 10, columns: 9, rank: 2, observed: 10, seed: 1, symmetric: true }), 'shape'],
      [() => completionProblem({ rows: 10, columns: 10, rank: 2, observed: 10, seed: 1, noise: -1 }), 'out-of-range'],
      [() => completionProblem({ rows: 10, columns: 10, rank: 2, observed: 10, seed: 1, noise: NaN }), 'not-finite'],
      [() => completionProblem({ rows: 10, columns: 10, rank: 2, observed: 10, seed: -1 }), 'out-of-range'],
      [() => completionProblem(null as never), 'out-of-range'],
      [() => sensingProblem({ size: 5, rank: 0, measurements: 10, seed: 1 }), 'out-of-range'],
      [() => sensingProblem({ size: 5, rank: 1, measurements: 0, seed: 1 }), 'out-of-range'],
      [() => regressionProblem({ outputs: 3, inputs: 4, rank: 4, samples: 10, seed: 1 }), 'out-of-range'],
      [() => regressionProblem({ outputs: 3, inputs: 4, rank: 2, samples: 0, seed: 1 }), 'out-of-range'],
    ]);
  });

  it('presets describe the completion experiments of Hou, Sra & Yurtsever (2025) and Arora et al. (2019)', () => {
    expect(PAPER_COMPLETION).toMatchObject({ rows: 100, columns: 100, rank: 3, observed: 900 });
    expect(ARORA_COMPLETION_2000).toMatchObject({ rows: 100, columns: 100, rank: 5, observed: 2000 });
    expect(ARORA_COMPLETION_5000).toMatchObject({ rows: 100, columns: 100, rank: 5, observed: 5000 });
    expect(Object.isFrozen(PAPER_COMPLETION)).toBe(true);
  });
});
