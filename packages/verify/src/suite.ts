/**
 * What a verification suite is: a claim, a way to run instance i of it deterministically from a
 * seed, and a summary. Instances are independent, so a run splits them across workers and the
 * results are the same whatever the worker count.
 */
import { requireIntegerIn, requireText } from '@factorflow/harness';

import { requireSeed } from './validate.js';

/** The outcome of one instance. */
export interface InstanceOutcome {
  /** The claim held (or, for a search, nothing contradicting it was found). */
  readonly passed: boolean;
  /** Figures the summary aggregates (e.g. `slack`, `error`), by name. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Instance skipped as outside the suite's scope (not counted as passed or failed). */
  readonly skipped?: boolean;
  /** For a failure (or a finding): the instance and what happened, printable, with its seed. */
  readonly detail?: string;
  /** The instance threw: always a bug, whatever the suite (see `runChunk`). */
  readonly crashed?: boolean;
}

/** A suite's summary line. */
export interface SuiteSummary {
  /** The headline figure (e.g. the worst slack), with its meaning. */
  readonly metric: number;
  readonly metricName: string;
  /** Further findings, one line each (printed under the table). */
  readonly findings: string[];
}

/** A verification suite. */
export interface Suite {
  /** Stable name used by `--suite`. */
  readonly name: string;
  /** The package whose claims it checks. */
  readonly package: string;
  /** The statement checked, with the paper's numbering. */
  readonly claim: string;
  /** Instances per run at `--instances N`: a suite that is expensive per instance runs fewer. */
  instanceCount(requested: number): number;
  /** Runs instance `index` of the run seeded by `seed`; must depend on nothing else. */
  runInstance(seed: number, index: number): InstanceOutcome;
  /** Aggregates the outcomes of a run (in index order). */
  summarize(outcomes: readonly InstanceOutcome[]): SuiteSummary;
  /**
   * When true, a failed instance means a theorem's conclusion failed on an instance satisfying
   * its hypotheses or two routes disagree: the CLI exits 1. Exploratory suites (necessity
   * searches, open questions) report findings and never fail the run.
   */
  readonly failureIsBug: boolean;
}

/**
 * The seed of instance `index` of a suite in a run seeded by `seed`: a 32-bit mix (splitmix32
 * finalizer) of the three, so instances are independent of each other and of the worker count.
 */
export function instanceSeed(seed: number, suite: string, index: number): number {
  requireSeed(seed, 'seed');
  requireText(suite, 'suite');
  requireIntegerIn(index, 'index', 0, Number.MAX_SAFE_INTEGER);
  let hash = seed >>> 0;
  for (let i = 0; i < suite.length; i++) hash = Math.imul(hash ^ suite.charCodeAt(i), 0x9e3779b1) >>> 0;
  hash = (hash + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x21f0aaad) >>> 0;
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x735a2d97) >>> 0;
  return (hash ^ (hash >>> 15)) >>> 0;
}

/** Median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/** The values of one metric over the outcomes that report it. */
export function metricValues(outcomes: readonly InstanceOutcome[], name: string): number[] {
  return outcomes.flatMap((outcome) => (name in outcome.metrics ? [outcome.metrics[name]] : []));
}

/** The sum of one metric over the outcomes that report it. */
export function metricSum(outcomes: readonly InstanceOutcome[], name: string): number {
  return metricValues(outcomes, name).reduce((total, value) => total + value, 0);
}

/** A suite whose instances cycle through a list of kinds (shapes, searches). */
export interface CyclingSuiteDefinition<T> extends Omit<Suite, 'instanceCount' | 'runInstance'> {
  readonly kinds: readonly T[];
  /** A run has about 1 / share of the requested instances (the kinds are expensive). */
  readonly share: number;
  /** Runs `kind` = kinds[which] from the instance's own seed ({@link instanceSeed}). */
  runKind(kind: T, which: number, seed: number): InstanceOutcome;
}

/**
 * The suite of a definition: instance i runs kind i mod kinds.length, and a run has whole cycles
 * (at least one), so every kind is covered equally.
 */
export function cyclingSuite<T>(definition: CyclingSuiteDefinition<T>): Suite {
  const { kinds, share, runKind, ...suite } = definition;
  return {
    ...suite,
    instanceCount: (requested) => kinds.length * Math.max(1, Math.ceil(requested / (share * kinds.length))),
    runInstance: (seed, index) => runKind(kinds[index % kinds.length], index % kinds.length, instanceSeed(seed, suite.name, index)),
  };
}

/** part / whole as a percentage with `digits` decimals ('n/a' for an empty whole). */
export function percent(part: number, whole: number, digits = 1): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(digits)}%`;
}
