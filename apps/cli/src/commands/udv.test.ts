/** End-to-end tests of `factorflow udv` on the built CLI. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../bin/factorflow.js', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(CLI, ['udv', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('factorflow udv', () => {
  it('runs one model and reports rank, zeros in d and the test error', () => {
    const { status, stdout } = run('--n', '16', '--rank', '2', '--observed', '120', '--radius', 'data', '--iterations', '2000', '--json');
    expect(status).toBe(0);
    const { summary, singularValues, setting } = JSON.parse(stdout) as {
      summary: { model: string; radius: number; iterations: number; rank: { approximate: number; numerical: number; exact: number }; exactZerosInD: number };
      singularValues: number[];
      setting: { n: number };
    };
    expect(setting.n).toBe(16);
    expect(summary.model).toBe('udv');
    expect(summary.radius).toBeGreaterThan(1);
    expect(summary.iterations).toBeLessThanOrEqual(2000);
    expect(singularValues).toHaveLength(16);
    // The ranks at looser tolerances can only be smaller.
    expect(summary.rank.approximate).toBeLessThanOrEqual(summary.rank.numerical);
    expect(summary.rank.numerical).toBeLessThanOrEqual(summary.rank.exact);
    expect(summary.rank.exact).toBe(singularValues.filter((value) => value > 1e-10 * singularValues[0]).length);
    expect(summary.exactZerosInD).toBeGreaterThanOrEqual(0);
  });

  it('runs sensing with the nuclear norm and the network experiment', () => {
    const sensing = run('--task', 'sensing', '--n', '8', '--rank', '1', '--observed', '60', '--model', 'nuclear', '--iterations', '300');
    expect(sensing.status).toBe(0);
    expect(sensing.stdout).toMatch(/sensing: 8 x 8, rank 1, 60 measurements/);
    expect(sensing.stdout).toMatch(/model nuclear norm/);
    const network = run('network', '--iterations', '200', '--json');
    expect(network.status).toBe(0);
    const { networks } = JSON.parse(network.stdout) as { networks: { network: string; activeUnits: number }[] };
    expect(networks.map((entry) => entry.network)).toEqual(['constrained-diagonal', 'plain-two-layer']);
  });

  it('runs the radius sweep: udv at factor x a_data for every factor and xi, in that order, a JSON line per cell', () => {
    const { status, stdout } = run('radius', '--iterations', '3', '--json');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as {
      schema: string;
      setup: string;
      dataRadius: number;
      factor: number;
      summary: { model: string; radius: number; xi: number; eta: number; iterations: number };
    });
    const factors = [...new Set(lines.map((line) => line.factor))];
    const xis = [...new Set(lines.map((line) => line.summary.xi))];
    expect(factors).toEqual([0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5, 2]);
    expect(xis).toEqual([1, 1e-2, 1e-4, 1e-6]);
    expect(lines).toHaveLength(factors.length * xis.length);
    // Setup (a) has ||X*||_F = 100, estimated from 900 observed pairs.
    const { dataRadius } = lines[0];
    expect(dataRadius).toBeGreaterThan(0.8 * Math.cbrt(100));
    expect(dataRadius).toBeLessThan(1.25 * Math.cbrt(100));
    lines.forEach((line, index) => {
      expect(line.schema).toBe('factorflow-udv-radius-sweep/2');
      expect(line.setup).toBe('a');
      expect(line.dataRadius).toBe(dataRadius);
      expect(line.factor).toBe(factors[Math.floor(index / xis.length)]);
      expect(line.summary.model).toBe('udv');
      expect(line.summary.radius).toBeCloseTo(line.factor * dataRadius, 12);
      expect(line.summary.xi).toBe(xis[index % xis.length]);
      expect(line.summary.eta).toBe(1e-3);
      expect(line.summary.iterations).toBeLessThanOrEqual(3);
    });
    const text = run('radius', '--iterations', '2');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/\| a \/ a_data \(a\) \| xi = 1 \| xi = 0\.01 \| xi = 1e-4 \| xi = 1e-6 \|/);
  });

  it('rejects bad options with exit 2 and a message naming the option', () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'svd'], /--model expects one of udv, bm, deep, nuclear/],
      [['--task', 'denoising'], /--task expects one of completion, sensing/],
      [['--radius=0'], /--radius expects a number > 0 or 'data'/],
      [['--eta', '0'], /--eta expects a number > 0/],
      [['--task', 'sensing', '--symmetric'], /--symmetric applies to --task completion only/],
      [['sweep', '--setup', 'c'], /--setup expects one of a, b2000, b5000/],
      [['radius', '--eta=-1'], /--eta expects a number > 0/],
      [['--n', '10', '--rank', '11'], /rank/],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = run(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(message);
    }
  });
});
