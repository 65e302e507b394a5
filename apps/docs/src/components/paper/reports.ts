/**
 * The reports the site renders: the checked-in results/ files (made by `npm run results` from
 * `factorflow-symbolic --json` and `factorflow verify --json`), copied by scripts/generate-data.mjs
 * and typed by the packages that build them: the JSON is exactly what `buildReport` and
 * `reportJson` return, plus the `schema` tag the commands add.
 */
import type { EntryResult, SymbolicReport } from '@factorflow/symbolic';
import type { SuiteResultJson, VerifyReportJson } from '@factorflow/verify';
import symbolicFile from '@site/src/data/generated/symbolic-report.json';
import verifyFile from '@site/src/data/generated/verify-report.json';

/** The symbolic report's own types. */
export type { Verdict, SymbolicReport } from '@factorflow/symbolic';
export type SymbolicEntry = EntryResult;

interface Generated<T> {
  /** The command that made the file, as recorded in it. */
  readonly generatedBy: string;
  /** The checked-in file, relative to the repository root. */
  readonly file: string;
  readonly report: T;
}

/** Median, worst and count of one per-instance metric, computed once by scripts/results.mjs. */
export interface MetricSummary {
  readonly median: number;
  readonly worst: number;
  readonly instances: number;
}

export type TheoremSuite = 'theorem-3' | 'theorem-4';
export type TheoremMetric = 'slack' | 'windowRatio' | 'alphaRatio';

interface VerifyFile extends Generated<VerifyReportJson> {
  readonly figures: Record<TheoremSuite, Record<TheoremMetric, MetricSummary>>;
}

export const symbolic = symbolicFile as unknown as Generated<SymbolicReport>;
export const verification = verifyFile as unknown as VerifyFile;

/** The catalog entries with the given ids, in that order; a missing id is a build error. */
export function entries(ids: readonly string[]): SymbolicEntry[] {
  return ids.map((id) => {
    const entry = symbolic.report.results.find((result) => result.id === id);
    if (!entry) throw new Error(`no symbolic catalog entry '${id}': check the id against packages/symbolic`);
    return entry;
  });
}

export function suite(name: string): SuiteResultJson {
  const found = verification.report.suites.find((result) => result.suite === name);
  if (!found) throw new Error(`no verification suite '${name}' in the generated report`);
  return found;
}

/** The finite values of one per-instance metric of a suite, over its instances that were not skipped. */
export function metricValues(name: string, metric: string): number[] {
  return suite(name).outcomes.flatMap((outcome) => {
    const value = outcome.metrics[metric];
    return !outcome.skipped && typeof value === 'number' ? [value] : [];
  });
}

/** The median of a sample (the mean of the middle two for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

/** Three significant digits, in the README's notation (scripts/readme-results.mjs): `1.28`, `3.53e11`. */
export function figureText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 0.01 && magnitude < 1e4) return value.toPrecision(3);
  return value.toExponential(2).replace('e+', 'e');
}
