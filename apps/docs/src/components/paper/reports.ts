/**
 * The reports the site renders, produced at build time by scripts/generate-data.mjs from the real
 * commands (`factorflow-symbolic --json`, `factorflow verify --json`). Types mirror the JSON
 * schemas documented in packages/symbolic/README.md and packages/verify.
 */
import symbolicFile from '@site/src/data/generated/symbolic-report.json';
import verifyFile from '@site/src/data/generated/verify-report.json';

export type Verdict = 'holds' | 'holds-as-inequality' | 'fails' | 'unproved';

export interface SymbolicEntry {
  readonly id: string;
  readonly section: string;
  readonly equation: string;
  readonly title: string;
  readonly statement: string;
  readonly hypotheses: readonly string[];
  readonly scope?: string;
  readonly uses?: readonly string[];
  readonly notes?: string;
  readonly verdict: Verdict;
  readonly method: string;
  readonly routes: Readonly<Record<string, string>>;
  readonly residual?: string;
  readonly counterexample?: Readonly<Record<string, string>>;
  readonly correction?: { readonly statement: string; readonly verdict: Verdict; readonly method: string };
  readonly checkerBug?: string;
  readonly seconds: number;
}

export interface SymbolicReport {
  readonly schema: string;
  readonly engine: { readonly nerdamerPrime: string; readonly node: string };
  readonly seed: number;
  readonly seconds: number;
  readonly summary: Readonly<Record<'entries' | 'holds' | 'holds-as-inequality' | 'fails' | 'unproved' | 'checkerBugs', number>>;
  readonly results: readonly SymbolicEntry[];
  readonly hypothesisUsage: readonly { readonly id: string; readonly theorems: string; readonly statement: string; readonly usedBy: readonly string[] }[];
}

export interface SuiteResult {
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

export interface VerifyReport {
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
