import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { FactorflowInputError } from '@factorflow/core';

import { readMatrixFile } from '../matrixFile/index.js';
import { type AsymmetricTrajectoryReport, asymmetricTrajectoryCommand, formatAsymmetricTrajectory } from './asymmetricTrajectory.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/factorflow.js', import.meta.url));
/** 3 x 5, singular values exactly 6, 3, 1; a balanced start of scale alpha = 1e-6 with r = 3 (examples/README.md). */
const Y = readMatrixFile(join(EXAMPLES, 'Y-rect.json'), '--Y');
const U0 = readMatrixFile(join(EXAMPLES, 'U0-rect.json'), '--U0');
const V0 = readMatrixFile(join(EXAMPLES, 'V0-rect.json'), '--V0');
const SIGMA = [6, 3, 1];

/** A B^T by the definition, independent of core. */
function productT(A: number[][], B: number[][]): number[][] {
  return A.map((row) => B.map((other) => row.reduce((sum, value, k) => sum + value * other[k], 0)));
}

function maxAbs(A: number[][], B: number[][]): number {
  return Math.max(...A.flatMap((row, i) => row.map((value, j) => Math.abs(value - B[i][j]))));
}

function expectJsonSafe(report: AsymmetricTrajectoryReport): void {
  const text = JSON.stringify(report);
  expect(JSON.parse(text)).toEqual(report);
  expect(text).not.toMatch(/Infinity|NaN|null/);
}

