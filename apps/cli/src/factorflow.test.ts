/** End-to-end tests of the `factorflow` command through its checked-in bin, as npm links it (turbo builds dist/ before the tests). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/factorflow.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(CLI, args, { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  bug: boolean;
  suites: { suite: string; checked: number; passed: number; metric: number | null; findings: string[]; seconds: number }[];
}

describe('factorflow CLI', () => {
  it('gives the same verification report for one and two workers', () => {
    const args = ['verify', '--suite', 'corollary-2', '--suite', 'theorem-3', '--instances', '12', '--seed', '5', '--json'];
    const one = run(...args, '--workers', '1');
    const two = run(...args, '--workers', '2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const strip = (text: string) => (JSON.parse(text) as JsonReport).suites.map(({ seconds: _seconds, ...rest }) => rest);
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    const report = JSON.parse(one.stdout) as JsonReport;
    expect(report.bug).toBe(false);
    expect(report.suites.map((suite) => [suite.suite, suite.checked])).toEqual([
      ['corollary-2', 12],
      ['theorem-3', 12],
    ]);
  });

  it('prints a table with a closing count line', () => {
    const { status, stdout } = run('verify', '--suite', 'corollary-2', '--instances', '4');
    expect(status).toBe(0);
    expect(stdout).toMatch(/corollary-2\s+4\s+4\/4/);
    expect(stdout.trim().split('\n').at(-1)).toBe('suites: 1 passed, 0 failed');
  });

  it('has help for every command, and exits 2 on bad usage with a pointer to it', () => {
    for (const command of ['', 'verify', 'plan', 'certify', 'trajectory', 'symbolic', 'udv']) {
      const { status, stdout } = run(...(command ? [command] : []), '--help');
      expect(status).toBe(0);
      expect(stdout).toMatch(/Usage: factorflow/);
    }
    const unknown = run('verify', '--suite', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown suite 'nope'.*proposition-1/s);
    expect(run('verify', '--instances', '-3').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
  });

  it("takes a negative number as the value of an option, and checks it by that option's rule", () => {
    const plan = run('plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '-0.5');
    expect(plan.status).toBe(2);
    expect(plan.stderr).toMatch(/^factorflow: --epsilon expects a number > 0, got '-0\.5'/);
    const times = run('trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '-1,2');
    expect(times.status).toBe(2);
    expect(times.stderr).not.toMatch(/unknown option/);
  });

  it('treats the names of Object.prototype as the unknown options they are', () => {
    const { status, stderr } = run('plan', '--constructor', '1');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^factorflow: unknown option '--constructor'/);
  });

  it('names an unknown option, the option meant and the help to read, with exit status 2', () => {
    const { status, stdout, stderr } = run('plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilno', '0.5');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "factorflow: unknown option '--epsilno'; did you mean --epsilon? The options are --Y, --U0, --epsilon, --alpha, --out, --json.\n" +
        "Run 'factorflow plan --help' for usage.\n",
    );
  });

  it('runs the @factorflow/symbolic catalog as `factorflow symbolic`, with its options and exit statuses', () => {
    const { status, stdout } = run('symbolic', '--only', 'cor2.13', '--json', '--workers', '0');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { schema: string; results: { id: string; verdict: string }[] };
    expect(report.schema).toBe('factorflow-symbolic-report/2');
    expect(report.results.map((result) => [result.id, result.verdict])).toEqual([
      ['cor2.13.ode', 'holds'],
      ['cor2.13.limit', 'holds'],
    ]);
    const unknown = run('symbolic', '--only', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--only nope matches no catalog entry/);
  });

  it('names the file and the problem for bad matrix files', () => {
    const directory = mkdtempSync(join(tmpdir(), 'factorflow-'));
    const ragged = join(directory, 'ragged.json');
    writeFileSync(ragged, '[[1, 2], [3]]');
    const result = run('plan', '--Y', ragged, '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('ragged.json');
    const missing = run('trajectory', '--Y', join(directory, 'none.json'), '--U0', ragged, '--times', '0,1');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('none.json');
  });

  it('reports a gradient descent that cannot follow the flow as a numerical failure: one line naming eta, exit status 1', () => {
    // Issue 16: eta = 10 on the example files printed a gap of 1e123 as if it were a result.
    const { status, stdout, stderr } = run(
      'trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '0,1,2,4', '--method', 'gd', '--eta', '10',
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^factorflow: numerical failure \(diverged\): eta: gradient descent with eta = 10 cannot follow the gradient flow/);
    expect(stderr).toMatch(/eta >= 2 \/ h = 0\.100/);
    expect(stderr).toMatch(/gap to the flow is O\(eta\)\.\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it("reads one matrix from standard input given as '-', and refuses two", () => {
    const Y = readFileSync(join(EXAMPLES, 'Y.json'), 'utf8');
    const piped = spawnSync(CLI, ['plan', '--Y', '-', '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json'], { input: Y, encoding: 'utf8', timeout: 120_000 });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(run('plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json').stdout);
    const both = spawnSync(CLI, ['plan', '--Y', '-', '--U0', '-', '--epsilon', '0.5'], { input: Y, encoding: 'utf8', timeout: 120_000 });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/cannot both be '-'/);
  });

  it("gives the ode route the integrator's settings, and refuses them for the other methods", () => {
    const base = ['trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--times', '0,5'];
    const loose = run(...base, '--method', 'ode', '--rtol', '1e-6', '--json');
    expect(loose.status).toBe(0);
    expect(JSON.parse(loose.stdout)).toMatchObject({ method: 'ode', rtol: 1e-6 });
    const budget = run(...base, '--method', 'ode', '--max-steps', '3');
    expect(budget.status).toBe(1);
    expect(budget.stderr).toMatch(/^factorflow: numerical failure \(not-converged\): maxSteps: 3 step attempts/);
    const closed = run(...base, '--rtol', '1e-6');
    expect(closed.status).toBe(2);
    expect(closed.stderr).toMatch(/apply to --method ode only/);
  });

  it('runs plan and trajectory on the example files', () => {
    const plan = run('plan', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.json'), '--epsilon', '0.5', '--json');
    expect(plan.status).toBe(0);
    expect(() => JSON.parse(plan.stdout)).not.toThrow();
    const trajectory = run('trajectory', '--Y', join(EXAMPLES, 'Y.json'), '--U0', join(EXAMPLES, 'U0.csv'), '--times', '0,1,2', '--method', 'ode');
    expect(trajectory.status).toBe(0);
    expect(trajectory.stdout.length).toBeGreaterThan(0);
  });
});
