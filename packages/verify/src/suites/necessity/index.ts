/**
 * Which hypotheses of Theorems 3 and 4 of Min & Vidal (2025) are actually needed? For each
 * hypothesis, fast-check searches for instances that violate that hypothesis only (every other
 * one holds, checked on each instance) and break the conclusion (17)/(23) (see conclusion.ts).
 */
import fc from 'fast-check';

import { type InstanceOutcome, type Suite, cyclingSuite, metricSum, metricValues } from '../../suite.js';
import { alphaBoundsSearch, alphaSeparationSearch, theorem3AlphaSmallSearch, theorem4AlphaSmallK1Search, theorem4AlphaSmallSearch } from './alpha.js';
import { type Case, type HypothesisSearch, violatesOnly } from './cases.js';
import { type Verdict, evaluate } from './conclusion.js';
import { theorem3EpsilonSearch, theorem4EpsilonOneSearch, theorem4EpsilonSigmaKSearch } from './epsilon.js';
import { theorem3PositiveShapeSearch, theorem4InvertibleOnKernelSearch, theorem4InvertibleSearch } from './initialization.js';
import { distinctValuesSearch } from './spectrum.js';

/** fast-check runs (candidate instances violating one hypothesis of Theorem 3 or 4) per suite instance. */
const RUNS_PER_INSTANCE = 300;
/** Predicate calls allowed for shrinking a counterexample to Theorem 3/4's conclusion (deterministic: counted, not timed). */
const SHRINK_CALLS = 200;

/**
 * The searches, one per hypothesis of Theorems 3 and 4 (Theorem 4's eps range in its two halves, its
 * alpha <= c_eps / M for K >= 2 and K = 1), plus the joint alpha bound and, for Theorem 4,
 * invertibility violated only on ker Y. Suite instance i runs search i mod NECESSITY_SEARCHES.length.
 */
export const NECESSITY_SEARCHES: readonly HypothesisSearch[] = [
  distinctValuesSearch(3),
  theorem3PositiveShapeSearch,
  theorem3EpsilonSearch,
  alphaBoundsSearch(3),
  theorem3AlphaSmallSearch,
  alphaSeparationSearch(3),
  distinctValuesSearch(4),
  theorem4InvertibleSearch,
  theorem4InvertibleOnKernelSearch,
  theorem4EpsilonSigmaKSearch,
  theorem4EpsilonOneSearch,
  alphaBoundsSearch(4),
  theorem4AlphaSmallSearch,
  theorem4AlphaSmallK1Search,
  alphaSeparationSearch(4),
];

/** Result of one search for a break of (17)/(23) under a single violated hypothesis. */
interface SearchResult {
  readonly found: boolean;
  /** Candidate instances tried (fast-check runs, skipped ones excluded). */
  readonly tries: number;
  readonly skipped: number;
  /** The shrunk counterexample: raw parameters (JSON), case and verdict. */
  readonly counterexample: { raw: string; value: Case; verdict: Verdict } | null;
  /** Largest ||W(t) - Y_hat_k|| / eps on the probes of non-empty I_k over the candidates that held. */
  readonly worstRatio: number;
  /** Candidates on which some I_k was empty (the conclusion then rests on measured windows). */
  readonly withEmptyIntervals: number;
}

/**
 * Runs one search with fast-check (`fc.check`, fixed seed, `runs` candidates): a candidate is
 * skipped (fc.pre) when the violating range is empty for it or when anything but the searched
 * hypothesis fails; it fails when the conclusion breaks. fast-check then shrinks the counterexample
 * for at most {@link SHRINK_CALLS} further predicate calls (a call count, so the result is
 * deterministic).
 */
