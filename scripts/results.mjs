// The measured results every page and the README quote, made by one command (`npm run results`):
// the randomized verification at a fixed seed and instance count, and the symbolic catalog. Each
// file records the command that made it, so a reader can rerun it; the figures the prose quotes
// (medians of per-instance values) are computed here once, next to the report they come from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import console from 'node:console';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

import { ROOT } from './workspaces.mjs';

export const SEED = 20251124;
export const INSTANCES = 40;
export const VERIFY_ARGS = ['apps/cli/bin/factorflow.js', 'verify', '--seed', String(SEED), '--instances', String(INSTANCES), '--json'];
export const SYMBOLIC_ARGS = ['apps/cli/bin/factorflow-symbolic.js', '--seed', String(SEED), '--json'];
export const RESULTS = new URL('results/', ROOT);

/** Runs `node ...args` from the repository root and parses its JSON output. */
export function runJson(args) {
  // verify exits 1 when a theorem fails: that report is still the result, so keep its output.
  try {
    return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] }));
  } catch (error) {
    if (error.status === 1 && error.stdout) return JSON.parse(error.stdout);
    throw error;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/** The finite values of one per-instance metric of a suite, over the instances that were not skipped. */
export function metricOf(report, suite, name) {
  const found = report.suites.find((entry) => entry.suite === suite);
  if (!found) throw new Error(`no suite '${suite}' in the verify report`);
  return found.outcomes.filter((outcome) => !outcome.skipped && typeof outcome.metrics[name] === 'number').map((outcome) => outcome.metrics[name]);
}

/**
 * Median and count of one metric; the count says how many instances the median is over. `worst`
 * is the largest value, or the smallest for a metric where less is worse (`lowerIsWorse`).
 */
function summary(report, suite, name, lowerIsWorse = false) {
  const values = metricOf(report, suite, name);
  return { median: median(values), worst: lowerIsWorse ? Math.min(...values) : Math.max(...values), instances: values.length };
}

/** The figures the prose quotes, by suite and metric (see results/README.md for their meaning). */
export function figuresOf(report) {
  const theorem = (suite) => ({
    slack: summary(report, suite, 'slack'),
    windowRatio: summary(report, suite, 'windowRatio'),
    alphaRatio: summary(report, suite, 'alphaRatio'),
  });
  // Issue 20: the certified windows' coverage of the measured ones and their largest alpha.
  const certified = Object.fromEntries(
    ['worstRatio', 'coverage', 'worstCoverage', 'alphaVsMeasured', 'alphaVsTheorem4'].map((name) => [name, summary(report, 'certified', name, name.endsWith('overage'))]),
  );
  return { 'theorem-3': theorem('theorem-3'), 'theorem-4': theorem('theorem-4'), certified };
}

function writeResult(file, args, report, extra = {}) {
  const command = `node ${args.join(' ')}`;
  const body = { command, regenerate: 'npm run results', ...extra, report };
  writeFileSync(new URL(file, RESULTS), `${JSON.stringify(body, null, 2)}\n`);
  console.log(`results: ${file} from '${command}'`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(RESULTS, { recursive: true });
  const verify = runJson(VERIFY_ARGS);
  writeResult('verify.json', VERIFY_ARGS, verify, { figures: figuresOf(verify) });
  writeResult('symbolic.json', SYMBOLIC_ARGS, runJson(SYMBOLIC_ARGS));
}
