// The measured results: every figure the README quotes is the checked-in results/ file's, and the
// file is what its recorded command produces. Medians and counts are recomputed here from the
// per-instance outcomes, not taken from the file's own `figures`, so a wrong summary also fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URL } from 'node:url';

import { README, SYMBOLIC_README, blockOf, readResult } from './readme-results.mjs';
import { SYMBOLIC_ARGS, VERIFY_ARGS, runJson } from './results.mjs';
import { ROOT } from './workspaces.mjs';

const verify = readResult('verify');
const symbolic = readResult('symbolic');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function values(suite, metric) {
  return verify.report.suites
    .find((entry) => entry.suite === suite)
    .outcomes.filter((outcome) => !outcome.skipped)
    .map((outcome) => outcome.metrics[metric])
    .filter((value) => typeof value === 'number');
}

/** The numbers of a text as the README writes them (`1.28`, `3.53e11`, `40/40`'s parts). */
const numbersIn = (text) => [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((match) => Number(match[0]));

/** True when `shown` is `value` rounded to three significant digits. */
function showsValue(shown, value) {
  return Math.abs(shown - value) <= 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2) * (1 + 1e-12);
}

test('the results files record the command that made them, at the stated seed and instance count', () => {
  assert.equal(verify.command, `node ${VERIFY_ARGS.join(' ')}`);
  assert.match(verify.command, /--seed 20251124 --instances 40 --json$/);
  assert.equal(verify.report.seed, 20251124);
  assert.equal(verify.report.instances, 40);
  assert.equal(symbolic.command, `node ${SYMBOLIC_ARGS.join(' ')}`);
  assert.equal(symbolic.report.seed, 20251124);
});

test("the file's figures are the medians of its per-instance outcomes", () => {
  for (const suite of ['theorem-3', 'theorem-4']) {
    for (const metric of ['slack', 'windowRatio', 'alphaRatio']) {
      const own = values(suite, metric);
      assert.ok(own.length > 0, `${suite} ${metric} has values`);
      assert.equal(verify.figures[suite][metric].median, median(own), `${suite} ${metric} median`);
      assert.equal(verify.figures[suite][metric].instances, own.length, `${suite} ${metric} count`);
    }
  }
});

