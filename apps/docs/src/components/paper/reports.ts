/**
 * The reports the site renders, produced at build time by scripts/generate-data.mjs from the real
 * commands (`factorflow-symbolic --json`, `factorflow verify --json`). The symbolic report is
 * typed by @factorflow/symbolic itself; the verify report's JSON (`reportJson`) is untyped there,
 * so its shape is stated here.
 */
import type { EntryResult, SymbolicReport } from '@factorflow/symbolic';
import symbolicFile from '@site/src/data/generated/symbolic-report.json';
import verifyFile from '@site/src/data/generated/verify-report.json';

/** The symbolic report's own types: the JSON is exactly what `buildReport` returns. */
export type { Verdict, SymbolicReport } from '@factorflow/symbolic';
export type SymbolicEntry = EntryResult;

interface SuiteResult {
  readonly package: string;
  readonly suite: string;
  readonly claim: string;
  readonly failureIsBug: boolean;
  readonly checked: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly metric: number | null;
  readonly metricName: string;
  readonly findings: readonly string[];
  readonly failures: readonly string[];
  readonly seconds: number;
}

interface VerifyReport {
  readonly seed: number;
  readonly instances: number;
  readonly bug: boolean;
  readonly suites: readonly SuiteResult[];
}

interface Generated<T> {
  readonly generatedBy: string;
  readonly report: T;
}

export const symbolic = symbolicFile as unknown as Generated<SymbolicReport>;
export const verification = verifyFile as unknown as Generated<VerifyReport>;

/** The catalog entries with the given ids, in that order; a missing id is a build error. */
export function entries(ids: readonly string[]): SymbolicEntry[] {
  return ids.map((id) => {
    const entry = symbolic.report.results.find((result) => result.id === id);
    if (!entry) throw new Error(`no symbolic catalog entry '${id}': check the id against packages/symbolic`);
    return entry;
  });
}

export function suite(name: string): SuiteResult {
  const found = verification.report.suites.find((result) => result.suite === name);
  if (!found) throw new Error(`no verification suite '${name}' in the generated report`);
  return found;
}
