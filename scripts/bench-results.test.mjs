// The kernels benchmark (issue 21): the README's block is the one generated from results/bench.json,
// and the file's derived figures (ratios, cost exponents) are those of its own measured times.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { README, benchBlock, blockOf, readResult } from './readme-results.mjs';

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
