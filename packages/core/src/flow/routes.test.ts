import { describe, expect, it } from 'vitest';

import { FactorflowNumericalError } from '../errors.js';

import { gaussianInit } from '../random.js';
import { prepareTarget } from '../linalg/spectral.js';
import { expectInputErrors, thrown } from '../testing/errors.js';
import { compareRoutes } from './routes.js';
import { EXAMPLE_U0, EXAMPLE_Y } from '../testing/fixtures.js';
import { scalarTrajectory } from './scalar.js';

/** Y = diag(3, 2, 1) rotated by a fixed orthogonal Q (a Householder reflection), so no route can rely on Y being diagonal. */
const Q = (() => {
  const v = [1, 2, 2].map((x) => x / 3);
  return v.map((vi, i) => v.map((vj, j) => (i === j ? 1 : 0) - 2 * vi * vj));
})();
const Y = Q.map((row) => Q.map((other) => row.reduce((sum, q, k) => sum + q * [3, 2, 1][k] * other[k], 0)));
const U0 = gaussianInit(3, 3, 1e-4, 11).to2DArray();

describe('compareRoutes', () => {
  it('agrees on a small case: ode within 1e-9 ||Y|| of the closed form, gd within 2e-3 ||Y|| at eta = 1e-3', () => {
    const times = [0, 1, 2.5, 5];
    const { closed, ode, gd, normY, n, r } = compareRoutes(Y, U0, times, { eta: 1e-3 });
    expect([n, r]).toEqual([3, 3]);
    expect(normY).toBeCloseTo(3, 12);
    expect(ode).not.toBeNull();
    expect(gd).not.toBeNull();
    for (let j = 0; j < times.length; j++) {
      expect(ode?.relativeDeviation[j]).toBeLessThan(1e-9);
      expect(gd?.relativeDeviation[j]).toBeLessThan(2e-3);
      expect(gd?.relativeDeviation[j]).toBe((gd?.deviation[j] ?? 0) / normY);
    }
    // At t = 5 the top eigenvalue is learned (3 t >> ln(1 / alpha)); at t = 0, W = U0 U0^T ~ 1e-4.
    expect(closed.eigenvaluesW[3][0]).toBeCloseTo(3, 6);
    expect(closed.eigenvaluesW[0][0]).toBeLessThan(1e-3);
    // At t = 0 every route starts from U0 U0^T; the closed form goes through the eigenbasis of Y and back.
    expect(gd?.relativeDeviation[0]).toBeLessThan(1e-15);
  });

  it('gives each eigenvalue of a spectral start the scalar solution of Corollary 2 on every route', () => {
    const sigma0 = [0.5, 2, 1];
    const diagonal = [
      [3, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ];
    const start = sigma0.map((s, i) => sigma0.map((_, j) => (i === j ? Math.sqrt(1e-3 * s) : 0)));
    const t = 3;
    const { closed, ode } = compareRoutes(diagonal, start, [t], { routes: ['ode'] });
    const expected = [3, 2, 1].map((sigma, i) => scalarTrajectory({ sigmaY: sigma, sigma0: sigma0[i], alpha: 1e-3 }, t)).sort((a, b) => b - a);
    expected.forEach((value, i) => {
      expect(closed.eigenvaluesW[0][i]).toBeCloseTo(value, 12);
      expect(ode?.eigenvaluesW[0][i]).toBeCloseTo(value, 8);
    });
  });

  it('converges at first order in eta: halving eta about halves the descent deviation', () => {
    const coarse = compareRoutes(Y, U0, [3], { routes: ['gd'], eta: 4e-3 }).gd;
    const fine = compareRoutes(Y, U0, [3], { routes: ['gd'], eta: 2e-3 }).gd;
    const ratio = (coarse?.deviation[0] ?? 0) / (fine?.deviation[0] ?? 1);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('keeps the order of the times, duplicates included, and rounds each to the nearest descent step', () => {
    const times = [2, 0, 1.23456, 1.23456];
    const eta = 1e-3;
    const { closed, ode, gd } = compareRoutes(Y, U0, times, { eta });
    const sorted = compareRoutes(Y, U0, [0, 1.23456, 2], { eta });
    expect(closed.W[0].to2DArray()).toEqual(sorted.closed.W[2].to2DArray());
    expect(ode?.W[1].to2DArray()).toEqual(sorted.ode?.W[0].to2DArray());
    expect(ode?.W[2].to2DArray()).toEqual(ode?.W[3].to2DArray());
    expect(gd?.iterationAt).toEqual([2000, 0, 1235, 1235]);
    expect(Array.from(gd?.times ?? [])).toEqual([2000 * eta, 0, 1235 * eta, 1235 * eta]);
    expect(gd?.iterations).toBe(2000);
    // Descent to step 2000 is the same run whether or not it stops at step 1235 on the way.
    const alone = compareRoutes(Y, U0, [2], { routes: ['gd'], eta }).gd;
    expect(alone?.W[0].to2DArray()).toEqual(gd?.W[0].to2DArray());
    expect(Array.from(alone?.eigenvaluesW[0] ?? [])).toEqual(Array.from(gd?.eigenvaluesW[0] ?? []));
  });

  it('runs the closed form alone on request, and takes a prepared target with the same result', () => {
    const alone = compareRoutes(Y, U0, [0.5, 1], { routes: [] });
    expect(alone.ode).toBeNull();
    expect(alone.gd).toBeNull();
    const prepared = compareRoutes(prepareTarget(Y), U0, [0.5, 1], { routes: ['ode'] });
    expect(prepared.closed.W.map((W) => W.to2DArray())).toEqual(alone.closed.W.map((W) => W.to2DArray()));
    expect(prepared.ode?.relativeDeviation[1]).toBeLessThan(1e-8);
  });

  it('throws FactorflowInputError on bad routes, step sizes and times', () => {
    expectInputErrors([
      [() => compareRoutes(Y, U0, [1], { routes: ['euler' as 'ode'] }), 'out-of-range'],
      [() => compareRoutes(Y, U0, [1]), 'out-of-range'],
      [() => compareRoutes(Y, U0, [1], { routes: ['ode'], eta: 1e-3 }), 'out-of-range'],
      [() => compareRoutes(Y, U0, [1], { routes: ['gd'], eta: -1 }), 'out-of-range'],
      [() => compareRoutes(Y, U0, [1, -1], { routes: [] }), 'out-of-range'],
      [() => compareRoutes(Y, U0, [], { routes: [] }), 'shape'],
      [() => compareRoutes(Y, U0.slice(1), [1], { routes: [] }), 'shape'],
      [() => compareRoutes([[1, 2], [3, 4]], [[1], [1]], [1], { routes: [] }), 'not-symmetric'],
    ]);
  });

  it("passes the integrator's settings to the ode route, reports its rtol, and refuses them without it", () => {
    const Y = [[2, 0], [0, 1]];
    const U0 = [[1e-3, 0], [0, 1e-3]];
    const tight = compareRoutes(Y, U0, [0, 4, 8], { routes: ['ode'] }).ode!;
    const loose = compareRoutes(Y, U0, [0, 4, 8], { routes: ['ode'], ode: { rtol: 1e-5 } }).ode!;
    expect(tight.rtol).toBe(1e-10);
    expect(loose.rtol).toBe(1e-5);
    expect(loose.steps).toBeLessThan(tight.steps);
    expect(Math.max(...loose.relativeDeviation)).toBeGreaterThan(Math.max(...tight.relativeDeviation));
    expect(() => compareRoutes(Y, U0, [50], { routes: ['ode'], ode: { maxSteps: 3 } })).toThrow(FactorflowNumericalError);
    expectInputErrors([
      [() => compareRoutes(Y, U0, [1], { routes: [], ode: { rtol: 1e-6 } }), 'out-of-range'],
      [() => compareRoutes(Y, U0, [1], { routes: ['ode'], ode: { rtol: -1 } }), 'out-of-range'],
    ]);
  });

  it('refuses a step size at which descent cannot follow the flow: the CLI example with eta = 10 and eta = 1', () => {
    // apps/cli/examples: Y = Q diag(10, 8, 6, 4, 2) Q^T and its U0; issue 16 printed a gap of 1e55..1e123 as a result.
    for (const eta of [10, 1, 0.1]) {
      const error = thrown(() => compareRoutes(EXAMPLE_Y, EXAMPLE_U0, [0, 1, 2, 4], { routes: ['gd'], eta }), FactorflowNumericalError);
      expect(error).toMatchObject({ code: 'diverged', argument: 'eta' });
      // h = 2 lambda_max = 20: the bound is 2 / h = 0.1, printed with its derivation.
      expect(error.message).toMatch(/2 \/ h = 0\.100/);
    }
    const stable = compareRoutes(EXAMPLE_Y, EXAMPLE_U0, [0, 1, 2, 4], { routes: ['gd'], eta: 1e-3 }).gd;
    expect(Math.max(...(stable?.relativeDeviation ?? []))).toBeLessThan(1e-2);
  });

  it('stops a descent that provably diverges, citing the bound the flow keeps (a start far above Y)', () => {
    // eta h = 0.4 < 2 passes, but eta ||W0|| = 90: U_1 = U0 (1 + eta (lambda - 900)) is 89x U0, and
    // ||W_1|| = 7e6 is beyond ||Y|| + 2 / eta = 22, where every further step grows it. The flow decays to Y.
    const error = thrown(() => compareRoutes([[2, 0], [0, 1]], [[30, 0], [0, 30]], [1], { routes: ['gd'], eta: 0.1 }), FactorflowNumericalError);
    expect(error).toMatchObject({ code: 'diverged', argument: 'eta' });
    expect(error.message).toMatch(/at step 1 /);
    expect(error.message).toMatch(/max\(\|\|W0\|\|_2, lambda_max\(Y\)\) = 900\.0/);
    const flow = compareRoutes([[2, 0], [0, 1]], [[30, 0], [0, 30]], [1], { routes: [] }).closed.eigenvaluesW[0];
    expect(flow[0]).toBeLessThan(900);
  });

  it('accepts times relative to the time scale of Y and reports the conditioning of the start', () => {
    const c = 2 ** -1000;
    const scaled = compareRoutes([[2 * c, 0], [0, c]], [[1e-3 * 2 ** -500, 0], [0, 1e-3 * 2 ** -500]], [12 / c], { routes: [] });
    expect(scaled.closed.eigenvaluesW[0][0] / c).toBeCloseTo(2, 10);
    expect(scaled.conditioning.warning).toBeNull();
    expect(compareRoutes(Y, U0, [1], { routes: [] }).conditioning.exactBasis).toBe(false);
  });
});
