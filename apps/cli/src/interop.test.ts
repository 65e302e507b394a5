/**
 * The CLI with numpy on both sides, through its built bin: every file numpy, pandas and scipy wrote
 * for the example Y gives the report the JSON example gives, and what `--out` writes reads back
 * with numpy as exactly the numbers `--json` prints.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import type { IncrementalLearningReport } from '@factorflow/core';

import type { TrajectoryReport } from './commands/trajectory.js';
import { EXAMPLES, FIXTURES, readWithNumpy, runCli, runCliAsync, sameDoubles, skipReason } from './testing/python.js';

const directory = mkdtempSync(join(tmpdir(), 'factorflow-interop-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const out = (name: string): string => join(directory, name);

const Y_FILES = readdirSync(FIXTURES).filter((file) => /^Y[.-]/.test(file));
const PLAN = ['--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json'];

describe('every format of the example Y, through the CLI', () => {
  it('gives the plan that Y.json gives, from a file and from standard input', async () => {
    const reference = runCli(['plan', '--Y', join(EXAMPLES, 'Y.json'), ...PLAN]);
    expect(reference.status).toBe(0);
    expect(Y_FILES.length).toBe(12);
    // Two at a time: the machine has two cores and each run is mostly node starting up.
    for (let i = 0; i < Y_FILES.length; i += 2) {
      const runs = await Promise.all(Y_FILES.slice(i, i + 2).map((file) => runCliAsync(['plan', '--Y', join(FIXTURES, file), ...PLAN])));
      runs.forEach((run, k) => {
        expect(run.stderr, Y_FILES[i + k]).toBe('');
        expect(run.stdout, Y_FILES[i + k]).toBe(reference.stdout);
      });
    }
    for (const file of ['Y.npy', 'Y.mtx', 'Y-pandas.csv']) {
      const piped = runCli(['plan', '--Y', '-', ...PLAN], { input: readFileSync(join(FIXTURES, file)) });
      expect(piped.stdout, `${file} on standard input`).toBe(reference.stdout);
    }
  });

  it('gives W(0) = U0 U0^T from every format of U0', async () => {
    const args = (U0: string): string[] => ['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', U0, '--times', '0', '--json'];
    const reference = runCli(args(join(EXAMPLES, 'U0.json')));
    const files = readdirSync(FIXTURES).filter((file) => /^U0[.-]/.test(file));
    for (let i = 0; i < files.length; i += 2) {
      const runs = await Promise.all(files.slice(i, i + 2).map((file) => runCliAsync(args(join(FIXTURES, file)))));
      runs.forEach((run, k) => expect(run.stdout, files[i + k]).toBe(reference.stdout));
    }
  });

  it('exits 2 naming the option, the file and the fix for a file numpy users make by mistake', () => {
    const run = runCli(['plan', '--Y', join(FIXTURES, 'vector.npy'), ...PLAN]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^factorflow: --Y \S*vector\.npy: holds a 1-D array of shape \(3,\); .*a\.reshape\(-1, 1\)/);
    const npz = runCli(['plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(FIXTURES, 'arrays.npz'), '--epsilon', '0.5']);
    expect(npz.status).toBe(2);
    expect(npz.stderr).toMatch(/^factorflow: --U0 \S*arrays\.npz: is a zip archive/);
  });
});

describe('--out', () => {
  it('refuses an unknown extension before any work, and an unwritable path after it, both with exit status 2', () => {
    const unknown = runCli(['plan', '--Y', join(EXAMPLES, 'Y.json'), ...PLAN, '--out', out('windows.xlsx')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      `factorflow: --out ${out('windows.xlsx')} has the extension .xlsx; the format is chosen by the extension: .json (what --json prints), .csv or .npy\n` +
        "Run 'factorflow plan --help' for usage.\n",
    );
    mkdirSync(out('a-directory.npy'));
    const blocked = runCli(['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '1', '--out', out('a-directory.npy')]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toBe(`factorflow: --out ${out('a-directory.npy')}: cannot be written (is a directory); choose another path.\n`);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  const numpyMissing = skipReason(['numpy'], 'reading --out files back with numpy');

  it.skipIf(numpyMissing !== null)('trajectory: W(t) as a (times, n, n) float64 array, and one CSV row per time', () => {
    const args = ['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(FIXTURES, 'U0.npy'), '--times', '0,0.5,2'];
    const run = runCli([...args, '--out', out('W.npy'), '--out', out('trajectory.csv'), '--out', out('trajectory.json'), '--json']);
    expect(run.status).toBe(0);
    expect(readFileSync(out('trajectory.json'), 'utf8')).toBe(run.stdout);
    const report = JSON.parse(run.stdout) as TrajectoryReport;
    const W = readWithNumpy(out('W.npy'));
    expect([W.shape, W.dtype, W.cOrder]).toEqual([[3, 5, 5], '<f8', true]);
    expect(sameDoubles(W.values, report.points.flatMap((point) => point.W.flat()))).toBe(true);
    const csv = readWithNumpy(out('trajectory.csv'));
    expect(csv.columns.slice(0, 7)).toEqual(['t', 'eigenvalue_1', 'eigenvalue_2', 'eigenvalue_3', 'eigenvalue_4', 'eigenvalue_5', 'W_1_1']);
    expect(csv.columns.at(-1)).toBe('W_5_5');
    expect(csv.shape).toEqual([3, 31]);
    expect(sameDoubles(csv.values, report.points.flatMap((point) => [point.t, ...point.eigenvalues, ...point.W.flat()]))).toBe(true);
    // The text output still goes to standard output.
    const text = runCli([...args, '--out', out('again.npy')]);
    expect(text.stdout).toContain('W(t) = U(t) U(t)^T');
  });

  it.skipIf(numpyMissing !== null)('trajectory --method gd: the step and the distance to the closed form as columns', () => {
    const run = runCli(['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '0.01,0.02', '--method', 'gd', '--out', out('gd.csv'), '--json']);
    const report = JSON.parse(run.stdout) as TrajectoryReport;
    const csv = readWithNumpy(out('gd.csv'));
    expect(csv.columns.slice(0, 5)).toEqual(['t', 'requested', 'step', 'deviation', 'eigenvalue_1']);
    const expected = report.points.flatMap((point) => [point.t, point.requested, point.step ?? -1, point.deviation ?? -1, ...point.eigenvalues, ...point.W.flat()]);
    expect(sameDoubles(csv.values, expected)).toBe(true);
  });

  it.skipIf(numpyMissing !== null)('plan: one row per k and measured window, the same numbers in .csv and .npy, inf for unbounded ends', () => {
    const run = runCli(['plan', '--Y', join(FIXTURES, 'Y.npy'), ...PLAN, '--out', out('windows.csv'), '--out', out('windows.npy')]);
    const report = JSON.parse(run.stdout) as IncrementalLearningReport;
    const rows = report.ranks.flatMap((rank) =>
      rank.measured.map((window) => {
        const I = rank.theorem4?.interval;
        return [rank.k, I?.start ?? Number.NaN, I?.end ?? Infinity, Number.NaN, Number.NaN, window.start, window.end ?? Infinity];
      }),
    );
    expect(rows).toHaveLength(5);
    expect(rows[4][2]).toBe(Infinity);
    const npy = readWithNumpy(out('windows.npy'));
    expect([npy.shape, npy.dtype]).toEqual([[5, 7], '<f8']);
    expect(sameDoubles(npy.values, rows.flat())).toBe(true);
    const csv = readWithNumpy(out('windows.csv'));
    expect(csv.columns).toEqual(['k', 'theorem4_start', 'theorem4_end', 'theorem3_start', 'theorem3_end', 'measured_start', 'measured_end']);
    expect(sameDoubles(csv.values, rows.flat())).toBe(true);
  });

  it.skipIf(numpyMissing !== null)('udv: the learned X as an n x n array whose singular values are the reported ones, and the history as CSV', () => {
    const run = runCli(['udv', '--n', '12', '--rank', '2', '--observed', '100', '--iterations', '40', '--out', out('X.npy'), '--out', out('history.csv'), '--out', out('udv.json'), '--json']);
    expect(run.status).toBe(0);
    expect(readFileSync(out('udv.json'), 'utf8')).toBe(run.stdout);
    const report = JSON.parse(run.stdout) as { singularValues: number[]; history: { iteration: number; loss: number; testError: number | null }[] };
    const X = readWithNumpy(out('X.npy'));
    expect(X.shape).toEqual([12, 12]);
    const svd = readWithNumpy(out('X.npy'), 'svd').values;
    expect(svd).toHaveLength(12);
    svd.forEach((sigma, i) => expect(Math.abs(sigma - report.singularValues[i])).toBeLessThanOrEqual(1e-12 * report.singularValues[0]));
    const csv = readWithNumpy(out('history.csv'));
    expect(csv.columns).toEqual(['iteration', 'loss', 'test_error']);
    expect(sameDoubles(csv.values, report.history.flatMap((record) => [record.iteration, record.loss, record.testError ?? Number.NaN]))).toBe(true);
  });
});

