// The README's measured figures, generated from results/ between markers so they cannot drift from
// the files the docs site renders. `--write` rewrites the blocks, `--check` exits 1 when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

import { RESULTS } from './results.mjs';
import { ROOT } from './workspaces.mjs';

export const README = new URL('README.md', ROOT);
export const SYMBOLIC_README = new URL('packages/symbolic/README.md', ROOT);

/** Three significant digits, in the same notation as the docs site (`3.53e11`, `1.28`). */
export function figure(value) {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 0.01 && magnitude < 1e4) return value.toPrecision(3);
  return value.toExponential(2).replace('e+', 'e');
}

export function readResult(name) {
  return JSON.parse(readFileSync(new URL(`${name}.json`, RESULTS), 'utf8'));
}

/** The symbolic catalog's counts, in the report's own categories. */
export function symbolicBlock({ report, command }) {
  const { entries, holds, fails, unproved, checkerBugs } = report.summary;
  const inequality = report.summary['holds-as-inequality'];
  // A cross-reference that agrees with the catalog's data holds by a reading of the text, not by a proof.
  const readings = report.results.filter((entry) => entry.verdict === 'holds' && entry.method.startsWith('reading')).length;
  const categories = Object.entries(report.summary.categories)
    .map(([category, count]) => `${count} ${category}`)
    .join(', ');
  return [
    `From \`results/symbolic.json\` (\`${command}\`): ${entries} checks. ${holds - readings} hold (both routes agree),`,
    `${readings} hold as readings (a cited label agrees with the catalog's data; not a proof),`,
    `${inequality} holds only as an inequality (a step written \`=\` or \`>\` is \`>=\`), ${fails} fail as written`,
    `(errata), ${unproved} are numeric evidence only (spectral-norm and Loewner facts, searched adversarially),`,
    `and ${checkerBugs} have a checker bug. By category: ${categories}.`,
  ].join('\n');
}

function searches(suite) {
  const parsed = suite.findings.flatMap((line) => {
    const match = /^(\S+): (NEEDED|not needed)/.exec(line);
    if (!match) return [];
    const shrunk = /as low as 10\^(-?[\d.]+) alpha_max/.exec(line);
    return [{ name: match[1], needed: match[2] === 'NEEDED', log10Alpha: shrunk ? Number(shrunk[1]) : null }];
  });
  const needed = parsed.filter((search) => search.needed);
  return {
    needed: needed.map((search) => (search.log10Alpha === null ? `\`${search.name}\`` : `\`${search.name}\` (from 10^${search.log10Alpha} alpha_max)`)),
    notNeeded: parsed.filter((search) => !search.needed).map((search) => `\`${search.name}\``),
  };
}

/** The verification table and the figures quoted about Theorems 3 and 4 and the certified windows. */
export function verifyBlock({ report, command, figures }) {
  // A bare | would end the table cell: the norms in the meanings are escaped.
  const rows = report.suites.map(
    (suite) => `| \`${suite.suite}\` | ${suite.passed}/${suite.checked}${suite.failureIsBug ? '' : ' (search)'} | ${figure(suite.metric)} | ${suite.metricName.replace(/\|/g, '\\|')} |`,
  );
  const t3 = figures['theorem-3'];
  const t4 = figures['theorem-4'];
  const cert = figures.certified;
  const necessity = searches(report.suites.find((suite) => suite.suite === 'hypothesis-necessity'));
  return [
    `From \`results/verify.json\`, made by \`npm run results\` (\`${command}\`: seed ${report.seed},`,
    `\`--instances ${report.instances}\`; the same for any worker count). "(search)" marks exploratory suites, whose`,
    'shortfalls are findings, not failures.',
    '',
    '| suite | passed | metric | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'What the run shows beyond pass/fail (medians over the instances of the run):',
    `- Worst \`||W(t) - Y_hat_k|| / eps\` on the \`I_k\`: median ${figure(t3.slack.median)} for Theorem 3 (nearly tight) and`,
    `  ${figure(t4.slack.median)} for Theorem 4, over ${t3.slack.instances} and ${t4.slack.instances} instances.`,
    `- Measured windows where \`||W(t) - Y_hat_k|| <= eps\` are a median ${figure(t3.windowRatio.median)}x (Theorem 3, ${t3.windowRatio.instances} instances)`,
    `  and ${figure(t4.windowRatio.median)}x (Theorem 4, ${t4.windowRatio.instances} instances) the length of the guaranteed \`I_k\`.`,
    `- They persist up to a median ${figure(t3.alphaRatio.median)}x (Theorem 3, ${t3.alphaRatio.instances} instances) and ${figure(t4.alphaRatio.median)}x`,
    `  (Theorem 4, ${t4.alphaRatio.instances} instances) the theorems' \`alpha_max\` (bisection on the closed form).`,
    `- Certified windows (\`||W(t) - Y_hat_k|| <= eps\` proved for every t, issue 20) cover a median ${figure(cert.coverage.median)} of the measured`,
    `  windows' length (${cert.coverage.instances} instances, diagonal and rotated Y: a rotated Y through its verified eigenbasis); the largest certified alpha is a median ${figure(cert.alphaVsMeasured.median)}x the largest alpha`,
    `  with every measured window and ${figure(cert.alphaVsTheorem4.median)}x Theorem 4's \`alpha_max\` (${cert.alphaVsMeasured.instances} instances).`,
    `- **Hypotheses needed** (a counterexample found; for the alpha conditions, the smallest alpha that broke them):`,
    `  ${necessity.needed.join(', ')}.`,
    `- **Not needed in 300 tries each:** ${necessity.notNeeded.join(', ')}.`,
  ].join('\n');
}

