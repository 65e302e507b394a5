/**
 * The reports the site renders, produced at build time by scripts/generate-data.mjs from the real
 * commands (`factorflow-symbolic --json`, `factorflow verify --json`), typed by the packages that
 * build them: the JSON is exactly what `buildReport` and `reportJson` return, plus the `schema`
 * tag the verify command adds.
 */
import type { EntryResult, SymbolicReport } from '@factorflow/symbolic';
import type { SuiteResultJson, VerifyReportJson } from '@factorflow/verify';
import symbolicFile from '@site/src/data/generated/symbolic-report.json';
import verifyFile from '@site/src/data/generated/verify-report.json';

/** The symbolic report's own types. */
export type { Verdict, SymbolicReport } from '@factorflow/symbolic';
export type SymbolicEntry = EntryResult;

interface Generated<T> {
  readonly generatedBy: string;
  readonly report: T;
}

export const symbolic = symbolicFile as unknown as Generated<SymbolicReport>;
export const verification = verifyFile as unknown as Generated<VerifyReportJson>;

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
