// The U D V^T findings: every figure the README and /udv-model quote about the sweeps is computed
// here from the checked-in sweep files (apps/docs/src/data/udv-*.jsonl, which `factorflow udv sweep`
// and `factorflow udv radius` stream), written at the precision the text uses, and looked up in the
// text. A rerun that moves a figure, or an edit of the text, fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URL } from 'node:url';

import { README } from './readme-results.mjs';
import { ROOT } from './workspaces.mjs';

const DATA = new URL('apps/docs/src/data/', ROOT);
const rowsOf = (file) =>
  readFileSync(new URL(file, DATA), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
const sweep = Object.fromEntries(['a', 'b2000', 'b5000'].map((setup) => [setup, rowsOf(`udv-sweep-${setup}.jsonl`).map((row) => row.summary)]));
const radius = Object.fromEntries(['a', 'b2000'].map((setup) => [setup, rowsOf(`udv-radius-${setup}.jsonl`)]));

const flat = (text) => text.replace(/\s+/g, ' ');
const page = flat(readFileSync(new URL('apps/docs/docs/udv-model.mdx', ROOT), 'utf8'));
const readme = flat(readFileSync(README, 'utf8'));

const XIS = [1e-2, 1e-4, 1e-6];
const dataRadius = (row) => row.model === 'udv' && row.radius !== 1;
const unitRadius = (row) => row.model === 'udv' && row.radius === 1;
const converged = (row) => row.stop === 'converged';
const testErrors = (rows) => rows.map((row) => row.testError);
const min = (values) => Math.min(...values);
const max = (values) => Math.max(...values);

/** `x` to `digits` significant digits as plain decimals: 0.06, 0.10, 0.28. */
const plain = (x, digits) => x.toPrecision(digits);
/** Mantissa and exponent of `x` to `digits` significant digits. */
function scientific(x, digits) {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return { mantissa, exponent: Number(exponent) };
}
/** `x` in the README's notation, 5.4e-4. */
const ascii = (x, digits) => x.toExponential(digits - 1);
/** `x` in the page's TeX, with its dollars: $5.4\times10^{-4}$. */
function tex(x, digits) {
  const { mantissa, exponent } = scientific(x, digits);
  return `$${mantissa}\\times10^{${exponent}}$`;
}
/** The ends of `values` at `digits` significant digits, or one value when they round alike. */
function ends(values, digits) {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo.toPrecision(digits) === hi.toPrecision(digits) ? [lo] : [lo, hi];
}
/** A range of plain decimals, `0.36-0.48`. */
const range = (values, digits) =>
  ends(values, digits)
    .map((x) => plain(x, digits))
    .join('-');
/** A range as the README writes it: `5.3-5.4e-4` (one exponent when the ends share it), `2e-3-9e-2`. */
function asciiRange(values, digits) {
  const parts = ends(values, digits).map((x) => scientific(x, digits));
  if (parts.length === 2 && parts[0].exponent === parts[1].exponent) return `${parts[0].mantissa}-${parts[1].mantissa}e${parts[1].exponent}`;
  return parts.map(({ mantissa, exponent }) => `${mantissa}e${exponent}`).join('-');
}
/** A range as the page writes it: `$5.3$-$5.4\times10^{-4}$`, or `$2\times10^{-3}$-$9\times10^{-2}$`. */
function texRange(values, digits) {
  const parts = ends(values, digits).map((x) => scientific(x, digits));
  if (parts.length === 2 && parts[0].exponent === parts[1].exponent) return `$${parts[0].mantissa}$-$${parts[1].mantissa}\\times10^{${parts[1].exponent}}$`;
  return parts.map(({ mantissa, exponent }) => `$${mantissa}\\times10^{${exponent}}$`).join('-');
}
/** A range of integers, `8-15`. */
const intRange = (values) => (min(values) === max(values) ? `${min(values)}` : `${min(values)}-${max(values)}`);

function shows(text, where, phrase) {
  assert.ok(text.includes(phrase), `${where} should say: ${phrase}`);
}

test('udv at the data-matched radius and eta = 1e-3: converged for every xi, its test error and ranks', () => {
  const runs = (setup) => sweep[setup].filter((row) => dataRadius(row) && row.eta === 1e-3);
  for (const setup of ['a', 'b2000', 'b5000']) {
    assert.equal(runs(setup).length, 3, setup);
    for (const row of runs(setup)) {
      assert.equal(row.stop, 'converged', `${setup} xi = ${row.xi}`);
      assert.equal(row.rank.approximate, row.truthRank, `${setup} xi = ${row.xi}: the rank at 1e-3 is the true rank`);
      assert.equal(row.exactZerosInD, 0, `${setup} xi = ${row.xi}: no exact zero in d`);
    }
  }
  const error = (setup) => texRange(testErrors(runs(setup)), 2);
  shows(page, 'udv-model', `${error('a')} in (a), ${error('b2000')} in (b) with 2000 entries and ${error('b5000')} with 5000`);
  const asciiError = (setup) => asciiRange(testErrors(runs(setup)), 2);
  shows(readme, 'README', `The test error is ${asciiError('a')} on (a)`);
  shows(readme, 'README', `${asciiError('b2000')} on (b) (rank 5, 2000 entries) and ${asciiError('b5000')} with 5000 entries`);
  // "The best of all models on (b)": no other run of either (b) setup has a lower test error.
  for (const setup of ['b2000', 'b5000']) {
    const best = min(testErrors(runs(setup)));
    for (const row of sweep[setup].filter((other) => !runs(setup).includes(other)))
      assert.ok(row.testError > best, `${setup}: ${row.model} eta = ${row.eta} xi = ${row.xi} beats udv (${row.testError} <= ${best})`);
  }
  // Not exactly low rank at 1e-10.
  const exactRanks = (setups) => intRange(setups.flatMap((setup) => runs(setup).map((row) => row.rank.exact)));
  shows(page, 'udv-model', `have rank ${exactRanks(['a', 'b2000'])} (${exactRanks(['b5000'])} with 5000 entries), and none has an exact zero in $d$`);
  shows(readme, 'README', `At 1e-10 it is not (${exactRanks(['a', 'b2000'])}; ${exactRanks(['b5000'])} with 5000 entries)`);
});

test('udv at larger steps: eta = 1e-2 stops fitting, eta = 1e-1 collapses', () => {
  const at = (setups, eta) => setups.flatMap((setup) => sweep[setup].filter((row) => dataRadius(row) && row.eta === eta));
  const stalled = at(['a', 'b2000'], 1e-2);
  assert.ok(stalled.every((row) => !converged(row)));
  shows(
    page,
    'udv-model',
    `$f/f(0)$ is ${range(
      stalled.map((row) => row.relativeLoss),
      2
    )} and the test error ${range(testErrors(stalled), 2)} in (a) and in (b) with 2000 entries`
  );
  shows(readme, 'README', `At \`eta = 1e-2\` udv stops fitting (test error ${range(testErrors(stalled), 2)})`);
  const [wide, middle, small] = XIS.map((xi) => sweep.a.find((row) => dataRadius(row) && row.eta === 1e-2 && row.xi === xi));
  assert.equal(middle.rank.exact, small.rank.exact);
  assert.equal(middle.deadColumns, small.deadColumns);
  for (const row of [wide, middle, small]) assert.ok(row.exactZerosInD > 0, 'some exact zeros in d');
  shows(
    page,
    'udv-model',
    `rank ${wide.rank.exact} with ${wide.deadColumns} dead columns at $\\xi = 10^{-2}$, rank ${middle.rank.exact} with ${middle.deadColumns} dead columns at $\\xi = 10^{-4}$ and at $\\xi = 10^{-6}$`
  );
  shows(
    readme,
    'README',
    `exactly rank ${wide.rank.exact} with ${wide.deadColumns} dead columns at xi = 1e-2, and rank ${middle.rank.exact} with ${middle.deadColumns} at xi = 1e-4 and 1e-6`
  );
  const collapsed = at(['a', 'b2000', 'b5000'], 1e-1);
  assert.deepEqual([...new Set(collapsed.map((row) => row.rank.exact))].sort(), [0, 1]);
  assert.ok(collapsed.every((row) => row.exactZerosInD > 0));
  shows(page, 'udv-model', 'At $\\eta = 10^{-1}$ it collapses to rank 0 or 1, with many zeros in $d$');
  shows(readme, 'README', 'At `eta = 0.1` it collapses to rank 0 or 1');
});

test('udv at radius 1 collapses to rank 1, or to 0 at eta = 0.1 in (b)', () => {
  const runs = Object.values(sweep).flatMap((rows) => rows.filter(unitRadius));
  const ranks = (rows) => [...new Set(rows.map((row) => row.rank.exact))].sort();
  assert.deepEqual(ranks(runs.filter((row) => row.eta < 0.1)), [1]);
  assert.deepEqual(ranks(sweep.a.filter((row) => unitRadius(row) && row.eta === 0.1)), [1]);
  const bCollapse = ['b2000', 'b5000'].flatMap((setup) => sweep[setup].filter((row) => unitRadius(row) && row.eta === 0.1));
  assert.deepEqual(ranks(bCollapse), [0]);
  shows(
    page,
    'udv-model',
    `**Radius 1 collapses to rank 1** for every $(\\eta, \\xi)$, to rank 0 at $\\eta = 10^{-1}$ in (b) (test error ${range(testErrors(runs), 2)})`
  );
  shows(readme, 'README', 'At radius 1 it collapses to rank 1 for every (eta, xi), to rank 0 at eta = 0.1 on (b)');
});

test('Burer-Monteiro: xi decides the rank on (a), overfitting with 2000 entries, xi <= 1e-4 with 5000', () => {
  const bm = (setup, eta) => sweep[setup].filter((row) => row.model === 'bm' && (eta === undefined || row.eta === eta));
  const ranksA = XIS.map((xi) => bm('a', 1e-3).find((row) => row.xi === xi).rank.approximate);
  shows(page, 'udv-model', `In (a) the rank at $10^{-3}$ is ${ranksA[0]}, ${ranksA[1]} and ${ranksA[2]} for`);
  shows(readme, 'README', `on (a) its rank at 1e-3 is ${ranksA[0]}, ${ranksA[1]} and ${ranksA[2]} for`);
  const overfit = bm('b2000').filter((row) => row.eta <= 1e-2);
  shows(page, 'udv-model', `overfits at every $\\xi$ (test error ${range(testErrors(overfit), 2)} at $\\eta \\le 10^{-2}$)`);
  shows(readme, 'README', `With 2000 entries it overfits at every xi (test error ${range(testErrors(overfit), 2)})`);
  const b5000 = bm('b5000').filter((row) => row.eta <= 1e-2);
  const wide = b5000.filter((row) => row.xi === 1e-2);
  const small = b5000.filter((row) => row.xi < 1e-2);
  assert.ok(small.every(converged) && small.every((row) => row.rank.approximate === row.truthRank));
  shows(
    page,
    'udv-model',
    `rank ${intRange(wide.map((row) => row.rank.approximate))} and test error ${range(testErrors(wide), 1)} at $\\xi = 10^{-2}$, rank 5 and ${texRange(
      testErrors(small),
      2
    )} below`
  );
  // eta = 0.1 diverges on (a) and with 5000 entries; with 2000 it converges on the observed entries only.
  assert.ok([...bm('a', 0.1), ...bm('b5000', 0.1)].every((row) => row.stop === 'diverged'));
  const fitted = bm('b2000', 0.1);
  assert.ok(fitted.every(converged));
  shows(page, 'udv-model', `fits the observed entries but not the others with 2000 (test error ${range(testErrors(fitted), 2)})`);
});

test('depth 3: where it fits, where it stays at the saddle, and how long its runs take', () => {
  const deep = (setup) => sweep[setup].filter((row) => row.model === 'deep');
  const saddle = Object.keys(sweep).flatMap((setup) => deep(setup).filter((row) => row.xi === 1e-6 || (row.xi === 1e-4 && row.eta === 1e-3)));
  assert.ok(
    saddle.every((row) => row.relativeLoss >= 0.999 && row.stop === 'max-iterations'),
    'at the saddle X = 0 after 20,000 steps'
  );
  const fits = ['a', 'b2000'].flatMap((setup) => deep(setup).filter((row) => row.xi === 1e-2 && row.eta <= 1e-2));
  shows(
    page,
    'udv-model',
    `At $\\xi = 10^{-2}$ and $\\eta \\le 10^{-2}$ it fits with test error ${texRange(testErrors(fits), 1)} in (a) and in (b) with 2000 entries`
  );
  const best = (setup) => deep(setup).find((row) => row.eta === 1e-2 && row.xi === 1e-4);
  for (const setup of ['a', 'b2000']) assert.equal(best(setup).stop, 'converged', setup);
  shows(page, 'udv-model', `(${tex(best('a').testError, 1)} in (a), ${tex(best('b2000').testError, 1)} in (b))`);
  const diverged = deep('b5000').filter((row) => row.eta === 1e-2 && row.xi >= 1e-4);
  assert.ok(diverged.every((row) => row.stop === 'diverged'));
  const wide5000 = deep('b5000').find((row) => row.eta === 1e-3 && row.xi === 1e-2);
  shows(
    page,
    'udv-model',
    `With 5000 entries it diverges at $\\eta = 10^{-2}$ for $\\xi \\ge 10^{-4}$ and fits at $\\eta = 10^{-3}, \\xi = 10^{-2}$ (test error ${tex(
      wide5000.testError,
      1
    )})`
  );
  const minutes = Object.keys(sweep).flatMap((setup) =>
    deep(setup)
      .filter((row) => row.stop !== 'diverged')
      .map((row) => row.seconds / 60)
  );
  shows(page, 'udv-model', `Its runs that do not diverge took ${Math.floor(min(minutes))}-${Math.ceil(max(minutes))} minutes each`);
});

test('the nuclear norm: test error per setup and its rank', () => {
  const nuclear = (setup) => sweep[setup].find((row) => row.model === 'nuclear');
  shows(
    page,
    'udv-model',
    `ends at test error ${plain(nuclear('a').testError, 2)} in (a) and ${plain(nuclear('b2000').testError, 2)} in (b) with 2000 entries, with rank ${intRange(
      ['a', 'b2000'].map((setup) => nuclear(setup).rank.exact)
    )} at $10^{-10}$`
  );
  shows(page, 'udv-model', `test error ${tex(nuclear('b5000').testError, 2)}`);
  shows(
    readme,
    'README',
    `ends at test error ${plain(nuclear('a').testError, 2)} and ${plain(nuclear('b2000').testError, 2)}, and recovers X* with 5000 entries (${ascii(
      nuclear('b5000').testError,
      2
    )})`
  );
});

test('the sweep and radius files record their run times, and the text quotes them', () => {
  const minutes = (rows) => Math.round(rows.reduce((sum, row) => sum + (row.summary ?? row).seconds, 0) / 60);
  const [a, b2000, b5000] = ['a', 'b2000', 'b5000'].map((setup) => minutes(sweep[setup]));
  shows(readme, 'README', `(the files record ${a}, ${b2000} and ${b5000} min of run time`);
  shows(readme, 'README', `about ${minutes(radius.a)} and ${minutes(radius.b2000)} min of run time`);
});

test('the radius sweep: the band of exact low rank, and outside it', () => {
  const at = (setup, factor) => radius[setup].filter((row) => row.factor === factor).map((row) => row.summary);
  // (a): f = 0.625, 0.75, 0.875 converge with rank exactly 3 but for one run.
  const bandA = [0.625, 0.75, 0.875].flatMap((factor) => at('a', factor));
  assert.ok(bandA.every(converged));
  const exceptions = bandA.filter((row) => row.rank.exact !== 3);
  assert.equal(exceptions.length, 1);
  const [odd] = exceptions;
  const oddFactor = radius.a.find((row) => row.summary === odd).factor;
  shows(
    page,
    'udv-model',
    `every run converges with test error ${texRange(
      testErrors(bandA),
      2
    )} and rank exactly 3 at $10^{-10}$, for every $\\xi$ including $\\xi = 1$ (one exception: rank ${
      odd.rank.exact
    } at $f = ${oddFactor}$, $\\xi = 10^{${Math.log10(odd.xi)}}$)`
  );
  shows(readme, 'README', `f = 0.625-0.875 on (a) (test error ${asciiRange(testErrors(bandA), 2)})`);
  // (b): f = 0.875 converges, rank 5 for xi <= 1e-2 and 6 at xi = 1; f = 0.75 is rank 5 without converging.
  const bandB = at('b2000', 0.875);
  assert.ok(bandB.every(converged));
  assert.deepEqual(
    bandB.filter((row) => row.xi <= 1e-2).map((row) => row.rank.exact),
    [5, 5, 5]
  );
  assert.equal(bandB.find((row) => row.xi === 1).rank.exact, 6);
  shows(page, 'udv-model', `In (b) the band is $f = 0.875$: converged, test error ${texRange(testErrors(bandB), 1)}`);
  shows(readme, 'README', `f = 0.875 on (b) (${asciiRange(testErrors(bandB), 1)}; rank 6 at xi = 1)`);
  const near = at('b2000', 0.75);
  assert.ok(near.every((row) => !converged(row) && row.rank.exact === 5));
  shows(page, 'udv-model', `(test error ${texRange(testErrors(near), 2)})`);
  // f = 1/2 does not fit; f >= 1.25 climbs in rank; in (b) two runs at f = 2 converge by interpolating.
  shows(
    page,
    'udv-model',
    `At $f = 1/2$ the runs do not fit (test error ${range(testErrors(at('a', 0.5)), 1)} in (a), ${range(testErrors(at('b2000', 0.5)), 2)} in (b))`
  );
  const wide = ['a', 'b2000'].flatMap((setup) => radius[setup].filter((row) => row.factor >= 1.25).map((row) => row.summary));
  shows(page, 'udv-model', `the rank at $10^{-10}$ climbs to ${intRange(wide.map((row) => row.rank.exact))}`);
  shows(readme, 'README', `f >= 1.25 climbs to rank ${intRange(wide.map((row) => row.rank.exact))} at 1e-10`);
  const interpolating = wide.filter(converged);
  assert.deepEqual(
    interpolating.map((row) => [radius.b2000.find((entry) => entry.summary === row)?.factor, row.xi]),
    [
      [2, 1],
      [2, 1e-2],
    ]
  );
  shows(page, 'udv-model', `interpolate the observed entries with test error ${range(testErrors(interpolating), 2)}`);
  // No exact zero in d anywhere in the radius sweep; the iteration counts quoted for (a) at xi = 1e-2.
  assert.ok(
    Object.values(radius)
      .flat()
      .every((row) => row.summary.exactZerosInD === 0)
  );
  const steps = (factor) =>
    at('a', factor)
      .find((row) => row.xi === 1e-2)
      .iterations.toLocaleString('en-US');
  shows(page, 'udv-model', `at $f = 0.75$ after ${steps(0.75)} steps and at $f = 1$ after ${steps(1)} steps`);
});
