/**
 * `npm run verify` (core): runs every verification suite of @factorflow/core and prints one
 * report. Exit status 1 when a suite fails (a theorem's conclusion fails on an instance that
 * satisfies its hypotheses, or two independent routes disagree).
 *
 * Usage: tsx verification/report.ts [--instances N] [--seed S]
 */
import {
  type SuiteResult,
  corollary2Suite,
  gradientDescentSuite,
  odeSuite,
  referenceSuite,
  theoremSuite,
} from './suites.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} takes a positive integer, got ${process.argv[index + 1]}`);
    process.exit(2);
  }
  return value;
}

const instances = option('instances', 40);
const seed = option('seed', 20251124);

console.log(`factorflow core verification (seed ${seed}, ${instances} instances per randomized suite)\n`);
const results: SuiteResult[] = [
  referenceSuite(),
  odeSuite(Math.ceil(instances / 2), seed),
  gradientDescentSuite(Math.ceil(instances / 4), seed + 1),
  corollary2Suite(instances, seed + 2),
  theoremSuite(3, instances, seed + 3),
  theoremSuite(4, instances, seed + 4),
];

const rows = results.map((result) => [
  result.suite,
  `${result.passed}/${result.instances}`,
  result.metric.toPrecision(3),
  result.metricName,
  result.seconds.toFixed(1),
]);
const header = ['suite', 'passed', 'metric', 'meaning', 'time (s)'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
rows.forEach((row) => console.log(line(row)));
console.log('');
for (const result of results) {
  console.log(`${result.suite}: ${result.claim}`);
  result.details.forEach((detail) => console.log(`  ${detail}`));
}
const failed = results.filter((result) => result.passed < result.instances);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length === 0 ? 0 : 1);