export function runSearch(search: HypothesisSearch, seed: number, runs = RUNS_PER_INSTANCE): SearchResult {
  let shrinkCalls = 0;
  let worstRatio = 0;
  let withEmptyIntervals = 0;
  let inInitialRuns = true;
  let tries = 0;
  const property = fc.property(search.arbitrary, (raw) => {
    // After the first failure fast-check only shrinks: stop accepting new failures after the budget.
    if (!inInitialRuns && ++shrinkCalls > SHRINK_CALLS) return true;
    const value = search.build(raw);
    fc.pre(value !== null && violatesOnly(search, value));
    const verdict = evaluate(value!);
    if (inInitialRuns) {
      tries++;
      if (verdict.emptyIntervals > 0) withEmptyIntervals++;
      if (!verdict.breaks) worstRatio = Math.max(worstRatio, verdict.worstRatio);
      else inInitialRuns = false;
    }
    return !verdict.breaks;
  });
  const details = fc.check(property, { seed, numRuns: runs, maxSkipsPerRun: 10 });
  if (!details.failed || details.counterexample === null) {
    return { found: false, tries, skipped: details.numSkips, counterexample: null, worstRatio, withEmptyIntervals };
  }
  const raw = details.counterexample[0];
  const value = search.build(raw)!;
  return {
    found: true,
    tries,
    skipped: details.numSkips,
    counterexample: { raw: JSON.stringify(raw), value, verdict: evaluate(value) },
    worstRatio,
    withEmptyIntervals,
  };
}

/**
 * Necessity of the hypotheses of Theorems 3 and 4 (eqs. (16), (17), (23)): instance i searches,
 * with fast-check from a seed derived from instanceSeed, for an instance that violates only the
 * hypothesis of search i mod 15 and breaks the conclusion; on success it reports the shrunk
 * counterexample (a finding: the hypothesis is needed), otherwise "no counterexample in N tries".
 * Exploratory: never a bug.
 */
export const necessitySuite: Suite = cyclingSuite({
  name: 'hypothesis-necessity',
  package: '@factorflow/core',
  claim:
    'Thms 3/4 hypotheses, one at a time: fast-check searches instances violating only that hypothesis for a break of (17)/(23) (a probe in a non-empty I_k with ||W - Y_hat_k|| > eps, or an empty I_k with no window at all); passed = no counterexample found',
  failureIsBug: false,
  kinds: NECESSITY_SEARCHES,
  share: 4,
  runKind(search, which, own): InstanceOutcome {
    const result = runSearch(search, own);
    const metrics: Record<string, number> = {
      search: which,
      found: result.found ? 1 : 0,
      tries: result.tries,
      skipped: result.skipped,
      worstRatio: result.worstRatio,
      withEmptyIntervals: result.withEmptyIntervals,
    };
    if (!result.counterexample) return { passed: true, metrics };
    const { raw, value, verdict } = result.counterexample;
    metrics.log10AlphaOverMax = (value.logAlpha - value.quantities.logAlphaMax) / Math.LN10;
    return {
      passed: false,
      metrics,
      detail: `${search.id} (${search.statement}) is needed: seed ${own}, shrunk counterexample ${value.description}: ${verdict.reason} [raw ${raw}]`,
    };
  },
  summarize(outcomes) {
    const lines: string[] = [];
    let necessary = 0;
    for (const [which, search] of NECESSITY_SEARCHES.entries()) {
      const own = outcomes.filter((outcome) => outcome.metrics.search === which);
      if (own.length === 0) continue;
      const found = own.filter((outcome) => outcome.metrics.found === 1).length;
      const tries = metricSum(own, 'tries');
      const empty = metricSum(own, 'withEmptyIntervals');
      const worst = Math.max(0, ...metricValues(own, 'worstRatio'));
      if (found > 0) {
        necessary++;
        const excess = metricValues(own, 'log10AlphaOverMax');
        const alpha = search.violates.some((name) => name.startsWith('alpha'))
          ? `, shrunk alpha as low as 10^${Math.min(...excess).toPrecision(3)} alpha_max`
          : '';
        lines.push(`${search.id}: NEEDED, counterexample in ${found}/${own.length} searches${alpha} (${search.violation})`);
      } else {
        lines.push(
          `${search.id}: not needed in our search, no counterexample in ${tries} tries (${search.violation}; worst ||W - Y_hat_k|| / eps on the I_k ${worst.toPrecision(3)}${empty > 0 ? `, ${empty} tries with an empty I_k all had windows` : ''})`,
        );
      }
    }
    return {
      metric: necessary,
      metricName: `hypotheses with a counterexample (of ${NECESSITY_SEARCHES.length} searches)`,
      findings: lines,
    };
  },
});