test("the certified suite's figures are the medians of its per-instance outcomes, and the README quotes them", () => {
  for (const metric of ['worstRatio', 'coverage', 'worstCoverage', 'alphaVsMeasured', 'alphaVsTheorem4']) {
    const own = values('certified', metric);
    assert.ok(own.length > 0, `certified ${metric} has values`);
    assert.equal(verify.figures.certified[metric].median, median(own), `certified ${metric} median`);
    assert.equal(verify.figures.certified[metric].instances, own.length, `certified ${metric} count`);
  }
  const block = blockOf(readFileSync(README, 'utf8'), 'verify');
  const start = block.indexOf('- Certified windows');
  const shown = numbersIn(block.slice(start, block.indexOf('\n- ', start + 1)).replace(/`[^`]*`|Theorem \d|issue \d+/g, ''));
  assert.ok(showsValue(shown[0], median(values('certified', 'coverage'))), `coverage in ${shown}`);
  assert.ok(showsValue(shown[2], median(values('certified', 'alphaVsMeasured'))), `alpha vs measured in ${shown}`);
  assert.ok(showsValue(shown[3], median(values('certified', 'alphaVsTheorem4'))), `alpha vs Theorem 4 in ${shown}`);
});

test("the README's verification block shows the file's table and medians", () => {
  const block = blockOf(readFileSync(README, 'utf8'), 'verify');
  assert.ok(block, 'README has the results:verify block');
  for (const suite of verify.report.suites) {
    const row = block.split('\n').find((line) => line.startsWith(`| \`${suite.suite}\` |`));
    assert.ok(row, `a row for ${suite.suite}`);
    const [passed, checked] = numbersIn(row.split('|')[2]);
    assert.deepEqual([passed, checked], [suite.passed, suite.checked], `${suite.suite} passed/checked`);
    if (suite.metric !== null) assert.ok(showsValue(numbersIn(row.split('|')[3])[0], suite.metric), `${suite.suite} metric in '${row}'`);
  }
  // The sentence, without its code spans and theorem numbers: the figures, then the instance counts.
  const sentence = (start) =>
    block.slice(block.indexOf(start), block.indexOf('\n- ', block.indexOf(start) + 1)).replace(/`[^`]*`|Theorem \d/g, '');
  const windows = numbersIn(sentence('- Measured windows'));
  assert.ok(showsValue(windows[0], median(values('theorem-3', 'windowRatio'))), `Theorem 3 window ratio in ${windows}`);
  assert.ok(showsValue(windows[2], median(values('theorem-4', 'windowRatio'))), `Theorem 4 window ratio in ${windows}`);
  const alphas = numbersIn(sentence('- They persist'));
  assert.ok(showsValue(alphas[0], median(values('theorem-3', 'alphaRatio'))), `Theorem 3 alpha ratio in ${alphas}`);
  assert.ok(showsValue(alphas[2], median(values('theorem-4', 'alphaRatio'))), `Theorem 4 alpha ratio in ${alphas}`);
});

test("the READMEs count the symbolic catalog's verdicts in the report's own categories", () => {
  const count = (verdict) => symbolic.report.results.filter((entry) => entry.verdict === verdict).length;
  for (const file of [README, SYMBOLIC_README]) {
    const block = blockOf(readFileSync(file, 'utf8'), 'symbolic');
    assert.ok(block, `${file} has the results:symbolic block`);
    const text = block.replace(/`[^`]*`/g, '');
    const readings = symbolic.report.results.filter((entry) => entry.verdict === 'holds' && entry.method.startsWith('reading')).length;
    assert.ok(readings > 0, 'the catalog has cross-references that hold as readings');
    assert.match(text, new RegExp(`${symbolic.report.results.length} checks\\. ${count('holds') - readings} hold \\(both routes agree\\)`));
    assert.match(text, new RegExp(`${readings} hold as readings`));
    assert.match(text, new RegExp(`${count('holds-as-inequality')} holds only as an inequality`));
    assert.match(text, new RegExp(`${count('fails')} fail as written`));
    assert.match(text, new RegExp(`${count('unproved')} are numeric evidence only`));
    // The categories are counted from the results here, not taken from the report's summary.
    const inCategory = (category) => symbolic.report.results.filter((entry) => entry.category === category).length;
    const categories = ['identity', 'inequality', 'justification', 'reading', 'text'].map((category) => `${inCategory(category)} ${category}`).join(', ');
    assert.match(text.replace(/\s+/g, ' '), new RegExp(`By category: ${categories}\\.`));
  }
  // The old prose lumped the errata and the inequality into one count.
  assert.doesNotMatch(readFileSync(README, 'utf8'), /Six statements do not hold/);
});

test('the theorem pages quote the results file through components, not typed numbers', () => {
  for (const [page, metrics] of [
    ['theorem-3', ['slack', 'windowRatio', 'alphaRatio']],
    ['theorem-4', ['slack', 'windowRatio', 'alphaRatio']],
  ]) {
    const source = readFileSync(new URL(`apps/docs/docs/${page}.mdx`, ROOT), 'utf8');
    for (const metric of metrics) assert.match(source, new RegExp(`<Measured suite="${page}" metric="${metric}" />`));
    assert.doesNotMatch(source, /a median (of )?\$?\d|median factor of about \d|\d+ times (longer|shorter)/, `${page}: a typed median`);
  }
});

test('rerunning the recorded verify command reproduces the checked-in report (times aside)', { timeout: 600_000 }, () => {
  // The whole run costs about 16 CPU-seconds, cheap enough to repeat in full.
  const withoutTimes = (report) => ({ ...report, suites: report.suites.map((suite) => ({ ...suite, seconds: 0 })) });
  assert.deepEqual(withoutTimes(runJson(VERIFY_ARGS)), withoutTimes(verify.report));
});

test('rerunning part of the symbolic catalog reproduces its verdicts', { timeout: 600_000 }, () => {
  // The full catalog takes 17 s to minutes on a loaded machine; the errata entries are the ones quoted.
  const ids = symbolic.report.results.filter((entry) => entry.verdict === 'fails' || entry.verdict === 'holds-as-inequality').map((entry) => entry.id);
  const rerun = runJson([...SYMBOLIC_ARGS, ...ids.flatMap((id) => ['--only', id])]);
  const verdicts = (report) => Object.fromEntries(report.results.filter((entry) => ids.includes(entry.id)).map((entry) => [entry.id, entry.verdict]));
  assert.deepEqual(verdicts(rerun), verdicts(symbolic.report));
});