const BENCH_CASES = {
  eigen: 'symmetric eigendecomposition with vectors',
  product: 'matrix product C = AB',
  qr: 'Householder QR (R and reflectors)',
  trajectory: 'closed form, 200-time trajectory',
  'one-time': 'closed form, W(t) at one time',
};

/** Milliseconds: whole ones from 100 on, else three significant digits. */
const ms = (seconds) => (seconds === null ? '-' : seconds >= 0.1 ? String(Math.round(seconds * 1000)) : figure(seconds * 1000));

const EIGEN_PHASES = ['tridiagonalization', 'divide and conquer', 'applying Q'];
const CLOSED_FORM_PHASES = ['eigendecomposition', 'factor', 'structured QR', 'triangular solve', 'assemble W', 'singular values'];

/** One phase cell: our milliseconds, its share of the case, and ours / numpy ('' when the case has no such phase). */
function phaseCell(row, name) {
  const phase = row.phases.find((entry) => entry.name === name);
  if (phase === undefined) return '';
  const ratio = phase.ratio === null ? '' : `, ${figure(phase.ratio)}x`;
  return `${ms(phase.ours)} (${Math.round((100 * phase.ours) / row.ours)}%${ratio})`;
}

/** Where each case's time goes (bench/phases.ts), one table for the eigendecomposition and one for the closed form. */
export function benchPhasesBlock({ rows, times }) {
  const table = (kinds, names, label) => [
    `| ${label} | n | r | ${names.join(' | ')} | phases / case |`,
    `| --- | --- | --- | ${names.map(() => '---').join(' | ')} | --- |`,
    ...rows
      .filter((row) => kinds.includes(row.kind) && row.phases !== null)
      .map((row) => {
        const total = row.phases.reduce((sum, phase) => sum + phase.ours, 0);
        return `| ${row.kind} | ${row.n} | ${row.r ?? ''} | ${names.map((name) => phaseCell(row, name)).join(' | ')} | ${Math.round((100 * total) / row.ours)}% |`;
      }),
  ];
  const products = rows.filter((row) => row.gflops !== null).map((row) => `${figure(row.gflops.ours)} (numpy ${figure(row.gflops.numpy)}) at n = ${row.n}`);
  return [
    `**Where the time goes**, measured in the same run: each phase timed alone on the same inputs (\`packages/core/bench/phases.ts\`),`,
    `per-time phases summed over the ${times} times (the one-time case: one). A cell is our ms (share of our time for the case,`,
    "ours / numpy). numpy's eigendecomposition phases are LAPACK's dsytrd, dstedc and dormtr (through scipy); its closed",
    "form's are the matching calls of `kernels_numpy.py` (a dense QR where ours is structured). A sampling profile of one case:",
    '`npx tsx bench/kernels.ts --profile trajectory:200:200 out.cpuprofile` in `packages/core`.',
    '',
    ...table(['eigen'], EIGEN_PHASES, 'eigendecomposition'),
    '',
    ...table(['trajectory', 'one-time'], CLOSED_FORM_PHASES, 'closed form'),
    '',
    `Matrix product, GFLOP/s: ${products.join(', ')}.`,
  ].join('\n');
}

/**
 * Issue 21's goals: every ratio at n = 200 within 3x, and the closed form (trajectory and one time)
 * at n = 500 within 4x. Each row it applies to, with its limit and whether the run met it.
 */
export function benchGoals(rows) {
  return rows
    .filter((row) => row.ratio !== null && (row.n === 200 || (row.n === 500 && (row.kind === 'trajectory' || row.kind === 'one-time'))))
    .map((row) => ({ row, limit: row.n === 200 ? 3 : 4, met: row.ratio <= (row.n === 200 ? 3 : 4) }));
}

