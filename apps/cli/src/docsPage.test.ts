/**
 * The docs page "From Python and Jupyter" (apps/docs/docs/python.md), run as a reader would run it:
 * its code blocks in page order in one folder, Python blocks in Python, shell blocks through the
 * CLI's bin. The commands are read from the page, so the page cannot drift from what is tested.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import type { IncrementalLearningReport } from '@factorflow/core';

import type { TrajectoryReport } from './commands/trajectory.js';
import { EXAMPLES, FIXTURES, pythonWith, readWithNumpy, runCli, sameDoubles, skipReason } from './testing/python.js';

const PAGE = fileURLToPath(new URL('../../docs/docs/python.md', import.meta.url));

/** The commands the page quotes, in order; the checks below rely on the files they write. */
const COMMANDS = [
  'npx factorflow plan --Y Y.npy --U0 U0bar.npy --epsilon 0.5 --out windows.csv --out plan.json',
  'npx factorflow plan --Y Y.csv --U0 U0bar.npy --epsilon 0.5 --out plan-from-csv.json',
  'npx factorflow plan --Y Y.mtx --U0 U0bar.npy --epsilon 0.5 --out plan-from-mtx.json',
  'npx factorflow plan --Y Y.txt --U0 U0bar.npy --epsilon 0.5 --out plan-from-txt.json',
  'npx factorflow trajectory --Y Y.npy --U0 U0.npy --times "linspace(0,6,61)" --out W.npy --out trajectory.json',
];

/**
 * What a Python block that cannot run here would have written, from the fixtures the same
 * libraries wrote for the same Y, so that the commands after it still run.
 */
const STAND_INS: Readonly<Record<string, string>> = { 'Y.csv': 'Y-pandas.csv', 'Y.mtx': 'Y.mtx', 'Y.txt': 'Y-savetxt.txt' };

interface Block {
  readonly language: string;
  readonly code: string;
}

function blocksOf(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1], code: match[2] }));
}

/** The top-level modules a Python block imports. */
function importsOf(code: string): string[] {
  return [...new Set([...code.matchAll(/^(?:import|from)\s+(\w+)/gm)].map((match) => match[1]))];
}

/** The commands of a shell block: its lines, with those ending in a backslash joined to the next. */
function commandsOf(block: Block): string[] {
  return block.code
    .replace(/ *\\\n */g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** A command line split as a shell would split it (double quotes only: the page needs no more). */
function wordsOf(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

const page = readFileSync(PAGE, 'utf8');
const blocks = blocksOf(page);
const directory = mkdtempSync(join(tmpdir(), 'factorflow-docs-python-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const file = (name: string): string => join(directory, name);

describe('the docs page "From Python and Jupyter"', () => {
  it('quotes exactly the commands this test runs, and only factorflow commands', () => {
    const commands = blocks.filter((block) => block.language === 'sh').flatMap(commandsOf);
    expect(commands).toEqual(COMMANDS);
    expect(blocks.map((block) => block.language)).toEqual(['python', 'python', 'sh', 'python', 'python']);
  });

  const skipped = skipReason(['numpy'], 'running the docs page');

  it.skipIf(skipped !== null)('runs from the first block to the plot, and every file says what the page says it does', () => {
    copyFileSync(join(EXAMPLES, 'Y.json'), file('Y.json'));
    copyFileSync(join(EXAMPLES, 'U0.json'), file('U0.json'));
    const ran: string[] = [];
    for (const [index, block] of blocks.entries()) {
      if (block.language === 'sh') {
        for (const line of commandsOf(block)) {
          const [npx, command, ...args] = wordsOf(line);
          expect([npx, command]).toEqual(['npx', 'factorflow']);
          const run = runCli(args, { cwd: directory });
          expect(run.stderr, line).toBe('');
          expect(run.status, line).toBe(0);
        }
        continue;
      }
      const modules = importsOf(block.code);
      const python = pythonWith(modules);
      if (python === null) {
        const missing = Object.entries(STAND_INS).filter(([name]) => !existsSync(file(name)));
        for (const [name, fixture] of missing) copyFileSync(join(FIXTURES, fixture), file(name));
        const standIns = missing.length === 0 ? '' : `; the fixtures stand in for ${missing.map(([name]) => name).join(', ')}`;
        console.log(`skipped: Python block ${index + 1} of the docs page needs ${modules.join(', ')}${standIns}`);
        continue;
      }
      const run = spawnSync(python, ['-c', block.code], { cwd: directory, encoding: 'utf8', env: { ...process.env, MPLBACKEND: 'Agg' }, timeout: 120_000 });
      expect(run.stderr, `Python block ${index + 1} in ${python}`).toBe('');
      expect(run.status).toBe(0);
      ran.push(...modules);
    }

    // Every format holds the same Y: the reports agree with each other and with the JSON example's.
    const plan = readFileSync(file('plan.json'), 'utf8');
    for (const from of ['csv', 'mtx', 'txt']) expect(readFileSync(file(`plan-from-${from}.json`), 'utf8'), from).toBe(plan);
    const reference = runCli(['plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json']);
    expect(plan).toBe(reference.stdout);
    const windows = readWithNumpy(file('windows.csv'));
    expect(windows.shape).toEqual([(JSON.parse(plan) as IncrementalLearningReport).ranks.length, 7]);

    // W.npy is the report's W(t), 61 times of a 5 x 5 matrix; its singular values are the eigenvalues the report gives.
    const trajectory = JSON.parse(readFileSync(file('trajectory.json'), 'utf8')) as TrajectoryReport;
    const W = readWithNumpy(file('W.npy'));
    expect(W.shape).toEqual([61, 5, 5]);
    expect(sameDoubles(W.values, trajectory.points.flatMap((point) => point.W.flat()))).toBe(true);
    const sigma = readWithNumpy(file('W.npy'), 'svd').values;
    const eigenvalues = trajectory.points.flatMap((point) => point.eigenvalues);
    sigma.forEach((value, i) => expect(Math.abs(value - eigenvalues[i])).toBeLessThan(1e-12 * trajectory.normY));
    // The plot: the largest singular value is learned first, then the next (halfway times increase).
    const halfway = [0, 1, 2, 3, 4].map((k) => trajectory.points.findIndex((point) => point.eigenvalues[k] >= [10, 8, 6, 4, 2][k] / 2));
    expect(halfway.every((step, k) => step > 0 && (k === 0 || step > halfway[k - 1]))).toBe(true);

    if (ran.includes('matplotlib')) expect(readFileSync(file('singular-values.png')).subarray(1, 4).toString()).toBe('PNG');
    else console.log('skipped: the plot was not drawn (no Python with matplotlib)');
  });
});
