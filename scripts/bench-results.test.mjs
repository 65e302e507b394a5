// The kernels benchmark (issue 21): the README's block is the one generated from results/bench.json,
// and the file's derived figures (ratios, cost exponents) are those of its own measured times.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { README, benchBlock, benchGoals, blockOf, readResult } from './readme-results.mjs';

const bench = readResult('bench');

function slope(points) {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, seconds]) => Math.log(seconds));
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const numerator = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0);
  return numerator / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
}

test("the README's bench block is generated from results/bench.json and says the figures are from one machine", () => {
  const block = blockOf(readFileSync(README, 'utf8'), 'bench');
  assert.ok(block, 'README has the results:bench block');
  assert.equal(block, benchBlock(bench));
  assert.match(block, /Figures are from one machine/);
  assert.match(block, /load average/);
});

test('each ratio is ours / numpy, every row records its load, and both sides computed the same W', () => {
  assert.ok(bench.rows.length > 0);
  for (const row of bench.rows) {
    assert.ok(row.ours > 0 && Number.isFinite(row.load), `${row.kind} n=${row.n}`);
    if (row.numpy === null) assert.equal(row.ratio, null);
    else assert.equal(row.ratio, row.ours / row.numpy);
    // The six largest eigenvalues of W agree with numpy's to far better than any figure shown.
    if (row.agreement !== null) assert.ok(row.agreement < 1e-8, `${row.kind} n=${row.n} r=${row.r}: ${row.agreement}`);
  }
});

test('the cost exponents are the least-squares slopes of the rows they summarize', () => {
  for (const entry of bench.exponents) {
    const rows = bench.rows.filter((row) => row.kind === entry.kind && (entry.r === 'n' ? row.r === null || row.r === row.n : row.r === entry.r));
    assert.ok(rows.length >= 2, `${entry.kind} r=${entry.r}`);
    assert.ok(Math.abs(entry.ours - slope(rows.map((row) => [row.n, row.ours]))) < 1e-12);
  }
});

test('where the time goes: each case has its phases in the order they run, with ratios ours / numpy', () => {
  const expected = {
    eigen: ['tridiagonalization', 'divide and conquer', 'applying Q'],
    trajectory: ['eigendecomposition', 'factor', 'structured QR', 'triangular solve', 'assemble W', 'singular values'],
    'one-time': ['eigendecomposition', 'factor', 'structured QR', 'triangular solve', 'assemble W'],
  };
  for (const row of bench.rows) {
    const label = `${row.kind} n=${row.n} r=${row.r}`;
    if (!(row.kind in expected)) {
      assert.equal(row.phases, null, label);
      continue;
    }
    assert.deepEqual(
      row.phases.map((phase) => phase.name),
      expected[row.kind],
      label,
    );
    for (const phase of row.phases) {
      assert.ok(Number.isFinite(phase.ours) && phase.ours >= 0, `${label} ${phase.name}`);
      if (phase.numpy === null) assert.equal(phase.ratio, null);
      else assert.equal(phase.ratio, phase.ours / phase.numpy, `${label} ${phase.name}`);
    }
  }
  assert.match(blockOf(readFileSync(README, 'utf8'), 'bench'), /Where the time goes/);
});

test("the product's GFLOP/s are 2 n^3 flops over each side's measured time", () => {
  const products = bench.rows.filter((row) => row.kind === 'product');
  assert.ok(products.length > 0);
  for (const row of products) {
    assert.equal(row.gflops.ours, (2 * row.n ** 3) / row.ours / 1e9);
    if (row.numpy !== null) assert.equal(row.gflops.numpy, (2 * row.n ** 3) / row.numpy / 1e9);
  }
  for (const row of bench.rows.filter((entry) => entry.kind !== 'product')) assert.equal(row.gflops, null);
});

test("issue 21's goals: the n = 200 rows (3x) and the closed form's n = 500 rows (4x), judged on the recorded ratios", () => {
  const goals = benchGoals(bench.rows);
  // Five kinds at n = 200 (the closed form at r = n and r = 5) and the closed form's four rows at n = 500.
  assert.equal(goals.length, bench.rows.filter((row) => row.n === 200).length + bench.rows.filter((row) => row.n === 500 && (row.kind === 'trajectory' || row.kind === 'one-time')).length);
  for (const { row, limit, met } of goals) {
    assert.equal(limit, row.n === 200 ? 3 : 4);
    assert.equal(met, row.ours / row.numpy <= limit, `${row.kind} n=${row.n} r=${row.r}`);
  }
  const block = blockOf(readFileSync(README, 'utf8'), 'bench');
  const missed = goals.filter((goal) => !goal.met);
  assert.match(block, new RegExp(`${goals.length - missed.length} of ${goals.length} met in this run`));
});