describe('asymmetricTrajectoryCommand, closed form from a balanced start', () => {
  const times = Array.from({ length: 201 }, (_, i) => i * 0.1);
  const report = asymmetricTrajectoryCommand({ Y, U0, V0, times, method: 'closed' });

  it('starts at X(0) = U0 V0^T, ends at Y, and reports min(m, n) decreasing singular values', () => {
    expect(report).toMatchObject({ flow: 'asymmetric', method: 'closed', m: 3, n: 5, r: 3, balanced: true });
    expect(report.normY).toBeCloseTo(6, 12);
    expect(report.relativeImbalance).toBeLessThan(1e-15);
    expect(maxAbs(report.points[0].X, productT(U0, V0))).toBeLessThan(1e-18);
    for (const point of report.points) {
      expect(point.X).toHaveLength(3);
      expect(point.X[0]).toHaveLength(5);
      expect(point.singularValues).toHaveLength(3);
      for (let i = 1; i < 3; i++) expect(point.singularValues[i]).toBeLessThanOrEqual(point.singularValues[i - 1]);
    }
    // By t = 20 the slowest mode (sigma = 1, transition near log(1e6) / 2 = 6.9, later for a start
    // with a small component along it) has saturated.
    const last = report.points.at(-1);
    last?.singularValues.forEach((value, i) => expect(value).toBeCloseTo(SIGMA[i], 5));
    expect(maxAbs(last?.X ?? [], Y)).toBeLessThan(1e-5);
    expectJsonSafe(report);
  });

  it('learns the singular values one at a time, largest first', () => {
    const halfway = SIGMA.map((sigma, k) => report.points.find((point) => point.singularValues[k] >= sigma / 2)?.t ?? Number.NaN);
    expect(halfway.every(Number.isFinite)).toBe(true);
    expect(halfway[1]).toBeGreaterThan(halfway[0]);
    expect(halfway[2]).toBeGreaterThan(halfway[1]);
    // What examples/README.md says about these files.
    expect(halfway[0]).toBeGreaterThan(1);
    expect(halfway[0]).toBeLessThanOrEqual(1.5 + 1e-9);
    expect(halfway[1]).toBeGreaterThan(2);
    expect(halfway[1]).toBeLessThanOrEqual(2.5 + 1e-9);
    expect(halfway[2]).toBeGreaterThan(8.5);
    expect(halfway[2]).toBeLessThanOrEqual(9 + 1e-9);
    const settled = report.points.find((point) => Math.abs(point.t - 16.5) < 1e-9);
    expect(settled?.singularValues.map((value) => value.toPrecision(6))).toEqual(['6.00000', '3.00000', '1.00000']);
    // While sigma_1 is being learned the others are still at the scale of the start.
    const first = report.points.find((point) => point.t >= halfway[0]);
    expect(first?.singularValues[1]).toBeLessThan(0.1);
  });

  it('formats the shapes, the balance and the singular values', () => {
    const text = formatAsymmetricTrajectory(asymmetricTrajectoryCommand({ Y, U0, V0, times: [0, 4], method: 'closed' }));
    expect(text).toContain('X(t) = U(t) V(t)^T, Y: 3 x 5, U0: 3 x 3, V0: 5 x 3');
    expect(text).toMatch(/, balanced\n/);
    expect(text.match(/singular values: /g)).toHaveLength(2);
    expect(text.match(/^ {4}\[ /gm)).toHaveLength(6);
    expect(text).not.toMatch(/NaN|undefined|null|X_closed/);
  });
});

describe('asymmetricTrajectoryCommand, the numerical routes', () => {
  it('ode agrees with the closed form to 1e-8 ||Y||, in the order the times were given', () => {
    const report = asymmetricTrajectoryCommand({ Y, U0, V0, times: [8, 0, 4], method: 'ode' });
    expect(report.points.map((point) => point.t)).toEqual([8, 0, 4]);
    expect(report.steps).toBeGreaterThan(10);
    expect(report.maxRelativeDeviation).toBeLessThan(1e-8);
    const closed = asymmetricTrajectoryCommand({ Y, U0, V0, times: [8, 0, 4], method: 'closed' });
    report.points.forEach((point, i) => expect(maxAbs(point.X, closed.points[i].X)).toBeLessThan(1e-7));
    expectJsonSafe(report);
    expect(formatAsymmetricTrajectory(report)).toContain('||X - X_closed||_2 = ');
  });

  it('gd is first order in eta: halving eta about halves the deviation from the closed form', () => {
    const coarse = asymmetricTrajectoryCommand({ Y, U0, V0, times: [3], method: 'gd', eta: 4e-3 });
    const fine = asymmetricTrajectoryCommand({ Y, U0, V0, times: [3], method: 'gd', eta: 2e-3 });
    expect(coarse.etaSource).toBe('given');
    expect(coarse.points[0].step).toBe(750);
    const ratio = (coarse.maxDeviation ?? 0) / (fine.maxDeviation ?? 1);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('gd reports the step times it used and gives the same iterate with or without earlier times', () => {
    const report = asymmetricTrajectoryCommand({ Y, U0, V0, times: [1.23456, 0, 2], method: 'gd' });
    const eta = report.eta ?? 0;
    expect(report.etaSource).toBe('default');
    expect(eta).toBeCloseTo(1e-3 / 6, 15);
    for (const point of report.points) {
      expect(point.step).toBe(Math.round(point.requested / eta));
      expect(point.t).toBe((point.step ?? 0) * eta);
    }
    expect(maxAbs(report.points[1].X, productT(U0, V0))).toBe(0);
    const alone = asymmetricTrajectoryCommand({ Y, U0, V0, times: [2], method: 'gd' });
    expect(alone.points[0].X).toEqual(report.points[2].X);
  });

  it('runs ode and gd from an imbalanced start with nothing to compare, and refuses the closed form, naming --method ode', () => {
    const imbalanced = V0.map((row) => row.map((value) => 2 * value));
    const ode = asymmetricTrajectoryCommand({ Y, U0, V0: imbalanced, times: [0, 5], method: 'ode' });
    expect(ode.balanced).toBe(false);
    expect(ode.relativeImbalance).toBeGreaterThan(0.1);
    expect(ode.maxDeviation).toBeUndefined();
    expect(ode.points[1].deviation).toBeUndefined();
    expect(maxAbs(ode.points[0].X, productT(U0, imbalanced))).toBeLessThan(1e-18);
    expect(formatAsymmetricTrajectory(ode)).toContain('not balanced');
    expect(() => asymmetricTrajectoryCommand({ Y, U0, V0: imbalanced, times: [1], method: 'closed' })).toThrowError(/V0: .*balanced start.*--method ode/);
  });

  it('rejects mismatched factors, a bad method, eta without gd and a gd run that would take minutes', () => {
    expect(() => asymmetricTrajectoryCommand({ Y, U0, V0: V0.slice(1), times: [1], method: 'closed' })).toThrowError(FactorflowInputError);
    expect(() => asymmetricTrajectoryCommand({ Y, U0: U0.slice(1), V0, times: [1], method: 'ode' })).toThrowError(FactorflowInputError);
    const method = 'euler' as unknown as 'closed';
    expect(() => asymmetricTrajectoryCommand({ Y, U0, V0, times: [1], method })).toThrowError(/method: must be closed, ode or gd/);
    expect(() => asymmetricTrajectoryCommand({ Y, U0, V0, times: [1], method: 'closed', eta: 0.1 })).toThrowError(/--method gd only/);
    expect(() => asymmetricTrajectoryCommand({ Y, U0, V0, times: [1e9], method: 'gd' })).toThrowError(/times: .*pass a larger --eta/);
  });
});

function run(...args: string[]) {
  const result = spawnSync(CLI, args, { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('factorflow trajectory --V0 (the bin)', () => {
  const files = ['--Y', join(EXAMPLES, 'Y-rect.json'), '--U0', join(EXAMPLES, 'U0-rect.json'), '--V0', join(EXAMPLES, 'V0-rect.json')];

  it('prints the singular values of X(t), and JSON tagged with its own schema', () => {
    const text = run('trajectory', ...files, '--times', '0,3,20');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('singular values: 6.00000, 3.00000, 1.00000');
    const json = run('trajectory', ...files, '--times', '0,3', '--method', 'ode', '--json');
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { schema: string; m: number; n: number };
    expect(Object.keys(report)[0]).toBe('schema');
    expect(report).toMatchObject({ schema: 'factorflow-asymmetric-trajectory/1', m: 3, n: 5 });
    expect(run('trajectory', '--help').stdout).toMatch(/--V0 FILE/);
  });

  it('exits 2 with the reason for an imbalanced closed form and for --V0 - beside --Y -', () => {
    const directory = mkdtempSync(join(tmpdir(), 'factorflow-asym-'));
    const imbalanced = join(directory, 'V0.json');
    writeFileSync(imbalanced, JSON.stringify(V0.map((row) => row.map((value) => 3 * value))));
    const refused = run('trajectory', '--Y', join(EXAMPLES, 'Y-rect.json'), '--U0', join(EXAMPLES, 'U0-rect.json'), '--V0', imbalanced, '--times', '1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/balanced start.*--method ode/);
    const stdin = run('trajectory', '--Y', '-', '--U0', join(EXAMPLES, 'U0-rect.json'), '--V0', '-', '--times', '1');
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/--V0 cannot be '-'/);
  });
});
