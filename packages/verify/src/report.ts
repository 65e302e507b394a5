/** The verification report: a table per run, the findings, and the machine-readable form. */
import { textTable } from '@factorflow/harness';

import type { SuiteRun } from './runner.js';
import { requireReportOptions, requireRuns } from './validate.js';

/** Counts of one suite's run. */
export function counts(run: SuiteRun): { checked: number; passed: number; failed: number; skipped: number } {
  const skipped = run.outcomes.filter((outcome) => outcome.skipped).length;
  const passed = run.outcomes.filter((outcome) => outcome.passed && !outcome.skipped).length;
  const checked = run.outcomes.length - skipped;
  return { checked, passed, failed: checked - passed, skipped };
}

/** Whether the run found a bug: a failed instance in a suite whose failures are bugs. */
export function foundBug(runs: readonly SuiteRun[]): boolean {
  requireRuns(runs, 'runs');
  return runs.some(
    (run) => (run.suite.failureIsBug && counts(run).failed > 0) || run.outcomes.some((outcome) => outcome.crashed),
  );
}

/** The plain-text report: a table (package, suite, instances, passed, headline metric, time), then claims and findings. */
export function formatReport(runs: readonly SuiteRun[], options: { seed: number; instances: number; workers: number; wallSeconds: number }): string {
  requireRuns(runs, 'runs');
  requireReportOptions(options, 'options', { seed: 'seed', instances: 'count', workers: 'count', wallSeconds: 'seconds' });
  const summaries = runs.map((run) => run.suite.summarize(run.outcomes.filter((outcome) => !outcome.skipped)));
  const rows = runs.map((run, index) => {
    const { checked, passed, skipped } = counts(run);
    return [
      run.suite.package,
      run.suite.name,
      String(checked) + (skipped > 0 ? ` (+${skipped} skipped)` : ''),
      `${passed}/${checked}`,
      summaries[index].metric.toPrecision(3),
      summaries[index].metricName,
      run.seconds.toFixed(1),
    ];
  });
  const lines = [
    `factorflow verify: seed ${options.seed}, --instances ${options.instances}, ${options.workers} worker(s), ${options.wallSeconds.toFixed(1)} s`,
    '',
    textTable(['package', 'suite', 'instances', 'passed', 'metric', 'meaning', 'cpu s'], rows),
    ...legend(runs),
    '',
  ];
  runs.forEach((run, index) => {
    lines.push(`${run.suite.name}: ${run.suite.claim}`);
    summaries[index].findings.forEach((finding) => lines.push(`  - ${finding}`));
    run.outcomes
      .filter((outcome) => !outcome.passed && outcome.detail)
      .forEach((outcome) =>
        lines.push(`  ${outcome.crashed ? 'CRASHED' : run.suite.failureIsBug ? 'FAILED' : 'finding'}: ${outcome.detail}`),
      );
  });
  const failed = runs.filter((run) => foundBug([run])).length;
  // Counts suites, not instances: an exploratory suite with 0/10 in the table still passes.
  lines.push('', `suites: ${runs.length - failed} passed, ${failed} failed`);
  return lines.join('\n');
}

/** What the 'passed' column means, and which suites report findings rather than failures. */
function legend(runs: readonly SuiteRun[]): string[] {
  const exploratory = runs.filter((run) => !run.suite.failureIsBug).map((run) => run.suite.name);
  const lines = ["passed: instances on which the suite's claim held."];
  if (exploratory.length > 0) {
    lines.push(
      `Exploratory (a shortfall is a finding about the paper, not a failure): ${exploratory.join(', ')}. ` +
        "Every other suite fails when a theorem's conclusion fails under its hypotheses or two routes disagree.",
    );
  }
  return lines;
}

/** One suite of {@link VerifyReportJson}. */
export interface SuiteResultJson {
  readonly package: string;
  readonly suite: string;
  readonly claim: string;
  readonly failureIsBug: boolean;
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** The suite's headline metric; `null` when it is not finite. */
  readonly metric: number | null;
  readonly metricName: string;
  readonly findings: string[];
  /** What each failed instance reported ('' when it said nothing). */
  readonly failures: string[];
  /** Every instance in index order, so readers can draw distributions rather than trust a median. */
  readonly outcomes: InstanceOutcomeJson[];
  readonly seconds: number;
}

/** One instance of a suite's run: whether it held, and its figures (non-finite ones as null). */
export interface InstanceOutcomeJson {
  readonly passed: boolean;
  readonly skipped: boolean;
  readonly metrics: Readonly<Record<string, number | null>>;
}

/** The machine-readable report of {@link reportJson}. */
export interface VerifyReportJson {
  readonly seed: number;
  readonly instances: number;
  /** {@link foundBug}. */
  readonly bug: boolean;
  readonly suites: SuiteResultJson[];
}

/** The machine-readable report (JSON-safe: non-finite metrics become null). */
export function reportJson(runs: readonly SuiteRun[], options: { seed: number; instances: number }): VerifyReportJson {
  requireRuns(runs, 'runs');
  requireReportOptions(options, 'options', { seed: 'seed', instances: 'count' });
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    seed: options.seed,
    instances: options.instances,
    bug: foundBug(runs),
    suites: runs.map((run) => {
      const summary = run.suite.summarize(run.outcomes.filter((outcome) => !outcome.skipped));
      return {
        package: run.suite.package,
        suite: run.suite.name,
        claim: run.suite.claim,
        failureIsBug: run.suite.failureIsBug,
        ...counts(run),
        metric: finite(summary.metric),
        metricName: summary.metricName,
        findings: summary.findings,
        failures: run.outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.detail ?? ''),
        outcomes: run.outcomes.map((outcome) => ({
          passed: outcome.passed,
          skipped: outcome.skipped === true,
          metrics: Object.fromEntries(Object.entries(outcome.metrics).map(([name, value]) => [name, finite(value)])),
        })),
        seconds: run.seconds,
      };
    }),
  };
}
