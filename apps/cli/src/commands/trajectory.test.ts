import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '@factorflow/core';

import { parseTimes, readMatrixFile } from '../matrixFile/index.js';
import { type TrajectoryReport, formatTrajectory, trajectoryCommand } from './trajectory.js';

const examples = (name: string): string => fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
const Y = readMatrixFile(examples('Y.json'), '--Y');
const U0 = readMatrixFile(examples('U0.json'), '--U0');
/** A small start, alpha = 1e-6, so the eigenvalues are learned one at a time. */
const small = U0.map((row) => row.map((entry) => entry * 1e-3));
const times = parseTimes('0,1,2,4');

function expectJsonSafe(report: TrajectoryReport): void {
  const text = JSON.stringify(report);
  expect(JSON.parse(text)).toEqual(report);
  expect(text).not.toMatch(/Infinity|NaN|null/);
}

function maxAbs(A: number[][], B: number[][]): number {
  return Math.max(...A.flatMap((row, i) => row.map((value, j) => Math.abs(value - B[i][j]))));
}

describe('trajectoryCommand, closed form', () => {
  const report = trajectoryCommand({ Y, U0, times, method: 'closed' });

  it('starts at W(0) = U0 U0^T and reports W and its decreasing eigenvalues at each time', () => {
    expect(report.method).toBe('closed');
    expect(report.n).toBe(5);
    expect(report.r).toBe(5);
    expect(report.normY).toBeCloseTo(10, 12);
    expect(report.points.map((point) => point.t)).toEqual(times);
    const W0 = U0.map((row) => U0.map((other) => row.reduce((sum, value, k) => sum + value * other[k], 0)));
    expect(maxAbs(report.points[0].W, W0)).toBeLessThan(1e-13);
    for (const point of report.points) {
      expect(point.W).toHaveLength(5);
      expect(maxAbs(point.W, point.W[0].map((_, j) => point.W.map((row) => row[j])))).toBe(0);
      expect(point.eigenvalues).toHaveLength(5);
      for (let i = 1; i < 5; i++) expect(point.eigenvalues[i]).toBeLessThanOrEqual(point.eigenvalues[i - 1]);
      // The trace of W equals the sum of its eigenvalues.
      const trace = point.W.reduce((sum, row, i) => sum + row[i], 0);
      expect(point.eigenvalues.reduce((sum, value) => sum + value, 0)).toBeCloseTo(trace, 10);
      expect(point.deviation).toBeUndefined();
    }
    // From a full-rank start W(t) -> Y: at t = 4 the spectrum is 10, 8, 6, 4, 2.
    report.points[3].eigenvalues.forEach((value, i) => expect(value).toBeCloseTo([10, 8, 6, 4, 2][i], 4));
    expect(maxAbs(report.points[3].W, Y)).toBeLessThan(1e-4);
    expect(report.maxDeviation).toBeUndefined();
    expectJsonSafe(report);
  });

  it('shows incremental learning from a small start: the largest eigenvalue first', () => {
    const { points } = trajectoryCommand({ Y, U0: small, times: parseTimes('linspace(0,6,601)'), method: 'closed' });
    // The time at which the k-th eigenvalue of W first reaches half of sigma_k = 10, 8, 6, 4, 2.
    const halfway = [10, 8, 6, 4, 2].map((sigma, k) => points.find((point) => point.eigenvalues[k] >= sigma / 2)?.t ?? Number.NaN);
    expect(halfway.every(Number.isFinite)).toBe(true);
    for (let k = 1; k < 5; k++) expect(halfway[k]).toBeGreaterThan(halfway[k - 1]);
    // Roughly ln(sigma_k / alpha) / (2 sigma_k) (Section III-A, eqs. (14)-(15)): about 0.81 for k = 1, 3.6 for k = 5.
    expect(halfway[0]).toBeGreaterThan(0.6);
    expect(halfway[0]).toBeLessThan(1);
    expect(halfway[4]).toBeGreaterThan(3);
    expect(halfway[4]).toBeLessThan(4.2);
  });

  it('formats times, eigenvalues and W', () => {
    const text = formatTrajectory(report);
    expect(text).toContain('method: closed form (Proposition 1, eq. (5))');
    expect(text).toContain('t = 4');
    expect(text.match(/eigenvalues: /g)).toHaveLength(4);
    expect(text.match(/^ {4}\[ /gm)).toHaveLength(20);
    expect(text).not.toMatch(/NaN|undefined|null|deviation/);
  });
});

describe('trajectoryCommand, integrated ODE', () => {
  const unordered = [2, 0, 1, 1];
  const report = trajectoryCommand({ Y, U0: small, times: unordered, method: 'ode' });

  it('agrees with the closed form, in the order the times were given', () => {
    expect(report.points.map((point) => point.requested)).toEqual(unordered);
    expect(report.points.map((point) => point.t)).toEqual(unordered);
    expect(report.steps).toBeGreaterThan(10);
    expect(report.rejected).toBeGreaterThanOrEqual(0);
    expect(report.evaluations).toBeGreaterThan(report.steps ?? 0);
    expect(report.maxDeviation).toBeGreaterThan(0);
    expect(report.maxRelativeDeviation).toBeLessThan(1e-8);
    const closed = trajectoryCommand({ Y, U0: small, times: unordered, method: 'closed' });
    report.points.forEach((point, i) => {
      expect(maxAbs(point.W, closed.points[i].W)).toBeLessThan(1e-8);
      expect(point.deviation).toBeLessThanOrEqual(report.maxDeviation ?? 0);
    });
    expect(report.points[2].W).toEqual(report.points[3].W);
    expectJsonSafe(report);
    const text = formatTrajectory(report);
    expect(text).toContain(`Dormand-Prince 5(4), rtol 1e-10 (${report.steps} steps`);
    expect(text).toContain('||W - W_closed||_2 = ');
  });
});

describe('trajectoryCommand, gradient descent', () => {
  const report = trajectoryCommand({ Y, U0: small, times: [1.23456, 0.3, 2], method: 'gd' });

  it('uses eta = 1e-3 / ||Y||_2 by default and reports the step times it used', () => {
    expect(report.etaSource).toBe('default');
    expect(report.eta).toBeCloseTo(1e-4, 15);
    const eta = report.eta ?? 0;
    for (const point of report.points) {
      expect(point.step).toBe(Math.round(point.requested / eta));
      expect(point.t).toBe((point.step ?? 0) * eta);
      expect(Math.abs(point.t - point.requested)).toBeLessThanOrEqual(eta / 2);
    }
    expect(report.points[0].t).not.toBe(1.23456);
    expect(report.steps).toBe(report.points[2].step);
    expectJsonSafe(report);
    const text = formatTrajectory(report);
    expect(text).toContain('(default 1e-3 / ||Y||_2)');
    expect(text).toContain('(requested 1.23456, step 12346)');
  });

  it('is O(eta) from the closed form: halving eta about halves the deviation', () => {
    const coarse = trajectoryCommand({ Y, U0: small, times: [2], method: 'gd', eta: 2e-3 });
    const fine = trajectoryCommand({ Y, U0: small, times: [2], method: 'gd', eta: 1e-3 });
    expect(coarse.etaSource).toBe('given');
    expect(coarse.maxRelativeDeviation).toBeLessThan(0.05);
    const ratio = (coarse.maxDeviation ?? 0) / (fine.maxDeviation ?? 1);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
    expect(report.maxRelativeDeviation).toBeLessThan(coarse.maxRelativeDeviation ?? 0);
  });

  it('gives the same iterate whether or not earlier times are recorded on the way', () => {
    const alone = trajectoryCommand({ Y, U0: small, times: [2], method: 'gd' });
    expect(alone.points[0].W).toEqual(report.points[2].W);
    expect(alone.points[0].eigenvalues).toEqual(report.points[2].eigenvalues);
  });
});

describe('trajectoryCommand input errors', () => {
  it('rejects an unknown method and eta without gd', () => {
    const method = 'euler' as unknown as 'closed';
    expect(() => trajectoryCommand({ Y, U0, times, method })).toThrowError(/method: must be closed, ode or gd, got euler/);
    expect(() => trajectoryCommand({ Y, U0, times, method: 'ode', eta: 0.01 })).toThrowError(/eta: the step size applies to --method gd only/);
    expect(() => trajectoryCommand({ Y, U0, times, method: 'gd', eta: -1 })).toThrowError(/eta: must be a finite number > 0/);
  });

  it('passes core errors through for bad times and shapes', () => {
    expect(() => trajectoryCommand({ Y, U0, times: [1, -1], method: 'closed' })).toThrowError(FactorflowInputError);
    expect(() => trajectoryCommand({ Y, U0, times: [1, -1], method: 'closed' })).toThrowError(/times\[1\]/);
    expect(() => trajectoryCommand({ Y, U0, times: [], method: 'closed' })).toThrowError(/times: expected a non-empty array/);
    expect(() => trajectoryCommand({ Y, U0: U0.slice(1), times, method: 'closed' })).toThrowError(FactorflowInputError);
  });

  it('refuses a gradient descent run that would take minutes, naming --eta', () => {
    expect(() => trajectoryCommand({ Y, U0, times: [1e4], method: 'gd' })).toThrowError(/needs 100000000 iterations.*pass a larger --eta/);
  });
});

describe('trajectoryCommand conditioning', () => {
  it('prints the warning when W(t) depends on components of U0 below rounding, and nothing otherwise', () => {
    // Y = Q diag(2, 1) Q^T, U0 along Q's lambda = 1 column with 1e-20 along lambda = 2: not resolvable.
    const Yrotated = [
      [1.5, 0.5],
      [0.5, 1.5],
    ];
    const c = Math.SQRT1_2;
    const aligned = [
      [c * 1e-20, -c],
      [c * 1e-20, c],
    ];
    const report = trajectoryCommand({ Y: Yrotated, U0: aligned, times: [0, 50], method: 'closed' });
    expect(report.warning).toMatch(/lambda = 2\.000/);
    expect(formatTrajectory(report).split('\n').at(-1)).toMatch(/^warning: W0 may have components of up to /);
    expectJsonSafe(report);
    const generic = trajectoryCommand({ Y, U0, times, method: 'closed' });
    expect(generic.warning).toBeUndefined();
    expect(formatTrajectory(generic)).not.toContain('warning');
  });
});
