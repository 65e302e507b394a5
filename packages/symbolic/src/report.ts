/**
 * The catalog's report: one result per entry, a summary, and which proof steps use each
 * hypothesis. Its JSON form (schema `factorflow-symbolic-report/2`, documented in the README)
 * is what the docs site renders.
 */
import { textTable } from '@factorflow/harness';

import type { CheckResult, Verdict } from './check.js';
import { theoremHypotheses } from './catalog/index.js';
import {
  type FieldCheck,
  optional,
  requireArray,
  requireFields,
  requireIntegerIn,
  requireNonNegativeNumber,
  requireOneOf,
  requireRecord,
  requireSeed,
  requireText,
} from './validate.js';
import type { CatalogEntry, EntryCategory } from './entry.js';
import { plainMath } from './plainText.js';

export const REPORT_SCHEMA = 'factorflow-symbolic-report/2';

export interface EntryResult extends Omit<CatalogEntry, 'check' | 'correction'>, CheckResult {
  /** The corrected statement and its own verdict, for a statement that fails. */
  readonly correction?: { readonly statement: string; readonly verdict: Verdict; readonly method: string };
  /** Wall-clock seconds for the entry (its correction included). */
  readonly seconds: number;
}

export interface HypothesisUsage {
  readonly id: string;
  readonly theorems: string;
  readonly statement: string;
  /** Entries whose check relies on the hypothesis; empty means no checked step uses it. */
  readonly usedBy: readonly string[];
}

export interface SymbolicReport {
  readonly schema: typeof REPORT_SCHEMA;
  readonly paper: string;
  readonly engine: { readonly nerdamerPrime: string; readonly node: string };
  readonly seed: number;
  readonly seconds: number;
  readonly summary: Readonly<Record<Verdict, number>> & {
    readonly entries: number;
    readonly checkerBugs: number;
    /** Entries per category, every category present (0 when none). */
    readonly categories: Readonly<Record<EntryCategory, number>>;
  };
  readonly results: readonly EntryResult[];
  readonly hypothesisUsage: readonly HypothesisUsage[];
}

/** Most results of one report: far more than the catalog has entries. */
const MAX_RESULTS = 1 << 16;
const VERDICTS = ['holds', 'holds-as-inequality', 'fails', 'unproved'];
/** Every EntryCategory, in the order the report lists them. */
const CATEGORIES: readonly EntryCategory[] = ['identity', 'inequality', 'justification', 'reading', 'text'];
const text: FieldCheck = (value, argument) => requireText(value, argument);
const texts: FieldCheck = (value, argument) => requireArray(value, argument, MAX_RESULTS, requireText);
const count: FieldCheck = (value, argument) => requireIntegerIn(value, argument, 0, Number.MAX_SAFE_INTEGER);

/** The fields of an entry result that the report reads. */
const requireEntryResult: FieldCheck = (value, argument) =>
  requireFields(value, argument, 'an EntryResult from runEntry', {
    id: text,
    equation: text,
    title: text,
    category: (category, at) => requireOneOf(category, at, CATEGORIES),
    method: text,
    verdict: (verdict, at) => requireOneOf(verdict, at, VERDICTS),
    seconds: requireNonNegativeNumber,
    routes: (routes, at) => requireRecord(routes, at, '{ route: text }'),
    checkerBug: optional(text),
    notes: optional(text),
    uses: optional(texts),
    counterexample: optional((point, at) => requireRecord(point, at, '{ symbol: value }')),
    correction: optional((correction, at) => requireFields(correction, at, '{ statement, verdict, method }', { statement: text, verdict: (verdict, where) => requireOneOf(verdict, where, VERDICTS) })),
  });

const REPORT_FIELDS: Readonly<Record<string, FieldCheck>> = {
  paper: text,
  seed: requireSeed,
  seconds: requireNonNegativeNumber,
  results: (results, at) => requireArray(results, at, MAX_RESULTS, requireEntryResult),
  hypothesisUsage: (usage, at) =>
    requireArray(usage, at, MAX_RESULTS, (entry, where) => requireFields(entry, where, '{ id, theorems, usedBy }', { id: text, theorems: text, usedBy: texts })),
  summary: (summary, at) =>
    requireFields(summary, at, '{ entries, holds, holds-as-inequality, fails, unproved, checkerBugs, categories }', {
      ...Object.fromEntries(['entries', 'holds', 'holds-as-inequality', 'fails', 'unproved', 'checkerBugs'].map((key) => [key, count])),
      categories: (categories, where) => requireFields(categories, where, `{ ${CATEGORIES.join(', ')} }`, Object.fromEntries(CATEGORIES.map((key) => [key, count]))),
    }),
};

