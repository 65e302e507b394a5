import { describe, expect, it } from 'vitest';

import { exactZeros, numericalRank, singularSpectrum } from './lowRankMetrics.js';
import { burerMonteiro } from './models/burerMonteiro.js';
import { deepFactorization } from './models/deepFactorization.js';
import type { FactorizationModel } from './models/model.js';
import { nuclearNorm } from './models/nuclearNorm.js';
import { udv } from './models/udv.js';
import { completionProblem } from './problems.js';
import { trainFactorization } from './training.js';
import { expectInputErrors } from '../testing/errors.js';

describe('trainFactorization', () => {
  it('udv reaches exact zeros in d and an exactly rank-2 X on a small symmetric completion', () => {
    // Exact zeros in d need columns of U with |u_c|^2 comparable to d_c(0) = 1: a radius of about
    // 2 sqrt(k) or more (here 20 for k = 20). With radius 1 the unused columns of U decay to zero
    // instead and d keeps no zeros (see the bench notes).
    const seed = 3;
    const problem = completionProblem({ rows: 20, columns: 20, rank: 2, observed: 120, seed, symmetric: true });
    const result = trainFactorization(problem, udv({ radius: 20 }), { seed: seed + 1, eta: 1e-3, xi: 1, maxIterations: 20_000 });
    const message = `problem seed ${seed}, init seed ${seed + 1}`;
    expect(result.converged, message).toBe(true);
    expect(exactZeros(result.factors.d), message).toBeGreaterThan(5);
    expect(numericalRank(singularSpectrum(result.X, 20, 20), 1e-3), message).toBe(2);
    expect(result.history.at(-1)?.testError, message).toBeLessThan(1e-2);
  });

  it('Burer-Monteiro reaches loss 1e-8 (relative) on a small completion instance', () => {
    const seed = 5;
    const problem = completionProblem({ rows: 20, columns: 20, rank: 2, observed: 200, seed });
    const result = trainFactorization(problem, burerMonteiro(), { seed: seed + 1, eta: 1e-2, xi: 1e-1, maxIterations: 20_000 });
    const lossOfZero = 0.5 * problem.observations.reduce((sum, value) => sum + value * value, 0);
    expect(result.converged, `seed ${seed}`).toBe(true);
    expect(result.loss, `seed ${seed}`).toBeLessThanOrEqual(1e-8 * lossOfZero);
    expect(result.history[0].iteration).toBe(0);
    expect(result.history.at(-1)?.iteration).toBe(result.iterations);
    expect(result.history.at(-1)?.loss).toBe(result.loss);
  });

  it('reports divergence for a huge eta instead of returning NaN', () => {
    const seed = 7;
    const problem = completionProblem({ rows: 20, columns: 20, rank: 2, observed: 200, seed });
    for (const model of [burerMonteiro(), deepFactorization(), udv({ radius: 20 })] as FactorizationModel<unknown>[]) {
      const result = trainFactorization(problem, model, { seed, eta: 100, xi: 1, maxIterations: 10_000 });
      const message = `seed ${seed}, ${model.name}`;
      // For udv the projection bounds U and V, so it is d that runs away.
      expect(result.diverged, message).not.toBeNull();
      expect(result.stopReason, message).toBe('diverged');
      expect(result.converged, message).toBe(false);
      expect(result.iterations, message).toBe((result.diverged?.iteration ?? 0) - 1);
      expect(Number.isFinite(result.loss), message).toBe(true);
      expect(result.X.every(Number.isFinite), message).toBe(true);
      expect(result.history.every((record) => Number.isFinite(record.loss)), message).toBe(true);
    }
  });

  it('nuclear-norm proximal gradient recovers an easy completion instance', () => {
    const seed = 9;
    const problem = completionProblem({ rows: 15, columns: 15, rank: 1, observed: 150, seed });
    const result = trainFactorization(problem, nuclearNorm(), { seed, maxIterations: 3000 });
    expect(result.converged, `seed ${seed}`).toBe(true);
    expect(result.stopReason, `seed ${seed}`).toBe('loss-tolerance');
    expect(result.history.at(-1)?.testError, `seed ${seed}`).toBeLessThan(1e-2);
    expect(result.factors.rank, `seed ${seed}`).toBeLessThan(15);
  });

  it('nuclear norm on a noisy problem stops once the last stage has settled at the noise floor', () => {
    const seed = 10;
    const problem = completionProblem({ rows: 15, columns: 15, rank: 1, observed: 150, seed, noise: 0.1 });
    const result = trainFactorization(problem, nuclearNorm(), { seed, maxIterations: 3000 });
    expect(result.stopReason, `seed ${seed}`).toBe('model-finished');
    expect(result.converged, `seed ${seed}`).toBe(false);
    expect(result.factors.rank, `seed ${seed}`).toBeLessThanOrEqual(3);
    // lambda = 2 sigma ||A^*(g)||_2 ~ 1.3 shrinks sigma_1(X*) = 15 by about lambda / p = 2, a bias of
    // ~13% on top of the noise (RMS 0.1 against entries of RMS 1): measured 0.20.
    expect(result.history.at(-1)?.testError, `seed ${seed}`).toBeLessThan(0.3);
  });

  it('is deterministic for a seed and starts from `initial` when given', () => {
    const problem = completionProblem({ rows: 8, columns: 8, rank: 2, observed: 40, seed: 1 });
    const a = trainFactorization(problem, udv(), { seed: 2, maxIterations: 30 });
    const b = trainFactorization(problem, udv(), { seed: 2, maxIterations: 30 });
    expect(Array.from(a.X)).toEqual(Array.from(b.X));
    const start = udv().bind(problem).initialize(0.5, 3);
    const c = trainFactorization(problem, udv(), { seed: 2, maxIterations: 0, initial: start });
    expect(c.iterations).toBe(0);
    expect(Array.from(c.factors.d)).toEqual(Array.from(start.subarray(64, 72)));
  });

  it('rejects bad options and shapes with typed errors', () => {
    const problem = completionProblem({ rows: 6, columns: 5, rank: 2, observed: 14, seed: 1 });
    expectInputErrors([
      [() => trainFactorization(problem, udv(), { seed: 1, eta: 0 }), 'out-of-range'],
      [() => trainFactorization(problem, udv(), { seed: 1, eta: NaN }), 'not-finite'],
      [() => trainFactorization(problem, udv(), { seed: 1, xi: -1 }), 'out-of-range'],
      [() => trainFactorization(problem, udv(), { seed: 1.5 }), 'out-of-range'],
      [() => trainFactorization(problem, udv(), { seed: 1, maxIterations: -1 }), 'out-of-range'],
      [() => trainFactorization(problem, udv(), { seed: 1, record: 0 }), 'out-of-range'],
      [() => trainFactorization(problem, udv(), { seed: 1, initial: new Float64Array(3) }), 'shape'],
      [() => trainFactorization(problem, udv({ radius: -1 }), { seed: 1 }), 'out-of-range'],
      [() => trainFactorization(problem, udv({ width: 6 }), { seed: 1 }), 'out-of-range'],
      [() => trainFactorization(problem, udv({ symmetric: true }), { seed: 1 }), 'shape'],
      [() => trainFactorization(problem, burerMonteiro({ width: 0 }), { seed: 1 }), 'out-of-range'],
      [() => trainFactorization(problem, nuclearNorm({ decay: 1 }), { seed: 1 }), 'out-of-range'],
      [() => trainFactorization(problem, {} as FactorizationModel<unknown>, { seed: 1 }), 'out-of-range'],
      [() => trainFactorization({ ...problem, observations: new Float64Array(3) }, udv(), { seed: 1 }), 'shape'],
    ]);
  });
});
