/**
 * The boundary checks of the verification harness: suites, runs, outcomes and the options of a
 * run, on harness's typed InputError, so that a run refuses bad input before any instance runs.
 */
import { InputError, describeValue, requireArray, requireCallback, requireIntegerIn, requireRecord, requireText } from '@factorflow/harness';

import type { InstanceOutcome, Suite } from './suite.js';

/** Most instances per suite of one run: a deep run is 10,000. */
export const MAX_INSTANCES = 1_000_000;
/** Most runs or suites in one report: far more than the suites there are. */
export const MAX_RUNS = 1024;

/** Checks a 32-bit seed. */
export function requireSeed(value: unknown, argument: string): number {
  return requireIntegerIn(value, argument, 0, 0xffffffff);
}

/** Checks a finite number >= 0 (seconds). */
export function requireSeconds(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InputError(typeof value === 'number' && !Number.isFinite(value) ? 'not-finite' : 'out-of-range', argument, `must be a finite number of seconds >= 0, got ${describeValue(value)}.`);
  }
  return value;
}

/** Checks a {@link Suite}: its name, texts, functions and failureIsBug. */
export function requireSuite(value: unknown, argument: string): Suite {
  const suite = requireRecord(value, argument, 'a Suite, e.g. one of allSuites');
  requireText(suite.name, `${argument}.name`);
  requireText(suite.package, `${argument}.package`);
  requireText(suite.claim, `${argument}.claim`);
  for (const method of ['instanceCount', 'runInstance', 'summarize']) requireCallback(suite[method], `${argument}.${method}`, 'as documented in the Suite type');
  if (typeof suite.failureIsBug !== 'boolean') throw new InputError('out-of-range', `${argument}.failureIsBug`, `must be true or false, got ${describeValue(suite.failureIsBug)}.`);
  return value as Suite;
}

/** Checks an {@link InstanceOutcome}: passed, finite-or-NaN metrics by name, and the optional flags and detail. */
export function requireOutcome(value: unknown, argument: string): InstanceOutcome {
  const outcome = requireRecord(value, argument, '{ passed, metrics, skipped?, detail?, crashed? }');
  for (const flag of ['passed', 'skipped', 'crashed']) {
    const field = outcome[flag];
    if ((flag === 'passed' || field !== undefined) && typeof field !== 'boolean') {
      throw new InputError('out-of-range', `${argument}.${flag}`, `must be true or false${flag === 'passed' ? '' : ' (or absent)'}, got ${describeValue(field)}.`);
    }
  }
  for (const [name, metric] of Object.entries(requireRecord(outcome.metrics, `${argument}.metrics`, '{ name: number }'))) {
    if (typeof metric !== 'number') throw new InputError('out-of-range', `${argument}.metrics.${name}`, `must be a number, got ${describeValue(metric)}.`);
  }
  if (outcome.detail !== undefined) requireText(outcome.detail, `${argument}.detail`);
  return value as InstanceOutcome;
}

/** Checks a list of suite runs: each with its suite, its outcomes and its seconds. */
export function requireRuns(value: unknown, argument: string): void {
  requireArray(value, argument, MAX_RUNS, (run, at) => {
    const fields = requireRecord(run, at, '{ suite, outcomes, seconds } from runSuites');
    requireSuite(fields.suite, `${at}.suite`);
    requireArray(fields.outcomes, `${at}.outcomes`, MAX_INSTANCES, requireOutcome);
    requireSeconds(fields.seconds, `${at}.seconds`);
  });
}

/** Checks the options object of a report: the fields named, each a seed, a count or seconds. */
export function requireReportOptions(value: unknown, argument: string, fields: Readonly<Record<string, 'seed' | 'count' | 'seconds'>>): void {
  const options = requireRecord(value, argument, `{ ${Object.keys(fields).join(', ')} }`);
  for (const [name, kind] of Object.entries(fields)) {
    if (kind === 'seed') requireSeed(options[name], name);
    else if (kind === 'count') requireIntegerIn(options[name], name, 1, MAX_INSTANCES);
    else requireSeconds(options[name], name);
  }
}