const PAPER =
  'H. Min and R. Vidal, Understanding Incremental Learning with Closed-form Solution to Gradient Flow on Overparamerterized Matrix Factorization (2025), Sections II-III';

export function buildReport(results: readonly EntryResult[], seed: number, seconds: number, nerdamerPrime: string): SymbolicReport {
  requireArray(results, 'results', MAX_RESULTS, requireEntryResult);
  requireSeed(seed, 'seed');
  requireNonNegativeNumber(seconds, 'seconds');
  requireText(nerdamerPrime, 'nerdamerPrime');
  const count = (verdict: Verdict) => results.filter((result) => result.verdict === verdict).length;
  return {
    schema: REPORT_SCHEMA,
    paper: PAPER,
    engine: { nerdamerPrime, node: process.version },
    seed,
    seconds,
    summary: {
      entries: results.length,
      holds: count('holds'),
      'holds-as-inequality': count('holds-as-inequality'),
      fails: count('fails'),
      unproved: count('unproved'),
      checkerBugs: results.filter((result) => result.checkerBug !== undefined).length,
      categories: Object.fromEntries(CATEGORIES.map((category) => [category, results.filter((result) => result.category === category).length])) as Record<EntryCategory, number>,
    },
    results,
    hypothesisUsage: theoremHypotheses.map((hypothesis) => ({
      ...hypothesis,
      usedBy: results.filter((result) => result.uses?.includes(hypothesis.id)).map((result) => result.id),
    })),
  };
}

/** The human-readable report: the table, the errata with their corrections, the hypothesis usage, the summary. */
export function formatReport(report: SymbolicReport): string {
  requireFields(report, 'report', 'from buildReport', REPORT_FIELDS);
  const lines: string[] = [`factorflow symbolic: ${report.paper}`, ''];
  lines.push(
    textTable(
      ['id', 'equation', 'category', 'verdict', 'method', 'time'],
      report.results.map((result) => [
        result.id,
        result.equation,
        result.category,
        result.checkerBug ? `${result.verdict} (CHECKER BUG)` : result.verdict,
        result.method,
        `${result.seconds.toFixed(1)} s`,
      ]),
    ),
  );
  const errata = report.results.filter((result) => result.verdict === 'fails' || result.verdict === 'holds-as-inequality');
  if (errata.length > 0) {
    lines.push('', 'Errata (the paper\'s statement does not hold as written):');
    for (const result of errata) {
      lines.push(`  ${result.id} ${result.equation}: ${result.title}`);
      lines.push(`    verdict: ${result.verdict}${result.counterexample ? `; counterexample ${JSON.stringify(result.counterexample)}` : ''}`);
      if (result.residual) lines.push(`    residual: ${result.residual}`);
      if (result.correction) lines.push(`    corrected (${result.correction.verdict}, by ${result.correction.method}): ${result.correction.statement}`);
      if (result.notes) lines.push(`    ${plainMath(result.notes)}`);
    }
  }
  lines.push('', 'Hypotheses of Theorems 3 and 4, and the checked proof steps that use them:');
  const labels = report.hypothesisUsage.map((usage) => `Thm ${usage.theorems}: ${usage.id}`);
  const labelWidth = Math.max(...labels.map((label) => label.length));
  report.hypothesisUsage.forEach((usage, index) =>
    lines.push(`  ${labels[index].padEnd(labelWidth)}  ${usage.usedBy.length === 0 ? 'used by no checked step' : usage.usedBy.join(', ')}`),
  );
  const bugs = report.results.filter((result) => result.checkerBug);
  for (const bug of bugs) lines.push('', `CHECKER BUG in ${bug.id}: ${bug.checkerBug}`, `  routes: ${JSON.stringify(bug.routes)}`);
  const { summary } = report;
  const categories = CATEGORIES.map((category) => `${summary.categories[category]} ${category}`).join(', ');
  lines.push(
    '',
    `${summary.entries} checks: ${summary.holds} hold, ${summary['holds-as-inequality']} hold as inequalities, ${summary.fails} fail (errata), ${summary.unproved} unproved; ${summary.checkerBugs} checker bugs; ${report.seconds.toFixed(1)} s (seed ${report.seed})`,
    `by category: ${categories}`,
  );
  return lines.join('\n');
}