/** The goals in one sentence: how many rows met theirs, and each row that did not. */
function goalsLine(rows) {
  const goals = benchGoals(rows);
  const label = ({ row }) => `${row.kind} n = ${row.n}${row.r === null ? '' : `, r = ${row.r}`}`;
  const missed = goals.filter((goal) => !goal.met).map((goal) => `${label(goal)} ${figure(goal.row.ratio)}x (goal ${goal.limit}x)`);
  return (
    `**Issue 21's goals** (every ratio at n = 200 within 3x; the closed form at n = 500 within 4x): ${goals.length - missed.length} of ${goals.length} met in this run` +
    (missed.length === 0 ? '.' : `; not met: ${missed.join(', ')}. Where their time goes is in the tables below.`)
  );
}

/** The kernels benchmark (issue 21): our time and numpy's, one machine, one run. */
export function benchBlock({ command, started, machine, times, alpha, rows, exponents }) {
  const numpy = machine.numpy === null ? 'numpy was not available: our figures only' : `numpy ${machine.numpy} with one BLAS thread (\`OPENBLAS_NUM_THREADS=1\`)`;
  const table = rows.map((row) => {
    const ratio = row.ratio === null ? '-' : `${figure(row.ratio)}x`;
    const agreement = row.agreement === null ? '' : figure(row.agreement);
    return `| ${BENCH_CASES[row.kind]} | ${row.n} | ${row.r ?? ''} | ${ms(row.ours)} | ${ms(row.numpy)} | ${ratio} | ${agreement} | ${row.load.toFixed(1)} |`;
  });
  const slopes = exponents.map((entry) => {
    const of = entry.kind === 'trajectory' || entry.kind === 'one-time' ? ` (r = ${entry.r})` : '';
    return `${BENCH_CASES[entry.kind]}${of} ${figure(entry.ours)} (numpy ${figure(entry.numpy)})`;
  });
  return [
    `From \`results/bench.json\`, made by \`${command}\` on ${started.slice(0, 10)}. **Figures are from one machine**`,
    `(${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, our product in its ${machine.productKernel} kernel) and one run, side by side with ${numpy}, on the`,
    `same inputs. Times are CPU milliseconds of each process, best of repeated runs: the machine was shared (load average`,
    `${machine.loadBefore[0]} before, ${machine.loadAfter[0]} after; each row's is in the table), and wall time would count other work.`,
    `Y with eigenvalues 10, 8, 6, 4, 2, 0, ..., Gaussian U0 with alpha = ${figure(alpha)}, ${times} times on [0, 8]; the closed form`,
    'starts from the raw Y (one eigendecomposition) and numpy evaluates the same stable form (`packages/core/bench/kernels_numpy.py`).',
    '"W agrees to": the largest difference of the six largest eigenvalues of W at the last time, relative to the largest.',
    '',
    '| case | n | r | ours (ms) | numpy (ms) | ours / numpy | W agrees to | load |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table,
    '',
    `Cost exponent in n (slope of log time against log n): ${slopes.join('; ')}.`,
    '',
    goalsLine(rows),
    '',
    benchPhasesBlock({ rows, times }),
  ].join('\n');
}

const BLOCKS = [
  { file: README, name: 'symbolic', render: () => symbolicBlock(readResult('symbolic')) },
  { file: README, name: 'verify', render: () => verifyBlock(readResult('verify')) },
  { file: SYMBOLIC_README, name: 'symbolic', render: () => symbolicBlock(readResult('symbolic')) },
  { file: README, name: 'bench', render: () => benchBlock(readResult('bench')) },
];

const markers = (name) => new RegExp(`(<!-- results:${name} begin[^>]*-->\\n)([\\s\\S]*?)(<!-- results:${name} end -->)`);

/** The text between `<!-- results:NAME begin -->` and `<!-- results:NAME end -->`, or null. */
export function blockOf(text, name) {
  const match = markers(name).exec(text);
  return match ? match[2].replace(/\n$/, '') : null;
}

function replaceBlock(text, name, body) {
  if (blockOf(text, name) === null) throw new Error(`no results:${name} markers`);
  return text.replace(markers(name), (_, begin, _old, end) => `${begin}${body}\n${end}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') {
    console.error('usage: node scripts/readme-results.mjs --write|--check');
    process.exit(2);
  }
  let stale = 0;
  for (const { file, name, render } of BLOCKS) {
    const text = readFileSync(file, 'utf8');
    const updated = replaceBlock(text, name, render());
    if (updated === text) continue;
    if (mode === '--write') writeFileSync(file, updated);
    else {
      stale++;
      console.error(`${fileURLToPath(file)}: the results:${name} block differs from results/ (run npm run results:readme)`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
